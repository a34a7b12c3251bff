import Fluent
import Foundation
import SchakelCore

final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: OrganisationKind
    @Parent(key: "region_id") var region: RegionModel
    @OptionalParent(key: "municipality_id") var municipality: MunicipalityModel?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, slug: String, name: String, kind: OrganisationKind, regionID: String, municipalityID: String?) {
        self.id = id
        self.slug = slug
        self.name = name
        self.kind = kind
        $region.id = regionID
        $municipality.id = municipalityID
    }
}

/// A cooperation agreement (samenwerkingsovereenkomst, convenant) between organisations.
final class AgreementModel: Model, @unchecked Sendable {
    static let schema = "agreements"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: AgreementKind
    @OptionalParent(key: "region_id") var region: RegionModel?
    @Field(key: "valid_from") var validFrom: CalendarDate
    @OptionalField(key: "valid_until") var validUntil: CalendarDate?
    @Children(for: \.$agreement) var parties: [AgreementPartyModel]
    @Children(for: \.$agreement) var routes: [AgreementRouteModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Who recorded it and who ended it (migration 008); nil for agreements loaded as reference data.
    @OptionalField(key: "created_by_user_id") var createdByUserID: UUID?
    @OptionalField(key: "ended_by_user_id") var endedByUserID: UUID?
    @OptionalField(key: "ended_at") var endedAt: Date?

    init() {}

    init(id: UUID? = nil, title: String, kind: AgreementKind, regionID: String?, validity: Validity) {
        self.id = id
        self.title = title
        self.kind = kind
        $region.id = regionID
        validFrom = validity.from
        validUntil = validity.until
    }

    var validity: Validity { Validity(from: validFrom, until: validUntil) }
}

/// An organisation that is party to an agreement, with the tasks it takes on.
final class AgreementPartyModel: Model, @unchecked Sendable {
    static let schema = "agreement_parties"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agreement_id") var agreement: AgreementModel
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    /// JSON array of `PartyTask` raw values.
    @Field(key: "tasks") var tasksJSON: String

    init() {}

    init(id: UUID? = nil, agreementID: UUID, organisationID: UUID, tasks: [PartyTask]) {
        self.id = id
        $agreement.id = agreementID
        $organisation.id = organisationID
        tasksJSON = JSONList.encode(tasks)
    }

    var tasks: [PartyTask] { JSONList.decode(tasksJSON) }
}

/// A referral route an agreement allows (from → to) and the data categories that may travel on it.
final class AgreementRouteModel: Model, @unchecked Sendable {
    static let schema = "agreement_routes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agreement_id") var agreement: AgreementModel
    @Parent(key: "from_organisation_id") var from: OrganisationModel
    @Parent(key: "to_organisation_id") var to: OrganisationModel
    /// JSON array of `DataCategory` raw values.
    @Field(key: "categories") var categoriesJSON: String
    /// First contact within this many working days after a referral is sent.
    @Field(key: "response_days") var responseDays: Int
    /// The administrator who opened the route (migration 008); nil for reference data.
    @OptionalField(key: "added_by_user_id") var addedByUserID: UUID?

    init() {}

    init(id: UUID? = nil, agreementID: UUID, fromID: UUID, toID: UUID, categories: [DataCategory], responseDays: Int = 5) {
        self.id = id
        $agreement.id = agreementID
        $from.id = fromID
        $to.id = toID
        categoriesJSON = JSONList.encode(categories)
        self.responseDays = responseDays
    }

    var categories: [DataCategory] { JSONList.decode(categoriesJSON) }
}

/// Short lists of codes are kept as JSON text: the same on SQLite and PostgreSQL, and cheap to
/// write in bulk.
enum JSONList {
    static func encode<T: RawRepresentable>(_ values: [T]) -> String where T.RawValue == String {
        encode(values.map(\.rawValue))
    }

    static func encode(_ values: [String]) -> String {
        let data = (try? JSONEncoder().encode(values)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Unknown codes are dropped rather than failing a whole read: they can only come from a newer version.
    static func decode<T: RawRepresentable>(_ text: String) -> [T] where T.RawValue == String {
        strings(text).compactMap(T.init(rawValue:))
    }

    static func strings(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
