import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore
import SchakelDemo

@Suite("Migrations and model round trips")
struct DatabaseTests {
    @Test(arguments: TestDatabase.all)
    func migrationsRunRevertAndRunAgain(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            #expect(try await RegionModel.query(on: app.db).count() == 6)
            #expect(try await MunicipalityModel.find("44021", on: app.db)?.nameNL == "Gent")
            #expect(try await MunicipalityModel.find("33040", on: app.db)?.$region.id == "30000")
            try await app.autoRevert()
            // Everything is gone, including the reference data the migrations seeded.
            await #expect(throws: (any Error).self) { try await RegionModel.query(on: app.db).count() }
            try await app.autoMigrate()
            #expect(try await RegionModel.query(on: app.db).count() == 6)
        }
    }

    @Test(arguments: TestDatabase.all)
    func agreementRoundTripKeepsPartiesRoutesAndDates(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let from = try await Fixtures.organisation(app, kind: .integration)
            let to = try await Fixtures.organisation(app, kind: .employmentService)
            let agreement = AgreementModel(title: "Testovereenkomst", kind: .bilateral, regionID: "40000",
                                           validity: Validity(from: CalendarDate(2024, 2, 29), until: CalendarDate(2026, 12, 31)))
            try await agreement.create(on: app.db)
            let id = try agreement.requireID()
            try await AgreementPartyModel(agreementID: id, organisationID: try from.requireID(), tasks: [.screening, .guidance]).create(on: app.db)
            try await AgreementRouteModel(agreementID: id, fromID: try from.requireID(), toID: try to.requireID(),
                                          categories: [.identity, .languages]).create(on: app.db)

            let loaded = try #require(try await AgreementModel.query(on: app.db).filter(\.$id == id)
                .with(\.$parties).with(\.$routes).first())
            #expect(loaded.kind == .bilateral)
            #expect(loaded.validity == Validity(from: CalendarDate(2024, 2, 29), until: CalendarDate(2026, 12, 31)))
            #expect(loaded.parties.map(\.tasks) == [[.screening, .guidance]])
            #expect(loaded.routes.map(\.categories) == [[.identity, .languages]])
            // Dates are compared as days in queries too.
            let activeOnLeapDay = try await AgreementModel.query(on: app.db).filter(\.$validFrom <= CalendarDate(2024, 2, 29)).count()
            let activeTheDayBefore = try await AgreementModel.query(on: app.db).filter(\.$validFrom <= CalendarDate(2024, 2, 28)).count()
            #expect(activeOnLeapDay == 1)
            #expect(activeTheDayBefore == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func personDossierRoundTripsThroughBulkInsertAndModels(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let world = DemoWorld(seed: 7)
            let generator = DemoPersonGenerator(world: world, asOf: Fixtures.asOf)
            let profiles = generator.profiles(0..<40)
            let loader = DemoWorldLoader(database: app.db, world: world, asOf: Fixtures.asOf, now: Date(), passwordHash: "x",
                                         keyring: try app.keyring)
            _ = try await loader.insert(profiles, firstIndex: 0)

            for original in profiles {
                let model = try #require(try await PersonModel.query(on: app.db).filter(\.$id == original.id)
                    .with(\.$statuses).with(\.$languages).with(\.$education).with(\.$workExperience).first())
                var expected = original
                expected.statusHistory.sort { ($0.since, $0.status.rawValue) < ($1.since, $1.status.rawValue) }
                expected.languages.sort { ($0.language, $0.assessedOn) < ($1.language, $1.assessedOn) }
                expected.education.sort { ($0.level.rawValue, $0.field) > ($1.level.rawValue, $1.field) }
                expected.workExperience.sort { ($0.years, $0.occupation) > ($1.years, $1.occupation) }
                #expect(try model.profile() == expected)
                // The one-statement plain-SQL read of the dossier path gives the same dossier as Fluent's eager loading.
                let fast = try #require(try await DossierStore.find(original.id, on: app.db))
                #expect(fast.profile == expected)
                #expect(fast.version == 1)
                #expect(fast.sealedIdentifiers != nil)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func deletingAPersonRemovesTheWholeDossierAndForeignKeysHold(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 5)
            let person = try #require(try await PersonModel.query(on: app.db).with(\.$languages).first())
            #expect(!person.languages.isEmpty)
            try await person.delete(on: app.db)
            let orphans = try await PersonLanguageModel.query(on: app.db).filter(\.$person.$id == person.requireID()).count()
            #expect(orphans == 0)
            // A dossier cannot point at an organisation that does not exist.
            let stray = PersonModel()
            stray.reference = "SCH-X"
            stray.$owner.id = UUID()
            stray.birthYear = 1990
            stray.countryOfOrigin = "SY"
            stray.$homeMunicipality.id = "44021"
            stray.competencesJSON = "[]"
            stray.jobWishesJSON = "[]"
            stray.needsChildcare = false
            stray.mobility = .bicycle
            stray.hasDrivingLicence = false
            stray.needsAdaptedWork = false
            stray.partTimeOnly = false
            stray.availableEvenings = false
            stray.availableWeekends = false
            stray.version = 1
            await #expect(throws: (any Error).self) { try await stray.create(on: app.db) }
        }
    }

    @Test func sqliteRunsInWALModeWithForeignKeysOn() async throws {
        try await withTestApp(.sqlite) { app in
            struct Row: Decodable { let journal_mode: String }
            struct FK: Decodable { let foreign_keys: Int }
            let sql = app.db as! any SQLDatabase
            let value109 = try await sql.raw("PRAGMA journal_mode").first(decoding: Row.self)?.journal_mode
            #expect(value109 == "wal")
            let value110 = try await sql.raw("PRAGMA foreign_keys").first(decoding: FK.self)?.foreign_keys
            #expect(value110 == 1)
        }
    }

    /// Writers on SQLite take turns: forty transactions that each read a counter and write it back, started
    /// from every event loop at once, all commit and none is lost. With a connection per event loop they met
    /// in SQLite's lock: "database is locked" answers, or a stall while the waiters spun on every pool thread.
    /// What is checked is that they take turns, not how fast: on a machine the whole suite keeps busy, the forty turns can
    /// take longer than a request's usual wait, so this app waits longer.
    @Test func sqliteWritersTakeTurnsWithoutFailingOrLosingAnUpdate() async throws {
        try await withTestApp(.sqlite, adjust: { $0.databaseWait = 300 }) { app in
            let sql = app.db as! any SQLDatabase
            try await sql.raw("CREATE TABLE turn_counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)").run()
            try await sql.raw("INSERT INTO turn_counter (id, n) VALUES (1, 0)").run()
            struct Row: Decodable { let n: Int }
            let loops = Array(app.eventLoopGroup.makeIterator())
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let database = app.databases.database(logger: app.logger, on: loops[index % loops.count])!
                        try await database.transaction { transaction in
                            let sql = transaction as! any SQLDatabase
                            let n = try #require(try await sql.raw("SELECT n FROM turn_counter WHERE id = 1").first(decoding: Row.self)).n
                            try await sql.raw("UPDATE turn_counter SET n = \(bind: n + 1) WHERE id = 1").run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await sql.raw("SELECT n FROM turn_counter WHERE id = 1").first(decoding: Row.self)?.n == 40)
            struct Timeout: Decodable { let timeout: Int }
            #expect(try await sql.raw("PRAGMA busy_timeout").first(decoding: Timeout.self)?.timeout == 5000)
        }
    }
}
