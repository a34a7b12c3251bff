import Fluent
import Foundation
import SchakelCore
import Vapor

/// One indicator as the API and the report give it: protected tables and single values, each with
/// its words in the reader's language. A withheld value is null; a withheld count is "<5" (fewer
/// than 5 persons) or "x" (5 or more, withheld to protect another count).
struct IndicatorDTO: Content {
    var name: String
    var title: String
    var filter: FilterDTO
    var tables: [FigureTableDTO]
    var values: [FigureValueDTO]
    var note: String?
    var targets: [TargetProgressDTO]?
}

struct FilterDTO: Content {
    var from: String
    var to: String
    var agreementId: UUID?
    var region: String?
    var organisationId: UUID?
    var route: String?
    var legalStatus: String?
    var cohort: String?

    init(_ filter: FigureFilter) {
        from = FigureFilter.monthText(filter.fromMonth)
        to = FigureFilter.monthText(filter.toMonth)
        agreementId = filter.chain?.agreementID
        region = filter.region
        organisationId = filter.organisationID
        route = filter.route.map { "\($0.fromID.uuidString)>\($0.toID.uuidString)" }
        legalStatus = filter.legalStatus?.rawValue
        cohort = filter.cohort.map { "\($0.kind.rawValue):\(FigureFilter.monthText($0.month))" }
    }
}

struct FigureLabelDTO: Content {
    var key: String
    var label: String
}

struct FigureTableDTO: Content {
    var id: String
    var title: String
    /// What the cells count.
    var unit: String
    var rows: [FigureLabelDTO]
    var columns: [FigureLabelDTO]
    var cells: [[Shown]]
    var rowTotals: [Shown]
    var columnTotals: [Shown]
    var total: Shown

    init(id: String, title: String, unit: String, table: ProtectedTable, rowLabel: (String) -> String, columnLabel: (String) -> String) {
        self.id = id
        self.title = title
        self.unit = unit
        rows = table.rows.map { FigureLabelDTO(key: $0, label: rowLabel($0)) }
        columns = table.columns.map { FigureLabelDTO(key: $0, label: columnLabel($0)) }
        cells = table.cells
        rowTotals = table.rowTotals
        columnTotals = table.columnTotals
        total = table.total
    }

    /// The table as CSV: a header of column labels and a total, one line per row, a total line, and
    /// a last line saying what "<5" and "x" mean.
    func csv(totalLabel: String, note: String) -> String {
        let body = rows.indices.map { [rows[$0].label] + cells[$0].map(\.display) + [rowTotals[$0].display] }
        return FigureCSV.render(header: [""] + columns.map(\.label) + [totalLabel],
                                rows: body + [[totalLabel] + columnTotals.map(\.display) + [total.display], [note]])
    }
}

struct FigureValueDTO: Content {
    var key: String
    var label: String
    /// Null when withheld (too few persons behind it) or not yet known.
    var value: Double?
    var unit: String
}

struct TargetProgressDTO: Content {
    var id: UUID
    var organisationId: UUID
    var organisation: String
    var title: String
    var persons: Int
    var startsOn: CalendarDate
    var endsOn: CalendarDate
    var achieved: Shown
    /// Persons a month still needed to reach the target by its end (null once it has ended or when withheld).
    var neededPerMonth: Double?
    /// Persons a month so far (null when withheld).
    var pacePerMonth: Double?

    init(_ target: TargetModel, achieved: Shown, today: CalendarDate, organisation: String) {
        id = target.id!
        organisationId = target.$organisation.id
        self.organisation = organisation
        title = target.title
        persons = target.persons
        startsOn = target.startsOn
        endsOn = target.endsOn
        self.achieved = achieved
        let elapsed = Double(target.startsOn.days(until: min(today, target.endsOn))) / 30.44
        let left = Double(today.days(until: target.endsOn)) / 30.44
        pacePerMonth = achieved.count.flatMap { elapsed >= 1 ? (Double($0) / elapsed * 10).rounded() / 10 : nil }
        neededPerMonth = achieved.count.flatMap { done in
            left > 0 ? (Double(max(0, target.persons - done)) / max(left, 1) * 10).rounded() / 10 : nil
        }
    }
}

extension FigureFilter {
    static func monthText(_ month: Int) -> String { String(format: "%04d-%02d", month / 100, month % 100) }

    /// "2026-03" → 202603.
    static func month(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              (1...12).contains(month), (1900...2999).contains(year) else { return nil }
        return year * 100 + month
    }

    /// The filter from a request's query: `from`, `to` (yyyy-mm), `region`, `organisation`,
    /// `route` (fromId>toId), `legalStatus`, `cohort` (right-to-work:yyyy-mm or first-referral:yyyy-mm).
    static func from(_ request: Request, today: CalendarDate) async throws -> FigureFilter {
        var filter = FigureFilter.lastYear(today: today)
        func month(_ name: String) throws -> Int? {
            guard let text = request.query[String.self, at: name] else { return nil }
            guard let value = FigureFilter.month(text) else { throw SchakelError.validation(field: name, reason: Strings.notAMonth) }
            return value
        }
        if let from = try month("from") { filter.fromMonth = from }
        if let to = try month("to") { filter.toMonth = to }
        guard filter.fromMonth <= filter.toMonth else { throw SchakelError.validation(field: "to", reason: Strings.periodBackwards) }
        guard filter.isWholeQuarters else { throw SchakelError.validation(field: "from", reason: Strings.periodInQuarters) }
        guard filter.months.count <= 120 else { throw SchakelError.validation(field: "from", reason: Strings.periodTooLong) }
        if let text = request.query[String.self, at: "agreement"], !text.isEmpty {
            guard let id = UUID(uuidString: text),
                  let agreement = try await AgreementModel.query(on: request.db).filter(\.$id == id).with(\.$parties).first()
            else { throw SchakelError.validation(field: "agreement", reason: Strings.unknownAgreement) }
            filter.chain = Chain(agreementID: id, organisations: Set(agreement.parties.map(\.$organisation.id)))
        }
        if let region = request.query[String.self, at: "region"], !region.isEmpty { filter.region = region }
        if let text = request.query[String.self, at: "organisation"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw SchakelError.validation(field: "organisation", reason: Strings.notAnID) }
            filter.organisationID = id
        }
        if let text = request.query[String.self, at: "route"], !text.isEmpty {
            let parts = text.split(separator: ">").map(String.init)
            guard parts.count == 2, let from = UUID(uuidString: parts[0]), let to = UUID(uuidString: parts[1]) else {
                throw SchakelError.validation(field: "route", reason: Strings.notARoute)
            }
            filter.route = Route(fromID: from, toID: to)
        }
        if let status = try request.queryEnum("legalStatus", as: LegalStatus.self) { filter.legalStatus = status }
        if let text = request.query[String.self, at: "cohort"], !text.isEmpty {
            let parts = text.split(separator: ":").map(String.init)
            guard parts.count == 2, let kind = CohortKind(rawValue: parts[0]), let month = FigureFilter.month(parts[1]) else {
                throw SchakelError.validation(field: "cohort", reason: Strings.notACohort)
            }
            filter.cohort = Cohort(kind: kind, month: month)
        }
        return filter
    }
}

/// What a request for figures asks, as the API and the figures page read it: who asks, the period and filter,
/// and the reader's language. Someone who may not see figures hears so before the query is read.
struct FigureQuery {
    let caller: Caller
    let filter: FigureFilter
    let language: UILanguage

    init(_ request: Request) async throws {
        caller = try request.caller
        try caller.requireAnalyst()
        filter = try await FigureFilter.from(request, today: caller.today)
        language = UILanguage.preferred(by: request, userChoice: caller.user.language)
    }
}
