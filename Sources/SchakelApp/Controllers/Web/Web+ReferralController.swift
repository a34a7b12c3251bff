import Fluent
import Foundation
import SchakelCore
import Vapor

extension Web {
    /// `/doorverwijzingen`: inbox and outbox, a new referral from a dossier (draft, the receiver's view,
    /// then send), every step of the state machine as a form, and the warm hand-over's meeting and profile.
    struct ReferralController {
        static let pageSize = 25

        @Sendable func list(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let caller = try request.caller
            let direction = request.query[String.self, at: "richting"] == "verzonden" ? "verzonden" : "ontvangen"
            let state = request.query[String.self, at: "toestand"].flatMap(ReferralState.init(rawValue:))
            let overdueOnly = request.query[String.self, at: "telaat"] == "1"
            let page = max(1, request.query[Int.self, at: "page"] ?? 1)
            let filter = Referrals.Filter(direction: direction == "verzonden" ? .sent : .received, state: state, overdueOnly: overdueOnly)
            let referrals = try await Referrals.list(filter, paging: Paging(page: page, per: Self.pageSize), caller: caller)
            let names = PersonNames.names(try await Persons.labels(of: referrals.items, caller: caller), context.language)
            let lines = Page(items: try referrals.items.map { try Referrals.line($0, today: caller.today) }, metadata: referrals.metadata)
            return ReferralListPage(context: context, direction: direction, state: state, overdueOnly: overdueOnly, referrals: lines,
                                    names: names, today: caller.today).render()
        }

        // MARK: New referral

        @Sendable func newForm(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let person = try await Self.person(request)
            var values = ["purpose": Purpose.guidanceToWork.rawValue]
            if let offer = request.query[String.self, at: "aanbod"], UUID(uuidString: offer) != nil {
                values["offerId"] = offer
                values["purpose"] = Purpose.training.rawValue
            }
            return try await Self.form(request, context: context, person: person, state: FormState(values: values))
        }

        @Sendable func create(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let person = try await Self.person(request)
            let values = try request.content.decode([String: String].self)
            do {
                let input = try Self.input(values, person: person.id)
                let referral = try await Referrals.create(input, caller: try request.caller)
                request.flash(UIText.draftMade(context.language))
                return request.redirect(to: SiteURL.referral(try referral.requireID()), redirectType: .normal)
            } catch {
                let state = try FormState.failed(error, values: values, language: context.language,
                                                 fieldMap: ["toOrganisationId": "to", "personId": "to", "offerId": "to"])
                return try await Self.form(request, context: context, person: person, state: state, status: .unprocessableEntity)
            }
        }

        static func form(_ request: Request, context: PageContext, person: PersonDTO, state: FormState,
                         status: HTTPResponseStatus = .ok) async throws -> Response {
            let offer = try await Offers.applied(state.values["offerId"].flatMap(UUID.init(uuidString:)), on: try request.caller.db)
            let receivers = try await Referrals.receivers(caller: try request.caller).compactMap { organisation in
                organisation.id.map { Form.Choice(value: $0.uuidString, label: organisation.name) }
            }
            return ReferralFormPage(context: context, person: person, receivers: receivers, offer: offer, state: state)
                .render(status: status)
        }

        /// The person named in the path, as the rule lets the sender see them (the read recorded).
        static func person(_ request: Request) async throws -> PersonDTO {
            let caller = try caseworker(request)
            let purpose = try request.purpose()
            return try await Persons.show(try request.uuidParameter("personID"), purpose: purpose, caller: caller)
        }

        /// The caller, refused before the path is read: a reader without the role learns nothing from an id's form.
        static func caseworker(_ request: Request) throws -> Caller {
            let caller = try request.caller
            try caller.requireCaseworker()
            return caller
        }

        static func input(_ values: [String: String], person: UUID) throws -> ReferralInput {
            guard let to = values["to"].flatMap(UUID.init(uuidString:)) else { throw SchakelError.validation(field: "to", reason: Strings.missingField) }
            guard let purpose = values["purpose"].flatMap(Purpose.init(rawValue:)) else {
                throw SchakelError.validation(field: "purpose", reason: Strings.missingField)
            }
            let desiredStart = try FormValues(values).date("desiredStart")
            return ReferralInput(personId: person, toOrganisationId: to, purpose: purpose, reason: values["reason"] ?? "",
                                 urgency: values["urgent"] == nil ? .normal : .urgent, desiredStart: desiredStart,
                                 transfersOwnership: values["warm"] != nil,
                                 offerId: values["offerId"].flatMap(UUID.init(uuidString:)))
        }

        // MARK: One referral

        @Sendable func show(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            return try await Self.page(request, context: context, state: FormState())
        }

        static func page(_ request: Request, context: PageContext, state: FormState, status: HTTPResponseStatus = .ok,
                         confirmCancel: Bool = false) async throws -> Response {
            let caller = try caseworker(request)
            let id = try request.uuidParameter("referralID")
            let shown = try await Referrals.page(id, caller: caller)
            let referral = shown.referral
            let party = referral.fromOrganisationId == context.user.organisationID ? ReferralParty.sender : .receiver
            let preview = shown.preview
            let names = PersonNames.names([referral.personId: shown.person], context.language)
            let offer = try await Offers.applied(referral.offerId, on: caller.db)
            return ReferralPage(context: context, referral: referral, party: party, preview: preview,
                                personName: names[referral.personId] ?? "—", offer: offer, state: state,
                                confirmCancel: confirmCancel, today: caller.today).render(status: status)
        }

        @Sendable func confirmCancel(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            return try await Self.page(request, context: context, state: FormState(), confirmCancel: true)
        }

        @Sendable func step(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let values = try request.content.decode([String: String].self)
            do {
                let caller = try Self.caseworker(request)
                guard let action = request.parameters.get("action").flatMap(ReferralAction.init(rawValue:)) else {
                    throw SchakelError.notFound
                }
                let referral = try await Referrals.step(action, on: try request.uuidParameter("referralID"), caller: caller) {
                    let form = FormValues(values)
                    return ReferralStepInput(reason: try form.choice("reason", RefusalReason.self), text: values["text"],
                                             outcome: try form.choice("outcome", ReferralOutcome.self))
                }
                request.flash(referral.state == .sent ? UIText.referralSent(context.language) : UIText.stepDone(context.language))
                return request.redirect(to: SiteURL.referral(referral.id), redirectType: .normal)
            } catch let error as SchakelError where error.status != .notFound {
                let field = error.field ?? "step"
                return try await Self.page(request, context: context,
                                           state: FormState(values: values, errors: [field: error.message(context.language)]),
                                           status: error.status)
            }
        }

        @Sendable func meeting(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let values = try request.content.decode([String: String].self)
            do {
                let caller = try Self.caseworker(request)
                let referral = try await Referrals.recordMeeting(on: try request.uuidParameter("referralID"), caller: caller) {
                    guard let heldOn = values["heldOn"].flatMap(CalendarDate.init(iso:)) else {
                        throw SchakelError.validation(field: "heldOn", reason: Strings.notADate)
                    }
                    return HandOverMeetingInput(heldOn: heldOn, participants: values["participants"] ?? "", notes: values["notes"])
                }
                request.flash(UIText.saved(context.language))
                return request.redirect(to: SiteURL.referral(referral.id).fragment("overdracht"), redirectType: .normal)
            } catch let error as SchakelError where error.status != .notFound {
                return try await Self.page(request, context: context,
                                           state: FormState(values: values, errors: [error.field ?? "heldOn": error.message(context.language)]),
                                           status: error.status)
            }
        }

        @Sendable func profile(_ request: Request) async throws -> Response {
            let caller = try Self.caseworker(request)
            let profile = try await Referrals.handOverProfile(try request.uuidParameter("referralID"), caller: caller)
            return HandOverProfilePage(language: UILanguage.preferred(by: request, userChoice: caller.user.language), profile).render()
        }
    }
}
