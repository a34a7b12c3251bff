import Plot
import Vapor

/// The frame every page shares: language, skip link, header with the signed-in user, main content.
struct Layout {
    struct Header {
        let userName: String
        let organisation: String
        let csrfToken: String
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
                .title("\(title) · \(Strings.appName(language))"),
                .link(.rel(.stylesheet), .href("/static/schakel.css"))
            ),
            .body(
                .a(.class("skip-link"), .href("#inhoud"), .text(Strings.skipToContent(language))),
                .header(
                    .class("site-header"),
                    .div(.class("brand"),
                         .a(.href("/"), .span(.class("brand-name"), .text(Strings.appName(language)))),
                         .span(.class("tagline"), .text(Strings.tagline(language)))),
                    .unwrap(header) { header in
                        .div(.class("account"),
                             .span(.class("account-name"), .text(header.userName)),
                             .span(.class("account-org"), .text(header.organisation)),
                             .form(.action("/afmelden"), .method(.post), .class("inline"),
                                   .input(.type(.hidden), .name("csrf"), .value(HTMLAttribute.escape(header.csrfToken))),
                                   .button(.type(.submit), .class("link-button"), .text(Strings.signOutButton(language)))))
                    }
                ),
                .if(isDemo, .p(.class("demo-notice"), .text(Strings.demoNotice(language)))),
                .main(.id("inhoud"), .attribute(named: "tabindex", value: "-1"), .group(content))
            )
        )
        let response = Response(status: .ok, body: .init(string: html.render()))
        response.headers.contentType = .html
        return response
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
    .skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
    .skip-link:focus { left: 1rem; z-index: 10; }
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
    form.stacked { max-width: 28rem; display: grid; gap: 1rem; }
    label { display: block; font-weight: 600; margin-bottom: .25rem; }
    input[type=email], input[type=password], input[type=text] { width: 100%; padding: .6rem .7rem; font-size: 1rem;
           border: 2px solid var(--muted); border-radius: 4px; }
    button { font-size: 1rem; padding: .6rem 1.2rem; border-radius: 4px; border: 2px solid var(--accent);
             background: var(--accent); color: #fff; cursor: pointer; }
    .link-button { background: none; color: var(--accent); border: none; text-decoration: underline; padding: .25rem; }
    form.inline { display: inline; }
    .error-summary { border: 3px solid var(--error); padding: 1rem; color: var(--error); font-weight: 600; }
    .demo-notice { margin: 0; padding: .5rem 1.5rem; background: var(--bg-soft); border-bottom: 1px solid var(--line); }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1.5rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    @media (max-width: 40rem) { .site-header { padding: .75rem 1rem; } main { padding: 1.25rem 1rem; } }
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
    @media print {
      .site-header form, .skip-link, .demo-notice, .no-print { display: none; }
      section.indicator { break-inside: avoid-page; }
      .table-wrap { overflow: visible; }
      .site-header { border-bottom: 2px solid #000; padding: 0 0 .5rem; }
      body { font-size: 11pt; } main { max-width: none; padding: 0; }
      a { color: #000; text-decoration: none; }
      @page { margin: 2cm; }
    }
    """
}
