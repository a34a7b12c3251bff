import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// Every route that reads or writes data about a person, API and pages, for every role of the owner, a partner with
/// consent, a partner without consent and an unrelated organisation, against the answer a privacy officer expects.
/// The answers are written out here on purpose, never derived from the access rule they check.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    typealias Relation = PrivacyWorld.Relation

    static let caseworkers: Set<UserRole> = [.socialWorker, .trajectoryCounsellor, .jobCounsellor, .consultant]

    // MARK: The expected answers

    /// What a privacy officer expects of one request.
    enum Answer: Equatable, CustomStringConvertible {
        /// Past the rule: the route's own answer. Writes carry a body that stops at validation (409, 422) where a
        /// success would change the case for the next rows; a form that succeeds redirects (303).
        case allowed(HTTPStatus)
        /// Not there for this reader: answered exactly as an id that names nothing is (404, or 422 where the id is
        /// a field of the request), so the answer tells nothing.
        case hidden(HTTPStatus)
        /// The reader's role has no part in this, whatever the id: 403, and the same 403 for an id that names nothing.
        case roleRefused
        /// The reader knows of the thing but may not do this (write to a trajectory it may only read, take the other
        /// side's step, refer a person to itself).
        case refused(HTTPStatus)

        var status: HTTPStatus {
            switch self {
            case let .allowed(status), let .hidden(status), let .refused(status): return status
            case .roleRefused: return .forbidden
            }
        }

        var description: String {
            switch self {
            case let .allowed(status): return "allowed \(status.code)"
            case let .hidden(status): return "hidden \(status.code)"
            case .roleRefused: return "refused for the role"
            case let .refused(status): return "refused \(status.code)"
            }
        }
    }

    /// The expected answer per route, role and relation.
    static func expected(_ row: Row, relation: Relation, role: UserRole) -> Answer {
        let caseworker = Self.caseworkers.contains(role)
        /// Caseworkers only (every other role is refused whatever the id); the owner's and the consented partner's
        /// answers as given; the partner without consent and the unrelated organisation do not know of the thing.
        func forCaseworkers(owner: Answer, partner: Answer, others: Answer = .hidden(.notFound)) -> Answer {
            guard caseworker else { return .roleRefused }
            switch relation {
            case .owner: return owner
            case .partnerWithConsent: return partner
            case .partnerWithoutConsent, .unrelated: return others
            }
        }
        /// Employer requests: caseworkers and employer contacts; only the handling organisation (the owner) knows
        /// of the request, and only its caseworkers act on it.
        func employerRequest(caseworkerAnswer: Answer) -> Answer {
            guard caseworker || role == .employerContact else { return .roleRefused }
            guard relation == .owner else { return .hidden(.notFound) }
            return caseworker ? caseworkerAnswer : .refused(.forbidden)
        }
        switch row {
        // Lists and the name search: every role but the analyst's gets one (what is on it is checked apart); on the
        // pages only caseworkers.
        case .apiPersons, .apiPersonSearch:
            return role == .analyst ? .roleRefused : .allowed(.ok)
        case .webPersons, .webPersonSearch, .webNewPersonForm:
            return caseworker ? .allowed(.ok) : .roleRefused
        case .apiCreatePerson, .webCreatePerson:
            // An empty screening: a caseworker of any organisation gets as far as the missing fields.
            return caseworker ? .allowed(.unprocessableEntity) : .roleRefused

        // The dossier: the owner and the partner the person consented to; no one else knows of it.
        case .apiPerson, .webPerson, .apiTrajectory, .apiRecommendations, .webReferralForm:
            return forCaseworkers(owner: .allowed(.ok), partner: .allowed(.ok))
        case .webCreateReferral:
            // An empty referral form: whoever may see the person gets as far as the missing receiver.
            return forCaseworkers(owner: .allowed(.unprocessableEntity), partner: .allowed(.unprocessableEntity))
        case .apiEligibleOffers, .webEligibleOffers:
            // The person is a query field here: an unseen person is a 422 on it, as an id that names no one.
            return forCaseworkers(owner: .allowed(.ok), partner: .allowed(.ok), others: .hidden(.unprocessableEntity))

        // What only the owner does with the dossier: change it, its consents, its access log, the GDPR rights.
        // For everyone else, the partner with consent included, the dossier is not there to change.
        case .apiConsents, .apiAccessLog, .apiExport, .webEditForm, .webConsentForm, .webConsent, .webConfirmWithdrawal,
             .webExport, .webEraseForm:
            return forCaseworkers(owner: .allowed(.ok), partner: .hidden(.notFound))
        case .apiUpdatePerson, .webUpdatePerson:
            // A stale version: the owner reaches the version check.
            return forCaseworkers(owner: .allowed(.conflict), partner: .hidden(.notFound))
        case .apiAddConsent, .webAddConsent, .apiErase, .webErase:
            // No recipient, no reason: the owner reaches validation.
            return forCaseworkers(owner: .allowed(.unprocessableEntity), partner: .hidden(.notFound))
        case .apiWithdrawConsent:
            return forCaseworkers(owner: .allowed(.ok), partner: .hidden(.notFound))
        // "Mijn Schakel": only the owner invites the person, closes their access and reads what they asked to correct.
        // The invitation without a language stops at validation (no letter is made); closing an access never opened
        // changes nothing.
        case .webPortalInvitation:
            return forCaseworkers(owner: .allowed(.unprocessableEntity), partner: .hidden(.notFound))
        case .webPortalRevocation, .webCorrectionHandled:
            return forCaseworkers(owner: .allowed(.seeOther), partner: .hidden(.notFound))
        case .webCorrection, .apiPortalAccess, .apiPortalRevoke:
            return forCaseworkers(owner: .allowed(.ok), partner: .hidden(.notFound))
        case .apiPortalInvitation:
            return forCaseworkers(owner: .allowed(.unprocessableEntity), partner: .hidden(.notFound))
        case .webWithdrawConsent:
            return forCaseworkers(owner: .allowed(.seeOther), partner: .hidden(.notFound))

        // Writing to the trajectory: the owner. The partner sees the person but not the trajectory (neither routed
        // nor consented for guidance): it may not write there.
        case .apiAddStep, .apiAddMilestone, .webAddStep:
            return forCaseworkers(owner: .allowed(.unprocessableEntity), partner: .refused(.forbidden))
        case .apiUpdateStep, .webUpdateStep:
            return forCaseworkers(owner: .allowed(.conflict), partner: .refused(.forbidden))
        case .webStepForm, .webStepEditForm:
            return forCaseworkers(owner: .allowed(.ok), partner: .refused(.forbidden))
        case .webAddMilestone:
            // The form returns to the dossier with the date's problem as a message.
            return forCaseworkers(owner: .allowed(.seeOther), partner: .refused(.forbidden))

        // Offers: any caseworker sees the catalogue's candidates (which persons is checked apart).
        case .apiCandidates, .webOfferCandidates, .apiUpcomingRightToWork:
            return caseworker ? .allowed(.ok) : .roleRefused

        // Referrals: the sender (owner) and, once sent, the receiver (the consented partner); a draft only the sender.
        case .apiCreateReferral:
            // To the consented partner: the owner drafts it; the partner would refer to itself; for the others the
            // person is "not found" on the field, as an id that names no one.
            return forCaseworkers(owner: .allowed(.created), partner: .refused(.unprocessableEntity),
                               others: .hidden(.unprocessableEntity))
        case .apiReferrals, .webReferralsReceived, .webReferralsSent:
            return caseworker ? .allowed(.ok) : .roleRefused
        case .apiReferral, .apiHandOverProfile, .webReferral, .webConfirmCancel, .webHandOverProfile:
            return forCaseworkers(owner: .allowed(.ok), partner: .allowed(.ok))
        case .apiPreview:
            return forCaseworkers(owner: .allowed(.ok), partner: .hidden(.notFound))
        case .apiHandOverMeeting, .webHandOverMeeting:
            // Either side records the meeting; an empty one stops at validation.
            return forCaseworkers(owner: .allowed(.unprocessableEntity), partner: .allowed(.unprocessableEntity))
        case .apiReferralStep, .webReferralStep:
            // Cancelling is the sender's step (without a reason it stops there); the receiver may not.
            return forCaseworkers(owner: .allowed(.unprocessableEntity), partner: .refused(.forbidden))

        // Case conferences: the participants (owner and consented partner); a conference one does not take part
        // in does not exist.
        case .apiConferences, .webConferences:
            return caseworker ? .allowed(.ok) : .roleRefused
        case .apiCreateConference, .webCreateConference:
            return caseworker ? .allowed(.unprocessableEntity) : .roleRefused
        case .apiConference, .apiConferencePerson, .webConference:
            // Putting the person on the agenda again changes nothing; the partner may, the rule lets the trajectory
            // travel to it for a case conference.
            return forCaseworkers(owner: .allowed(.ok), partner: .allowed(.ok))
        case .webConferencePerson:
            return forCaseworkers(owner: .allowed(.seeOther), partner: .allowed(.seeOther))
        case .apiConferenceItem, .webConferenceItem:
            return forCaseworkers(owner: .allowed(.unprocessableEntity), partner: .allowed(.unprocessableEntity))
        case .apiConferenceItemStatus:
            // The action is the owner's (and the owner organised the conference): the partner reads it, may not close it.
            return forCaseworkers(owner: .allowed(.unprocessableEntity), partner: .refused(.forbidden))
        case .webConferenceItemStatus:
            return forCaseworkers(owner: .allowed(.seeOther), partner: .refused(.forbidden))

        // Employer requests (no newcomer in them, but followed like one): the handling organisation.
        case .apiEmployerRequests, .webEmployerRequests:
            return caseworker || role == .employerContact ? .allowed(.ok) : .roleRefused
        case .apiCreateEmployerRequest, .webCreateEmployerRequest:
            return caseworker || role == .employerContact ? .allowed(.unprocessableEntity) : .roleRefused
        case .apiEmployerRequest, .webEmployerRequest:
            guard caseworker || role == .employerContact else { return .roleRefused }
            return relation == .owner ? .allowed(.ok) : .hidden(.notFound)
        case .apiEmployerAssign, .apiEmployerAnswer, .webEmployerStep:
            return employerRequest(caseworkerAnswer: .allowed(.unprocessableEntity))
        case .apiEmployerClose:
            // Closed already: the handler reaches the state check.
            return employerRequest(caseworkerAnswer: .allowed(.conflict))

        // The day page: every role has one (a caseworker's shows persons, checked apart).
        case .webDay:
            return .allowed(.ok)
        }
    }

    /// Whether an allowed answer shows the person's name (nil: not looked at).
    static func namesPerson(_ row: Row, relation: Relation, role: UserRole) -> Bool? {
        let shared = relation == .owner || relation == .partnerWithConsent
        switch row {
        case .apiPersons, .webPersons, .apiCandidates, .webOfferCandidates:
            return shared
        case .webDay:
            return caseworkers.contains(role) && shared
        case .apiUpcomingRightToWork, .webReferralsSent:
            return relation == .owner
        case .webReferralsReceived:
            return relation == .partnerWithConsent
        case .apiPerson, .webPerson, .apiExport, .webExport, .webEditForm, .webEraseForm, .apiPreview, .apiHandOverProfile,
             .webHandOverProfile, .webReferral, .webConfirmCancel, .webReferralForm, .webConference:
            return true
        case .apiReferral:
            // The receiver reads the profile that travelled with it; the sender's view of its referral carries none.
            return relation == .partnerWithConsent
        case .apiConsents, .apiAccessLog, .apiTrajectory, .apiRecommendations, .apiEligibleOffers, .webEligibleOffers,
             .apiReferrals, .apiConference, .apiConferencePerson, .apiConferences, .webConferences, .apiEmployerRequests, .apiEmployerRequest,
             .webEmployerRequests, .webEmployerRequest, .apiWithdrawConsent:
            return false
        default:
            return nil
        }
    }

    /// Whether a list's allowed answer holds the row's subject (the person, the referral, the conference, the request).
    static func lists(_ row: Row, relation: Relation, role: UserRole) -> Bool {
        let shared = relation == .owner || relation == .partnerWithConsent
        switch row {
        case .apiPersons, .apiPersonSearch, .webPersons, .webPersonSearch, .apiCandidates, .webOfferCandidates, .apiConference:
            return shared
        case .webDay:
            return caseworkers.contains(role) && shared
        case .apiUpcomingRightToWork, .webReferralsSent, .apiEmployerRequests, .webEmployerRequests:
            return relation == .owner
        case .webReferralsReceived:
            return relation == .partnerWithConsent
        case .apiReferrals, .apiConferences, .webConferences:
            return shared
        default:
            Issue.record("\(row) lists nothing")
            return false
        }
    }

    /// What each reader must see of the person when the read succeeds (categories present, others withheld).
    static func expectedCategories(relation: Relation, role: UserRole) -> Set<DataCategory> {
        if relation == .owner { return Set(DataCategory.allCases) }
        let shared = Set(PrivacyWorld.routed).intersection(PrivacyWorld.consented)
        return shared.intersection(AccessRule.needs(role))
    }

    // MARK: The routes

    /// The ids a request names. `unknown` names nothing: every id of the case replaced, the organisations kept.
    struct IDs {
        var person: UUID, consent: UUID, step: UUID, draftReferral: UUID, sentReferral: UUID
        var conference: UUID, item: UUID, employerRequest: UUID, offer: UUID, correction: UUID
        var partner: UUID

        init(_ built: PrivacyCase) throws {
            person = built.world.personID
            consent = built.world.consentID
            step = built.stepID
            draftReferral = built.draftReferralID
            sentReferral = built.sentReferralID
            conference = built.conferenceID
            item = built.itemID
            employerRequest = built.employerRequestID
            offer = built.offerID
            correction = built.correctionID
            partner = try built.world.organisations[.partnerWithConsent]!.requireID()
        }

        var unknown: IDs {
            var ids = self
            (ids.person, ids.consent, ids.step, ids.draftReferral, ids.sentReferral) = (UUID(), UUID(), UUID(), UUID(), UUID())
            (ids.conference, ids.item, ids.employerRequest, ids.offer, ids.correction) = (UUID(), UUID(), UUID(), UUID(), UUID())
            return ids
        }
    }

    /// What a list's answer is looked through for.
    enum Subject {
        case person, sentReferral, conference, employerRequest

        func id(_ ids: IDs) -> UUID {
            switch self {
            case .person: return ids.person
            case .sentReferral: return ids.sentReferral
            case .conference: return ids.conference
            case .employerRequest: return ids.employerRequest
            }
        }
    }

    enum Body {
        case json([String: Any])
        case form([String: String])

        var text: String {
            switch self {
            case let .json(object):
                return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
            case let .form(fields):
                return fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
            }
        }
    }

    /// One row of the matrix: a registered route (`route`, as `routes.swift` registers it) asked about the case.
    /// Withdrawing the consent comes last: it changes what the partner sees.
    enum Row: String, CaseIterable, CustomTestStringConvertible {
        // API: persons
        case apiCreatePerson, apiPersons, apiPersonSearch, apiPerson, apiUpdatePerson, apiConsents, apiAddConsent, apiAccessLog
        case apiExport, apiErase
        // API: trajectory, offers
        case apiTrajectory, apiAddStep, apiUpdateStep, apiAddMilestone, apiUpcomingRightToWork
        case apiRecommendations, apiEligibleOffers, apiCandidates
        // API: referrals
        case apiCreateReferral, apiReferrals, apiReferral, apiPreview, apiHandOverMeeting, apiHandOverProfile, apiReferralStep
        // API: case conferences, employer requests
        case apiCreateConference, apiConferences, apiConference, apiConferencePerson, apiConferenceItem, apiConferenceItemStatus
        case apiCreateEmployerRequest, apiEmployerRequests, apiEmployerRequest, apiEmployerAssign, apiEmployerAnswer, apiEmployerClose
        // Pages: persons, dossier, consent, trajectory, GDPR
        case webDay, webPersons, webPersonSearch, webNewPersonForm, webCreatePerson, webPerson, webEditForm, webUpdatePerson
        case webConsentForm, webAddConsent, webConsent, webConfirmWithdrawal
        case webStepForm, webAddStep, webStepEditForm, webUpdateStep, webAddMilestone, webExport, webEraseForm, webErase
        // Pages: referrals
        case webReferralForm, webCreateReferral, webReferralsReceived, webReferralsSent, webReferral, webConfirmCancel
        case webReferralStep, webHandOverMeeting, webHandOverProfile
        // Pages: conferences, employers, offers
        case webConferences, webCreateConference, webConference, webConferencePerson, webConferenceItem, webConferenceItemStatus
        case webEmployerRequests, webCreateEmployerRequest, webEmployerRequest, webEmployerStep
        case webOfferCandidates, webEligibleOffers
        // Pages: the person's own portal, the staff side
        case webPortalInvitation, webPortalRevocation, webCorrection, webCorrectionHandled
        case apiPortalAccess, apiPortalInvitation, apiPortalRevoke
        // Last: withdrawal
        case apiWithdrawConsent, webWithdrawConsent

        var testDescription: String { route }

        var isPage: Bool { !route.contains(" /api/") }

        var method: HTTPMethod { HTTPMethod(rawValue: String(route.prefix { $0 != " " })) }

        /// The route as registered: method and path pattern.
        var route: String {
            switch self {
            case .apiCreatePerson: return "POST /api/v1/persons"
            case .apiPersons: return "GET /api/v1/persons"
            case .apiPersonSearch: return "POST /api/v1/persons/search"
            case .apiPerson: return "GET /api/v1/persons/:personID"
            case .apiUpdatePerson: return "PATCH /api/v1/persons/:personID"
            case .apiConsents: return "GET /api/v1/persons/:personID/consents"
            case .apiAddConsent: return "POST /api/v1/persons/:personID/consents"
            case .apiAccessLog: return "GET /api/v1/persons/:personID/access-log"
            case .apiExport: return "GET /api/v1/persons/:personID/export"
            case .apiErase: return "POST /api/v1/persons/:personID/erase"
            case .apiTrajectory: return "GET /api/v1/persons/:personID/trajectory"
            case .apiAddStep: return "POST /api/v1/persons/:personID/trajectory/steps"
            case .apiUpdateStep: return "PATCH /api/v1/persons/:personID/trajectory/steps/:stepID"
            case .apiAddMilestone: return "POST /api/v1/persons/:personID/milestones"
            case .apiUpcomingRightToWork: return "GET /api/v1/right-to-work/upcoming"
            case .apiRecommendations: return "GET /api/v1/persons/:personID/recommendations"
            case .apiEligibleOffers: return "GET /api/v1/offers"
            case .apiCandidates: return "GET /api/v1/offers/:offerID/candidates"
            case .apiCreateReferral: return "POST /api/v1/referrals"
            case .apiReferrals: return "GET /api/v1/referrals"
            case .apiReferral: return "GET /api/v1/referrals/:referralID"
            case .apiPreview: return "GET /api/v1/referrals/:referralID/preview"
            case .apiHandOverMeeting: return "POST /api/v1/referrals/:referralID/hand-over-meeting"
            case .apiHandOverProfile: return "GET /api/v1/referrals/:referralID/profile"
            case .apiReferralStep: return "POST /api/v1/referrals/:referralID/:action"
            case .apiCreateConference: return "POST /api/v1/case-conferences"
            case .apiConferences: return "GET /api/v1/case-conferences"
            case .apiConference: return "GET /api/v1/case-conferences/:conferenceID"
            case .apiConferencePerson: return "POST /api/v1/case-conferences/:conferenceID/persons"
            case .apiConferenceItem: return "POST /api/v1/case-conferences/:conferenceID/items"
            case .apiConferenceItemStatus: return "POST /api/v1/case-conferences/:conferenceID/items/:itemID/status"
            case .apiCreateEmployerRequest: return "POST /api/v1/employer-requests"
            case .apiEmployerRequests: return "GET /api/v1/employer-requests"
            case .apiEmployerRequest: return "GET /api/v1/employer-requests/:requestID"
            case .apiEmployerAssign: return "POST /api/v1/employer-requests/:requestID/assign"
            case .apiEmployerAnswer: return "POST /api/v1/employer-requests/:requestID/answer"
            case .apiEmployerClose: return "POST /api/v1/employer-requests/:requestID/close"
            case .apiWithdrawConsent: return "POST /api/v1/consents/:consentID/withdraw"
            case .webDay: return "GET \(SiteURL.start)"
            case .webPersons: return "GET \(SiteURL.persons)"
            case .webPersonSearch: return "POST \(SiteURL.personSearch)"
            case .webNewPersonForm: return "GET \(SiteURL.newPerson)"
            case .webCreatePerson: return "POST \(SiteURL.persons)"
            case .webPerson: return "GET \(SiteURL.person(.personID))"
            case .webEditForm: return "GET \(SiteURL.personEdit(.personID))"
            case .webUpdatePerson: return "POST \(SiteURL.personEdit(.personID))"
            case .webConsentForm: return "GET \(SiteURL.newConsent(.personID))"
            case .webAddConsent: return "POST \(SiteURL.consents(.personID))"
            case .webConsent: return "GET \(SiteURL.consent(.consentID))"
            case .webConfirmWithdrawal: return "GET \(SiteURL.consentWithdrawal(.consentID))"
            case .webWithdrawConsent: return "POST \(SiteURL.consentWithdrawal(.consentID))"
            case .webStepForm: return "GET \(SiteURL.newStep(.personID))"
            case .webAddStep: return "POST \(SiteURL.steps(.personID))"
            case .webStepEditForm: return "GET \(SiteURL.step(.personID, .stepID))"
            case .webUpdateStep: return "POST \(SiteURL.step(.personID, .stepID))"
            case .webAddMilestone: return "POST \(SiteURL.milestones(.personID))"
            case .webExport: return "GET \(SiteURL.personExport(.personID))"
            case .webEraseForm: return "GET \(SiteURL.personErasure(.personID))"
            case .webErase: return "POST \(SiteURL.personErasure(.personID))"
            case .webReferralForm: return "GET \(SiteURL.newReferral(.personID))"
            case .webCreateReferral: return "POST \(SiteURL.newReferral(.personID))"
            case .webReferralsReceived, .webReferralsSent: return "GET \(SiteURL.referrals)"
            case .webReferral: return "GET \(SiteURL.referral(.referralID))"
            case .webConfirmCancel: return "GET \(SiteURL.referralCancellation(.referralID))"
            case .webReferralStep: return "POST \(SiteURL.referralStep(.referralID, .action))"
            case .webHandOverMeeting: return "POST \(SiteURL.handOverMeeting(.referralID))"
            case .webHandOverProfile: return "GET \(SiteURL.handOverProfile(.referralID))"
            case .webConferences: return "GET \(SiteURL.conferences)"
            case .webCreateConference: return "POST \(SiteURL.conferences)"
            case .webConference: return "GET \(SiteURL.conference(.conferenceID))"
            case .webConferencePerson: return "POST \(SiteURL.conferencePersons(.conferenceID))"
            case .webConferenceItem: return "POST \(SiteURL.conferenceItems(.conferenceID))"
            case .webConferenceItemStatus: return "POST \(SiteURL.conferenceItemStatus(.conferenceID, .itemID))"
            case .webEmployerRequests: return "GET \(SiteURL.employerRequests)"
            case .webCreateEmployerRequest: return "POST \(SiteURL.employerRequests)"
            case .webEmployerRequest: return "GET \(SiteURL.employerRequest(.requestID))"
            case .webEmployerStep: return "POST \(SiteURL.employerRequestStep(.requestID, .step))"
            case .webOfferCandidates: return "GET \(SiteURL.offer(.offerID))"
            case .webEligibleOffers: return "GET \(SiteURL.offers)"
            case .webPortalInvitation: return "POST \(SiteURL.portalInvitation(.personID))"
            case .webPortalRevocation: return "POST \(SiteURL.portalRevocation(.personID))"
            case .webCorrection: return "GET \(SiteURL.correctionRequest(.requestID))"
            case .webCorrectionHandled: return "POST \(SiteURL.correctionRequest(.requestID))"
            case .apiPortalAccess: return "GET /api/v1/persons/:personID/portal-access"
            case .apiPortalInvitation: return "POST /api/v1/persons/:personID/portal-access/invitation"
            case .apiPortalRevoke: return "POST /api/v1/persons/:personID/portal-access/revoke"
            }
        }

        /// What a list is looked through for (nil: not a list).
        var subject: Subject? {
            switch self {
            case .apiPersons, .apiPersonSearch, .webPersons, .webPersonSearch, .apiCandidates, .webOfferCandidates,
                 .apiUpcomingRightToWork, .apiConference, .webDay:
                return .person
            case .apiReferrals, .webReferralsReceived, .webReferralsSent: return .sentReferral
            case .apiConferences, .webConferences: return .conference
            case .apiEmployerRequests, .webEmployerRequests: return .employerRequest
            default: return nil
            }
        }

        /// The concrete request: path (with its query) and body. A write's body stops at validation where a success
        /// would change the case for the rows after it.
        func request(_ ids: IDs) -> (path: String, body: Body?) {
            let person = "persons/\(ids.person)"
            switch self {
            case .apiCreatePerson: return ("api/v1/persons", .json([:]))
            case .apiPersons: return ("api/v1/persons?per=100", nil)
            case .apiPersonSearch: return ("api/v1/persons/search", .json(["name": "Testina Voorbeeld"]))
            case .apiPerson: return ("api/v1/\(person)", nil)
            case .apiUpdatePerson: return ("api/v1/\(person)", .json(["version": 999_999, "phone": "+32 000"]))
            case .apiConsents: return ("api/v1/\(person)/consents", nil)
            case .apiAddConsent: return ("api/v1/\(person)/consents", .json([:]))
            case .apiAccessLog: return ("api/v1/\(person)/access-log", nil)
            case .apiExport: return ("api/v1/\(person)/export", nil)
            case .apiErase: return ("api/v1/\(person)/erase", .json([:]))
            case .apiTrajectory: return ("api/v1/\(person)/trajectory", nil)
            case .apiAddStep: return ("api/v1/\(person)/trajectory/steps", .json(["kind": "screening"]))
            case .apiUpdateStep: return ("api/v1/\(person)/trajectory/steps/\(ids.step)", .json(["version": 999_999, "status": "planned"]))
            case .apiAddMilestone: return ("api/v1/\(person)/milestones", .json(["kind": "leaving-reception", "on": "2030-01-01"]))
            case .apiUpcomingRightToWork: return ("api/v1/right-to-work/upcoming", nil)
            case .apiRecommendations: return ("api/v1/\(person)/recommendations", nil)
            case .apiEligibleOffers: return ("api/v1/offers?eligibleFor=\(ids.person)", nil)
            case .apiCandidates: return ("api/v1/offers/\(ids.offer)/candidates?includeUnknown=true&limit=100", nil)
            case .apiCreateReferral:
                return ("api/v1/referrals", .json(["personId": ids.person.uuidString, "toOrganisationId": ids.partner.uuidString,
                                                   "purpose": "guidance-to-work", "reason": "Klaar voor werk."]))
            case .apiReferrals: return ("api/v1/referrals?per=100", nil)
            case .apiReferral: return ("api/v1/referrals/\(ids.sentReferral)", nil)
            case .apiPreview: return ("api/v1/referrals/\(ids.draftReferral)/preview", nil)
            case .apiHandOverMeeting: return ("api/v1/referrals/\(ids.sentReferral)/hand-over-meeting", .json([:]))
            case .apiHandOverProfile: return ("api/v1/referrals/\(ids.sentReferral)/profile", nil)
            case .apiReferralStep: return ("api/v1/referrals/\(ids.sentReferral)/cancel", nil)
            case .apiCreateConference: return ("api/v1/case-conferences", .json([:]))
            case .apiConferences: return ("api/v1/case-conferences?per=100", nil)
            case .apiConference: return ("api/v1/case-conferences/\(ids.conference)", nil)
            case .apiConferencePerson:
                return ("api/v1/case-conferences/\(ids.conference)/persons", .json(["personId": ids.person.uuidString]))
            case .apiConferenceItem: return ("api/v1/case-conferences/\(ids.conference)/items", .json([:]))
            case .apiConferenceItemStatus: return ("api/v1/case-conferences/\(ids.conference)/items/\(ids.item)/status", .json([:]))
            case .apiCreateEmployerRequest: return ("api/v1/employer-requests", .json([:]))
            case .apiEmployerRequests: return ("api/v1/employer-requests?per=100", nil)
            case .apiEmployerRequest: return ("api/v1/employer-requests/\(ids.employerRequest)", nil)
            case .apiEmployerAssign: return ("api/v1/employer-requests/\(ids.employerRequest)/assign", .json([:]))
            case .apiEmployerAnswer: return ("api/v1/employer-requests/\(ids.employerRequest)/answer", .json([:]))
            case .apiEmployerClose: return ("api/v1/employer-requests/\(ids.employerRequest)/close", nil)
            case .apiWithdrawConsent: return ("api/v1/consents/\(ids.consent)/withdraw", nil)
            case .webDay: return (Self.page(SiteURL.start), nil)
            case .webPersons: return (Self.page(SiteURL.persons), nil)
            case .webPersonSearch: return (Self.page(SiteURL.personSearch), .form(["naam": "Testina Voorbeeld"]))
            case .webNewPersonForm: return (Self.page(SiteURL.newPerson), nil)
            case .webCreatePerson: return (Self.page(SiteURL.persons), .form([:]))
            case .webPerson: return (Self.page(SiteURL.person(ids.person)), nil)
            case .webEditForm: return (Self.page(SiteURL.personEdit(ids.person)), nil)
            case .webUpdatePerson: return (Self.page(SiteURL.personEdit(ids.person)), .form(["version": "999999"]))
            case .webConsentForm: return (Self.page(SiteURL.newConsent(ids.person)), nil)
            case .webAddConsent: return (Self.page(SiteURL.consents(ids.person)), .form([:]))
            case .webConsent: return (Self.page(SiteURL.consent(ids.consent)), nil)
            case .webConfirmWithdrawal: return (Self.page(SiteURL.consentWithdrawal(ids.consent)), nil)
            case .webWithdrawConsent: return (Self.page(SiteURL.consentWithdrawal(ids.consent)), .form([:]))
            case .webStepForm: return (Self.page(SiteURL.newStep(ids.person)), nil)
            case .webAddStep: return (Self.page(SiteURL.steps(ids.person)), .form([:]))
            case .webStepEditForm: return (Self.page(SiteURL.step(ids.person, ids.step)), nil)
            case .webUpdateStep: return (Self.page(SiteURL.step(ids.person, ids.step)), .form(["version": "999999"]))
            case .webAddMilestone:
                return (Self.page(SiteURL.milestones(ids.person)), .form(["milestone": "leaving-reception", "milestoneOn": "2030-01-01"]))
            case .webExport: return (Self.page(SiteURL.personExport(ids.person)), nil)
            case .webEraseForm: return (Self.page(SiteURL.personErasure(ids.person)), nil)
            case .webErase: return (Self.page(SiteURL.personErasure(ids.person)), .form(["reason": ""]))
            case .webReferralForm: return (Self.page(SiteURL.newReferral(ids.person)), nil)
            case .webCreateReferral: return (Self.page(SiteURL.newReferral(ids.person)), .form([:]))
            case .webReferralsReceived: return (Self.page(SiteURL.referrals), nil)
            case .webReferralsSent: return (Self.page(SiteURL.referrals.query("richting", "verzonden")), nil)
            case .webReferral: return (Self.page(SiteURL.referral(ids.sentReferral)), nil)
            case .webConfirmCancel: return (Self.page(SiteURL.referralCancellation(ids.sentReferral)), nil)
            case .webReferralStep: return (Self.page(SiteURL.referralStep(ids.sentReferral, "cancel")), .form([:]))
            case .webHandOverMeeting: return (Self.page(SiteURL.handOverMeeting(ids.sentReferral)), .form([:]))
            case .webHandOverProfile: return (Self.page(SiteURL.handOverProfile(ids.sentReferral)), nil)
            case .webConferences: return (Self.page(SiteURL.conferences), nil)
            case .webCreateConference: return (Self.page(SiteURL.conferences), .form([:]))
            case .webConference: return (Self.page(SiteURL.conference(ids.conference)), nil)
            case .webConferencePerson:
                return (Self.page(SiteURL.conferencePersons(ids.conference)), .form(["person": ids.person.uuidString]))
            case .webConferenceItem:
                return (Self.page(SiteURL.conferenceItems(ids.conference)), .form(["kind": "decision", "text": ""]))
            case .webConferenceItemStatus:
                return (Self.page(SiteURL.conferenceItemStatus(ids.conference, ids.item)), .form(["status": "open"]))
            case .webEmployerRequests: return (Self.page(SiteURL.employerRequests), nil)
            case .webCreateEmployerRequest: return (Self.page(SiteURL.employerRequests), .form([:]))
            case .webEmployerRequest: return (Self.page(SiteURL.employerRequest(ids.employerRequest)), nil)
            case .webEmployerStep: return (Self.page(SiteURL.employerRequestStep(ids.employerRequest, "antwoorden")), .form(["answer": ""]))
            case .webOfferCandidates:
                return (Self.page(SiteURL.offer(ids.offer).query("kandidaten", "1").query("includeUnknown", "true")), nil)
            case .webEligibleOffers: return (Self.page(SiteURL.offers.query("eligibleFor", ids.person.uuidString)), nil)
            case .webPortalInvitation: return (Self.page(SiteURL.portalInvitation(ids.person)), .form(["taal": ""]))
            case .webPortalRevocation: return (Self.page(SiteURL.portalRevocation(ids.person)), .form([:]))
            case .webCorrection: return (Self.page(SiteURL.correctionRequest(ids.correction)), nil)
            case .webCorrectionHandled: return (Self.page(SiteURL.correctionRequest(ids.correction)), .form([:]))
            case .apiPortalAccess: return ("api/v1/\(person)/portal-access", nil)
            case .apiPortalInvitation: return ("api/v1/\(person)/portal-access/invitation", .json([:]))
            case .apiPortalRevoke: return ("api/v1/\(person)/portal-access/revoke", nil)
            }
        }

        private static func page(_ url: SiteURL) -> String { String(url.path.dropFirst()) }
    }

    /// Registered routes that touch no person, each with why; every other route must be a row of the matrix.
    static let notAboutPersons: [String: String] = {
        var routes: [String: String] = [:]
        func add(_ reason: String, _ list: [String]) { for route in list { routes[route] = reason } }
        add("the server itself: health, liveness, the API's description", ["GET /health", "GET /ping", "GET /api/v1/openapi.json"])
        add("the standard consent texts, the same for every person", ["GET /api/v1/consent-texts", "GET /api/v1/consent-texts/:language"])
        add("the reader's own account and session", [
            "POST /api/v1/auth/token", "DELETE /api/v1/auth/token", "GET /api/v1/me",
            "GET /", "GET \(SiteURL.stylesheet)", "GET \(SiteURL.signIn)", "POST \(SiteURL.signIn)", "POST \(SiteURL.signOut)",
            "GET \(SiteURL.password)", "POST \(SiteURL.password)", "POST \(SiteURL.language)",
        ])
        add("regions, municipalities, organisations and agreements: the registry, no person", [
            "GET /api/v1/regions", "GET /api/v1/regions/:regionID", "GET /api/v1/municipalities", "GET /api/v1/municipalities/:municipalityID",
            "GET /api/v1/organisations", "GET /api/v1/organisations/:organisationID", "GET /api/v1/agreements",
            "GET /api/v1/agreements/:agreementID", "POST /api/v1/organisations", "POST /api/v1/agreements",
            "POST /api/v1/agreements/:agreementID/routes", "POST /api/v1/agreements/:agreementID/end",
        ])
        add("accounts, organisations and agreements on the administration pages: staff, no newcomer", [
            "GET \(SiteURL.administration)", "POST \(SiteURL.accounts)", "POST \(SiteURL.accountRole(.userID))",
            "GET \(SiteURL.accountClosing(.userID))", "POST \(SiteURL.accountClosing(.userID))", "GET \(SiteURL.newOrganisation)",
            "POST \(SiteURL.organisations)", "GET \(SiteURL.newAgreement)", "POST \(SiteURL.agreements)",
            "GET \(SiteURL.agreement(.agreementID))", "POST \(SiteURL.agreementRoutes(.agreementID))",
            "GET \(SiteURL.agreementEnd(.agreementID))", "POST \(SiteURL.agreementEnd(.agreementID))",
        ])
        add("the offer catalogue: what providers publish (with a person it is a row: eligibleFor, candidates)", [
            "POST /api/v1/offers/import", "GET /api/v1/offers/export", "GET /api/v1/offers/:offerID",
            "GET \(SiteURL.offerImport)", "POST \(SiteURL.offerImport)",
        ])
        add("\"Mijn Schakel\": the person's own pages, on a client session only (no staff session or token reaches them); "
            + "the client role of the rule and a client's 404 for anyone else are PortalTests'", [
            "GET \(SiteURL.portal)", "GET \(SiteURL.portalSignIn)", "POST \(SiteURL.portalSignIn)", "GET \(SiteURL.portalWelcome)",
            "POST \(SiteURL.portalWelcome)", "POST \(SiteURL.portalSignOut)", "GET \(SiteURL.portalProfile)", "GET \(SiteURL.portalPlan)",
            "GET \(SiteURL.portalReferrals)", "GET \(SiteURL.portalConsents)", "GET \(SiteURL.portalWithdrawal(.consentID))",
            "POST \(SiteURL.portalWithdrawal(.consentID))",
            "GET \(SiteURL.portalAccessLog)", "GET \(SiteURL.portalDownload)", "GET \(SiteURL.portalDownloadFile)",
            "GET \(SiteURL.portalCorrection)", "POST \(SiteURL.portalCorrection)", "GET \(SiteURL.portalQuestionnaire)",
            "POST \(SiteURL.portalQuestionnaire)", "GET \(SiteURL.portalElsewhere)",
        ])
        add("the inbox names the referral, meeting or item, never the person; the reader's own", [
            "GET /api/v1/notifications", "POST /api/v1/notifications/:notificationID/read", "POST \(SiteURL.notificationRead(.notificationID))",
        ])
        add("figures: aggregates with small cells suppressed, no person", [
            "GET /api/v1/indicators", "GET /api/v1/indicators/:indicator", "GET /api/v1/indicators/:indicator/tables/:table",
            "GET /api/v1/reports/evaluation", "POST /api/v1/targets",
            "GET \(SiteURL.figures)", "GET \(SiteURL.figureTable(.indicator, .table))", "POST \(SiteURL.targets)",
        ])
        add("evaluation surveys: stored without identifiers (no name, no organisation, only the month)", [
            "GET /api/v1/surveys/:audience", "POST /api/v1/surveys/:audience/responses",
            "GET \(SiteURL.survey(.audience))", "POST \(SiteURL.survey(.audience))",
        ])
        return routes
    }()

    // MARK: The tests

    /// A route that touches a person and is registered but not in the matrix fails here, as does a row or an
    /// exclusion for a route that is no longer registered.
    @Test func everyRouteIsInTheMatrixOrSaysWhyItTouchesNoPerson() async throws {
        try await withTestApp(.sqlite) { app in
            let registered = Set(app.routes.all.map { route in
                "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
            })
            let matrix = Set(Row.allCases.map(\.route))
            let excluded = Set(Self.notAboutPersons.keys)
            #expect(matrix.isDisjoint(with: excluded), "both in the matrix and excluded: \(matrix.intersection(excluded).sorted())")
            for route in registered.subtracting(excluded).subtracting(matrix).sorted() {
                Issue.record("\(route) is registered but neither in the matrix nor in the list of routes that touch no person")
            }
            for route in matrix.union(excluded).subtracting(registered).sorted() {
                Issue.record("\(route) is in the matrix or the exclusions but not registered")
            }
            #expect(matrix.filter { !$0.contains(" /api/") }.count >= 40 && matrix.filter { $0.contains(" /api/") }.count >= 35)
        }
    }

    /// One relation on one engine: its seven users, signed in to the API and the pages, ask every row.
    @Test(arguments: TestDatabase.all, Relation.allCases)
    func everyRouteForEveryRole(database: TestDatabase, relation: Relation) async throws {
        try await withTestApp(database) { app in
            let built = try await PrivacyCase.build(app)
            let world = built.world
            let ids = try IDs(built)
            var browsers: [UserRole: WebSession] = [:]
            for role in UserRole.allCases {
                browsers[role] = try await WebSession.signIn(app, world.users[relation]![role]!.email, password: Fixtures.password)
            }
            var checked = 0
            // Route by route, so that a write a row lets through is seen by every role after it alike.
            for row in Row.allCases {
                for role in UserRole.allCases {
                    let want = Self.expected(row, relation: relation, role: role)
                    let label = "\(row.route) as \(role.rawValue) of \(relation.rawValue)"
                    let (path, body) = row.request(ids)
                    let answer = try await Self.ask(app, row, path: path, body: body, token: world.tokens[relation]![role]!,
                                                    browser: &browsers[role]!)
                    checked += 1
                    guard answer.status == want.status else {
                        Issue.record("\(label): \(answer.status.code), expected \(want) — \(answer.body.prefix(300))")
                        continue
                    }
                    // Nothing of the person reaches an organisation that may not know of them (the search page repeats
                    // the name the reader typed), and the contact details, routed but not consented, not even the partner.
                    if relation == .partnerWithoutConsent || relation == .unrelated {
                        if row != .webPersonSearch {
                            #expect(!answer.body.contains("Testina") && !answer.body.contains("Voorbeeld"), "\(label): the name")
                        }
                        #expect(!answer.body.contains(ids.person.uuidString), "\(label): the person's id")
                    }
                    if relation != .owner {
                        #expect(!answer.body.contains("testina@example.org") && !answer.body.contains("+32 000 00 00 00"),
                                "\(label): the contact details")
                    }
                    switch want {
                    case .hidden, .roleRefused:
                        // Said exactly as for an id that names nothing (where the request names one).
                        let (otherPath, otherBody) = row.request(ids.unknown)
                        guard otherPath != path || otherBody?.text != body?.text else { break }
                        let unknown = try await Self.ask(app, row, path: otherPath, body: otherBody, token: world.tokens[relation]![role]!,
                                                         browser: &browsers[role]!)
                        #expect(unknown.status == answer.status, "\(label): \(answer.status.code), for an unknown id \(unknown.status.code)")
                        #expect(Self.canonical(unknown.body) == Self.canonical(answer.body), "\(label): the answer differs from an unknown id's")
                        #expect(!answer.body.contains("Testina") && !answer.body.contains(ids.person.uuidString), "\(label): names the person")
                    case let .allowed(status) where (200..<300).contains(status.code):
                        if let names = Self.namesPerson(row, relation: relation, role: role) {
                            #expect(answer.body.contains("Testina") == names, "\(label): the name \(names ? "missing" : "shown")")
                        }
                        if let subject = row.subject {
                            let listed = answer.body.contains(subject.id(ids).uuidString)
                            #expect(listed == Self.lists(row, relation: relation, role: role), "\(label): \(subject) \(listed ? "listed" : "missing")")
                        }
                        try Self.checkContent(row, answer.body, relation: relation, role: role)
                    default:
                        break
                    }
                }
            }
            #expect(checked == Row.allCases.count * UserRole.allCases.count)
        }
    }

    /// The categories of a dossier read through the API, and the trajectory's withheld categories.
    static func checkContent(_ row: Row, _ body: String, relation: Relation, role: UserRole) throws {
        switch row {
        case .apiPerson:
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let withheld = Set((json["withheld"] as? [[String: String]] ?? []).compactMap { $0["category"].flatMap(DataCategory.init(rawValue:)) })
            let shown = Set(DataCategory.allCases).subtracting(withheld)
            #expect(shown == expectedCategories(relation: relation, role: role), "categories for \(role.rawValue) of \(relation.rawValue)")
            #expect((json["givenName"] != nil) == shown.contains(.identity))
            #expect((json["phone"] != nil) == shown.contains(.contact))
            #expect((json["languages"] != nil) == shown.contains(.languages))
            #expect((json["labourMarketDistance"] != nil) == shown.contains(.assessment))
        case .apiTrajectory:
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let withheld = json["withheldCategories"] as? [String] ?? []
            #expect(withheld.contains("trajectory-and-referrals") == (relation != .owner))
        default:
            break
        }
    }

    /// A JSON body with its keys sorted (the encoder's order is not fixed); a page as it is.
    static func canonical(_ body: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: object, options: .sortedKeys) else { return body }
        return String(decoding: data, as: UTF8.self)
    }

    struct Reply {
        let status: HTTPStatus
        let body: String
    }

    /// The API with the user's token, a page with the user's signed-in browser.
    static func ask(_ app: Application, _ row: Row, path: String, body: Body?, token: String,
                    browser: inout WebSession) async throws -> Reply {
        if row.isPage {
            let fields: [String: String]
            switch body {
            case let .form(form): fields = form
            case .json, nil: fields = [:]
            }
            let answer = row.method == .GET ? try await browser.get(path) : try await browser.post(path, fields)
            return Reply(status: answer.status, body: answer.html)
        }
        var reply = Reply(status: .internalServerError, body: "")
        try await app.testing().test(row.method, path, beforeRequest: { request in
            request.bearer(token)
            if case let .json(object) = body {
                request.headers.contentType = .json
                request.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
            }
        }) { response in
            reply = Reply(status: response.status, body: response.body.string)
        }
        return reply
    }

    /// Withdrawal takes effect at once: only the owner's caseworkers may withdraw, and then the partner loses the person.
    @Test(arguments: TestDatabase.all)
    func aWithdrawnConsentHidesThePersonAtOnce(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let api = JSONAPI(app: app)
            let partner = world.tokens[.partnerWithConsent]![.jobCounsellor]!
            #expect(try await api.get("persons/\(world.personID)", token: partner).status == .ok)
            for relation in [Relation.unrelated, .partnerWithConsent, .partnerWithoutConsent] {
                #expect(try await api.post("consents/\(world.consentID)/withdraw", token: world.tokens[relation]![.socialWorker]!).status == .notFound)
            }
            #expect(try await api.post("consents/\(world.consentID)/withdraw", token: world.tokens[.owner]![.administrator]!).status == .forbidden)
            let withdrawn = try await api.post("consents/\(world.consentID)/withdraw", token: world.tokens[.owner]![.trajectoryCounsellor]!)
            #expect(withdrawn.status == .ok)
            #expect(withdrawn["active"] as? Bool == false)
            #expect(try await api.get("persons/\(world.personID)", token: partner).status == .notFound)
        }
    }
}
