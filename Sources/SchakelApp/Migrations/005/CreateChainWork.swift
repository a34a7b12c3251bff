import Fluent
import Foundation
import SchakelCore
import SQLKit

/// Trajectories, milestones and the right-to-work date kept for the "coming weeks" list.
struct CreateTrajectories: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // Derived from the statuses and the protection request whenever they change (Milestones.rightToWorkDate).
        try await database.schema(PersonModel.schema).field("right_to_work_on", .string).update()
        try await database.schema(TrajectoryStepModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("created_by_user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("provider", .string)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("outcome", .string)
            .field("level_reached", .string)
            .field("note", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(MilestoneModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("on", .string, .required)
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("recorded_by_user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("created_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "persons_right_to_work_idx").on(PersonModel.schema)
            .column("owner_organisation_id").column("right_to_work_on").run()
        try await sql.create(index: "trajectory_steps_person_idx").on(TrajectoryStepModel.schema).column("person_id").run()
        try await sql.create(index: "milestones_person_idx").on(MilestoneModel.schema).column("person_id").run()
        try await RightToWorkBackfill.run(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MilestoneModel.schema).delete()
        try await database.schema(TrajectoryStepModel.schema).delete()
        try await (database as! any SQLDatabase).drop(index: "persons_right_to_work_idx").run()
        try await database.schema(PersonModel.schema).deleteField("right_to_work_on").update()
    }
}

/// Case conferences, hand-over meetings, employer requests, and the inbox with its e-mail outbox.
struct CreateConferencesAndInbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseConferenceModel.schema)
            .id()
            .field("organiser_organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("created_by_user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("held_on", .string, .required)
            .field("title", .string, .required)
            .field("follows_up_id", .uuid, .references(CaseConferenceModel.schema, "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(CaseConferenceParticipantModel.schema)
            .id()
            .field("conference_id", .uuid, .required, .references(CaseConferenceModel.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .unique(on: "conference_id", "organisation_id")
            .create()
        try await database.schema(CaseConferencePersonModel.schema)
            .id()
            .field("conference_id", .uuid, .required, .references(CaseConferenceModel.schema, "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references(PersonModel.schema, "id", onDelete: .cascade))
            .unique(on: "conference_id", "person_id")
            .create()
        try await database.schema(CaseConferenceItemModel.schema)
            .id()
            .field("conference_id", .uuid, .required, .references(CaseConferenceModel.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("person_id", .uuid, .references(PersonModel.schema, "id", onDelete: .cascade))
            .field("text", .string, .required)
            .field("owner_organisation_id", .uuid, .references(OrganisationModel.schema, "id"))
            .field("due_on", .string)
            .field("status", .string)
            .field("closed_at", .datetime)
            .create()
        try await database.schema(HandOverMeetingModel.schema)
            .id()
            .field("referral_id", .uuid, .required, .references(ReferralModel.schema, "id", onDelete: .cascade))
            .field("held_on", .string, .required)
            .field("participants", .string, .required)
            .field("notes", .string)
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("created_by_user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(EmployerRequestModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("employer_name", .string, .required)
            .field("municipality_id", .string, .references(MunicipalityModel.schema, "id"))
            .field("sector", .string)
            .field("description", .string, .required)
            .field("handling_organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("created_by_user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("contact_user_id", .uuid, .references(UserModel.schema, "id"))
            .field("state", .string, .required)
            .field("answer", .string)
            .field("answered_on", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(NotificationModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("user_id", .uuid, .references(UserModel.schema, "id"))
            .field("kind", .string, .required)
            .field("subject_id", .uuid, .required)
            // One notification per thing and occasion: raising "overdue" twice is harmless.
            .field("dedupe_key", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .unique(on: "dedupe_key")
            .create()
        try await database.schema(OutboxMessageModel.schema)
            .id()
            .field("notification_id", .uuid, .required, .references(NotificationModel.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("user_id", .uuid, .references(UserModel.schema, "id"))
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "conference_participants_org_idx").on(CaseConferenceParticipantModel.schema).column("organisation_id").run()
        try await sql.create(index: "conference_items_conference_idx").on(CaseConferenceItemModel.schema).column("conference_id").run()
        try await sql.create(index: "hand_over_meetings_referral_idx").on(HandOverMeetingModel.schema).column("referral_id").run()
        try await sql.create(index: "employer_requests_org_idx").on(EmployerRequestModel.schema).column("handling_organisation_id").run()
        try await sql.create(index: "notifications_org_idx").on(NotificationModel.schema).column("organisation_id").column("created_at").run()
        try await sql.create(index: "outbox_unsent_idx").on(OutboxMessageModel.schema).column("sent_at").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [OutboxMessageModel.schema, NotificationModel.schema, EmployerRequestModel.schema, HandOverMeetingModel.schema,
                       CaseConferenceItemModel.schema, CaseConferencePersonModel.schema, CaseConferenceParticipantModel.schema,
                       CaseConferenceModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}

/// Fills `persons.right_to_work_on` for dossiers written before the column existed, in batches.
enum RightToWorkBackfill {
    static func run(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let today = Date().brusselsDay
        var after: UUID?
        while true {
            // Keyset paging on the primary key: each batch starts where the last one ended.
            let query = sql.select().columns("id", "protection_requested_on").from(PersonModel.schema).orderBy("id").limit(1000)
            if let after { query.where("id", .greaterThan, after) }
            let persons = try await query.all()
            guard let last = persons.last else { return }
            let ids = try persons.map { try $0.decode(column: "id", as: UUID.self) }
            var history: [UUID: [LegalStatusRecord]] = [:]
            for row in try await sql.select().columns("person_id", "status", "since").from(PersonLegalStatusModel.schema)
                .where("person_id", .in, ids).all() {
                history[try row.decode(column: "person_id", as: UUID.self), default: []].append(
                    LegalStatusRecord(status: try row.decode(column: "status", as: LegalStatus.self),
                                      since: try row.decode(column: "since", as: CalendarDate.self)))
            }
            for row in persons {
                let id = try row.decode(column: "id", as: UUID.self)
                let date = Milestones.rightToWorkDate(statusHistory: history[id] ?? [],
                                                      protectionRequestedOn: try row.decode(column: "protection_requested_on", as: CalendarDate?.self),
                                                      today: today)
                try await sql.update(PersonModel.schema).set("right_to_work_on", to: date?.iso).where("id", .equal, id).run()
            }
            after = try last.decode(column: "id", as: UUID.self)
        }
    }
}
