import Foundation
import Vapor
@testable import SchakelApp

/// A console for running a `schakel` command through the app's own command table in a test: what the
/// command prints is kept, and what it asks for is answered from `answers`, in order.
final class TestConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String]
    private var written = ""
    var userInfo: [AnySendableHashable: any Sendable] = [:]

    init(answers: [String] = []) { self.answers = answers }

    var output: String { lock.withLock { written } }
    var size: (width: Int, height: Int) { (120, 40) }

    func input(isSecure: Bool) -> String {
        lock.withLock { answers.isEmpty ? "" : answers.removeFirst() }
    }

    func output(_ text: ConsoleText, newLine: Bool) {
        lock.withLock { written += text.description + (newLine ? "\n" : "") }
    }

    func report(error: String, newLine: Bool) {
        lock.withLock { written += error + (newLine ? "\n" : "") }
    }

    func clear(_ type: ConsoleClear) {}
}

extension Application {
    /// Runs `schakel ARGUMENTS…` as the executable would after start-up, and returns what it printed.
    @discardableResult
    func run(command arguments: [String], answers: [String] = []) async throws -> String {
        let console = TestConsole(answers: answers)
        var context = CommandContext(console: console, input: CommandInput(arguments: ["schakel"] + arguments))
        context.application = self
        try await console.run(asyncCommands.group(), with: context)
        return console.output
    }
}
