import Foundation
import SchakelCore
import Vapor

/// The evaluation report (docs/domain.md#evaluation): the counts of referrals and results (every indicator
/// for the period and filter) and, beside them, what frontline workers and clients answered.
struct EvaluationReportDTO: Content {
    var title: String
    var generatedOn: CalendarDate
    var filter: FilterDTO
    var indicators: [IndicatorDTO]
    /// The qualitative part: what frontline workers and clients answered in the period.
    var surveys: [SurveyResultDTO]
}

enum EvaluationReport {
    static func build(_ indicators: Indicators, labels: FigureLabels? = nil) async throws -> EvaluationReportDTO {
        let labels = if let labels { labels } else { try await FigureLabels.load(on: indicators.database, language: indicators.language) }
        var computed: [IndicatorDTO] = []
        for name in Indicators.Name.allCases { computed.append(try await indicators.compute(name, labels: labels)) }
        let surveys = try await Surveys.results(filter: indicators.filter, language: indicators.language, on: indicators.database)
        return EvaluationReportDTO(title: Text(nl: "Evaluatie van de ketensamenwerking", en: "Evaluation of the chain")(indicators.language),
                                   generatedOn: indicators.today, filter: FilterDTO(indicators.filter), indicators: computed,
                                   surveys: surveys)
    }
}
