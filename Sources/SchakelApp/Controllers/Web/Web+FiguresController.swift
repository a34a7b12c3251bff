import Fluent
import SchakelCore
import Vapor

extension Web {
    /// `/cijfers`: the monitoring figures and evaluation report for coordinators, as a page and as CSV.
    struct FiguresController {
        @Sendable func page(_ request: Request) async throws -> Response {
            let query = try await FigureQuery(request)
            let user = query.caller.user
            let overview = try await Figures.overview(filter: query.filter, language: query.language, caller: query.caller)
            let (labels, report, agreements) = (overview.labels, overview.report, overview.agreements)
            return FiguresPage(
                language: query.language,
                header: .init(userName: user.displayName, organisation: labels.organisation(user.organisationID.uuidString),
                              csrfToken: CSRF.token(for: request), role: user.role, path: SiteURL.figures.path),
                isDemo: request.schakel.isDemo, report: report,
                agreements: agreements.compactMap { agreement in agreement.id.map { .init(value: $0.uuidString, label: agreement.title) } },
                regions: labels.regions.sorted { $0.key < $1.key }.map { .init(value: $0.key, label: $0.value) },
                organisations: labels.organisations.sorted { $0.value < $1.value }.map { .init(value: $0.key, label: $0.value) },
                query: request.url.query.map { "?" + $0 } ?? "",
                flash: request.takeFlash(), csrf: CSRF.token(for: request)
            ).render()
        }

        /// A target from the page: the feature checks it; the answer comes back as the page's message.
        @Sendable func createTarget(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let caller = try request.caller
            try caller.requireAnalyst()
            let language = UILanguage.preferred(by: request, userChoice: caller.user.language)
            let form = FormValues(try request.content.decode([String: String].self))
            let labels = ["organisationId": FigureText.organisationLabel(language), "title": FigureText.targetTitle(language),
                          "persons": FigureText.targetPersons(language), "startsOn": UIText.from(language), "endsOn": UIText.until(language),
                          "targetPersons": FigureText.targetPersons(language), "targetStartsOn": UIText.from(language),
                          "targetEndsOn": UIText.until(language)]
            do {
                let input = Figures.TargetInput(
                    organisationId: form.text("targetOrganisation").flatMap(UUID.init(uuidString:)), title: form.text("targetTitle"),
                    persons: try form.integer("targetPersons", 1...1_000_000), startsOn: try form.date("targetStartsOn"),
                    endsOn: try form.date("targetEndsOn"))
                _ = try await Figures.createTarget(input, caller: caller)
                request.flash(FigureText.targetSaved(language))
            } catch let error as SchakelError where error.field != nil {
                request.flash("\(labels[error.field!] ?? error.field!): \(error.message(language))")
            }
            return request.redirect(to: SiteURL.figures.fragment("new-target"), redirectType: .normal)
        }

        /// `/cijfers/{indicator}/{table}.csv`
        @Sendable func csv(_ request: Request) async throws -> Response {
            let query = try await FigureQuery(request)
            return try await Figures.table(request.parameters.get("table") ?? "", of: try Figures.name(request.parameters.get("indicator") ?? ""),
                                           filter: query.filter, language: query.language, caller: query.caller).response
        }
    }
}
