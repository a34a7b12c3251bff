import Fluent
import SchakelCore
import Vapor

extension Web {
    /// `/cijfers`: the monitoring figures and evaluation report for coordinators, as a page and as CSV.
    struct FiguresController {
        @Sendable func page(_ request: Request) async throws -> Response {
            try API.FigureController.requireAnalyst(request)
            let user = try request.user
            let language = try API.FigureController.language(request)
            let labels = try await FigureLabels.load(on: request.db, language: language)
            let report = try await EvaluationReport.build(try await API.FigureController.indicators(request), labels: labels)
            let agreements = try await AgreementModel.query(on: request.db).sort(\.$title).all()
            return FiguresPage(
                language: language,
                header: .init(userName: user.displayName, organisation: labels.organisation(user.organisationID.uuidString),
                              csrfToken: CSRF.token(for: request), role: user.role, path: "/cijfers"),
                isDemo: request.schakel.isDemo, report: report,
                agreements: agreements.compactMap { agreement in agreement.id.map { .init(value: $0.uuidString, label: agreement.title) } },
                regions: labels.regions.sorted { $0.key < $1.key }.map { .init(value: $0.key, label: $0.value) },
                organisations: labels.organisations.sorted { $0.value < $1.value }.map { .init(value: $0.key, label: $0.value) },
                query: request.url.query.map { "?" + $0 } ?? ""
            ).render()
        }

        /// `/cijfers/{indicator}/{table}.csv`
        @Sendable func csv(_ request: Request) async throws -> Response {
            try await API.FigureController().csv(request)
        }
    }
}
