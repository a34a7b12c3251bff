import Fluent

/// Evaluation survey answers (docs/domain.md#evaluation), stored without any identifier: no user, no
/// organisation, no timestamp, only the month, so a frontline worker can be frank and a client
/// cannot be traced.
struct CreateSurveyResponses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("survey_responses")
            .id()
            .field("audience", .string, .required)
            .field("version", .int, .required)
            .field("month", .int, .required)
            .field("answers", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("survey_responses").delete()
    }
}
