import Foundation
import Plot
import SchakelCore
import Vapor

/// The printable profile of a warm hand-over (docs/domain.md#warm-hand-over: the case manager explains a digital
/// profile in a meeting). It shows exactly the snapshot the access rule lets travel, and names what it withholds.
struct HandOverProfilePage {
    let language: UILanguage
    let person: PersonDTO
    let fromOrganisation: String
    let toOrganisation: String
    let purpose: Purpose
    let meetings: [HandOverMeetingDTO]
    let printedOn: CalendarDate

    func render() -> Response {
        let t = language
        let name = [person.givenName, person.familyName].compactMap { $0 }.joined(separator: " ")
        return Layout(title: Strings.profileTitle(t), language: t, header: nil, isDemo: false).render(
            .article(
                .class("profile"),
                .h1(.text(Strings.profileTitle(t))),
                .p(.class("profile-route"), .text(Strings.profileRoute.filled(t, fromOrganisation, toOrganisation, purpose.rawValue))),
                .dl(.class("facts"),
                    .dt(.text(Strings.profileReference(t))), .dd(.text(person.reference)),
                    .if(!name.isEmpty, .group(.dt(.text(Strings.profileName(t))), .dd(.text(name)))),
                    .unwrap(person.birthDate) { .group(.dt(.text(Strings.profileBirthDate(t))), .dd(.text($0.belgian))) },
                    .unwrap(person.countryOfOrigin) { .group(.dt(.text(Strings.profileCountry(t))), .dd(.text($0))) },
                    .unwrap(person.phone) { .group(.dt(.text(Strings.profilePhone(t))), .dd(.text($0))) },
                    .unwrap(person.email) { .group(.dt(.text(Strings.profileEmail(t))), .dd(.text($0))) },
                    .unwrap(person.rightToWork?.date) { .group(.dt(.text(Strings.profileRightToWork(t))), .dd(.text($0.belgian))) }),
                .unwrap(person.languages) { languages in
                    .section(.h2(.text(Strings.profileLanguages(t))),
                             .ul(.forEach(languages) { skill in
                                 .li(.text("\(skill.language): \(skill.level.rawValue) (\(skill.assessedOn.belgian))"))
                             }))
                },
                .unwrap(person.workExperience) { experience in
                    .section(.h2(.text(Strings.profileExperience(t))),
                             .ul(.forEach(experience) { record in
                                 let occupation = ISCO08.occupation(code: record.occupation)
                                 let label = occupation.map { t == .nl ? $0.nameNL : $0.nameEN } ?? record.occupation
                                 return .li(.text("\(label): \(record.years) \(Strings.profileYears(t)), \(record.country)"))
                             }))
                },
                .unwrap(person.education) { education in
                    .section(.h2(.text(Strings.profileEducation(t))),
                             .ul(.forEach(education) { record in
                                 .li(.text("ISCED \(record.level.rawValue): \(record.field), \(record.country)"))
                             }))
                },
                .if(!person.withheld.isEmpty,
                    .section(.class("withheld"), .h2(.text(Strings.profileWithheld(t))),
                             .p(.text(Strings.profileWithheldExplained(t))),
                             .ul(.forEach(person.withheld) { item in .li(.text(item.category.rawValue)) }))),
                .if(!meetings.isEmpty,
                    .section(.h2(.text(Strings.profileMeeting(t))),
                             .forEach(meetings) { meeting in
                                 .div(.class("meeting"),
                                      .p(.strong(.text(meeting.heldOn.belgian)), .text(meeting.participants.map { " · \($0)" } ?? "")),
                                      .unwrap(meeting.notes) { .p(.text($0)) })
                             })),
                .p(.class("printed"), .text(Strings.profilePrinted.filled(t, printedOn.belgian)))
            )
        )
    }
}

extension CalendarDate {
    /// Day/month/year, as dates are written in Belgium.
    var belgian: String { String(format: "%02d/%02d/%04d", day, month, year) }
}
