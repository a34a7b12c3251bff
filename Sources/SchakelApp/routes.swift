import Fluent
import SQLKit
import Vapor

func routes(_ app: Application) throws {
    app.get("health") { request async throws -> Response in
        // A trivial query proves the database answers, not just the process.
        let healthy: Bool
        do {
            try await (request.db as! any SQLDatabase).raw("SELECT 1").run()
            healthy = true
        } catch {
            request.logger.error("health check: database unreachable", metadata: ["error_type": "\(type(of: error))"])
            healthy = false
        }
        let response = Response(status: healthy ? .ok : .serviceUnavailable)
        try response.content.encode(["status": healthy ? "ok" : "unavailable", "database": request.schakel.database.engineName])
        return response
    }

    // Liveness without the database: for load balancers, and the bare baseline of the read benchmark.
    app.get("ping") { _ in "pong" }

    let api = app.grouped("api", "v1")
    api.get("openapi.json") { _ -> Response in
        let response = Response(status: .ok)
        try response.content.encode(OpenAPIDocument.document)
        return response
    }
    let auth = API.AuthController()
    api.post("auth", "token", use: auth.createToken)

    let secured = api.grouped(BearerTokenAuthenticator(), RequireUserMiddleware())
    secured.delete("auth", "token", use: auth.revokeToken)
    secured.get("me", use: auth.me)
    let registry = API.RegistryController()
    secured.get("regions", use: registry.regions)
    secured.get("regions", ":regionID", use: registry.region)
    secured.get("municipalities", use: registry.municipalities)
    secured.get("municipalities", ":municipalityID", use: registry.municipality)
    secured.get("organisations", use: registry.organisations)
    secured.get("organisations", ":organisationID", use: registry.organisation)
    secured.get("agreements", use: registry.agreements)
    secured.get("agreements", ":agreementID", use: registry.agreement)
    let persons = API.PersonController()
    secured.post("persons", use: persons.create)
    secured.get("persons", use: persons.list)
    secured.post("persons", "search", use: persons.search)
    secured.get("persons", ":personID", use: persons.show)
    secured.patch("persons", ":personID", use: persons.update)
    secured.get("persons", ":personID", "consents", use: persons.consents)
    secured.post("persons", ":personID", "consents", use: persons.addConsent)
    secured.post("consents", ":consentID", "withdraw", use: persons.withdrawConsent)
    secured.get("persons", ":personID", "access-log", use: persons.accessLog)
    let gdpr = API.GDPRController()
    secured.get("persons", ":personID", "export", use: gdpr.export)
    secured.post("persons", ":personID", "erase", use: gdpr.erase)
    let referrals = API.ReferralController()
    secured.post("referrals", use: referrals.create)
    secured.get("referrals", use: referrals.list)
    secured.get("referrals", ":referralID", use: referrals.show)
    secured.get("referrals", ":referralID", "preview", use: referrals.preview)
    secured.post("referrals", ":referralID", "hand-over-meeting", use: referrals.recordMeeting)
    secured.get("referrals", ":referralID", "profile", use: referrals.profile)
    secured.post("referrals", ":referralID", ":action", use: referrals.step)
    let trajectories = API.TrajectoryController()
    secured.get("persons", ":personID", "trajectory", use: trajectories.show)
    secured.post("persons", ":personID", "trajectory", "steps", use: trajectories.addStep)
    secured.patch("persons", ":personID", "trajectory", "steps", ":stepID", use: trajectories.updateStep)
    secured.post("persons", ":personID", "milestones", use: trajectories.addMilestone)
    secured.get("right-to-work", "upcoming", use: trajectories.upcomingRightToWork)
    let employerRequests = API.EmployerRequestController()
    secured.post("employer-requests", use: employerRequests.create)
    secured.get("employer-requests", use: employerRequests.list)
    secured.get("employer-requests", ":requestID", use: employerRequests.show)
    secured.post("employer-requests", ":requestID", "assign", use: employerRequests.assign)
    secured.post("employer-requests", ":requestID", "answer", use: employerRequests.answer)
    secured.post("employer-requests", ":requestID", "close", use: employerRequests.close)
    let offers = API.OfferController()
    secured.get("offers", use: offers.list)
    // A provider's whole catalogue can be larger than the API's usual 64 kB.
    secured.on(.POST, "offers", "import", body: .collect(maxSize: "4mb"), use: offers.importCSV)
    secured.get("offers", "export", use: offers.exportCSV)
    secured.get("offers", ":offerID", use: offers.show)
    secured.get("offers", ":offerID", "candidates", use: offers.candidates)
    secured.get("persons", ":personID", "recommendations", use: offers.recommendations)
    let notifications = API.NotificationController()
    secured.get("notifications", use: notifications.list)
    secured.post("notifications", ":notificationID", "read", use: notifications.markRead)
    let conferences = API.CaseConferenceController()
    secured.post("case-conferences", use: conferences.create)
    secured.get("case-conferences", use: conferences.list)
    secured.get("case-conferences", ":conferenceID", use: conferences.show)
    secured.post("case-conferences", ":conferenceID", "persons", use: conferences.addPerson)
    secured.post("case-conferences", ":conferenceID", "items", use: conferences.addItem)
    secured.post("case-conferences", ":conferenceID", "items", ":itemID", "status", use: conferences.setItemStatus)
    let figures = API.FigureController()
    secured.get("indicators", use: figures.list)
    secured.get("indicators", ":indicator", use: figures.show)
    secured.get("indicators", ":indicator", "tables", ":table", use: figures.csv)
    secured.get("reports", "evaluation", use: figures.report)
    secured.post("targets", use: figures.createTarget)
    let surveys = API.SurveyController()
    secured.get("surveys", ":audience", use: surveys.questionnaire)
    secured.post("surveys", ":audience", "responses", use: surveys.respond)

    let signIn = Web.SignInController()
    app.get("static", "schakel.css", use: signIn.stylesheet)
    let web = app.grouped(app.sessions.middleware, SessionUserAuthenticator())
    web.get(use: signIn.root)
    web.get("aanmelden", use: signIn.form)
    web.post("aanmelden", use: signIn.signIn)
    let signedIn = web.grouped(RequireUserMiddleware())
    signedIn.post("afmelden", use: signIn.signOut)
    signedIn.get("start", use: signIn.home)
    let figurePages = Web.FiguresController()
    signedIn.get("cijfers", use: figurePages.page)
    signedIn.get("cijfers", ":indicator", ":table", use: figurePages.csv)
}
