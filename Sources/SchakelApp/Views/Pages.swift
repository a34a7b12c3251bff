import Plot
import Vapor

/// The sign-in page: e-mail, password, and the reason a previous attempt failed.
struct SignInPage {
    let language: UILanguage
    let csrfToken: String
    let email: String
    let error: String?
    let isDemo: Bool

    func render() -> Response {
        Layout(title: Strings.signInTitle(language), language: language, header: nil, isDemo: isDemo).render(
            .h1(.text(Strings.signInTitle(language))),
            .unwrap(error) { error in
                .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .id("sign-in-error"), .text(error))
            },
            .form(
                .class("stacked"), .action(SiteURL.signIn), .method(.post),
                .input(.type(.hidden), .name("csrf"), .value(HTMLAttribute.escape(csrfToken))),
                .div(.label(.for("email"), .text(Strings.email(language))),
                     .input(.type(.email), .id("email"), .name("email"), .value(HTMLAttribute.escape(email)),
                            .attribute(named: "autocomplete", value: "email"), .required(true),
                            .attribute(named: "aria-describedby", value: error == nil ? nil : "sign-in-error"))),
                .div(.label(.for("password"), .text(Strings.password(language))),
                     .input(.type(.password), .id("password"), .name("password"),
                            .attribute(named: "autocomplete", value: "current-password"), .required(true))),
                .div(.button(.type(.submit), .text(Strings.signInButton(language))))
            )
        )
    }
}

/// Shown for any failed page request; says what happened without technical detail.
struct ErrorPage {
    let language: UILanguage
    let status: HTTPResponseStatus
    let message: String

    func render() -> Response {
        let response = Layout(title: Strings.errorTitle(language), language: language, header: nil, isDemo: false).render(
            .h1(.text(Strings.errorTitle(language))),
            .p(.class("error-summary"), .text(message)),
            .p(.a(.href(SiteURL.root), .text(Strings.backHome(language))))
        )
        response.status = status
        return response
    }
}

/// Plot escapes text nodes but writes attribute values as given, so every attribute value that
/// can hold user input must pass through here.
enum HTMLAttribute {
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.count)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// Changing one's password: the current one, then the new one twice.
struct PasswordPage {
    let context: PageContext
    let state: FormState

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let labels = ["current": UIText.currentPassword(l), "new": UIText.newPassword(l), "confirm": UIText.confirmPassword(l)]
        return context.render(
            UIText.changePassword(l), status: status,
            .h1(.text(UIText.changePassword(l))),
            Form.summary(state, language: l, labels: labels),
            .form(.class("stacked"), .method(.post), .action(SiteURL.password), .attribute(named: "novalidate", value: "novalidate"),
                  Form.token(context),
                  Form.input("current", UIText.currentPassword(l), type: "password", state: state, required: true,
                             extra: [.attribute(named: "autocomplete", value: "current-password")]),
                  Form.input("new", UIText.newPassword(l), type: "password", state: state, hint: UIText.passwordLength(l), required: true,
                             extra: [.attribute(named: "autocomplete", value: "new-password")]),
                  Form.input("confirm", UIText.confirmPassword(l), type: "password", state: state, required: true,
                             extra: [.attribute(named: "autocomplete", value: "new-password")]),
                  .div(.class("actions"), Form.submit(UIText.changePassword(l)), .a(.href(SiteURL.start), .text(UIText.cancel(l)))))
        )
    }
}
