import Fluent
import Foundation
import SchakelCore

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
