import Fluent
import Foundation
import SchakelCore
import Vapor

/// The figures: indicators, their tables as CSV, the evaluation report and targets. Only for coordinators and
/// analysts, who see aggregates and never a person (the access rule's analyst role).
enum Figures {}

extension Caller {
    /// Who may see figures: the analyst role (coordinators), aggregates only.
    func requireAnalyst() throws {
        guard role == .analyst else { throw SchakelError.forbidden }
    }
}

extension Figures {
    /// The indicator a path names, or a problem naming those there are.
    static func name(_ text: String) throws -> Indicators.Name {
        guard let name = Indicators.Name(rawValue: text) else {
            throw SchakelError.validation(field: "indicator", reason: Strings.unknownIndicator,
                                          arguments: [Indicators.Name.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        return name
    }

    static func names(caller: Caller) throws -> [Indicators.Name] {
        try caller.requireAnalyst()
        return Indicators.Name.allCases
    }

    static func indicators(filter: FigureFilter, language: UILanguage, caller: Caller) throws -> Indicators {
        try caller.requireAnalyst()
        return Indicators(database: caller.db, filter: filter, today: caller.today, language: language)
    }

    static func indicator(_ name: Indicators.Name, filter: FigureFilter, language: UILanguage, caller: Caller) async throws -> IndicatorDTO {
        try await indicators(filter: filter, language: language, caller: caller).compute(name)
    }

    /// One table of an indicator as a CSV file; `file` is the table's id followed by `.csv`.
    struct CSVFile: Sendable {
        let body: String
        /// Without the `.csv`.
        let name: String

        var response: Response {
            let response = Response(status: .ok, body: .init(string: body))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).csv\"")
            return response
        }
    }

    static func table(_ file: String, of name: Indicators.Name, filter: FigureFilter, language: UILanguage,
                      caller: Caller) async throws -> CSVFile {
        let indicator = try await indicator(name, filter: filter, language: language, caller: caller)
        guard file.hasSuffix(".csv"), let table = indicator.tables.first(where: { $0.id == String(file.dropLast(4)) }) else {
            throw SchakelError.notFound
        }
        return CSVFile(body: table.csv(totalLabel: FigureText.total(language), note: FigureText.csvNote(language)),
                       name: "\(indicator.name)-\(table.id)")
    }

    /// Every indicator for the period and filter: the evaluation report's quantitative part.
    static func report(filter: FigureFilter, language: UILanguage, caller: Caller,
                       labels: FigureLabels? = nil) async throws -> EvaluationReportDTO {
        try await EvaluationReport.build(try indicators(filter: filter, language: language, caller: caller), labels: labels)
    }

    /// What the figures page shows: the report, the names it uses, and the agreements to filter on.
    struct Overview: Sendable {
        let report: EvaluationReportDTO
        let labels: FigureLabels
        let agreements: [AgreementModel]
    }

    static func overview(filter: FigureFilter, language: UILanguage, caller: Caller) async throws -> Overview {
        try caller.requireAnalyst()
        let labels = try await FigureLabels.load(on: caller.db, language: language)
        let report = try await report(filter: filter, language: language, caller: caller, labels: labels)
        let agreements = try await AgreementModel.query(on: caller.db).sort(\.$title).all()
        return Overview(report: report, labels: labels, agreements: agreements)
    }
}
