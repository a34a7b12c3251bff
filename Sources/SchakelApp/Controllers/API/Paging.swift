import Fluent
import SchakelCore
import Vapor

/// `?page=&per=` read strictly: a page that is not a whole number is a 422 naming the field,
/// not a silent first page. Answers `{"items": [...], "metadata": {"page", "per", "total"}}`.
struct Paging {
    static let maxPer = 100
    static let maxPage = 1_000_000
    static let defaultPer = 25

    let page: Int
    let per: Int

    init(page: Int, per: Int) {
        self.page = page
        self.per = per
    }

    init(_ request: Request) throws {
        page = try Paging.integer(request, "page", default: 1, range: 1...Paging.maxPage)
        per = try Paging.integer(request, "per", default: Paging.defaultPer, range: 1...Paging.maxPer)
    }

    private static func integer(_ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = request.query[String.self, at: name] else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw SchakelError.validation(field: name, reason: Strings.notAnInteger,
                                          arguments: [String(range.lowerBound), String(range.upperBound)])
        }
        return number
    }

    var request: PageRequest { PageRequest(page: page, per: per) }
}

extension QueryBuilder {
    func page(_ paging: Paging) async throws -> Page<Model> {
        try await paginate(paging.request)
    }
}

extension Request {
    /// A query parameter that must be one of an enum's raw values.
    func queryEnum<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = query[String.self, at: name] else { return nil }
        guard let value = T(rawValue: text) else {
            throw SchakelError.validation(field: name, reason: Strings.unknownValue,
                                          arguments: [T.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        return value
    }

    /// The purpose a read is for (`?purpose=`, guidance to work when absent): parsed by the adapter, passed to features.
    func purpose() throws -> Purpose {
        try queryEnum("purpose", as: Purpose.self) ?? .guidanceToWork
    }

    /// The offer catalogue's query, as the API and the catalogue page read it: `?kind=&sector=&region=&schedule=`,
    /// and `?eligibleFor=` naming a person (an id that is not one is a 422 on that field).
    func offerListQuery() throws -> (filter: Offers.Filter, eligibleFor: UUID?) {
        let filter = Offers.Filter(kind: try queryEnum("kind", as: OfferKind.self), sector: query[String.self, at: "sector"],
                                   region: query[String.self, at: "region"], schedule: try queryEnum("schedule", as: OfferSchedule.self))
        guard let personText = query[String.self, at: "eligibleFor"] else { return (filter, nil) }
        guard let personID = UUID(uuidString: personText) else {
            throw SchakelError.validation(field: "eligibleFor", reason: Strings.notFound)
        }
        return (filter, personID)
    }

    /// A path or query identifier that must be a UUID; anything else cannot exist.
    func uuidParameter(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw SchakelError.notFound }
        return id
    }
}
