import Fluent

/// A consent records the interpreter who put the text into the person's language, and the language the
/// stored text is written in when that differs from the language the person was told in (a Dutch
/// standard text interpreted into Arabic). Both empty for consents recorded before.
struct AddConsentInterpreter: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema("consents").field("interpreter", .string).update()
        try await database.schema("consents").field("text_written_in", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("consents").deleteField("text_written_in").update()
        try await database.schema("consents").deleteField("interpreter").update()
    }
}
