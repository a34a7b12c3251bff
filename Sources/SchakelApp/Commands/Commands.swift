import Vapor

extension Application {
    func registerCommands() {
        asyncCommands.use(DemoCommand(), as: "demo")
        asyncCommands.use(UserCommandGroup(), as: "user")
        asyncCommands.use(ReferenceCommandGroup(), as: "reference")
    }
}
