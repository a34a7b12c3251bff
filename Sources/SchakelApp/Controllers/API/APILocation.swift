import Foundation

/// Where a resource the API just created lives, for the `Location` header of a 201: spelled once, typed by what it
/// names, made like every page link (`SiteURL`).
enum APILocation {
    private static func at(_ segments: any SiteSegment...) -> String {
        SiteURL(segments: ["api", "v1"] + segments).path
    }

    static func person(_ id: UUID) -> String { at("persons", id) }
    static func trajectoryStep(_ step: UUID, of person: UUID) -> String { at("persons", person, "trajectory", "steps", step) }
    static func referral(_ id: UUID) -> String { at("referrals", id) }
    static func caseConference(_ id: UUID) -> String { at("case-conferences", id) }
    static func employerRequest(_ id: UUID) -> String { at("employer-requests", id) }
    static func organisation(_ id: UUID) -> String { at("organisations", id) }
    static func agreement(_ id: UUID) -> String { at("agreements", id) }
}
