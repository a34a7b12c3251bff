import Fluent
import Foundation
import SchakelCore

/// A number of persons an organisation means to bring to a job or training between two dates.
final class TargetModel: Model, @unchecked Sendable {
    static let schema = "targets"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "title") var title: String
    @Field(key: "persons") var persons: Int
    @Field(key: "starts_on") var startsOn: CalendarDate
    @Field(key: "ends_on") var endsOn: CalendarDate
    @Parent(key: "created_by_user_id") var createdBy: UserModel
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One anonymous survey response: the answers as JSON, the questionnaire's version and the month.
final class SurveyResponseModel: Model, @unchecked Sendable {
    static let schema = "survey_responses"

    @ID(key: .id) var id: UUID?
    @Field(key: "audience") var audience: SurveyAudience
    @Field(key: "version") var version: Int
    /// yyyymm
    @Field(key: "month") var month: Int
    @Field(key: "answers") var answers: String

    init() {}
}
