import Foundation
import SchakelCore

/// Free text from a form or a request body: trimmed, empty meaning "not given", and never longer
/// than its field allows (422 naming the field).
enum FreeText {
    /// Notes, reasons, answers: the limit the referral state machine sets for its texts.
    static let maxLength = ReferralStateMachine.maxTextLength

    static func optional(_ value: String?, field: String, max: Int = maxLength) throws -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        guard trimmed.count <= max else { throw SchakelError.validation(field: field, reason: Strings.tooLong, arguments: ["\(max)"]) }
        return trimmed
    }

    static func required(_ value: String?, field: String, max: Int = maxLength) throws -> String {
        guard let text = try optional(value, field: field, max: max) else { throw SchakelError.validation(field: field, reason: Strings.empty) }
        return text
    }
}
