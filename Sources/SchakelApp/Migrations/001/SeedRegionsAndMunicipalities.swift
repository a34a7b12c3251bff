import Fluent
import SQLKit

/// The six regions and the municipalities the source cases use (docs/domain.md#the-source-cases); the full list
/// is imported by command.
struct SeedRegionsAndMunicipalities: AsyncMigration {
    // Frozen copy of `ReferenceRegions` as of this migration: a later edit of that list must not change
    // what a new database is seeded with here.
    private static let regions: [(id: String, nameNL: String, nameEN: String, kind: String)] = [
        ("10000", "Antwerpen", "Antwerp", "province"),
        ("20001", "Vlaams-Brabant", "Flemish Brabant", "province"),
        ("30000", "West-Vlaanderen", "West Flanders", "province"),
        ("40000", "Oost-Vlaanderen", "East Flanders", "province"),
        ("70000", "Limburg", "Limburg", "province"),
        ("04000", "Brussels Hoofdstedelijk Gewest", "Brussels-Capital Region", "capital-region"),
    ]
    private static let municipalities: [(id: String, nameNL: String, nameFR: String?, regionID: String)] = [
        ("11002", "Antwerpen", "Anvers", "10000"),
        ("12021", "Lier", "Lierre", "10000"),
        ("12025", "Mechelen", "Malines", "10000"),
        ("13008", "Geel", nil, "10000"),
        ("13011", "Herentals", nil, "10000"),
        ("13017", "Mol", nil, "10000"),
        ("13040", "Turnhout", nil, "10000"),
        ("23027", "Halle", "Hal", "20001"),
        ("23088", "Vilvoorde", "Vilvorde", "20001"),
        ("24001", "Aarschot", nil, "20001"),
        ("24020", "Diest", nil, "20001"),
        ("24062", "Leuven", "Louvain", "20001"),
        ("24107", "Tienen", "Tirlemont", "20001"),
        ("31005", "Brugge", "Bruges", "30000"),
        ("33011", "Ieper", "Ypres", "30000"),
        ("33040", "Langemark-Poelkapelle", nil, "30000"),
        ("34022", "Kortrijk", "Courtrai", "30000"),
        ("34027", "Menen", "Menin", "30000"),
        ("35013", "Oostende", "Ostende", "30000"),
        ("36015", "Roeselare", "Roulers", "30000"),
        ("41002", "Aalst", "Alost", "40000"),
        ("42006", "Dendermonde", "Termonde", "40000"),
        ("43005", "Eeklo", nil, "40000"),
        ("44021", "Gent", "Gand", "40000"),
        ("45035", "Oudenaarde", "Audenarde", "40000"),
        ("46021", "Sint-Niklaas", "Saint-Nicolas", "40000"),
        ("71004", "Beringen", nil, "70000"),
        ("71016", "Genk", nil, "70000"),
        ("71022", "Hasselt", nil, "70000"),
        ("71053", "Sint-Truiden", "Saint-Trond", "70000"),
        ("72020", "Lommel", nil, "70000"),
        ("73107", "Maasmechelen", nil, "70000"),
        ("21001", "Anderlecht", "Anderlecht", "04000"),
        ("21004", "Brussel", "Bruxelles", "04000"),
        ("21007", "Vorst", "Forest", "04000"),
        ("21009", "Elsene", "Ixelles", "04000"),
        ("21012", "Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean", "04000"),
        ("21013", "Sint-Gillis", "Saint-Gilles", "04000"),
        ("21015", "Schaarbeek", "Schaerbeek", "04000"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.transaction { transaction in
            let sql = transaction as! any SQLDatabase
            for region in Self.regions {
                try await sql.insert(into: "regions").columns("id", "name_nl", "name_en", "kind")
                    .values(SQLBind(region.id), SQLBind(region.nameNL), SQLBind(region.nameEN), SQLBind(region.kind)).run()
            }
            for municipality in Self.municipalities {
                try await sql.insert(into: "municipalities").columns("id", "name_nl", "name_fr", "region_id")
                    .values(SQLBind(municipality.id), SQLBind(municipality.nameNL), SQLBind(municipality.nameFR),
                            SQLBind(municipality.regionID)).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.delete(from: "municipalities").run()
        try await sql.delete(from: "regions").run()
    }
}
