/// Reads the municipality list operators load with `schakel reference import-municipalities`.
///
/// Columns (header row required, any order): `nis_code,name_nl,name_fr,region_nis`.
/// `name_fr` may be empty. A file with any bad row is rejected whole, with every problem listed.
public enum MunicipalityCSV {
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public let line: Int
        public let field: String
        public let reason: String
        public var description: String { "line \(line), \(field): \(reason)" }
    }

    public static let requiredColumns = ["nis_code", "name_nl", "name_fr", "region_nis"]

    public static func parse(_ text: String, knownRegions: Set<String>) -> Result<[Municipality], ProblemList> {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while let last = lines.last, last.trimmingWhitespace().isEmpty { lines.removeLast() }
        guard let header = lines.first else {
            return .failure(ProblemList([Problem(line: 1, field: "header", reason: "the file is empty")]))
        }
        let columns = CSVLine.split(header).map { $0.trimmingWhitespace().lowercased() }
        var problems: [Problem] = []
        var index: [String: Int] = [:]
        for name in requiredColumns {
            if let position = columns.firstIndex(of: name) { index[name] = position } else {
                problems.append(Problem(line: 1, field: name, reason: "column missing from the header"))
            }
        }
        guard problems.isEmpty else { return .failure(ProblemList(problems)) }

        var result: [Municipality] = []
        var seen: [String: Int] = [:]
        for (offset, line) in lines.dropFirst().enumerated() {
            let lineNumber = offset + 2
            if line.trimmingWhitespace().isEmpty { continue }
            let cells = CSVLine.split(line)
            func cell(_ name: String) -> String {
                let position = index[name]!
                return position < cells.count ? cells[position].trimmingWhitespace() : ""
            }
            let nis = cell("nis_code"), nameNL = cell("name_nl"), nameFR = cell("name_fr"), region = cell("region_nis")
            var rowOK = true
            if nis.count != 5 || !nis.allSatisfy(\.isASCIIDigit) {
                problems.append(Problem(line: lineNumber, field: "nis_code", reason: "must be five digits, got '\(nis)'"))
                rowOK = false
            } else if let first = seen[nis] {
                problems.append(Problem(line: lineNumber, field: "nis_code", reason: "\(nis) already on line \(first)"))
                rowOK = false
            }
            if nameNL.isEmpty || nameNL.count > 100 {
                problems.append(Problem(line: lineNumber, field: "name_nl", reason: "must be 1 to 100 characters"))
                rowOK = false
            }
            if nameFR.count > 100 {
                problems.append(Problem(line: lineNumber, field: "name_fr", reason: "must be at most 100 characters"))
                rowOK = false
            }
            if !knownRegions.contains(region) {
                problems.append(Problem(line: lineNumber, field: "region_nis", reason: "unknown region '\(region)'"))
                rowOK = false
            }
            if rowOK {
                seen[nis] = lineNumber
                result.append(Municipality(nisCode: nis, nameNL: nameNL, nameFR: nameFR.isEmpty ? nil : nameFR, regionCode: region))
            }
        }
        return problems.isEmpty ? .success(result) : .failure(ProblemList(problems))
    }

    public struct ProblemList: Error, Equatable, Sendable {
        public let problems: [Problem]
        public init(_ problems: [Problem]) { self.problems = problems }
    }
}

/// Splits one CSV line (RFC 4180 quoting, comma separator).
enum CSVLine {
    static func split(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var inQuotes = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let char = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if char == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { inQuotes = false; pending = next }
                    } else { inQuotes = false }
                } else { current.append(char) }
            } else if char == "\"" {
                inQuotes = true
            } else if char == "," {
                cells.append(current)
                current = ""
            } else {
                current.append(char)
            }
        }
        cells.append(current)
        return cells
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
