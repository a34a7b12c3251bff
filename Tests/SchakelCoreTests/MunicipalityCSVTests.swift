import Testing
@testable import SchakelCore

@Suite struct MunicipalityCSVTests {
    let regions: Set<String> = Set(ReferenceRegions.all.map(\.nisCode))

    @Test func readsColumnsInAnyOrderWithQuotes() throws {
        let csv = "region_nis,name_fr,nis_code,name_nl\n40000,Gand,44021,Gent\n10000,,11002,\"Antwerpen, stad\"\n\n"
        let list = try MunicipalityCSV.parse(csv, knownRegions: regions).get()
        #expect(list == [Municipality(nisCode: "44021", nameNL: "Gent", nameFR: "Gand", regionCode: "40000"),
                         Municipality(nisCode: "11002", nameNL: "Antwerpen, stad", nameFR: nil, regionCode: "10000")])
    }

    @Test func everyProblemIsReportedWithLineAndField() {
        let csv = """
        nis_code,name_nl,name_fr,region_nis
        44021,Gent,,40000
        4402,Kort,,40000
        44021,Dubbel,,40000
        11002,,,99999
        """
        guard case let .failure(list) = MunicipalityCSV.parse(csv, knownRegions: regions) else {
            Issue.record("bad rows were accepted"); return
        }
        #expect(list.problems.map { "\($0.line):\($0.field)" } == ["3:nis_code", "4:nis_code", "5:name_nl", "5:region_nis"])
    }

    @Test func aMissingColumnIsNamed() {
        guard case let .failure(list) = MunicipalityCSV.parse("nis_code,name_nl\n44021,Gent", knownRegions: regions) else {
            Issue.record("accepted"); return
        }
        #expect(list.problems.map(\.field) == ["name_fr", "region_nis"])
    }

    @Test func theBuiltInListIsConsistent() {
        let codes = ReferenceRegions.municipalities.map(\.nisCode)
        #expect(Set(codes).count == codes.count)
        #expect(ReferenceRegions.municipalities.allSatisfy { regions.contains($0.regionCode) })
        // The source cases' places (docs/domain.md#the-source-cases): Poelkapelle, Gent, Mechelen, Brussels.
        for code in ["33040", "44021", "12025", "21004"] { #expect(codes.contains(code)) }
        // Every region has municipalities, so demo persons can live anywhere.
        #expect(Set(ReferenceRegions.municipalities.map(\.regionCode)) == regions)
    }
}
