import Fluent

/// A consent records whether the text shown to the person was reviewed by a qualified translator, and whether the
/// person could read it (else an interpreter or a witness is recorded with it). Both empty for consents recorded
/// before: then it is not known.
struct AddConsentTextReview: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema("consents").field("text_reviewed", .bool).update()
        try await database.schema("consents").field("person_reads_text", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("consents").deleteField("person_reads_text").update()
        try await database.schema("consents").deleteField("text_reviewed").update()
    }
}
