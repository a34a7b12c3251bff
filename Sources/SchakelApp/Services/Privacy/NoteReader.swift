import Foundation
import SchakelCore

/// Free text another organisation wrote about a person (referral steps, hand-over meetings, trajectory
/// steps) is that organisation's data of the trajectory category: it is shown only as
/// `PersonAccess.mayReadNotes` allows, asked once per writer. Remembers whether anything was withheld.
struct NoteReader {
    let access: PersonAccess
    let personID: UUID
    let purpose: Purpose
    let recording: Bool
    private var readable: [UUID: Bool] = [:]
    private(set) var withheld = false

    init(access: PersonAccess, personID: UUID, purpose: Purpose, recording: Bool = true) {
        self.access = access
        self.recording = recording
        self.personID = personID
        self.purpose = purpose
    }

    /// `text` if the reader may see what `writer` wrote about the person, else nil.
    mutating func show(_ text: String?, writtenBy writer: UUID) async throws -> String? {
        guard let text else { return nil }
        if readable[writer] == nil {
            readable[writer] = try await access.mayReadNotes(about: personID, writtenBy: writer, purpose: purpose, recording: recording)
        }
        guard readable[writer] == true else {
            withheld = true
            return nil
        }
        return text
    }
}
