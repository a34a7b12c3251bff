import Fluent
import SQLKit

/// The figures' read model: one narrow row per person and per referral, kept in step with the
/// dossier in the same transaction as every write (`FigureFacts.refresh`). Indicators over a million
/// persons scan these instead of the wide, encrypted dossier tables. Days are day numbers and months
/// are yyyymm integers, so differences and groupings are plain integer arithmetic on both engines.
struct CreateFigureFacts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FigureFacts.personTable)
            .field("person_id", .uuid, .identifier(auto: false))
            .field("owner_id", .uuid, .required)
            .field("region", .string, .required)
            .field("legal_status", .string)
            .field("rtw_day", .int)
            .field("rtw_month", .int)
            .field("first_referral_day", .int)
            .field("first_referral_month", .int)
            .field("first_from_id", .uuid)
            .field("first_to_id", .uuid)
            .field("first_job_day", .int)
            .field("first_outcome_day", .int)
            .field("at6", .int)
            .field("at12", .int)
            .field("at24", .int)
            .field("dutch_first_rank", .int)
            .field("dutch_first_day", .int)
            .field("dutch_last_rank", .int)
            .field("dutch_last_day", .int)
            .field("dutch_last_month", .int)
            .field("worked", .int)
            .create()
        try await database.schema(FigureFacts.referralTable)
            .field("referral_id", .uuid, .identifier(auto: false))
            .field("person_id", .uuid, .required)
            .field("from_id", .uuid, .required)
            .field("to_id", .uuid, .required)
            .field("purpose", .string, .required)
            .field("state", .string, .required)
            .field("sent_day", .int)
            .field("sent_month", .int)
            .field("due_day", .int)
            .field("contact_day", .int)
            .field("decided_day", .int)
            .field("decision", .string)
            .field("refusal_reason", .string)
            .field("reconsidered", .int, .required)
            .field("accepted_day", .int)
            .field("accepted_month", .int)
            .field("completed_day", .int)
            .field("outcome", .string)
            .field("offer_id", .uuid)
            // The person's groups, copied so a referral indicator filters without a join.
            .field("owner_id", .uuid, .required)
            .field("region", .string, .required)
            .field("legal_status", .string)
            .field("rtw_month", .int)
            .field("first_referral_month", .int)
            .create()
        // Covering indexes, led by the month each indicator's period is on and then its groups, so an
        // indicator reads one range of one index in group order (no table lookups, no sort): at a
        // million persons this is what keeps each indicator well under a second on SQLite.
        let sql = database as! any SQLDatabase
        try await sql.create(index: "fact_persons_rtw_idx").on(FigureFacts.personTable)
            .column("rtw_month").column("rtw_day").column("at6").column("at12").column("at24").column("first_outcome_day")
            .column("first_job_day").column("region").column("legal_status").column("owner_id").run()
        try await sql.create(index: "fact_persons_dutch_idx").on(FigureFacts.personTable)
            .column("dutch_last_month").column("worked").column("dutch_first_rank").column("dutch_last_rank")
            .column("dutch_first_day").column("dutch_last_day").column("region").column("legal_status").column("owner_id").run()
        try await sql.create(index: "fact_persons_outcome_idx").on(FigureFacts.personTable)
            .column("first_outcome_day").column("owner_id").column("person_id").run()
        try await sql.create(index: "fact_referrals_person_idx").on(FigureFacts.referralTable)
            .column("person_id").column("to_id").column("accepted_day").run()
        try await sql.create(index: "fact_referrals_sent_idx").on(FigureFacts.referralTable)
            .column("sent_month").column("from_id").column("to_id").column("decision").column("state").column("purpose")
            .column("reconsidered").column("refusal_reason").column("sent_day").column("contact_day").column("decided_day")
            .column("due_day").column("region").column("legal_status").run()
        try await sql.create(index: "fact_referrals_accepted_idx").on(FigureFacts.referralTable)
            .column("accepted_month").column("to_id").column("from_id").column("accepted_day").column("region").column("legal_status").run()
        try await FigureFacts.rebuild(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FigureFacts.referralTable).delete()
        try await database.schema(FigureFacts.personTable).delete()
    }
}

/// Targets a partnership steers by (docs/domain.md#case-001: the Jobteam brings 900 persons to a job or training
/// in two years).
struct CreateTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TargetModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("title", .string, .required)
            .field("persons", .int, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("created_by_user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TargetModel.schema).delete()
    }
}

/// Evaluation survey answers (docs/domain.md#evaluation), stored without any identifier: no user, no
/// organisation, no timestamp, only the month, so a frontline worker can be frank and a client
/// cannot be traced.
struct CreateSurveyResponses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SurveyResponseModel.schema)
            .id()
            .field("audience", .string, .required)
            .field("version", .int, .required)
            .field("month", .int, .required)
            .field("answers", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SurveyResponseModel.schema).delete()
    }
}
