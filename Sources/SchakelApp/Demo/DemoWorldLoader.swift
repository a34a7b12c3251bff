import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// Writes the demo world into an empty database: the chain in one transaction, then the persons
/// in batches (one multi-row insert per table per batch, one transaction per batch), so a million
/// persons fit in memory and on two cores.
struct DemoWorldLoader {
    struct Summary: Sendable {
        var organisations = 0
        var agreements = 0
        var accounts = 0
        var persons = 0
        var rows = 0
    }

    enum Problem: Error, CustomStringConvertible {
        case notEmpty
        var description: String {
            "the database already holds organisations: the demo world is only built on an empty database (use --reset to start over)"
        }
    }

    let database: any Database
    let world: DemoWorld
    let asOf: CalendarDate
    let now: Date
    var batchSize = 1000
    /// Bcrypt hash of the demo password, computed once: hashing it per account would take minutes.
    let passwordHash: String

    /// The chain: organisations, agreements with parties and routes, and one account per role per organisation.
    func loadChain() async throws -> Summary {
        guard try await OrganisationModel.query(on: database).count() == 0 else { throw Problem.notEmpty }
        var summary = Summary()
        try await database.transaction { db in
            var ids: [String: UUID] = [:]
            for organisation in world.organisations {
                ids[organisation.slug] = organisation.id
                try await OrganisationModel(id: organisation.id, slug: organisation.slug, name: organisation.name,
                                            kind: organisation.kind, regionID: organisation.region,
                                            municipalityID: organisation.municipality).create(on: db)
            }
            for agreement in world.agreements {
                let agreementID = agreement.id
                try await AgreementModel(id: agreementID, title: agreement.title, kind: agreement.kind, regionID: agreement.region,
                                         validity: agreement.validity).create(on: db)
                for party in agreement.parties {
                    try await AgreementPartyModel(agreementID: agreementID, organisationID: ids[party.organisation]!,
                                                  tasks: party.tasks).create(on: db)
                }
                for route in agreement.routes {
                    try await AgreementRouteModel(id: route.id, agreementID: agreementID, fromID: ids[route.from]!,
                                                  toID: ids[route.to]!, categories: route.categories).create(on: db)
                }
            }
            for account in world.accounts {
                try await UserModel(id: account.id, email: account.email, displayName: account.displayName,
                                    organisationID: ids[account.organisation]!, role: account.role,
                                    passwordHash: passwordHash).create(on: db)
            }
        }
        summary.organisations = world.organisations.count
        summary.agreements = world.agreements.count
        summary.accounts = world.accounts.count
        return summary
    }

    /// Persons `0..<count`, in batches; `progress` is told after each batch.
    func loadPersons(count: Int, progress: (Int) -> Void = { _ in }) async throws -> (persons: Int, rows: Int) {
        let generator = DemoPersonGenerator(world: world, asOf: asOf)
        var rows = 0
        var start = 0
        while start < count {
            let end = min(count, start + batchSize)
            let profiles = generator.profiles(start..<end)
            rows += try await insert(profiles)
            start = end
            progress(start)
        }
        return (count, rows)
    }

    /// Inserts complete dossiers; all rows of the batch or none.
    func insert(_ profiles: [PersonProfile]) async throws -> Int {
        let personRows = profiles.map { PersonRows.person($0, now: now) }
        let children = profiles.reduce(into: ChildRows()) { $0.add($1) }
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            try await PersonRows.insert(into: PersonModel.schema, columns: PersonRows.personColumns, rows: personRows, on: sql)
            try await PersonRows.insert(into: PersonLegalStatusModel.schema, columns: ["id", "person_id", "status", "since"],
                                        rows: children.statuses, on: sql)
            try await PersonRows.insert(into: PersonLanguageModel.schema,
                                        columns: ["id", "person_id", "language", "level", "assessed_on", "is_mother_tongue"],
                                        rows: children.languages, on: sql)
            try await PersonRows.insert(into: PersonEducationModel.schema,
                                        columns: ["id", "person_id", "isced_level", "field", "country", "recognition"],
                                        rows: children.education, on: sql)
            try await PersonRows.insert(into: PersonWorkExperienceModel.schema, columns: ["id", "person_id", "isco_code", "years", "country"],
                                        rows: children.experience, on: sql)
        }
        return personRows.count + children.count
    }

    /// Child-row ids come from a generator seeded by the person's id, so they too repeat with the seed.
    struct ChildRows: Sendable {
        var statuses: [[any Encodable & Sendable]] = []
        var languages: [[any Encodable & Sendable]] = []
        var education: [[any Encodable & Sendable]] = []
        var experience: [[any Encodable & Sendable]] = []
        var count: Int { statuses.count + languages.count + education.count + experience.count }

        mutating func add(_ profile: PersonProfile) {
            let (a, b) = profile.id.halves
            var random = SeededGenerator(seed: a ^ (b &* 0x9E37_79B9_7F4A_7C15))
            for status in profile.statusHistory {
                statuses.append([random.uuid(), profile.id, status.status.rawValue, status.since.iso])
            }
            for skill in profile.languages {
                languages.append([random.uuid(), profile.id, skill.language, skill.level.rawValue, skill.assessedOn.iso, skill.isMotherTongue])
            }
            for record in profile.education {
                education.append([random.uuid(), profile.id, record.level.rawValue, record.field, record.country, record.recognition.rawValue])
            }
            for record in profile.workExperience {
                experience.append([random.uuid(), profile.id, record.occupation, record.years, record.country])
            }
        }
    }
}

/// Row shapes for writing dossiers in bulk; shared by the demo loader and the tests that check it.
enum PersonRows {
    static let personColumns = [
        "id", "reference", "owner_organisation_id", "birth_year", "country_of_origin", "home_municipality_id", "arrived_on",
        "protection_requested_on", "competences", "job_wishes", "needs_childcare", "mobility", "has_driving_licence",
        "needs_adapted_work", "part_time_only", "available_evenings", "available_weekends", "created_at", "updated_at",
    ]

    static func person(_ profile: PersonProfile, now: Date) -> [any Encodable & Sendable] {
        [
            profile.id, profile.reference, profile.ownerOrganisationID, profile.birthYear, profile.countryOfOrigin,
            profile.homeMunicipality, profile.arrivedOn?.iso, profile.protectionRequestedOn?.iso,
            JSONList.encode(profile.competences), JSONList.encode(profile.jobWishes), profile.constraints.needsChildcare,
            profile.constraints.mobility.rawValue, profile.constraints.hasDrivingLicence, profile.constraints.needsAdaptedWork,
            profile.availability.partTimeOnly, profile.availability.evenings, profile.availability.weekends, now, now,
        ]
    }

    /// Splits rows so no statement binds more than 30 000 values (SQLite allows 32 766, PostgreSQL 65 535).
    static func insert(into table: String, columns: [String], rows: [[any Encodable & Sendable]], on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, 30_000 / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + perStatement)
            var builder = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { builder = builder.values(row) }
            try await builder.run()
            start = end
        }
    }
}

extension UUID {
    var halves: (UInt64, UInt64) {
        let b = uuid
        let first = [b.0, b.1, b.2, b.3, b.4, b.5, b.6, b.7].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let second = [b.8, b.9, b.10, b.11, b.12, b.13, b.14, b.15].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return (first, second)
    }
}
