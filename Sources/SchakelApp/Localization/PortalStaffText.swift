import Foundation
import SchakelCore

/// The staff's words for "Mijn Schakel": the dossier's portal part, the invitation letter's screen note, corrections.
enum PortalStaffText {
    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func title(_ l: UILanguage) -> String { t(l, "Mijn Schakel", "My Schakel") }
    static func none(_ l: UILanguage) -> String {
        t(l, "De persoon heeft nog geen toegang tot Mijn Schakel, de eigen pagina waar hij of zij het dossier, het plan, de toestemmingen en de toegangslog ziet.",
          "The person has no access to My Schakel yet, their own page where they see the dossier, plan, consents and access log.")
    }
    static func state(_ l: UILanguage, _ state: Portal.Status.State) -> String {
        switch state {
        case .invited: t(l, "uitgenodigd, nog niet geopend", "invited, not opened yet")
        case .active: t(l, "in gebruik", "in use")
        case .revoked: t(l, "gesloten", "closed")
        }
    }
    static func stateLabel(_ l: UILanguage) -> String { t(l, "Toegang", "Access") }
    static func language(_ l: UILanguage) -> String { t(l, "Taal", "Language") }
    static func invitedAt(_ l: UILanguage) -> String { t(l, "Uitgenodigd op", "Invited on") }
    static func codeValidUntil(_ l: UILanguage) -> String { t(l, "Code geldig tot", "Code valid until") }
    static func lastUsed(_ l: UILanguage) -> String { t(l, "Laatst gebruikt", "Last used") }
    static func never(_ l: UILanguage) -> String { t(l, "nog nooit", "never") }
    static func letterLanguage(_ l: UILanguage) -> String { t(l, "Taal van de brief en de pagina", "Language of the letter and the page") }
    static func invite(_ l: UILanguage) -> String { t(l, "Uitnodigingsbrief maken", "Make an invitation letter") }
    static func reinvite(_ l: UILanguage) -> String { t(l, "Nieuwe brief maken (de vorige code vervalt)", "Make a new letter (the previous code stops working)") }
    static func inviteHint(_ l: UILanguage) -> String {
        t(l, "De brief toont een eenmalige code en een QR-code. Druk hem meteen af: de code wordt maar één keer getoond.",
          "The letter shows a one-time code and a QR code. Print it at once: the code is shown only once.")
    }
    static func revoke(_ l: UILanguage) -> String { t(l, "Toegang sluiten", "Close access") }
    static func revoked(_ l: UILanguage) -> String {
        t(l, "De toegang tot Mijn Schakel is gesloten. Een nieuwe brief opent ze weer.", "Access to My Schakel is closed. A new letter opens it again.")
    }
    static func printNow(_ l: UILanguage) -> String {
        t(l, "Druk deze brief nu af en geef hem aan de persoon. De code staat alleen op deze pagina: Schakel bewaart hem niet.",
          "Print this letter now and give it to the person. The code is only on this page: Schakel does not keep it.")
    }
    static func noQRCode(_ l: UILanguage) -> String {
        t(l, "Deze brief heeft geen QR-code: het adres is te lang. De persoon typt het adres over.",
          "This letter has no QR code: the address is too long. The person types the address.")
    }
    static func backToDossier(_ l: UILanguage) -> String { t(l, "Terug naar het dossier", "Back to the dossier") }
    static func corrections(_ l: UILanguage) -> String { t(l, "Gevraagde verbeteringen", "Corrections asked for") }
    static func correctionTitle(_ l: UILanguage) -> String { t(l, "Gevraagde verbetering", "Correction asked for") }
    static func correctionIntro(_ l: UILanguage) -> String {
        t(l, "De persoon schreef dit in Mijn Schakel. Pas het dossier aan als het klopt, en laat het de persoon weten.",
          "The person wrote this in My Schakel. Change the dossier where it is right, and let the person know.")
    }
    static func askedOn(_ l: UILanguage) -> String { t(l, "Gevraagd op", "Asked on") }
    static func handledOn(_ l: UILanguage) -> String { t(l, "Behandeld op", "Handled on") }
    static func markHandled(_ l: UILanguage) -> String { t(l, "Markeren als behandeld", "Mark as handled") }
    static func handled(_ l: UILanguage) -> String { t(l, "Gemarkeerd als behandeld.", "Marked as handled.") }
    static func editDossier(_ l: UILanguage) -> String { t(l, "Dossier aanpassen", "Edit the dossier") }
    static func view(_ l: UILanguage) -> String { t(l, "Bekijken", "View") }
}
