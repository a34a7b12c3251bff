import Testing
@testable import SchakelCore

@Suite struct CSVCellTests {
    /// Every text a spreadsheet would run comes out as text, and the import gives back what was there.
    @Test(arguments: [
        ("=HYPERLINK(\"http://evil.example\",\"klik\")", #""'=HYPERLINK(""http://evil.example"",""klik"")""#),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tverborgen", "'\tverborgen"),
        ("\r=1", "\"'\r=1\""),
        ("'=al met apostrof", "''=al met apostrof"),
        ("''@twee", "'''@twee"),
        ("'gewoon", "'gewoon"),
        ("-12", "-12"),
        ("+7", "+7"),
        ("Lassen, avond", "\"Lassen, avond\""),
        ("", ""),
    ])
    func aFormulaIsWrittenAsTextAndReadBackAsTyped(text: String, written: String) {
        #expect(CSVCell.field(text) == written)
        #expect(CSVCell.restored(CSVCell.neutralised(text)) == text)
    }

    @Test func anImportTakesOffOnlyTheApostropheAnExportPutThere() {
        #expect(CSVCell.restored("'=1") == "=1")
        #expect(CSVCell.restored("'-12") == "'-12")
        #expect(CSVCell.restored("'gewoon") == "'gewoon")
        #expect(CSVCell.restored("''=1") == "'=1")
        #expect(CSVCell.restored("=1") == "=1")
    }
}
