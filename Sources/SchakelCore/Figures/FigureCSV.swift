import Foundation

/// Figures as RFC 4180 CSV (comma, CRLF, a header row), for the export coordinators open in a
/// spreadsheet.
public enum FigureCSV {
    /// `header` is the first row; rows may be of any length.
    public static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A protected table with its totals: a first column of row names, a last column and a last row
    /// of totals. `rowName` and `columnName` turn keys into words; suppressed figures read "<5".
    public static func render(_ table: ProtectedTable, corner: String = "", totalName: String,
                              rowName: (String) -> String = { $0 }, columnName: (String) -> String = { $0 }) -> String {
        let header = [corner] + table.columns.map(columnName) + [totalName]
        let body = table.rows.indices.map { i in
            [rowName(table.rows[i])] + table.cells[i].map(\.display) + [table.rowTotals[i].display]
        }
        let totals = [totalName] + table.columnTotals.map(\.display) + [table.total.display]
        return render(header: header, rows: body + [totals])
    }

    /// One cell, by the rule every CSV export follows (`CSVCell`): formulas neutralised, quoted when needed.
    static func field(_ text: String) -> String { CSVCell.field(text) }
}
