/// How far an offer is from where the person lives.
///
/// A proxy: the reference data has no coordinates, so the distance is read from the structure of
/// the NIS (REFNIS) codes. The first two digits name the arrondissement (12 Mechelen, 44 Gent),
/// the first digit the province, except that 2x is split into Brussels (21), Flemish Brabant (23,
/// 24) and Walloon Brabant (25). Neighbours across an arrondissement border count as farther than
/// they are; that is the price of not having coordinates.
public enum DistanceClass: String, CaseIterable, Codable, Sendable, Comparable {
    case sameMunicipality = "same-municipality"
    case sameArrondissement = "same-arrondissement"
    case sameProvince = "same-province"
    case elsewhere

    public static func < (lhs: DistanceClass, rhs: DistanceClass) -> Bool { lhs.order < rhs.order }

    private var order: Int {
        switch self {
        case .sameMunicipality: return 0
        case .sameArrondissement: return 1
        case .sameProvince: return 2
        case .elsewhere: return 3
        }
    }

    /// Between two municipalities' NIS codes; a code that is not five digits is "elsewhere".
    public static func between(_ home: String, _ place: String) -> DistanceClass {
        between(fiveDigits(home), place)
    }

    static func between(_ home: Int?, _ place: String) -> DistanceClass {
        guard let a = home, let b = fiveDigits(place) else { return .elsewhere }
        if a == b { return .sameMunicipality }
        if a / 1000 == b / 1000 { return .sameArrondissement }
        return province(a) == province(b) ? .sameProvince : .elsewhere
    }

    static func province(_ nis: Int) -> Int {
        let arrondissement = nis / 1000
        // Brussels (21) and Walloon Brabant (25) split off from 2x; Flemish Brabant (23, 24) stays 2.
        switch arrondissement {
        case 21, 25: return arrondissement
        default: return arrondissement / 10
        }
    }

    static func fiveDigits(_ code: String) -> Int? {
        var value = 0, count = 0
        for byte in code.utf8 {
            guard byte >= 48, byte <= 57, count < 5 else { return nil }
            value = value * 10 + Int(byte - 48)
            count += 1
        }
        return count == 5 ? value : nil
    }
}

/// One reason an offer fits a person (or does not quite), with the facts behind it.
public enum FitReason: Equatable, Sendable {
    /// The offer leads to an occupation the person wishes.
    case wishedOccupation(String)
    /// The same ISCO-08 sub-major group as a wish (cook and kitchen helper are neighbours there).
    case relatedToWish(offer: String, wish: String)
    case experience(occupation: String, years: Int)
    case relatedExperience(offer: String, experience: String, years: Int)
    case sharedCompetences([Competence])
    case distance(DistanceClass, mobility: Mobility)
    /// Evening, weekend or self-paced: can be followed beside daytime work (docs/domain.md#offers-and-eligibility).
    case besideDaytimeWork(OfferSchedules)
    /// An evening or weekend the person marked as available, or part-time for someone part-time only.
    case fitsAvailability(OfferSchedule)
    /// Only in the evening or at the weekend, and the person marked neither as available.
    case notMarkedAvailable(OfferSchedules)
    case startsIn(days: Int)
    case seatsLeft(Int)
    case taughtInSpokenLanguage(String, CEFRLevel)
    case taughtInUnspokenLanguage(String)

    public var summary: String {
        switch self {
        case let .wishedOccupation(code): return "wishes to work as \(FitReason.occupation(code))"
        case let .relatedToWish(offer, wish):
            return "\(FitReason.occupation(offer)) is close to the wish \(FitReason.occupation(wish))"
        case let .experience(code, years): return "\(years) \(years == 1 ? "year" : "years") of experience as \(FitReason.occupation(code))"
        case let .relatedExperience(offer, code, years):
            return "\(years) \(years == 1 ? "year" : "years") of experience as \(FitReason.occupation(code)), close to \(FitReason.occupation(offer))"
        case let .sharedCompetences(competences): return "has " + competences.map(\.rawValue).joined(separator: ", ")
        case let .distance(distance, mobility):
            let place: String
            switch distance {
            case .sameMunicipality: place = "in the home municipality"
            case .sameArrondissement: place = "in the home arrondissement"
            case .sameProvince: place = "in the home province"
            case .elsewhere: place = "outside the home province"
            }
            return "\(place) (mobility: \(mobility.rawValue))"
        case let .besideDaytimeWork(schedules): return "fits beside daytime work: \(schedules)"
        case let .fitsAvailability(schedule):
            return schedule == .partTime ? "part-time, as the person needs" : "\(schedule.rawValue), when the person is available"
        case let .notMarkedAvailable(schedules): return "only \(schedules), which the person did not mark as available"
        case let .startsIn(days): return days == 0 ? "can start today" : "starts in \(days) \(days == 1 ? "day" : "days")"
        case let .seatsLeft(seats): return "\(seats) \(seats == 1 ? "seat" : "seats") left"
        case let .taughtInSpokenLanguage(language, level): return "taught in \(language), which the person speaks (\(level.rawValue))"
        case let .taughtInUnspokenLanguage(language): return "taught in \(language), which the person does not speak as far as recorded"
        }
    }

    static func occupation(_ code: String) -> String {
        ISCO08.occupation(code: code).map { "\(code) \($0.nameEN)" } ?? code
    }
}

/// How well an offer fits a person, as points per component (higher is better) and the reasons.
/// Integer points, so that equal fits are exactly equal and ties are broken by rule, not by rounding.
public struct FitScore: Equatable, Sendable {
    /// 30 for an offer in a wished occupation, 12 for one in the same ISCO sub-major group.
    public var wishes: Int = 0
    /// 15 + 2 per year (up to 5) in the offer's occupation; 6 + 1 per year for a related one.
    public var experience: Int = 0
    /// 5 per competence the offer uses that the person has, up to 15.
    public var competences: Int = 0
    /// 20 in the home municipality, less farther away; how much less depends on mobility.
    public var distance: Int = 0
    /// +10 beside daytime work, +3/+3/+4 for a marked evening, weekend or part-time, −10 when
    /// only at times the person did not mark.
    public var schedule: Int = 0
    /// 10 within two weeks, down to 0 after six months.
    public var start: Int = 0
    /// 5 with five or more seats left, 3 with two to four, 1 with the last one.
    public var seats: Int = 0
    /// +5 taught in a language the person speaks at B1 or better, −10 in one not on record.
    public var language: Int = 0
    public var distanceClass: DistanceClass = .elsewhere
    /// In the order of the components above.
    public var reasons: [FitReason] = []

    public init() {}

    public var total: Int { wishes + experience + competences + distance + schedule + start + seats + language }
}

// MARK: - The one scoring walk

enum FitScoring {
    /// The fit of `offer` for the person. Reasons are written only when `reasons` is not nil
    /// (optional chaining does not even build them otherwise), so that scans can score without
    /// writing a single reason and only the results returned get them.
    @inline(__always)
    static func score(_ person: inout PersonProfile, _ facts: PersonFacts, _ offer: inout Offer, today: CalendarDate,
                      reasons sink: inout [FitReason]?) -> FitScore {
        var score = FitScore()

        // Wishes and experience: the same ISCO-08 unit group, or the same sub-major group (two digits).
        if let offerCode = offer.occupation, let offerNumber = isco(offerCode) {
            var related: String? = nil
            for wish in person.jobWishes {
                guard let number = isco(wish) else { continue }
                if number == offerNumber { score.wishes = 30; related = nil; break }
                if related == nil, number / 100 == offerNumber / 100 { score.wishes = 12; related = wish }
            }
            if score.wishes == 30 { sink?.append(.wishedOccupation(offerCode)) }
            if let related { sink?.append(.relatedToWish(offer: offerCode, wish: related)) }

            var exactYears = 0, relatedYears = 0
            var relatedCode: String? = nil
            for record in person.workExperience {
                guard let number = isco(record.occupation) else { continue }
                if number == offerNumber {
                    exactYears = max(exactYears, max(1, record.years))
                } else if number / 100 == offerNumber / 100, record.years > relatedYears {
                    relatedYears = record.years
                    relatedCode = record.occupation
                }
            }
            if exactYears > 0 {
                score.experience = 15 + 2 * min(exactYears, 5)
                sink?.append(.experience(occupation: offerCode, years: exactYears))
            } else if let relatedCode {
                score.experience = 6 + min(relatedYears, 5)
                sink?.append(.relatedExperience(offer: offerCode, experience: relatedCode, years: relatedYears))
            }
        }

        // Competences the offer uses that the person has.
        if !offer.competences.isEmpty, !person.competences.isEmpty {
            var shared = 0
            for competence in offer.competences where person.competences.contains(competence) { shared += 1 }
            if shared > 0 {
                score.competences = min(15, 5 * shared)
                sink?.append(.sharedCompetences(offer.competences.filter(person.competences.contains)))
            }
        }

        // Distance, weighed by how the person gets around.
        let distance = DistanceClass.between(facts.homeNIS, offer.municipality)
        let mobility = person.constraints.mobility
        score.distanceClass = distance
        score.distance = distancePoints(distance, mobility)
        sink?.append(.distance(distance, mobility: mobility))

        // Schedule.
        let start = offer.effectiveStart(today: today)
        let schedules = offer.schedules
        let availability = person.availability
        if offer.kind.isFollowedBesideWork, facts.worksDuringTheDay(on: start) {
            let fitting = schedules.intersection(ScheduleNeed.outsideWorkingHours.metBy)
            if !fitting.isEmpty {
                score.schedule = 10
                sink?.append(.besideDaytimeWork(fitting))
            }
        } else {
            if availability.evenings, schedules.contains(.evening) {
                score.schedule += 3
                sink?.append(.fitsAvailability(.evening))
            }
            if availability.weekends, schedules.contains(.weekend) {
                score.schedule += 3
                sink?.append(.fitsAvailability(.weekend))
            }
            if availability.partTimeOnly, schedules.containsAny(of: ScheduleNeed.partTime.metBy) {
                score.schedule += 4
                sink?.append(.fitsAvailability(.partTime))
            }
            if !schedules.isEmpty, !schedules.containsAny(of: [.day, .partTime, .selfPaced]),
               !(availability.evenings && schedules.contains(.evening)),
               !(availability.weekends && schedules.contains(.weekend)) {
                score.schedule -= 10
                sink?.append(.notMarkedAvailable(schedules))
            }
        }

        // Sooner is better; an offer already open counts from today.
        let days = start.dayNumber - facts.todayNumber
        switch days {
        case ...14: score.start = 10
        case ...30: score.start = 8
        case ...60: score.start = 6
        case ...90: score.start = 4
        case ...180: score.start = 2
        default: score.start = 0
        }
        sink?.append(.startsIn(days: days))

        let left = offer.seatsLeft
        score.seats = left >= 5 ? 5 : left >= 2 ? 3 : left == 1 ? 1 : 0
        sink?.append(.seatsLeft(left))

        // Language of instruction, when it is not Dutch (Dutch has its own admission rules).
        let language = offer.instructionLanguage
        if language != "nl" {
            var best: CEFRLevel? = nil
            for skill in person.languages where skill.language == language {
                let level = skill.isMotherTongue ? CEFRLevel.c2 : skill.level
                if best.map({ $0.fastRank < level.fastRank }) ?? true { best = level }
            }
            if let best {
                if best.fastRank >= CEFRLevel.b1.fastRank { score.language = 5 }
                sink?.append(.taughtInSpokenLanguage(language, best))
            } else {
                score.language = -10
                sink?.append(.taughtInUnspokenLanguage(language))
            }
        }
        return score
    }

    static func scoreWithReasons(_ person: inout PersonProfile, _ facts: PersonFacts, _ offer: inout Offer,
                                 today: CalendarDate) -> FitScore {
        var reasons: [FitReason]? = []
        var fit = score(&person, facts, &offer, today: today, reasons: &reasons)
        fit.reasons = reasons ?? []
        return fit
    }

    static func distancePoints(_ distance: DistanceClass, _ mobility: Mobility) -> Int {
        switch (distance, mobility) {
        case (.sameMunicipality, _): return 20
        case (.sameArrondissement, .car): return 16
        case (.sameArrondissement, .limited): return 6
        case (.sameArrondissement, _): return 12
        case (.sameProvince, .car): return 10
        case (.sameProvince, .limited): return 0
        case (.sameProvince, _): return 6
        case (.elsewhere, .car): return 4
        case (.elsewhere, .limited): return -10
        case (.elsewhere, _): return 0
        }
    }

    /// A four-digit ISCO-08 code as a number (7212), without allocating.
    @inline(__always)
    static func isco(_ code: String) -> Int? {
        var value = 0, count = 0
        for byte in code.utf8 {
            guard byte >= 48, byte <= 57, count < 4 else { return nil }
            value = value * 10 + Int(byte - 48)
            count += 1
        }
        return count == 4 ? value : nil
    }
}
