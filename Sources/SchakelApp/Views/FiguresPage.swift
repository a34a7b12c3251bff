import Plot
import SchakelCore
import Vapor

/// The figures for coordinators: a filter form, then every indicator of the evaluation report with
/// its values, a chart drawn on the server and its tables, each downloadable as CSV. Prints as the
/// report (docs/domain.md#evaluation), charts readable in black and white.
struct FiguresPage {
    struct Choice {
        let value: String
        let label: String
    }

    let language: UILanguage
    let header: Layout.Header?
    let isDemo: Bool
    let report: EvaluationReportDTO
    let agreements: [Choice]
    let regions: [Choice]
    let organisations: [Choice]
    /// The request's filter as a query string, for the CSV links ("" or "?from=…").
    let query: String
    /// The message of the previous step (a target saved, or why not).
    var flash: String? = nil
    var csrf: String = ""

    func render() -> Response {
        let filter = report.filter
        return Layout(title: report.title, language: language, header: header, isDemo: isDemo).render(
            .unwrap(flash) { .p(.class("flash"), .attribute(named: "role", value: "status"), .text($0)) },
            .h1(.text(report.title)),
            .p(.class("lead"), .text(FigureText.period(language, filter.from, filter.to, report.generatedOn.belgian))),
            .p(.text(FigureText.suppressionNote(language))),
            .form(.class("filters no-print"), .action(SiteURL.figures), .method(.get),
                  .div(.label(.for("from"), .text(FigureText.fromMonth(language))),
                       .input(.type(.text), .id("from"), .name("from"), .value(filter.from), .attribute(named: "inputmode", value: "numeric"),
                              .attribute(named: "pattern", value: "[0-9]{4}-[0-9]{2}"))),
                  .div(.label(.for("to"), .text(FigureText.toMonth(language))),
                       .input(.type(.text), .id("to"), .name("to"), .value(filter.to), .attribute(named: "inputmode", value: "numeric"),
                              .attribute(named: "pattern", value: "[0-9]{4}-[0-9]{2}"))),
                  select("agreement", FigureText.chainLabel(language), agreements, selected: filter.agreementId?.uuidString),
                  select("region", FigureText.regionLabel(language), regions, selected: filter.region),
                  select("organisation", FigureText.organisationLabel(language), organisations, selected: filter.organisationId?.uuidString),
                  select("legalStatus", FigureText.legalStatusLabel(language),
                         LegalStatus.allCases.map { Choice(value: $0.rawValue, label: FigureText.legalStatus(language, $0)) },
                         selected: filter.legalStatus),
                  .div(.button(.type(.submit), .text(FigureText.show(language))))),
            .forEach(report.indicators) { indicator in section(indicator) },
            .forEach(report.surveys) { survey in self.survey(survey) },
            header == nil ? .empty : targetForm()
        )
    }

    /// A target such as "Jobteam Gent: 900 persons to a job or training between two dates".
    func targetForm() -> Node<HTML.BodyContext> {
        let l = language
        let state = FormState()
        return .section(.class("indicator no-print"), .id("new-target"), .h2(.text(FigureText.newTarget(l))),
                        .form(.class("stacked"), .method(.post), .action(SiteURL.targets), .attribute(named: "novalidate", value: "novalidate"),
                              Form.hidden("csrf", csrf),
                              Form.select("targetOrganisation", FigureText.organisationLabel(l),
                                          organisations.map { Form.Choice(value: $0.value, label: $0.label) }, state: state, empty: UIText.choose(l)),
                              Form.input("targetTitle", FigureText.targetTitle(l), state: state),
                              Form.input("targetPersons", FigureText.targetPersons(l), type: "number", state: state,
                                         extra: [.attribute(named: "min", value: "1")]),
                              Form.input("targetStartsOn", UIText.from(l), type: "date", state: state),
                              Form.input("targetEndsOn", UIText.until(l), type: "date", state: state),
                              .div(Form.submit(FigureText.newTarget(l)))))
    }

    func select(_ name: String, _ label: String, _ choices: [Choice], selected: String?) -> Node<HTML.FormContext> {
        .div(.label(.for(name), .text(label)),
             .select(.attribute(named: "id", value: name), .attribute(named: "name", value: name),
                     option("", FigureText.all(language), selected: selected == nil),
                     .forEach(choices) { option($0.value, $0.label, selected: $0.value == selected) }))
    }

    /// Plot's option element takes no text, so it is written out here.
    func option(_ value: String, _ label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [.attribute(named: "value", value: HTMLAttribute.escape(value)),
                                          selected ? .attribute(named: "selected", value: "selected") : .empty, .text(label)])
    }

    func section(_ indicator: IndicatorDTO) -> Node<HTML.BodyContext> {
        .section(.class("indicator"), .id("indicator-\(indicator.name)"), .attribute(named: "aria-labelledby", value: "title-\(indicator.name)"),
                 .h2(.id("title-\(indicator.name)"), .text(indicator.title)),
                 .unwrap(indicator.note) { .p(.class("note"), .text($0)) },
                 .if(!indicator.values.filter { !$0.key.hasPrefix("curve:") }.isEmpty,
                     .dl(.class("facts"), .forEach(indicator.values.filter { !$0.key.hasPrefix("curve:") }) { value in
                         .group(.dt(.text(value.label)), .dd(.text(value.value.map { FigureText.number($0, language) + " " + value.unit }
                                                                ?? FigureText.withheld(language))))
                     })),
                 .unwrap(indicator.targets) { targets in
                     .group(.forEach(targets) { target in
                         .div(.class("target"),
                              .h3(.text("\(target.organisation): \(target.title)")),
                              .p(.text(FigureText.targetProgress(language, achieved: target.achieved.display, of: target.persons,
                                                                  from: target.startsOn.belgian, to: target.endsOn.belgian,
                                                                  pace: target.pacePerMonth, needed: target.neededPerMonth))),
                              .raw(SVGChart.bars(id: "target-\(target.id.uuidString.prefix(8))", title: target.title,
                                                 categories: [FigureText.achieved(language), FigureText.target(language)],
                                                 series: [(name: FigureText.persons(language),
                                                           values: [target.achieved.count.map(Double.init), Double(target.persons)])],
                                                 hiddenLabel: { _, _ in target.achieved.display })))
                     })
                 },
                 .raw(chart(indicator)),
                 .forEach(indicator.tables) { table in self.table(table, indicator: indicator.name) })
    }

    /// The qualitative part (docs/domain.md#evaluation): what workers and clients answered, small groups withheld.
    func survey(_ survey: SurveyResultDTO) -> Node<HTML.BodyContext> {
        .section(.class("indicator"), .id("survey-\(survey.audience.rawValue)"),
                 .h2(.text(survey.title)),
                 .p(.text(FigureText.responses(language, survey.responses.display))),
                 .if(survey.withheld, .p(.class("note"), .text(FigureText.surveyWithheld(language)))),
                 .forEach(survey.questions) { question in
                     .div(.class("survey-question"),
                          .h3(.text(question.text)),
                          .unwrap(question.counts) { counts in
                              .p(.text((question.kind == "scale" ? ["1", "2", "3", "4", "5"] : ["yes", "no"]).map { key in
                                  "\(FigureText.answerLabel(language, key)): \(counts[key]?.display ?? "–")"
                              }.joined(separator: " · ") + (question.mean.map { " · " + FigureText.mean(language) + " " + FigureText.number($0, language) } ?? "")))
                          },
                          .unwrap(question.answers) { answers in
                              .if(!answers.isEmpty, .ul(.forEach(answers) { .li(.text($0)) }))
                          })
                 })
    }

    func table(_ table: FigureTableDTO, indicator: String) -> Node<HTML.BodyContext> {
        let total = FigureText.total(language)
        return .div(.class("table-wrap"),
                    .table(.caption(.text(table.title + " (" + table.unit + ")")),
                           .thead(.tr(.td(),
                                      .forEach(table.columns) { .th(.attribute(named: "scope", value: "col"), .text($0.label)) },
                                      .th(.attribute(named: "scope", value: "col"), .text(total)))),
                           .tbody(.forEach(Array(table.rows.enumerated())) { index, row in
                               .tr(.th(.attribute(named: "scope", value: "row"), .text(row.label)),
                                   .forEach(table.cells[index]) { .td(.text($0.display)) },
                                   .td(.text(table.rowTotals[index].display)))
                           },
                           .tr(.class("totals"), .th(.attribute(named: "scope", value: "row"), .text(total)),
                               .forEach(table.columnTotals) { .td(.text($0.display)) }, .td(.text(table.total.display))))),
                    .p(.class("no-print"), .a(.href(SiteURL.figureTable(indicator, "\(table.id).csv").appending(query: query)),
                                              .text(FigureText.downloadCSV(language, table.title)))))
    }

    /// One chart per indicator: cohort curves for outcomes, the inflow over time, bars for the first table otherwise.
    func chart(_ indicator: IndicatorDTO) -> String {
        switch indicator.name {
        case Indicators.Name.outcomes.rawValue:
            let curves = indicator.values.filter { $0.key.hasPrefix("curve:") }
            let years = Array(Set(curves.map { $0.key.split(separator: ":")[1] })).sorted()
            guard !years.isEmpty else { return "" }
            let months = (0...24).map(String.init)
            let series = years.map { year in
                (name: String(year), values: months.map { m in curves.first { $0.key == "curve:\(year):\(m)" }?.value })
            }
            return SVGChart.lines(id: "chart-outcomes", title: FigureText.curvesTitle(language), xLabels: months, series: series,
                                  xAxis: FigureText.monthsSinceRightToWork(language), yAxis: "%", yMax: 100)
        case Indicators.Name.inflow.rawValue:
            guard let table = indicator.tables.first, !table.rows.isEmpty else { return "" }
            return SVGChart.lines(id: "chart-inflow", title: table.title, xLabels: table.rows.map(\.label),
                                  series: [(name: FigureText.total(language), values: table.rowTotals.map { $0.count.map(Double.init) })],
                                  yAxis: table.unit)
        default:
            guard let table = indicator.tables.first, !table.rows.isEmpty, table.columns.count <= 6 else { return "" }
            let rows = Array(table.rows.prefix(12))
            return SVGChart.bars(id: "chart-\(indicator.name)", title: table.title, categories: rows.map(\.label),
                                 series: table.columns.enumerated().map { column, label in
                                     (name: label.label, values: rows.indices.map { table.cells[$0][column].count.map(Double.init) })
                                 }, valueAxis: table.unit, hiddenLabel: { column, row in table.cells[row][column].display })
        }
    }
}
