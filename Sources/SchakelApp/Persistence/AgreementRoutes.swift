import Fluent
import Foundation
import SchakelCore
import SQLKit

/// The routes of the chain's agreements: which organisation may send what to which, from when until when, with which
/// first-contact term. One query reads them for every use (the access rule, referrals, the referral form); "in force
/// on a day" is decided on its rows by `Validity.contains`, the same everywhere.
enum AgreementRoutes {
    struct Row: Sendable {
        let route: AccessRule.Route
        let responseDays: Int
    }

    /// The routes `from` → `to`; without `from`, those from every organisation to `to`; without `to`, those from `from`
    /// to every organisation. In force or not: the caller (or the rule) checks the day.
    static func routes(from sender: UUID?, to receiver: UUID?, on database: any Database) async throws -> [Row] {
        precondition(sender != nil || receiver != nil, "routes are read for one organisation at least")
        var query: SQLQueryString = """
            SELECT r.from_organisation_id, r.to_organisation_id, r.categories, r.response_days, a.valid_from, a.valid_until
            FROM agreement_routes r JOIN agreements a ON a.id = r.agreement_id WHERE 1 = 1
            """
        if let receiver { query += " AND r.to_organisation_id = \(bind: receiver)" }
        if let sender { query += " AND r.from_organisation_id = \(bind: sender)" }
        return try await (database as! any SQLDatabase).raw(query).all().map { row in
            let route = AccessRule.Route(from: try row.decode(column: "from_organisation_id", as: UUID.self),
                                         to: try row.decode(column: "to_organisation_id", as: UUID.self),
                                         categories: Set(JSONList.decode(try row.decode(column: "categories", as: String.self))),
                                         validity: Validity(from: try row.decode(column: "valid_from", as: CalendarDate.self),
                                                            until: try row.decode(column: "valid_until", as: CalendarDate?.self)))
            return Row(route: route, responseDays: try row.decode(column: "response_days", as: Int.self))
        }
    }

    /// The routes `from` → `to` in force on `day`.
    static func inForce(from sender: UUID?, to receiver: UUID?, on day: CalendarDate, database: any Database) async throws -> [Row] {
        try await routes(from: sender, to: receiver, on: database).filter { $0.route.validity.contains(day) }
    }

    /// The shortest first-contact term of the routes `from` → `to` in force on `day`; nil when none is: then no
    /// referral may be sent or taken on between them.
    static func responseDaysInForce(from sender: UUID, to receiver: UUID, on day: CalendarDate,
                                    database: any Database) async throws -> Int? {
        try await inForce(from: sender, to: receiver, on: day, database: database).map(\.responseDays).min()
    }

    /// The organisations an agreement in force on `day` routes `sender`'s referrals to (itself left out).
    static func receivers(of sender: UUID, on day: CalendarDate, database: any Database) async throws -> Set<UUID> {
        Set(try await inForce(from: sender, to: nil, on: day, database: database).map(\.route.to)).subtracting([sender])
    }
}
