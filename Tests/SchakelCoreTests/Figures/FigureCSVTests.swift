import Testing
@testable import SchakelCore

@Suite struct FigureCSVTests {
    @Test func rowsEndInCRLFAfterAHeader() {
        #expect(FigureCSV.render(header: ["regio", "personen"], rows: [["Gent", "12"], ["Aalst", "<5"]])
            == "regio,personen\r\nGent,12\r\nAalst,<5\r\n")
        #expect(FigureCSV.render(header: ["regio"], rows: []) == "regio\r\n")
    }

    @Test(arguments: [
        ("Gent, centrum", #""Gent, centrum""#),
        (#"de "warme" overdracht"#, #""de ""warme"" overdracht""#),
        ("twee\nregels", "\"twee\nregels\""),
        ("twee\r\nregels", "\"twee\r\nregels\""),
        ("terug\r", "\"terug\r\""),
        ("gewoon", "gewoon"),
        ("", ""),
    ])
    func aFieldIsQuotedOnlyWhenItMustBe(field: String, written: String) {
        #expect(FigureCSV.field(field) == written)
    }

    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("@cmd", "'@cmd"),
        ("+32 470 12 34 56", "'+32 470 12 34 56"),
        ("-2+3", "'-2+3"),
        ("=1", "'=1"),
        ("-", "'-"),
        ("\tverborgen", "'\tverborgen"),
        ("=HYPERLINK(\"x\",\"y\")", #""'=HYPERLINK(""x"",""y"")""#),
        ("-12", "-12"),
        ("+7", "+7"),
        ("-1.5", "-1.5"),
        ("-1,5", #""-1,5""#),
        ("<5", "<5"),
    ])
    func aFieldStartingLikeAFormulaIsWrittenAsText(field: String, written: String) {
        #expect(FigureCSV.field(field) == written)
    }

    @Test func aProtectedTableIsWrittenWithItsTotalsAndItsMarks() {
        let table = Disclosure.protect(CountTable(rows: ["40000", "10000"], columns: ["job", "training", "none"],
                                                  values: [[3, 20, 30], [10, 12, 40]]))
        let names = ["40000": "Oost-Vlaanderen", "10000": "Antwerpen", "job": "werk", "training": "opleiding", "none": "geen"]
        let csv = FigureCSV.render(table, corner: "provincie", totalName: "totaal", rowName: { names[$0]! }, columnName: { names[$0]! })
        #expect(csv == """
            provincie,werk,opleiding,geen,totaal\r
            Oost-Vlaanderen,<5,x,30,53\r
            Antwerpen,x,x,40,62\r
            totaal,13,32,70,115\r

            """)
    }
}
