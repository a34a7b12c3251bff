import Foundation

/// Open survey answers are free text and may name someone. Names cannot be recognised reliably,
/// but contact details and numbers can: they are masked before an answer is stored.
public enum SurveyText {
    public static let mask = "[…]"

    /// Replaces e-mail addresses, phone numbers (+32 …, 0032 …, 04xx …, 09 …), Belgian national
    /// register and BIS numbers (yy.mm.dd-xxx.cc or 11 digits) and any run of 6 or more digits with
    /// `mask`. Errs on the side of masking: a lost digit matters less than a traceable answer.
    public static func redactLikelyIdentifiers(_ text: String) -> String {
        // Order matters: an e-mail address may hold digits, a formatted number must go whole.
        var result = text
        result.replace(#/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/#, with: mask)
        // National register / BIS number, with or without its dots and dash.
        result.replace(#/\b\d{2}\.?\d{2}\.?\d{2}[-. ]?\d{3}\.?\d{2}\b/#, with: mask)
        // International: +32 470 12 34 56, +32 (0)9 123 45 67, 0032 2 123 45 67, and foreign numbers.
        result.replace(#/(?:\+|\b00)\d{1,3}(?:[ .\/-]*\(0\))?(?:[ .\/-]?\d){7,12}/#, with: mask)
        // Belgian national: 0470 12 34 56, 0470/12.34.56 (10 digits), 09 123 45 67, 02/123.45.67 (9).
        // A date (01.02.2024) has 8 digits and stays.
        result.replace(#/\b0\d(?:[ .\/-]?\d){7,8}\b/#, with: mask)
        // Dossier, account or card numbers; `\d` also matches Arabic-Indic and other digits.
        result.replace(#/\d{6,}/#, with: mask)
        return result
    }
}
