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
    }
}
