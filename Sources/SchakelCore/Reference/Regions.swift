/// The five Flemish provinces and the Brussels-Capital Region, by their NIS (REFNIS) codes.
public struct Region: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case province
        case capitalRegion = "capital-region"
    }

    public let nisCode: String
    public let nameNL: String
    public let nameEN: String
    public let kind: Kind

    public init(nisCode: String, nameNL: String, nameEN: String, kind: Kind) {
        self.nisCode = nisCode
        self.nameNL = nameNL
        self.nameEN = nameEN
        self.kind = kind
    }
}

public struct Municipality: Hashable, Sendable, Codable {
    public let nisCode: String
    public let nameNL: String
    public let nameFR: String?
    public let regionCode: String

    public init(nisCode: String, nameNL: String, nameFR: String? = nil, regionCode: String) {
        self.nisCode = nisCode
        self.nameNL = nameNL
        self.nameFR = nameFR
        self.regionCode = regionCode
    }
}

public enum ReferenceRegions {
    public static let antwerpen = Region(nisCode: "10000", nameNL: "Antwerpen", nameEN: "Antwerp", kind: .province)
    public static let vlaamsBrabant = Region(nisCode: "20001", nameNL: "Vlaams-Brabant", nameEN: "Flemish Brabant", kind: .province)
    public static let westVlaanderen = Region(nisCode: "30000", nameNL: "West-Vlaanderen", nameEN: "West Flanders", kind: .province)
    public static let oostVlaanderen = Region(nisCode: "40000", nameNL: "Oost-Vlaanderen", nameEN: "East Flanders", kind: .province)
    public static let limburg = Region(nisCode: "70000", nameNL: "Limburg", nameEN: "Limburg", kind: .province)
    public static let brussel = Region(nisCode: "04000", nameNL: "Brussels Hoofdstedelijk Gewest",
                                       nameEN: "Brussels-Capital Region", kind: .capitalRegion)

    public static let all: [Region] = [antwerpen, vlaamsBrabant, westVlaanderen, oostVlaanderen, limburg, brussel]
    public static let provinces: [Region] = all.filter { $0.kind == .province }

    public static func region(code: String) -> Region? { all.first { $0.nisCode == code } }

    /// Municipalities the source cases (docs/domain.md#the-source-cases) and the demo world use (REFNIS codes as
    /// published by Statbel).
    /// The full list is loaded with `schakel reference import-municipalities FILE.csv`.
    public static let municipalities: [Municipality] = [
        .init(nisCode: "11002", nameNL: "Antwerpen", nameFR: "Anvers", regionCode: "10000"),
        .init(nisCode: "12021", nameNL: "Lier", nameFR: "Lierre", regionCode: "10000"),
        .init(nisCode: "12025", nameNL: "Mechelen", nameFR: "Malines", regionCode: "10000"),
        .init(nisCode: "13008", nameNL: "Geel", regionCode: "10000"),
        .init(nisCode: "13011", nameNL: "Herentals", regionCode: "10000"),
        .init(nisCode: "13017", nameNL: "Mol", regionCode: "10000"),
        .init(nisCode: "13040", nameNL: "Turnhout", regionCode: "10000"),
        .init(nisCode: "23027", nameNL: "Halle", nameFR: "Hal", regionCode: "20001"),
        .init(nisCode: "23088", nameNL: "Vilvoorde", nameFR: "Vilvorde", regionCode: "20001"),
        .init(nisCode: "24001", nameNL: "Aarschot", regionCode: "20001"),
        .init(nisCode: "24020", nameNL: "Diest", regionCode: "20001"),
        .init(nisCode: "24062", nameNL: "Leuven", nameFR: "Louvain", regionCode: "20001"),
        .init(nisCode: "24107", nameNL: "Tienen", nameFR: "Tirlemont", regionCode: "20001"),
        .init(nisCode: "31005", nameNL: "Brugge", nameFR: "Bruges", regionCode: "30000"),
        .init(nisCode: "33011", nameNL: "Ieper", nameFR: "Ypres", regionCode: "30000"),
        .init(nisCode: "33040", nameNL: "Langemark-Poelkapelle", regionCode: "30000"),
        .init(nisCode: "34022", nameNL: "Kortrijk", nameFR: "Courtrai", regionCode: "30000"),
        .init(nisCode: "34027", nameNL: "Menen", nameFR: "Menin", regionCode: "30000"),
        .init(nisCode: "35013", nameNL: "Oostende", nameFR: "Ostende", regionCode: "30000"),
        .init(nisCode: "36015", nameNL: "Roeselare", nameFR: "Roulers", regionCode: "30000"),
        .init(nisCode: "41002", nameNL: "Aalst", nameFR: "Alost", regionCode: "40000"),
        .init(nisCode: "42006", nameNL: "Dendermonde", nameFR: "Termonde", regionCode: "40000"),
        .init(nisCode: "43005", nameNL: "Eeklo", regionCode: "40000"),
        .init(nisCode: "44021", nameNL: "Gent", nameFR: "Gand", regionCode: "40000"),
        .init(nisCode: "45035", nameNL: "Oudenaarde", nameFR: "Audenarde", regionCode: "40000"),
        .init(nisCode: "46021", nameNL: "Sint-Niklaas", nameFR: "Saint-Nicolas", regionCode: "40000"),
        .init(nisCode: "71004", nameNL: "Beringen", regionCode: "70000"),
        .init(nisCode: "71016", nameNL: "Genk", regionCode: "70000"),
        .init(nisCode: "71022", nameNL: "Hasselt", regionCode: "70000"),
        .init(nisCode: "71053", nameNL: "Sint-Truiden", nameFR: "Saint-Trond", regionCode: "70000"),
        .init(nisCode: "72020", nameNL: "Lommel", regionCode: "70000"),
        .init(nisCode: "73107", nameNL: "Maasmechelen", regionCode: "70000"),
        .init(nisCode: "21001", nameNL: "Anderlecht", nameFR: "Anderlecht", regionCode: "04000"),
        .init(nisCode: "21004", nameNL: "Brussel", nameFR: "Bruxelles", regionCode: "04000"),
        .init(nisCode: "21007", nameNL: "Vorst", nameFR: "Forest", regionCode: "04000"),
        .init(nisCode: "21009", nameNL: "Elsene", nameFR: "Ixelles", regionCode: "04000"),
        .init(nisCode: "21012", nameNL: "Sint-Jans-Molenbeek", nameFR: "Molenbeek-Saint-Jean", regionCode: "04000"),
        .init(nisCode: "21013", nameNL: "Sint-Gillis", nameFR: "Saint-Gilles", regionCode: "04000"),
        .init(nisCode: "21015", nameNL: "Schaarbeek", nameFR: "Schaerbeek", regionCode: "04000"),
    ]
}
