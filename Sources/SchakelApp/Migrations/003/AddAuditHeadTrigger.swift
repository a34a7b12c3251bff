import Fluent
import SQLKit

/// The audit head follows every insert into the chain inside the database, in the inserting
/// statement itself: an append is one statement, and the head can never lag behind the entries.
/// Only a higher sequence moves the head, so rows inserted in one statement leave it on the last.
struct AddAuditHeadTrigger: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("""
                CREATE FUNCTION audit_entries_move_head() RETURNS trigger AS $$
                BEGIN
                    UPDATE audit_head SET sequence = NEW.id, hash = NEW.hash WHERE id = 1 AND sequence < NEW.id;
                    RETURN NULL;
                END
                $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_entries_move_head AFTER INSERT ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_move_head()
                """).run()
        default:
            try await sql.raw("""
                CREATE TRIGGER audit_entries_move_head AFTER INSERT ON audit_entries
                BEGIN
                    UPDATE audit_head SET sequence = NEW.id, hash = NEW.hash WHERE id = 1 AND sequence < NEW.id;
                END
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_move_head\(unsafeRaw: sql.dialect.name == "postgresql" ? " ON audit_entries" : "")").run()
        if sql.dialect.name == "postgresql" { try await sql.raw("DROP FUNCTION IF EXISTS audit_entries_move_head()").run() }
    }
}
