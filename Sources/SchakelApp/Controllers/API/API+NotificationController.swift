import Fluent
import Foundation
import SchakelCore
import Vapor

struct NotificationDTO: Content {
    let id: UUID
    let kind: NotificationKind
    /// The referral, meeting, conference item or employer request it is about.
    let subjectId: UUID
    let createdAt: Date
    let read: Bool
}

extension API {
    /// `/api/v1/notifications`: the inbox of the signed-in user and of their organisation.
    struct NotificationController {
        @Sendable func list(_ request: Request) async throws -> Page<NotificationDTO> {
            let paging = try Paging(request)
            var unreadOnly = false
            if let unread = request.query[String.self, at: "unread"] {
                guard unread == "true" else { throw SchakelError.validation(field: "unread", reason: Strings.unknownValue, arguments: ["true"]) }
                unreadOnly = true
            }
            return try await Notifications.inbox(unreadOnly: unreadOnly, paging: paging, caller: try request.caller).map {
                NotificationDTO(id: $0.id!, kind: $0.kind, subjectId: $0.subjectID, createdAt: $0.createdAt, read: $0.readAt != nil)
            }
        }

        @Sendable func markRead(_ request: Request) async throws -> NotificationDTO {
            let caller = try request.caller
            let model = try await Notifications.markRead(try request.uuidParameter("notificationID"), caller: caller)
            return NotificationDTO(id: model.id!, kind: model.kind, subjectId: model.subjectID, createdAt: model.createdAt, read: true)
        }
    }
}
