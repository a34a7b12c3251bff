import Fluent
import Foundation
import SchakelCore
import SQLKit

/// The indicators the chain steers by (issue 6), computed live and exactly from the read model and
/// protected before anything leaves this type: every count goes through `Disclosure`, which hides
/// cells of fewer than 5 persons ("<5"), cells that differ by 1–4 from the same query with one filter
/// removed or over a shorter period, and the complements that would give a hidden cell away, in
/// its own table or a linked one of the same answer ("x").
struct Indicators {
    enum Name: String, CaseIterable, Sendable {
        case partnerships, referrals, outcomes, language, training, targets, inflow
    }

    let database: any Database
    let filter: FigureFilter
    let today: CalendarDate
    let language: UILanguage

    var sql: FigureSQL { FigureSQL(sql: database as! any SQLDatabase) }

    /// `labels`: the names the report already loaded, so a report of seven indicators loads them once.
    func compute(_ name: Name, labels: FigureLabels? = nil) async throws -> IndicatorDTO {
        let labels = if let labels { labels } else { try await FigureLabels.load(on: database, language: language) }
        switch name {
        case .partnerships: return try await partnerships(labels)
        case .referrals: return try await referrals(labels)
        case .outcomes: return try await outcomes(labels)
        case .language: return try await languageProgress(labels)
        case .training: return try await training(labels)
        case .targets: return try await targets(labels)
        case .inflow: return try await inflow(labels)
        }
    }

    // MARK: Protection

    /// Runs `query` for the filter and for each parent (one filter dropped), then protects the tables
    /// it fills together, each with the parents' same table and the period's months, and with the
    /// figures `links` says count the same persons in two tables (so one cannot show what another hides).
    func protected(links: (Counts) -> [TableLink] = { _ in [] },
                   _ query: (FigureFilter) async throws -> Counts) async throws -> (Counts, [String: ProtectedTable]) {
        let main = try await query(filter)
        var parents: [Counts] = []
        for dimension in filter.active { parents.append(try await query(filter.dropping(dimension))) }
        let tables = main.tableIDs.map { id in
            let (table, quarters) = main.table(id, periods: filter.quarters)
            return TableToProtect(id: id, table: table, parents: parents.map { $0.table(id, periods: []).whole }, months: quarters)
        }
        return (main, Disclosure.protect(together: tables, links: links(main)))
    }

    /// Tables with the same rows counting the same things per row (every referral of a route once):
    /// their row totals and grand totals are one figure each.
    static func sameRows(_ ids: [String], in counts: Counts) -> [TableLink] {
        guard let first = ids.first else { return [] }
        let rows = counts.table(first, periods: []).whole.rows
        return ids.dropFirst().flatMap { other in
            rows.map { TableLink.same(TableFigure(table: first, row: $0), TableFigure(table: other, row: $0)) }
                + [TableLink.same(TableFigure(table: first), TableFigure(table: other))]
        }
    }

    // MARK: Partnerships (docs/domain.md#case-000: how many partnerships, which regions have most actors)

    /// Agreements and organisations, not persons: nothing to suppress.
    func partnerships(_ labels: FigureLabels) async throws -> IndicatorDTO {
        let first = CalendarDate(filter.fromMonth / 100, filter.fromMonth % 100, 1)
        let lastMonth = CalendarDate(filter.toMonth / 100, filter.toMonth % 100, 1)
        let last = lastMonth.adding(months: 1).adding(days: -1)
        let agreements = try await AgreementModel.query(on: database).with(\.$parties).all().filter { agreement in
            agreement.validFrom <= last && (agreement.validUntil.map { $0 >= first } ?? true)
        }
        let organisations = try await OrganisationModel.query(on: database).all()
        let regionOf = Dictionary(uniqueKeysWithValues: organisations.compactMap { org in org.id.map { ($0, org.$region.id) } })
        let inScope = agreements.filter { agreement in
            let parties = agreement.parties.map(\.$organisation.id)
            return (filter.organisationID.map { parties.contains($0) } ?? true)
                && (filter.region.map { region in agreement.$region.id == region || parties.contains { regionOf[$0] == region } } ?? true)
        }
        var inForce = Counts()
        for agreement in inScope {
            inForce.add("agreements", row: agreement.kind.rawValue, column: agreement.$region.id ?? "", month: 0, 1)
        }
        var actors = Counts()
        let active = Set(inScope.flatMap { $0.parties.map(\.$organisation.id) })
        for organisation in organisations where active.contains(organisation.id!) {
            guard filter.region.map({ organisation.$region.id == $0 }) ?? true else { continue }
            actors.add("actors", row: organisation.$region.id, column: organisation.kind.rawValue, month: 0, 1)
        }
        let agreementsTable = inForce.table("agreements", periods: []).whole
        let actorsTable = actors.table("actors", periods: []).whole
        return IndicatorDTO(
            name: Indicators.Name.partnerships.rawValue, title: FigureText.partnerships(language), filter: FilterDTO(filter),
            tables: [
                FigureTableDTO(id: "agreements-in-force", title: FigureText.agreementsInForce(language), unit: FigureText.agreements(language),
                               table: .organisationCounts(agreementsTable), rowLabel: labels.agreementKind, columnLabel: labels.region),
                FigureTableDTO(id: "actors-per-region", title: FigureText.actorsPerRegion(language), unit: FigureText.organisations(language),
                               table: .organisationCounts(actorsTable), rowLabel: labels.region, columnLabel: labels.organisationKind),
            ],
            values: [], note: FigureText.partnershipsNote(language))
    }

    // MARK: Referrals

    func referrals(_ labels: FigureLabels) async throws -> IndicatorDTO {
        let today = today.dayNumber
        // Every referral sent is once in each of the three route tables; the reasons break the refused down.
        let links = { (counts: Counts) in
            Self.sameRows(["decisions", "completed", "overdue"], in: counts)
                + [TableLink.same(TableFigure(table: "decisions", column: "refused"), TableFigure(table: "reasons"))]
        }
        let (_, tables) = try await protected(links: links) { filter in
            var counts = Counts()
            let rows = try await sql.grouped(.referrals, keys: [.init(expression: "from_id", type: .uuid), .init(expression: "to_id", type: .uuid)],
                                             month: "sent_month", measures: [
                                                 "COUNT(*)",
                                                 "SUM(CASE WHEN decision = 'accepted' THEN 1 ELSE 0 END)",
                                                 "SUM(CASE WHEN decision = 'refused' THEN 1 ELSE 0 END)",
                                                 "SUM(CASE WHEN state = 'completed' THEN 1 ELSE 0 END)",
                                                 Self.overdue(today: today),
                                             ], filter: filter)
            for row in rows {
                let route = row.keys.joined(separator: ">")
                let (sent, accepted, refused, completed, overdue) = (row.values[0], row.values[1], row.values[2], row.values[3], row.values[4])
                counts.add("decisions", row: route, column: "accepted", month: row.month, accepted)
                counts.add("decisions", row: route, column: "refused", month: row.month, refused)
                counts.add("decisions", row: route, column: "undecided", month: row.month, sent - accepted - refused)
                counts.add("completed", row: route, column: "completed", month: row.month, completed)
                counts.add("completed", row: route, column: "not-completed", month: row.month, sent - completed)
                counts.add("overdue", row: route, column: "overdue", month: row.month, overdue)
                counts.add("overdue", row: route, column: "on-time", month: row.month, sent - overdue)
            }
            let reasons = try await sql.grouped(.referrals, keys: [.init(expression: "refusal_reason", type: .string)], month: "sent_month",
                                                measures: ["COUNT(*)"], filter: filter, where: "decision = 'refused'")
            for row in reasons { counts.add("reasons", row: row.keys[0], column: "refused", month: row.month, row.values[0]) }
            return counts
        }
        let contact = try await histogram(.referrals, days: "contact_day - sent_day", month: "sent_month", where: "contact_day IS NOT NULL")
        let decision = try await histogram(.referrals, days: "decided_day - sent_day", month: "sent_month", where: "decided_day IS NOT NULL")
        let decisions = tables["decisions"] ?? .empty
        var values = [
            FigureValueDTO(key: "days-to-first-contact-median", label: FigureText.daysToContact(language, "mediaan", "median"),
                           value: Percentiles.median(of: contact).map(Double.init), unit: FigureText.days(language)),
            FigureValueDTO(key: "days-to-first-contact-p90", label: FigureText.daysToContact(language, "90e percentiel", "90th percentile"),
                           value: Percentiles.p90(of: contact).map(Double.init), unit: FigureText.days(language)),
            FigureValueDTO(key: "days-to-decision-median", label: FigureText.daysToDecision(language, "mediaan", "median"),
                           value: Percentiles.median(of: decision).map(Double.init), unit: FigureText.days(language)),
            FigureValueDTO(key: "days-to-decision-p90", label: FigureText.daysToDecision(language, "90e percentiel", "90th percentile"),
                           value: Percentiles.p90(of: decision).map(Double.init), unit: FigureText.days(language)),
        ]
        values.append(FigureValueDTO(key: "acceptance-rate", label: FigureText.acceptanceRate(language),
                                     value: Self.acceptanceRate(decisions.columnTotals, columns: decisions.columns), unit: "%"))
        for (index, route) in decisions.rows.enumerated() {
            values.append(FigureValueDTO(key: "acceptance-rate:\(route)", label: FigureText.acceptanceRate(language) + " — " + labels.route(route),
                                         value: Self.acceptanceRate(decisions.cells[index], columns: decisions.columns), unit: "%"))
        }
        return IndicatorDTO(
            name: Name.referrals.rawValue, title: FigureText.referrals(language), filter: FilterDTO(filter),
            tables: [
                FigureTableDTO(id: "decisions", title: FigureText.referralsByRoute(language), unit: FigureText.referralsUnit(language),
                               table: decisions, rowLabel: labels.route, columnLabel: labels.column),
                FigureTableDTO(id: "completed", title: FigureText.completedByRoute(language), unit: FigureText.referralsUnit(language),
                               table: tables["completed"] ?? .empty, rowLabel: labels.route, columnLabel: labels.column),
                FigureTableDTO(id: "overdue", title: FigureText.overdueByRoute(language), unit: FigureText.referralsUnit(language),
                               table: tables["overdue"] ?? .empty, rowLabel: labels.route, columnLabel: labels.column),
                FigureTableDTO(id: "refusal-reasons", title: FigureText.refusalReasons(language), unit: FigureText.referralsUnit(language),
                               table: tables["reasons"] ?? .empty, rowLabel: labels.refusalReason, columnLabel: labels.column),
            ],
            values: values, note: nil)
    }

    /// Overdue: decided after the due day, or still undecided past it.
    static func overdue(today: Int) -> String {
        "SUM(CASE WHEN (decided_day IS NOT NULL AND decided_day > due_day) OR (decided_day IS NULL AND state IN ('sent', 'received') "
            + "AND due_day < \(today)) THEN 1 ELSE 0 END)"
    }

    /// Accepted among those decided, from published cells only.
    static func acceptanceRate(_ cells: [Shown], columns: [String]) -> Double? {
        guard let accepted = columns.firstIndex(of: "accepted").flatMap({ cells[$0].count }),
              let refused = columns.firstIndex(of: "refused").flatMap({ cells[$0].count }), accepted + refused > 0 else { return nil }
        return (Double(accepted) / Double(accepted + refused) * 1000).rounded() / 10
    }

    /// Days → how many, for the period and filter (exact; percentiles are taken from it in Core).
    func histogram(_ table: FigureSQL.Table, days: String, month: String, where extra: SQLQueryString) async throws -> Percentiles.Histogram {
        let rows = try await sql.grouped(table, keys: [.init(expression: days, type: .int)], month: month, measures: ["COUNT(*)"],
                                         filter: filter, where: extra)
        var buckets: [Int: Int] = [:]
        for row in rows { buckets[Int(row.keys[0]) ?? 0, default: 0] += row.values[0] }
        return buckets.map { (value: $0.key, count: $0.value) }
    }

    // MARK: Outcomes (docs/domain.md#case-001: 6 in 10 found a job)

    func outcomes(_ labels: FigureLabels) async throws -> IndicatorDTO {
        let cutoffs = PersonFigures.horizons.map { (months: $0, day: today.adding(months: -$0).dayNumber) }
        let (_, tables) = try await protected { filter in
            var counts = Counts()
            var measures = ["COUNT(*)"]
            for cutoff in cutoffs {
                measures.append("SUM(CASE WHEN rtw_day <= \(cutoff.day) THEN 1 ELSE 0 END)")
                measures.append("SUM(CASE WHEN rtw_day <= \(cutoff.day) AND at\(cutoff.months) = 1 THEN 1 ELSE 0 END)")
            }
            let rows = try await sql.grouped(.persons, keys: [], month: "rtw_month", measures: measures, filter: filter)
            for row in rows {
                let cohort = Self.quarter(row.month)
                for (index, cutoff) in cutoffs.enumerated() {
                    let observed = row.values[1 + index * 2], placed = row.values[2 + index * 2]
                    counts.add("at\(cutoff.months)", row: cohort, column: "job-or-training", month: row.month, placed)
                    counts.add("at\(cutoff.months)", row: cohort, column: "not-yet", month: row.month, observed - placed)
                }
            }
            return counts
        }
        // The cohort curves: of the persons whose right-to-work month lies m whole months back, the
        // share that was in a job or training within m months. One histogram of months to the first.
        let reached = try await sql.grouped(.persons, keys: [.init(expression: "(first_outcome_day - rtw_day) / 30", type: .int)],
                                            month: "rtw_month", measures: ["COUNT(*)"], filter: filter,
                                            where: "first_outcome_day IS NOT NULL AND first_outcome_day >= rtw_day")
        let cohortSizes = try await sql.grouped(.persons, keys: [], month: "rtw_month", measures: ["COUNT(*)"], filter: filter)
        let curves = Self.cohortCurves(reached: reached, sizes: cohortSizes, currentMonth: today.monthKey)
        let toJob = try await histogram(.persons, days: "first_job_day - rtw_day", month: "rtw_month",
                                        where: "first_job_day IS NOT NULL AND first_job_day >= rtw_day")
        var values: [FigureValueDTO] = [
            FigureValueDTO(key: "days-to-first-job-median", label: FigureText.daysToFirstJob(language),
                           value: Percentiles.median(of: toJob).map(Double.init), unit: FigureText.days(language)),
        ]
        for months in PersonFigures.horizons {
            let table = tables["at\(months)"] ?? .empty
            let share = table.columns.firstIndex(of: "job-or-training").flatMap { column in
                Disclosure.rate(numerator: table.columnTotals[column], denominator: table.total, per: 100).map { ($0 * 10).rounded() / 10 }
            }
            values.append(FigureValueDTO(key: "share-job-or-training-\(months)m", label: FigureText.shareAt(language, months), value: share, unit: "%"))
        }
        for curve in curves {
            for (index, share) in curve.shares.enumerated() {
                values.append(FigureValueDTO(key: "curve:\(curve.year):\(index)", label: "\(curve.year) +\(index)", value: share, unit: "%"))
            }
        }
        return IndicatorDTO(
            name: Name.outcomes.rawValue, title: FigureText.outcomes(language), filter: FilterDTO(filter),
            tables: PersonFigures.horizons.map { months in
                FigureTableDTO(id: "job-or-training-\(months)m", title: FigureText.shareAt(language, months), unit: FigureText.persons(language),
                               table: tables["at\(months)"] ?? .empty, rowLabel: { $0 }, columnLabel: labels.column)
            },
            values: values, note: FigureText.outcomesNote(language))
    }

    struct Curve {
        let year: Int
        /// Share in % per month since the right-to-work date, nil where withheld or not yet observed.
        let shares: [Double?]
    }

    /// Per cohort year, m = 0…24: persons of the year's months at least m months back who reached a
    /// job or training within m months, over those persons. Both counts must be publishable.
    static func cohortCurves(reached: [FigureSQL.Row], sizes: [FigureSQL.Row], currentMonth: Int) -> [Curve] {
        let horizon = 24
        func monthsBetween(_ from: Int, _ to: Int) -> Int { (to / 100 - from / 100) * 12 + (to % 100 - from % 100) }
        let years = Set(sizes.map { $0.month / 100 }).sorted()
        return years.map { year in
            let shares = (0...horizon).map { m -> Double? in
                let months = sizes.filter { $0.month / 100 == year && monthsBetween($0.month, currentMonth) > m }
                let observed = months.reduce(0) { $0 + $1.values[0] }
                let monthSet = Set(months.map(\.month))
                let done = reached.filter { monthSet.contains($0.month) && (Int($0.keys[0]) ?? .max) <= m }.reduce(0) { $0 + $1.values[0] }
                return Disclosure.rate(numerator: Disclosure.count(done), denominator: Disclosure.count(observed), per: 100)
                    .map { ($0 * 10).rounded() / 10 }
            }
            return Curve(year: year, shares: shares)
        }
    }

    static func quarter(_ month: Int) -> String { "\(month / 100)-Q\((month % 100 - 1) / 3 + 1)" }

    // MARK: Language (docs/domain.md#case-000: does Dutch improve faster when people work?)

    func languageProgress(_ labels: FigureLabels) async throws -> IndicatorDTO {
        // One statement in the covering index's order: per month, whether they worked, first and
        // latest level; the levels gained and the time between are worked out here.
        let query = { (filter: FigureFilter) in
            try await sql.grouped(.persons, keys: [.init(expression: "worked", type: .int), .init(expression: "dutch_first_rank", type: .int),
                                                   .init(expression: "dutch_last_rank", type: .int)],
                                  month: "dutch_last_month", measures: ["COUNT(*)", "CAST(SUM(dutch_last_day - dutch_first_day) AS BIGINT)"],
                                  filter: filter, where: "dutch_last_day IS NOT NULL")
        }
        var speed: [FigureSQL.Row] = []
        let (_, tables) = try await protected { filter in
            var counts = Counts()
            let rows = try await query(filter)
            if filter == self.filter { speed = rows }
            for row in rows {
                let gained = (Int(row.keys[2]) ?? 0) - (Int(row.keys[1]) ?? 0)
                let bucket = gained <= 0 ? "0" : gained >= 3 ? "3+" : String(gained)
                counts.add("gain", row: row.keys[0] == "1" ? "worked" : "did-not-work", column: bucket, month: row.month, row.values[0])
            }
            return counts
        }
        // Levels per year of the time between the two observations, per group: a mean, so held to the percentile base.
        var values: [FigureValueDTO] = []
        for (key, worked) in [("worked", "1"), ("did-not-work", "0")] {
            let rows = speed.filter { $0.keys[0] == worked }
            let persons = rows.reduce(0) { $0 + $1.values[0] }
            let levels = rows.reduce(0) { $0 + ((Int($1.keys[2]) ?? 0) - (Int($1.keys[1]) ?? 0)) * $1.values[0] }
            let days = rows.reduce(0) { $0 + $1.values[1] }
            let perYear = persons >= Disclosure.percentileBase && days > 0 ? (Double(levels) / (Double(days) / 365.25) * 100).rounded() / 100 : nil
            values.append(FigureValueDTO(key: "levels-per-year:\(key)", label: FigureText.levelsPerYear(language, key), value: perYear,
                                         unit: FigureText.levelsUnit(language)))
        }
        return IndicatorDTO(
            name: Name.language.rawValue, title: FigureText.languageTitle(language), filter: FilterDTO(filter),
            tables: [FigureTableDTO(id: "levels-gained", title: FigureText.levelsGained(language), unit: FigureText.persons(language),
                                    table: tables["gain"] ?? .empty, rowLabel: labels.column, columnLabel: labels.levels)],
            values: values, note: FigureText.languageNote(language))
    }

    // MARK: Training applications (docs/domain.md#case-002: 10 requests, 7 refused, 2 started after talks)

    func training(_ labels: FigureLabels) async throws -> IndicatorDTO {
        // The reasons are those of the refusals that stood, the "refused" column: an application refused
        // and then started after reconsideration counts once, as reconsidered, so no total of one table
        // minus a figure of the other gives the reconsidered ones back.
        let links = { (_: Counts) in [TableLink.same(TableFigure(table: "decisions", column: "refused"), TableFigure(table: "reasons"))] }
        let (_, tables) = try await protected(links: links) { filter in
            var counts = Counts()
            let rows = try await sql.grouped(.referrals, keys: [.init(expression: "to_id", type: .uuid)], month: "sent_month", measures: [
                "COUNT(*)",
                "SUM(CASE WHEN decision = 'accepted' THEN 1 ELSE 0 END)",
                "SUM(CASE WHEN decision = 'refused' AND reconsidered = 0 THEN 1 ELSE 0 END)",
                "SUM(CASE WHEN decision = 'refused' AND reconsidered = 1 THEN 1 ELSE 0 END)",
            ], filter: filter, where: "purpose = 'training'")
            for row in rows {
                let (all, accepted, refused, reconsidered) = (row.values[0], row.values[1], row.values[2], row.values[3])
                counts.add("decisions", row: row.keys[0], column: "accepted", month: row.month, accepted)
                counts.add("decisions", row: row.keys[0], column: "refused", month: row.month, refused)
                counts.add("decisions", row: row.keys[0], column: "refused-then-reconsidered", month: row.month, reconsidered)
                counts.add("decisions", row: row.keys[0], column: "undecided", month: row.month, all - accepted - refused - reconsidered)
            }
            let reasons = try await sql.grouped(.referrals, keys: [.init(expression: "refusal_reason", type: .string)], month: "sent_month",
                                                measures: ["COUNT(*)"], filter: filter,
                                                where: "purpose = 'training' AND decision = 'refused' AND reconsidered = 0")
            for row in reasons { counts.add("reasons", row: row.keys[0], column: "refused", month: row.month, row.values[0]) }
            return counts
        }
        return IndicatorDTO(
            name: Name.training.rawValue, title: FigureText.trainingTitle(language), filter: FilterDTO(filter),
            tables: [
                FigureTableDTO(id: "training-decisions", title: FigureText.trainingDecisions(language), unit: FigureText.applications(language),
                               table: tables["decisions"] ?? .empty, rowLabel: labels.organisation, columnLabel: labels.column),
                FigureTableDTO(id: "training-refusal-reasons", title: FigureText.refusalsThatStood(language), unit: FigureText.applications(language),
                               table: tables["reasons"] ?? .empty, rowLabel: labels.refusalReason, columnLabel: labels.column),
            ],
            values: [], note: nil)
    }

    // MARK: Targets (docs/domain.md#case-001: the Jobteam, 900 persons to a job or training in two years)

    func targets(_ labels: FigureLabels) async throws -> IndicatorDTO {
        var query = TargetModel.query(on: database).sort(\.$startsOn)
        if let organisation = filter.organisationID { query = query.filter(\.$organisation.$id == organisation) }
        let targets = try await query.all()
        var progress: [TargetProgressDTO] = []
        for target in targets {
            let achieved = try await Self.achieved(target, until: today, on: database)
            progress.append(TargetProgressDTO(target, achieved: achieved, today: today, organisation: labels.organisation(target.$organisation.id.uuidString)))
        }
        return IndicatorDTO(name: Name.targets.rawValue, title: FigureText.targetsTitle(language), filter: FilterDTO(filter), tables: [],
                            values: [], note: FigureText.targetsNote(language), targets: progress)
    }

    /// Persons owned by or accepted into the organisation who reached a job or training between the
    /// target's dates (up to `until`). Each month's count is kept for the period check.
    static func achieved(_ target: TargetModel, until: CalendarDate, on database: any Database) async throws -> Shown {
        let sql = database as! any SQLDatabase
        let organisation = target.$organisation.id
        let end = min(target.endsOn, until)
        let rows = try await sql.raw("""
            SELECT (first_outcome_day - \(bind: target.startsOn.dayNumber)) / 30 AS m, COUNT(*) AS n FROM \(ident: FigureFacts.personTable) p
            WHERE first_outcome_day BETWEEN \(bind: target.startsOn.dayNumber) AND \(bind: end.dayNumber)
              AND (owner_id = \(bind: organisation) OR EXISTS (SELECT 1 FROM \(ident: FigureFacts.referralTable) r
                   WHERE r.person_id = p.person_id AND r.to_id = \(bind: organisation) AND r.accepted_day IS NOT NULL))
            GROUP BY 1
            """).all()
        let monthly = try rows.map { (try $0.decode(column: "m", as: Int.self), try $0.decode(column: "n", as: Int.self)) }
            .sorted { $0.0 < $1.0 }.map(\.1)
        return Disclosure.count(monthly.reduce(0, +), months: monthly)
    }

    // MARK: Inflow (docs/domain.md#case-001: the Jobteam's inflow of newcomers is monitored)

    func inflow(_ labels: FigureLabels) async throws -> IndicatorDTO {
        let receiving = filter.organisationID
        let (_, tables) = try await protected { filter in
            var counts = Counts()
            var narrowed = filter
            narrowed.organisationID = nil
            let extra: SQLQueryString = filter.organisationID.map { "to_id = \(bind: $0) AND accepted_day IS NOT NULL" } ?? "accepted_day IS NOT NULL"
            let rows = try await sql.grouped(.referrals, keys: [.init(expression: receiving == nil ? "to_id" : "from_id", type: .uuid)],
                                             month: "accepted_month", measures: ["COUNT(*)"], filter: narrowed, where: extra)
            for row in rows {
                counts.add("inflow", row: String(row.month), column: row.keys[0], month: row.month, row.values[0])
            }
            return counts
        }
        return IndicatorDTO(
            name: Name.inflow.rawValue, title: FigureText.inflowTitle(language), filter: FilterDTO(filter),
            tables: [FigureTableDTO(id: "inflow", title: receiving == nil ? FigureText.inflowByReceiver(language) : FigureText.inflowBySource(language),
                                    unit: FigureText.persons(language), table: tables["inflow"] ?? .empty,
                                    rowLabel: labels.month, columnLabel: labels.organisation)],
            values: [], note: nil)
    }
}

/// Counts as the queries fill them: table → row → column → month → n.
struct Counts {
    private var cells: [String: [String: [String: [Int: Int]]]] = [:]
    private var columnOrder: [String: [String]] = [:]

    var tableIDs: [String] { cells.keys.sorted() }

    mutating func add(_ table: String, row: String, column: String, month: Int, _ n: Int) {
        cells[table, default: [:]][row, default: [:]][column, default: [:]][month, default: 0] += n
        if !(columnOrder[table]?.contains(column) ?? false) { columnOrder[table, default: []].append(column) }
    }

    /// The table over the whole period, and one per shorter period of `periods` (each a list of months;
    /// empty: no period check).
    func table(_ id: String, periods: [[Int]]) -> (whole: CountTable, periods: [CountTable]) {
        let data = cells[id] ?? [:]
        let rows = data.keys.sorted()
        let columns = columnOrder[id] ?? []
        func values(_ months: [Int]?) -> [[Int]] {
            rows.map { row in
                columns.map { column in
                    let byMonth = data[row]?[column] ?? [:]
                    return months.map { $0.reduce(0) { $0 + (byMonth[$1] ?? 0) } } ?? byMonth.values.reduce(0, +)
                }
            }
        }
        return (CountTable(rows: rows, columns: columns, values: values(nil)),
                periods.map { CountTable(rows: rows, columns: columns, values: values($0)) })
    }
}

extension ProtectedTable {
    static let empty = Disclosure.protect(CountTable(rows: [], columns: [], values: []))
}
