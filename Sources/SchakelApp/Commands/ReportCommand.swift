import Fluent
import Foundation
import SchakelCore
import Vapor

/// `schakel report --from 2025-11 --to 2026-10 --out DIR`: the evaluation report as the coordinators'
/// page shows it (report.html, with its charts and print styles) and every table as CSV, from the
/// command line, with the same indicators and the same suppression.
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "First month of a quarter, yyyy-mm (default: the current quarter and the three before).") var from: String?
        @Option(name: "to", help: "Last month of a quarter, yyyy-mm (default: the end of the current quarter).") var to: String?
        @Option(name: "agreement", help: "Id of an agreement: the chain of its parties.") var agreement: String?
        @Option(name: "region", help: "NIS code of a region.") var region: String?
        @Option(name: "organisation", help: "Id of an organisation.") var organisation: String?
        @Option(name: "language", help: "nl (default) or en.") var language: String?
        @Option(name: "as-of", help: "The day to compute on, YYYY-MM-DD (default today).") var asOf: String?
        @Option(name: "out", help: "Folder to write report.html and the CSV files to (default ./report).") var out: String?
    }

    var help: String { "Writes the evaluation report (HTML with charts) and every table as CSV." }

    enum Problem: Error, CustomStringConvertible {
        case bad(String)
        var description: String { switch self { case let .bad(text): text } }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let today = try signature.asOf.map { text in
            guard let day = CalendarDate(iso: text) else { throw Problem.bad("--as-of must be YYYY-MM-DD") }
            return day
        } ?? app.schakel.now().brusselsDay
        var filter = FigureFilter.lastYear(today: today)
        if let text = signature.from {
            guard let month = FigureFilter.month(text) else { throw Problem.bad("--from must be yyyy-mm") }
            filter.fromMonth = month
        }
        if let text = signature.to {
            guard let month = FigureFilter.month(text) else { throw Problem.bad("--to must be yyyy-mm") }
            filter.toMonth = month
        }
        guard filter.fromMonth <= filter.toMonth else { throw Problem.bad("--to is before --from") }
        guard filter.isWholeQuarters else { throw Problem.bad("the period runs in whole quarters: --from yyyy-01/04/07/10, --to yyyy-03/06/09/12") }
        filter.region = signature.region
        if let text = signature.organisation {
            guard let id = UUID(uuidString: text) else { throw Problem.bad("--organisation must be an id") }
            filter.organisationID = id
        }
        if let text = signature.agreement {
            guard let id = UUID(uuidString: text),
                  let agreement = try await AgreementModel.query(on: app.db).filter(\.$id == id).with(\.$parties).first()
            else { throw Problem.bad("--agreement must be the id of an agreement") }
            filter.chain = FigureFilter.Chain(agreementID: id, organisations: Set(agreement.parties.map(\.$organisation.id)))
        }
        let language = UILanguage(rawValue: signature.language ?? "nl") ?? .nl
        let labels = try await FigureLabels.load(on: app.db, language: language)
        let report = try await EvaluationReport.build(Indicators(database: app.db, filter: filter, today: today, language: language),
                                                      labels: labels)
        let folder = URL(fileURLWithPath: signature.out ?? "report", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = FiguresPage(language: language, header: nil, isDemo: false, report: report, agreements: [],
                               regions: labels.regions.sorted { $0.key < $1.key }.map { .init(value: $0.key, label: $0.value) },
                               organisations: [], query: "").render()
        try Data((page.body.string ?? "").utf8).write(to: folder.appendingPathComponent("report.html"))
        var files = 1
        for indicator in report.indicators {
            for table in indicator.tables {
                try Data(table.csv(totalLabel: FigureText.total(language), note: FigureText.csvNote(language)).utf8)
                    .write(to: folder.appendingPathComponent("\(indicator.name)-\(table.id).csv"))
                files += 1
            }
        }
        context.console.print("Wrote \(files) files to \(folder.path): report.html and one CSV per table.")
    }
}
