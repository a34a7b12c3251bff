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
                           Form.select("language", UIText.language(l), UILanguage.allCases.map { .init(value: $0.rawValue, label: UIText.autonym($0)) },
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
