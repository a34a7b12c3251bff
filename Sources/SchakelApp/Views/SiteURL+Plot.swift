import Plot

// Links and form actions take a `SiteURL` as they take a string; Plot writes attribute values as given, so the
// value is escaped here (`HTMLAttribute.escape`: a query's `&` becomes `&amp;`).

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: SiteURL) -> Attribute {
        Attribute(name: "href", value: HTMLAttribute.escape(url.description))
    }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: SiteURL) -> Node {
        .attribute(named: "href", value: HTMLAttribute.escape(url.description))
    }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: SiteURL) -> Node {
        .attribute(named: "action", value: HTMLAttribute.escape(url.description))
    }
}
