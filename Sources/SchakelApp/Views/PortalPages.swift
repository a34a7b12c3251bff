import Foundation
import Plot
import SchakelCore
import Vapor

/// The pages of "Mijn Schakel", in the person's language (`PortalText`): mobile first, no script, every element that
/// holds the language's text marked with its `lang` and `dir`. Values as recorded (names, free text, Dutch terms) are
/// isolated (`<bdi>`), so a Latin name keeps its order inside a right-to-left sentence.
struct PortalPage {
    let language: ConsentLanguage
    /// Nil for the pages before sign-in.
    let csrf: String?
    /// The page's path: the language choice returns to it.
    let path: SiteURL
    var status: HTTPResponseStatus = .ok
    /// What the language choice carries along (the account number of a first visit), so choosing a language loses nothing.
    var keep: [(name: String, value: String)] = []

    var text: PortalText { PortalText.catalogue(language) }

    func render(_ title: String, _ content: Node<HTML.BodyContext>...) -> Response {
        let t = text
        let html = HTML(
            .attribute(named: "lang", value: language.tag),
            .attribute(named: "dir", value: language.isRightToLeft ? "rtl" : "ltr"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · \(t[.portalName])"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet))
            ),
            .body(.class("portal"),
                .a(.class("skip-link"), .href("#inhoud"), .text(t[.skipToContent])),
                .header(.class("portal-header"),
                        .a(.class("portal-brand"), .href(SiteURL.portal), .text(t[.portalName])),
                        languageChoice(),
                        .unwrap(csrf) { token in
                            .form(.action(SiteURL.portalSignOut), .method(.post), .class("inline"),
                                  .input(.type(.hidden), .name("csrf"), .value(HTMLAttribute.escape(token))),
                                  .button(.type(.submit), .class("link-button"), .text(t[.signOut])))
                        }),
                .main(.id("inhoud"), .attribute(named: "tabindex", value: "-1"), .group(content))
            )
        )
        let response = Response(status: status, body: .init(string: html.render()))
        response.headers.contentType = .html
        // What the person reads stays on their screen only: no shared or back-button cache keeps it.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Every language in its own name; a plain GET form, so it works without script and before sign-in.
    func languageChoice() -> Node<HTML.BodyContext> {
        let options: [Node<HTML.SelectContext>] = ConsentLanguage.allCases.map { option in
            .element(named: "option", nodes: [
                .attribute(named: "value", value: option.rawValue), .attribute(named: "lang", value: option.tag),
                .attribute(named: "dir", value: option.isRightToLeft ? "rtl" : "ltr"),
                option == language ? .attribute(named: "selected", value: "selected") : .empty,
                .text(PersonText.catalogue(option)[.languageName]),
            ])
        }
        return .form(.class("portal-language"), .method(.get), .action(path),
                     .forEach(keep) { field in .input(.type(.hidden), .name(field.name), .value(HTMLAttribute.escape(field.value))) },
                     .label(.for("taal"), .text(text[.language])),
                     .select(.attribute(named: "id", value: "taal"), .attribute(named: "name", value: "taal"), .group(options)),
                     .button(.type(.submit), .class("button-secondary"), .text(text[.languageChoose])))
    }

    // MARK: Pieces

    /// A value as recorded, isolated from the sentence's direction.
    static func recorded(_ value: String) -> Node<HTML.BodyContext> { .element(named: "bdi", text: value) }

    /// A term the chain records in Dutch (an education level, an occupation), marked so a screen reader says it in Dutch.
    static func inDutch(_ value: String) -> Node<HTML.BodyContext> {
        .element(named: "bdi", nodes: [.attribute(named: "lang", value: "nl"), .text(value)])
    }

    func back() -> Node<HTML.BodyContext> {
        .p(.class("portal-back"), .a(.href(SiteURL.portal), .text(text[.back])))
    }

    func errorSummary(_ message: String?, field: String?) -> Node<HTML.BodyContext> {
        .unwrap(message) { message in
            .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .id("fout"),
                 field.map { .a(.href("#\($0)"), .text(message)) } ?? .text(message))
        }
    }

    func field(_ id: String, label: String, type: String = "text", value: String = "", hint: String? = nil,
               error: String? = nil, autocomplete: String, numeric: Bool = false) -> Node<HTML.FormContext> {
        var attributes: [Attribute<HTML.InputContext>] = [
            .attribute(named: "type", value: type), .id(id), .name(id), .value(HTMLAttribute.escape(value)),
            .attribute(named: "autocomplete", value: autocomplete), .attribute(named: "spellcheck", value: "false"),
        ]
        // Numbers are typed left to right in every script.
        if numeric { attributes += [.attribute(named: "inputmode", value: "numeric"), .attribute(named: "dir", value: "ltr")] }
        let described = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        if !described.isEmpty { attributes.append(.attribute(named: "aria-describedby", value: described.joined(separator: " "))) }
        if error != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        return .div(.class("portal-field"),
                    .label(.for(id), .text(label)),
                    .unwrap(hint) { .p(.class("hint"), .id("\(id)-hint"), .text($0)) },
                    .unwrap(error) { .p(.class("field-error"), .id("\(id)-error"), .text($0)) },
                    .selfClosedElement(named: "input", attributes: attributes))
    }

    static func day(_ day: CalendarDate) -> String { day.belgian }
}

/// A refusal or a failure on a portal page, in the person's language, with the way back.
struct PortalErrorPage {
    let page: PortalPage
    let message: String

    func render() -> Response {
        page.render(message,
            .h1(.text(message)),
            .p(.a(.href(SiteURL.portal), .text(page.text[.home]))))
    }
}

// MARK: - Before sign-in

struct PortalSignInPage {
    let page: PortalPage
    let csrf: String
    var account = ""
    var error: (field: String, message: String)?
    var notice: String?

    func render() -> Response {
        let t = page.text
        return page.render(t[.signInTitle],
            .h1(.text(t[.signInTitle])),
            .unwrap(notice) { .p(.class("flash"), .attribute(named: "role", value: "status"), .text($0)) },
            page.errorSummary(error?.message, field: error?.field),
            .p(.text(t[.signInIntro])),
            .form(.class("stacked"), .method(.post), .action(SiteURL.portalSignIn),
                  .input(.type(.hidden), .name("csrf"), .value(HTMLAttribute.escape(csrf))),
                  page.field("account", label: t[.account], value: account, error: error.map { _ in t[.errCredentials] },
                             autocomplete: "username", numeric: true),
                  page.field("passphrase", label: t[.passphrase], type: "password", autocomplete: "current-password"),
                  .button(.type(.submit), .text(t[.signIn]))),
            .p(.a(.href(SiteURL.portalWelcome), .text(t[.welcomeTitle])))
        )
    }
}

struct PortalWelcomePage {
    let page: PortalPage
    let csrf: String
    var account = ""
    var code = ""
    var errors: [String: String] = [:]

    func render() -> Response {
        let t = page.text
        let first = ["account", "code", "passphrase", "repeat"].first { errors[$0] != nil }
        return page.render(t[.welcomeTitle],
            .h1(.text(t[.welcomeTitle])),
            page.errorSummary(first.flatMap { errors[$0] }, field: first),
            .p(.text(t[.welcomeIntro])),
            .form(.class("stacked"), .method(.post), .action(SiteURL.portalWelcome),
                  .input(.type(.hidden), .name("csrf"), .value(HTMLAttribute.escape(csrf))),
                  page.field("account", label: t[.account], value: account, error: errors["account"], autocomplete: "username",
                             numeric: true),
                  page.field("code", label: t[.code], value: code, error: errors["code"], autocomplete: "one-time-code", numeric: true),
                  page.field("passphrase", label: t[.newPassphrase], type: "password",
                             hint: t(.passphraseHint, ["count": "\(Portal.passphraseLength.lowerBound)"]),
                             error: errors["passphrase"], autocomplete: "new-password"),
                  page.field("repeat", label: t[.repeatPassphrase], type: "password", error: errors["repeat"],
                             autocomplete: "new-password"),
                  .button(.type(.submit), .text(t[.activate]))),
            .p(.a(.href(SiteURL.portalSignIn), .text(t[.signInTitle])))
        )
    }
}

// MARK: - Signed in

struct PortalHomePage {
    let page: PortalPage

    func render() -> Response {
        let t = page.text
        let items: [(SiteURL, PortalText.Key, PortalText.Key)] = [
            (SiteURL.portalPlan, .navPlan, .navPlanHint), (SiteURL.portalReferrals, .navReferrals, .navReferralsHint),
            (SiteURL.portalConsents, .navConsents, .navConsentsHint), (SiteURL.portalAccessLog, .navAccessLog, .navAccessLogHint),
            (SiteURL.portalProfile, .navProfile, .navProfileHint), (SiteURL.portalCorrection, .navCorrection, .navCorrectionHint),
            (SiteURL.portalDownload, .navDownload, .navDownloadHint), (SiteURL.portalQuestionnaire, .navQuestionnaire, .navQuestionnaireHint),
        ]
        return page.render(t[.homeTitle],
            .h1(.text(t[.homeTitle])),
            .p(.class("lead"), .text(t[.homeIntro])),
            .nav(.attribute(named: "aria-label", value: t[.portalName]),
                 .ul(.class("portal-menu"), .forEach(items) { url, label, hint in
                     .li(.a(.href(url), .span(.class("portal-menu-label"), .text(t[label])),
                            .span(.class("portal-menu-hint"), .text(t[hint]))))
                 }))
        )
    }
}

struct PortalProfilePage {
    let page: PortalPage
    let profile: Portal.Profile

    func render() -> Response {
        let t = page.text
        let person = profile.dossier.profile
        let ids = profile.identifiers
        let locale = Locale(identifier: page.language.tag)
        func row(_ key: PortalText.Key, _ value: String?) -> Node<HTML.DescriptionListContext> {
            .group(.dt(.text(t[key])), .dd(value.flatMap { $0.isEmpty ? nil : $0 }.map(PortalPage.recorded) ?? .text(t[.notRecorded])))
        }
        /// A row of terms recorded in Dutch, each marked as Dutch, with what the page adds in its own language.
        func dutchRow(_ key: PortalText.Key, _ values: [(dutch: String, own: String)]) -> Node<HTML.DescriptionListContext> {
            guard !values.isEmpty else { return .group(.dt(.text(t[key])), .dd(.text(t[.notRecorded]))) }
            return .group(.dt(.text(t[key])), .dd(.forEach(Array(values.enumerated())) { index, value in
                .group(.if(index > 0, .text(" · ")), PortalPage.inDutch(value.dutch), .text(value.own))
            }))
        }
        func yesNo(_ value: Bool) -> String { value ? t[.yes] : t[.no] }
        let status = person.currentStatus.map { t[.legalStatus($0.status)] + " (" + PortalPage.day($0.since) + ")" }
        let country = person.countryOfOrigin.isEmpty ? nil : locale.localizedString(forRegionCode: person.countryOfOrigin) ?? person.countryOfOrigin
        let languages = person.languages.map { skill in
            (locale.localizedString(forLanguageCode: skill.language) ?? skill.language) + " " + skill.level.rawValue
                + (skill.isMotherTongue ? " (\(t[.fieldMotherTongue]))" : "")
        }
        return page.render(t[.profileTitle],
            page.back(),
            .h1(.text(t[.profileTitle])),
            .p(.class("lead"), .text(t(.profileIntro, ["organisation": profile.owner]))),
            .p(.a(.href(SiteURL.portalCorrection), .text(t[.somethingWrong]))),
            .dl(.class("portal-facts"),
                row(.fieldReference, person.reference),
                row(.fieldName, ids.map { "\($0.givenName) \($0.familyName)" }),
                row(.fieldBirthDate, ids?.birthDate.map(PortalPage.day)),
                row(.fieldCountry, country),
                row(.fieldPhone, ids?.phone),
                row(.fieldEmail, ids?.email),
                row(.fieldAddress, ids?.address),
                row(.fieldMunicipality, profile.municipality),
                row(.fieldArrived, person.arrivedOn.map(PortalPage.day)),
                row(.fieldStatus, status),
                row(.fieldLanguages, languages.isEmpty ? nil : languages.joined(separator: " · ")),
                dutchRow(.fieldEducation, person.education.map { record in
                    (UIText.isced(.nl, record.level) + (record.field.isEmpty ? "" : ", \(record.field)"), "")
                }),
                dutchRow(.fieldWork, person.workExperience.map { record in
                    (View.occupation(record.occupation, .nl), " (" + t(.fieldYears, ["count": "\(record.years)"]) + ")")
                }),
                dutchRow(.fieldJobWishes, person.jobWishes.map { (View.occupation($0, .nl), "") }),
                row(.fieldChildcare, yesNo(person.constraints.needsChildcare)),
                row(.fieldDrivingLicence, yesNo(person.constraints.hasDrivingLicence)),
                row(.fieldPartTime, yesNo(person.availability.partTimeOnly)),
                row(.fieldDistance, profile.dossier.labourMarketDistance.map { t[.distance($0)] }),
                row(.fieldResilience, profile.dossier.resilience.map { t[.resilience($0)] }))
        )
    }
}

struct PortalPlanPage {
    let page: PortalPage
    let plan: Portal.Plan

    func render() -> Response {
        let t = page.text
        let rightToWork: String = switch plan.rightToWork {
        case let .allowed(since, _): t(.rightToWorkAllowed, ["date": PortalPage.day(since)])
        case let .from(day): t(.rightToWorkFrom, ["date": PortalPage.day(day)])
        case .notAllowed: t[.rightToWorkNotAllowed]
        case .unknown: t[.rightToWorkUnknown]
        }
        let today = plan.today
        return page.render(t[.planTitle],
            page.back(),
            .h1(.text(t[.planTitle])),
            .p(.class("lead"), .text(t[.planIntro])),
            .section(.class("portal-card"), .attribute(named: "aria-labelledby", value: "werk-titel"),
                     .h2(.id("werk-titel"), .text(t[.rightToWorkTitle])),
                     .p(.class("portal-answer"), .text(rightToWork)),
                     .p(.class("hint"), .text(t[.rightToWorkMeaning]))),
            .section(.attribute(named: "aria-labelledby", value: "stappen-titel"),
                     .h2(.id("stappen-titel"), .text(t[.stepsTitle])),
                     plan.steps.isEmpty ? .p(.text(t[.noSteps])) : .ol(.class("portal-list"), .forEach(plan.steps) { step in
                         let organisation = plan.stepOrganisations[step.id].flatMap { plan.organisations[$0] } ?? ""
                         return .li(.strong(.text(t[.stepKind(step.kind)])), .text(" · "),
                                    .span(.class("badge"), .text(t[.stepStatus(step.status)])),
                                    .p(.class("meta"), .text(t(.stepBy, ["organisation": organisation])
                                        + " · " + t(.stepFrom, ["date": PortalPage.day(step.startsOn)])
                                        + (step.endsOn.map { " · " + t(.stepUntil, ["date": PortalPage.day($0)]) } ?? ""))))
                     })),
            .section(.attribute(named: "aria-labelledby", value: "momenten-titel"),
                     .h2(.id("momenten-titel"), .text(t[.milestonesTitle])),
                     .ul(.class("portal-list"), .forEach(plan.milestones) { milestone in
                         .li(.strong(.text(t[.milestone(milestone.kind)])), .text(": " + PortalPage.day(milestone.on)),
                             .if(milestone.on > today, .text(" (\(t[.milestoneExpected]))")))
                     }))
        )
    }
}

struct PortalReferralsPage {
    let page: PortalPage
    let referrals: [Portal.Referral]

    func render() -> Response {
        let t = page.text
        return page.render(t[.referralsTitle],
            page.back(),
            .h1(.text(t[.referralsTitle])),
            .p(.class("lead"), .text(t[.referralsIntro])),
            referrals.isEmpty ? .p(.text(t[.noReferrals])) : .ul(.class("portal-list"), .forEach(referrals) { referral in
                .li(.class("portal-card"),
                    .h2(.text(t(.referralTo, ["organisation": referral.to]))),
                    .p(.span(.class("badge"), .text(t[.referralState(referral.state)])),
                       .unwrap(referral.sentOn) { .text(" · " + t(.referralSentOn, ["date": PortalPage.day($0)])) }),
                    .p(.class("meta"), .text(t(.referralFrom, ["organisation": referral.from]))),
                    .unwrap(referral.refusal) { reason in .p(.strong(.text(t[.refusedBecause] + " ")), .text(t[.refusal(reason)])) },
                    .p(.strong(.text(t[.referralNextTitle] + " ")), .text(t(.referralNext(referral.state), ["organisation": referral.to]))))
            })
        )
    }
}

struct PortalConsentsPage {
    let page: PortalPage
    let consents: [Portal.Consent]
    var notice: String?

    func render() -> Response {
        let t = page.text
        let catalogue = PersonText.catalogue(page.language)
        return page.render(t[.consentsTitle],
            page.back(),
            .h1(.text(t[.consentsTitle])),
            .unwrap(notice) { .p(.class("flash"), .attribute(named: "role", value: "status"), .id("melding"), .text($0)) },
            .p(.class("lead"), .text(t[.consentsIntro])),
            consents.isEmpty ? .p(.text(t[.noConsents])) : .ul(.class("portal-list"), .forEach(consents) { consent in
                let state: String = consent.withdrawnAt.map { t(.consentWithdrawnOn, ["date": PortalPage.day($0.brusselsDay)]) }
                    ?? (consent.active ? t[.consentActive] : t[.consentExpired])
                let titleID = "toestemming-\(consent.id.uuidString)"
                return .li(.class("portal-card"), .attribute(named: "aria-labelledby", value: titleID),
                    .h2(.id(titleID), .text(consent.organisation)),
                    .p(.span(.class(consent.active ? "badge badge-ok" : "badge"), .text(state))),
                    .p(.text(t(.consentMaySee, ["organisation": consent.organisation,
                                                "categories": catalogue.categories(consent.categories)]))),
                    .p(.text(t(.consentWhy, ["purpose": catalogue[.purpose(consent.purpose)]]))),
                    .p(.class("meta"), .text(t(.consentGivenOn, ["date": PortalPage.day(consent.givenAt.brusselsDay)])
                        + (consent.expiresAt.map { " " + t(.consentUntil, ["date": PortalPage.day($0.brusselsDay)]) } ?? ""))),
                    .if(consent.active, .p(.a(.class("button-link button-danger"), .href(SiteURL.portalWithdrawal(consent.id)),
                                              .attribute(named: "aria-describedby", value: titleID), .text(t[.withdraw])))))
            })
        )
    }
}

/// Stopping a consent asks first: what stops, what it means, and the button; or back.
struct PortalWithdrawalPage {
    let page: PortalPage
    let consent: Portal.Consent

    func render() -> Response {
        let t = page.text
        let catalogue = PersonText.catalogue(page.language)
        return page.render(t[.withdraw],
            .p(.class("portal-back"), .a(.href(SiteURL.portalConsents), .text(t[.back]))),
            .h1(.text(t[.withdraw] + ": " + consent.organisation)),
            .div(.class("portal-card"),
                 .p(.text(t(.consentMaySee, ["organisation": consent.organisation, "categories": catalogue.categories(consent.categories)]))),
                 .p(.text(t(.consentWhy, ["purpose": catalogue[.purpose(consent.purpose)]])))),
            .p(.class("portal-answer"), .id("gevolg"), .text(t(.withdrawWarning, ["organisation": consent.organisation]))),
            .form(.method(.post), .action(SiteURL.portalWithdrawal(consent.id)),
                  .input(.type(.hidden), .name("csrf"), .value(HTMLAttribute.escape(page.csrf ?? ""))),
                  .button(.type(.submit), .class("button-danger"), .attribute(named: "aria-describedby", value: "gevolg"),
                          .text(t[.withdraw]))),
            .p(.a(.href(SiteURL.portalConsents), .text(t[.back])))
        )
    }
}

struct PortalAccessLogPage {
    let page: PortalPage
    let lines: [Portal.LogLine]
    let more: Bool

    func render() -> Response {
        let t = page.text
        let catalogue = PersonText.catalogue(page.language)
        return page.render(t[.accessLogTitle],
            page.back(),
            .h1(.text(t[.accessLogTitle])),
            .p(.class("lead"), .text(t[.accessLogIntro])),
            lines.isEmpty ? .p(.text(t[.noAccessLog])) : .ol(.class("portal-list portal-log"), .forEach(lines) { line in
                let who: String = line.byPerson ? t[.logYou] : t(.logRoleAt, ["role": line.role.map { t[.role($0)] } ?? "",
                                                                             "organisation": line.organisation ?? ""])
                let what = t[.action(line.action)] + (line.categories.isEmpty ? "" : ": " + catalogue.categories(line.categories))
                return .li(.class(line.refused ? "portal-card refused" : "portal-card"),
                    .dl(.class("portal-facts"),
                        .dt(.text(t[.logWhen])), .dd(.text(View.moment(line.at))),
                        .dt(.text(t[.logWho])), .dd(.text(who)),
                        .dt(.text(t[.logWhat])), .dd(.text(what)),
                        .unwrap(line.purpose) { purpose -> Node<HTML.DescriptionListContext> in
                            .group(.dt(.text(t[.logWhy])), .dd(.text(catalogue[.purpose(purpose)])))
                        }),
                    .if(line.refused, .p(.class("portal-refused"), .text(t[.logRefused]))))
            }),
            .if(more, .p(.a(.href(SiteURL.portalDownload), .text(t[.logEarlier]))))
        )
    }
}

struct PortalDownloadPage {
    let page: PortalPage

    func render() -> Response {
        let t = page.text
        return page.render(t[.downloadTitle],
            page.back(),
            .h1(.text(t[.downloadTitle])),
            .p(.text(t[.downloadIntro])),
            .p(.a(.class("button-link"), .href(SiteURL.portalDownloadFile), .attribute(named: "download", value: "schakel-gegevens.json"),
                  .text(t[.downloadButton])))
        )
    }
}

struct PortalCorrectionPage {
    let page: PortalPage
    let organisation: String
    var text = ""
    var error: String?
    var sent: String?

    func render() -> Response {
        let t = page.text
        return page.render(t[.correctionTitle],
            page.back(),
            .h1(.text(t[.correctionTitle])),
            .unwrap(sent) { .p(.class("flash"), .attribute(named: "role", value: "status"), .text($0)) },
            page.errorSummary(error, field: "text"),
            .p(.text(t(.correctionIntro, ["organisation": organisation]))),
            .form(.class("stacked"), .method(.post), .action(SiteURL.portalCorrection),
                  .input(.type(.hidden), .name("csrf"), .value(HTMLAttribute.escape(page.csrf ?? ""))),
                  .div(.class("portal-field"),
                       .label(.for("text"), .text(t[.correctionLabel])),
                       .unwrap(error) { .p(.class("field-error"), .id("text-error"), .text($0)) },
                       .textarea(.name("text"), .id("text"), .attribute(named: "rows", value: "6"),
                                 .attribute(named: "maxlength", value: "\(Portal.correctionLength)"),
                                 .if(error != nil, .attribute(named: "aria-invalid", value: "true")),
                                 .if(error != nil, .attribute(named: "aria-describedby", value: "text-error")),
                                 .text(text))),
                  .button(.type(.submit), .text(t[.correctionSend])))
        )
    }
}

struct PortalQuestionnairePage {
    let page: PortalPage
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    var thanks = false

    func render() -> Response {
        let t = page.text
        let questions = Questionnaire.clients.questions
        let first = questions.map(\.key).first { errors[$0] != nil }
        return page.render(t[.surveyTitle],
            page.back(),
            .h1(.text(t[.surveyTitle])),
            thanks ? .p(.class("flash"), .attribute(named: "role", value: "status"), .text(t[.surveyThanks])) : .group(
                page.errorSummary(first.flatMap { errors[$0] }, field: first.map { "q-\($0)" }),
                .p(.text(t[.surveyIntro])),
                .form(.class("stacked"), .method(.post), .action(SiteURL.portalQuestionnaire),
                      .input(.type(.hidden), .name("csrf"), .value(HTMLAttribute.escape(page.csrf ?? ""))),
                      .forEach(questions) { question in input(for: question, t) },
                      .button(.type(.submit), .text(t[.surveySend]))))
        )
    }

    func input(for question: SurveyQuestion, _ t: PortalText) -> Node<HTML.FormContext> {
        let label = PortalSurveyQuestion(questionKey: question.key).map { t[.surveyQuestion($0)] } ?? ""
        let name = "q-\(question.key)"
        let id = "q-\(question.key)"
        let error = errors[question.key]
        switch question.kind {
        case .scale:
            return .fieldset(.id(id), error == nil ? .empty : .attribute(named: "aria-describedby", value: "\(id)-error"),
                Form.legend(label),
                .unwrap(error) { .p(.class("field-error"), .id("\(id)-error"), .text($0)) },
                .div(.class("portal-scale"),
                     .span(.class("hint"), .attribute(named: "aria-hidden", value: "true"), .text(t[.surveyLow])),
                     .forEach(Array(SurveyQuestionKind.scaleValues)) { value in
                         .span(.class("check"),
                               .input(.type(.radio), .name(name), .id("\(id)-\(value)"), .value("\(value)"),
                                      .checked(values[question.key] == "\(value)")),
                               .label(.for("\(id)-\(value)"),
                                      .text(value == 1 ? "1 (\(t[.surveyLow]))" : value == 5 ? "5 (\(t[.surveyHigh]))" : "\(value)")))
                     },
                     .span(.class("hint"), .attribute(named: "aria-hidden", value: "true"), .text(t[.surveyHigh]))))
        case .yesNo:
            return .fieldset(.id(id), error == nil ? .empty : .attribute(named: "aria-describedby", value: "\(id)-error"),
                Form.legend(label),
                .unwrap(error) { .p(.class("field-error"), .id("\(id)-error"), .text($0)) },
                .forEach([("yes", t[.yes]), ("no", t[.no])]) { value, text in
                    .div(.class("check"),
                         .input(.type(.radio), .name(name), .id("\(id)-\(value)"), .value(value),
                                .checked(values[question.key] == value)),
                         .label(.for("\(id)-\(value)"), .text(text)))
                })
        case let .openText(maxLength):
            return .div(.class("portal-field"),
                .label(.for(id), .text(label)),
                .unwrap(error) { .p(.class("field-error"), .text($0)) },
                .textarea(.name(name), .id(id), .attribute(named: "rows", value: "3"), .attribute(named: "maxlength", value: "\(maxLength)"),
                          .text(values[question.key] ?? "")))
        }
    }
}

// MARK: - The invitation letter (printed by the caseworker)

struct PortalLetterPage {
    let invitation: Portal.Invitation
    /// The address the letter names, without a trailing slash.
    let address: String
    let staffLanguage: UILanguage
    let personID: UUID

    var welcomeURL: String { Self.welcomeURL(address: address, invitation: invitation) }

    /// Where the letter's QR code leads: the first visit with the language and the account number. Never the code, a
    /// secret typed from the letter (a phone's history, a proxy's log, a scanner app's list would keep an address).
    static func welcomeURL(address: String, invitation: Portal.Invitation) -> String {
        address + SiteURL.portalWelcome.query([("taal", invitation.language.rawValue), ("account", invitation.accountNumber)]).description
    }

    func render() -> Response {
        let language = invitation.language
        let t = PortalText.catalogue(language)
        let qr = (try? QRCode(welcomeURL, correction: .medium))?.svg(title: t[.letterScan]) ?? ""
        let html = HTML(
            .attribute(named: "lang", value: language.tag),
            .attribute(named: "dir", value: language.isRightToLeft ? "rtl" : "ltr"),
            .head(.meta(.charset(.utf8)), .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                  .element(named: "title", text: t[.letterTitle]),
                  .link(.rel(.stylesheet), .href(SiteURL.stylesheet))),
            .body(.class("letter"),
                .div(.class("no-print staff-note"), .attribute(named: "lang", value: staffLanguage.rawValue),
                     .attribute(named: "dir", value: "ltr"),
                     .p(.text(PortalStaffText.printNow(staffLanguage))),
                     // Versions 1 to 10 hold some 200 characters of address: a longer SCHAKEL_PUBLIC_URL leaves the code off, and says so.
                     .if(qr.isEmpty, .p(.class("field-error"), .text(PortalStaffText.noQRCode(staffLanguage)))),
                     .p(.a(.href(SiteURL.person(personID)), .text(PortalStaffText.backToDossier(staffLanguage))))),
                .main(
                    .h1(.text(t[.letterTitle])),
                    .p(.text(t[.letterGreeting] + (invitation.givenName == nil ? "" : " ")), .unwrap(invitation.givenName) { PortalPage.recorded($0) }),
                    .p(.text(t[.letterIntro])),
                    .ol(.class("letter-steps"),
                        .li(.text(t(.letterStep1, ["address": address + SiteURL.portal.description]))),
                        .li(.text(t[.letterStep2])),
                        .li(.text(t[.letterStep3]))),
                    .div(.class("letter-codes"),
                         .dl(.dt(.text(t[.letterAccount])), .dd(.class("code"), .attribute(named: "dir", value: "ltr"),
                                                                 .text(Portal.Codes.grouped(invitation.accountNumber))),
                             .dt(.text(t[.letterCode])), .dd(.class("code"), .attribute(named: "dir", value: "ltr"),
                                                              .text(Portal.Codes.grouped(invitation.code)))),
                         .element(named: "figure", nodes: [.class("letter-qr"), .raw(qr),
                                                           .element(named: "figcaption", text: t[.letterScan])])),
                    .p(.strong(.text(t(.letterExpires, ["date": PortalPage.day(invitation.expiresAt.brusselsDay)])))),
                    .p(.text(t[.letterKeep])),
                    .p(.text(t(.letterHelp, ["organisation": invitation.organisation]))))
            )
        )
        let response = Response(status: .ok, body: .init(string: html.render()))
        response.headers.contentType = .html
        // The code is on this page once: nothing may keep a copy of it.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
