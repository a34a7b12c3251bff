import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// A referral's snapshot is a stored record of its own: what was sent stays readable whatever the API becomes.
@Suite("Referral snapshots: a versioned stored record")
struct ReferralSnapshotTests {
    /// A snapshot as Schakel stored it before the record had a version: the API's person answer of 2026, written by a
    /// plain `JSONEncoder` (no version key, absent fields left out). Frozen here on purpose: never regenerate it.
    static let storedBeforeVersions = """
        {"id":"6F1C2A4E-0B7D-4C55-9E3A-2D8B1F0C9A11","reference":"P-2026-000123","ownerOrganisationId":"0D6E5B3A-1C2F-4E8D-9A7B-6C5D4E3F2A10",\
        "version":3,"purpose":"guidance-to-work","withheld":[{"category":"contact","reason":"no-consent"}],\
        "givenName":"Testina","familyName":"Voorbeeld","birthYear":1991,"countryOfOrigin":"SY",\
        "statusHistory":[{"status":"applicant","since":"2026-03-02"}],"protectionRequestedOn":"2026-03-02",\
        "rightToWork":{"mayWork":true,"date":"2026-07-02","basis":"four-months-after-protection-request"},\
        "languages":[{"language":"ar","level":"C2","assessedOn":"2026-03-10","isMotherTongue":true}],\
        "workExperience":[{"occupation":"5120","years":4,"country":"SY"}],"jobWishes":["5120"],"labourMarketDistance":"medium"}
        """

    @Test func aSnapshotStoredBeforeVersionsReadsAsVersionOne() throws {
        let snapshot = try ReferralSnapshot.open(Data(Self.storedBeforeVersions.utf8))
        #expect(snapshot.snapshotVersion == nil)
        #expect(snapshot.givenName == "Testina")
        #expect(snapshot.languages == [LanguageSkill(language: "ar", level: .c2, assessedOn: CalendarDate(2026, 3, 10), isMotherTongue: true)])
        #expect(snapshot.rightToWork?.date == CalendarDate(2026, 7, 2))
        #expect(snapshot.withheld.map(\.category) == [.contact])
        let person = PersonDTO(snapshot)
        #expect(person.reference == "P-2026-000123" && person.workExperience?.first?.years == 4 && person.phone == nil)
        #expect(person.labourMarketDistance == .medium)
    }

    /// The stored keys change only on purpose, with a new version: this list is the record's version 1.
    @Test func versionOneStoresExactlyItsOwnKeys() throws {
        var snapshot = try ReferralSnapshot.open(Data(Self.storedBeforeVersions.utf8))
        snapshot.phone = "+32 000"; snapshot.email = "x@example.org"; snapshot.address = "Straat 1"; snapshot.birthDate = CalendarDate(1991, 4, 12)
        snapshot.nationalRegisterNumber = "91.04.12-000.00"; snapshot.homeMunicipalityId = "44021"; snapshot.arrivedOn = CalendarDate(2026, 2, 1)
        snapshot.education = []; snapshot.competences = []; snapshot.constraints = Constraints(); snapshot.availability = Availability()
        snapshot.resilience = .high
        let stored = try JSONSerialization.jsonObject(with: try snapshot.stored()) as! [String: Any]
        #expect(stored["snapshotVersion"] as? Int == 1)
        #expect(Set(stored.keys) == [
            "snapshotVersion", "id", "reference", "ownerOrganisationId", "version", "purpose", "withheld", "givenName", "familyName",
            "birthDate", "birthYear", "nationalRegisterNumber", "countryOfOrigin", "phone", "email", "address", "homeMunicipalityId",
            "statusHistory", "protectionRequestedOn", "arrivedOn", "rightToWork", "languages", "education", "workExperience",
            "competences", "jobWishes", "constraints", "availability", "labourMarketDistance", "resilience",
        ])
        #expect(try ReferralSnapshot.open(try snapshot.stored()) == { var s = snapshot; s.snapshotVersion = 1; return s }())
    }

    @Test func aSnapshotFromANewerSchakelIsRefusedNotMisread() throws {
        let newer = Self.storedBeforeVersions.replacingOccurrences(of: "{\"id\"", with: "{\"snapshotVersion\":2,\"id\"")
        #expect(throws: ReferralSnapshot.Problem.self) { try ReferralSnapshot.open(Data(newer.utf8)) }
    }

    /// Sent today, the row holds a version-1 record; a row sealed before versions existed still shows to the receiver.
    @Test(arguments: TestDatabase.all)
    func theReceiverReadsNewAndOldSnapshots(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let sender = world.tokens[.owner]![.socialWorker]!
            let receiver = world.tokens[.partnerWithConsent]![.jobCounsellor]!
            let id = try await ReferralTests.draft(app, world: world, to: .partnerWithConsent)
            try await ReferralTests.post(app, "api/v1/referrals/\(id)/send", token: sender) { #expect($0.status == .ok) }

            let keyring = try app.keyring
            let row = try #require(try await ReferralModel.find(id, on: app.db))
            let stored = try keyring.openSnapshot(try #require(row.snapshot), keyID: try #require(row.snapshotKeyID))
            #expect(stored.snapshotVersion == 1)
            #expect(stored.givenName == "Testina" && stored.phone == nil)

            // The same referral with a snapshot in the old shape (the person's id set to this person's).
            let old = Self.storedBeforeVersions.replacingOccurrences(of: "6F1C2A4E-0B7D-4C55-9E3A-2D8B1F0C9A11", with: world.personID.uuidString)
            let sealed = try keyring.seal(old)
            try await (app.db as! any SQLDatabase).update(ReferralModel.schema).set("snapshot", to: sealed.ciphertext)
                .set("snapshot_key_id", to: sealed.keyID).where("id", .equal, id).run()
            let (status, referral) = try await ReferralTests.get(app, "api/v1/referrals/\(id)", token: receiver)
            #expect(status == .ok)
            #expect(referral?.snapshot?.reference == "P-2026-000123")
            #expect(referral?.snapshot?.languages?.first?.language == "ar")
            // Limited by the rule now: a field of a category that was not sent (assessment) stays hidden.
            #expect(referral?.snapshot?.familyName == "Voorbeeld")
            #expect(referral?.snapshot?.labourMarketDistance == nil)
        }
    }
}
