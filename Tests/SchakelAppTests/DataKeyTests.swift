import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// At start the loaded data keys must open the data; a demo never makes a new key for persons it cannot read.
@Suite("Data keys are checked at start")
struct DataKeyTests {
    static func temporaryKeyFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("schakel-key-\(UUID().uuidString)").path
    }

    @Test(arguments: TestDatabase.all)
    func keysThatDoNotOpenTheDataAreRefusedNamingTheKeyIDs(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 12)
            // The keys the data was written with open it.
            try await DataKeys.verify(try app.keyring, on: app.db)
            // A key file made elsewhere: other ids.
            let other = try DataKeyring(keys: DataKeyring.parseKeyFile(DataKeyring.newKeyLine(id: "k1") + "\n" + DataKeyring.newKeyLine(id: "k2")))
            await #expect(throws: DataKeys.Problem.missing(["ephemeral"])) { try await DataKeys.verify(other, on: app.db) }
            #expect(DataKeys.Problem.missing(["ephemeral"]).description.contains("key id(s) ephemeral"))
            // Another key under the same id (a demo's new "k1" file against an old "k1" database).
            await #expect(throws: DataKeys.Problem.wrong(["ephemeral"])) { try await DataKeys.verify(.ephemeral(), on: app.db) }
            // The right key, but behind another first key: rows open, the name search would find nobody.
            let ring = try app.keyring
            let reordered = try DataKeyring(keys: [DataKeyring.parseKeyFile(DataKeyring.newKeyLine(id: "k0"))[0]] + ring.keys)
            await #expect(throws: DataKeys.Problem.wrongFirstKey("k0")) { try await DataKeys.verify(reordered, on: app.db) }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDemoMakesNoKeyFileForADatabaseThatHoldsPersons(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 3)
            app.storage[DataKeyringKey.self] = nil
            let keyFile = Self.temporaryKeyFile()
            defer { try? FileManager.default.removeItem(atPath: keyFile) }
            await #expect(throws: DataKeys.Problem.noKeyForExistingData(keyFile: keyFile)) {
                try await DataKeys.prepare(app, mayCreate: true, keyFile: keyFile, environmentKey: nil)
            }
            #expect(!FileManager.default.fileExists(atPath: keyFile))
            #expect(app.storage[DataKeyringKey.self] == nil)
            // Without demo there is nothing to make: no key is no key.
            await #expect(throws: DataKeyring.Problem.self) {
                try await DataKeys.prepare(app, mayCreate: false, keyFile: keyFile, environmentKey: nil)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDemoOnAnEmptyDatabaseMakesAKeyFileThatOpensWhatItWrites(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            app.storage[DataKeyringKey.self] = nil
            let keyFile = Self.temporaryKeyFile()
            defer { try? FileManager.default.removeItem(atPath: keyFile) }
            try await DataKeys.prepare(app, mayCreate: true, keyFile: keyFile, environmentKey: nil)
            let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            try await Fixtures.demoWorld(app, persons: 5)
            // Started again with the same file: it opens the data.
            app.storage[DataKeyringKey.self] = nil
            try await DataKeys.prepare(app, mayCreate: true, keyFile: keyFile, environmentKey: nil)
            #expect(try String(contentsOfFile: keyFile, encoding: .utf8).split(separator: "\n").count == 1)
            // A rotation first checks the keys it is given.
            let stray = Self.temporaryKeyFile()
            defer { try? FileManager.default.removeItem(atPath: stray) }
            try (DataKeyring.newKeyLine(id: "k1") + "\n").write(toFile: stray, atomically: true, encoding: .utf8)
            await #expect(throws: DataKeys.Problem.wrong(["k1"])) { _ = try await KeyRotation.rotate(keyFile: stray, on: app) }
            #expect(try String(contentsOfFile: stray, encoding: .utf8).split(separator: "\n").count == 1)
        }
    }
}
