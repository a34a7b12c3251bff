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

    /// Whether the command line asks to serve (Vapor's default command when none is given).
    public var isServe: Bool {
        guard remaining.count > 1 else { return true }
        let command = remaining[1]
        return command == "serve" || command.hasPrefix("-")
    }
}
