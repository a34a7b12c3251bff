import Fluent
import Foundation
import SchakelCore
import Vapor

extension API {
    /// `/api/v1/referrals`: closed-loop referrals along agreement routes (`Referrals`).
    struct ReferralController {
        // MARK: Create and read

        @Sendable func create(_ request: Request) async throws -> Response {
            let caller = try Self.caseworker(request)
            let model = try await Referrals.create(try request.content.decode(ReferralInput.self), caller: caller)
            let response = Response(status: .created)
            try response.content.encode(try await Referrals.view(model, caller: caller))
            response.headers.replaceOrAdd(name: .location, value: APILocation.referral(try model.requireID()))
            return response
        }

        /// The referrals your organisation sent or received, newest first.
        @Sendable func list(_ request: Request) async throws -> Page<ReferralSummaryDTO> {
            let caller = try Self.caseworker(request)
            let paging = try Paging(request)
            let direction: Referrals.Direction
            switch request.query[String.self, at: "direction"] {
            case "sent": direction = .sent
            case "received": direction = .received
            case nil: direction = .both
            default:
                throw SchakelError.validation(field: "direction", reason: Strings.unknownValue, arguments: ["sent, received"])
            }
            var filter = Referrals.Filter(direction: direction, state: try request.queryEnum("state", as: ReferralState.self))
            if let overdue = request.query[String.self, at: "overdue"] {
                guard overdue == "true" else { throw SchakelError.validation(field: "overdue", reason: Strings.unknownValue, arguments: ["true"]) }
                filter.overdueOnly = true
            }
            let today = caller.today
            return try await Referrals.list(filter, paging: paging, caller: caller).map { model in
                ReferralSummaryDTO(id: model.id!, personId: model.$person.id, fromOrganisationId: model.$from.id,
                                   toOrganisationId: model.$to.id, purpose: model.purpose, urgency: model.urgency, state: model.state,
                                   sentOn: model.sentOn, dueOn: model.dueOn, overdue: Referrals.isOverdue(model, today: today),
                                   outcome: model.outcome, offerId: model.$offer.id)
            }
        }

        @Sendable func show(_ request: Request) async throws -> ReferralDTO {
            let caller = try Self.caseworker(request)
            return try await Referrals.show(try request.uuidParameter("referralID"), caller: caller)
        }

        /// Exactly what the receiver will see, before sending: the snapshot the rule allows now.
        @Sendable func preview(_ request: Request) async throws -> PersonDTO {
            let caller = try Self.caseworker(request)
            return try await Referrals.preview(try request.uuidParameter("referralID"), caller: caller)
        }

        // MARK: Steps

        /// A step of the state machine; the body is read once the reader is known to be a party.
        @Sendable func step(_ request: Request) async throws -> ReferralDTO {
            let caller = try Self.caseworker(request)
            guard let action = request.parameters.get("action").flatMap(ReferralAction.init(rawValue:)) else { throw SchakelError.notFound }
            return try await Referrals.step(action, on: try request.uuidParameter("referralID"), caller: caller) {
                // Send, receive, accept and start need no body.
                guard let body = request.body.data, body.readableBytes > 0 else { return ReferralStepInput() }
                return try request.content.decode(ReferralStepInput.self)
            }
        }

        // MARK: Warm hand-over

        /// Records the meeting where the case manager explains the profile; either side may, once sent.
        @Sendable func recordMeeting(_ request: Request) async throws -> Response {
            let caller = try Self.caseworker(request)
            let dto = try await Referrals.recordMeeting(on: try request.uuidParameter("referralID"), caller: caller) {
                try request.content.decode(HandOverMeetingInput.self)
            }
            let response = Response(status: .created)
            try response.content.encode(dto)
            return response
        }

        /// The printable profile (HTML with print styles).
        @Sendable func profile(_ request: Request) async throws -> HandOverProfileDTO {
            let caller = try Self.caseworker(request)
            return HandOverProfileDTO(try await Referrals.handOverProfile(try request.uuidParameter("referralID"), caller: caller))
        }

        /// The caller, refused before the path is read: a reader without the role learns nothing from an id's form.
        static func caseworker(_ request: Request) throws -> Caller {
            let caller = try request.caller
            try caller.requireCaseworker()
            return caller
        }
    }
}
