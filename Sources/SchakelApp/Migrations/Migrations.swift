import Fluent
import Vapor

extension Application {
    /// Every migration in order, one file each, named like its type. Shipped migrations are never edited: add the
    /// next numbered folder. Fluent records each by its type's name ("SchakelApp.CreateConsents"), so a type is
    /// never renamed without keeping that name.
    func registerMigrations() {
        migrations.add(CreateRegionsAndMunicipalities())
        migrations.add(SeedRegionsAndMunicipalities())
        migrations.add(CreateOrganisations())
        migrations.add(CreateAgreements())
        migrations.add(CreatePersons())
        migrations.add(CreateAccounts())
        migrations.add(SessionRecord.migration)
        // 002: privacy
        migrations.add(AddPersonIdentifiersAndAssessment())
        migrations.add(CreateConsents())
        migrations.add(CreateAuditLog())
        // 003: speed of the privacy spine
        migrations.add(AddAuditHeadTrigger())
        // 004: the chain at work
        migrations.add(CreateReferrals())
        // 005: trajectories, milestones, conferences, hand-overs, employer requests, inbox
        migrations.add(CreateTrajectories())
        migrations.add(CreateConferencesAndInbox())
        // 006: the offer catalogue
        migrations.add(CreateOffers())
        migrations.add(AddOfferToReferrals())
        // 007: the figures
        migrations.add(CreateFigureFacts())
        migrations.add(CreateTargets())
        migrations.add(CreateSurveyResponses())
        // 008: administrators record organisations and agreements
        migrations.add(AddAdministration())
        // 009: a keyed audit chain; browser sessions that end
        migrations.add(KeyTheAuditChain())
        migrations.add(CreateExpiringSessions())
        // 011: a consent names its interpreter and the language its text is written in
        migrations.add(AddConsentInterpreter())
        // 012: the data keys in use, found at start without a scan
        migrations.add(IndexDataKeyIDs())
        // 013: a consent says whether its text was reviewed by a translator and whether the person could read it
        migrations.add(AddConsentTextReview())
        // 014: "Mijn Schakel", the person's own portal
        migrations.add(CreatePortal())
    }
}
