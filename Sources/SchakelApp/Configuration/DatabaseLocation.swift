import Foundation

/// Where the data lives: an embedded SQLite file (the default, nothing to install) or PostgreSQL
/// (production), chosen by `DATABASE_URL` or `--database PATH`.
public enum DatabaseLocation: Equatable, Sendable {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultSQLiteFile = "schakel.sqlite"

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unsupportedScheme(String)
        case emptyPath

        public var description: String {
            switch self {
            case let .unsupportedScheme(scheme):
                return "DATABASE_URL scheme '\(scheme)' is not supported: use sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE"
            case .emptyPath:
                return "the SQLite path is empty"
            }
        }
    }

    /// `--database PATH` wins over `DATABASE_URL`; neither means `schakel.sqlite` here.
    public static func resolve(databaseFlag: String?, environmentURL: String?) throws -> DatabaseLocation {
        if let flag = databaseFlag {
            guard !flag.isEmpty else { throw Problem.emptyPath }
            return try parse(flag.contains("://") || flag.hasPrefix("sqlite:") ? flag : "sqlite:" + flag)
        }
        if let url = environmentURL, !url.isEmpty { return try parse(url) }
        return .sqlite(path: defaultSQLiteFile)
    }

    static func parse(_ text: String) throws -> DatabaseLocation {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            return .postgres(url: text)
        }
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) } // sqlite:///abs/path
            guard !path.isEmpty else { throw Problem.emptyPath }
            return .sqlite(path: path)
        }
        let scheme = text.split(separator: ":").first.map(String.init) ?? text
        throw Problem.unsupportedScheme(scheme)
    }

    /// Where the data key file lives when none is named: beside the SQLite file, or here.
    public var defaultKeyFile: String {
        switch self {
        case let .sqlite(path):
            let directory = (path as NSString).deletingLastPathComponent
            return directory.isEmpty ? "schakel-data.key" : directory + "/schakel-data.key"
        case .postgres:
            return "schakel-data.key"
        }
    }

    public var engineName: String {
        switch self {
        case .sqlite: return "sqlite"
        case .postgres: return "postgres"
        }
    }
}
