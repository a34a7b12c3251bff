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
            let report = try await EvaluationReport.build(try await API.FigureController.indicators(request))
            let organisations = try await OrganisationModel.query(on: request.db).sort(\.$name).all()
            let regions = try await RegionModel.query(on: request.db).sort(\.$id).all()
            let agreements = try await AgreementModel.query(on: request.db).sort(\.$title).all()
            let own = organisations.first { $0.id == user.organisationID }?.name ?? ""
            return FiguresPage(
                language: language, header: .init(userName: user.displayName, organisation: own, csrfToken: CSRF.token(for: request)),
                isDemo: request.schakel.isDemo, report: report,
                agreements: agreements.compactMap { agreement in agreement.id.map { .init(value: $0.uuidString, label: agreement.title) } },
                regions: regions.compactMap { region in region.id.map { .init(value: $0, label: language == .nl ? region.nameNL : region.nameEN) } },
                organisations: organisations.compactMap { org in org.id.map { .init(value: $0.uuidString, label: org.name) } },
                query: request.url.query.map { "?" + $0 } ?? ""
            ).render()
        }

        /// `/cijfers/{indicator}/{table}.csv`
        @Sendable func csv(_ request: Request) async throws -> Response {
            try await API.FigureController().csv(request)
        }
    }
}
