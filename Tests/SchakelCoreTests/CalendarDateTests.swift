import Testing
@testable import SchakelCore

@Suite struct CalendarDateTests {
    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2024-04-31", false), ("2024-13-01", false),
        ("2024-1-01", false), ("24-01-01", false), ("2024-01-01T00", false), ("abcd-ef-gh", false), ("2000-02-29", true),
        ("1900-02-29", false),
    ])
    func parsesOnlyRealDays(text: String, valid: Bool) {
        #expect((CalendarDate(iso: text) != nil) == valid)
        if valid { #expect(CalendarDate(iso: text)?.iso == text) }
    }

    @Test func addingMonthsClampsToTheEndOfShorterMonths() {
        #expect(CalendarDate(2023, 10, 31).adding(months: 4) == CalendarDate(2024, 2, 29))
        #expect(CalendarDate(2022, 10, 31).adding(months: 4) == CalendarDate(2023, 2, 28))
        #expect(CalendarDate(2024, 8, 31).adding(months: 4) == CalendarDate(2024, 12, 31))
        #expect(CalendarDate(2024, 9, 30).adding(months: 4) == CalendarDate(2025, 1, 30))
        #expect(CalendarDate(2024, 11, 15).adding(months: 4) == CalendarDate(2025, 3, 15))
    }

    @Test func dayNumbersRoundTripAndCountDays() {
        var day = CalendarDate(1999, 12, 25)
        for _ in 0..<2000 {
            #expect(CalendarDate(dayNumber: day.dayNumber) == day)
            let next = day.adding(days: 1)
            #expect(day < next)
            #expect(day.days(until: next) == 1)
            day = next
        }
        #expect(CalendarDate(1970, 1, 1).dayNumber == 0)
        #expect(CalendarDate(2024, 1, 1).days(until: CalendarDate(2025, 1, 1)) == 366)
    }

    @Test func codesAsISOText() throws {
        let encoded = try JSONEncoder().encode([CalendarDate(2025, 3, 7)])
        #expect(String(decoding: encoded, as: UTF8.self) == "[\"2025-03-07\"]")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data("[\"2025-02-30\"]".utf8)) }
    }
}

import Foundation
