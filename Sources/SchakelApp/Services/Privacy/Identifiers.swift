import Fluent
import Foundation
import SchakelCore
import Vapor

extension DataKeyring {
    /// Seals a value as JSON: identifiers, referral snapshots.
    func sealJSON<T: Encodable>(_ value: T) throws -> (ciphertext: Data, keyID: String) {
        try seal(String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
    }

    func openJSON<T: Decodable>(_ type: T.Type, _ ciphertext: Data, keyID: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(try open(ciphertext, keyID: keyID).utf8))
    }

    func seal(_ identifiers: PersonIdentifiers) throws -> (ciphertext: Data, keyID: String) { try sealJSON(identifiers) }

    func openIdentifiers(_ ciphertext: Data, keyID: String) throws -> PersonIdentifiers {
        try openJSON(PersonIdentifiers.self, ciphertext, keyID: keyID)
    }
}

struct DataKeyringKey: StorageKey { typealias Value = DataKeyring }

extension Application {
    /// The data keys; `configure` loads them, and serving without them is refused at start.
    var keyring: DataKeyring {
        get throws {
            guard let keyring = storage[DataKeyringKey.self] else { throw DataKeyring.Problem.noKey }
            return keyring
        }
    }
}

extension Request {
    /// The decrypted identifiers of a dossier. Call only after the access rule allowed identity or contact.
    func identifiers(of dossier: Dossier) throws -> PersonIdentifiers? {
        try identifiers(sealed: dossier.sealedIdentifiers, keyID: dossier.identifiersKeyID)
    }

    func identifiers(sealed: Data?, keyID: String?) throws -> PersonIdentifiers? {
        guard let sealed, let keyID else { return nil }
        return try application.keyring.openIdentifiers(sealed, keyID: keyID)
    }
}

extension PersonInput {
    /// The categories this change touches, for the audit log.
    var changedCategories: [DataCategory] {
        var categories: Set<DataCategory> = []
        let fields: [(Bool, PersonField)] = [
            (givenName != nil, .givenName), (familyName != nil, .familyName), (birthDate != nil, .birthDate),
            (birthYear != nil, .birthYear), (nationalRegisterNumber != nil, .nationalRegisterNumber),
            (countryOfOrigin != nil, .countryOfOrigin), (phone != nil, .phone), (email != nil, .email), (address != nil, .address),
            (homeMunicipalityId != nil, .homeMunicipality), (statusHistory != nil, .statusHistory),
            (protectionRequestedOn != nil, .protectionRequestedOn), (arrivedOn != nil, .arrivedOn), (languages != nil, .languages),
            (education != nil, .education), (workExperience != nil, .workExperience), (competences != nil, .competences),
            (jobWishes != nil, .jobWishes), (constraints != nil, .constraints), (availability != nil, .availability),
            (labourMarketDistance != nil, .labourMarketDistance), (resilience != nil, .resilience),
        ]
        for (present, field) in fields where present { categories.insert(field.category) }
        return categories.sorted { $0.rawValue < $1.rawValue }
    }

    func apply(to profile: inout PersonProfile, identifiers: inout PersonIdentifiers) {
        if let givenName { identifiers.givenName = givenName.trimmingCharacters(in: .whitespaces) }
        if let familyName { identifiers.familyName = familyName.trimmingCharacters(in: .whitespaces) }
        if let birthDate { identifiers.birthDate = birthDate }
        if let nationalRegisterNumber { identifiers.nationalRegisterNumber = nationalRegisterNumber }
        if let phone { identifiers.phone = phone }
        if let email { identifiers.email = email }
        if let address { identifiers.address = address }
        if let birthYear { profile.birthYear = birthYear } else if let birthDate { profile.birthYear = birthDate.year }
        if let countryOfOrigin { profile.countryOfOrigin = countryOfOrigin }
        if let homeMunicipalityId { profile.homeMunicipality = homeMunicipalityId }
        if let arrivedOn { profile.arrivedOn = arrivedOn }
        if let protectionRequestedOn { profile.protectionRequestedOn = protectionRequestedOn }
        if let statusHistory { profile.statusHistory = statusHistory }
        if let languages { profile.languages = languages }
        if let education { profile.education = education }
        if let workExperience { profile.workExperience = workExperience }
        if let competences { profile.competences = competences }
        if let jobWishes { profile.jobWishes = jobWishes }
        if let constraints { profile.constraints = constraints }
        if let availability { profile.availability = availability }
    }
}
