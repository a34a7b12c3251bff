import Fluent
import Foundation
import Plot
import SchakelCore
import Vapor

/// What every signed-in page needs: the reader, their language and organisation, the form token,
/// the names of organisations (28 rows, read once per page) and a message from the previous step.
/// The web adapter gathers it (`PageContext.load`, Controllers/Web); the pages only read it.
struct PageContext {
    let user: AuthenticatedUser
    let language: UILanguage
    let csrf: String
    let isDemo: Bool
    let organisations: [UUID: String]
    let path: String
    let flash: String?

    static let flashKey = "flash"

    func organisation(_ id: UUID?) -> String {
        guard let id else { return "—" }
        return organisations[id] ?? "—"
    }

    /// Renders a page in the shared frame, with the menu for the reader's role and the step's message on top.
    func render(_ title: String, status: HTTPResponseStatus = .ok, _ content: Node<HTML.BodyContext>...) -> Response {
        let response = Layout(title: title, language: language,
                              header: .init(userName: user.displayName, organisation: organisation(user.organisationID),
                                            csrfToken: csrf, role: user.role, path: path),
                              isDemo: isDemo)
            .render(.unwrap(flash) { .p(.class("flash"), .attribute(named: "role", value: "status"), .text($0)) }, .group(content))
        response.status = status
        return response
    }
}

/// Errors of a submitted form, by the field's API name, and the values to show again.
struct FormState {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]

    subscript(_ field: String) -> String { values[field] ?? "" }

    /// A form sent back with its errors: what was typed stays, the form token does not (the page has a new one).
    static func resubmitted(_ values: [String: String], errors: [String: String]) -> FormState {
        var kept = values
        kept["csrf"] = nil
        return FormState(values: kept, errors: errors)
    }

    /// Validation errors become field errors; any other error is thrown on.
    static func failed(_ error: any Error, values: [String: String], language: UILanguage, fieldMap: [String: String] = [:]) throws -> FormState {
        guard let error = error as? SchakelError, let field = error.field else { throw error }
        // "languages[0].assessedOn" belongs to the field that made it.
        let base = fieldMap[field] ?? fieldMap[String(field.prefix { $0 != "[" && $0 != "." })] ?? field
        return FormState(values: values, errors: [base: error.message(language)])
    }
}

/// The pieces forms are made of: a label for every control, a hint and an error tied to it with
/// aria-describedby, the error summary linking to each field. Text is escaped by Plot, attribute
/// values through `HTMLAttribute.escape`.
enum Form {
    struct Choice {
        let value: String
        let label: String
    }

    static func token(_ context: PageContext) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("csrf"), .value(HTMLAttribute.escape(context.csrf)))
    }

    /// Plot has no legend element; a fieldset's caption.
    static func legend(_ text: String) -> Node<HTML.FormContext> { .element(named: "legend", text: text) }

    static func hidden(_ name: String, _ value: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(name), .value(HTMLAttribute.escape(value)))
    }

    static func summary(_ state: FormState, language: UILanguage, labels: [String: String]) -> Node<HTML.BodyContext> {
        guard !state.errors.isEmpty else { return .empty }
        return .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .id("error-summary"),
                    .attribute(named: "tabindex", value: "-1"),
                    .text(UIText.formHasErrors(language)),
                    .ul(.forEach(state.errors.sorted { $0.key < $1.key }) { field, message in
                        .li(.a(.href("#\(field)"), .text("\(labels[field] ?? field): \(message)")))
                    }))
    }

    private static func describedBy(_ name: String, hint: String?, error: String?) -> Attribute<HTML.InputContext> {
        let ids = [hint == nil ? nil : "\(name)-hint", error == nil ? nil : "\(name)-error"].compactMap { $0 }
        return ids.isEmpty ? .attribute(named: "data-field", value: name) : .attribute(named: "aria-describedby", value: ids.joined(separator: " "))
    }

    private static func help(_ name: String, hint: String?, error: String?) -> [Node<HTML.FormContext>] {
        [hint.map { .p(.class("hint"), .id("\(name)-hint"), .text($0)) } ?? .empty,
         error.map { .p(.class("field-error"), .id("\(name)-error"), .text($0)) } ?? .empty]
    }

    /// A text-like input (text, email, tel, date, number).
    static func input(_ name: String, _ label: String, type: String = "text", state: FormState, hint: String? = nil,
                      required: Bool = false, extra: [Attribute<HTML.InputContext>] = [],
                      beside: Node<HTML.FormContext> = .empty) -> Node<HTML.FormContext> {
        let error = state.errors[name]
        var attributes: [Attribute<HTML.InputContext>] = [
            .attribute(named: "type", value: type), .id(name), .name(name), .value(HTMLAttribute.escape(state[name])),
            describedBy(name, hint: hint, error: error),
        ]
        if required { attributes.append(.required(true)) }
        if error != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        attributes += extra
        return .element(named: "div", nodes: [.label(.for(name), .text(label)), beside] + help(name, hint: hint, error: error)
                        + [.selfClosedElement(named: "input", attributes: attributes)])
    }

    static func textarea(_ name: String, _ label: String, state: FormState, hint: String? = nil, required: Bool = false) -> Node<HTML.FormContext> {
        let error = state.errors[name]
        let ids = [hint == nil ? nil : "\(name)-hint", error == nil ? nil : "\(name)-error"].compactMap { $0 }
        return .element(named: "div", nodes: [.label(.for(name), .text(label))] + help(name, hint: hint, error: error) + [
            .textarea(.id(name), .name(name),
                      ids.isEmpty ? .empty : .attribute(named: "aria-describedby", value: ids.joined(separator: " ")),
                      required ? .attribute(named: "required", value: "required") : .empty,
                      error == nil ? .empty : .attribute(named: "aria-invalid", value: "true"),
                      .text(state[name])),
        ])
    }

    static func select(_ name: String, _ label: String, _ choices: [Choice], state: FormState, hint: String? = nil,
                       empty: String? = nil, required: Bool = false, beside: Node<HTML.FormContext> = .empty) -> Node<HTML.FormContext> {
        let error = state.errors[name]
        let ids = [hint == nil ? nil : "\(name)-hint", error == nil ? nil : "\(name)-error"].compactMap { $0 }
        let selected = state[name]
        let options: [Node<HTML.SelectContext>] = (empty.map { [option("", $0, selected: selected.isEmpty)] } ?? [])
            + choices.map { option($0.value, $0.label, selected: $0.value == selected) }
        return .element(named: "div", nodes: [.label(.for(name), .text(label)), beside] + help(name, hint: hint, error: error) + [
            .select(.attribute(named: "id", value: name), .attribute(named: "name", value: name),
                    ids.isEmpty ? .empty : .attribute(named: "aria-describedby", value: ids.joined(separator: " ")),
                    required ? .attribute(named: "required", value: "required") : .empty,
                    error == nil ? .empty : .attribute(named: "aria-invalid", value: "true"),
                    .group(options)),
        ])
    }

    static func checkbox(_ name: String, _ label: String, checked: Bool, value: String = "on",
                         beside: Node<HTML.FormContext> = .empty) -> Node<HTML.FormContext> {
        let id = name + (value == "on" ? "" : "-" + value)
        var attributes: [Attribute<HTML.InputContext>] = [.attribute(named: "type", value: "checkbox"), .id(id), .name(name),
                                                          .value(HTMLAttribute.escape(value))]
        if checked { attributes.append(.attribute(named: "checked", value: "checked")) }
        return .element(named: "div", nodes: [.class("check"), .selfClosedElement(named: "input", attributes: attributes),
                                              .label(.for(id), .text(label)), beside])
    }

    static func radio(_ name: String, value: String, label: String, checked: Bool) -> Node<HTML.FormContext> {
        let id = "\(name)-\(value)"
        var attributes: [Attribute<HTML.InputContext>] = [.attribute(named: "type", value: "radio"), .id(id), .name(name),
                                                          .value(HTMLAttribute.escape(value))]
        if checked { attributes.append(.attribute(named: "checked", value: "checked")) }
        return .element(named: "div", nodes: [.class("check"), .selfClosedElement(named: "input", attributes: attributes),
                                              .label(.for(id), .text(label))])
    }

    static func option(_ value: String, _ label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [.attribute(named: "value", value: HTMLAttribute.escape(value), ignoreIfValueIsEmpty: false),
                                          selected ? .attribute(named: "selected", value: "selected") : .empty, .text(label)])
    }

    static func submit(_ label: String, danger: Bool = false) -> Node<HTML.FormContext> {
        .button(.type(.submit), danger ? .class("danger") : .empty, .text(label))
    }
}

extension RegionModel {
    /// The region's name in the reader's language.
    func name(_ language: UILanguage) -> String { language == .nl ? nameNL : nameEN }

    /// Names by NIS code, in the reader's language.
    static func names(_ regions: [RegionModel], _ language: UILanguage) -> [String: String] {
        Dictionary(uniqueKeysWithValues: regions.compactMap { region in region.id.map { ($0, region.name(language)) } })
    }
}

/// Small view helpers shared by the pages.
enum View {
    /// A person as this reader may name them: the name when identity is shared, else the dossier number.
    static func personName(givenName: String?, familyName: String?, reference: String, _ language: UILanguage) -> String {
        if let givenName, let familyName { return "\(givenName) \(familyName)" }
        return "\(reference) (\(UIText.nameHidden(language)))"
    }

    static func empty(_ text: String) -> Node<HTML.BodyContext> { .p(.class("empty"), .text(text)) }

    /// An ISCO-08 occupation with its name in the reader's language ("7512 Bakker"), the code alone when unknown.
    static func occupation(_ code: String, _ language: UILanguage) -> String {
        guard let occupation = ISCO08.occupation(code: code) else { return "ISCO \(code)" }
        return "\(code) " + (language == .nl ? occupation.nameNL : occupation.nameEN)
    }

    /// Previous/next links for a paged list; `link` builds the URL of a page.
    static func pager(_ metadata: PageMetadata, language: UILanguage, link: (Int) -> SiteURL) -> Node<HTML.BodyContext> {
        let pages = max(1, (metadata.total + metadata.per - 1) / metadata.per)
        guard pages > 1 else { return .empty }
        return .nav(.class("pager"), .attribute(named: "aria-label", value: UIText.pagination(language)),
                    .if(metadata.page > 1, .a(.href(link(metadata.page - 1)), .attribute(named: "rel", value: "prev"),
                                              .text(UIText.previous(language)))),
                    .span(.text(UIText.pageOf(language, metadata.page, pages))),
                    .if(metadata.page < pages, .a(.href(link(metadata.page + 1)), .attribute(named: "rel", value: "next"),
                                                  .text(UIText.next(language)))))
    }

    /// A moment in Belgian form: 23/11/2026 14:05, Brussels time.
    static func moment(_ date: Date) -> String {
        let parts = Date.brusselsCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d", parts.day!, parts.month!, parts.year!, parts.hour!, parts.minute!)
    }
}
