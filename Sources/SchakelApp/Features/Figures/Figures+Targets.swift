import Fluent
import Foundation
import SchakelCore
import Vapor

extension Figures {
    struct TargetInput: Content {
        var organisationId: UUID?
        var title: String?
        var persons: Int?
        var startsOn: CalendarDate?
        var endsOn: CalendarDate?
    }

    /// The organisations the analyst's organisation may set targets for today (`TargetRules`).
    static func chain(of organisation: UUID, on database: any Database, day: CalendarDate) async throws -> Set<UUID> {
        let ids = try await AgreementPartyModel.query(on: database).filter(\.$organisation.$id == organisation).all(\.$agreement.$id)
        let agreements = try await AgreementModel.query(on: database).filter(\.$id ~~ Set(ids)).with(\.$parties).all()
        return TargetRules.chain(of: organisation, agreements: agreements.map { agreement in
            TargetRules.Agreement(parties: Set(agreement.parties.map(\.$organisation.id)), validity: agreement.validity)
        }, on: day)
    }

    /// A target for an organisation of the analyst's chain; the first problem of the input is thrown.
    static func createTarget(_ input: TargetInput, caller: Caller) async throws -> TargetModel {
        try caller.requireAnalyst()
        guard let organisationID = input.organisationId else {
            throw SchakelError.validation(field: "organisationId", reason: Strings.missingField)
        }
        guard try await OrganisationModel.find(organisationID, on: caller.db) != nil else {
            throw SchakelError.validation(field: "organisationId", reason: Strings.unknownOrganisation)
        }
        guard try await chain(of: caller.organisationID, on: caller.db, day: caller.today).contains(organisationID) else {
            throw SchakelError.validation(field: "organisationId", reason: Strings.targetOutsideChain)
        }
        let title = try FreeText.required(input.title, field: "title", max: 200)
        guard let persons = input.persons else { throw SchakelError.validation(field: "persons", reason: Strings.missingField) }
        guard persons > 0, persons <= 1_000_000 else { throw SchakelError.validation(field: "persons", reason: Strings.mustBePositive) }
        guard let startsOn = input.startsOn else { throw SchakelError.validation(field: "startsOn", reason: Strings.missingField) }
        guard let endsOn = input.endsOn else { throw SchakelError.validation(field: "endsOn", reason: Strings.missingField) }
        guard endsOn > startsOn else { throw SchakelError.validation(field: "endsOn", reason: Strings.targetEndsBeforeStart) }
        let target = TargetModel()
        target.id = UUID()
        target.$organisation.id = organisationID
        target.title = title
        target.persons = persons
        target.startsOn = startsOn
        target.endsOn = endsOn
        target.$createdBy.id = caller.user.id
        target.createdAt = caller.now
        try await target.save(on: caller.db)
        return target
    }

    /// How far a target is today, with its organisation's name in `language`.
    static func progress(of target: TargetModel, language: UILanguage, caller: Caller) async throws -> TargetProgressDTO {
        let today = caller.today
        let labels = try await FigureLabels.load(on: caller.db, language: language)
        return TargetProgressDTO(target, achieved: try await Indicators.achieved(target, until: today, on: caller.db),
                                 today: today, organisation: labels.organisation(target.$organisation.id.uuidString))
    }
}
