import Fluent
import Foundation
import SchakelCore
import Vapor

/// `schakel user create --email E --organisation SLUG --role ROLE --name "Display Name"`
/// The password is read from `SCHAKEL_NEW_PASSWORD` or asked for without echo.
struct UserCommandGroup: AsyncCommandGroup {
    var help: String { "Manage user accounts." }
    var commands: [String: any AnyAsyncCommand] { ["create": CreateUserCommand()] }
}

struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email") var email: String?
        @Option(name: "organisation", help: "The organisation's slug, e.g. vdab-gent.") var organisation: String?
        @Option(name: "role", help: "One of: \(UserRole.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String?
        @Option(name: "name", help: "Display name.") var name: String?
        @Option(name: "language", help: "nl (default) or en.") var language: String?
    }

    var help: String { "Create a user in an organisation with one role." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let password = Environment.get("SCHAKEL_NEW_PASSWORD") ?? context.console.ask("Password (12 characters or more):", isSecure: true)
        let user = try await UserAccounts.create(
            email: signature.email ?? "", organisationSlug: signature.organisation ?? "", role: signature.role ?? "",
            displayName: signature.name ?? "", language: signature.language ?? "nl", password: password, on: app)
        context.console.print("Created \(user.email) (\(user.role.rawValue)).")
    }
}

enum UserAccounts {
    enum Problem: Error, CustomStringConvertible, Equatable {
        case invalid(field: String, reason: String)
        var description: String {
            switch self { case let .invalid(field, reason): return "\(field): \(reason)" }
        }
    }

    static let minimumPasswordLength = 12

    static func create(email rawEmail: String, organisationSlug: String, role rawRole: String, displayName: String,
                       language: String, password: String, on app: Application,
                       recording: (@Sendable (any Database) async throws -> Void)? = nil) async throws -> UserModel {
        guard let role = UserRole(rawValue: rawRole) else {
            throw Problem.invalid(field: "role", reason: "one of \(UserRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let (email, name) = try validated(email: rawEmail, displayName: displayName, language: language, password: password)
        guard let organisation = try await OrganisationModel.query(on: app.db).filter(\.$slug == organisationSlug).first() else {
            throw Problem.invalid(field: "organisation", reason: "no organisation with slug '\(organisationSlug)'")
        }
        guard try await UserModel.query(on: app.db).filter(\.$email == email).count() == 0 else {
            throw Problem.invalid(field: "email", reason: "an account with this address exists")
        }
        let hash = try await app.passwordHasher.hash(password)
        let user = UserModel(email: email, displayName: name, organisationID: try organisation.requireID(), role: role,
                             passwordHash: hash, language: language)
        // The account and, when made in the application, its audit entry commit together.
        try await app.db.transaction { db in
            try await user.create(on: db)
            try await recording?(db)
        }
        return user
    }

    /// The account's e-mail address (trimmed, lower case) and name (trimmed), or the field that is wrong.
    static func validated(email rawEmail: String, displayName: String, language: String,
                          password: String) throws -> (email: String, name: String) {
        let email = rawEmail.trimmingCharacters(in: .whitespaces).lowercased()
        guard email.contains("@"), email.count <= 254, !email.hasPrefix("@"), !email.hasSuffix("@") else {
            throw Problem.invalid(field: "email", reason: "not an e-mail address")
        }
        let name = displayName.trimmingCharacters(in: .whitespaces)
        guard (1...120).contains(name.count) else { throw Problem.invalid(field: "name", reason: "1 to 120 characters") }
        guard ["nl", "en"].contains(language) else { throw Problem.invalid(field: "language", reason: "nl or en") }
        guard password.count >= minimumPasswordLength, password.utf8.count <= 72 else {
            throw Problem.invalid(field: "password", reason: "\(minimumPasswordLength) to 72 bytes")
        }
        return (email, name)
    }
}
