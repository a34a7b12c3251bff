import Plot
import SchakelCore
import Vapor

/// The frame every page shares: language, skip link, header with the signed-in user, main content.
struct Layout {
    struct Header {
        let userName: String
        let organisation: String
        let csrfToken: String
        /// Decides the menu; nil shows none.
        var role: UserRole? = nil
        /// The page's path: its menu item is marked current, and the language switch returns to it.
        var path: String = SiteURL.start.path
    }

    let title: String
    let language: UILanguage
    let header: Header?
    let isDemo: Bool

    func render(_ content: Node<HTML.BodyContext>...) -> Response {
        let html = HTML(
            .lang(language == .nl ? Plot.Language.dutch : Plot.Language.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Only <title>: Plot's `.title` also writes og:/twitter: meta tags whose content attribute it does not
                // escape, so a person's name in a page title could break out of the attribute (and Schakel pages are
                // never shared on social media).
                .element(named: "title", text: "\(title) · \(Strings.appName(language))"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet))
            ),
            .body(
                .a(.class("skip-link"), .href("#inhoud"), .text(Strings.skipToContent(language))),
                .header(
                    .class("site-header"),
                    .div(.class("brand"),
                         .a(.href(SiteURL.root), .span(.class("brand-name"), .text(Strings.appName(language)))),
                         .span(.class("tagline"), .text(Strings.tagline(language)))),
                    .unwrap(header) { header in
                        .div(.class("account"),
                             .span(.class("account-name"), .text(header.userName)),
                             .span(.class("account-org"), .text(header.organisation)),
                             languageSwitch(csrfToken: header.csrfToken, path: header.path),
                             .a(.href(SiteURL.password), .text(UIText.passwordLink(language))),
                             .form(.action(SiteURL.signOut), .method(.post), .class("inline"),
                                   .input(.type(.hidden), .name("csrf"), .value(HTMLAttribute.escape(header.csrfToken))),
                                   .button(.type(.submit), .class("link-button"), .text(Strings.signOutButton(language)))))
                    }
                ),
                .unwrap(header) { header in menu(header) },
                .if(isDemo, .aside(.class("demo-notice"), .attribute(named: "aria-label", value: Strings.demoLabel(language)),
                                   .text(Strings.demoNotice(language)))),
                .main(.id("inhoud"), .attribute(named: "tabindex", value: "-1"), .group(content))
            )
        )
        let response = Response(status: .ok, body: .init(string: html.render()))
        response.headers.contentType = .html
        return response
    }

    /// The other language, one button: the choice is kept with the account, so it sticks.
    func languageSwitch(csrfToken: String, path: String) -> Node<HTML.BodyContext> {
        let other: UILanguage = language == .nl ? .en : .nl
        return .form(.action(SiteURL.language), .method(.post), .class("inline"), .id("language-switch"),
                     .input(.type(.hidden), .name("csrf"), .value(HTMLAttribute.escape(csrfToken))),
                     .input(.type(.hidden), .name("taal"), .value(other.rawValue)),
                     .input(.type(.hidden), .name("terug"), .value(HTMLAttribute.escape(path))),
                     .button(.type(.submit), .class("link-button"), .attribute(named: "lang", value: other.rawValue),
                             .attribute(named: "aria-label", value: UIText.otherLanguageName(language)),
                             .text(UIText.otherLanguage(language))))
    }

    /// The menu for the user's role: caseworkers get their day, persons, referrals and offers; coordinators the figures.
    func menu(_ header: Header) -> Node<HTML.BodyContext> {
        guard let role = header.role else { return .empty }
        var items: [(url: SiteURL, label: String)] = [(SiteURL.start, UIText.myDay(language))]
        if Caller.caseworkerRoles.contains(role) {
            items += [(SiteURL.persons, UIText.persons(language)), (SiteURL.referrals, UIText.referrals(language)),
                      (SiteURL.conferences, ConferenceText.title(language)), (SiteURL.offers, UIText.offers(language))]
        }
        if EmployerRequests.roles.contains(role) { items.append((SiteURL.employerRequests, EmployerText.title(language))) }
        if role == .analyst { items.append((SiteURL.figures, UIText.figures(language))) }
        if role == .administrator { items.append((SiteURL.administration, AdminText.title(language))) }
        return .nav(.class("main-nav"), .attribute(named: "aria-label", value: UIText.mainNavigation(language)),
                    .ul(.forEach(items) { item in
                        // "My day" is current on itself only; a section also on the pages below it.
                        let current = item.url.path == SiteURL.start.path ? header.path == SiteURL.start.path : item.url.contains(header.path)
                        return .li(.a(.href(item.url), current ? .attribute(named: "aria-current", value: "page") : .empty,
                                      .text(item.label)))
                    }))
    }
}

enum Stylesheet {
    /// One accent colour, high contrast (text #1a1a1a on white, accent #00507a: 8.9:1), visible focus.
    static let css = """
    :root { --accent: #00507a; --text: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --error: #a4000f; --bg-soft: #f3f6f8; }
    * { box-sizing: border-box; }
    html { font-size: 100%; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
           color: var(--text); background: #fff; line-height: 1.5; }
    a { color: var(--accent); }
    :focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px var(--text); }
    /* Hidden until focused, without moving it off the page: off to the left would scroll a right-to-left page sideways. */
    .skip-link { position: absolute; inset-inline-start: 1rem; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
    .skip-link:not(:focus) { clip-path: inset(50%); width: 1px; height: 1px; overflow: hidden; white-space: nowrap; padding: 0; }
    .site-header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 1rem;
                   padding: 1rem 1.5rem; border-bottom: 4px solid var(--accent); }
    .brand a { text-decoration: none; }
    .brand-name { font-size: 1.5rem; font-weight: 700; color: var(--accent); margin-right: 1rem; }
    .tagline { color: var(--muted); }
    .account { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
    .account-org { color: var(--muted); }
    main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem; }
    main:focus { outline: none; }
    h1 { font-size: 1.75rem; line-height: 1.25; margin-top: 0; }
    form.stacked { max-width: 28rem; display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
    form.stacked.wide { max-width: 40rem; }
    label { display: block; font-weight: 600; margin-bottom: .25rem; }
    input[type=email], input[type=password], input[type=text], input[type=tel] { width: 100%; padding: .6rem .7rem; font-size: 1rem;
           border: 2px solid var(--muted); border-radius: 4px; }
    button { font-size: 1rem; padding: .6rem 1.2rem; border-radius: 4px; border: 2px solid var(--accent);
             background: var(--accent); color: #fff; cursor: pointer; max-width: 100%; white-space: normal; }
    .link-button { background: none; color: var(--accent); border: none; text-decoration: underline; padding: .25rem; }
    form.inline { display: inline; }
    .error-summary { border: 3px solid var(--error); padding: 1rem; color: var(--error); font-weight: 600; }
    .demo-notice { margin: 0; padding: .5rem 1.5rem; background: var(--bg-soft); border-bottom: 1px solid var(--line); }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1.5rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    .main-nav { border-bottom: 1px solid var(--line); background: var(--bg-soft); }
    .main-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0 auto; max-width: 60rem; padding: .6rem 1.5rem; }
    .main-nav a { font-weight: 600; text-decoration: none; padding: .25rem 0; display: inline-block; }
    .main-nav a[aria-current=page] { border-bottom: 3px solid var(--accent); }
    .flash { border-inline-start: 6px solid #1d6b2f; background: #eef7f0; padding: .75rem 1rem; }
    .field-error { color: var(--error); font-weight: 600; margin: .25rem 0; }
    .hint { color: var(--muted); font-size: .95rem; margin: .1rem 0 .35rem; }
    input[aria-invalid=true], select[aria-invalid=true], textarea[aria-invalid=true] { border-color: var(--error); border-width: 3px; }
    input[type=date], input[type=number], select, textarea { padding: .55rem .6rem; font-size: 1rem; border: 2px solid var(--muted); border-radius: 4px; max-width: 100%; }
    textarea { width: 100%; min-height: 6rem; font-family: inherit; }
    fieldset { border: 1px solid var(--line); border-radius: 4px; padding: 1rem; margin: 0; display: grid; gap: 1rem; min-width: 0; }
    legend { font-weight: 700; padding: 0 .4rem; }
    .check { display: flex; gap: .5rem; align-items: center; }
    .check label { font-weight: 400; margin: 0; }
    .check input { width: 1.25rem; height: 1.25rem; }
    .check-columns { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .25rem 1rem; }
    a.danger-link { color: var(--error); font-weight: 600; }
    .row-actions, .row-actions form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
    .row-actions select { width: auto; }
    .error-summary ul { margin: .5rem 0 0; }
    .error-summary a { color: var(--error); }
    .actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1.5rem 0; }
    .button-link { display: inline-block; padding: .6rem 1.2rem; border: 2px solid var(--accent); border-radius: 4px; background: var(--accent);
                   color: #fff; text-decoration: none; font-weight: 600; }
    .button-secondary { background: #fff; color: var(--accent); }
    button.danger { background: var(--error); border-color: var(--error); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .step-actions { display: flex; flex-wrap: wrap; gap: 1.5rem 2rem; align-items: flex-start; }
    .step-actions form.stacked { flex: 1 1 18rem; }
    .list { list-style: none; padding: 0; margin: 0; }
    .list > li { border-bottom: 1px solid var(--line); padding: .75rem 0; }
    .list .meta { color: var(--muted); display: block; }
    .badge { display: inline-block; padding: .05rem .5rem; border: 1px solid currentColor; border-radius: 1rem; font-size: .9rem; font-weight: 600; }
    .badge.late { color: var(--error); }
    .empty { color: var(--muted); font-style: italic; }
    .grid-2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1.5rem 2rem; }
    section.part { border-top: 2px solid var(--line); padding-top: .75rem; margin-top: 1.75rem; }
    .timeline { list-style: none; padding: 0; border-left: 3px solid var(--accent); margin-left: .5rem; }
    .timeline li { padding: .25rem 0 .75rem 1rem; }
    .tabs { display: flex; gap: 1rem; margin-bottom: 1rem; }
    .pager { display: flex; gap: 1.5rem; align-items: center; margin: 1.5rem 0; }
    .withheld-list { border-left: 4px solid var(--line); padding-left: 1rem; }
    table.plain { border-collapse: collapse; width: 100%; }
    table.plain th, table.plain td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    blockquote.consent-text { border-left: 4px solid var(--accent); margin: 1rem 0; padding: .5rem 1rem; background: var(--bg-soft); white-space: pre-wrap; }
    [dir=rtl] blockquote.consent-text { border-left: 0; border-right: 4px solid var(--accent); }
    /* Each script in a font that has it (Debian: fonts-noto-core, fonts-noto-ui-core; phones have their own). */
    :lang(ar), :lang(fa), :lang(ps) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans Arabic UI", "Segoe UI", Tahoma, sans-serif; }
    :lang(ti) { font-family: "Noto Sans Ethiopic", "Abyssinica SIL", "Nyala", sans-serif; }
    .consent-shown { border: 1px solid var(--border, #8a8f98); border-radius: 4px; padding: .5rem 1rem; margin: 1rem 0; max-width: 48rem;
                     overflow-wrap: anywhere; }
    .consent-shown[dir=rtl] { text-align: right; }
    /* Naskh reads small beside Latin type at the same size. */
    .consent-shown[dir=rtl], .sheet-column[dir=rtl], blockquote.consent-text[dir=rtl] { font-size: 1.15rem; line-height: 1.8; }
    .interview { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0 1rem; }
    .interview #consent-dutch { color: var(--muted); }
    .interview-question { display: block; font-size: 1.1rem; color: var(--accent); margin: 0 0 .25rem; }
    .check .interview-question { display: inline; margin-inline-start: .5rem; }
    .consent-shown .language-name { margin: .25rem 0 0; font-weight: 600; color: var(--muted); }
    .consent-shown li { margin: .25rem 0; }
    .review.not-reviewed { color: #7a3300; font-weight: 600; }
    .sheet { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
    .sheet-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 2rem; }
    .signatures dd.line { border-bottom: 1px solid currentColor; height: 2.5rem; margin: 0 0 1rem; }
    @media (max-width: 40rem) { .site-header { padding: .75rem 1rem; } main { padding: 1.25rem 1rem; }
      dl.facts { grid-template-columns: 1fr; gap: .1rem; } dl.facts dd { margin-bottom: .6rem; }
      table.plain { display: block; overflow-x: auto; } .main-nav ul { padding: .5rem 1rem; } }
    main { overflow-wrap: anywhere; }
    /* In tables a word stays whole: a narrow screen scrolls the table sideways rather than cutting words. */
    table.plain th, table.plain td { overflow-wrap: break-word; }
    .profile section { break-inside: avoid; }
    .profile .withheld { border-left: 4px solid var(--line); padding-left: 1rem; }
    .profile .printed { color: var(--muted); font-size: .9rem; margin-top: 2rem; }
    .lead { font-size: 1.1rem; }
    form.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; padding: 1rem; background: var(--bg-soft); margin-bottom: 2rem; }
    form.filters select, form.filters input { padding: .5rem; font-size: 1rem; border: 2px solid var(--muted); border-radius: 4px; max-width: 16rem; }
    section.indicator { border-top: 2px solid var(--line); padding-top: 1rem; margin-top: 2rem; }
    section.indicator svg { width: 100%; height: auto; max-width: 48rem; display: block; margin: 1rem 0; }
    .table-wrap { overflow-x: auto; margin: 1rem 0; }
    .table-wrap table { border-collapse: collapse; min-width: 20rem; }
    .table-wrap caption { text-align: left; font-weight: 600; padding-bottom: .5rem; }
    .table-wrap th, .table-wrap td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: right; }
    .table-wrap th[scope=row] { text-align: left; font-weight: 400; }
    .table-wrap tr.totals { font-weight: 600; }
    .note { color: var(--muted); }
    /* Mijn Schakel: the person's own pages, phone first; logical properties so right-to-left mirrors by itself. */
    .portal main { max-width: 36rem; padding: 1rem 1rem 3rem; }
    .portal-header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem;
                     padding: .75rem 1rem; border-bottom: 4px solid var(--accent); }
    .portal-brand { font-size: 1.35rem; font-weight: 700; color: var(--accent); text-decoration: none; }
    .portal-language { display: flex; align-items: center; gap: .4rem; flex-wrap: wrap; }
    .portal-language label { margin: 0; font-weight: 400; }
    .portal-language button { padding: .35rem .7rem; }
    .portal h1 { font-size: 1.5rem; }
    .portal h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
    .portal p, .portal li, .portal dd { font-size: 1.05rem; }
    .portal :lang(ar), .portal :lang(fa-AF), .portal :lang(ps) { line-height: 1.8; }
    .portal-back { margin: 0 0 .75rem; }
    .portal-menu { list-style: none; padding: 0; margin: 1.5rem 0 0; display: grid; gap: .75rem; }
    .portal-menu a { display: block; padding: .9rem 1rem; border: 2px solid var(--accent); border-radius: 8px; text-decoration: none;
                     min-height: 3rem; }
    .portal-menu-label { display: block; font-weight: 700; font-size: 1.1rem; }
    .portal-menu-hint { display: block; color: var(--muted); }
    .portal-list { list-style: none; padding: 0; display: grid; gap: 1rem; }
    .portal-card { border: 1px solid var(--line); border-radius: 8px; padding: 1rem; background: #fff; }
    .portal-card.refused { border-inline-start: 6px solid var(--error); }
    .portal-refused { color: var(--error); font-weight: 600; margin: .5rem 0 0; }
    .portal-answer { font-size: 1.15rem; font-weight: 600; }
    .portal-facts { display: grid; grid-template-columns: minmax(0, 1fr); gap: .1rem; margin: 0; }
    .portal-facts dt { font-weight: 600; }
    .portal-facts dd { margin: 0 0 .6rem; }
    .portal-field input { width: 100%; }
    .portal-scale { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
    .portal .badge-ok { color: #1d6b2f; }
    .portal button.button-danger, .portal a.button-danger { background: var(--error); border-color: var(--error); color: #fff; }
    .portal .button-secondary { background: #fff; color: var(--accent); }
    .portal .meta { color: var(--muted); margin: .25rem 0; }
    @media (min-width: 40rem) { .portal-facts { grid-template-columns: max-content minmax(0, 1fr); gap: .4rem 1.5rem; }
      .portal-facts dd { margin: 0; } }
    .letter { max-width: 42rem; margin: 1rem auto; padding: 0 1rem; }
    .letter .staff-note { border: 2px dashed var(--muted); padding: .5rem 1rem; margin-bottom: 1.5rem; }
    .letter-codes { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: center; justify-content: space-between;
                    border: 2px solid var(--text); border-radius: 8px; padding: 1rem; margin: 1.5rem 0; }
    .letter-codes dt { font-weight: 600; }
    .letter-codes dd.code { margin: 0 0 1rem; font-size: 1.6rem; font-weight: 700; letter-spacing: .08em;
                            font-family: ui-monospace, "DejaVu Sans Mono", monospace; direction: ltr; unicode-bidi: isolate; }
    .letter-qr { margin: 0; text-align: center; }
    .letter-qr svg { width: 9rem; height: 9rem; }
    .letter-steps li { margin: .4rem 0; }
    @media print {
      .site-header form, .skip-link, .demo-notice, .no-print, .main-nav { display: none; }
      section.indicator { break-inside: avoid-page; }
      .table-wrap { overflow: visible; }
      .site-header { border-bottom: 2px solid #000; padding: 0 0 .5rem; }
      body { font-size: 11pt; } main { max-width: none; padding: 0; }
      a { color: #000; text-decoration: none; }
      @page { margin: 2cm; }
    }
    """
}
