import SchakelCore

/// The OpenAPI 3.1 description of `/api/v1`, built in code so enum values come from the domain's
/// own types. A test compares its operations with the routes the app really registers.
enum OpenAPIDocument {
    struct Parameter {
        enum Location: String { case path, query }
        let name: String
        let location: Location
        let schema: JSONValue
        let description: String
    }

    struct Operation {
        let method: String
        let path: String
        let id: String
        let summary: String
        let tag: String
        var requiresToken = true
        var parameters: [Parameter] = []
        var requestSchema: String? = nil
        /// A body that is not JSON (the offer import's `text/csv`).
        var requestMediaType: String? = nil
        let success: (status: String, schema: String?)
        var errors: [String] = []
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static func enumSchema<T: CaseIterable & RawRepresentable>(_: T.Type) -> JSONValue where T.RawValue == String {
        ["type": "string", "enum": .array(T.allCases.map { .string($0.rawValue) })]
    }

    static let pagingParameters = [
        Parameter(name: "page", location: .query, schema: ["type": "integer", "minimum": 1, "maximum": .number(Double(Paging.maxPage)), "default": 1], description: "Page number, from 1."),
        Parameter(name: "per", location: .query, schema: ["type": "integer", "minimum": 1, "maximum": .number(Double(Paging.maxPer)), "default": .number(Double(Paging.defaultPer))],
                  description: "Items per page."),
    ]

    static let purposeParameter = Parameter(name: "purpose", location: .query, schema: enumSchema(Purpose.self),
                                            description: "Why you read (default guidance-to-work); consent is given per purpose.")

    static let figureFilterParameters = [
        Parameter(name: "from", location: .query, schema: ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"], description: "First month of a quarter (yyyy-01, -04, -07 or -10); default: the current quarter and the three before it."),
        Parameter(name: "to", location: .query, schema: ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"], description: "Last month of a quarter (yyyy-03, -06, -09 or -12); default: the end of the current quarter."),
        Parameter(name: "agreement", location: .query, schema: ["type": "string", "format": "uuid"],
                  description: "A chain: the organisations party to this agreement (persons they own, referrals between them)."),
        Parameter(name: "region", location: .query, schema: ["type": "string"], description: "NIS code of a region."),
        Parameter(name: "organisation", location: .query, schema: ["type": "string", "format": "uuid"], description: "An organisation (owner of the dossier, or either side of a referral)."),
        Parameter(name: "route", location: .query, schema: ["type": "string"], description: "fromOrganisationId>toOrganisationId."),
        Parameter(name: "legalStatus", location: .query, schema: enumSchema(LegalStatus.self), description: "Current legal status."),
        Parameter(name: "cohort", location: .query, schema: ["type": "string", "pattern": "^(right-to-work|first-referral):[0-9]{4}-[0-9]{2}$"],
                  description: "Month of the right-to-work date or of the first referral."),
    ]

    static func pathID(_ name: String, uuid: Bool = true) -> Parameter {
        Parameter(name: name, location: .path, schema: uuid ? ["type": "string", "format": "uuid"] : ["type": "string"], description: "Identifier.")
    }

    static let operations: [Operation] = [
        Operation(method: "post", path: "/api/v1/auth/token", id: "createToken", summary: "Sign in with e-mail and password; returns a bearer token.",
                  tag: "auth", requiresToken: false, requestSchema: "TokenRequest", success: ("201", "TokenResponse"),
                  errors: ["400", "401", "413", "422", "429"]),
        Operation(method: "delete", path: "/api/v1/auth/token", id: "revokeToken", summary: "Revoke the token this request carries.",
                  tag: "auth", success: ("204", nil)),
        Operation(method: "get", path: "/api/v1/me", id: "getMe", summary: "The signed-in user.", tag: "auth", success: ("200", "User")),
        Operation(method: "get", path: "/api/v1/regions", id: "listRegions", summary: "The five provinces and the Brussels-Capital Region.",
                  tag: "registry", parameters: pagingParameters, success: ("200", "RegionPage"), errors: ["422"]),
        Operation(method: "get", path: "/api/v1/regions/{regionID}", id: "getRegion", summary: "One region by NIS code.",
                  tag: "registry", parameters: [pathID("regionID", uuid: false)], success: ("200", "Region"), errors: ["404"]),
        Operation(method: "get", path: "/api/v1/municipalities", id: "listMunicipalities", summary: "Municipalities with their NIS codes.",
                  tag: "registry",
                  parameters: pagingParameters + [Parameter(name: "region", location: .query, schema: ["type": "string"], description: "NIS code of a region.")],
                  success: ("200", "MunicipalityPage"), errors: ["422"]),
        Operation(method: "get", path: "/api/v1/municipalities/{municipalityID}", id: "getMunicipality", summary: "One municipality by NIS code.",
                  tag: "registry", parameters: [pathID("municipalityID", uuid: false)], success: ("200", "Municipality"), errors: ["404"]),
        Operation(method: "get", path: "/api/v1/organisations", id: "listOrganisations", summary: "Organisations in the chain.",
                  tag: "registry",
                  parameters: pagingParameters + [
                    Parameter(name: "kind", location: .query, schema: enumSchema(OrganisationKind.self), description: "Only this kind."),
                    Parameter(name: "region", location: .query, schema: ["type": "string"], description: "NIS code of a region."),
                  ],
                  success: ("200", "OrganisationPage"), errors: ["422"]),
        Operation(method: "get", path: "/api/v1/organisations/{organisationID}", id: "getOrganisation", summary: "One organisation.",
                  tag: "registry", parameters: [pathID("organisationID")], success: ("200", "Organisation"), errors: ["404"]),
        Operation(method: "get", path: "/api/v1/agreements", id: "listAgreements",
                  summary: "Cooperation agreements with their parties, routes and data categories.", tag: "registry",
                  parameters: pagingParameters + [
                    Parameter(name: "region", location: .query, schema: ["type": "string"], description: "NIS code of the region the agreement covers."),
                    Parameter(name: "organisation", location: .query, schema: ["type": "string", "format": "uuid"], description: "Only agreements this organisation is party to."),
                    Parameter(name: "activeOn", location: .query, schema: ["type": "string", "format": "date"], description: "Only agreements in force on this day."),
                  ],
                  success: ("200", "AgreementPage"), errors: ["422"]),
        Operation(method: "get", path: "/api/v1/agreements/{agreementID}", id: "getAgreement", summary: "One agreement.",
                  tag: "registry", parameters: [pathID("agreementID")], success: ("200", "Agreement"), errors: ["404"]),
        Operation(method: "post", path: "/api/v1/organisations", id: "createOrganisation",
                  summary: "Administrators: add an organisation to the chain; its slug is made from the name.", tag: "registry",
                  requestSchema: "OrganisationInput", success: ("201", "Organisation"), errors: ["400", "403", "409", "413", "422"]),
        Operation(method: "post", path: "/api/v1/agreements", id: "createAgreement",
                  summary: "Administrators: record an agreement your organisation is party to, with routes that open your own organisation's data (every route starts at your organisation). One transaction.",
                  tag: "registry", requestSchema: "AgreementInput", success: ("201", "Agreement"), errors: ["400", "403", "409", "413", "422"]),
        Operation(method: "post", path: "/api/v1/agreements/{agreementID}/routes", id: "addAgreementRoute",
                  summary: "Administrators of a party: open a route from your organisation to another party, with the data categories that may travel on it.",
                  tag: "registry", parameters: [pathID("agreementID")], requestSchema: "AgreementRouteInput", success: ("201", "Agreement"),
                  errors: ["400", "403", "404", "409", "413", "422"]),
        Operation(method: "post", path: "/api/v1/agreements/{agreementID}/end", id: "endAgreement",
                  summary: "Administrators of a party: end the agreement with immediate effect (last in force yesterday); nothing travels on its routes from today.",
                  tag: "registry", parameters: [pathID("agreementID")], success: ("200", "Agreement"), errors: ["403", "404", "409"]),
        Operation(method: "post", path: "/api/v1/persons", id: "createPerson",
                  summary: "Create a dossier owned by your organisation. Direct identifiers are encrypted at rest.", tag: "persons",
                  requestSchema: "PersonInput", success: ("201", "Person"), errors: ["400", "403", "413", "422"]),
        Operation(method: "get", path: "/api/v1/persons", id: "listPersons",
                  summary: "Your organisation's dossiers and those shared with it under an agreement and consent.",
                  tag: "persons", parameters: pagingParameters + [purposeParameter],
                  success: ("200", "PersonSummaryPage"), errors: ["403", "422"]),
        Operation(method: "post", path: "/api/v1/persons/search", id: "searchPersons",
                  summary: "Find dossiers by full name (exact after folding case, accents and spaces) through a blind index; a POST so no name stands in a URL.",
                  tag: "persons", parameters: pagingParameters + [purposeParameter], requestSchema: "PersonSearch",
                  success: ("200", "PersonSummaryPage"), errors: ["400", "403", "422"]),
        Operation(method: "get", path: "/api/v1/persons/{personID}", id: "getPerson",
                  summary: "Caseworker roles: a dossier with only the categories the access rule allows; `withheld` names the others and why.",
                  tag: "persons", parameters: [pathID("personID"), purposeParameter], success: ("200", "Person"), errors: ["403", "404", "422"]),
        Operation(method: "patch", path: "/api/v1/persons/{personID}", id: "updatePerson",
                  summary: "Change a dossier of your organisation; `version` must be the version you read (409 when stale).", tag: "persons",
                  parameters: [pathID("personID")], requestSchema: "PersonInput", success: ("200", "Person"),
                  errors: ["400", "403", "404", "409", "413", "422"]),
        Operation(method: "get", path: "/api/v1/persons/{personID}/consents", id: "listConsents",
                  summary: "The person's consents, with the text as it was shown (the owner's caseworkers).", tag: "persons",
                  parameters: [pathID("personID")], success: ("200", "ConsentList"), errors: ["403", "404"]),
        Operation(method: "post", path: "/api/v1/persons/{personID}/consents", id: "addConsent",
                  summary: "Record a consent: recipient organisation, purpose, categories, how it was obtained, the text.", tag: "persons",
                  parameters: [pathID("personID")], requestSchema: "ConsentInput", success: ("201", "Consent"),
                  errors: ["400", "403", "404", "413", "422"]),
        Operation(method: "get", path: "/api/v1/consent-texts", id: "listConsentTextLanguages",
                  summary: "The languages a person can be told about consent in, with their own names, direction and whether a qualified translator reviewed their texts.",
                  tag: "persons", success: ("200", "ConsentTextLanguages"), errors: ["403"]),
        Operation(method: "get", path: "/api/v1/consent-texts/{language}", id: "getConsentText",
                  summary: "The standard consent text and its easy-read explanation for these choices, in this language: what to show the person before recording a consent.",
                  tag: "persons",
                  parameters: [Parameter(name: "language", location: .path, schema: enumSchema(ConsentLanguage.self), description: "The person's language."),
                               Parameter(name: "recipientOrganisationId", location: .query, schema: ["type": "string", "format": "uuid"],
                                         description: "The organisation that would receive the data."),
                               Parameter(name: "purpose", location: .query, schema: enumSchema(Purpose.self), description: "Why."),
                               Parameter(name: "categories", location: .query, schema: ["type": "string"],
                                         description: "The data categories, comma-separated (identity,languages).")],
                  success: ("200", "ConsentText"), errors: ["403", "422"]),
        Operation(method: "post", path: "/api/v1/consents/{consentID}/withdraw", id: "withdrawConsent",
                  summary: "Withdraw a consent; takes effect at once.", tag: "persons",
                  parameters: [pathID("consentID")], success: ("200", "Consent"), errors: ["403", "404"]),
        Operation(method: "get", path: "/api/v1/persons/{personID}/access-log", id: "getAccessLog",
                  summary: "Who read or changed what of this person (the owner's caseworkers only).", tag: "persons",
                  parameters: pagingParameters + [pathID("personID")], success: ("200", "AccessLogPage"), errors: ["403", "404", "422"]),
        Operation(method: "get", path: "/api/v1/persons/{personID}/export", id: "exportPerson",
                  summary: "Everything about the person, consents and access log included (GDPR articles 15 and 20).", tag: "gdpr",
                  parameters: [pathID("personID")], success: ("200", "PersonExport"), errors: ["403", "404"]),
        Operation(method: "post", path: "/api/v1/persons/{personID}/erase", id: "erasePerson",
                  summary: "Erase identifiers and free text, keep pseudonymous facts for statistics (GDPR article 17).", tag: "gdpr",
                  parameters: [pathID("personID")], requestSchema: "ErasureInput", success: ("200", "Erasure"),
                  errors: ["400", "403", "404", "422"]),
        Operation(method: "get", path: "/api/v1/persons/{personID}/portal-access", id: "getPortalAccess",
                  summary: "Whether the person has access to Mijn Schakel, their own portal, in which language, and when they last used it (the owner's caseworkers).",
                  tag: "portal", parameters: [pathID("personID")], success: ("200", "PortalAccess"), errors: ["403", "404"]),
        Operation(method: "post", path: "/api/v1/persons/{personID}/portal-access/invitation", id: "invitePerson",
                  summary: "A new invitation to Mijn Schakel: the account number and a one-time code (in this answer only) for a letter in the person's language; an earlier code stops working.",
                  tag: "portal", parameters: [pathID("personID")], requestSchema: "PortalInvitationInput",
                  success: ("201", "PortalInvitation"), errors: ["400", "403", "404", "422"]),
        Operation(method: "post", path: "/api/v1/persons/{personID}/portal-access/revoke", id: "revokePortalAccess",
                  summary: "Close the person's access to Mijn Schakel at once: the passphrase and any code stop working, every session ends.",
                  tag: "portal", parameters: [pathID("personID")], success: ("200", "PortalAccess"), errors: ["403", "404"]),
        Operation(method: "post", path: "/api/v1/referrals", id: "createReferral",
                  summary: "Draft a referral of a person you may see to an organisation an agreement route in force leads to.",
                  tag: "referrals", requestSchema: "ReferralInput", success: ("201", "Referral"), errors: ["400", "403", "413", "422"]),
        Operation(method: "get", path: "/api/v1/referrals", id: "listReferrals",
                  summary: "Referrals your organisation sent or received, newest first; `overdue=true` lists those past the first-contact deadline.",
                  tag: "referrals",
                  parameters: pagingParameters + [
                      Parameter(name: "direction", location: .query, schema: ["type": "string", "enum": ["sent", "received"]],
                                description: "Only sent or only received referrals."),
                      Parameter(name: "state", location: .query, schema: enumSchema(ReferralState.self), description: "Only this state."),
                      Parameter(name: "overdue", location: .query, schema: ["type": "string", "enum": ["true"]],
                                description: "Only sent referrals past their first-contact deadline."),
                  ],
                  success: ("200", "ReferralSummaryPage"), errors: ["403", "422"]),
        Operation(method: "get", path: "/api/v1/referrals/{referralID}", id: "getReferral",
                  summary: "State, deadline, outcome and history (closed loop); for the receiver also the snapshot, limited by the access rule now.",
                  tag: "referrals", parameters: [pathID("referralID")], success: ("200", "Referral"), errors: ["403", "404"]),
        Operation(method: "get", path: "/api/v1/referrals/{referralID}/preview", id: "previewReferral",
                  summary: "Before sending: exactly the profile the receiver will see.",
                  tag: "referrals", parameters: [pathID("referralID")], success: ("200", "Person"), errors: ["403", "404", "409"]),
        Operation(method: "post", path: "/api/v1/referrals/{referralID}/{action}", id: "stepReferral",
                  summary: "Take a step: send and cancel (sender); receive, accept, refuse (reason and text), reconsider (text), start, complete (outcome) (receiver). An illegal step is a 409 naming the allowed ones.",
                  tag: "referrals",
                  parameters: [pathID("referralID"),
                               Parameter(name: "action", location: .path, schema: enumSchema(ReferralAction.self), description: "The step.")],
                  requestSchema: "ReferralStep", success: ("200", "Referral"), errors: ["400", "403", "404", "409", "413", "422"]),
        Operation(method: "get", path: "/api/v1/persons/{personID}/trajectory", id: "getTrajectory",
                  summary: "The person's trajectory: steps in parallel lanes and the milestones, as far as the access rule lets you see (trajectory and legal-status categories).",
                  tag: "trajectories", parameters: [pathID("personID"), purposeParameter], success: ("200", "Trajectory"),
                  errors: ["403", "404", "422"]),
        Operation(method: "post", path: "/api/v1/persons/{personID}/trajectory/steps", id: "addTrajectoryStep",
                  summary: "Record a step your organisation runs or arranges; needs the trajectory category for your purpose.",
                  tag: "trajectories", parameters: [pathID("personID"), purposeParameter], requestSchema: "TrajectoryStepInput",
                  success: ("201", "TrajectoryStep"), errors: ["400", "403", "404", "413", "422"]),
        Operation(method: "patch", path: "/api/v1/persons/{personID}/trajectory/steps/{stepID}", id: "updateTrajectoryStep",
                  summary: "Change a step your organisation wrote, from the version you read (a stale version is a 409).",
                  tag: "trajectories", parameters: [pathID("personID"), pathID("stepID"), purposeParameter],
                  requestSchema: "TrajectoryStepInput", success: ("200", "TrajectoryStep"), errors: ["400", "403", "404", "409", "413", "422"]),
        Operation(method: "post", path: "/api/v1/persons/{personID}/milestones", id: "recordMilestone",
                  summary: "Record a milestone (for example leaving reception); it takes precedence over a derived one of the same kind.",
                  tag: "trajectories", parameters: [pathID("personID"), purposeParameter], requestSchema: "MilestoneInput",
                  success: ("201", "Milestone"), errors: ["400", "403", "404", "413", "422"]),
        Operation(method: "get", path: "/api/v1/right-to-work/upcoming", id: "listUpcomingRightToWork",
                  summary: "Your organisation's persons whose right-to-work date falls in the coming weeks, and whether they were referred yet.",
                  tag: "trajectories",
                  parameters: [Parameter(name: "weeks", location: .query, schema: ["type": "integer", "minimum": 1, "maximum": 26, "default": 6],
                                         description: "How many weeks ahead.")],
                  success: ("200", "UpcomingRightToWorkList"), errors: ["403", "422"]),
        Operation(method: "get", path: "/api/v1/notifications", id: "listNotifications",
                  summary: "Your inbox and your organisation's: new referrals, decisions, overdue referrals, conference actions. Names things, never persons.",
                  tag: "notifications",
                  parameters: pagingParameters + [Parameter(name: "unread", location: .query, schema: ["type": "string", "enum": ["true"]],
                                                            description: "Only unread notifications.")],
                  success: ("200", "NotificationPage"), errors: ["422"]),
        Operation(method: "post", path: "/api/v1/notifications/{notificationID}/read", id: "markNotificationRead",
                  summary: "Mark a notification as read.", tag: "notifications", parameters: [pathID("notificationID")],
                  success: ("200", "Notification"), errors: ["404"]),
        Operation(method: "post", path: "/api/v1/case-conferences", id: "createCaseConference",
                  summary: "Plan a case conference with other organisations; may follow up an earlier one (its open actions carry over).",
                  tag: "case-conferences", requestSchema: "CaseConferenceInput", success: ("201", "CaseConference"),
                  errors: ["400", "403", "413", "422"]),
        Operation(method: "get", path: "/api/v1/case-conferences", id: "listCaseConferences",
                  summary: "Conferences your organisation takes part in, newest first.", tag: "case-conferences",
                  parameters: pagingParameters, success: ("200", "CaseConferenceSummaryPage"), errors: ["403", "422"]),
        Operation(method: "get", path: "/api/v1/case-conferences/{conferenceID}", id: "getCaseConference",
                  summary: "A conference: participants, the persons you may still see, decisions, actions and what carried over.",
                  tag: "case-conferences", parameters: [pathID("conferenceID")], success: ("200", "CaseConference"), errors: ["403", "404"]),
        Operation(method: "post", path: "/api/v1/case-conferences/{conferenceID}/persons", id: "addConferencePerson",
                  summary: "Put a person on the agenda: only when the person's consent covers every other participant for a case conference (422 names those it does not).",
                  tag: "case-conferences", parameters: [pathID("conferenceID")], requestSchema: "ConferencePersonInput",
                  success: ("200", "CaseConference"), errors: ["400", "403", "404", "413", "422"]),
        Operation(method: "post", path: "/api/v1/case-conferences/{conferenceID}/items", id: "addConferenceItem",
                  summary: "Write down a decision, or an action with an owner organisation and a due date (the owner is notified).",
                  tag: "case-conferences", parameters: [pathID("conferenceID")], requestSchema: "ConferenceItemInput",
                  success: ("201", "ConferenceItem"), errors: ["400", "403", "404", "413", "422"]),
        Operation(method: "post", path: "/api/v1/case-conferences/{conferenceID}/items/{itemID}/status", id: "setConferenceItemStatus",
                  summary: "Close (done, dropped) or reopen an action: its owner organisation or the organiser.",
                  tag: "case-conferences", parameters: [pathID("conferenceID"), pathID("itemID")], requestSchema: "ConferenceItemStatus",
                  success: ("200", "ConferenceItem"), errors: ["400", "403", "404", "413", "422"]),
        Operation(method: "post", path: "/api/v1/referrals/{referralID}/hand-over-meeting", id: "recordHandOverMeeting",
                  summary: "Record the meeting of a warm hand-over (date, participants, notes); either side, once sent. The other side is notified.",
                  tag: "referrals", parameters: [pathID("referralID")], requestSchema: "HandOverMeetingInput",
                  success: ("201", "Referral"), errors: ["400", "403", "404", "409", "413", "422"]),
        Operation(method: "get", path: "/api/v1/referrals/{referralID}/profile", id: "getHandOverProfile",
                  summary: "The profile of a warm hand-over, as data: exactly what the access rule lets travel now (withheld categories named), the organisations and the meetings. Staff print it from the referral's page.",
                  tag: "referrals", parameters: [pathID("referralID")], success: ("200", "HandOverProfile"), errors: ["403", "404", "422"]),
        Operation(method: "post", path: "/api/v1/employer-requests", id: "createEmployerRequest",
                  summary: "An employer's question about hiring newcomers, or a place it offers; handled by your organisation unless you name another.",
                  tag: "employer-requests", requestSchema: "EmployerRequestInput", success: ("201", "EmployerRequest"),
                  errors: ["400", "403", "413", "422"]),
        Operation(method: "get", path: "/api/v1/employer-requests", id: "listEmployerRequests",
                  summary: "Requests your organisation handles or sent, newest first.", tag: "employer-requests",
                  parameters: pagingParameters + [Parameter(name: "state", location: .query, schema: enumSchema(EmployerRequestState.self),
                                                            description: "Only requests in this state.")],
                  success: ("200", "EmployerRequestPage"), errors: ["403", "422"]),
        Operation(method: "get", path: "/api/v1/employer-requests/{requestID}", id: "getEmployerRequest",
                  summary: "One employer request.", tag: "employer-requests", parameters: [pathID("requestID")],
                  success: ("200", "EmployerRequest"), errors: ["403", "404"]),
        Operation(method: "post", path: "/api/v1/employer-requests/{requestID}/assign", id: "assignEmployerRequest",
                  summary: "Route the request to a contact person of the handling organisation (who is notified).", tag: "employer-requests",
                  parameters: [pathID("requestID")], requestSchema: "EmployerRequestAssign", success: ("200", "EmployerRequest"),
                  errors: ["400", "403", "404", "409", "413", "422"]),
        Operation(method: "post", path: "/api/v1/employer-requests/{requestID}/answer", id: "answerEmployerRequest",
                  summary: "Record the answer given to the employer.", tag: "employer-requests", parameters: [pathID("requestID")],
                  requestSchema: "EmployerRequestAnswer", success: ("200", "EmployerRequest"), errors: ["400", "403", "404", "409", "413", "422"]),
        Operation(method: "post", path: "/api/v1/employer-requests/{requestID}/close", id: "closeEmployerRequest",
                  summary: "Close an answered request.", tag: "employer-requests", parameters: [pathID("requestID")],
                  success: ("200", "EmployerRequest"), errors: ["403", "404", "409"]),
        Operation(method: "get", path: "/api/v1/offers", id: "listOffers",
                  summary: "The offer catalogue, filtered; with `eligibleFor` only the offers that are not ruled out for that person, each with its findings (judged on what the access rule lets you see: a withheld category is unknown, not a refusal).",
                  tag: "offers",
                  parameters: pagingParameters + [
                      Parameter(name: "kind", location: .query, schema: enumSchema(OfferKind.self), description: "Kind of offer."),
                      Parameter(name: "sector", location: .query, schema: string, description: "Sector as the provider names it."),
                      Parameter(name: "region", location: .query, schema: string, description: "NIS code of the province or Brussels."),
                      Parameter(name: "schedule", location: .query, schema: enumSchema(OfferSchedule.self), description: "Offers with this schedule."),
                      Parameter(name: "eligibleFor", location: .query, schema: uuid, description: "A person you may see."),
                      purposeParameter,
                  ],
                  success: ("200", "OfferForPersonPage"), errors: ["403", "422"]),
        Operation(method: "post", path: "/api/v1/offers/import", id: "importOffers",
                  summary: "Load offers from CSV (body `text/csv`, up to 4 MB, columns in the README): all rows or none; a row with `id` updates that offer of yours. A bad file is a 422 whose `error.problems` names every line and column; a file that would give a provider more offers than the per-provider limit (default 5 000) is a 422 naming it (`error.field` = `provider`).",
                  tag: "offers", requestMediaType: "text/csv", success: ("200", "OfferImport"), errors: ["403", "413", "422"]),
        Operation(method: "get", path: "/api/v1/offers/export", id: "exportOffers",
                  summary: "The catalogue as CSV (`text/csv`) in the import's columns.", tag: "offers",
                  parameters: [Parameter(name: "provider", location: .query, schema: string, description: "Slug of one provider.")],
                  success: ("200", nil), errors: ["422"]),
        Operation(method: "get", path: "/api/v1/offers/{offerID}", id: "getOffer", summary: "One offer.", tag: "offers",
                  parameters: [pathID("offerID")], success: ("200", "Offer"), errors: ["404"]),
        Operation(method: "get", path: "/api/v1/offers/{offerID}/candidates", id: "listOfferCandidates",
                  summary: "Persons you may see who fit the offer, best fit first, with eligibility and reasons.", tag: "offers",
                  parameters: [pathID("offerID"), purposeParameter,
                               Parameter(name: "limit", location: .query, schema: ["type": "integer", "minimum": 1, "maximum": 100, "default": 20], description: "How many."),
                               Parameter(name: "includeUnknown", location: .query, schema: ["type": "boolean"], description: "Also those whose verdict depends on data not recorded.")],
                  success: ("200", "CandidateList"), errors: ["403", "404", "422"]),
        Operation(method: "get", path: "/api/v1/persons/{personID}/recommendations", id: "listRecommendations",
                  summary: "The eligible offers for a person, best fit first, each with the reasons of its fit.", tag: "offers",
                  parameters: [pathID("personID"), purposeParameter,
                               Parameter(name: "limit", location: .query, schema: ["type": "integer", "minimum": 1, "maximum": 100, "default": 20], description: "How many."),
                               Parameter(name: "includeUnknown", location: .query, schema: ["type": "boolean"], description: "Also offers whose verdict depends on data not recorded.")],
                  success: ("200", "OfferForPersonList"), errors: ["403", "404", "422"]),
        Operation(method: "get", path: "/api/v1/indicators", id: "listIndicators",
                  summary: "The indicators there are (coordinators and analysts only).", tag: "figures",
                  success: ("200", "IndicatorNames"), errors: ["403"]),
        Operation(method: "get", path: "/api/v1/indicators/{indicator}", id: "getIndicator",
                  summary: "One indicator for a period and filter, live and exact, with every count of fewer than 5 persons shown as \"<5\" (also where subtracting another query or a shorter period would reveal it).",
                  tag: "figures", parameters: [Parameter(name: "indicator", location: .path, schema: enumSchema(Indicators.Name.self), description: "Which indicator.")] + figureFilterParameters,
                  success: ("200", "Indicator"), errors: ["403", "422"]),
        Operation(method: "get", path: "/api/v1/indicators/{indicator}/tables/{table}", id: "getIndicatorTableCSV",
                  summary: "One table of an indicator as CSV (`text/csv`): `{table}` is the table's id followed by `.csv`. Withheld counts read `<5` (fewer than 5 persons) or `x` (5 or more, withheld to protect another count); the last line is a note saying so.",
                  tag: "figures", parameters: [Parameter(name: "indicator", location: .path, schema: enumSchema(Indicators.Name.self), description: "Which indicator."),
                                               Parameter(name: "table", location: .path, schema: string, description: "The table's id and .csv, e.g. decisions.csv.")] + figureFilterParameters,
                  success: ("200", nil), errors: ["403", "404", "422"]),
        Operation(method: "get", path: "/api/v1/reports/evaluation", id: "getEvaluationReport",
                  summary: "The evaluation report of the chain: every indicator for the period and filter, and the survey answers.", tag: "figures",
                  parameters: figureFilterParameters, success: ("200", "EvaluationReport"), errors: ["403", "422"]),
        Operation(method: "post", path: "/api/v1/targets", id: "createTarget",
                  summary: "A target: persons an organisation means to bring to a job or training between two dates.", tag: "figures",
                  requestSchema: "TargetInput", success: ("201", "TargetProgress"), errors: ["403", "422"]),
        Operation(method: "get", path: "/api/v1/surveys/{audience}", id: "getQuestionnaire",
                  summary: "The evaluation questionnaire for frontline workers or clients, in Dutch and English.", tag: "figures",
                  parameters: [Parameter(name: "audience", location: .path, schema: enumSchema(SurveyAudience.self), description: "Who answers.")],
                  success: ("200", "Questionnaire"), errors: ["404"]),
        Operation(method: "post", path: "/api/v1/surveys/{audience}/responses", id: "createSurveyResponse",
                  summary: "One response, stored without any identifier (no user, organisation or time; only the month). Open answers are masked for e-mail addresses, phone and national register numbers.",
                  tag: "figures", parameters: [Parameter(name: "audience", location: .path, schema: enumSchema(SurveyAudience.self), description: "Who answers.")],
                  requestSchema: "SurveyResponseInput", success: ("201", "SurveyReceived"), errors: ["403", "404", "422"]),
        Operation(method: "get", path: "/api/v1/openapi.json", id: "getOpenAPI", summary: "This document.", tag: "meta",
                  requiresToken: false, success: ("200", nil)),
    ]

    static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }

    /// The dossier's fields, shared by the input and the answer.
    static func personProperties(input: Bool) -> [(String, JSONValue)] {
        let statusRecord = object([("status", enumSchema(LegalStatus.self)), ("since", date)], required: ["status", "since"])
        let language = object([("language", ["type": "string", "pattern": "^[a-z]{2,3}$"]), ("level", enumSchema(CEFRLevel.self)),
                               ("assessedOn", date), ("isMotherTongue", ["type": "boolean"])],
                              required: ["language", "level", "assessedOn", "isMotherTongue"])
        let education = object([("level", ["type": "integer", "minimum": 0, "maximum": 8]), ("field", ["type": "string", "maxLength": 200]),
                                ("country", ["type": "string", "pattern": "^[A-Z]{2}$"]),
                                ("recognition", enumSchema(DiplomaRecognition.self))], required: ["level", "field", "country", "recognition"])
        let experience = object([("occupation", ["type": "string", "pattern": "^[0-9]{4}$"]), ("years", ["type": "integer"]),
                                 ("country", ["type": "string", "pattern": "^[A-Z]{2}$"])],
                                required: ["occupation", "years", "country"])
        let constraints = object([("needsChildcare", ["type": "boolean"]), ("mobility", enumSchema(Mobility.self)),
                                  ("hasDrivingLicence", ["type": "boolean"]), ("needsAdaptedWork", ["type": "boolean"])],
                                 required: ["needsChildcare", "mobility", "hasDrivingLicence", "needsAdaptedWork"])
        let availability = object([("partTimeOnly", ["type": "boolean"]), ("evenings", ["type": "boolean"]), ("weekends", ["type": "boolean"])],
                                  required: ["partTimeOnly", "evenings", "weekends"])
        var properties: [(String, JSONValue)] = [
            ("givenName", ["type": "string", "maxLength": 100]), ("familyName", ["type": "string", "maxLength": 100]), ("birthDate", date),
            ("birthYear", ["type": "integer"]), ("nationalRegisterNumber", ["type": "string", "maxLength": 20]),
            ("countryOfOrigin", ["type": "string", "pattern": "^[A-Z]{2}$"]),
            ("phone", ["type": "string", "maxLength": 30]), ("email", ["type": "string", "maxLength": 254]),
            ("address", ["type": "string", "maxLength": 300]), ("homeMunicipalityId", string),
            ("statusHistory", ["type": "array", "items": statusRecord]), ("protectionRequestedOn", date), ("arrivedOn", date),
            ("languages", ["type": "array", "items": language]), ("education", ["type": "array", "items": education]),
            ("workExperience", ["type": "array", "items": experience]),
            ("competences", ["type": "array", "items": enumSchema(Competence.self)]),
            ("jobWishes", ["type": "array", "items": ["type": "string", "pattern": "^[0-9]{4}$"]]),
            ("constraints", constraints), ("availability", availability),
            ("labourMarketDistance", enumSchema(LabourMarketDistance.self)), ("resilience", enumSchema(Resilience.self)),
        ]
        if input { properties.append(("version", ["type": "integer", "description": "Required on PATCH: the version you read."])) }
        return properties
    }

    static let string: JSONValue = ["type": "string"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let date: JSONValue = ["type": "string", "format": "date"]
    static func nullable(_ type: String, format: String? = nil, maxLength: Int? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", [.string(type), "null"])]
        if let format { pairs.append(("format", .string(format))) }
        if let maxLength { pairs.append(("maxLength", .number(Double(maxLength)))) }
        return .object(pairs)
    }
    /// A schema with a description of the rule it follows beyond its properties.
    static func described(_ schema: JSONValue, _ description: String) -> JSONValue {
        guard case .object(let pairs) = schema else { return schema }
        return .object(pairs + [("description", .string(description))])
    }
    static func page(of item: String) -> JSONValue {
        object([("items", ["type": "array", "items": ref(item)]), ("metadata", ref("PageMetadata"))], required: ["items", "metadata"])
    }

    static var schemas: [(String, JSONValue)] {
        [
            ("Error", object([("error", object([("code", string), ("message", string), ("field", nullable("string")),
                                                ("allowed", ["type": "array", "items": string]),
                                                ("problems", ["type": "array", "items": string])],
                                               required: ["code", "message"]))], required: ["error"])),
            ("PageMetadata", object([("page", ["type": "integer"]), ("per", ["type": "integer"]), ("total", ["type": "integer"])],
                                    required: ["page", "per", "total"])),
            ("TokenRequest", object([("email", ["type": "string", "format": "email", "maxLength": 254]),
                                     ("password", ["type": "string", "maxLength": 200])], required: ["email", "password"])),
            ("TokenResponse", object([("token", string), ("expiresAt", ["type": "string", "format": "date-time"]), ("user", ref("User"))],
                                     required: ["token", "expiresAt", "user"])),
            ("User", object([("id", uuid), ("email", string), ("displayName", string), ("organisationId", uuid),
                             ("role", enumSchema(UserRole.self)), ("language", ["type": "string", "enum": ["nl", "en"]])],
                            required: ["id", "email", "displayName", "organisationId", "role", "language"])),
            ("Region", object([("id", string), ("nameNL", string), ("nameEN", string), ("kind", enumSchema(Region.Kind.self))],
                              required: ["id", "nameNL", "nameEN", "kind"])),
            ("Municipality", object([("id", string), ("nameNL", string), ("nameFR", nullable("string")), ("regionId", string)],
                                    required: ["id", "nameNL", "regionId"])),
            ("Organisation", object([("id", uuid), ("slug", string), ("name", string), ("kind", enumSchema(OrganisationKind.self)),
                                     ("regionId", string), ("municipalityId", nullable("string"))],
                                    required: ["id", "slug", "name", "kind", "regionId"])),
            ("AgreementParty", object([("organisationId", uuid), ("tasks", ["type": "array", "items": enumSchema(PartyTask.self)])],
                                      required: ["organisationId", "tasks"])),
            ("AgreementRoute", object([("id", uuid), ("fromOrganisationId", uuid), ("toOrganisationId", uuid),
                                       ("categories", ["type": "array", "items": enumSchema(DataCategory.self)]),
                                       ("responseDays", ["type": "integer", "minimum": 1, "maximum": 30])],
                                      required: ["id", "fromOrganisationId", "toOrganisationId", "categories", "responseDays"])),
            ("OrganisationInput", object([("name", ["type": "string", "minLength": 2, "maxLength": 200]), ("kind", enumSchema(OrganisationKind.self)),
                                          ("regionId", string), ("municipalityId", nullable("string"))],
                                         required: ["name", "kind", "regionId"])),
            ("AgreementRouteInput", object([("fromOrganisationId", nullable("string", format: "uuid")), ("toOrganisationId", uuid),
                                            ("categories", ["type": "array", "minItems": 1, "items": enumSchema(DataCategory.self)]),
                                            ("responseDays", ["type": "integer", "minimum": 1, "maximum": 30, "default": 5])],
                                           required: ["toOrganisationId", "categories"])),
            ("AgreementInput", object([("title", ["type": "string", "minLength": 3, "maxLength": 200]), ("kind", enumSchema(AgreementKind.self)),
                                       ("regionId", nullable("string")), ("validFrom", date), ("validUntil", nullable("string", format: "date")),
                                       ("parties", ["type": "array", "minItems": 2,
                                                    "items": object([("organisationId", uuid),
                                                                     ("tasks", ["type": "array", "items": enumSchema(PartyTask.self)])],
                                                                    required: ["organisationId"])]),
                                       ("routes", ["type": "array", "items": ref("AgreementRouteInput")])],
                                      required: ["title", "kind", "validFrom", "parties"])),
            ("Agreement", object([("id", uuid), ("title", string), ("kind", enumSchema(AgreementKind.self)), ("regionId", nullable("string")),
                                  ("validFrom", date), ("validUntil", nullable("string", format: "date")), ("active", ["type": "boolean"]),
                                  ("parties", ["type": "array", "items": ref("AgreementParty")]),
                                  ("routes", ["type": "array", "items": ref("AgreementRoute")]),
                                  ("endedAt", nullable("string", format: "date-time"))],
                                 required: ["id", "title", "kind", "validFrom", "active", "parties", "routes"])),
            ("PersonInput", object(personProperties(input: true), required: [])),
            ("Person", object([("id", uuid), ("reference", string), ("ownerOrganisationId", uuid), ("version", ["type": "integer"]),
                               ("purpose", enumSchema(Purpose.self)),
                               ("withheld", ["type": "array", "items": object([("category", enumSchema(DataCategory.self)),
                                                                                ("reason", enumSchema(AccessRule.Denial.self))],
                                                                               required: ["category", "reason"])]),
                               ("rightToWork", object([("mayWork", ["type": "boolean"]), ("date", nullable("string", format: "date")),
                                                       ("basis", nullable("string")), ("unknownReason", nullable("string"))], required: ["mayWork"]))]
                              + personProperties(input: false),
                              required: ["id", "reference", "ownerOrganisationId", "version", "purpose", "withheld"])),
            ("PersonSummary", object([("id", uuid), ("reference", string), ("ownerOrganisationId", uuid), ("givenName", nullable("string")),
                                      ("familyName", nullable("string"))], required: ["id", "reference", "ownerOrganisationId"])),
            ("PersonSummaryPage", page(of: "PersonSummary")),
            ("PersonSearch", object([("name", ["type": "string", "minLength": 1, "maxLength": 200])], required: ["name"])),
            ("ConsentInput", described(object([("recipientOrganisationId", uuid), ("purpose", enumSchema(Purpose.self)),
                                     ("categories", ["type": "array", "items": enumSchema(DataCategory.self), "minItems": 1]),
                                     ("method", enumSchema(ConsentMethod.self)), ("witness", nullable("string", maxLength: 200)),
                                     ("givenAt", nullable("string", format: "date-time")), ("expiresAt", nullable("string", format: "date-time")),
                                     ("text", ["type": ["string", "null"], "maxLength": 20000,
                                               "description": "The text as the person saw or heard it; absent or empty: Schakel's standard text."]),
                                     ("textLanguage", ["allOf": [enumSchema(ConsentLanguage.self)],
                                                       "description": "The language the person was told in."]),
                                     ("interpreter", nullable("string", maxLength: 200)),
                                     ("personReadsText", ["type": ["boolean", "null"],
                                                          "description": "Whether the person could read the text themselves; absent: yes."])],
                                    required: ["recipientOrganisationId", "purpose", "categories", "method", "textLanguage"]),
                                    "Without `text`, Schakel writes its standard text in `textLanguage`; every language has one. When that text was "
                                    + "not reviewed by a qualified translator (`GET /api/v1/consent-texts` says which are), when the text is your own, or "
                                    + "when the person cannot read it (`personReadsText: false`), an `interpreter` (name or service) or a `witness` must "
                                    + "be named; otherwise 422 on `interpreter`.")),
            ("ConsentTextLanguage", object([("language", enumSchema(ConsentLanguage.self)), ("name", string), ("tag", string),
                                            ("rightToLeft", ["type": "boolean"]), ("reviewedByTranslator", ["type": "boolean"])],
                                           required: ["language", "name", "tag", "rightToLeft", "reviewedByTranslator"])),
            ("ConsentTextLanguages", ["type": "array", "items": ref("ConsentTextLanguage")]),
            ("ConsentText", object([("language", enumSchema(ConsentLanguage.self)), ("tag", string), ("rightToLeft", ["type": "boolean"]),
                                    ("reviewedByTranslator", ["type": "boolean"]), ("text", string), ("easyReadTitle", string),
                                    ("easyRead", ["type": "array", "items": string])],
                                   required: ["language", "tag", "rightToLeft", "reviewedByTranslator", "text", "easyReadTitle", "easyRead"])),
            ("Consent", object([("id", uuid), ("personId", uuid), ("recipientOrganisationId", uuid), ("purpose", enumSchema(Purpose.self)),
                                ("categories", ["type": "array", "items": enumSchema(DataCategory.self)]), ("method", enumSchema(ConsentMethod.self)),
                                ("witness", nullable("string")), ("givenAt", ["type": "string", "format": "date-time"]),
                                ("expiresAt", nullable("string", format: "date-time")), ("recordedByUserId", uuid), ("text", string),
                                ("textLanguage", enumSchema(ConsentLanguage.self)), ("textWrittenIn", enumSchema(ConsentLanguage.self)),
                                ("interpreter", nullable("string")), ("textReviewed", ["type": ["boolean", "null"]]),
                                ("personReadsText", ["type": ["boolean", "null"]]), ("withdrawnAt", nullable("string", format: "date-time")),
                                ("withdrawnByUserId", nullable("string", format: "uuid")),
                                ("withdrawnByPerson", ["type": "boolean"]), ("active", ["type": "boolean"])],
                               required: ["id", "personId", "recipientOrganisationId", "purpose", "categories", "method", "givenAt",
                                          "recordedByUserId", "text", "textLanguage", "textWrittenIn", "withdrawnByPerson", "active"])),
            ("ConsentList", ["type": "array", "items": ref("Consent")]),
            ("PortalAccess", object([("state", ["type": "string", "enum": ["none", "invited", "active", "revoked"]]),
                                     ("language", ["type": ["string", "null"], "enum": .array(ConsentLanguage.allCases.map { .string($0.rawValue) } + [.null])]),
                                     ("reviewedByTranslator", ["type": ["boolean", "null"]]),
                                     ("invitedAt", nullable("string", format: "date-time")), ("codeExpiresAt", nullable("string", format: "date-time")),
                                     ("activatedAt", nullable("string", format: "date-time")), ("lastUsedAt", nullable("string", format: "date-time")),
                                     ("revokedAt", nullable("string", format: "date-time"))],
                                    required: ["state"])),
            ("PortalInvitationInput", object([("language", enumSchema(ConsentLanguage.self))], required: ["language"])),
            ("PortalInvitation", object([("accountNumber", ["type": "string", "pattern": "^[0-9]{10}$"]),
                                         ("code", ["type": "string", "pattern": "^[0-9]{12}$"]),
                                         ("expiresAt", ["type": "string", "format": "date-time"]), ("language", enumSchema(ConsentLanguage.self)),
                                         ("address", string)],
                                        required: ["accountNumber", "code", "expiresAt", "language", "address"])),
            ("AccessLogEntry", object([("sequence", ["type": "integer"]), ("at", ["type": "string", "format": "date-time"]),
                                       ("userId", nullable("string", format: "uuid")), ("organisationId", nullable("string", format: "uuid")),
                                       ("action", string), ("categories", ["type": "array", "items": string]), ("purpose", nullable("string")),
                                       ("outcome", ["type": "string", "enum": ["allowed", "denied", "not-found", "invalid", "conflict"]])],
                                      required: ["sequence", "at", "action", "categories", "outcome"])),
            ("AccessLogPage", page(of: "AccessLogEntry")),
            ("PersonExport", object([("exportedAt", ["type": "string", "format": "date-time"]), ("controller", string),
                                     ("person", ref("Person")), ("consents", ["type": "array", "items": ref("Consent")]),
                                     ("accessLog", ["type": "array", "items": ref("AccessLogEntry")]),
                                     ("trajectory", ["type": "array", "items": ref("TrajectoryStep")]),
                                     ("milestones", ["type": "array", "items": ref("Milestone")]),
                                     ("referrals", ["type": "array", "items": ref("ReferralExport")]),
                                     ("handOverMeetings", ["type": "array", "items": ref("HandOverMeeting")]),
                                     ("conferenceItems", ["type": "array", "items": ref("ConferenceItem")])],
                                    required: ["exportedAt", "controller", "person", "consents", "accessLog", "trajectory", "milestones",
                                               "referrals", "handOverMeetings", "conferenceItems"])),
            ("ReferralExport", object([("id", uuid), ("fromOrganisationId", uuid), ("toOrganisationId", uuid),
                                       ("purpose", enumSchema(Purpose.self)), ("reason", string), ("state", enumSchema(ReferralState.self)),
                                       ("sentOn", nullable("string", format: "date")), ("outcome", nullable("string")),
                                       ("history", ["type": "array", "items": ref("ReferralEvent")])],
                                      required: ["id", "fromOrganisationId", "toOrganisationId", "purpose", "reason", "state", "history"])),
            ("ErasureInput", object([("reason", ["type": "string", "maxLength": 500])], required: ["reason"])),
            ("Erasure", object([("id", uuid), ("reference", string), ("erasedAt", ["type": "string", "format": "date-time"]),
                                ("reason", string), ("kept", ["type": "array", "items": string])],
                               required: ["id", "reference", "erasedAt", "reason", "kept"])),
            ("ReferralInput", object([("personId", uuid), ("toOrganisationId", uuid), ("purpose", enumSchema(Purpose.self)),
                                      ("reason", ["type": "string", "maxLength": .number(Double(ReferralStateMachine.maxTextLength))]),
                                      ("urgency", enumSchema(ReferralUrgency.self)), ("desiredStart", nullable("string", format: "date")),
                                      ("transfersOwnership", ["type": "boolean"]), ("offerId", nullable("string", format: "uuid"))],
                                     required: ["personId", "toOrganisationId", "purpose", "reason"])),
            ("ReferralStep", object([("reason", enumSchema(RefusalReason.self)), ("text", nullable("string")),
                                     ("outcome", enumSchema(ReferralOutcome.self))], required: [])),
            ("ReferralEvent", object([("action", enumSchema(ReferralAction.self)), ("from", enumSchema(ReferralState.self)),
                                      ("to", enumSchema(ReferralState.self)), ("at", ["type": "string", "format": "date-time"]),
                                      ("organisationId", uuid), ("userId", uuid), ("reason", nullable("string")),
                                      ("text", nullable("string")), ("outcome", nullable("string"))],
                                     required: ["action", "from", "to", "at", "organisationId", "userId"])),
            ("Referral", object([("id", uuid), ("personId", uuid), ("fromOrganisationId", uuid), ("fromUserId", uuid),
                                 ("toOrganisationId", uuid), ("purpose", enumSchema(Purpose.self)), ("reason", nullable("string")),
                                 ("urgency", enumSchema(ReferralUrgency.self)), ("desiredStart", nullable("string", format: "date")),
                                 ("transfersOwnership", ["type": "boolean"]), ("state", enumSchema(ReferralState.self)),
                                 ("allowedActions", ["type": "array", "items": enumSchema(ReferralAction.self)]),
                                 ("responseDays", ["type": "integer"]), ("sentOn", nullable("string", format: "date")),
                                 ("dueOn", nullable("string", format: "date")), ("overdue", ["type": "boolean"]),
                                 ("outcome", nullable("string")),
                                 ("snapshotCategories", ["type": "array", "items": enumSchema(DataCategory.self)]),
                                 ("history", ["type": "array", "items": ref("ReferralEvent")]), ("snapshot", ref("Person")),
                                 ("notesWithheld", ["type": "boolean"]),
                                 ("handOverMeetings", ["type": "array", "items": ref("HandOverMeeting")]),
                                 ("offerId", nullable("string", format: "uuid"))],
                                required: ["id", "personId", "fromOrganisationId", "toOrganisationId", "purpose", "urgency",
                                           "transfersOwnership", "state", "allowedActions", "responseDays", "overdue",
                                           "snapshotCategories", "history", "notesWithheld", "handOverMeetings"])),
            ("ReferralSummary", object([("id", uuid), ("personId", uuid), ("fromOrganisationId", uuid), ("toOrganisationId", uuid),
                                        ("purpose", enumSchema(Purpose.self)), ("urgency", enumSchema(ReferralUrgency.self)),
                                        ("state", enumSchema(ReferralState.self)), ("sentOn", nullable("string", format: "date")),
                                        ("dueOn", nullable("string", format: "date")), ("overdue", ["type": "boolean"]),
                                        ("outcome", nullable("string")), ("offerId", nullable("string", format: "uuid"))],
                                       required: ["id", "personId", "fromOrganisationId", "toOrganisationId", "purpose", "urgency",
                                                  "state", "overdue"])),
            ("ReferralSummaryPage", page(of: "ReferralSummary")),
            ("TrajectoryStepInput", object([("kind", enumSchema(TrajectoryStepKind.self)), ("status", enumSchema(TrajectoryStepStatus.self)),
                                            ("provider", nullable("string")), ("startsOn", date), ("endsOn", nullable("string", format: "date")),
                                            ("outcome", enumSchema(TrajectoryStepOutcome.self)), ("levelReached", enumSchema(CEFRLevel.self)),
                                            ("note", nullable("string")),
                                            ("version", ["type": "integer", "description": "Required on PATCH: the version you read."])],
                                           required: [])),
            ("TrajectoryStep", object([("id", uuid), ("kind", enumSchema(TrajectoryStepKind.self)),
                                       ("status", enumSchema(TrajectoryStepStatus.self)), ("provider", nullable("string")),
                                       ("organisationId", uuid), ("startsOn", date), ("endsOn", nullable("string", format: "date")),
                                       ("outcome", nullable("string")), ("levelReached", nullable("string")), ("note", nullable("string")),
                                       ("lane", ["type": "integer"]), ("version", ["type": "integer"])],
                                      required: ["id", "kind", "status", "organisationId", "startsOn", "lane", "version"])),
            ("MilestoneInput", object([("kind", enumSchema(MilestoneKind.self)), ("on", date)], required: ["kind", "on"])),
            ("Milestone", object([("kind", enumSchema(MilestoneKind.self)), ("on", date),
                                  ("source", ["type": "string", "enum": ["derived", "recorded"]])], required: ["kind", "on", "source"])),
            ("Trajectory", object([("personId", uuid), ("steps", ["type": "array", "items": ref("TrajectoryStep")]),
                                   ("milestones", ["type": "array", "items": ref("Milestone")]), ("dutchLevel", nullable("string")),
                                   ("withheldCategories", ["type": "array", "items": enumSchema(DataCategory.self)]),
                                   ("notesWithheld", ["type": "boolean"])],
                                  required: ["personId", "steps", "milestones", "withheldCategories", "notesWithheld"])),
            ("UpcomingRightToWork", object([("personId", uuid), ("reference", string), ("givenName", nullable("string")),
                                            ("familyName", nullable("string")), ("rightToWorkOn", date), ("daysUntil", ["type": "integer"]),
                                            ("referred", ["type": "boolean"])],
                                           required: ["personId", "reference", "rightToWorkOn", "daysUntil", "referred"])),
            ("UpcomingRightToWorkList", ["type": "array", "items": ref("UpcomingRightToWork")]),
            ("Notification", object([("id", uuid), ("kind", enumSchema(NotificationKind.self)), ("subjectId", uuid),
                                     ("createdAt", ["type": "string", "format": "date-time"]), ("read", ["type": "boolean"])],
                                    required: ["id", "kind", "subjectId", "createdAt", "read"])),
            ("NotificationPage", page(of: "Notification")),
            ("CaseConferenceInput", object([("heldOn", date), ("title", ["type": "string", "maxLength": 200]),
                                            ("participantOrganisationIds", ["type": "array", "items": uuid, "maxItems": 30]),
                                            ("followsUpId", nullable("string", format: "uuid"))],
                                           required: ["heldOn", "title", "participantOrganisationIds"])),
            ("ConferencePersonInput", object([("personId", uuid)], required: ["personId"])),
            ("ConferenceItemInput", object([("kind", enumSchema(ConferenceItemKind.self)), ("text", ["type": "string", "maxLength": 4000]),
                                            ("personId", nullable("string", format: "uuid")),
                                            ("ownerOrganisationId", nullable("string", format: "uuid")), ("dueOn", nullable("string", format: "date"))],
                                           required: ["kind", "text"])),
            ("ConferenceItemStatus", object([("status", enumSchema(ConferenceActionStatus.self))], required: ["status"])),
            ("ConferenceItem", object([("id", uuid), ("conferenceId", uuid), ("kind", enumSchema(ConferenceItemKind.self)),
                                       ("personId", nullable("string", format: "uuid")), ("text", string),
                                       ("ownerOrganisationId", nullable("string", format: "uuid")), ("dueOn", nullable("string", format: "date")),
                                       ("status", nullable("string"))],
                                      required: ["id", "conferenceId", "kind", "text"])),
            ("CaseConference", object([("id", uuid), ("heldOn", date), ("title", string), ("organiserOrganisationId", uuid),
                                       ("participantOrganisationIds", ["type": "array", "items": uuid]),
                                       ("followsUpId", nullable("string", format: "uuid")), ("personIds", ["type": "array", "items": uuid]),
                                       ("items", ["type": "array", "items": ref("ConferenceItem")]),
                                       ("carriedOver", ["type": "array", "items": ref("ConferenceItem")])],
                                      required: ["id", "heldOn", "title", "organiserOrganisationId", "participantOrganisationIds",
                                                 "personIds", "items", "carriedOver"])),
            ("CaseConferenceSummary", object([("id", uuid), ("heldOn", date), ("title", string), ("organiserOrganisationId", uuid)],
                                             required: ["id", "heldOn", "title", "organiserOrganisationId"])),
            ("CaseConferenceSummaryPage", page(of: "CaseConferenceSummary")),
            ("HandOverMeetingInput", object([("heldOn", date), ("participants", ["type": "string", "maxLength": 1000]),
                                             ("notes", nullable("string"))], required: ["heldOn", "participants"])),
            ("HandOverMeeting", object([("id", uuid), ("heldOn", date), ("participants", nullable("string")), ("organisationId", uuid),
                                        ("notes", nullable("string"))], required: ["id", "heldOn", "organisationId"])),
            ("HandOverProfile", object([("person", ref("Person")), ("fromOrganisation", string), ("toOrganisation", string),
                                        ("purpose", enumSchema(Purpose.self)), ("meetings", ["type": "array", "items": ref("HandOverMeeting")]),
                                        ("printedOn", date)],
                                       required: ["person", "fromOrganisation", "toOrganisation", "purpose", "meetings", "printedOn"])),
            ("EmployerRequestInput", object([("kind", enumSchema(EmployerRequestKind.self)), ("employerName", ["type": "string", "maxLength": 200]),
                                             ("municipalityId", nullable("string")), ("sector", nullable("string")),
                                             ("description", ["type": "string", "maxLength": 4000]),
                                             ("handlingOrganisationId", nullable("string", format: "uuid"))],
                                            required: ["kind", "employerName", "description"])),
            ("EmployerRequestAssign", object([("contactUserId", uuid)], required: ["contactUserId"])),
            ("EmployerRequestAnswer", object([("answer", ["type": "string", "maxLength": 4000])], required: ["answer"])),
            ("EmployerRequest", object([("id", uuid), ("kind", enumSchema(EmployerRequestKind.self)), ("employerName", string),
                                        ("municipalityId", nullable("string")), ("sector", nullable("string")), ("description", string),
                                        ("handlingOrganisationId", uuid), ("contactUserId", nullable("string", format: "uuid")),
                                        ("state", enumSchema(EmployerRequestState.self)), ("answer", nullable("string")),
                                        ("answeredOn", nullable("string", format: "date")), ("createdAt", ["type": "string", "format": "date-time"])],
                                       required: ["id", "kind", "employerName", "description", "handlingOrganisationId", "state", "createdAt"])),
            ("EmployerRequestPage", page(of: "EmployerRequest")),
            ("IndicatorNames", ["type": "array", "items": enumSchema(Indicators.Name.self)]),
            ("Shown", ["oneOf": [["type": "integer", "minimum": 5], ["type": "string", "enum": ["<5", "x"]]],
                       "description": "A count; \"<5\" where it counts fewer than 5 persons (0 included); \"x\" where it counts 5 or more but is withheld to protect another count (it would give a hidden one away by subtraction)."]),
            ("FigureFilter", object([("from", string), ("to", string), ("agreementId", nullable("string")), ("region", nullable("string")), ("organisationId", nullable("string")),
                                     ("route", nullable("string")), ("legalStatus", nullable("string")), ("cohort", nullable("string"))],
                                    required: ["from", "to"])),
            ("FigureTable", object([("id", string), ("title", string), ("unit", string),
                                    ("rows", ["type": "array", "items": object([("key", string), ("label", string)], required: ["key", "label"])]),
                                    ("columns", ["type": "array", "items": object([("key", string), ("label", string)], required: ["key", "label"])]),
                                    ("cells", ["type": "array", "items": ["type": "array", "items": ref("Shown")]]),
                                    ("rowTotals", ["type": "array", "items": ref("Shown")]), ("columnTotals", ["type": "array", "items": ref("Shown")]),
                                    ("total", ref("Shown"))],
                                   required: ["id", "title", "unit", "rows", "columns", "cells", "rowTotals", "columnTotals", "total"])),
            ("FigureValue", object([("key", string), ("label", string), ("value", nullable("number")), ("unit", string)],
                                   required: ["key", "label", "unit"])),
            ("Indicator", object([("name", enumSchema(Indicators.Name.self)), ("title", string), ("filter", ref("FigureFilter")),
                                  ("tables", ["type": "array", "items": ref("FigureTable")]), ("values", ["type": "array", "items": ref("FigureValue")]),
                                  ("note", nullable("string")), ("targets", ["type": "array", "items": ref("TargetProgress")])],
                                 required: ["name", "title", "filter", "tables", "values"])),
            ("EvaluationReport", object([("title", string), ("generatedOn", date), ("filter", ref("FigureFilter")),
                                         ("indicators", ["type": "array", "items": ref("Indicator")]),
                                         ("surveys", ["type": "array", "items": ref("SurveyResult")])],
                                        required: ["title", "generatedOn", "filter", "indicators", "surveys"])),
            ("TargetInput", object([("organisationId", uuid), ("title", ["type": "string", "maxLength": 200]), ("persons", ["type": "integer", "minimum": 1]),
                                    ("startsOn", date), ("endsOn", date)], required: ["organisationId", "title", "persons", "startsOn", "endsOn"])),
            ("TargetProgress", object([("id", uuid), ("organisationId", uuid), ("organisation", string), ("title", string), ("persons", ["type": "integer"]),
                                       ("startsOn", date), ("endsOn", date), ("achieved", ref("Shown")), ("neededPerMonth", nullable("number")),
                                       ("pacePerMonth", nullable("number"))],
                                      required: ["id", "organisationId", "organisation", "title", "persons", "startsOn", "endsOn", "achieved"])),
            ("Questionnaire", object([("audience", enumSchema(SurveyAudience.self)), ("version", ["type": "integer"]),
                                      ("questions", ["type": "array", "items": ["type": "object"]])], required: ["audience", "version", "questions"])),
            ("SurveyResponseInput", object([("answers", ["type": "object", "additionalProperties": string,
                                                          "description": "Question key → answer: 1–5, yes/no, or text."])], required: ["answers"])),
            ("SurveyReceived", object([("received", ["type": "boolean"]), ("audience", enumSchema(SurveyAudience.self))],
                                      required: ["received", "audience"])),
            ("SurveyResult", object([("audience", enumSchema(SurveyAudience.self)), ("title", string), ("responses", ref("Shown")),
                                     ("withheld", ["type": "boolean"]), ("questions", ["type": "array", "items": ["type": "object"]])],
                                    required: ["audience", "title", "responses", "withheld", "questions"])),
            ("OfferImport", object([("created", ["type": "integer"]), ("updated", ["type": "integer"])], required: ["created", "updated"])),
            ("Offer", object([("id", uuid), ("providerOrganisationId", uuid), ("kind", enumSchema(OfferKind.self)), ("title", string),
                              ("sector", string), ("occupation", nullable("string")),
                              ("competences", ["type": "array", "items": enumSchema(Competence.self)]), ("regionId", string),
                              ("municipalityId", string), ("schedules", ["type": "array", "items": enumSchema(OfferSchedule.self)]),
                              ("startsOn", date), ("endsOn", nullable("string", format: "date")), ("seats", ["type": "integer"]),
                              ("seatsTaken", ["type": "integer"]), ("seatsLeft", ["type": "integer"]), ("funding", enumSchema(OfferFunding.self)),
                              ("instructionLanguage", string), ("admission", ["type": "object"])],
                             required: ["id", "providerOrganisationId", "kind", "title", "sector", "regionId", "municipalityId", "schedules",
                                        "startsOn", "seats", "seatsTaken", "seatsLeft", "funding", "instructionLanguage", "admission"])),
            ("Eligibility", object([("verdict", enumSchema(EligibilityVerdict.self)),
                                    ("findings", ["type": "array", "items": object([("code", string), ("effect", enumSchema(FindingEffect.self)),
                                                                                    ("summary", string)], required: ["code", "effect", "summary"])])],
                                   required: ["verdict", "findings"])),
            ("Fit", object([("total", ["type": "integer"]), ("distance", enumSchema(DistanceClass.self)),
                            ("reasons", ["type": "array", "items": string])], required: ["total", "distance", "reasons"])),
            ("OfferForPerson", object([("offer", ref("Offer")), ("eligibility", ref("Eligibility")), ("fit", ref("Fit"))], required: ["offer"])),
            ("OfferForPersonPage", page(of: "OfferForPerson")),
            ("OfferForPersonList", ["type": "array", "items": ref("OfferForPerson")]),
            ("Candidate", object([("personId", uuid), ("reference", string), ("givenName", nullable("string")), ("familyName", nullable("string")),
                                  ("eligibility", ref("Eligibility")), ("fit", ref("Fit"))],
                                 required: ["personId", "reference", "eligibility", "fit"])),
            ("CandidateList", ["type": "array", "items": ref("Candidate")]),
            ("RegionPage", page(of: "Region")),
            ("MunicipalityPage", page(of: "Municipality")),
            ("OrganisationPage", page(of: "Organisation")),
            ("AgreementPage", page(of: "Agreement")),
        ]
    }

    static let errorDescriptions: [String: String] = [
        "400": "The body is not valid JSON.", "401": "No valid token.", "404": "Not found (or not visible to you).",
        "409": "Conflict: a stale `version`, a duplicate, or a referral step that is not possible now (`error.allowed` names those that are).", "403": "Your role may not do this.", "413": "The body is too large: over 64 kB (the offer import: over 4 MB); `error.message` names the limit.",
        "415": "The body's media type is not one the server reads: send `application/json`.", "422": "A field is missing or invalid; `error.field` names it.",
        "429": "Too many failed sign-ins: slowed down or locked; see Retry-After.",
    ]

    static func operationJSON(_ operation: Operation) -> JSONValue {
        var responses: [(String, JSONValue)] = []
        let successBody: JSONValue = operation.success.schema.map {
            ["description": "Success.", "content": ["application/json": ["schema": ref($0)]]]
        } ?? ["description": "Success."]
        responses.append((operation.success.status, successBody))
        var errors = operation.errors
        if operation.requiresToken, !errors.contains("401") { errors.append("401") }
        // A JSON body in another media type is refused before anything is read.
        if operation.requestSchema != nil, !errors.contains("415") { errors.append("415") }
        for code in errors.sorted() {
            responses.append((code, ["description": .string(errorDescriptions[code] ?? "Error."),
                                     "content": ["application/json": ["schema": ref("Error")]]]))
        }
        var pairs: [(String, JSONValue)] = [
            ("operationId", .string(operation.id)), ("summary", .string(operation.summary)), ("tags", [.string(operation.tag)]),
        ]
        if !operation.parameters.isEmpty {
            pairs.append(("parameters", .array(operation.parameters.map {
                ["name": .string($0.name), "in": .string($0.location.rawValue), "required": .bool($0.location == .path),
                 "description": .string($0.description), "schema": $0.schema]
            })))
        }
        if let request = operation.requestSchema {
            pairs.append(("requestBody", ["required": true, "content": ["application/json": ["schema": ref(request)]]]))
        }
        if let mediaType = operation.requestMediaType {
            let body: JSONValue = ["schema": ["type": "string"]]
            pairs.append(("requestBody", ["required": true, "content": .object([(mediaType, body)])]))
        }
        pairs.append(("responses", .object(responses)))
        pairs.append(("security", operation.requiresToken ? [["bearerAuth": []]] : []))
        return .object(pairs)
    }

    static var document: JSONValue {
        var paths: [(String, [(String, JSONValue)])] = []
        for operation in operations {
            if let index = paths.firstIndex(where: { $0.0 == operation.path }) {
                paths[index].1.append((operation.method, operationJSON(operation)))
            } else {
                paths.append((operation.path, [(operation.method, operationJSON(operation))]))
            }
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "Schakel API", "version": "1.0.0",
                     "description": "Chain cooperation for newcomers' path to work. Every route but the token route and this document needs `Authorization: Bearer TOKEN`."],
            "servers": [["url": "/"]],
            "paths": .object(paths.map { ($0.0, .object($0.1)) }),
            "components": [
                "schemas": .object(schemas.map { ($0.0, refined($0.0, $0.1)) }),
                "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }

    // MARK: The validation rules the server applies, added to the schemas above

    /// Where in a schema (a path of keys) which keywords are added or replaced: the rules the handlers
    /// check (`PersonInput.validate`, the consent, milestone and target handlers), so a client learns them
    /// from the document. The OpenAPI test sends the boundary values.
    static let validationRules: [(schema: String, path: [String], keywords: [(String, JSONValue)])] = {
        let person: [(path: [String], keywords: [(String, JSONValue)])] = [
            (["properties", "workExperience", "items", "properties", "years"], [("minimum", 0), ("maximum", 60)]),
            (["properties", "birthYear"], [("minimum", 1900), ("description", "From 1900 to the current year.")]),
            (["properties", "birthDate"], [("description", "Not in the future.")]),
            (["properties", "languages", "items", "properties", "assessedOn"], [("description", "Not in the future.")]),
            (["properties", "nationalRegisterNumber"], [("maxLength", 20)]),
            (["properties", "phone"], [("maxLength", 30)]),
            (["properties", "email"], [("maxLength", 254)]),
            (["properties", "address"], [("maxLength", 300)]),
            (["properties", "statusHistory"], [("maxItems", 50)]),
            (["properties", "languages"], [("maxItems", 100)]),
            (["properties", "education"], [("maxItems", 30)]),
            (["properties", "workExperience"], [("maxItems", 50)]),
        ]
        var rules = person.map { (schema: "PersonInput", path: $0.path, keywords: $0.keywords) }
        rules += [
            // Oral consent is valid only with a witness, whose name is recorded with it.
            ("ConsentInput", [], [
                ("if", ["properties": ["method": ["const": .string(ConsentMethod.oralWithWitness.rawValue)]], "required": ["method"]]),
                ("then", ["required": ["witness"], "properties": ["witness": ["type": "string", "minLength": 1, "pattern": "\\S"]]]),
            ]),
            ("ConsentInput", ["properties", "witness"], [("description", "Required when `method` is `oral-with-witness`: the witness's name.")]),
            ("MilestoneInput", ["properties", "on"], [("description", "At most a year (366 days) after today.")]),
            ("TargetInput", ["properties", "persons"], [("maximum", 1_000_000)]),
            ("TargetInput", ["properties", "endsOn"], [("description", "After `startsOn`.")]),
            ("TargetInput", ["properties", "organisationId"],
             [("description", "Your own organisation, or one party with it to an agreement in force today.")]),
        ]
        return rules
    }()

    /// The schema with every validation rule for it added.
    static func refined(_ name: String, _ schema: JSONValue) -> JSONValue {
        validationRules.filter { $0.schema == name }.reduce(schema) { $0.adding($1.keywords, at: $1.path) }
    }
}

extension JSONValue {
    /// The object with `keywords` added (or replaced) in the object at `path`; unchanged when the path is not there.
    func adding(_ keywords: [(String, JSONValue)], at path: [String]) -> JSONValue {
        guard case var .object(pairs) = self else { return self }
        guard let key = path.first else {
            for (name, value) in keywords {
                if let index = pairs.firstIndex(where: { $0.0 == name }) { pairs[index].1 = value } else { pairs.append((name, value)) }
            }
            return .object(pairs)
        }
        guard let index = pairs.firstIndex(where: { $0.0 == key }) else { return self }
        pairs[index].1 = pairs[index].1.adding(keywords, at: Array(path.dropFirst()))
        return .object(pairs)
    }
}
