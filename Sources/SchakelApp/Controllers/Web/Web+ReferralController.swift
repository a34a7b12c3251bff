import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

extension Web {
    /// `/doorverwijzingen`: inbox and outbox, a new referral from a dossier (draft, the receiver's view,
    /// then send), every step of the state machine as a form, and the warm hand-over's meeting and profile.
    struct ReferralController {
        static let pageSize = 25

        @Sendable func list(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            try API.PersonController.requireCaseworker(request)
            let organisation = context.user.organisationID
            let direction = request.query[String.self, at: "richting"] == "verzonden" ? "verzonden" : "ontvangen"
            let state = request.query[String.self, at: "toestand"].flatMap(ReferralState.init(rawValue:))
            let overdueOnly = request.query[String.self, at: "telaat"] == "1"
            let page = max(1, request.query[Int.self, at: "page"] ?? 1)
            let query = ReferralModel.query(on: request.db)
            if direction == "verzonden" { query.filter(\.$from.$id == organisation) }
            else { query.filter(\.$to.$id == organisation).filter(\.$state != .draft) }
            if let state { query.filter(\.$state == state) }
            if overdueOnly { query.overdue(on: request.now.brusselsDay) }
            let referrals = try await query.sort(\.$createdAt, .descending).sort(\.$id).page(Paging(page: page, per: Self.pageSize))
            let names = try await PersonNames.resolve(referrals.items, for: request)
            return ReferralListPage(context: context, direction: direction, state: state, overdueOnly: overdueOnly, referrals: referrals,
                                    names: names, today: request.now.brusselsDay).render()
        }

        // MARK: New referral

        @Sendable func newForm(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let person = try await API.PersonController().show(request)
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
            let person = try await API.PersonController().show(request)
            let values = try request.content.decode([String: String].self)
            do {
                let input = try Self.input(values, person: person.id)
                let referral = try await API.ReferralController.create(input, on: request)
                request.flash(UIText.draftMade(context.language))
                return request.redirect(to: "/doorverwijzingen/\(try referral.requireID().uuidString)", redirectType: .normal)
            } catch {
                let state = try FormState.failed(error, values: values, language: context.language,
                                                 fieldMap: ["toOrganisationId": "to", "personId": "to", "offerId": "to"])
                return try await Self.form(request, context: context, person: person, state: state, status: .unprocessableEntity)
            }
        }

        static func form(_ request: Request, context: PageContext, person: PersonDTO, state: FormState,
                         status: HTTPResponseStatus = .ok) async throws -> Response {
            let offer = try await state.values["offerId"].flatMap(UUID.init(uuidString:)).asyncFlatMap { try await OfferModel.find($0, on: request.db) }
            return ReferralFormPage(context: context, person: person, receivers: try await Self.receivers(request), offer: offer, state: state)
                .render(status: status)
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

        /// Organisations an agreement in force routes this organisation's referrals to.
        static func receivers(_ request: Request) async throws -> [Form.Choice] {
            let user = try request.user
            let today = request.now.brusselsDay
            let rows = try await (request.db as! any SQLDatabase).raw("""
                SELECT r.to_organisation_id, a.valid_from, a.valid_until FROM agreement_routes r
                JOIN agreements a ON a.id = r.agreement_id
                WHERE r.from_organisation_id = \(bind: user.organisationID)
                """).all()
            var ids = Set<UUID>()
            for row in rows {
                let validity = Validity(from: try row.decode(column: "valid_from", as: CalendarDate.self),
                                        until: try row.decode(column: "valid_until", as: CalendarDate?.self))
                if validity.contains(today) { ids.insert(try row.decode(column: "to_organisation_id", as: UUID.self)) }
            }
            ids.remove(user.organisationID)
            let organisations = try await OrganisationModel.query(on: request.db).filter(\.$id ~~ Array(ids)).sort(\.$name).all()
            return organisations.compactMap { organisation in organisation.id.map { .init(value: $0.uuidString, label: organisation.name) } }
        }

        // MARK: One referral

        @Sendable func show(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            return try await Self.page(request, context: context, state: FormState())
        }

        static func page(_ request: Request, context: PageContext, state: FormState, status: HTTPResponseStatus = .ok,
                         confirmCancel: Bool = false) async throws -> Response {
            let referral = try await API.ReferralController().show(request)
            let party = referral.fromOrganisationId == context.user.organisationID ? ReferralParty.sender : .receiver
            let preview = party == .sender && referral.state == .draft ? try await API.ReferralController().preview(request) : nil
            let names = try await PersonNames.resolve([referral.personId: referral.purpose], for: request)
            let offer = try await referral.offerId.asyncFlatMap { try await OfferModel.find($0, on: request.db) }
            return ReferralPage(context: context, referral: referral, party: party, preview: preview,
                                personName: names[referral.personId] ?? "—", offer: offer, state: state,
                                confirmCancel: confirmCancel, today: request.now.brusselsDay).render(status: status)
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
                let referral = try await API.ReferralController.step(request) {
                    let form = FormValues(values)
                    return ReferralStepInput(reason: try form.choice("reason", RefusalReason.self), text: values["text"],
                                             outcome: try form.choice("outcome", ReferralOutcome.self))
                }
                request.flash(referral.state == .sent ? UIText.referralSent(context.language) : UIText.stepDone(context.language))
                return request.redirect(to: "/doorverwijzingen/\(referral.id.uuidString)", redirectType: .normal)
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
                let referral = try await API.ReferralController.recordMeeting(request) {
                    guard let heldOn = values["heldOn"].flatMap(CalendarDate.init(iso:)) else {
                        throw SchakelError.validation(field: "heldOn", reason: Strings.notADate)
                    }
                    return HandOverMeetingInput(heldOn: heldOn, participants: values["participants"] ?? "", notes: values["notes"])
                }
                request.flash(UIText.saved(context.language))
                return request.redirect(to: "/doorverwijzingen/\(referral.id.uuidString)#overdracht", redirectType: .normal)
            } catch let error as SchakelError where error.status != .notFound {
                return try await Self.page(request, context: context,
                                           state: FormState(values: values, errors: [error.field ?? "heldOn": error.message(context.language)]),
                                           status: error.status)
            }
        }

        @Sendable func profile(_ request: Request) async throws -> Response {
            try await API.ReferralController().profile(request)
        }
    }
}
