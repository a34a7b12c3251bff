import Foundation
import Testing
@testable import SchakelCore

@Suite struct StandardQuestionnaireTests {
    @Test(arguments: SurveyAudience.allCases)
    func keysAreUniqueAndEveryQuestionSpeaksBothLanguages(audience: SurveyAudience) {
        let questionnaire = Questionnaire.standard(for: audience)
        #expect(questionnaire.audience == audience)
        #expect(questionnaire.version == 1)
        let keys = questionnaire.questions.map(\.key)
        #expect(Set(keys).count == keys.count)
        for question in questionnaire.questions {
            #expect(!question.key.isEmpty && !question.key.contains(" "))
            #expect(!question.text.dutch.isEmpty && !question.text.english.isEmpty)
            #expect(question.text.dutch != question.text.english)
        }
    }

    @Test func frontlineWorkersAreAskedTheEvaluationQuestions() {
        let questionnaire = Questionnaire.frontlineWorkers
        // The guide of docs/domain.md#case-004, step 7, word for word where it does not speak of the test phase.
        let verbatim: [(String, String)] = [
            ("content-changes", "Zijn er inhoudelijke aanpassingen die jullie willen voorstellen?"),
            ("obstacles", "Welke obstakels kwamen jullie tegen?"),
            ("tools-adequate", "Zijn de aangeboden tools adequaat om het gewenste doel te bereiken?"),
            ("tools-needed", "Indien nee, wat is er nodig?"),
            ("partner-cooperation", "Hoe verloopt de samenwerking met de partners?"),
            ("guidance-meets-expectations", "Voldoet de aangeboden begeleiding aan de verwachtingen van de doelgroep?"),
        ]
        for (key, dutch) in verbatim {
            #expect(questionnaire.question(key)?.text.dutch == dutch)
        }
        #expect(questionnaire.question("chain-went")?.kind == .scale(.poorToGood))
        #expect(questionnaire.question("chain-went-comment")?.kind == .openText(maxLength: 2000))
        #expect(questionnaire.question("tools-adequate")?.kind == .yesNo)
        #expect(questionnaire.question("partner-cooperation")?.kind == .scale(.poorToGood))
        #expect(questionnaire.question("support-enough")?.kind == .scale(.notAtAllToCompletely))
        #expect(questionnaire.question("guidance-meets-expectations")?.kind == .scale(.notAtAllToCompletely))
        // "Indien nee" follows the question it refers to.
        let keys = questionnaire.questions.map(\.key)
        #expect(keys.firstIndex(of: "tools-needed") == keys.firstIndex(of: "tools-adequate")! + 1)
    }

    @Test func clientsAreAskedAboutQuestionsAndReferralInPlainDutch() {
        let questionnaire = Questionnaire.clients
        #expect(questionnaire.question("asking-information")?.text.dutch
                == "Wat vond u van de manier waarop informatie aan u gevraagd werd?")
        #expect(questionnaire.question("same-questions-twice")?.text.dutch
                == "Moest u dezelfde vragen meerdere keren beantwoorden?")
        #expect(questionnaire.question("same-questions-twice")?.kind == .yesNo)
        #expect(questionnaire.question("asking-information")?.kind == .scale(.poorToGood))
        #expect(questionnaire.question("referral")?.kind == .scale(.poorToGood))
        #expect(questionnaire.question("referral-comment")?.isRequired == false)
        // Plain words: no jargon a newcomer would have to look up.
        for question in questionnaire.questions {
            for jargon in ["doorverwezen", "doelgroep", "ketensamenwerking", "adequaat"] {
                #expect(!question.text.dutch.contains(jargon))
            }
        }
    }

    @Test func scalesRunFromNotAtAllToCompletely() {
        #expect(SurveyQuestionKind.scaleValues == 1...5)
        #expect(ScaleAnchors.notAtAllToCompletely.low == SurveyWording(dutch: "helemaal niet", english: "not at all"))
        #expect(ScaleAnchors.notAtAllToCompletely.high == SurveyWording(dutch: "helemaal", english: "completely"))
    }

    @Test(arguments: SurveyAudience.allCases)
    func openQuestionsAreOptionalTheOthersRequired(audience: SurveyAudience) {
        for question in Questionnaire.standard(for: audience).questions {
            if case .openText = question.kind { #expect(!question.isRequired) } else { #expect(question.isRequired) }
        }
    }

    @Test func anAnswerCarriesNothingButTheQuestionAndTheValue() {
        // By design: no person, user, organisation or time on an answer.
        let labels = Mirror(reflecting: SurveyAnswer(key: "obstacles", value: .text("x"))).children.map(\.label)
        #expect(labels == ["key", "value"])
    }
}

/// A complete, valid frontline-worker form.
private func workerForm(_ changes: [String: String] = [:]) -> [String: String] {
    var form = ["chain-went": "4", "chain-went-comment": "", "content-changes": "  Een kortere screening.  ",
                "obstacles": "\n", "tools-adequate": "no", "tools-needed": "Een gedeelde agenda",
                "partner-cooperation": "5", "support-enough": "3", "guidance-meets-expectations": "2"]
    form.merge(changes) { $1 }
    return form
}

@Suite struct SurveyValidationTests {
    @Test func aCompleteFormGivesAnswersInQuestionOrderWithEmptyOpenAnswersDropped() throws {
        let answers = try Questionnaire.frontlineWorkers.validate(workerForm()).get()
        #expect(answers == [
            SurveyAnswer(key: "chain-went", value: .scale(4)),
            SurveyAnswer(key: "content-changes", value: .text("Een kortere screening.")),
            SurveyAnswer(key: "tools-adequate", value: .yesNo(false)),
            SurveyAnswer(key: "tools-needed", value: .text("Een gedeelde agenda")),
            SurveyAnswer(key: "partner-cooperation", value: .scale(5)),
            SurveyAnswer(key: "support-enough", value: .scale(3)),
            SurveyAnswer(key: "guidance-meets-expectations", value: .scale(2)),
        ])
    }

    @Test func leftOutOptionalQuestionsAreFine() throws {
        let answers = try Questionnaire.clients.validate(["asking-information": "1", "referral": " 5 ", "same-questions-twice": "YES"]).get()
        #expect(answers == [
            SurveyAnswer(key: "asking-information", value: .scale(1)),
            SurveyAnswer(key: "referral", value: .scale(5)),
            SurveyAnswer(key: "same-questions-twice", value: .yesNo(true)),
        ])
    }

    @Test(arguments: [
        ("chain-went", "0", SurveyProblemReason.notOnScale),
        ("chain-went", "6", .notOnScale),
        ("chain-went", "3.5", .notOnScale),
        ("chain-went", "vier", .notOnScale),
        ("tools-adequate", "ja", .notYesOrNo),
        ("tools-adequate", "true", .notYesOrNo),
        ("support-enough", "", .missingRequired),
        ("guidance-meets-expectations", " \n ", .missingRequired),
        ("obstacles", String(repeating: "a", count: 2001), .tooLong),
        ("respondent", "Jan", .unknownKey),
    ])
    func eachProblemNamesTheKeyAndTheReason(key: String, value: String, reason: SurveyProblemReason) {
        let result = Questionnaire.frontlineWorkers.validate(workerForm([key: value]))
        #expect(result == .failure(SurveyProblems([SurveyProblem(key: key, reason: reason)])))
    }

    @Test func aMissingRequiredFieldIsMissing() {
        var form = workerForm()
        form["partner-cooperation"] = nil
        #expect(Questionnaire.frontlineWorkers.validate(form)
                == .failure(SurveyProblems([SurveyProblem(key: "partner-cooperation", reason: .missingRequired)])))
    }

    @Test func allProblemsAreReportedAtOnceInQuestionOrderThenUnknownKeys() {
        let result = Questionnaire.clients.validate(["same-questions-twice": "maybe", "zz": "1", "asking-information": "9",
                                                     "aa": "", "referral-comment": String(repeating: "é", count: 2001)])
        #expect(result == .failure(SurveyProblems([
            SurveyProblem(key: "asking-information", reason: .notOnScale),
            SurveyProblem(key: "referral", reason: .missingRequired),
            SurveyProblem(key: "referral-comment", reason: .tooLong),
            SurveyProblem(key: "same-questions-twice", reason: .notYesOrNo),
            SurveyProblem(key: "aa", reason: .unknownKey),
            SurveyProblem(key: "zz", reason: .unknownKey),
        ])))
    }

    @Test func theLengthLimitCountsCharactersAfterTrimming() throws {
        let longest = String(repeating: "é", count: 2000)
        let answers = try Questionnaire.frontlineWorkers.validate(workerForm(["obstacles": "  \(longest)\n"])).get()
        #expect(answers.contains(SurveyAnswer(key: "obstacles", value: .text(longest))))
    }

    @Test func openAnswersAreRedactedBeforeTheyAreStored() throws {
        let answers = try Questionnaire.frontlineWorkers.validate(workerForm(["obstacles": "Bel mij op 0470 12 34 56"])).get()
        #expect(answers.contains(SurveyAnswer(key: "obstacles", value: .text("Bel mij op […]"))))
    }
}

@Suite struct SurveyRedactionTests {
    @Test(arguments: [
        ("Mail jan.peeters+fedasil@example.be aub", "Mail […] aub"),
        ("Bel 0470 12 34 56.", "Bel […]."),
        ("gsm 0470/12.34.56 of 0470123456", "gsm […] of […]"),
        ("tel +32 470 12 34 56", "tel […]"),
        ("tel +32 (0)9 123 45 67", "tel […]"),
        ("tel 0032 2 123 45 67", "tel […]"),
        ("vast 09 123 45 67 of 02/123.45.67", "vast […] of […]"),
        ("Syrisch nummer +963 944 123 456", "Syrisch nummer […]"),
        ("RRN 85.07.30-033.28", "RRN […]"),
        ("RRN 85073003328", "RRN […]"),
        ("dossier 1234567 en kaart 123456", "dossier […] en kaart […]"),
        ("رقمي ٠٤٧٠١٢٣٤٥٦", "رقمي […]"),
    ])
    func masksContactDetailsAndNumbers(text: String, expected: String) {
        #expect(SurveyText.redactLikelyIdentifiers(text) == expected)
    }

    @Test(arguments: [
        "In 2024 kwamen 12 mensen naar 9000 Gent.",
        "Sinds 01.02.2024 gaat het beter, 3 keer per week NT2 (niveau A2).",
        "Fijne samenwerking met VDAB en IN-Gent: 10/10!",
        "Opleiding van 2023-2024, 38 uur per week.",
    ])
    func leavesOrdinaryTextAlone(text: String) {
        #expect(SurveyText.redactLikelyIdentifiers(text) == text)
    }
}

/// One worker's response, as stored; nil leaves a question unanswered.
private func response(chainWent: Int?, toolsAdequate: Bool?, toolsNeeded: String? = nil, partners: Int? = nil,
                      obstacles: String? = nil) -> [SurveyAnswer] {
    var answers: [SurveyAnswer] = []
    if let chainWent { answers.append(SurveyAnswer(key: "chain-went", value: .scale(chainWent))) }
    if let toolsAdequate { answers.append(SurveyAnswer(key: "tools-adequate", value: .yesNo(toolsAdequate))) }
    if let toolsNeeded { answers.append(SurveyAnswer(key: "tools-needed", value: .text(toolsNeeded))) }
    if let partners { answers.append(SurveyAnswer(key: "partner-cooperation", value: .scale(partners))) }
    if let obstacles { answers.append(SurveyAnswer(key: "obstacles", value: .text(obstacles))) }
    return answers
}

@Suite struct SurveyResultsTests {
    /// Seven responses: chain-went 4,4,4,4,4,5,2; tools 5 yes, 2 no; partners answered by 4 only.
    let seven: [[SurveyAnswer]] = [
        response(chainWent: 4, toolsAdequate: true, partners: 5, obstacles: "Te weinig tijd"),
        response(chainWent: 4, toolsAdequate: true, partners: 4),
        response(chainWent: 4, toolsAdequate: false, toolsNeeded: "Een gedeelde agenda", partners: 4,
                 obstacles: "Anderstalige formulieren"),
        response(chainWent: 4, toolsAdequate: true, partners: 3),
        response(chainWent: 4, toolsAdequate: true, obstacles: "Te weinig tijd")
            + [SurveyAnswer(key: "question-of-an-older-version", value: .scale(1))],
        response(chainWent: 5, toolsAdequate: true),
        response(chainWent: 2, toolsAdequate: false, toolsNeeded: "Betere handleiding"),
    ]

    @Test func sevenResponsesAreSummarisedWithSmallCountsSuppressed() throws {
        let results = SurveyResults.summarise(questionnaire: .frontlineWorkers, responses: seven)
        #expect(!results.isWithheld)
        #expect(results.responses == .value(7))
        #expect(results.audience == .frontlineWorker && results.version == 1)
        #expect(results.questions.map(\.question.key) == Questionnaire.frontlineWorkers.questions.map(\.key))

        guard case let .scale(counts, answered, mean) = results.summary(for: "chain-went") else {
            Issue.record("chain-went is not a scale")
            return
        }
        #expect(counts == [1: .suppressed, 2: .suppressed, 3: .suppressed, 4: .value(5), 5: .suppressed])
        #expect(answered == .value(7))
        // No mean of 7 answers: 27 / 7 beside five 4s would give away that the other two are a 2 and a 5.
        #expect(mean == nil)

        // 5 yes and 2 no: the 2 is hidden, and so is the 5 ("x": 5 or more), or 7 − 5 would give it away.
        #expect(results.summary(for: "tools-adequate") == .yesNo(yes: .withheld, no: .suppressed, answered: .value(7)))
        // Four answers: everything under the threshold, and no mean.
        #expect(results.summary(for: "partner-cooperation") == .scale(
            counts: [1: .suppressed, 2: .suppressed, 3: .suppressed, 4: .suppressed, 5: .suppressed],
            answered: .suppressed, mean: nil))
        // Nobody answered: zero is suppressed like any small count.
        #expect(results.summary(for: "support-enough") == .scale(
            counts: [1: .suppressed, 2: .suppressed, 3: .suppressed, 4: .suppressed, 5: .suppressed],
            answered: .suppressed, mean: nil))
        #expect(results.summary(for: "tools-needed") == .openText(["Betere handleiding", "Een gedeelde agenda"]))
        #expect(results.summary(for: "obstacles") == .openText(["Anderstalige formulieren", "Te weinig tijd", "Te weinig tijd"]))
        #expect(results.summary(for: "content-changes") == .openText([]))
        #expect(results.summary(for: "question-of-an-older-version") == nil)
    }

    @Test func theOrderOfResponsesDoesNotShow() {
        let forward = SurveyResults.summarise(questionnaire: .frontlineWorkers, responses: seven)
        let backward = SurveyResults.summarise(questionnaire: .frontlineWorkers, responses: seven.reversed())
        #expect(forward == backward)
    }

    @Test func threeResponsesAreWithheld() {
        let results = SurveyResults.summarise(questionnaire: .frontlineWorkers, responses: Array(seven.prefix(3)))
        #expect(results.isWithheld)
        #expect(results.responses == .suppressed)
        #expect(results.questions.isEmpty)
        #expect(results.summary(for: "obstacles") == nil)
    }

    @Test func fiveResponsesAreEnoughButTheMeanNeedsTen() throws {
        let results = SurveyResults.summarise(questionnaire: .frontlineWorkers, responses: Array(seven.prefix(5)))
        #expect(!results.isWithheld)
        #expect(results.responses == .value(5))
        guard case let .scale(_, answered, mean) = results.summary(for: "chain-went") else {
            Issue.record("chain-went is not a scale")
            return
        }
        // All five answered 4: with the 5 withheld as "x" (5 or more), a total of 5 would still pin it
        // (and every "<5" to 0), so the total is withheld too.
        #expect(answered == .withheld)
        #expect(mean == nil)
        let ten = SurveyResults.summarise(questionnaire: .frontlineWorkers, responses: seven + Array(seven.prefix(3)))
        guard case let .scale(_, _, tenMean) = ten.summary(for: "chain-went") else {
            Issue.record("chain-went is not a scale")
            return
        }
        // The seven (27) and the first three again (4 + 4 + 4): 39 / 10.
        #expect(tenMean == 3.9)
    }

    @Test func noResponsesAreWithheldToo() {
        let results = SurveyResults.summarise(questionnaire: .clients, responses: [])
        #expect(results.isWithheld && results.responses == .suppressed && results.questions.isEmpty)
    }

    @Test func aSuppressedCountReadsLessThanFive() {
        #expect(SurveyCount(0) == .suppressed)
        #expect(SurveyCount(4) == .suppressed)
        #expect(SurveyCount(5) == .value(5))
        #expect(SurveyCount(4).description == "<5")
        #expect(SurveyCount(12).description == "12")
    }
}
