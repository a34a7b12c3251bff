import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
@testable import SchakelCore

@Suite("Offers, eligibility and recommendations through the API")
struct OfferAPITests {
    @Test(arguments: TestDatabase.all)
    func theCatalogueFiltersAndRecommendationsKeepToWhatTheReaderMaySee(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let summary = try await Fixtures.demoWorld(app, persons: 200)
            // Three hundred generated offers and the ten of the Mechelen case.
            let total = try await OfferModel.query(on: app.db).count()
            #expect(summary.offers == 300 && total == 310)
            let api = JSONAPI(app: app)
            let vdab = try await api.token("job-counsellor", "vdab-ieper")
            let analyst = try await api.token("analyst", "vdab-ieper")

            // The catalogue, filtered; a filter that is not a code names the field.
            #expect(try await api.get("offers?per=5", token: vdab)["metadata"].flatMap { ($0 as? [String: Any])?["total"] as? Int } == total)
            let evening = try await api.get("offers?schedule=evening&per=100", token: vdab)
            #expect(!evening.items.isEmpty)
            #expect(evening.items.allSatisfy { (($0["offer"] as? [String: Any])?["schedules"] as? [String])?.contains("evening") == true })
            let courses = try await api.get("offers?kind=dutch-course&per=100", token: vdab)
            #expect(courses.items.allSatisfy { ($0["offer"] as? [String: Any])?["kind"] as? String == "dutch-course" })
            let bad = try await api.get("offers?kind=cooking", token: vdab)
            #expect(bad.status == .unprocessableEntity)
            #expect((bad["error"] as? [String: Any])?["field"] as? String == "kind")

            // A person VDAB Ieper may see (shared by the reception centre): offers that fit, none refused, each with reasons.
            let shared = try await api.get("persons?per=100", token: vdab).items.compactMap { $0["id"] as? String }
            let person = try #require(shared.first)
            let fitting = try await api.get("offers?eligibleFor=\(person)&per=100", token: vdab)
            #expect(fitting.status == .ok)
            #expect(fitting.items.allSatisfy { ($0["eligibility"] as? [String: Any])?["verdict"] as? String != "ineligible" })
            let recommended = try await api.get("persons/\(person)/recommendations?limit=10", token: vdab)
            #expect(recommended.status == .ok)
            let totals = recommended.list.compactMap { ($0["fit"] as? [String: Any])?["total"] as? Int }
            #expect(totals == totals.sorted(by: >))
            #expect(recommended.list.allSatisfy { ($0["eligibility"] as? [String: Any])?["verdict"] as? String == "eligible" })
            // Analysts never look at a person, not even through an offer.
            #expect(try await api.get("persons/\(person)/recommendations", token: analyst).status == .forbidden)
            // A person VDAB Ieper may not see is not found, in the filter too.
            let other = try await api.token("social-worker", "ocmw-mechelen")
            let ocmwPerson = try #require(try await api.get("persons?per=1", token: other).items.first?["id"] as? String)
            #expect(try await api.get("persons/\(ocmwPerson)/recommendations", token: vdab).status == .notFound)
            #expect(try await api.get("offers?eligibleFor=\(ocmwPerson)", token: vdab).status == .unprocessableEntity)

            // Candidates for an offer recommended to the person: the person is among them, and only persons the reader may see.
            #expect(shared.count < 100)
            let offer = try #require(recommended.list.first?["offer"] as? [String: Any])
            let candidates = try await api.get("offers/\(offer["id"] as! String)/candidates?includeUnknown=true&limit=100", token: vdab)
            #expect(candidates.status == .ok)
            #expect(candidates.list.contains { $0["personId"] as? String == person })
            let visible = Set(shared)
            #expect(candidates.list.allSatisfy { visible.contains($0["personId"] as? String ?? "") })
        }
    }

    @Test(arguments: TestDatabase.all)
    func aWithheldCategoryMakesTheVerdictUnknownNotIneligible(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let api = JSONAPI(app: app)
            // An offer that needs the right to work and some Dutch: the person has both (applicant since March, Dutch A1).
            let offer = Offer(id: UUID(), providerOrganisationID: try world.organisations[.partnerWithConsent]!.requireID(), kind: .training,
                              title: "Magazijnmedewerker", sector: "logistiek", occupation: "9333", region: "40000", municipality: "44021",
                              schedules: [.day], startsOn: CalendarDate(2026, 10, 5), seats: 12, funding: .vdab,
                              admission: AdmissionRequirements(minDutch: .a1, requiresRightToWork: true))
            try await OfferModel(offer, now: Date()).create(on: app.db)
            func verdict(_ token: String) async throws -> (String?, [String]) {
                let answer = try await api.get("offers?eligibleFor=\(world.personID)", token: token)
                let item = answer.items.first { ($0["offer"] as? [String: Any])?["id"] as? String == offer.id.uuidString }
                let eligibility = item?["eligibility"] as? [String: Any]
                let findings = eligibility?["findings"] as? [[String: Any]] ?? []
                return (eligibility?["verdict"] as? String,
                        findings.compactMap { $0["code"] as? String } + findings.compactMap { $0["summary"] as? String })
            }
            // The owner sees the legal status: eligible.
            #expect(try await verdict(world.tokens[.owner]![.socialWorker]!).0 == "eligible")
            // The partner sees languages but not the legal status: the right to work is unknown to it, not missing.
            let (partnerVerdict, codes) = try await verdict(world.tokens[.partnerWithConsent]![.jobCounsellor]!)
            #expect(partnerVerdict == "unknown")
            #expect(codes.contains("right-to-work-unknown") || codes.contains("status-unknown"))
            // Said in Dutch, the reader's language, in words a counsellor can act on.
            #expect(codes.contains { $0.hasPrefix("recht op werk onbekend") || $0.hasPrefix("verblijfsstatus niet geregistreerd") })
        }
    }
}

@Suite("Offer catalogue as CSV")
struct OfferCSVAPITests {
    static func upload(_ app: Application, _ csv: String, token: String) async throws -> (HTTPStatus, [String: Any]) {
        var result: (HTTPStatus, [String: Any]) = (.internalServerError, [:])
        try await app.testing().test(.POST, "api/v1/offers/import", beforeRequest: { request in
            request.bearer(token)
            request.headers.contentType = HTTPMediaType(type: "text", subType: "csv")
            request.body = ByteBuffer(string: csv)
        }) { response in
            result = (response.status, (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:])
        }
        return result
    }

    static func export(_ app: Application, _ query: String, token: String) async throws -> String {
        var text = ""
        try await app.testing().test(.GET, "api/v1/offers/export\(query)", beforeRequest: { $0.bearer(token) }) { response in
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "csv")
            text = response.body.string
        }
        return text
    }

    @Test(arguments: TestDatabase.all)
    func aProviderLoadsItsOffersAllOrNothingAndTakesThemOutAgain(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let provider = try await api.token("consultant", "leerpunt-opleidingen")
            let before = try await OfferModel.query(on: app.db).count()
            let good = """
                provider,kind,title,sector,occupation,municipality,schedules,starts_on,seats,funding,min_dutch,max_dutch
                leerpunt-opleidingen,training,Magazijnmedewerker,logistiek,9333,12025,evening;weekend,2026-10-05,12,vdab,A2,B2
                leerpunt-opleidingen,training,"Zorgkundige, deeltijds",zorg,5321,12025,part-time,2026-11-02,8,vdab,B1,
                """
            // A bad line stops the whole file, and every problem is named with its line and column.
            let bad = good + "\nleerpunt-opleidingen,cooking,Kok,horeca,,12025,day,2026-13-01,5,vdab,,\n"
            let (status, body) = try await Self.upload(app, bad, token: provider)
            #expect(status == .unprocessableEntity)
            let error = try #require(body["error"] as? [String: Any])
            #expect(error["code"] as? String == "invalid_csv")
            let problems = error["problems"] as? [String] ?? []
            #expect(problems.contains { $0.hasPrefix("line 4, kind") } && problems.contains { $0.hasPrefix("line 4, starts_on") })
            #expect(try await OfferModel.query(on: app.db).count() == before)
            // Another provider's offers are not this provider's to load.
            let other = "provider,kind,title,sector,municipality,schedules,starts_on,seats,funding\nvdab-mechelen,training,Lassen,industrie,12025,day,2026-10-05,8,vdab\n"
            #expect(try await Self.upload(app, other, token: provider).0 == .unprocessableEntity)

            let (loaded, result) = try await Self.upload(app, good, token: provider)
            #expect(loaded == .ok)
            #expect(result["created"] as? Int == 2)
            // Out again, changed, and back in: the same two offers are updated, not doubled.
            let exported = try await Self.export(app, "?provider=leerpunt-opleidingen", token: provider)
            let lines = exported.split(separator: "\n")
            let leerpunt = try #require(UUID(uuidString: try await api.organisationID("leerpunt-opleidingen", token: provider)))
            let own = try await OfferModel.query(on: app.db).filter(\.$provider.$id == leerpunt).count()
            #expect(lines.count == 1 + own)
            #expect(exported.contains("\"Zorgkundige, deeltijds\""))
            let changed = exported.replacingOccurrences(of: "Magazijnmedewerker", with: "Magazijnmedewerker (avond)")
            let (again, counts) = try await Self.upload(app, changed, token: provider)
            #expect(again == .ok)
            #expect(counts["created"] as? Int == 0)
            #expect((counts["updated"] as? Int ?? 0) >= 2)
            #expect(try await OfferModel.query(on: app.db).filter(\.$title == "Magazijnmedewerker (avond)").count() == 1)
            // Seats already taken stay as they are: an import cannot undo them or go below them.
            let magazijn = try #require(try await OfferModel.query(on: app.db).filter(\.$title == "Magazijnmedewerker (avond)").first())
            magazijn.seatsTaken = 2
            try await magazijn.save(on: app.db)
            let oneSeat = changed.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.contains("Magazijnmedewerker (avond)") ? line.replacingOccurrences(of: ",12,", with: ",1,") : String(line)
            }.joined(separator: "\n")
            let (tooFew, tooFewBody) = try await Self.upload(app, oneSeat, token: provider)
            #expect(tooFew == .unprocessableEntity)
            #expect(((tooFewBody["error"] as? [String: Any])?["problems"] as? [String] ?? []).contains { $0.contains("seats: 2 seats are already taken") }, "\(tooFewBody)")
            #expect(try await Self.upload(app, changed, token: provider).0 == .ok)
            #expect(try await OfferModel.find(magazijn.id!, on: app.db)?.seatsTaken == 2)
            // A row cannot take over another provider's offer by naming its id.
            let theirs = try #require(try await OfferModel.query(on: app.db).filter(\.$provider.$id != leerpunt).first())
            let takeover = "id,provider,kind,title,sector,municipality,schedules,starts_on,seats,funding\n"
                + "\(theirs.id!),leerpunt-opleidingen,training,Overgenomen,zorg,12025,day,2026-10-05,8,vdab\n"
            let (taken, why) = try await Self.upload(app, takeover, token: provider)
            #expect(taken == .unprocessableEntity)
            #expect(((why["error"] as? [String: Any])?["problems"] as? [String])?.first?.hasPrefix("line 2, id: the offer") == true)
            #expect(try await OfferModel.find(theirs.id!, on: app.db)?.title == theirs.title)
            // Someone else's export cannot overwrite the provider's offers.
            let vdab = try await api.token("consultant", "vdab-mechelen")
            let (foreign, refusal) = try await Self.upload(app, changed, token: vdab)
            #expect(foreign == .unprocessableEntity)
            #expect(((refusal["error"] as? [String: Any])?["problems"] as? [String] ?? []).allSatisfy { $0.contains("provider") || $0.contains(", id:") })
        }
    }
}

extension OfferCSVAPITests {
    static let header = "provider,kind,title,sector,municipality,schedules,starts_on,seats,funding\n"

    static func rows(_ count: Int, provider: String = "leerpunt-opleidingen", title: String = "Aanbod") -> String {
        header + (0..<count).map { "\(provider),training,\(title) \($0),logistiek,12025,day,2026-10-05,5,vdab\n" }.joined()
    }

    /// Cells a spreadsheet would run come out of the export as text, to every organisation, and an
    /// exported file loads back exactly as the provider typed it.
    @Test(arguments: TestDatabase.all)
    func formulaLikeCellsAreExportedAsTextAndLoadBackAsTyped(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let provider = try await api.token("consultant", "leerpunt-opleidingen")
            let titles = ["=HYPERLINK(\"http://evil.example\",\"klik\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "''=al met apostrof"]
            let file = "provider,kind,title,sector,municipality,schedules,starts_on,seats,funding\n" + titles.map { title in
                "leerpunt-opleidingen,training,\"\(title.replacingOccurrences(of: "\"", with: "\"\""))\",=zorg,12025,day,2026-10-05,5,vdab\n"
            }.joined()
            #expect(try await Self.upload(app, file, token: provider).0 == .ok)
            let stored = Set(try await OfferModel.query(on: app.db).filter(\.$sector == "=zorg").all().map(\.title))
            // A formula-like cell typed with an apostrophe in front loses that one apostrophe, as an export's does (README).
            #expect(stored == Set(titles.map { $0 == "''=al met apostrof" ? "'=al met apostrof" : $0 }))
            let reader = try await api.token("job-counsellor", "vdab-gent")
            for token in [reader, provider] {
                let exported = try await Self.export(app, "", token: token)
                for line in exported.split(separator: "\n").dropFirst() {
                    for cell in CSVLine.split(String(line)) {
                        #expect(!"=+-@\t\r".contains(cell.first ?? " ") || Int(cell) != nil, "\(cell)")
                    }
                }
                #expect(exported.contains("'=zorg"))
            }
            // The provider's own file, out and in again: the same offers, titles as typed.
            let own = try await Self.export(app, "?provider=leerpunt-opleidingen", token: provider)
            let (status, counts) = try await Self.upload(app, own, token: provider)
            #expect(status == .ok)
            #expect(counts["created"] as? Int == 0)
            #expect(Set(try await OfferModel.query(on: app.db).filter(\.$sector == "=zorg").all().map(\.title)) == stored)
        }
    }

    /// No provider gets more offers than the limit: the import that would go over it is refused whole,
    /// naming the limit; updates do not count; parallel imports cannot pass it together.
    @Test(arguments: TestDatabase.all)
    func anImportOverTheProvidersLimitIsRefusedWholeNamingTheLimit(database: TestDatabase) async throws {
        try await withTestApp(database, adjust: { $0.maxOffersPerProvider = 30 }) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let provider = try await api.token("consultant", "leerpunt-opleidingen")
            let leerpunt = try #require(UUID(uuidString: try await api.organisationID("leerpunt-opleidingen", token: provider)))
            let count = { try await OfferModel.query(on: app.db).filter(\.$provider.$id == leerpunt).count() }
            let before = try await count()
            #expect(before < 20)
            let (status, body) = try await Self.upload(app, Self.rows(31 - before), token: provider)
            #expect(status == .unprocessableEntity)
            let error = try #require(body["error"] as? [String: Any])
            #expect(error["field"] as? String == "provider")
            #expect((error["message"] as? String)?.contains("hoogstens 30 aanbiedingen") == true)
            #expect((error["message"] as? String)?.contains("zou leerpunt-opleidingen er 31 hebben") == true)
            #expect(try await count() == before)
            // Up to the limit, then every update of what is there.
            #expect(try await Self.upload(app, Self.rows(25 - before), token: provider).0 == .ok)
            let own = try await Self.export(app, "?provider=leerpunt-opleidingen", token: provider)
            #expect(try await Self.upload(app, own, token: provider).0 == .ok)
            #expect(try await count() == 25)
            // Twenty imports of one offer at once: five fit.
            let answers = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<20 {
                    group.addTask { try await Self.upload(app, Self.rows(1, title: "Parallel \(index)"), token: provider).0 }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(answers.filter { $0 == .ok }.count == 5)
            #expect(answers.allSatisfy { $0 == .ok || $0 == .unprocessableEntity })
            #expect(try await count() == 30)
        }
    }

    /// A file of many rows is written in several statements, all of it.
    @Test(arguments: TestDatabase.all)
    func aLargeFileIsLoadedWhole(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let administrator = try await api.token("administrator", "vdab-gent")
            let before = try await OfferModel.query(on: app.db).count()
            let file = Self.header + (0..<1_234).map { index in
                "\(["leerpunt-opleidingen", "vdab-mechelen", "werkhuis-mechelen"][index % 3]),training,Groot \(index),logistiek,12025,day,2026-10-05,5,vdab\n"
            }.joined()
            let (status, counts) = try await Self.upload(app, file, token: administrator)
            #expect(status == .ok)
            #expect(counts["created"] as? Int == 1_234)
            #expect(try await OfferModel.query(on: app.db).count() == before + 1_234)
            let one = try #require(try await OfferModel.query(on: app.db).filter(\.$title == "Groot 1233").first())
            #expect(one.seatsTaken == 0 && one.regionID == "10000" && one.startsOn == CalendarDate(2026, 10, 5))
            #expect(try one.offer().schedules == [.day])
        }
    }

    /// A file over the import's own limit is answered with that limit, not the API's usual 64 kB.
    @Test(arguments: TestDatabase.all)
    func theImportsTooLargeAnswerNamesItsOwnLimit(database: TestDatabase) async throws {
        try await withTestApp(database, adjust: { $0.maxOfferFileSize = 128 * 1024 }) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let provider = try await api.token("consultant", "leerpunt-opleidingen")
            // Only a running server streams the body and stops at the limit.
            let server = try app.testing(method: .running(hostname: "127.0.0.1", port: Int.random(in: 40000..<50000)))
            try await server.test(.POST, "api/v1/offers/import", beforeRequest: { request in
                request.bearer(provider)
                request.headers.contentType = HTTPMediaType(type: "text", subType: "csv")
                request.body = ByteBuffer(string: Self.rows(3_000))
            }) { response in
                #expect(response.status == .payloadTooLarge)
                #expect(response.body.string.contains("maximum 128 kB"), "\(response.body.string)")
            }
            // Elsewhere the usual limit, named as such.
            try await server.test(.POST, "api/v1/persons", beforeRequest: { request in
                request.bearer(provider)
                request.headers.contentType = .json
                request.body = ByteBuffer(string: "{\"givenName\":\"" + String(repeating: "x", count: 70_000) + "\"}")
            }) { response in
                #expect(response.status == .payloadTooLarge)
                #expect(response.body.string.contains("maximum 64 kB"))
            }
            #expect(BodyLimit.text(4 * 1024 * 1024) == "4 MB")
        }
    }
}

@Suite("Training applications")
struct TrainingApplicationTests {
    @Test(arguments: TestDatabase.all)
    func aSeatIsTakenOnlyWhenThePersonStartsAndTheLastSeatOnlyOnce(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let api = JSONAPI(app: app)
            let owner = world.tokens[.owner]![.socialWorker]!
            let provider = world.tokens[.partnerWithConsent]![.consultant]!
            let providerID = try world.organisations[.partnerWithConsent]!.requireID()
            let offer = Offer(id: UUID(), providerOrganisationID: providerID, kind: .training, title: "Heftruckchauffeur", sector: "logistiek",
                              region: "40000", municipality: "44021", schedules: [.day], startsOn: CalendarDate(2026, 10, 5), seats: 1,
                              funding: .vdab)
            try await OfferModel(offer, now: Date()).create(on: app.db)
            let second = try await PrivacyWorld.createPerson(app, token: owner)
            var applications: [String] = []
            for person in [world.personID, second] {
                _ = try await PrivacyWorld.addConsent(app, token: owner, person: person, recipient: providerID,
                                                      categories: PrivacyWorld.consented, purpose: .training)
                var body: [String: Any] = ["personId": person.uuidString, "toOrganisationId": providerID.uuidString, "purpose": "guidance-to-work",
                                           "reason": "Wil heftruckchauffeur worden.", "offerId": offer.id.uuidString]
                // An application for an offer is a training referral.
                #expect(try await api.post("referrals", token: owner, body).status == .unprocessableEntity)
                body["purpose"] = "training"
                let draft = try await api.post("referrals", token: owner, body)
                #expect(draft.status == .created, "\(draft.text)")
                #expect(draft["offerId"] as? String == offer.id.uuidString)
                applications.append(draft.id)
                for (action, token) in [("send", owner), ("receive", provider), ("accept", provider)] {
                    #expect(try await api.post("referrals/\(draft.id)/\(action)", token: token).status == .ok)
                }
            }
            // Sent and accepted twice: no seat taken yet.
            #expect(try await OfferModel.find(offer.id, on: app.db)?.seatsTaken == 0)
            #expect(try await api.post("referrals/\(applications[0])/start", token: provider).status == .ok)
            #expect(try await OfferModel.find(offer.id, on: app.db)?.seatsTaken == 1)
            // The last seat is gone: the second start is refused and changes nothing.
            let full = try await api.post("referrals/\(applications[1])/start", token: provider)
            #expect(full.status == .unprocessableEntity)
            #expect((full["error"] as? [String: Any])?["field"] as? String == "offerId")
            #expect(try await api.get("referrals/\(applications[1])", token: provider)["state"] as? String == "accepted")
            #expect(try await OfferModel.find(offer.id, on: app.db)?.seatsTaken == 1)
        }
    }
}

@Suite("Eligibility findings in Dutch")
struct FindingWordingTests {
    static let findings: [EligibilityFinding] = [
        .ended(on: CalendarDate(2026, 6, 30)), .alreadyStarted(on: CalendarDate(2026, 9, 1)), .noSeatsLeft,
        .startsBeforeRightToWork(start: CalendarDate(2026, 10, 5), rightToWorkOn: CalendarDate(2026, 11, 15)),
        .noRightToWork(since: CalendarDate(2026, 2, 1)), .rightToWorkUnknown(.noStatusRecorded), .statusNotAdmitted(.refusedApplicant),
        .statusUnknown, .dutchTooLow(required: .b1, has: .a2, since: CalendarDate(2026, 3, 3)),
        .dutchTooHigh(maximum: .b1, has: .c1, since: CalendarDate(2026, 3, 3)), .dutchUnknown(minimum: .a2, maximum: nil),
        .educationTooLow(required: .upperSecondary, has: .primary), .educationUnknown(required: .upperSecondary),
        .diplomaNotRecognised(level: .upperSecondary, recognition: .refused), .diplomaRecognitionPending(level: .upperSecondary),
        .scheduleConflict(needs: .outsideWorkingHours, offers: [.day]), .missingPrerequisite(.experience(anyOf: ["8344"], minimumYears: 2)),
        .prerequisiteUnknown(.competence(.forklift)), .documentsNeeded(["rijbewijs"]), .fundingToAgree(.participant),
    ]

    @Test(arguments: findings)
    func everyFindingIsSaidInDutchWithBelgianDates(finding: EligibilityFinding) {
        let dutch = FindingWording.text(finding, .nl)
        #expect(!dutch.isEmpty)
        #expect(dutch != finding.summary)
        #expect(FindingWording.text(finding, .en) == finding.summary)
        #expect(!dutch.contains("2026-"))
    }

    @Test func theCaseExampleReadsAsACounsellorWouldSayIt() {
        #expect(FindingWording.text(.dutchTooLow(required: .b1, has: .a2, since: CalendarDate(2026, 3, 3)), .nl)
                == "vraagt Nederlands B1, heeft A2 sinds 03/03/2026")
        #expect(FindingWording.text(.scheduleConflict(needs: .outsideWorkingHours, offers: [.day]), .nl)
                == "werkt overdag; een aanbod 's avonds of in het weekend is nodig, dit is overdag")
    }
}
