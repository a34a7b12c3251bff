import Foundation
import SchakelCore

/// Eligibility findings in the reader's language: Dutch worded here from the structured case,
/// English from the domain's own `summary`. Dates as Belgians write them.
enum FindingWording {
    static func text(_ finding: EligibilityFinding, _ language: UILanguage) -> String {
        guard language == .nl else { return finding.summary }
        switch finding {
        case let .ended(on): return "afgelopen op \(on.belgian)"
        case let .alreadyStarted(on): return "de groep startte op \(on.belgian); later instappen kan niet"
        case .noSeatsLeft: return "geen plaatsen meer vrij"
        case let .startsBeforeRightToWork(start, rightToWorkOn):
            return "start op \(start.belgian), maar mag pas werken vanaf \(rightToWorkOn.belgian)"
        case let .noRightToWork(since): return "geen recht op werk sinds \(since.belgian)"
        case let .rightToWorkUnknown(why):
            switch why {
            case .noStatusRecorded: return "recht op werk onbekend: geen verblijfsstatus geregistreerd"
            case .protectionRequestDateMissing: return "recht op werk onbekend: de datum van het beschermingsverzoek ontbreekt"
            case let .statusDoesNotDetermineIt(status):
                return "recht op werk onbekend: status \(status.rawValue) beslist het niet; bekijk de verblijfskaart"
            }
        case let .statusNotAdmitted(status): return "status \(status.rawValue) wordt niet toegelaten"
        case .statusUnknown: return "verblijfsstatus niet geregistreerd; het aanbod laat alleen bepaalde statussen toe"
        case let .dutchTooLow(required, has, since):
            return "vraagt Nederlands \(required.rawValue), heeft \(has.rawValue) sinds \(since.belgian)"
        case let .dutchTooHigh(maximum, has, since):
            return "Nederlands te goed: hoogstens \(maximum.rawValue), heeft \(has.rawValue) sinds \(since.belgian)"
        case let .dutchUnknown(minimum, maximum): return "niveau Nederlands niet geregistreerd; vraagt \(dutchRange(minimum, maximum))"
        case let .educationTooLow(required, has): return "vraagt onderwijsniveau ISCED \(required.rawValue), heeft ISCED \(has.rawValue)"
        case let .educationUnknown(required): return "onderwijsniveau niet geregistreerd; vraagt ISCED \(required.rawValue)"
        case let .diplomaNotRecognised(level, recognition):
            return "vraagt een erkend diploma; het diploma (ISCED \(level.rawValue)) is \(recognitionText(recognition))"
        case let .diplomaRecognitionPending(level): return "de erkenning van het diploma (ISCED \(level.rawValue)) loopt nog"
        case let .scheduleConflict(need, offers):
            let offered = offers.map(scheduleText).joined(separator: ", ")
            switch need {
            case .partTime: return "alleen deeltijds beschikbaar; het aanbod is \(offered)"
            case .outsideWorkingHours: return "werkt overdag; een aanbod 's avonds of in het weekend is nodig, dit is \(offered)"
            }
        case let .missingPrerequisite(prerequisite): return "vraagt " + prerequisiteText(prerequisite)
        case let .prerequisiteUnknown(prerequisite):
            switch prerequisite {
            case .competence: return "competenties niet geregistreerd; vraagt " + prerequisiteText(prerequisite)
            case .experience: return "werkervaring niet geregistreerd; vraagt " + prerequisiteText(prerequisite)
            }
        case let .documentsNeeded(documents): return "mee te brengen documenten: " + documents.joined(separator: ", ")
        case let .fundingToAgree(funding):
            switch funding {
            case .participant: return "de deelnemer betaalt zelf: spreek de financiering af vóór de aanvraag"
            default: return "wie betaalt is niet geregeld (\(funding.rawValue)): vraag het de aanbieder vóór de aanvraag"
            }
        }
    }

    static func dutchRange(_ minimum: CEFRLevel?, _ maximum: CEFRLevel?) -> String {
        switch (minimum, maximum) {
        case let (minimum?, maximum?): return "\(minimum.rawValue) tot \(maximum.rawValue)"
        case let (minimum?, nil): return "\(minimum.rawValue) of hoger"
        case let (nil, maximum?): return "hoogstens \(maximum.rawValue)"
        case (nil, nil): return "geen niveau"
        }
    }

    static func scheduleText(_ schedule: OfferSchedule) -> String {
        switch schedule {
        case .day: return "overdag"
        case .evening: return "'s avonds"
        case .weekend: return "in het weekend"
        case .partTime: return "deeltijds"
        case .selfPaced: return "in eigen tempo"
        }
    }

    static func recognitionText(_ recognition: DiplomaRecognition) -> String {
        switch recognition {
        case .recognised: return "erkend"
        case .pending: return "in aanvraag"
        case .refused: return "niet erkend"
        case .notRequested: return "nog niet aangevraagd"
        case .noDiploma: return "er is geen diploma"
        }
    }

    static func prerequisiteText(_ prerequisite: Prerequisite) -> String {
        switch prerequisite {
        case let .competence(competence): return "competentie \(competence.rawValue)"
        case let .experience(codes, years):
            let occupations = codes.map { code in ISCO08.occupation(code: code).map { "\(code) \($0.nameNL)" } ?? code }
                .joined(separator: " of ")
            return (years <= 1 ? "ervaring als " : "minstens \(years) jaar ervaring als ") + occupations
        }
    }
}

extension FindingWording {
    /// Why an offer fits, in the reader's language (English from the domain's own `summary`).
    static func fit(_ reason: FitReason, _ language: UILanguage) -> String {
        guard language == .nl else { return reason.summary }
        func occupation(_ code: String) -> String { ISCO08.occupation(code: code).map { "\(code) \($0.nameNL)" } ?? code }
        func years(_ count: Int) -> String { "\(count) jaar" }
        func schedules(_ set: OfferSchedules) -> String { set.map { UIText.offerSchedule(.nl, $0) }.joined(separator: ", ") }
        switch reason {
        case let .wishedOccupation(code): return "wil werken als \(occupation(code))"
        case let .relatedToWish(offer, wish): return "\(occupation(offer)) ligt dicht bij de wens \(occupation(wish))"
        case let .experience(code, count): return "\(years(count)) ervaring als \(occupation(code))"
        case let .relatedExperience(offer, code, count):
            return "\(years(count)) ervaring als \(occupation(code)), dicht bij \(occupation(offer))"
        case let .sharedCompetences(competences): return "heeft " + competences.map(\.rawValue).joined(separator: ", ")
        case let .distance(distance, mobility):
            let place: String
            switch distance {
            case .sameMunicipality: place = "in de eigen gemeente"
            case .sameArrondissement: place = "in het eigen arrondissement"
            case .sameProvince: place = "in de eigen provincie"
            case .elsewhere: place = "buiten de eigen provincie"
            }
            let ways: [Mobility: String] = [.publicTransport: "openbaar vervoer", .bicycle: "fiets", .car: "auto", .limited: "beperkt"]
            return "\(place) (vervoer: \(ways[mobility] ?? mobility.rawValue))"
        case let .besideDaytimeWork(set): return "te volgen naast werk overdag: \(schedules(set))"
        case let .fitsAvailability(schedule):
            return schedule == .partTime ? "deeltijds, zoals de persoon nodig heeft" : "\(UIText.offerSchedule(.nl, schedule)), wanneer de persoon beschikbaar is"
        case let .notMarkedAvailable(set): return "alleen \(schedules(set)), wat de persoon niet als beschikbaar aanduidde"
        case let .startsIn(days): return days == 0 ? "kan vandaag starten" : "start over \(days) \(days == 1 ? "dag" : "dagen")"
        case let .seatsLeft(seats): return "\(seats) \(seats == 1 ? "plaats" : "plaatsen") vrij"
        case let .taughtInSpokenLanguage(language, level): return "gegeven in het \(language), dat de persoon spreekt (\(level.rawValue))"
        case let .taughtInUnspokenLanguage(language): return "gegeven in het \(language), dat de persoon voor zover bekend niet spreekt"
        }
    }
}
