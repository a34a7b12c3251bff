import Foundation
import SchakelCore
import Vapor

/// A submitted form's fields, read strictly: an empty field is absent, a value that is not a date, a number in
/// range or one of the allowed codes is a field error naming the field.
struct FormValues {
    let values: [String: String]

    init(_ values: [String: String]) { self.values = values }

    func text(_ name: String) -> String? {
        let value = (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    func date(_ name: String) throws -> CalendarDate? {
        guard let value = text(name) else { return nil }
        guard let date = CalendarDate(iso: value) else { throw SchakelError.validation(field: name, reason: Strings.notADate) }
        return date
    }

    func integer(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
        guard let value = text(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw SchakelError.validation(field: name, reason: Strings.notAnInteger, arguments: [String(range.lowerBound), String(range.upperBound)])
        }
        return number
    }

    func choice<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let value = text(name) else { return nil }
        guard let parsed = T(rawValue: value) else { throw SchakelError.validation(field: name, reason: Strings.wrongType) }
        return parsed
    }
}

/// The errors found while reading a submitted form, one per field (the first found stands), in the reader's
/// language: parse errors and the API's own checks together, so the form shows every problem at once.
struct FormErrors {
    let language: UILanguage
    private(set) var messages: [String: String] = [:]

    init(_ language: UILanguage) { self.language = language }

    var isEmpty: Bool { messages.isEmpty }

    mutating func note(_ field: String, _ message: String) {
        if messages[field] == nil { messages[field] = message }
    }

    /// What `parse` reads, or nil with the field's error noted; a required field left empty is an error too.
    mutating func read<T>(_ field: String, required: Bool = false, _ parse: () throws -> T?) -> T? {
        do {
            let value = try parse()
            if value == nil, required { note(field, Strings.empty(language)) }
            return value
        } catch let error as SchakelError {
            note(field, error.message(language))
        } catch {
            note(field, Strings.wrongType(language))
        }
        return nil
    }

    /// Problems the API's checks found, under the form's own field names.
    mutating func note(_ problems: [FieldProblem], field rename: (String) -> String = { $0 }) {
        for problem in problems { note(rename(problem.field), problem.error.message(language)) }
    }
}
