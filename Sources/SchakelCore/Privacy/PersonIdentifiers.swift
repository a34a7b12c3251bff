/// Direct identifiers of a person: never stored in plain text, never in a URL, a log line or an
/// error message; removed on erasure.
public struct PersonIdentifiers: Hashable, Codable, Sendable {
    public var givenName: String
    public var familyName: String
    public var birthDate: CalendarDate?
    /// Belgian national register or BIS number.
    public var nationalRegisterNumber: String?
    public var phone: String?
    public var email: String?
    public var address: String?

    public init(givenName: String, familyName: String, birthDate: CalendarDate? = nil, nationalRegisterNumber: String? = nil,
                phone: String? = nil, email: String? = nil, address: String? = nil) {
        self.givenName = givenName
        self.familyName = familyName
        self.birthDate = birthDate
        self.nationalRegisterNumber = nationalRegisterNumber
        self.phone = phone
        self.email = email
        self.address = address
    }

    public var fullName: String { "\(givenName) \(familyName)" }
}
