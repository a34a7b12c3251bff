import Fluent
import Foundation
import Plot
import SchakelCore
import Vapor

/// The administrator's page: who is in the chain, which agreements are in force with what each route lets
/// travel, and the organisation's accounts.
struct AdminPage {
    let context: PageContext
    let organisations: [OrganisationModel]
    /// Region names by NIS code, in the reader's language.
    let regions: [String: String]
    let agreements: [AgreementDTO]
    let users: [UserModel]
    let state: FormState
    /// The account an administrator is asked to confirm closing.
    var closing: UserModel? = nil

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let labels = ["email": UIText.email(l), "name": UIText.name(l), "role": Strings.yourRole(l), "password": UIText.newPassword(l)]
        return context.render(
            AdminText.title(l), status: status,
            .h1(.text(AdminText.title(l))),
            .section(.class("part"), .id("organisaties"), .h2(.text(AdminText.organisations(l))),
                     .p(.a(.class("button-link"), .href(SiteURL.newOrganisation), .text(AdminText.addOrganisation(l)))),
                     .div(.class("table-wrap"), .table(.class("plain"),
                         .thead(.tr(.th(.text(UIText.name(l))), .th(.text(AdminText.code(l))), .th(.text(UIText.kind(l))),
                                    .th(.text(UIText.region(l))))),
                         .tbody(.forEach(organisations) { organisation in
                             .tr(.td(.text(organisation.name)), .td(.code(.text(organisation.slug))),
                                 .td(.text(FigureText.organisationKind(l, organisation.kind))),
                                 .td(.text(regions[organisation.$region.id] ?? organisation.$region.id)))
                         })))),
            .section(.class("part"), .id("overeenkomsten"), .h2(.text(AdminText.agreements(l))),
                     .p(.text(AdminText.agreementsIntro(l))),
                     .p(.a(.class("button-link"), .href(SiteURL.newAgreement), .text(AdminText.newAgreement(l)))),
                     .ul(.class("list"), .forEach(agreements) { agreement in
                         .li(.a(.href(SiteURL.agreement(agreement.id)), .strong(.text(agreement.title))),
                             .span(.class("meta"), .text(AdminText.period(l, agreement)
                                                         + " · " + (agreement.active ? AdminText.inForce(l) : AdminText.notInForce(l)))),
                             .p(.text(AdminText.parties(l) + ": " + agreement.parties.map { context.organisation($0.organisationId) }.joined(separator: ", "))),
                             .ul(.forEach(agreement.routes) { route in
                                 .li(.text("\(context.organisation(route.fromOrganisationId)) → \(context.organisation(route.toOrganisationId)): "
                                           + route.categories.map { UIText.category(l, $0) }.joined(separator: ", ")))
                             }))
                     })),
            .section(.class("part"), .id("accounts"), .h2(.text(AdminText.accounts(l))),
                     .div(.class("table-wrap"), .table(.class("plain"),
                         .thead(.tr(.th(.text(UIText.name(l))), .th(.text(UIText.email(l))), .th(.text(Strings.yourRole(l))),
                                    .th(.text(AdminText.accountActions(l))))),
                         .tbody(.forEach(users) { user in
                             .tr(.td(.text(user.displayName)), .td(.text(user.email)), .td(.text(Strings.role(user.role.rawValue)(l))),
                                 .td(actions(for: user)))
                         }))),
                     .unwrap(closing) { user in
                         .form(.method(.post), .action(SiteURL.accountClosing(user.id)), .class("confirm"), .id("sluiten"),
                               Form.token(context),
                               .p(.strong(.text(AdminText.closeQuestion(l, user.displayName, user.email)))),
                               .p(.text(AdminText.closeExplained(l))),
                               .div(.class("actions"), Form.submit(AdminText.closeConfirm(l), danger: true),
                                    .a(.href(SiteURL.administration.fragment("accounts")), .text(UIText.cancel(l)))))
                     },
                     .h3(.text(AdminText.newAccount(l))),
                     Form.summary(state, language: l, labels: labels),
                     .form(.class("stacked"), .method(.post), .action(SiteURL.accounts), .attribute(named: "novalidate", value: "novalidate"),
                           Form.token(context),
                           Form.input("name", UIText.name(l), state: state, required: true),
                           Form.input("email", UIText.email(l), type: "email", state: state, required: true),
                           Form.select("role", Strings.yourRole(l), UserRole.allCases.map { .init(value: $0.rawValue, label: Strings.role($0.rawValue)(l)) },
                                       state: state, required: true),
                           Form.select("language", UIText.language(l), [.init(value: "nl", label: "Nederlands"), .init(value: "en", label: "English")],
                                       state: state),
                           Form.input("password", AdminText.firstPassword(l), type: "password", state: state, hint: UIText.passwordLength(l),
                                      required: true, extra: [.attribute(named: "autocomplete", value: "new-password")]),
                           .div(Form.submit(AdminText.createAccount(l)))))
        )
    }
}

extension AdminPage {
    /// For another open account of the organisation: its role in a small form, and closing it (after a confirmation).
    func actions(for user: UserModel) -> Node<HTML.BodyContext> {
        let l = context.language
        guard let id = user.id?.uuidString else { return .empty }
        if let closed = user.closedAt { return .text(AdminText.closedOn(l, View.moment(closed))) }
        if user.id == context.user.id { return .text(AdminText.yourself(l)) }
        return .div(.class("row-actions"),
                    .form(.method(.post), .action(SiteURL.accountRole(id)), .class("inline"),
                          Form.token(context),
                          .label(.for("role-\(id)"), .class("visually-hidden"), .text(AdminText.roleOf(l, user.displayName))),
                          .select(.attribute(named: "id", value: "role-\(id)"), .attribute(named: "name", value: "role"), .forEach(UserRole.allCases) { role in
                              Form.option(role.rawValue, Strings.role(role.rawValue)(l), selected: role == user.role)
                          }),
                          Form.submit(AdminText.changeRole(l))),
                    .a(.class("danger-link"), .href(SiteURL.accountClosing(id).fragment("sluiten")), .text(AdminText.closeAccount(l))))
    }
}

enum AdminText {
    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func title(_ l: UILanguage) -> String { t(l, "Beheer", "Administration") }
    static func code(_ l: UILanguage) -> String { t(l, "Code", "Code") }
    static func organisations(_ l: UILanguage) -> String { t(l, "Organisaties in de keten", "Organisations in the chain") }
    static func agreements(_ l: UILanguage) -> String { t(l, "Samenwerkingsovereenkomsten", "Agreements") }
    static func agreementsIntro(_ l: UILanguage) -> String {
        t(l, "Elke route zegt welke gegevens van de ene organisatie naar de andere mogen, altijd met de toestemming van de persoon.",
          "Each route says which data may go from one organisation to the other, always with the person's consent.")
    }
    static func validity(_ l: UILanguage, _ from: String, _ until: String?) -> String {
        until.map { t(l, "van \(from) tot \($0)", "from \(from) until \($0)") } ?? t(l, "vanaf \(from)", "from \(from)")
    }
    static func inForce(_ l: UILanguage) -> String { t(l, "van kracht", "in force") }
    static func notInForce(_ l: UILanguage) -> String { t(l, "niet van kracht", "not in force") }
    static func parties(_ l: UILanguage) -> String { t(l, "Partijen", "Parties") }
    static func accounts(_ l: UILanguage) -> String { t(l, "Accounts van je organisatie", "Your organisation's accounts") }
    static func newAccount(_ l: UILanguage) -> String { t(l, "Nieuw account", "New account") }
    static func firstPassword(_ l: UILanguage) -> String { t(l, "Eerste wachtwoord", "First password") }
    static func createAccount(_ l: UILanguage) -> String { t(l, "Account aanmaken", "Create account") }
    static func userCreated(_ l: UILanguage, _ email: String) -> String {
        t(l, "Account \(email) aangemaakt. Laat de persoon het wachtwoord meteen wijzigen.", "Account \(email) created. Have the person change the password at once.")
    }
    static func emailProblem(_ l: UILanguage) -> String {
        t(l, "Geef een geldig e-mailadres dat nog geen account heeft.", "Give a valid e-mail address that has no account yet.")
    }
    static func accountActions(_ l: UILanguage) -> String { t(l, "Rol en account", "Role and account") }
    static func roleOf(_ l: UILanguage, _ name: String) -> String { t(l, "Rol van \(name)", "Role of \(name)") }
    static func changeRole(_ l: UILanguage) -> String { t(l, "Rol wijzigen", "Change role") }
    static func roleChanged(_ l: UILanguage, _ email: String) -> String {
        t(l, "De rol van \(email) is gewijzigd; dat geldt meteen.", "The role of \(email) was changed; it applies at once.")
    }
    static func closeAccount(_ l: UILanguage) -> String { t(l, "Account sluiten", "Close account") }
    static func closeQuestion(_ l: UILanguage, _ name: String, _ email: String) -> String {
        t(l, "Wil je het account van \(name) (\(email)) sluiten?", "Do you want to close the account of \(name) (\(email))?")
    }
    static func closeExplained(_ l: UILanguage) -> String {
        t(l, "De persoon kan zich niet meer aanmelden en de API-sleutels van het account werken meteen niet meer. Wat de persoon vastlegde, blijft bewaard. Dit kan niet ongedaan gemaakt worden.",
          "The person can no longer sign in and the account's API tokens stop working at once. What the person recorded is kept. This cannot be undone.")
    }
    static func closeConfirm(_ l: UILanguage) -> String { t(l, "Ja, account sluiten", "Yes, close the account") }
    static func accountClosed(_ l: UILanguage, _ email: String) -> String { t(l, "Het account \(email) is gesloten.", "The account \(email) was closed.") }
    static func closedOn(_ l: UILanguage, _ moment: String) -> String { t(l, "gesloten op \(moment)", "closed on \(moment)") }
    static func yourself(_ l: UILanguage) -> String { t(l, "jouw account", "your account") }
    static func nameProblem(_ l: UILanguage) -> String { t(l, "Geef een naam van 1 tot 120 tekens.", "Give a name of 1 to 120 characters.") }
}
