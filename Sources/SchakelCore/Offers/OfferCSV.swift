import Foundation

/// The offer catalogue as CSV, so a provider can load its offers and take them out again.
///
/// One header row (any column order), then one offer per line; lists inside a cell are separated by
/// `;`. A file with any bad row loads nothing: every problem is reported with its line and column.
/// Cells cannot hold line breaks. The columns are documented in the README. Cells are written and
/// read by `CSVCell`: a text a spreadsheet would run as a formula is exported with an apostrophe in
/// front, and that apostrophe is taken off again on import.
public enum OfferCSV {
    public typealias Problem = MunicipalityCSV.Problem
    public typealias ProblemList = MunicipalityCSV.ProblemList

    public static let columns = [
        "id", "provider", "kind", "title", "sector", "occupation", "competences", "municipality", "schedules", "starts_on", "ends_on",
        "seats", "seats_taken", "funding", "instruction_language", "min_dutch", "max_dutch", "min_education",
        "requires_recognised_diploma", "requires_right_to_work", "allowed_statuses", "prerequisite_competences",
        "prerequisite_experience", "prerequisite_years", "required_documents",
    ]
    /// Columns a file must have; the others may be left out (and then mean "none").
    public static let requiredColumns = ["provider", "kind", "title", "sector", "municipality", "schedules", "starts_on", "seats", "funding"]

    /// `providers`: organisation slug → id, of the organisations the importer may load offers for.
    /// `municipalities`: NIS code → region NIS code. `foreignIDs`: offers of other providers, which a
    /// row may not overwrite. `seatsTaken`: seats already taken in existing offers, which a row's
    /// `seats` may not go below.
    public static func parse(_ text: String, providers: [String: UUID], municipalities: [String: String],
                             foreignIDs: Set<UUID> = [], seatsTaken: [UUID: Int] = [:],
                             newID: () -> UUID = UUID.init) -> Result<[Offer], ProblemList> {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while let last = lines.last, last.trimmingWhitespace().isEmpty { lines.removeLast() }
        guard let header = lines.first else {
            return .failure(ProblemList([Problem(line: 1, field: "header", reason: "the file is empty")]))
        }
        let names = CSVLine.split(header).map { $0.trimmingWhitespace().lowercased() }
        var problems: [Problem] = []
        for name in requiredColumns where !names.contains(name) {
            problems.append(Problem(line: 1, field: name, reason: "column missing from the header"))
        }
        for name in names where !columns.contains(name) {
            problems.append(Problem(line: 1, field: name, reason: "unknown column (known: \(columns.joined(separator: ", ")))"))
        }
        guard problems.isEmpty else { return .failure(ProblemList(problems)) }
        let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

        var offers: [Offer] = []
        var seenIDs: [UUID: Int] = [:]
        for (offset, line) in lines.dropFirst().enumerated() {
            let number = offset + 2
            if line.trimmingWhitespace().isEmpty { continue }
            let cells = CSVLine.split(line)
            var row = Row(number: number, cells: cells, index: index)
            let offer = row.offer(providers: providers, municipalities: municipalities, newID: newID)
            if let offer, let first = seenIDs[offer.id] {
                row.problems.append(Problem(line: number, field: "id", reason: "\(offer.id) already on line \(first)"))
            }
            if let offer, let taken = seatsTaken[offer.id], offer.seats < taken {
                row.problems.append(Problem(line: number, field: "seats", reason: "\(taken) seats are already taken"))
            }
            if let offer, foreignIDs.contains(offer.id) {
                row.problems.append(Problem(line: number, field: "id", reason: "the offer \(offer.id) belongs to another provider"))
            }
            problems += row.problems
            if let offer, row.problems.isEmpty {
                seenIDs[offer.id] = number
                offers.append(offer)
            }
        }
        return problems.isEmpty ? .success(offers) : .failure(ProblemList(problems))
    }

    /// The catalogue as CSV with every column, in the order of `columns`; `slugs` names the providers.
    public static func render(_ offers: [Offer], slugs: [UUID: String]) -> String {
        var text = columns.joined(separator: ",") + "\n"
        for offer in offers {
            let a = offer.admission
            let cells: [String] = [
                offer.id.uuidString.lowercased(), slugs[offer.providerOrganisationID] ?? offer.providerOrganisationID.uuidString,
                offer.kind.rawValue, offer.title, offer.sector, offer.occupation ?? "", offer.competences.map(\.rawValue).joined(separator: ";"),
                offer.municipality, offer.schedules.map(\.rawValue).joined(separator: ";"), offer.startsOn.iso, offer.endsOn?.iso ?? "",
                String(offer.seats), String(offer.seatsTaken), offer.funding.rawValue, offer.instructionLanguage,
                a.minDutch?.rawValue ?? "", a.maxDutch?.rawValue ?? "", a.minEducation.map { String($0.rawValue) } ?? "",
                a.requiresRecognisedDiploma ? "yes" : "no", a.requiresRightToWork ? "yes" : "no",
                (a.allowedStatuses ?? []).map(\.rawValue).sorted().joined(separator: ";"),
                a.prerequisites.competences.map(\.rawValue).joined(separator: ";"), a.prerequisites.experienceInAnyOf.joined(separator: ";"),
                a.prerequisites.isEmpty ? "" : String(a.prerequisites.minimumYears), a.requiredDocuments.joined(separator: ";"),
            ]
            text += cells.map(CSVCell.field).joined(separator: ",") + "\n"
        }
        return text
    }

    /// One line being read: its cells by column, and what is wrong with it.
    struct Row {
        let number: Int
        let cells: [String]
        let index: [String: Int]
        var problems: [Problem] = []

        init(number: Int, cells: [String], index: [String: Int]) {
            self.number = number
            self.cells = cells
            self.index = index
        }

        /// The cell as the person meant it: the apostrophe an export put before a formula-like text is taken off.
        func cell(_ name: String) -> String {
            guard let position = index[name], position < cells.count else { return "" }
            return CSVCell.restored(cells[position].trimmingWhitespace()).trimmingWhitespace()
        }

        mutating func problem(_ field: String, _ reason: String) { problems.append(Problem(line: number, field: field, reason: reason)) }

        mutating func required(_ name: String) -> String? {
            let value = cell(name)
            if value.isEmpty { problem(name, "required") }
            return value.isEmpty ? nil : value
        }

        mutating func code<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type, required: Bool = false) -> T? where T.RawValue == String {
            let value = cell(name)
            if value.isEmpty {
                if required { problem(name, "required") }
                return nil
            }
            guard let parsed = T(rawValue: value) else {
                problem(name, "unknown value '\(value)' (allowed: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            return parsed
        }

        mutating func codes<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) -> [T] where T.RawValue == String {
            list(name).compactMap { value in
                guard let parsed = T(rawValue: value) else {
                    problem(name, "unknown value '\(value)' (allowed: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
                    return nil
                }
                return parsed
            }
        }

        func list(_ name: String) -> [String] {
            cell(name).split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }

        mutating func date(_ name: String, required: Bool = false) -> CalendarDate? {
            let value = cell(name)
            if value.isEmpty {
                if required { problem(name, "required") }
                return nil
            }
            guard let date = CalendarDate(iso: value) else {
                problem(name, "not a date as YYYY-MM-DD: '\(value)'")
                return nil
            }
            return date
        }

        mutating func integer(_ name: String, range: ClosedRange<Int>, default value: Int? = nil) -> Int? {
            let text = cell(name)
            if text.isEmpty {
                if value == nil { problem(name, "required") }
                return value
            }
            guard let number = Int(text), range.contains(number) else {
                problem(name, "a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
                return nil
            }
            return number
        }

        mutating func flag(_ name: String) -> Bool {
            switch cell(name).lowercased() {
            case "", "no", "false", "0", "nee": return false
            case "yes", "true", "1", "ja": return true
            case let other:
                problem(name, "yes or no, got '\(other)'")
                return false
            }
        }

        mutating func offer(providers: [String: UUID], municipalities: [String: String], newID: () -> UUID) -> Offer? {
            var id = newID()
            let idText = cell("id")
            if !idText.isEmpty {
                if let parsed = UUID(uuidString: idText) { id = parsed } else { problem("id", "not a UUID: '\(idText)'") }
            }
            var provider: UUID?
            if let slug = required("provider") {
                provider = providers[slug]
                if provider == nil { problem("provider", "'\(slug)' is not an organisation you may load offers for") }
            }
            let kind = code("kind", OfferKind.self, required: true)
            let title = required("title")
            if let title, title.count > 200 { problem("title", "at most 200 characters") }
            let sector = required("sector")
            let occupation = cell("occupation")
            if !occupation.isEmpty, !ISCO08.isValidCode(occupation) { problem("occupation", "not an ISCO-08 code: '\(occupation)'") }
            let competences = codes("competences", Competence.self)
            var region: String?
            if let municipality = required("municipality") {
                region = municipalities[municipality]
                if region == nil { problem("municipality", "unknown NIS code '\(municipality)'") }
            }
            let schedules = codes("schedules", OfferSchedule.self)
            if schedules.isEmpty && cell("schedules").isEmpty { problem("schedules", "required") }
            let startsOn = date("starts_on", required: true)
            let endsOn = date("ends_on")
            if let startsOn, let endsOn, endsOn < startsOn { problem("ends_on", "before starts_on") }
            let seats = integer("seats", range: 0...100_000)
            let taken = integer("seats_taken", range: 0...100_000, default: 0)
            if let seats, let taken, taken > seats { problem("seats_taken", "more than the \(seats) seats") }
            let funding = code("funding", OfferFunding.self, required: true)
            let language = cell("instruction_language").isEmpty ? "nl" : cell("instruction_language").lowercased()
            if language.count != 2 || !language.allSatisfy(\.isLetter) { problem("instruction_language", "a two-letter language code") }
            let minDutch = code("min_dutch", CEFRLevel.self)
            let maxDutch = code("max_dutch", CEFRLevel.self)
            if let minDutch, let maxDutch, maxDutch < minDutch { problem("max_dutch", "below min_dutch") }
            var minEducation: ISCEDLevel?
            let educationText = cell("min_education")
            if !educationText.isEmpty {
                minEducation = Int(educationText).flatMap(ISCEDLevel.init(rawValue:))
                if minEducation == nil { problem("min_education", "an ISCED level from 0 to 8, got '\(educationText)'") }
            }
            let diploma = flag("requires_recognised_diploma")
            let rightToWork = flag("requires_right_to_work")
            let statuses = codes("allowed_statuses", LegalStatus.self)
            let prerequisiteCompetences = codes("prerequisite_competences", Competence.self)
            let experience = list("prerequisite_experience")
            for code in experience where !ISCO08.isValidCode(code) { problem("prerequisite_experience", "not an ISCO-08 code: '\(code)'") }
            let years = integer("prerequisite_years", range: 1...50, default: 1)
            guard problems.isEmpty, let provider, let kind, let title, let sector, let region, let startsOn, let seats, let taken,
                  let funding, let years
            else { return nil }
            return Offer(id: id, providerOrganisationID: provider, kind: kind, title: title, sector: sector,
                         occupation: occupation.isEmpty ? nil : occupation, competences: competences, region: region,
                         municipality: cell("municipality"), schedules: OfferSchedules(schedules), startsOn: startsOn, endsOn: endsOn,
                         seats: seats, seatsTaken: taken, funding: funding, instructionLanguage: language,
                         admission: AdmissionRequirements(minDutch: minDutch, maxDutch: maxDutch, minEducation: minEducation,
                                                          requiresRecognisedDiploma: diploma, requiresRightToWork: rightToWork,
                                                          allowedStatuses: statuses.isEmpty ? nil : Set(statuses),
                                                          prerequisites: Prerequisites(competences: prerequisiteCompetences,
                                                                                       experienceInAnyOf: experience, minimumYears: years),
                                                          requiredDocuments: list("required_documents")))
        }
    }
}
