import Fluent
import SchakelCore
import Vapor

extension API {
    /// The figures (`Figures`): indicators, their tables as CSV, the evaluation report and targets.
    struct FigureController {
        @Sendable func list(_ request: Request) async throws -> [String] {
            try Figures.names(caller: try request.caller).map(\.rawValue)
        }

        @Sendable func show(_ request: Request) async throws -> IndicatorDTO {
            let query = try await FigureQuery(request)
            return try await Figures.indicator(try Figures.name(request.parameters.get("indicator") ?? ""), filter: query.filter,
                                               language: query.language, caller: query.caller)
        }

        /// `GET /indicators/{indicator}/tables/{table}.csv`
        @Sendable func csv(_ request: Request) async throws -> Response {
            let query = try await FigureQuery(request)
            return try await Figures.table(request.parameters.get("table") ?? "", of: try Figures.name(request.parameters.get("indicator") ?? ""),
                                           filter: query.filter, language: query.language, caller: query.caller).response
        }

        /// Every indicator for the period and filter: the evaluation report's quantitative part.
        @Sendable func report(_ request: Request) async throws -> EvaluationReportDTO {
            let query = try await FigureQuery(request)
            return try await Figures.report(filter: query.filter, language: query.language, caller: query.caller)
        }

        @Sendable func createTarget(_ request: Request) async throws -> Response {
            let caller = try request.caller
            try caller.requireAnalyst()
            let target = try await Figures.createTarget(try request.content.decode(Figures.TargetInput.self), caller: caller)
            let language = UILanguage.preferred(by: request, userChoice: caller.user.language)
            let response = Response(status: .created)
            try response.content.encode(try await Figures.progress(of: target, language: language, caller: caller))
            return response
        }
    }
}
