import Fluent
import Foundation
import SchakelCore
import SQLKit

/// One offer of the catalogue. No personal data: what a provider publishes.
final class OfferModel: Model, @unchecked Sendable {
    static let schema = "offers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "provider_organisation_id") var provider: OrganisationModel
    @Field(key: "kind") var kind: OfferKind
    @Field(key: "title") var title: String
    @Field(key: "sector") var sector: String
    @OptionalField(key: "occupation") var occupation: String?
    @Field(key: "competences") var competencesJSON: String
    @Field(key: "region_id") var regionID: String
    @Field(key: "municipality_id") var municipalityID: String
    @Field(key: "schedules") var schedulesJSON: String
    @Field(key: "starts_on") var startsOn: CalendarDate
    @OptionalField(key: "ends_on") var endsOn: CalendarDate?
    @Field(key: "seats") var seats: Int
    @Field(key: "seats_taken") var seatsTaken: Int
    @Field(key: "funding") var funding: OfferFunding
    @Field(key: "instruction_language") var instructionLanguage: String
    @Field(key: "admission") var admissionJSON: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    convenience init(_ offer: Offer, now: Date) throws {
        self.init()
        id = offer.id
        $provider.id = offer.providerOrganisationID
        kind = offer.kind
        title = offer.title
        sector = offer.sector
        occupation = offer.occupation
        competencesJSON = JSONList.encode(offer.competences)
        regionID = offer.region
        municipalityID = offer.municipality
        schedulesJSON = String(decoding: try JSONEncoder().encode(offer.schedules), as: UTF8.self)
        startsOn = offer.startsOn
        endsOn = offer.endsOn
        seats = offer.seats
        seatsTaken = offer.seatsTaken
        funding = offer.funding
        instructionLanguage = offer.instructionLanguage
        admissionJSON = String(decoding: try JSONEncoder().encode(offer.admission), as: UTF8.self)
        createdAt = now
        updatedAt = now
    }

    func offer() throws -> Offer {
        Offer(id: try requireID(), providerOrganisationID: $provider.id, kind: kind, title: title, sector: sector,
              occupation: occupation, competences: JSONList.decode(competencesJSON), region: regionID, municipality: municipalityID,
              schedules: try JSONDecoder().decode(OfferSchedules.self, from: Data(schedulesJSON.utf8)), startsOn: startsOn,
              endsOn: endsOn, seats: seats, seatsTaken: seatsTaken, funding: funding, instructionLanguage: instructionLanguage,
              admission: try JSONDecoder().decode(AdmissionRequirements.self, from: Data(admissionJSON.utf8)))
    }
}

extension OfferModel {
    /// Every column, in the order of `row`.
    static let columns = ["id", "provider_organisation_id", "kind", "title", "sector", "occupation", "competences", "region_id",
                          "municipality_id", "schedules", "starts_on", "ends_on", "seats", "seats_taken", "funding",
                          "instruction_language", "admission", "created_at", "updated_at"]
    /// What an import leaves as it is in an offer that exists: its identity, seats already taken (only
    /// starts change them, so applications keep pointing at the same seats) and when it was first loaded.
    static let keptOnUpdate: Set<String> = ["id", "seats_taken", "created_at"]

    /// One offer as a row of `columns`, encoded as the model encodes it.
    static func row(_ offer: Offer, now: Date) throws -> [any Encodable & Sendable] {
        let model = try OfferModel(offer, now: now)
        return [offer.id, offer.providerOrganisationID, offer.kind.rawValue, model.title, model.sector, model.occupation,
                model.competencesJSON, model.regionID, model.municipalityID, model.schedulesJSON, offer.startsOn.iso, offer.endsOn?.iso,
                model.seats, model.seatsTaken, offer.funding.rawValue, model.instructionLanguage, model.admissionJSON, now, now]
    }

    /// Inserts the rows, or updates the offer with the same id (but what `keptOnUpdate` names), a few
    /// hundred rows per statement (SQLite binds at most 32 766 values, PostgreSQL 65 535), inside the
    /// caller's transaction.
    static func upsert(_ rows: [[any Encodable & Sendable]], on sql: any SQLDatabase, rowsPerStatement: Int = 500) async throws {
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + rowsPerStatement)
            var builder = sql.insert(into: schema).columns(columns)
            for row in rows[start..<end] { builder = builder.values(row) }
            try await builder.onConflict(with: ["id"]) { update in
                var update = update
                for column in columns where !keptOnUpdate.contains(column) { update = update.set(excludedValueOf: column) }
                return update
            }.run()
            start = end
        }
    }
}
