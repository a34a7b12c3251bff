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
            let user = try request.user
            let paging = try Paging(request)
            try await Notifier.raiseOverdue(for: user.organisationID, today: request.now.brusselsDay, at: request.now, on: request.db)
            let query = NotificationModel.query(on: request.db).filter(\.$organisation.$id == user.organisationID)
                .group(.or) { $0.filter(\.$user.$id == nil).filter(\.$user.$id == user.id) }
            if let unread = request.query[String.self, at: "unread"] {
                guard unread == "true" else { throw SchakelError.validation(field: "unread", reason: Strings.unknownValue, arguments: ["true"]) }
                query.filter(\.$readAt == nil)
            }
            return try await query.sort(\.$createdAt, .descending).sort(\.$id).page(paging).map {
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
