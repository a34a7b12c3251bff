import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

@Suite("Migrations")
struct MigrationTests {
    /// The names Fluent has recorded in every database so far (`_fluent_migrations`): a type renamed
    /// without keeping its name would run again on each of them.
    static let recordedNames: Set<String> = [
        "SchakelApp.CreateRegionsAndMunicipalities", "SchakelApp.SeedRegionsAndMunicipalities", "SchakelApp.CreateOrganisations",
        "SchakelApp.CreateAgreements", "SchakelApp.CreatePersons", "SchakelApp.CreateAccounts", "Fluent.SessionRecord.Create",
        "SchakelApp.AddPersonIdentifiersAndAssessment", "SchakelApp.CreateConsents", "SchakelApp.CreateAuditLog",
        "SchakelApp.AddAuditHeadTrigger", "SchakelApp.CreateReferrals", "SchakelApp.CreateTrajectories",
        "SchakelApp.CreateConferencesAndInbox", "SchakelApp.CreateOffers", "SchakelApp.AddOfferToReferrals",
        "SchakelApp.CreateFigureFacts", "SchakelApp.CreateTargets", "SchakelApp.CreateSurveyResponses",
        "SchakelApp.AddAdministration", "SchakelApp.KeyTheAuditChain", "SchakelApp.CreateExpiringSessions",
        "SchakelApp.AddConsentInterpreter", "SchakelApp.IndexDataKeyIDs", "SchakelApp.AddConsentTextReview", "SchakelApp.CreatePortal",
    ]

    static func namesRecorded(in app: Application) async throws -> [String] {
        try await (app.db as! any SQLDatabase).select().column("name").from("_fluent_migrations").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }

    @Test(arguments: TestDatabase.all)
    func freshDatabaseMigratesRevertsAllAndMigratesAgain(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let first = try await Self.namesRecorded(in: app)
            #expect(first.count == Self.recordedNames.count)
            #expect(Set(first) == Self.recordedNames)
            let head = try #require(try await (app.db as! any SQLDatabase).select().columns("sequence", "hash").from("audit_head").first())
            #expect(try head.decode(column: "hash", as: String.self) == AuditChain.genesis)

            try await app.autoRevert()
            #expect(try await Self.namesRecorded(in: app).isEmpty)
            await #expect(throws: (any Error).self) { try await (app.db as! any SQLDatabase).select().column("id").from("persons").all() }

            try await app.autoMigrate()
            #expect(Set(try await Self.namesRecorded(in: app)) == Self.recordedNames)
            #expect(try await RegionModel.query(on: app.db).count() == ReferenceRegions.all.count)
            #expect(try await MunicipalityModel.query(on: app.db).count() == ReferenceRegions.municipalities.count)
        }
    }

    /// The seed frozen in migration 001 is still the reference list the app knows (a later change to the
    /// list belongs in a new migration).
    @Test(arguments: TestDatabase.all)
    func seededReferenceDataMatchesTheReferenceList(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let regions = try await RegionModel.query(on: app.db).all()
            #expect(Set(regions.map { Region(nisCode: $0.id!, nameNL: $0.nameNL, nameEN: $0.nameEN, kind: $0.kind) })
                == Set(ReferenceRegions.all))
            let municipalities = try await MunicipalityModel.query(on: app.db).all()
            #expect(Set(municipalities.map { Municipality(nisCode: $0.id!, nameNL: $0.nameNL, nameFR: $0.nameFR, regionCode: $0.$region.id) })
                == Set(ReferenceRegions.municipalities))
        }
    }

    /// The right-to-work backfill of migration 005, frozen in the migration, gives what the live rule gives today
    /// for every demo dossier.
    @Test(arguments: TestDatabase.all)
    func rightToWorkBackfillAgreesWithTheRule(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 120)
            let sql = app.db as! any SQLDatabase
            var history: [UUID: [LegalStatusRecord]] = [:]
            for row in try await sql.select().columns("person_id", "status", "since").from("person_legal_statuses").all() {
                history[try row.decode(column: "person_id", as: UUID.self), default: []].append(
                    LegalStatusRecord(status: try row.decode(column: "status", as: LegalStatus.self),
                                      since: try row.decode(column: "since", as: CalendarDate.self)))
            }
            var expected: [UUID: String] = [:]
            let persons = try await sql.select().columns("id", "protection_requested_on").from("persons").all()
            for row in persons {
                let id = try row.decode(column: "id", as: UUID.self)
                expected[id] = Milestones.rightToWorkDate(
                    statusHistory: history[id] ?? [],
                    protectionRequestedOn: try row.decode(column: "protection_requested_on", as: CalendarDate?.self),
                    today: Fixtures.asOf)?.iso
            }
            #expect(persons.count >= 120)
            #expect(!expected.isEmpty)

            try await CreateTrajectories().revert(on: app.db)
            try await CreateTrajectories().prepare(on: app.db)

            var backfilled: [UUID: String] = [:]
            for row in try await sql.select().columns("id", "right_to_work_on").from("persons").all() {
                backfilled[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "right_to_work_on", as: String?.self)
            }
            #expect(backfilled == expected)
        }
    }

    static let migrationsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/SchakelApp/Migrations")

    /// Migration 007 leaves the figures' facts empty; `serve` fills them once for a database that has dossiers,
    /// with the same rows the running application keeps, and leaves filled tables alone.
    @Test(arguments: TestDatabase.all)
    func figuresAreFilledOnceForADatabaseFromBeforeTheFacts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 25)
            let sql = try #require(app.db as? any SQLDatabase)
            struct Row: Decodable, Hashable { let person_id: UUID }
            func facts() async throws -> (persons: Set<UUID>, referrals: Int) {
                let persons = try await sql.raw("SELECT person_id FROM fact_persons").all(decoding: Row.self).map(\.person_id)
                let referrals = try await sql.raw("SELECT person_id FROM fact_referrals").all(decoding: Row.self).count
                return (Set(persons), referrals)
            }
            let kept = try await facts()
            #expect(!kept.persons.isEmpty)
            let today = Fixtures.asOf
            #expect(try await FigureFacts.fillIfMissing(on: app.db, today: today) == false, "filled tables are left alone")
            try await sql.raw("DELETE FROM fact_referrals").run()
            try await sql.raw("DELETE FROM fact_persons").run()
            #expect(try await FigureFacts.fillIfMissing(on: app.db, today: today))
            let filled = try await facts()
            #expect(filled.persons == kept.persons)
            #expect(filled.referrals == kept.referrals)
        }
    }

    static func migrationFiles() throws -> [URL] {
        let enumerator = try #require(FileManager.default.enumerator(at: migrationsFolder, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    /// A migration means the same thing in a year: no wall clock, one migration per file, named like its type.
    @Test func migrationSourcesUseNoClockAndHoldOneMigrationEach() throws {
        let files = try Self.migrationFiles()
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let name = file.lastPathComponent
            #expect(!text.contains("Date()"), "\(name) reads the wall clock")
            #expect(!text.contains("Date.now"), "\(name) reads the wall clock")
            let conformances = text.components(separatedBy: ": AsyncMigration").count - 1
            #expect(conformances <= 1, "\(name) holds \(conformances) migrations")
            if conformances == 1 {
                #expect(text.contains("struct \(file.deletingPathExtension().lastPathComponent): AsyncMigration"),
                        "\(name) is not named like its migration")
            }
            // Live models and the figures' read model change with the code; a migration uses tables and SQL.
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            #expect(!code.contains(".query(on:"), "\(name) queries through a live model")
            #expect(!code.contains("FigureFacts."), "\(name) calls the live figures code")
        }
    }
}
