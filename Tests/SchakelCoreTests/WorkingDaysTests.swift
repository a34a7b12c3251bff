import Foundation
import Testing
@testable import SchakelCore

/// Independent reference computations, so that the properties below do not check the code against itself.
private enum Oracle {
    /// ISO weekday (1 Monday … 7 Sunday) by Sakamoto's method.
    static func weekday(_ date: CalendarDate) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = date.month < 3 ? date.year - 1 : date.year
        let sundayBased = (y + y / 4 - y / 100 + y / 400 + offsets[date.month - 1] + date.day) % 7
        return sundayBased == 0 ? 7 : sundayBased
    }

    /// Easter Sunday by Knuth's algorithm (TAOCP 1.3.2, exercise 14), a different route from the anonymous Gregorian one.
    static func easter(_ year: Int) -> CalendarDate {
        let golden = year % 19 + 1
        let century = year / 100 + 1
        let skippedLeapYears = 3 * century / 4 - 12
        let moonCorrection = (8 * century + 5) / 25 - 5
        let sunday = 5 * year / 4 - skippedLeapYears - 10
        var epact = (11 * golden + 20 + moonCorrection - skippedLeapYears) % 30
        if (epact == 25 && golden > 11) || epact == 24 { epact += 1 }
        var fullMoon = 44 - epact
        if fullMoon < 21 { fullMoon += 30 }
        let day = fullMoon + 7 - (sunday + fullMoon) % 7
        return day > 31 ? CalendarDate(year, 4, day - 31) : CalendarDate(year, 3, day)
    }

    static func holidays(_ year: Int) -> Set<CalendarDate> {
        let easter = easter(year)
        let fixed = [(1, 1), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25)].map { CalendarDate(year, $0.0, $0.1) }
        return Set(fixed + [easter.adding(days: 1), easter.adding(days: 39), easter.adding(days: 50)])
    }

    static func isWorkingDay(_ date: CalendarDate) -> Bool {
        weekday(date) <= 5 && !holidays(date.year).contains(date)
    }
}

@Suite struct WorkingDaysTests {
    // MARK: Weekdays

    @Test(arguments: [("2026-11-23", 1), ("1970-01-01", 4), ("2000-02-29", 2), ("1969-12-31", 3), ("2026-04-04", 6),
                      ("2026-04-05", 7), ("1600-01-01", 6), ("2024-12-25", 3), ("0001-01-01", 1), ("9999-12-31", 5)])
    func weekdayOfKnownDates(iso: String, weekday: Int) throws {
        let date = try #require(CalendarDate(iso: iso))
        #expect(date.weekday == weekday)
    }

    @Test func weekdayAgreesWithTheGregorianCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var random = SeededGenerator(seed: 0x7EE4DA1)
        for _ in 0..<3000 {
            let date = CalendarDate(dayNumber: random.int(in: CalendarDate(1700, 1, 1).dayNumber...CalendarDate(2400, 12, 31).dayNumber))
            let components = DateComponents(calendar: calendar, year: date.year, month: date.month, day: date.day, hour: 12)
            guard let instant = calendar.date(from: components) else {
                Issue.record("Foundation cannot make \(date)")
                continue
            }
            // Foundation counts 1 = Sunday … 7 = Saturday.
            let foundation = calendar.component(.weekday, from: instant)
            #expect(date.weekday == (foundation + 5) % 7 + 1, "\(date)")
            #expect(date.weekday == Oracle.weekday(date), "\(date)")
        }
    }

    @Test func weekdaysCycleMondayToSundayAcrossTheEpochAndCenturies() {
        for start in [CalendarDate(1969, 12, 1), CalendarDate(1899, 12, 20), CalendarDate(2099, 12, 20), CalendarDate(1599, 12, 20)] {
            var day = start
            for _ in 0..<100 {
                let next = day.adding(days: 1)
                #expect((1...7).contains(day.weekday))
                #expect(next.weekday == day.weekday % 7 + 1, "\(day) → \(next)")
                day = next
            }
        }
    }

    // MARK: Easter and public holidays

    @Test(arguments: [("2024-03-31", 2024), ("2025-04-20", 2025), ("2026-04-05", 2026), ("2027-03-28", 2027), ("2000-04-23", 2000),
                      ("2008-03-23", 2008), ("2011-04-24", 2011), ("1818-03-22", 1818), ("1943-04-25", 1943), ("2038-04-25", 2038),
                      ("2285-03-22", 2285)])
    func easterSundayOfKnownYears(iso: String, year: Int) {
        #expect(WorkingDays.easterSunday(year).iso == iso)
    }

    @Test func easterAgreesWithKnuthAndIsASundayInItsWindow() {
        for year in 1583...4099 {
            let easter = WorkingDays.easterSunday(year)
            #expect(easter == Oracle.easter(year), "\(year)")
            #expect(easter.weekday == 7, "\(year)")
            #expect(easter.year == year && CalendarDate(year, 3, 22) <= easter && easter <= CalendarDate(year, 4, 25), "\(year)")
        }
    }

    @Test func theTenBelgianPublicHolidaysOf2026() {
        let expected: Set<CalendarDate> = [
            CalendarDate(2026, 1, 1), CalendarDate(2026, 4, 6), CalendarDate(2026, 5, 1), CalendarDate(2026, 5, 14),
            CalendarDate(2026, 5, 25), CalendarDate(2026, 7, 21), CalendarDate(2026, 8, 15), CalendarDate(2026, 11, 1),
            CalendarDate(2026, 11, 11), CalendarDate(2026, 12, 25),
        ]
        #expect(WorkingDays.publicHolidays(in: 2026) == expected)
        // Holidays on a weekday are not working days; on 15 August (a Saturday) and 1 November (a Sunday) it is the weekend anyway.
        for holiday in expected { #expect(!WorkingDays.isWorkingDay(holiday), "\(holiday)") }
        #expect(CalendarDate(2026, 8, 15).weekday == 6 && CalendarDate(2026, 11, 1).weekday == 7)
    }

    @Test func whenAscensionFallsOnLabourDayTheYearHasNineHolidayDates() {
        // Easter on 23 March 2008 put Ascension on 1 May.
        let holidays = WorkingDays.publicHolidays(in: 2008)
        #expect(holidays.count == 9)
        #expect(holidays.contains(CalendarDate(2008, 5, 1)) && holidays.contains(CalendarDate(2008, 5, 12)))
    }

    @Test func publicHolidaysAgreeWithTheReferenceEveryYear() {
        for year in 1900...2300 {
            let holidays = WorkingDays.publicHolidays(in: year)
            #expect(holidays == Oracle.holidays(year), "\(year)")
            #expect(holidays.allSatisfy { $0.year == year })
            let easter = WorkingDays.easterSunday(year)
            #expect(easter.adding(days: 1).weekday == 1 && easter.adding(days: 39).weekday == 4 && easter.adding(days: 50).weekday == 1)
            #expect(holidays.count == (easter.adding(days: 39) == CalendarDate(year, 5, 1) ? 9 : 10), "\(year)")
        }
    }

    @Test(arguments: [("2026-04-03", true), ("2026-04-04", false), ("2026-04-05", false), ("2026-04-06", false), ("2026-04-07", true),
                      ("2026-05-14", false), ("2026-05-15", true), ("2026-07-21", false), ("2026-11-11", false), ("2026-11-12", true),
                      ("2026-12-24", true), ("2026-12-25", false), ("2027-01-01", false), ("2026-11-23", true)])
    func workingDaysOfKnownDates(iso: String, working: Bool) throws {
        #expect(WorkingDays.isWorkingDay(try #require(CalendarDate(iso: iso))) == working)
    }

    // MARK: Adding working days

    @Test(arguments: [
        ("2026-11-20", 1, "2026-11-23"),  // Friday + 1 → Monday, over the weekend
        ("2026-11-21", 1, "2026-11-23"),  // from a Saturday
        ("2026-11-22", 0, "2026-11-22"),  // zero days: the day itself, even a Sunday
        ("2026-11-10", 1, "2026-11-12"),  // over Armistice (Wednesday 11 November)
        ("2026-04-03", 4, "2026-04-10"),  // Friday before Easter: Monday 6 April is a holiday
        ("2026-04-03", 5, "2026-04-13"),  // … so the fifth working day is the Monday after
        ("2026-05-13", 1, "2026-05-15"),  // over Ascension (Thursday 14 May)
        ("2026-12-23", 3, "2026-12-29"),  // over Christmas (Friday 25 December) and a weekend
        ("2026-12-30", 2, "2027-01-04"),  // over New Year (Friday 1 January 2027) and a weekend
        ("2026-11-23", 10, "2026-12-07"), // two plain weeks
    ])
    func addingWorkingDays(start: String, count: Int, result: String) throws {
        let date = try #require(CalendarDate(iso: start))
        #expect(WorkingDays.adding(count, to: date).iso == result)
    }

    @Test(arguments: 0..<4)
    func addingLandsOnAWorkingDayWithExactlyThatManyWorkingDaysInBetween(chunk: Int) {
        var random = SeededGenerator(seed: 0xDA75 &+ UInt64(chunk))
        let first = CalendarDate(1990, 1, 1).dayNumber, last = CalendarDate(2100, 12, 31).dayNumber
        for _ in 0..<750 {
            // Bias towards the end of the year and around Easter, where the holidays cluster.
            let date: CalendarDate
            switch random.below(3) {
            case 0: date = CalendarDate(random.int(in: 1990...2100), 12, random.int(in: 15...31))
            case 1: date = WorkingDays.easterSunday(random.int(in: 1990...2100)).adding(days: random.int(in: -10...55))
            default: date = CalendarDate(dayNumber: random.int(in: first...last))
            }
            let count = random.int(in: 1...40)
            let result = WorkingDays.adding(count, to: date)
            #expect(result > date)
            #expect(Oracle.isWorkingDay(result), "\(count) working days after \(date) is \(result)")
            var workingDaysBetween = 0
            var day = date.adding(days: 1)
            while day <= result {
                if Oracle.isWorkingDay(day) { workingDaysBetween += 1 }
                day = day.adding(days: 1)
            }
            #expect(workingDaysBetween == count, "\(count) working days after \(date) is \(result)")
            // One more working day is the next working day after the result.
            #expect(WorkingDays.adding(count + 1, to: date) == WorkingDays.adding(1, to: result))
            #expect(WorkingDays.adding(0, to: date) == date)
        }
    }

    // MARK: Response deadlines

    @Test func aReferralIsOverdueOnlyWhileSentAndOnlyAfterItsDueDay() {
        // Sent on the Friday before Easter with five working days for first contact: due Monday 13 April.
        let deadline = ResponseDeadline(sentOn: CalendarDate(2026, 4, 3), workingDays: 5)
        #expect(deadline.due == CalendarDate(2026, 4, 13))
        #expect(!deadline.isOverdue(state: .sent, today: CalendarDate(2026, 4, 3)))
        #expect(!deadline.isOverdue(state: .sent, today: CalendarDate(2026, 4, 10)))
        #expect(!deadline.isOverdue(state: .sent, today: CalendarDate(2026, 4, 13)))
        #expect(deadline.isOverdue(state: .sent, today: CalendarDate(2026, 4, 14)))
        #expect(deadline.isOverdue(state: .sent, today: CalendarDate(2027, 1, 1)))
        for state in ReferralState.allCases where state != .sent {
            #expect(!deadline.isOverdue(state: state, today: CalendarDate(2026, 4, 14)), "\(state)")
        }
    }

    @Test(arguments: 0..<2)
    func overdueProperty(chunk: Int) {
        var random = SeededGenerator(seed: 0x0DE4D7E &+ UInt64(chunk))
        for _ in 0..<1000 {
            let sentOn = CalendarDate(dayNumber: random.int(in: CalendarDate(2020, 1, 1).dayNumber...CalendarDate(2030, 12, 31).dayNumber))
            let deadline = ResponseDeadline(sentOn: sentOn, workingDays: random.int(in: 1...20))
            let due = deadline.due
            #expect(Oracle.isWorkingDay(due) && due > sentOn)
            let today = due.adding(days: random.int(in: -30...30))
            for state in ReferralState.allCases {
                let overdue = deadline.isOverdue(state: state, today: today)
                #expect(overdue == (state == .sent && today.days(until: due) < 0), "\(state) sent \(sentOn) due \(due) today \(today)")
            }
            // Never overdue on the due day itself; always the day after, while still waiting.
            #expect(!deadline.isOverdue(state: .sent, today: due))
            #expect(deadline.isOverdue(state: .sent, today: due.adding(days: 1)))
        }
    }
}
