import Fluent
import Foundation
import SQLKit

/// Trajectories, milestones and the right-to-work date kept for the "coming weeks" list.
struct CreateTrajectories: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // Derived from the statuses and the protection request whenever they change (Milestones.rightToWorkDate).
        try await database.schema("persons").field("right_to_work_on", .string).update()
        try await database.schema("trajectory_steps")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("created_by_user_id", .uuid, .required, .references("users", "id"))
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("provider", .string)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("outcome", .string)
            .field("level_reached", .string)
            .field("note", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("milestones")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("on", .string, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("recorded_by_user_id", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "persons_right_to_work_idx").on("persons")
            .column("owner_organisation_id").column("right_to_work_on").run()
        try await sql.create(index: "trajectory_steps_person_idx").on("trajectory_steps").column("person_id").run()
        try await sql.create(index: "milestones_person_idx").on("milestones").column("person_id").run()
        try await RightToWorkBackfill.run(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("milestones").delete()
        try await database.schema("trajectory_steps").delete()
        try await (database as! any SQLDatabase).drop(index: "persons_right_to_work_idx").run()
        try await database.schema("persons").deleteField("right_to_work_on").update()
    }
}

/// Fills `persons.right_to_work_on` for dossiers written before the column existed, in batches.
/// A frozen copy of `Milestones.rightToWorkDate` / `RightToWork.evaluate` as of migration 005, on the
/// rows' own ISO dates: later changes to the rule apply to later writes, not to what this step did.
private enum RightToWorkBackfill {
    static func run(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        var after: UUID?
        while true {
            // Keyset paging on the primary key: each batch starts where the last one ended.
            let query = sql.select().columns("id", "protection_requested_on").from("persons").orderBy("id").limit(1000)
            if let after { query.where("id", .greaterThan, after) }
            let persons = try await query.all()
            guard let last = persons.last else { return }
            let ids = try persons.map { try $0.decode(column: "id", as: UUID.self) }
            var history: [UUID: [(status: String, since: String)]] = [:]
            for row in try await sql.select().columns("person_id", "status", "since").from("person_legal_statuses")
                .where("person_id", .in, ids).all() {
                history[try row.decode(column: "person_id", as: UUID.self), default: []].append(
                    (try row.decode(column: "status", as: String.self), try row.decode(column: "since", as: String.self)))
            }
            for row in persons {
                let id = try row.decode(column: "id", as: UUID.self)
                let date = try rightToWorkDate(statusHistory: history[id] ?? [],
                                               protectionRequestedOn: try row.decode(column: "protection_requested_on", as: String?.self))
                try await sql.update("persons").set("right_to_work_on", to: date).where("id", .equal, id).run()
            }
            after = try last.decode(column: "id", as: UUID.self)
        }
    }

    struct UnreadableDate: Error, CustomStringConvertible {
        let text: String
        var description: String { "expected a date as YYYY-MM-DD, found '\(text)'" }
    }

    /// Every recorded status and the request count, whatever their day: the first version looked ten years
    /// past the day it ran, which every real date is within, so the result depends on the rows alone.
    static func rightToWorkDate(statusHistory: [(status: String, since: String)], protectionRequestedOn request: String?) throws -> String? {
        // ISO dates (YYYY-MM-DD) sort as the days they name.
        let ordered = statusHistory.sorted { $0.since < $1.since }
        let applicantDay = try request.map(fourMonthsAfter)
        guard let current = ordered.last else { return applicantDay }
        switch current.status {
        case "applicant":
            return applicantDay
        case "recognised-refugee", "subsidiary-protection", "resettled-refugee", "temporary-protection", "family-reunification":
            // An applicant who already had the right keeps it without a gap: count from the earlier day.
            if ordered.dropLast().last?.status == "applicant", let applicantDay, applicantDay < current.since {
                return applicantDay
            }
            return current.since
        default:
            // "refused-applicant" ends the right; "other-newcomer" does not determine it.
            return nil
        }
    }

    /// The same day-of-month four months later, clamped to the last day of a shorter month.
    static func fourMonthsAfter(_ text: String) throws -> String {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard text.count == 10, parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
            throw UnreadableDate(text: text)
        }
        let zeroBased = parts[0] * 12 + (parts[1] - 1) + 4
        let year = zeroBased / 12, month = zeroBased % 12 + 1
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lastDay = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        func pad(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(min(parts[2], lastDay), 2))"
    }
}
