/// Working days in Belgium: Monday to Friday, without the ten legal public holidays. Response
/// deadlines on agreement routes ("first contact within N working days") count these.
public enum WorkingDays {
    /// The legal public holidays of a year: New Year, Easter Monday, Labour Day, Ascension, Whit Monday,
    /// National Day (21 July), Assumption, All Saints, Armistice (11 November) and Christmas.
    public static func publicHolidays(in year: Int) -> Set<CalendarDate> {
        let easter = easterSunday(year)
        return [
            CalendarDate(year, 1, 1), easter.adding(days: 1), CalendarDate(year, 5, 1), easter.adding(days: 39),
            easter.adding(days: 50), CalendarDate(year, 7, 21), CalendarDate(year, 8, 15), CalendarDate(year, 11, 1),
            CalendarDate(year, 11, 11), CalendarDate(year, 12, 25),
        ]
    }

    public static func isWorkingDay(_ date: CalendarDate) -> Bool {
        date.weekday <= 5 && !publicHolidays(in: date.year).contains(date)
    }

    /// The date `count` working days after `date` (the day itself not counted); `count` ≥ 0.
    public static func adding(_ count: Int, to date: CalendarDate) -> CalendarDate {
        var day = date
        var left = max(0, count)
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year, month, day)
    }
}

/// The first-contact deadline of a sent referral.
public struct ResponseDeadline: Hashable, Sendable {
    public var sentOn: CalendarDate
    public var workingDays: Int

    public init(sentOn: CalendarDate, workingDays: Int) {
        self.sentOn = sentOn
        self.workingDays = workingDays
    }

    /// The last day on which first contact (receiving the referral) is on time.
    public var due: CalendarDate { WorkingDays.adding(workingDays, to: sentOn) }

    /// A referral is overdue while it still waits for first contact after its due day.
    public func isOverdue(state: ReferralState, today: CalendarDate) -> Bool {
        state == .sent && today > due
    }
}
