import Foundation
import SchakelCore

/// The profile as it travelled to the receiver of a referral: sealed in `referrals.snapshot` when the referral is sent,
/// opened for the receiver and limited again by the access rule at every read.
///
/// It is a stored record with its own version, not the API's person answer: the API may rename or drop a field, and a
/// snapshot sent a year ago still reads the same. Version 1 keeps the keys the stored snapshots have had from the start
/// (the person answer of 2026); a record without `snapshotVersion` was written before the field existed and is version 1.
/// A new version adds a case to `open(_:)` that reads the old ones; a stored record is never rewritten to change its meaning.
struct ReferralSnapshot: Codable, Hashable, Sendable {
    static let currentVersion = 1

    struct Withheld: Codable, Hashable, Sendable {
        var category: DataCategory
        var reason: AccessRule.Denial
    }

    /// The right to work as it stood on the day the referral was sent.
    struct RightToWorkFact: Codable, Hashable, Sendable {
        var mayWork: Bool
        var date: CalendarDate?
        var basis: String?
        var unknownReason: String?
    }

    enum Problem: Error, CustomStringConvertible {
        case unknownVersion(Int)
        var description: String {
            switch self {
            case let .unknownVersion(version):
                "a referral snapshot of version \(version) was written by a newer Schakel than this one (which reads up to \(ReferralSnapshot.currentVersion))"
            }
        }
    }

    var snapshotVersion: Int?
    var id: UUID
    var reference: String
    var ownerOrganisationId: UUID
    /// The dossier's version when it was sent.
    var version: Int
    var purpose: Purpose
    var withheld: [Withheld]
    var givenName: String?
    var familyName: String?
    var birthDate: CalendarDate?
    var birthYear: Int?
    var nationalRegisterNumber: String?
    var countryOfOrigin: String?
    var phone: String?
    var email: String?
    var address: String?
    var homeMunicipalityId: String?
    var statusHistory: [LegalStatusRecord]?
    var protectionRequestedOn: CalendarDate?
    var arrivedOn: CalendarDate?
    var rightToWork: RightToWorkFact?
    var languages: [LanguageSkill]?
    var education: [EducationRecord]?
    var workExperience: [WorkExperienceRecord]?
    var competences: [Competence]?
    var jobWishes: [String]?
    var constraints: Constraints?
    var availability: Availability?
    var labourMarketDistance: LabourMarketDistance?
    var resilience: Resilience?

    /// Reads a stored snapshot of any version this Schakel knows.
    static func open(_ json: Data) throws -> ReferralSnapshot {
        struct Header: Decodable { var snapshotVersion: Int? }
        let version = try JSONDecoder().decode(Header.self, from: json).snapshotVersion ?? 1
        switch version {
        case 1: return try JSONDecoder().decode(ReferralSnapshot.self, from: json)
        default: throw Problem.unknownVersion(version)
        }
    }

    /// The bytes to seal: always the current version.
    func stored() throws -> Data {
        var copy = self
        copy.snapshotVersion = Self.currentVersion
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(copy)
    }
}

extension ReferralSnapshot {
    /// What the receiver will see, as the access rule lets it travel at the moment of sending (the person answer
    /// the sender previews).
    init(_ person: PersonDTO) {
        snapshotVersion = Self.currentVersion
        id = person.id
        reference = person.reference
        ownerOrganisationId = person.ownerOrganisationId
        version = person.version
        purpose = person.purpose
        withheld = person.withheld.map { Withheld(category: $0.category, reason: $0.reason) }
        givenName = person.givenName
        familyName = person.familyName
        birthDate = person.birthDate
        birthYear = person.birthYear
        nationalRegisterNumber = person.nationalRegisterNumber
        countryOfOrigin = person.countryOfOrigin
        phone = person.phone
        email = person.email
        address = person.address
        homeMunicipalityId = person.homeMunicipalityId
        statusHistory = person.statusHistory
        protectionRequestedOn = person.protectionRequestedOn
        arrivedOn = person.arrivedOn
        rightToWork = person.rightToWork.map {
            RightToWorkFact(mayWork: $0.mayWork, date: $0.date, basis: $0.basis, unknownReason: $0.unknownReason)
        }
        languages = person.languages
        education = person.education
        workExperience = person.workExperience
        competences = person.competences
        jobWishes = person.jobWishes
        constraints = person.constraints
        availability = person.availability
        labourMarketDistance = person.labourMarketDistance
        resilience = person.resilience
    }
}

extension PersonDTO {
    /// The stored snapshot as the API's person answer of today.
    init(_ snapshot: ReferralSnapshot) {
        id = snapshot.id
        reference = snapshot.reference
        ownerOrganisationId = snapshot.ownerOrganisationId
        version = snapshot.version
        purpose = snapshot.purpose
        withheld = snapshot.withheld.map { Withheld(category: $0.category, reason: $0.reason) }
        givenName = snapshot.givenName
        familyName = snapshot.familyName
        birthDate = snapshot.birthDate
        birthYear = snapshot.birthYear
        nationalRegisterNumber = snapshot.nationalRegisterNumber
        countryOfOrigin = snapshot.countryOfOrigin
        phone = snapshot.phone
        email = snapshot.email
        address = snapshot.address
        homeMunicipalityId = snapshot.homeMunicipalityId
        statusHistory = snapshot.statusHistory
        protectionRequestedOn = snapshot.protectionRequestedOn
        arrivedOn = snapshot.arrivedOn
        rightToWork = snapshot.rightToWork.map {
            RightToWorkDTO(mayWork: $0.mayWork, date: $0.date, basis: $0.basis, unknownReason: $0.unknownReason)
        }
        languages = snapshot.languages
        education = snapshot.education
        workExperience = snapshot.workExperience
        competences = snapshot.competences
        jobWishes = snapshot.jobWishes
        constraints = snapshot.constraints
        availability = snapshot.availability
        labourMarketDistance = snapshot.labourMarketDistance
        resilience = snapshot.resilience
    }
}

extension DataKeyring {
    func seal(_ snapshot: ReferralSnapshot) throws -> (ciphertext: Data, keyID: String) {
        try seal(String(decoding: try snapshot.stored(), as: UTF8.self))
    }

    func openSnapshot(_ ciphertext: Data, keyID: String) throws -> ReferralSnapshot {
        try ReferralSnapshot.open(Data(try open(ciphertext, keyID: keyID).utf8))
    }
}
