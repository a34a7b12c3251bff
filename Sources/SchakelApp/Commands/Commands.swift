import Fluent
import SchakelCore
import Vapor

extension Application {
    func registerCommands() {
        asyncCommands.use(DemoCommand(), as: "demo")
        asyncCommands.use(UserCommandGroup(), as: "user")
        asyncCommands.use(ReferenceCommandGroup(), as: "reference")
        asyncCommands.use(AuditCommandGroup(), as: "audit")
        asyncCommands.use(KeysCommandGroup(), as: "keys")
        asyncCommands.use(GDPRCommandGroup(), as: "gdpr")
        asyncCommands.use(BenchCommandGroup(), as: "bench")
        asyncCommands.use(ReportCommand(), as: "report")
        asyncCommands.use(SetupCommand(), as: "setup")
        asyncCommands.use(FiguresCommandGroup(), as: "figures")
    }
}

/// `schakel figures rebuild`: every person's figure facts again, from the dossiers, referrals and steps (after a
/// restore, or to check that the kept facts match what the records say).
struct FiguresCommandGroup: AsyncCommandGroup {
    var help: String { "The chain's figures." }
    var commands: [String: any AnyAsyncCommand] { ["rebuild": RebuildFiguresCommand()] }
}

struct RebuildFiguresCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Rebuild every person's figure facts from the records." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await FigureFacts.rebuild(on: app.db, today: app.schakel.now().brusselsDay)
        let persons = try await PersonModel.query(on: app.db).count()
        context.console.print("Figures rebuilt for \(persons) persons.")
    }
}
