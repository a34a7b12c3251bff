import Foundation
import SchakelCore
import Vapor

/// Where every page of the site lives, typed: the routes are registered with these (`routes.swift`) and every link,
/// form action and redirect is made with them, so a path is spelled once. With a value (`SiteURL.person(id)`) it is
/// a link; with a route parameter (`SiteURL.person(.personID)`) it is the route's pattern.
struct SiteURL: Sendable, CustomStringConvertible {
    let components: [PathComponent]
    private(set) var query: [(name: String, value: String)] = []
    private(set) var fragment: String?
    /// A query string made elsewhere ("?from=…", already encoded), kept as given after the typed query.
    private var encodedQuery = ""

    init(_ segments: any SiteSegment...) {
        self.init(segments: segments)
    }

    init(segments: [any SiteSegment]) {
        components = segments.map(\.pathComponent)
    }

    /// The path with its query and fragment, each value percent-encoded: ready for `href`, `action` and `Location`.
    var description: String {
        var text = "/" + components.map { component -> String in
            switch component {
            case let .constant(value):
                return Self.isUnreserved(value) ? value : value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? value
            case let .parameter(name): return ":" + name
            case .anything: return "*"
            case .catchall: return "**"
            }
        }.joined(separator: "/")
        if !query.isEmpty {
            text += "?" + query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
        }
        text += encodedQuery
        if let fragment { text += "#" + Self.encode(fragment) }
        return text
    }

    var path: String { description }

    /// The same page with `name=value` added to its query.
    func query(_ name: String, _ value: String) -> SiteURL {
        var copy = self
        copy.query.append((name, value))
        return copy
    }

    /// The same page with each `name=value` added to its query, in the order given.
    func query(_ pairs: [(name: String, value: String)]) -> SiteURL {
        pairs.reduce(self) { $0.query($1.name, $1.value) }
    }

    /// The same page with a query string that is already encoded ("" or "?from=2026-01-01&…").
    func appending(query encoded: String) -> SiteURL {
        var copy = self
        copy.encodedQuery = query.isEmpty ? encoded : encoded.replacingOccurrences(of: "?", with: "&")
        return copy
    }

    /// Whether `path` is this page or a page below it (`/personen/…` is under `/personen`).
    func contains(_ path: String) -> Bool {
        let own = self.path
        return path == own || path.hasPrefix(own.hasSuffix("/") ? own : own + "/")
    }

    /// The same page, scrolled to the element with this id.
    func fragment(_ id: String) -> SiteURL {
        var copy = self
        copy.fragment = id
        return copy
    }

    /// A query value or fragment: everything but RFC 3986's unreserved ASCII characters percent-encoded.
    private static func encode(_ text: String) -> String {
        isUnreserved(text) ? text : text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Letters, digits and `-._~` only (ids, dates, words): nothing to encode, which is nearly every link.
    private static func isUnreserved(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
        }
    }
}

/// A path segment: a value in a link, or a parameter in a route's pattern.
protocol SiteSegment: Sendable {
    var pathComponent: PathComponent { get }
}

/// A referral's step is a segment of its own (`/doorverwijzingen/{id}/stap/refuse`), spelled as the API's actions.
extension ReferralAction: SiteSegment {
    var pathComponent: PathComponent { .constant(rawValue) }
}

extension UUID: SiteSegment {
    var pathComponent: PathComponent { .constant(uuidString) }
}

extension String: SiteSegment {
    var pathComponent: PathComponent { .constant(self) }
}

/// The rest of a path, whatever it is: a route that answers every address below another.
struct RestOfPath: SiteSegment {
    var pathComponent: PathComponent { .catchall }
}

/// A route parameter, named as the handlers read it (`request.uuidParameter("personID")`).
struct RouteParameter: SiteSegment {
    let name: String
    var pathComponent: PathComponent { .parameter(name) }
}

extension SiteSegment where Self == RouteParameter {
    static var personID: RouteParameter { RouteParameter(name: "personID") }
    static var consentID: RouteParameter { RouteParameter(name: "consentID") }
    static var stepID: RouteParameter { RouteParameter(name: "stepID") }
    static var notificationID: RouteParameter { RouteParameter(name: "notificationID") }
    static var referralID: RouteParameter { RouteParameter(name: "referralID") }
    static var action: RouteParameter { RouteParameter(name: "action") }
    static var conferenceID: RouteParameter { RouteParameter(name: "conferenceID") }
    static var itemID: RouteParameter { RouteParameter(name: "itemID") }
    static var requestID: RouteParameter { RouteParameter(name: "requestID") }
    static var step: RouteParameter { RouteParameter(name: "step") }
    static var audience: RouteParameter { RouteParameter(name: "audience") }
    static var userID: RouteParameter { RouteParameter(name: "userID") }
    static var agreementID: RouteParameter { RouteParameter(name: "agreementID") }
    static var offerID: RouteParameter { RouteParameter(name: "offerID") }
    static var indicator: RouteParameter { RouteParameter(name: "indicator") }
    static var table: RouteParameter { RouteParameter(name: "table") }
}

extension SiteURL {
    // MARK: Signing in, the day, the language

    static let root = SiteURL()
    static let stylesheet = SiteURL("static", "schakel.css")
    static let signIn = SiteURL("aanmelden")
    static let signOut = SiteURL("afmelden")
    static let password = SiteURL("wachtwoord")
    static let start = SiteURL("start")
    static let language = SiteURL("taal")
    static func notificationRead(_ id: some SiteSegment) -> SiteURL { SiteURL("meldingen", id, "gelezen") }

    // MARK: Persons

    static let persons = SiteURL("personen")
    static let personSearch = SiteURL("personen", "zoeken")
    static let newPerson = SiteURL("personen", "nieuw")
    static func person(_ id: some SiteSegment) -> SiteURL { SiteURL("personen", id) }
    static func personEdit(_ id: some SiteSegment) -> SiteURL { SiteURL("personen", id, "wijzigen") }
    static func newConsent(_ id: some SiteSegment) -> SiteURL { SiteURL("personen", id, "toestemmingen", "nieuw") }
    static func consents(_ id: some SiteSegment) -> SiteURL { SiteURL("personen", id, "toestemmingen") }
    static func consent(_ id: some SiteSegment) -> SiteURL { SiteURL("toestemmingen", id) }
    static func consentWithdrawal(_ id: some SiteSegment) -> SiteURL { SiteURL("toestemmingen", id, "intrekken") }
    static func newStep(_ id: some SiteSegment) -> SiteURL { SiteURL("personen", id, "traject", "nieuw") }
    static func steps(_ id: some SiteSegment) -> SiteURL { SiteURL("personen", id, "traject") }
    static func step(_ id: some SiteSegment, _ step: some SiteSegment) -> SiteURL { SiteURL("personen", id, "traject", step) }
    static func milestones(_ id: some SiteSegment) -> SiteURL { SiteURL("personen", id, "mijlpalen") }
    static func personExport(_ id: some SiteSegment) -> SiteURL { SiteURL("personen", id, "inzage") }
    static func personErasure(_ id: some SiteSegment) -> SiteURL { SiteURL("personen", id, "wissen") }

    static func portalInvitation(_ id: some SiteSegment) -> SiteURL { SiteURL("personen", id, "mijn-schakel") }
    static func portalRevocation(_ id: some SiteSegment) -> SiteURL { SiteURL("personen", id, "mijn-schakel", "sluiten") }
    static func correctionRequest(_ id: some SiteSegment) -> SiteURL { SiteURL("verbeteringen", id) }

    // MARK: Mijn Schakel, the person's own portal

    static let portal = SiteURL("mijn")
    static let portalWelcome = SiteURL("mijn", "welkom")
    static let portalSignIn = SiteURL("mijn", "aanmelden")
    static let portalSignOut = SiteURL("mijn", "afmelden")
    static let portalProfile = SiteURL("mijn", "gegevens")
    static let portalPlan = SiteURL("mijn", "plan")
    static let portalReferrals = SiteURL("mijn", "doorverwijzingen")
    static let portalConsents = SiteURL("mijn", "toestemmingen")
    static func portalWithdrawal(_ id: some SiteSegment) -> SiteURL { SiteURL("mijn", "toestemmingen", id, "stoppen") }
    static let portalAccessLog = SiteURL("mijn", "inzage")
    static let portalDownload = SiteURL("mijn", "download")
    static let portalDownloadFile = SiteURL("mijn", "download", "schakel-gegevens.json")
    static let portalCorrection = SiteURL("mijn", "verbetering")
    static let portalQuestionnaire = SiteURL("mijn", "vragenlijst")
    /// Any other address under `/mijn`: "this page does not exist", in the person's language.
    static let portalElsewhere = SiteURL("mijn", RestOfPath())

    // MARK: Referrals

    static func newReferral(_ personID: some SiteSegment) -> SiteURL { SiteURL("personen", personID, "doorverwijzen") }
    static let referrals = SiteURL("doorverwijzingen")
    static func referral(_ id: some SiteSegment) -> SiteURL { SiteURL("doorverwijzingen", id) }
    static func referralCancellation(_ id: some SiteSegment) -> SiteURL { SiteURL("doorverwijzingen", id, "annuleren") }
    static func referralStep(_ id: some SiteSegment, _ action: some SiteSegment) -> SiteURL { SiteURL("doorverwijzingen", id, "stap", action) }
    static func handOverMeeting(_ id: some SiteSegment) -> SiteURL { SiteURL("doorverwijzingen", id, "overdrachtsgesprek") }
    static func handOverProfile(_ id: some SiteSegment) -> SiteURL { SiteURL("doorverwijzingen", id, "profiel") }

    // MARK: Case conferences

    static let conferences = SiteURL("overleg")
    static func conference(_ id: some SiteSegment) -> SiteURL { SiteURL("overleg", id) }
    static func conferencePersons(_ id: some SiteSegment) -> SiteURL { SiteURL("overleg", id, "personen") }
    static func conferenceItems(_ id: some SiteSegment) -> SiteURL { SiteURL("overleg", id, "punten") }
    static func conferenceItemStatus(_ id: some SiteSegment, _ item: some SiteSegment) -> SiteURL {
        SiteURL("overleg", id, "punten", item, "status")
    }

    // MARK: Employers' requests

    static let employerRequests = SiteURL("werkgevers")
    static func employerRequest(_ id: some SiteSegment) -> SiteURL { SiteURL("werkgevers", id) }
    static func employerRequestStep(_ id: some SiteSegment, _ step: some SiteSegment) -> SiteURL { SiteURL("werkgevers", id, step) }

    /// The steps the handling organisation takes on an employer's request, as their path segment spells them.
    enum EmployerRequestStep: String, CaseIterable, SiteSegment {
        case assign = "toewijzen"
        case answer = "antwoorden"
        case close = "afsluiten"

        var pathComponent: PathComponent { .constant(rawValue) }
    }

    // MARK: Surveys

    static func survey(_ audience: some SiteSegment) -> SiteURL { SiteURL("enquete", audience) }

    // MARK: Administration

    static let administration = SiteURL("beheer")
    static let accounts = SiteURL("beheer", "accounts")
    static func accountRole(_ id: some SiteSegment) -> SiteURL { SiteURL("beheer", "accounts", id, "rol") }
    static func accountClosing(_ id: some SiteSegment) -> SiteURL { SiteURL("beheer", "accounts", id, "sluiten") }
    static let newOrganisation = SiteURL("beheer", "organisaties", "nieuw")
    static let organisations = SiteURL("beheer", "organisaties")
    static let newAgreement = SiteURL("beheer", "overeenkomsten", "nieuw")
    static let agreements = SiteURL("beheer", "overeenkomsten")
    static func agreement(_ id: some SiteSegment) -> SiteURL { SiteURL("beheer", "overeenkomsten", id) }
    static func agreementRoutes(_ id: some SiteSegment) -> SiteURL { SiteURL("beheer", "overeenkomsten", id, "routes") }
    static func agreementEnd(_ id: some SiteSegment) -> SiteURL { SiteURL("beheer", "overeenkomsten", id, "beeindigen") }

    // MARK: Offers

    static let offers = SiteURL("aanbod")
    static let offerImport = SiteURL("aanbod", "laden")
    static func offer(_ id: some SiteSegment) -> SiteURL { SiteURL("aanbod", id) }

    // MARK: Figures

    static let figures = SiteURL("cijfers")
    static func figureTable(_ indicator: some SiteSegment, _ table: some SiteSegment) -> SiteURL { SiteURL("cijfers", indicator, table) }
    static let targets = SiteURL("cijfers", "doelen")
}

extension SiteURL {
    /// Every page's pattern, as `routes.swift` registers them: a test holds the two lists equal.
    static let catalogue: [SiteURL] = [
        root, stylesheet, signIn, signOut, password, start, language, notificationRead(.notificationID),
        persons, personSearch, newPerson, person(.personID), personEdit(.personID), newConsent(.personID), consents(.personID),
        consent(.consentID), consentWithdrawal(.consentID), newStep(.personID), steps(.personID), step(.personID, .stepID),
        milestones(.personID), personExport(.personID), personErasure(.personID),
        portalInvitation(.personID), portalRevocation(.personID), correctionRequest(.requestID),
        portal, portalWelcome, portalSignIn, portalSignOut, portalProfile, portalPlan, portalReferrals, portalConsents,
        portalWithdrawal(.consentID), portalAccessLog, portalDownload, portalDownloadFile, portalCorrection, portalQuestionnaire,
        portalElsewhere,
        newReferral(.personID), referrals, referral(.referralID), referralCancellation(.referralID), referralStep(.referralID, .action),
        handOverMeeting(.referralID), handOverProfile(.referralID),
        conferences, conference(.conferenceID), conferencePersons(.conferenceID), conferenceItems(.conferenceID),
        conferenceItemStatus(.conferenceID, .itemID),
        employerRequests, employerRequest(.requestID), employerRequestStep(.requestID, .step),
        survey(.audience),
        administration, accounts, accountRole(.userID), accountClosing(.userID), newOrganisation, organisations, newAgreement,
        agreements, agreement(.agreementID), agreementRoutes(.agreementID), agreementEnd(.agreementID),
        offers, offerImport, offer(.offerID),
        figures, figureTable(.indicator, .table), targets,
    ]
}

extension Request {
    func redirect(to url: SiteURL, redirectType: Redirect = .normal) -> Response {
        redirect(to: url.description, redirectType: redirectType)
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ url: SiteURL, use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.GET, url.components, use: closure)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ url: SiteURL, use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.POST, url.components, use: closure)
    }
}

extension Optional: SiteSegment where Wrapped == UUID {
    /// A model's id as read from the database (always set once saved).
    var pathComponent: PathComponent { .constant(self?.uuidString ?? "") }
}
