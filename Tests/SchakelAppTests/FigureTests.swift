import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore
import SchakelDemo

/// The indicators on small fixed data sets whose answers are worked out by hand, on both engines.
@Suite("Figures: indicators with hand-computed expectations and small cells suppressed")
struct FigureTests {
    /// Writes figure rows as the read model holds them, so a test states its data set exactly.
    struct Data {
        let app: Application
        var persons: [PersonFigures] = []
        var referrals: [(ReferralFigures, PersonFigures)] = []

        mutating func person(owner: UUID, region: String, rightToWork: CalendarDate?, at6: Bool? = nil, at12: Bool? = nil,
                             firstJob: CalendarDate? = nil) -> PersonFigures {
            var at: [Int: Bool] = [:]
            if let at6 { at[6] = at6 }
            if let at12 { at[12] = at12 }
            let person = PersonFigures(personID: UUID(), ownerID: owner, region: region, legalStatus: .recognisedRefugee,
                                       rightToWorkOn: rightToWork, firstReferral: nil, firstJobOn: firstJob,
                                       firstJobOrTrainingOn: firstJob, inJobOrTrainingAt: at, dutch: nil)
            persons.append(person)
            return person
        }

        mutating func referral(_ person: PersonFigures, from: UUID, to: UUID, sentOn: CalendarDate, contactAfter: Int?,
                               decision: ReferralFigures.Decision?, decidedAfter: Int?, reason: RefusalReason? = nil,
                               purpose: String = "guidance-to-work", reconsidered: Bool = false) {
            let state: ReferralState = decision == .accepted || reconsidered ? .accepted : decision == .refused ? .refused : .sent
            let referral = ReferralFigures(referralID: UUID(), personID: person.personID, fromID: from, toID: to, purpose: purpose,
                                           state: state, sentOn: sentOn, dueOn: sentOn.adding(days: 7),
                                           contactOn: contactAfter.map { sentOn.adding(days: $0) },
                                           decidedOn: decidedAfter.map { sentOn.adding(days: $0) }, firstDecision: decision,
                                           refusalReason: reason, reconsidered: reconsidered,
                                           acceptedOn: decision == .accepted || reconsidered ? decidedAfter.map { sentOn.adding(days: $0 + 14) } : nil,
                                           completedOn: nil, outcome: nil, offerID: nil)
            referrals.append((referral, person))
        }

        func write() async throws {
            let sql = app.db as! any SQLDatabase
            try await BulkInsert.rows(into: FigureFacts.personTable, columns: FigureFacts.personColumns,
                                        rows: persons.map(FigureFacts.row), on: sql)
            try await BulkInsert.rows(into: FigureFacts.referralTable, columns: FigureFacts.referralColumns,
                                        rows: referrals.map { FigureFacts.row($0.0, of: $0.1) }, on: sql)
        }
    }

    static func organisation(_ slug: String, _ app: Application) async throws -> UUID {
        try #require(try await OrganisationModel.query(on: app.db).filter(\.$slug == slug).first()?.id)
    }

    static func table(_ answer: JSONAPI.Answer, _ id: String) throws -> [String: Any] {
        let tables = answer["tables"] as? [[String: Any]] ?? []
        return try #require(tables.first { $0["id"] as? String == id }, "no table \(id) in \(answer.text)")
    }

    static func value(_ answer: JSONAPI.Answer, _ key: String) -> Double? {
        (answer["values"] as? [[String: Any]])?.first { $0["key"] as? String == key }?["value"] as? Double
    }

    /// The cell at a row key and column key, as the API shows it: a number or "<5".
    static func cell(_ table: [String: Any], row: String, column: String) -> String {
        let rows = (table["rows"] as? [[String: Any]] ?? []).map { $0["key"] as? String ?? "" }
        let columns = (table["columns"] as? [[String: Any]] ?? []).map { $0["key"] as? String ?? "" }
        guard let r = rows.firstIndex(of: row), let c = columns.firstIndex(of: column),
              let cells = table["cells"] as? [[Any]] else { return "missing" }
        return "\(cells[r][c])"
    }

    @Test(arguments: TestDatabase.all)
    func cohortSharesAreExactAndASmallLaterCohortCannotBeSubtracted(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let analyst = try await api.token("analyst", "stad-gent")
            let owner = try await Self.organisation("fedasil-poelkapelle", app)
            var data = Data(app: app)
            // January 2025: 20 persons in West Flanders, 15 in a job or training 6 months on, 14 after 12 months.
            for index in 0..<20 {
                _ = data.person(owner: owner, region: "30000", rightToWork: CalendarDate(2025, 1, 15), at6: index < 15, at12: index < 14,
                                firstJob: CalendarDate(2025, 1, 15).adding(days: 30 * (index + 1)))
            }
            // April 2025: 3 persons in East Flanders, all in a job after 6 months.
            for _ in 0..<3 {
                _ = data.person(owner: owner, region: "40000", rightToWork: CalendarDate(2025, 4, 10), at6: true, at12: true)
            }
            try await data.write()

            // The first quarter alone: every cell has 5 or more persons and is shown exactly.
            let january = try await api.get("indicators/outcomes?from=2025-01&to=2025-03", token: analyst)
            #expect(january.status == .ok, "\(january.text)")
            let six = try Self.table(january, "job-or-training-6m")
            #expect(Self.cell(six, row: "2025-Q1", column: "job-or-training") == "15")
            #expect(Self.cell(six, row: "2025-Q1", column: "not-yet") == "5")
            #expect(Self.value(january, "share-job-or-training-6m") == 75.0)
            #expect(Self.value(january, "share-job-or-training-12m") == 70.0)
            // 24 months after January 2025 lies after today (2026-09-21): nobody is counted yet.
            #expect(Self.value(january, "share-job-or-training-24m") == nil)
            // Days to the first job: 30, 60, …, 600; the nearest-rank median of 20 is the 10th, 300.
            #expect(Self.value(january, "days-to-first-job-median") == 300)

            // Two quarters: the second quarter's 3 are fewer than 5, and the column total (18) would be
            // the first quarter's 15 plus them, so it is withheld, and so is a cell of each line it leaves open.
            // Those count 5 or more: they read "x" (withheld to protect another), not "<5".
            let both = try await api.get("indicators/outcomes?from=2025-01&to=2025-06", token: analyst)
            let sixBoth = try Self.table(both, "job-or-training-6m")
            #expect(Self.cell(sixBoth, row: "2025-Q2", column: "job-or-training") == "<5")
            #expect(Self.cell(sixBoth, row: "2025-Q1", column: "job-or-training") == "x")
            #expect(sixBoth["total"] as? String == "x")
            #expect((sixBoth["rowTotals"] as? [Any])?.first as? Int == 20)
            #expect(Self.value(both, "share-job-or-training-6m") == nil)

            // The region filter: West Flanders over both quarters is January's 20, whose total in work (15)
            // differs from the unfiltered one (18) by April's 3, so again withheld.
            let west = try await api.get("indicators/outcomes?from=2025-01&to=2025-06&region=30000", token: analyst)
            #expect(Self.cell(try Self.table(west, "job-or-training-6m"), row: "2025-Q1", column: "job-or-training") == "x")
            // The 3 alone are fewer than 5.
            let east = try await api.get("indicators/outcomes?from=2025-04&to=2025-06&region=40000", token: analyst)
            #expect(Self.cell(try Self.table(east, "job-or-training-6m"), row: "2025-Q2", column: "job-or-training") == "<5")

            // CSV of the same table, suppressed cells as <5.
            let csv = try await api.get("indicators/outcomes/tables/job-or-training-6m.csv?from=2025-01&to=2025-03", token: analyst)
            #expect(csv.status == .ok)
            #expect(csv.text.contains("2025-Q1,15,5,20\r\n"), "\(csv.text)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func dutchProgressIsComparedBetweenThoseWhoWorkedAndThoseWhoDidNot(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let analyst = try await api.token("analyst", "stad-gent")
            let owner = try await Self.organisation("in-gent", app)
            var data = Data(app: app)
            // 21 who worked and 20 who did not, all from A1 over 730 days, their latest observation in the
            // second quarter of 2026. Levels gained, worked: 0 ×5, 1 ×5, 2 ×6, 3 ×5; did not: 0, 1, 2, 3 ×5 each.
            // (Every cell has 5 or more: a zero would be withheld, and with it a cell of each of its lines.)
            let levels: [CEFRLevel] = [.a1, .a2, .b1, .b2]
            let groups: [(worked: Bool, counts: [Int])] = [(true, [5, 5, 6, 5]), (false, [5, 5, 5, 5])]
            for group in groups {
                for (gain, count) in group.counts.enumerated() {
                    for _ in 0..<count {
                        var person = data.person(owner: owner, region: "40000", rightToWork: nil)
                        person.dutch = .init(first: .a1, firstOn: CalendarDate(2024, 5, 1), last: levels[gain],
                                             lastOn: CalendarDate(2026, 5, 1), worked: group.worked)
                        data.persons[data.persons.count - 1] = person
                    }
                }
            }
            try await data.write()
            let answer = try await api.get("indicators/language?from=2026-04&to=2026-06", token: analyst)
            #expect(answer.status == .ok, "\(answer.text)")
            let gained = try Self.table(answer, "levels-gained")
            #expect(Self.cell(gained, row: "worked", column: "2") == "6")
            #expect(Self.cell(gained, row: "worked", column: "3+") == "5")
            #expect(Self.cell(gained, row: "did-not-work", column: "0") == "5")
            // Worked: 32 levels over 21 × 730 days = 0.76 a year; did not: 30 over 20 × 730 days = 0.75.
            #expect(Self.value(answer, "levels-per-year:worked") == 0.76)
            #expect(Self.value(answer, "levels-per-year:did-not-work") == 0.75)
            // Stated as a comparison, not a cause.
            #expect((answer["note"] as? String)?.contains("geen oorzakelijk verband") == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func referralFiguresPerRouteWithMediansAndOverdue(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let analyst = try await api.token("analyst", "stad-gent")
            let fedasil = try await Self.organisation("fedasil-poelkapelle", app)
            let vdab = try await Self.organisation("vdab-ieper", app)
            var data = Data(app: app)
            let sent = CalendarDate(2026, 3, 2)
            // 16 referrals: 6 accepted, 5 refused (3 for motivation, 2 for funding), 5 not decided.
            let contact = [1, 1, 2, 2, 2, 3, 3, 4, 5, 8, 13, 1, 2, 3, 4, 20]
            let decided = [2, 3, 3, 4, 5, 6, 7, 9, 10, 12, 30]
            for index in 0..<16 {
                let person = data.person(owner: fedasil, region: "30000", rightToWork: CalendarDate(2026, 2, 1))
                let decision: ReferralFigures.Decision? = index < 6 ? .accepted : index < 11 ? .refused : nil
                data.referral(person, from: fedasil, to: vdab, sentOn: sent, contactAfter: contact[index], decision: decision,
                              decidedAfter: index < 11 ? decided[index] : nil,
                              reason: index >= 6 && index < 11 ? (index < 9 ? .motivation : .funding) : nil)
            }
            try await data.write()

            let answer = try await api.get("indicators/referrals?from=2026-01&to=2026-03", token: analyst)
            #expect(answer.status == .ok, "\(answer.text)")
            let route = "\(fedasil.uuidString)>\(vdab.uuidString)"
            let decisions = try Self.table(answer, "decisions")
            #expect(Self.cell(decisions, row: route, column: "accepted") == "6")
            #expect(Self.cell(decisions, row: route, column: "refused") == "5")
            #expect(Self.cell(decisions, row: route, column: "undecided") == "5")
            #expect(decisions["total"] as? Int == 16)
            // 6 of the 11 decided: 54.5 %.
            #expect(Self.value(answer, "acceptance-rate") == 54.5)
            // Contact days sorted: 1 1 1 2 2 2 2 3 3 3 4 4 5 8 13 20; nearest rank 8 → 3, rank 15 → 13.
            #expect(Self.value(answer, "days-to-first-contact-median") == 3)
            #expect(Self.value(answer, "days-to-first-contact-p90") == 13)
            // Decision days of the 11: rank 6 → 6, rank 10 → 12.
            #expect(Self.value(answer, "days-to-decision-median") == 6)
            #expect(Self.value(answer, "days-to-decision-p90") == 12)
            // Due 7 days after sending: 4 decided later (9, 10, 12, 30) and the 5 still open are overdue.
            let overdue = try Self.table(answer, "overdue")
            #expect(Self.cell(overdue, row: route, column: "overdue") == "9")
            #expect(Self.cell(overdue, row: route, column: "on-time") == "7")
            // The chain of the agreement Fedasil and VDAB Ieper are party to holds all 16; a chain they are
            // not in holds none of them.
            let agreements = try await AgreementModel.query(on: app.db).with(\.$parties).all()
            let theirs = try #require(agreements.first { Set($0.parties.map(\.$organisation.id)).isSuperset(of: [fedasil, vdab]) })
            let other = try #require(agreements.first { !$0.parties.map(\.$organisation.id).contains(fedasil) })
            let chain = try await api.get("indicators/referrals?from=2026-01&to=2026-03&agreement=\(theirs.id!.uuidString)", token: analyst)
            #expect(try Self.table(chain, "decisions")["total"] as? Int == 16)
            #expect(chain["filter"].flatMap { ($0 as? [String: Any])?["agreementId"] as? String } == theirs.id!.uuidString)
            let elsewhere = try await api.get("indicators/referrals?from=2026-01&to=2026-03&agreement=\(other.id!.uuidString)", token: analyst)
            #expect(try Self.table(elsewhere, "decisions")["total"] as? String == "<5")
            #expect(try await api.get("indicators/referrals?agreement=\(UUID().uuidString)", token: analyst).status == .unprocessableEntity)

            // Refusal reasons: 3 and 2, each fewer than 5; their total of 5 is shown.
            let reasons = try Self.table(answer, "refusal-reasons")
            #expect(Self.cell(reasons, row: "motivation", column: "refused") == "<5")
            #expect(Self.cell(reasons, row: "funding", column: "refused") == "<5")
            #expect(reasons["total"] as? Int == 5)
        }
    }

    /// docs/domain.md#case-002: ten training requests, 7 refused, 2 refused and then started after reconsideration,
    /// 1 started. The reasons table counted the reconsidered ones' first refusals too, so its total (9)
    /// minus the refused (7) gave the withheld 2 back; a cell hidden to protect another read "<5".
    @Test(arguments: TestDatabase.all)
    func trainingTablesAgreeSoNoSubtractionGivesAWithheldCellAndProtectingCellsReadX(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let analyst = try await api.token("analyst", "stad-gent")
            let fedasil = try await Self.organisation("fedasil-poelkapelle", app)
            let school = try await Self.organisation("vdab-ieper", app)
            var data = Data(app: app)
            let sent = CalendarDate(2026, 2, 2)
            for index in 0..<10 {
                let person = data.person(owner: fedasil, region: "30000", rightToWork: CalendarDate(2026, 1, 1))
                switch index {
                case 0..<7:  // refused, and it stood: 5 for motivation, 2 for funding
                    data.referral(person, from: fedasil, to: school, sentOn: sent, contactAfter: 1, decision: .refused, decidedAfter: 3,
                                  reason: index < 5 ? .motivation : .funding, purpose: "training")
                case 7..<9:  // refused for funding, then started after talks
                    data.referral(person, from: fedasil, to: school, sentOn: sent, contactAfter: 1, decision: .refused, decidedAfter: 3,
                                  reason: .funding, purpose: "training", reconsidered: true)
                default:
                    data.referral(person, from: fedasil, to: school, sentOn: sent, contactAfter: 1, decision: .accepted, decidedAfter: 2,
                                  purpose: "training")
                }
            }
            try await data.write()

            let answer = try await api.get("indicators/training?from=2026-01&to=2026-03", token: analyst)
            #expect(answer.status == .ok, "\(answer.text)")
            let decisions = try Self.table(answer, "training-decisions")
            let reasons = try Self.table(answer, "training-refusal-reasons")
            let org = school.uuidString
            #expect(Self.cell(decisions, row: org, column: "refused") == "7")
            #expect(Self.cell(decisions, row: org, column: "refused-then-reconsidered") == "<5")
            #expect(Self.cell(decisions, row: org, column: "accepted") == "<5")
            #expect(decisions["total"] as? Int == 10)
            // The reasons count the refusals that stood: their total is the refused column's.
            let refusedColumn = (decisions["columns"] as? [[String: Any]])?.firstIndex { $0["key"] as? String == "refused" }
            let refusedTotal = try #require(refusedColumn.flatMap { (decisions["columnTotals"] as? [Any])?[$0] as? Int })
            #expect(reasons["total"] as? Int == refusedTotal)
            // 2 for funding is withheld, so 5 for motivation is too: it reads "x", not "<5".
            #expect(Self.cell(reasons, row: "funding", column: "refused") == "<5")
            #expect(Self.cell(reasons, row: "motivation", column: "refused") == "x")

            // No published number of the answer minus another gives a withheld one: the withheld counts
            // are 1 started, 2 reconsidered, 5 and 2 by reason.
            func published(_ table: [String: Any]) -> [Int] {
                let cells = (table["cells"] as? [[Any]] ?? []).joined().compactMap { $0 as? Int }
                let totals = ((table["rowTotals"] as? [Any] ?? []) + (table["columnTotals"] as? [Any] ?? []) + [table["total"] as Any])
                return cells + totals.compactMap { $0 as? Int }
            }
            let numbers = published(decisions) + published(reasons)
            let differences = Set(numbers.flatMap { a in numbers.map { a - $0 } })
            #expect(differences.isDisjoint(with: [1, 2, 5]), "\(numbers)")

            // The CSV carries the same marks and says what they mean.
            let csv = try await api.get("indicators/training/tables/training-refusal-reasons.csv?from=2026-01&to=2026-03", token: analyst)
            #expect(csv.status == .ok)
            #expect(csv.text.contains(",x,x\r\n"), "\(csv.text)")
            #expect(csv.text.hasSuffix("Noot: <5 = minder dan 5 personen (ook 0); x = niet getoond om een ander cijfer te beschermen (5 of meer)\r\n"),
                    "\(csv.text)")

            // The page explains both marks, in Dutch and in English.
            let session = try await FiguresPageTests.browserSession(app, email: "analyst@stad-gent.demo")
            for (language, explanation, note) in [("nl", "niet getoond om een ander cijfer te beschermen", "Noot: <5"),
                                                  ("en", "withheld to protect another figure", "Note: <5")] {
                let user = try #require(try await UserModel.query(on: app.db).filter(\.$email == "analyst@stad-gent.demo").first())
                user.language = language
                try await user.save(on: app.db)
                try await app.testing().test(.GET, "cijfers?from=2026-01&to=2026-03",
                                             beforeRequest: { $0.headers.replaceOrAdd(name: .cookie, value: session) }) { response in
                    #expect(response.status == .ok)
                    #expect(response.body.string.contains(explanation), "\(language)")
                    #expect(response.body.string.contains("<td>x</td>"), "\(language)")
                }
                let english = try await api.get("indicators/training/tables/training-refusal-reasons.csv?from=2026-01&to=2026-03", token: analyst)
                #expect(english.text.contains("\r\n" + note), "\(language): \(english.text)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyCoordinatorsSeeFiguresAndBadFiltersAreNamed(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let counsellor = try await api.token("job-counsellor", "vdab-gent")
            let analyst = try await api.token("analyst", "vdab-gent")
            #expect(try await api.get("indicators/referrals", token: counsellor).status == .forbidden)
            #expect(try await api.get("reports/evaluation", token: counsellor).status == .forbidden)
            let names = try await api.get("indicators", token: analyst)
            #expect(names.list.isEmpty && names.text.contains("\"training\"") && names.text.contains("\"inflow\""), "\(names.text)")
            for (query, field) in [("from=2026-13", "from"), ("from=2026-04&to=2026-01", "to"), ("from=2026-02&to=2026-06", "from"),
                                   ("route=abc", "route"),
                                   ("cohort=right-to-work:2026", "cohort"), ("legalStatus=tourist", "legalStatus"),
                                   ("organisation=nope", "organisation")] {
                let bad = try await api.get("indicators/referrals?\(query)", token: analyst)
                #expect(bad.status == .unprocessableEntity, "\(query)")
                #expect((bad["error"] as? [String: Any])?["field"] as? String == field, "\(query): \(bad.text)")
            }
            let unknown = try await api.get("indicators/happiness", token: analyst)
            #expect(unknown.status == .unprocessableEntity)
            // Every indicator answers on an empty chain, and the report holds all of them.
            let report = try await api.get("reports/evaluation", token: analyst)
            #expect(report.status == .ok, "\(report.text)")
            #expect((report["indicators"] as? [[String: Any]])?.count == Indicators.Name.allCases.count)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aTargetShowsProgressAndThePaceNeeded(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let analyst = try await api.token("analyst", "stad-gent")
            let jobteam = try await Self.organisation("jobteam-gent", app)
            var data = Data(app: app)
            // 12 of the Jobteam's persons started a job in the target's first month; 2 did before it began.
            for index in 0..<14 {
                _ = data.person(owner: jobteam, region: "40000", rightToWork: CalendarDate(2025, 1, 1),
                                firstJob: index < 12 ? CalendarDate(2025, 9, 10).adding(days: index) : CalendarDate(2025, 6, 1))
            }
            try await data.write()
            let bad = try await api.post("targets", token: analyst, ["organisationId": jobteam.uuidString, "title": "Jobteam Gent",
                                                                     "persons": 900, "startsOn": "2025-09-01", "endsOn": "2025-01-01"])
            #expect(bad.status == .unprocessableEntity)
            #expect((bad["error"] as? [String: Any])?["field"] as? String == "endsOn")
            let created = try await api.post("targets", token: analyst, ["organisationId": jobteam.uuidString,
                                                                         "title": "Jobteam Gent: 900 naar werk of opleiding",
                                                                         "persons": 900, "startsOn": "2025-09-01", "endsOn": "2027-08-31"])
            #expect(created.status == .created, "\(created.text)")
            #expect(created["achieved"] as? Int == 12)
            let answer = try await api.get("indicators/targets", token: analyst)
            let target = try #require((answer["targets"] as? [[String: Any]])?.first)
            #expect(target["achieved"] as? Int == 12)
            // 888 still to go in the 344 days (11.30 months of 30.44 days) from 2026-09-21 to 2027-08-31: 78.6 a month.
            #expect(target["neededPerMonth"] as? Double == 78.6)
        }
    }

    /// An analyst sets targets for their own chain only: their organisation and the parties of its agreements in force.
    @Test(arguments: TestDatabase.all)
    func anAnalystSetsTargetsOnlyForTheirOwnChain(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let analyst = try await api.token("analyst", "stad-gent")
            func target(_ slug: String) async throws -> JSONAPI.Answer {
                try await api.post("targets", token: analyst, ["organisationId": try await Self.organisation(slug, app).uuidString,
                                                               "title": "Naar werk of opleiding", "persons": 100,
                                                               "startsOn": "2026-10-01", "endsOn": "2027-09-30"])
            }
            for slug in ["stad-gent", "jobteam-gent", "vdab-gent", "in-gent"] {
                #expect(try await target(slug).status == .created, "\(slug)")
            }
            for slug in ["fedasil-poelkapelle", "vdab-mechelen", "actiris"] {
                let refused = try await target(slug)
                #expect(refused.status == .unprocessableEntity, "\(slug)")
                #expect((refused["error"] as? [String: Any])?["field"] as? String == "organisationId")
            }
            // Another analyst, another chain.
            let mechelen = try await api.token("analyst", "ocmw-mechelen")
            let theirs = try await api.post("targets", token: mechelen, ["organisationId": try await Self.organisation("jobteam-gent", app).uuidString,
                                                                          "title": "x", "persons": 1, "startsOn": "2026-10-01", "endsOn": "2027-09-30"])
            #expect(theirs.status == .unprocessableEntity)
            #expect(try await TargetModel.query(on: app.db).count() == 4)
        }
    }
}

@Suite("Evaluation surveys: answers without identifiers, results in the report")
struct SurveyAPITests {
    @Test(arguments: TestDatabase.all)
    func workersAnswerAnonymouslyAndTheReportShowsOnlyWhatASmallGroupCannotGiveAway(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let worker = try await api.token("social-worker", "fedasil-poelkapelle")
            let analyst = try await api.token("analyst", "stad-gent")
            let form = try await api.get("surveys/frontline-worker", token: worker)
            #expect(form.status == .ok)
            #expect((form["questions"] as? [[String: Any]])?.contains { $0["key"] as? String == "obstacles" } == true)
            // A wrong answer is named by its question.
            let bad = try await api.post("surveys/frontline-worker/responses", token: worker, ["answers": ["chain-went": "7"]])
            #expect(bad.status == .unprocessableEntity)
            #expect((bad["error"] as? [String: Any])?["field"] as? String == "answers.chain-went")
            // Coordinators read figures; they do not fill in the workers' survey.
            #expect(try await api.post("surveys/frontline-worker/responses", token: analyst, ["answers": [:]]).status == .forbidden)

            func answer(_ went: Int, _ tools: String, obstacle: String) async throws {
                let created = try await api.post("surveys/frontline-worker/responses", token: worker, ["answers": [
                    "chain-went": "\(went)", "tools-adequate": tools, "partner-cooperation": "4", "support-enough": "4",
                    "guidance-meets-expectations": "3", "obstacles": obstacle,
                ]])
                #expect(created.status == .created, "\(created.text)")
            }
            for _ in 0..<3 { try await answer(4, "yes", obstacle: "Bel me op 0470 12 34 56 als je vragen hebt") }
            // Three responses: withheld whole.
            var report = try await api.get("reports/evaluation", token: analyst)
            var workers = try #require((report["surveys"] as? [[String: Any]])?.first { $0["audience"] as? String == "frontline-worker" })
            #expect(workers["withheld"] as? Bool == true)
            #expect(workers["responses"] as? String == "<5")
            #expect((workers["questions"] as? [Any])?.isEmpty == true)

            for went in [4, 4, 5] { try await answer(went, "no", obstacle: "Te weinig tijd") }
            report = try await api.get("reports/evaluation", token: analyst)
            workers = try #require((report["surveys"] as? [[String: Any]])?.first { $0["audience"] as? String == "frontline-worker" })
            #expect(workers["responses"] as? Int == 6)
            let questions = try #require(workers["questions"] as? [[String: Any]])
            let went = try #require(questions.first { $0["key"] as? String == "chain-went" })
            // Five 4s and one 5: the 5 is hidden, and so is the rest of what the total would give away.
            #expect((went["counts"] as? [String: Any])?["4"] as? Int == 5)
            #expect((went["counts"] as? [String: Any])?["5"] as? String == "<5")
            #expect(went["mean"] == nil || went["mean"] is NSNull)
            // Open answers come masked and sorted; the phone number never reached the database.
            let obstacles = try #require(questions.first { $0["key"] as? String == "obstacles" }?["answers"] as? [String])
            #expect(obstacles.count == 6 && obstacles.allSatisfy { !$0.contains("0470") })
            let stored = try await SurveyResponseModel.query(on: app.db).all()
            #expect(stored.count == 6 && stored.allSatisfy { !$0.answers.contains("0470") })
        }
    }
}

@Suite("The coordinators' figures page")
struct FiguresPageTests {
    /// Signs in through the form and returns the session cookie.
    static func browserSession(_ app: Application, email: String) async throws -> String {
        var cookie = ""
        var csrf = ""
        try await app.testing().test(.GET, "aanmelden") { response in
            cookie = String(try #require(response.headers.first(name: .setCookie)).split(separator: ";")[0])
            csrf = try #require(AuthTests.hiddenValue("csrf", in: response.body.string))
        }
        try await app.testing().test(.POST, "aanmelden", beforeRequest: { request in
            request.headers.replaceOrAdd(name: .cookie, value: cookie)
            try request.content.encode(["email": email, "password": DemoWorld.password, "csrf": csrf], as: .urlEncodedForm)
        }) { response in
            cookie = String(try #require(response.headers.first(name: .setCookie)).split(separator: ";")[0])
        }
        return cookie
    }

    @Test(arguments: TestDatabase.all)
    func aCoordinatorSeesEveryIndicatorWithChartsTablesAndCSVAndACaseworkerDoesNot(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 60)
            let analyst = try await Self.browserSession(app, email: "analyst@stad-gent.demo")
            try await app.testing().test(.GET, "cijfers?from=2025-10&to=2026-09",
                                         beforeRequest: { $0.headers.replaceOrAdd(name: .cookie, value: analyst) }) { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("<h1>Evaluatie van de ketensamenwerking</h1>"))
                for name in Indicators.Name.allCases { #expect(page.contains("id=\"indicator-\(name.rawValue)\""), "\(name)") }
                #expect(page.contains("<svg"))
                #expect(page.contains("<caption>"))
                #expect(page.contains("href=\"/cijfers/referrals/decisions.csv?from=2025-10&amp;to=2026-09\""))
                #expect(page.contains("id=\"survey-frontline-worker\""))
                // Charts and tables pass the strict Content-Security-Policy: no inline style, no script.
                #expect(!page.contains("style=\"") && !page.contains("<script"))
                #expect(page.contains("<label for=\"region\">Regio</label>"))
            }
            try await app.testing().test(.GET, "cijfers/referrals/decisions.csv?from=2025-10&to=2026-09",
                                         beforeRequest: { $0.headers.replaceOrAdd(name: .cookie, value: analyst) }) { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "csv")
                #expect(response.body.string.hasPrefix(",aanvaard,geweigerd,nog niet beslist,Totaal\r\n"))
            }
            // A period that does not run in whole quarters is refused with the reason, in Dutch.
            try await app.testing().test(.GET, "cijfers?from=2025-11&to=2026-09",
                                         beforeRequest: { $0.headers.replaceOrAdd(name: .cookie, value: analyst) }) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains("De cijfers gaan per kwartaal"))
            }
            let counsellor = try await Self.browserSession(app, email: "job-counsellor@vdab-gent.demo")
            try await app.testing().test(.GET, "cijfers", beforeRequest: { $0.headers.replaceOrAdd(name: .cookie, value: counsellor) }) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
