/// Options that apply to every `schakel` command and are taken off the command line before Vapor
/// parses the rest: `--database PATH` and `serve --demo`.
public struct LaunchOptions: Equatable, Sendable {
    public var databaseFlag: String?
    /// `serve --demo`: build the demo world on an empty database and print the accounts.
    public var demo: Bool
    /// The arguments left for Vapor's command parser.
    public var remaining: [String]

    public init(databaseFlag: String? = nil, demo: Bool = false, remaining: [String] = []) {
        self.databaseFlag = databaseFlag
        self.demo = demo
        self.remaining = remaining
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case missingValue(String)
        public var description: String {
            switch self {
            case let .missingValue(flag): return "\(flag) needs a value"
            }
        }
    }

    public static func parse(_ arguments: [String]) throws -> LaunchOptions {
        var options = LaunchOptions()
        var rest: [String] = []
        var index = 0
        let command = arguments.dropFirst().first
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--database" {
                guard index + 1 < arguments.count else { throw Problem.missingValue("--database") }
                options.databaseFlag = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--database=") {
                options.databaseFlag = String(argument.dropFirst("--database=".count))
            } else if argument == "--demo", command == "serve" || command == "--demo" {
                options.demo = true
            } else {
                rest.append(argument)
            }
            index += 1
        }
        options.remaining = rest
        return options
    }

    /// Whether the command line asks to serve (Vapor's default command when none is given); `--help` is not serving.
    public var isServe: Bool {
        command == "serve" && !asksForHelp
    }

    /// The command named, or `serve` (Vapor's default) when none is.
    public var command: String {
        guard remaining.count > 1, !remaining[1].hasPrefix("-") else { return "serve" }
        return remaining[1]
    }

    /// `--help` or `-h` anywhere: only help is printed.
    public var asksForHelp: Bool {
        remaining.dropFirst().contains { $0 == "--help" || $0 == "-h" }
    }

    /// Whether the command uses the database, so it may open (and for SQLite create) it. Not for help,
    /// Vapor's `routes`, a command group named without its subcommand (its help is printed), or a
    /// command that does not exist; `commands` are the registered commands and whether each is a group.
    public func needsDatabase(commands: [String: Bool]) -> Bool {
        if asksForHelp { return false }
        if command == "serve" { return true }
        guard let isGroup = commands[command], command != "routes" else { return false }
        if isGroup, remaining.count < 3 || remaining[2].hasPrefix("-") { return false }
        return true
    }
}
