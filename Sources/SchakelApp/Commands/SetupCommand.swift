import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// `schakel setup --organisation-name "…" --kind KIND --region NIS [--municipality NIS] --email E --name "…"`
///
/// The first step of a fresh install: the first organisation and its administrator, who then adds the
/// other organisations, agreements and accounts from the administration pages. Only on a database
/// without organisations. The password comes from `SCHAKEL_NEW_PASSWORD`, from standard input with
/// `--password-stdin`, or is asked without echo; never from a flag (it would stay in the shell's history).
struct SetupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "organisation-name", help: "The organisation's name, e.g. \"OCMW Mechelen\".")
        var organisationName: String?
        @Option(name: "kind", help: "One of: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var kind: String?
        @Option(name: "region", help: "NIS code of its region: \(ReferenceRegions.all.map { "\($0.nisCode) \($0.nameNL)" }.joined(separator: ", ")).")
        var region: String?
        @Option(name: "municipality", help: "NIS code of its municipality (optional), e.g. 12025 for Mechelen.")
        var municipality: String?
        @Option(name: "email", help: "The administrator's e-mail address.")
        var email: String?
        @Option(name: "name", help: "The administrator's name.")
        var name: String?
        @Option(name: "language", help: "The administrator's language: nl (default) or en.")
        var language: String?
        @Flag(name: "password-stdin", help: "Read the administrator's password from the first line of standard input.")
        var passwordFromStandardInput: Bool
    }

    var help: String {
        "Create the first organisation and its administrator on an empty database (password: SCHAKEL_NEW_PASSWORD, --password-stdin, or asked)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        // Said before a password is asked for; checked again inside the transaction.
        guard try await OrganisationModel.query(on: app.db).count() == 0 else { throw Setup.Problem.alreadySetUp }
        let input = Setup.Input(organisationName: signature.organisationName ?? "", kind: signature.kind ?? "",
                                region: signature.region ?? "", municipality: signature.municipality,
                                email: signature.email ?? "", name: signature.name ?? "", language: signature.language ?? "nl")
        try await Setup.check(input, on: app.db)
        let password: String
        if let fromEnvironment = Environment.get("SCHAKEL_NEW_PASSWORD") {
            password = fromEnvironment
        } else if signature.passwordFromStandardInput {
            password = readLine(strippingNewline: true) ?? ""
        } else {
            password = context.console.ask("Password for \(input.email) (12 characters or more):", isSecure: true)
        }
        let (organisation, user) = try await Setup.run(input, password: password, on: app)
        context.console.print("Created the organisation \(organisation.name) (code \(organisation.slug)) and its administrator \(user.email).")
        context.console.print("Sign in at /aanmelden and add the other organisations, agreements and accounts under /beheer.")
    }
}

enum Setup {
    struct Input: Sendable {
        var organisationName: String
        var kind: String
        var region: String
        var municipality: String?
        var email: String
        var name: String
        var language: String = "nl"
    }

    enum Problem: Error, CustomStringConvertible, Equatable {
        case alreadySetUp
        case invalid(field: String, reason: String)

        var description: String {
            switch self {
            case .alreadySetUp:
                return "the database already holds organisations: setup only makes the first one. Add organisations under /beheer "
                    + "(administrators) and accounts with `schakel user create`."
            case let .invalid(field, reason): return "--\(field): \(reason)"
            }
        }
    }

    /// Every field, as the API checks an organisation and `user create` an account; the first problem is thrown.
    static func check(_ input: Input, on database: any Database) async throws {
        guard let kind = OrganisationKind(rawValue: input.kind) else {
            throw Problem.invalid(field: "kind", reason: "one of \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let organisation = OrganisationInput(name: input.organisationName, kind: kind, regionId: input.region, municipalityId: input.municipality)
        let flags = ["name": "organisation-name", "regionId": "region", "municipalityId": "municipality"]
        if let problem = try await Registry.organisationProblems(organisation, on: database).first {
            throw Problem.invalid(field: flags[problem.field] ?? problem.field, reason: problem.error.message(.en))
        }
        do {
            // The password is checked in `run`; a placeholder of the right length stands in for it here.
            _ = try UserAccounts.validated(email: input.email, displayName: input.name, language: input.language,
                                           password: String(repeating: "x", count: UserAccounts.minimumPasswordLength))
        } catch let UserAccounts.Problem.invalid(field, reason) {
            throw Problem.invalid(field: field, reason: reason)
        }
    }

    /// The organisation, its administrator and the audit entry, in one transaction; refused when any
    /// organisation exists (also one another setup wrote meanwhile).
    static func run(_ input: Input, password: String, on app: Application) async throws -> (OrganisationModel, UserModel) {
        try await check(input, on: app.db)
        let account: (email: String, name: String)
        do {
            account = try UserAccounts.validated(email: input.email, displayName: input.name, language: input.language, password: password)
        } catch let UserAccounts.Problem.invalid(field, reason) {
            throw Problem.invalid(field: field, reason: reason)
        }
        let hash = try await app.password.async.hash(password)
        let name = input.organisationName.trimmingCharacters(in: .whitespacesAndNewlines)
        let organisation = OrganisationModel(id: UUID(), slug: Slug.make(from: name)!, name: name, kind: OrganisationKind(rawValue: input.kind)!,
                                             regionID: input.region, municipalityID: input.municipality.nonEmpty)
        let user = UserModel(id: UUID(), email: account.email, displayName: account.name, organisationID: try organisation.requireID(),
                             role: .administrator, passwordHash: hash, language: input.language)
        let now = app.schakel.now()
        try await app.db.transaction { db in
            if case .postgres = app.schakel.database {
                // Two setups at once: the second waits here and then finds the first one's organisation.
                try await (db as! any SQLDatabase).raw("LOCK TABLE organisations IN SHARE ROW EXCLUSIVE MODE").run()
            }
            guard try await OrganisationModel.query(on: db).count() == 0 else { throw Problem.alreadySetUp }
            try await organisation.create(on: db)
            try await user.create(on: db)
            try await app.auditLog.append(AuditEvent(userID: try user.requireID(), organisationID: try organisation.requireID(), personID: nil,
                                                     action: .setup, categories: [], purpose: nil, outcome: .allowed),
                                          at: now, on: db)
        }
        return (organisation, user)
    }
}
