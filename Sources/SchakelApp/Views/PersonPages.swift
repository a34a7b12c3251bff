import Fluent
import Foundation
import Plot
import SchakelCore
import Vapor

/// `/personen`: the dossiers this organisation may see, the name search (a POST) and the way to a new screening.
struct PersonListPage {
    let context: PageContext
    let page: Page<PersonSummaryDTO>
    let searched: Bool
    let name: String
    let error: String?

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        return context.render(
            UIText.persons(l), status: status,
            .h1(.text(UIText.persons(l))),
            .p(.text(UIText.personsIntro(l))),
            .p(.a(.class("button-link"), .href(SiteURL.newPerson), .text(UIText.newScreening(l)))),
            .form(.class("filters"), .method(.post), .action(SiteURL.personSearch), .attribute(named: "role", value: "search"),
                  Form.token(context),
                  Form.input("naam", UIText.searchByName(l), state: FormState(values: ["naam": name], errors: error.map { ["naam": $0] } ?? [:]),
                             hint: UIText.searchHint(l), extra: [.attribute(named: "autocomplete", value: "off")]),
                  .div(Form.submit(UIText.search(l)))),
            .if(searched, .h2(.text(UIText.searchResults(l)))),
            page.items.isEmpty
                ? View.empty(searched ? UIText.noPersonFound(l) : UIText.caseloadEmpty(l))
                : .table(.class("plain"), .id("persons"),
                         .thead(.tr(.th(.text(UIText.name(l))), .th(.text(UIText.reference(l))), .th(.text(UIText.owner(l))))),
                         .tbody(.forEach(page.items) { person in
                             .tr(.td(.a(.href(SiteURL.person(person.id)),
                                        .text(View.personName(givenName: person.givenName, familyName: person.familyName,
                                                              reference: person.reference, l)))),
                                 .td(.text(person.reference)),
                                 .td(.text(context.organisation(person.ownerOrganisationId))))
                         })),
            searched ? .empty : View.pager(page.metadata, language: l) { SiteURL.persons.query("page", String($0)) }
        )
    }
}

/// The early screening (a new dossier) and the edit form: what a reception social worker knows on a
/// first talk. Field errors stand at their field and in a summary on top, nothing is lost.
struct PersonFormPage {
    let context: PageContext
    /// Nil for a new dossier.
    let person: Dossier?
    let state: FormState
    let municipalities: [Form.Choice]
    /// Interview mode: the person's language, whose words for each question stand beside the Dutch.
    var interview: ConsentLanguage? = nil

    var l: UILanguage { context.language }

    /// The question in the person's language, beside the form's own words (interview mode); nothing otherwise.
    func ask(_ key: PortalText.Key) -> Node<HTML.FormContext> {
        guard let language = interview else { return .empty }
        return .span(.class("interview-question"), .attribute(named: "lang", value: language.tag),
                     .attribute(named: "dir", value: language.isRightToLeft ? "rtl" : "ltr"), .text(PortalText.catalogue(language)[key]))
    }

    func legend(_ text: String, _ category: DataCategory) -> Node<HTML.FormContext> {
        guard let language = interview else { return Form.legend(text) }
        return .element(named: "legend", nodes: [.text(text + " · "),
            .span(.attribute(named: "lang", value: language.tag), .attribute(named: "dir", value: language.isRightToLeft ? "rtl" : "ltr"),
                  .text(PersonText.catalogue(language)[.category(category)]))])
    }

    /// The choice of the interview's language: a plain GET form, so the page reloads with the questions beside.
    func interviewChoice() -> Node<HTML.BodyContext> {
        let choices = [Form.option("", UIText.interviewOff(l), selected: interview == nil)] + ConsentLanguage.allCases.filter { $0 != .nl }
            .map { Form.option($0.rawValue, UIText.consentLanguage(l, $0), selected: $0 == interview) }
        return .form(.class("filters no-print"), .method(.get), .id("interview-mode"),
                     .div(.label(.for("gesprek"), .text(UIText.interviewLanguage(l))),
                          .select(.attribute(named: "id", value: "gesprek"), .attribute(named: "name", value: "gesprek"), .group(choices))),
                     .button(.type(.submit), .class("button-secondary"), .text(UIText.showInterview(l))))
    }

    var labels: [String: String] {
        ["givenName": UIText.givenName(l), "familyName": UIText.familyName(l), "birthDate": UIText.birthDate(l),
         "birthYear": UIText.birthYear(l), "countryOfOrigin": UIText.country(l), "homeMunicipalityId": UIText.municipality(l),
         "phone": UIText.phone(l), "email": UIText.email(l), "address": UIText.address(l), "arrivedOn": UIText.arrivedOn(l),
         "protectionRequestedOn": UIText.protectionRequestedOn(l), "status": UIText.legalStatus(l), "statusSince": UIText.statusSince(l),
         "dutchLevel": UIText.dutchLevel(l), "dutchAssessedOn": UIText.assessedOn(l), "motherTongue": UIText.motherTongue(l),
         "educationLevel": UIText.education(l), "educationField": UIText.educationField(l), "occupation": UIText.occupation(l),
         "occupationYears": UIText.years(l), "jobWishes": UIText.jobWishes(l), "version": UIText.editDossier(l)]
    }

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let creating = person == nil
        let title = creating ? UIText.newScreening(l) : UIText.editDossier(l)
        let plain = person.map { SiteURL.personEdit($0.id) } ?? SiteURL.persons
        let action = interview.map { plain.query("gesprek", $0.rawValue) } ?? plain
        let optional = " " + UIText.optional(l)
        return context.render(
            title, status: status,
            .h1(.text(title)),
            .p(.class("lead"), .text(creating ? UIText.screeningIntro(l) : UIText.editIntro(l))),
            interviewChoice(),
            Form.summary(state, language: l, labels: labels),
            .form(.class("stacked wide"), .method(.post), .action(action), .attribute(named: "novalidate", value: "novalidate"),
                  Form.token(context),
                  person.map { _ in Form.hidden("version", state["version"]) } ?? .empty,
                  .fieldset(legend(UIText.identitySection(l), .identity),
                            Form.input("givenName", UIText.givenName(l), state: state, required: creating,
                                       extra: [.attribute(named: "autocomplete", value: "off")], beside: ask(.fieldName)),
                            Form.input("familyName", UIText.familyName(l), state: state, required: creating,
                                       extra: [.attribute(named: "autocomplete", value: "off")]),
                            Form.input("birthDate", UIText.birthDate(l) + optional, type: "date", state: state, beside: ask(.fieldBirthDate)),
                            Form.input("birthYear", UIText.birthYear(l) + optional, type: "number", state: state, hint: UIText.birthYearHint(l),
                                       extra: [.attribute(named: "min", value: "1900"), .attribute(named: "inputmode", value: "numeric")]),
                            Form.input("countryOfOrigin", UIText.country(l), state: state, hint: UIText.countryHint(l), required: creating,
                                       extra: [.attribute(named: "maxlength", value: "2"), .attribute(named: "autocomplete", value: "off")],
                                       beside: ask(.fieldCountry))),
                  .fieldset(legend(UIText.contactSection(l), .contact),
                            Form.select("homeMunicipalityId", UIText.municipality(l), municipalities, state: state,
                                        empty: UIText.choose(l), required: creating, beside: ask(.fieldMunicipality)),
                            Form.input("phone", UIText.phone(l) + optional, type: "tel", state: state, beside: ask(.fieldPhone)),
                            Form.input("email", UIText.email(l) + optional, type: "email", state: state, beside: ask(.fieldEmail)),
                            Form.input("address", UIText.address(l) + optional, state: state, beside: ask(.fieldAddress))),
                  .fieldset(legend(UIText.statusSection(l), .legalStatus),
                            Form.input("arrivedOn", UIText.arrivedOn(l) + optional, type: "date", state: state, beside: ask(.fieldArrived)),
                            Form.input("protectionRequestedOn", UIText.protectionRequestedOn(l) + optional, type: "date", state: state,
                                       beside: ask(.milestone(.protectionRequest))),
                            Form.select("status", (creating ? UIText.legalStatus(l) : UIText.newStatus(l)) + optional,
                                        LegalStatus.allCases.map { .init(value: $0.rawValue, label: UIText.status(l, $0)) },
                                        state: state, empty: UIText.choose(l), beside: ask(.fieldStatus)),
                            Form.input("statusSince", UIText.statusSince(l) + optional, type: "date", state: state)),
                  .fieldset(legend(UIText.languagesSection(l), .languages),
                            Form.select("dutchLevel", (creating ? UIText.dutchLevel(l) : UIText.newDutchLevel(l)) + optional,
                                        CEFRLevel.allCases.map { .init(value: $0.rawValue, label: $0.rawValue) }, state: state, empty: UIText.choose(l),
                                        beside: ask(.fieldLanguages)),
                            Form.input("dutchAssessedOn", UIText.assessedOn(l) + optional, type: "date", state: state),
                            creating ? Form.input("motherTongue", UIText.motherTongue(l) + optional, state: state, hint: UIText.motherTongueHint(l),
                                                  extra: [.attribute(named: "maxlength", value: "2")], beside: ask(.fieldMotherTongue)) : .empty),
                  .fieldset(legend(UIText.skillsSection(l), .education),
                            creating ? Form.select("educationLevel", UIText.education(l) + optional,
                                                   ISCEDLevel.allCases.map { .init(value: String($0.rawValue), label: UIText.isced(l, $0)) },
                                                   state: state, empty: UIText.choose(l), beside: ask(.fieldEducation)) : .empty,
                            creating ? Form.input("educationField", UIText.educationField(l) + optional, state: state) : .empty,
                            Form.input("occupation", UIText.occupation(l) + optional, state: state, hint: UIText.occupationHint(l),
                                       extra: [.attribute(named: "inputmode", value: "numeric"), .attribute(named: "maxlength", value: "4")],
                                       beside: ask(.fieldWork)),
                            Form.input("occupationYears", UIText.years(l) + optional, type: "number", state: state,
                                       extra: [.attribute(named: "min", value: "0"), .attribute(named: "max", value: "60")]),
                            Form.input("jobWishes", UIText.jobWishes(l) + optional, state: state, hint: UIText.jobWishesHint(l),
                                       beside: ask(.fieldJobWishes))),
                  .fieldset(legend(UIText.availabilitySection(l), .availabilityAndConstraints),
                            Form.checkbox("needsChildcare", UIText.needsChildcare(l), checked: !state["needsChildcare"].isEmpty,
                                          beside: ask(.fieldChildcare)),
                            Form.checkbox("hasDrivingLicence", UIText.drivingLicence(l), checked: !state["hasDrivingLicence"].isEmpty,
                                          beside: ask(.fieldDrivingLicence)),
                            Form.checkbox("partTimeOnly", UIText.partTimeOnly(l), checked: !state["partTimeOnly"].isEmpty,
                                          beside: ask(.fieldPartTime)),
                            Form.checkbox("evenings", UIText.evenings(l), checked: !state["evenings"].isEmpty),
                            Form.checkbox("weekends", UIText.weekends(l), checked: !state["weekends"].isEmpty)),
                  .div(.class("actions"), Form.submit(creating ? UIText.createDossier(l) : UIText.save(l)),
                       .a(.href(person.map { SiteURL.person($0.id) } ?? SiteURL.persons), .text(UIText.cancel(l)))))
        )
    }
}

/// The dossier: every part the reader may see, each withheld part named with the reason; for the
/// owner also consents and the access log.
struct DossierPage {
    let context: PageContext
    let person: PersonDTO
    let version: Int
    let isOwner: Bool
    let consents: [ConsentDTO]
    let accessLog: [AuditEntryModel]
    let trajectory: TrajectoryDTO?
    let referrals: [Referrals.Line]
    let recommendations: [OfferForPersonDTO]
    let municipality: String?
    let today: CalendarDate
    var portal: Portal.Status? = nil
    var corrections: [(id: UUID, createdAt: Date)] = []

    var l: UILanguage { context.language }

    func render() -> Response {
        let title = View.personName(givenName: person.givenName, familyName: person.familyName, reference: person.reference, l)
        let id = person.id.uuidString
        return context.render(
            title,
            .h1(.text(title)),
            .p(.class("lead"), .text("\(UIText.reference(l)) \(person.reference) · "
                                     + (isOwner ? UIText.ownDossier(l) : UIText.sharedDossier(l, context.organisation(person.ownerOrganisationId))))),
            .div(.class("actions no-print"),
                 .a(.class("button-link"), .href(SiteURL.newReferral(id)), .text(UIText.refer(l))),
                 .if(isOwner, .a(.class("button-link button-secondary"), .href(SiteURL.personEdit(id)), .text(UIText.editDossier(l)))),
                 .if(isOwner, .a(.class("button-link button-secondary"), .href(SiteURL.newConsent(id)), .text(UIText.recordConsent(l)))),
                 .if(isOwner, .a(.class("button-link button-secondary"), .href(SiteURL.personExport(id)), .text(GDPRText.export(l)))),
                 .if(isOwner, .a(.class("button-link button-secondary"), .href(SiteURL.personErasure(id)), .text(GDPRText.erase(l))))),
            withheld(),
            .div(.class("grid-2"),
                 part("identiteit", UIText.identitySection(l), facts([
                     (UIText.givenName(l), person.givenName), (UIText.familyName(l), person.familyName),
                     (UIText.birthDate(l), person.birthDate?.belgian), (UIText.birthYear(l), person.birthYear.map(String.init)),
                     (UIText.country(l), person.countryOfOrigin),
                 ])),
                 part("contact", UIText.contactSection(l), facts([
                     (UIText.municipality(l), municipality ?? person.homeMunicipalityId), (UIText.phone(l), person.phone.nonEmpty),
                     (UIText.email(l), person.email.nonEmpty), (UIText.address(l), person.address.nonEmpty),
                 ])),
                 part("verblijf", UIText.statusSection(l), .group(
                     rightToWork(),
                     facts([(UIText.arrivedOn(l), person.arrivedOn?.belgian), (UIText.protectionRequestedOn(l), person.protectionRequestedOn?.belgian)]),
                     .unwrap(person.statusHistory) { history in
                         .if(!history.isEmpty, .ul(.forEach(history.sorted { $0.since < $1.since }) { record in
                             .li(.text("\(record.since.belgian): \(UIText.status(l, record.status))"))
                         }))
                     })),
                 part("talen", UIText.languagesOverTime(l), languages()),
                 part("opleiding", UIText.skillsSection(l), skills()),
                 part("beschikbaarheid", UIText.availabilitySection(l), availability())),
            trajectorySection(),
            referralSection(),
            recommendationSection(),
            .if(isOwner, consentSection()),
            .if(isOwner, portalSection()),
            .if(isOwner, accessLogSection())
        )
    }

    func part(_ id: String, _ title: String, _ content: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .section(.class("part"), .id(id), .attribute(named: "aria-labelledby", value: "\(id)-title"),
                 .h2(.id("\(id)-title"), .text(title)), content)
    }

    func facts(_ rows: [(String, String?)]) -> Node<HTML.BodyContext> {
        let shown = rows.compactMap { label, value in value.map { (label, $0) } }
        guard !shown.isEmpty else { return View.empty(UIText.nothingRecorded(l)) }
        return .dl(.class("facts"), .forEach(shown) { label, value in .group(.dt(.text(label)), .dd(.text(value))) })
    }

    func withheld() -> Node<HTML.BodyContext> {
        guard !person.withheld.isEmpty else { return .empty }
        return .section(.class("part withheld-list"), .id("niet-gedeeld"), .attribute(named: "aria-labelledby", value: "withheld-title"),
                        .h2(.id("withheld-title"), .text(UIText.withheldHeading(l))),
                        .p(.text(UIText.withheldExplained(l))),
                        .ul(.forEach(person.withheld) { item in
                            .li(.strong(.text(UIText.category(l, item.category))), .text(": " + UIText.denial(l, item.reason)))
                        }))
    }

    func rightToWork() -> Node<HTML.BodyContext> {
        guard let right = person.rightToWork else { return .empty }
        let text: String
        if right.mayWork, let date = right.date { text = UIText.mayWorkSince(l, date.belgian) }
        else if right.basis == "refused" { text = UIText.mayNotWork(l) }
        else if let date = right.date { text = UIText.mayWorkFrom(l, date.belgian) }
        else { text = UIText.rightToWorkUnknown(l) }
        return .p(.strong(.text(text)))
    }

    func languages() -> Node<HTML.BodyContext> {
        guard let languages = person.languages else { return View.empty(UIText.category(l, .languages)) }
        guard !languages.isEmpty else { return View.empty(UIText.nothingRecorded(l)) }
        return .table(.class("plain"),
                      .thead(.tr(.th(.text(UIText.language(l))), .th(.text(UIText.level(l))), .th(.text(UIText.assessedOn(l))))),
                      .tbody(.forEach(languages.sorted { ($0.language, $0.assessedOn) < ($1.language, $1.assessedOn) }) { skill in
                          .tr(.td(.text(skill.language + (skill.isMotherTongue ? " (\(UIText.motherTongue(l).lowercased()))" : ""))),
                              .td(.text(skill.isMotherTongue ? "—" : skill.level.rawValue)),
                              .td(.text(skill.assessedOn.belgian)))
                      }))
    }

    func skills() -> Node<HTML.BodyContext> {
        let education = person.education ?? []
        let experience = person.workExperience ?? []
        let wishes = person.jobWishes ?? []
        guard !education.isEmpty || !experience.isEmpty || !wishes.isEmpty else { return View.empty(UIText.nothingRecorded(l)) }
        return .group(
            .if(!education.isEmpty, .group(.h3(.text(UIText.education(l))), .ul(.forEach(education) { record in
                .li(.text(UIText.isced(l, record.level) + (record.field.isEmpty ? "" : ", \(record.field)") + " " + UIText.inCountry(l, record.country)))
            }))),
            .if(!experience.isEmpty, .group(.h3(.text(UIText.experience(l))), .ul(.forEach(experience) { record in
                .li(.text("\(View.occupation(record.occupation, l)) · \(record.years) \(Strings.profileYears(l)) " + UIText.inCountry(l, record.country)))
            }))),
            .if(!wishes.isEmpty, .group(.h3(.text(UIText.jobWishes(l))), .p(.text(wishes.map { View.occupation($0, l) }.joined(separator: ", ")))))
        )
    }

    func availability() -> Node<HTML.BodyContext> {
        guard let constraints = person.constraints, let availability = person.availability else { return View.empty(UIText.nothingRecorded(l)) }
        func yesNo(_ value: Bool) -> String { value ? UIText.yes(l) : UIText.no(l) }
        return facts([(UIText.needsChildcare(l), yesNo(constraints.needsChildcare)), (UIText.drivingLicence(l), yesNo(constraints.hasDrivingLicence)),
                      (UIText.partTimeOnly(l), yesNo(availability.partTimeOnly)), (UIText.evenings(l), yesNo(availability.evenings)),
                      (UIText.weekends(l), yesNo(availability.weekends))])
    }

    func trajectorySection() -> Node<HTML.BodyContext> {
        guard let trajectory else {
            return part("traject", UIText.trajectory(l), View.empty(UIText.category(l, .trajectoryAndReferrals) + ": " + UIText.withheldHeading(l).lowercased()))
        }
        return part("traject", UIText.trajectory(l), .group(
            .p(.class("no-print"), .a(.href(SiteURL.newStep(person.id)), .text(UIText.addStep(l)))),
            trajectory.steps.isEmpty ? View.empty(UIText.trajectoryEmpty(l)) : .table(.class("plain"), .id("steps"),
                .thead(.tr(.th(.text(UIText.kind(l))), .th(.text(UIText.state(l))), .th(.text(UIText.from(l))), .th(.text(UIText.until(l))),
                           .th(.text(UIText.provider(l))), .th(.span(.class("visually-hidden"), .text(UIText.change(l)))))),
                .tbody(.forEach(trajectory.steps.sorted { ($0.startsOn, $0.lane) < ($1.startsOn, $1.lane) }) { step in
                    .tr(.td(.text(UIText.stepKind(l, step.kind) + (step.levelReached.map { " (\($0.rawValue))" } ?? "")
                                  + (step.lane > 0 ? " · " + UIText.lane(l, step.lane) : ""))),
                        .td(.text(UIText.stepStatus(l, step.status))), .td(.text(step.startsOn.belgian)),
                        .td(.text(step.endsOn?.belgian ?? "—")), .td(.text(step.provider ?? context.organisation(step.organisationId))),
                        .td(step.organisationId == context.user.organisationID
                            ? .a(.href(SiteURL.step(person.id, step.id)), .text(UIText.change(l))) : .text("")))
                })),
            .if(!trajectory.milestones.isEmpty, .group(.h3(.text(UIText.milestones(l))), .ul(.class("timeline"), .id("milestones"),
                .forEach(trajectory.milestones.sorted { $0.on < $1.on }) { milestone in
                    .li(.text("\(milestone.on.belgian): \(UIText.milestone(l, milestone.kind))"))
                }))),
            .form(.class("filters no-print"), .method(.post), .action(SiteURL.milestones(person.id)), .id("form-milestone"),
                  Form.token(context),
                  Form.select("milestone", UIText.recordMilestone(l), MilestoneKind.allCases.map { .init(value: $0.rawValue, label: UIText.milestone(l, $0)) },
                              state: FormState(values: ["milestone": MilestoneKind.leavingReception.rawValue])),
                  Form.input("milestoneOn", UIText.heldOn(l), type: "date", state: FormState(), required: true),
                  .div(Form.submit(UIText.recordMilestone(l))))
        ))
    }

    func referralSection() -> Node<HTML.BodyContext> {
        part("doorverwijzingen", UIText.referralsOfPerson(l),
             referrals.isEmpty ? View.empty(UIText.referralsOfPersonEmpty(l)) : .ul(.class("list"), .forEach(referrals) { referral in
                 .li(.a(.href(SiteURL.referral(referral.id)),
                        .text("\(context.organisation(referral.from)) → \(context.organisation(referral.to))")),
                     .span(.class("meta"), .text(UIText.purposeName(l, referral.purpose) + " · " + UIText.referralState(l, referral.state)
                                                 + (referral.sentOn.map { " · " + UIText.sentOn(l).lowercased() + " " + $0.belgian } ?? ""))))
             }))
    }

    func recommendationSection() -> Node<HTML.BodyContext> {
        part("aanbod", UIText.fittingOffers(l),
             recommendations.isEmpty ? View.empty(UIText.fittingOffersEmpty(l)) : .ul(.class("list"), .id("recommendations"),
                 .forEach(recommendations) { item in
                     .li(.a(.href(SiteURL.offer(item.offer.id)), .text(item.offer.title)),
                         .span(.class("meta"), .text(UIText.offerKind(l, item.offer.kind) + " · " + context.organisation(item.offer.providerOrganisationId)
                                                     + " · " + UIText.starts(l).lowercased() + " " + item.offer.startsOn.belgian)),
                         .unwrap(item.fit) { fit in
                             .if(!fit.reasons.isEmpty, .p(.text(UIText.whyItFits(l) + ": " + fit.reasons.joined(separator: "; "))))
                         },
                         .unwrap(item.eligibility) { eligibility in
                             .if(!eligibility.findings.isEmpty, .p(.class("note"),
                                 .text(UIText.toCheck(l) + ": " + eligibility.findings.map(\.summary).joined(separator: "; "))))
                         })
                 }))
    }

    func consentSection() -> Node<HTML.BodyContext> {
        .section(.class("part"), .id("toestemmingen"), .attribute(named: "aria-labelledby", value: "consents-title"),
                 .h2(.id("consents-title"), .text(UIText.consents(l))),
                 consents.isEmpty ? View.empty(UIText.consentsEmpty(l)) : .ul(.class("list"), .forEach(consents) { consent in
                     let state = consent.withdrawnAt.map { UIText.withdrawn(l, View.moment($0)) } ?? (consent.active ? UIText.active(l) : UIText.expired(l))
                     return .li(.strong(.text(context.organisation(consent.recipientOrganisationId))),
                                .text(" · " + UIText.purposeName(l, consent.purpose) + " · " + state),
                                .span(.class("meta"), .text(consent.categories.map { UIText.category(l, $0) }.joined(separator: ", "))),
                                .a(.href(SiteURL.consent(consent.id)), .text(UIText.viewText(l))),
                                .if(consent.withdrawnAt == nil, .group(.text(" · "),
                                    .a(.href(SiteURL.consentWithdrawal(consent.id)), .text(UIText.withdraw(l))))))
                 }),
                 .p(.a(.href(SiteURL.newConsent(person.id)), .text(UIText.recordConsent(l)))))
    }

    /// "Mijn Schakel": whether the person has access, in which language, when last used; the letter and closing it;
    /// the corrections the person asked that wait.
    func portalSection() -> Node<HTML.BodyContext> {
        let id = person.id.uuidString
        let choices = ConsentLanguage.allCases.map { language -> Node<HTML.SelectContext> in
            Form.option(language.rawValue, UIText.consentLanguage(l, language), selected: language == (portal?.language ?? .nl))
        }
        return part("mijn-schakel", PortalStaffText.title(l), .group(
            .unwrap(portal, { status in
                .dl(.class("facts"),
                    .dt(.text(PortalStaffText.stateLabel(l))), .dd(.text(PortalStaffText.state(l, status.state))),
                    .dt(.text(PortalStaffText.language(l))),
                    .dd(.text(UIText.consentLanguage(l, status.language) + " · " + UIText.translatorReviewed(l) + ": "
                              + (PortalText.catalogue(status.language).reviewedByTranslator ? UIText.yes(l) : UIText.no(l)))),
                    .dt(.text(PortalStaffText.invitedAt(l))), .dd(.text(View.moment(status.invitedAt))),
                    .unwrap(status.codeExpiresAt) { at -> Node<HTML.DescriptionListContext> in
                        .group(.dt(.text(PortalStaffText.codeValidUntil(l))), .dd(.text(View.moment(at))))
                    },
                    .dt(.text(PortalStaffText.lastUsed(l))), .dd(.text(status.lastUsedAt.map(View.moment) ?? PortalStaffText.never(l))))
            }, else: .p(.text(PortalStaffText.none(l)))),
            .form(.class("stacked no-print"), .method(.post), .action(SiteURL.portalInvitation(id)), Form.token(context),
                  .div(.label(.for("taal"), .text(PortalStaffText.letterLanguage(l))),
                       .p(.class("hint"), .id("taal-hint"), .text(PortalStaffText.inviteHint(l))),
                       .select(.attribute(named: "id", value: "taal"), .attribute(named: "name", value: "taal"),
                               .attribute(named: "aria-describedby", value: "taal-hint"), .group(choices))),
                  Form.submit(portal == nil || portal?.state == .revoked ? PortalStaffText.invite(l) : PortalStaffText.reinvite(l))),
            .if(portal != nil && portal?.state != .revoked,
                .form(.class("inline no-print"), .method(.post), .action(SiteURL.portalRevocation(id)), Form.token(context),
                      Form.submit(PortalStaffText.revoke(l), danger: true))),
            .if(!corrections.isEmpty, .group(
                .h3(.text(PortalStaffText.corrections(l))),
                .ul(.class("list"), .forEach(corrections) { correction in
                    .li(.a(.href(SiteURL.correctionRequest(correction.id)),
                           .text(PortalStaffText.askedOn(l) + " " + View.moment(correction.createdAt))))
                })))
        ))
    }

    func accessLogSection() -> Node<HTML.BodyContext> {
        part("toegang", AccessLogText.title(l), accessLog.isEmpty ? View.empty(UIText.nothingRecorded(l)) : .table(.class("plain"),
            .thead(.tr(.th(.text(AccessLogText.when(l))), .th(.text(AccessLogText.who(l))), .th(.text(AccessLogText.what(l))),
                       .th(.text(AccessLogText.outcome(l))))),
            .tbody(.forEach(accessLog) { entry in
                .tr(.td(.text(View.moment(entry.at))), .td(.text(context.organisation(entry.organisationID))),
                    .td(.text(AccessLogText.action(l, entry.action)
                              + (entry.purpose.flatMap(Purpose.init(rawValue:)).map { " (\(UIText.purposeName(l, $0)))" } ?? ""))),
                    .td(.text(AccessLogText.outcome(l, entry.outcome))))
            })))
    }
}

extension Optional where Wrapped == String {
    /// Nil for an empty string: an emptied field shows as not recorded.
    var nonEmpty: String? { self.flatMap { $0.isEmpty ? nil : $0 } }
}

/// Recording a consent: with whom, for what, which data, how it was given, and the text as the person
/// saw it (the standard text when left empty).
struct ConsentFormPage {
    let context: PageContext
    let personID: UUID
    let state: FormState
    /// The text shown to the person for the current choices, in their language (nil until organisation, purpose and
    /// data are chosen).
    var shown: Consents.Shown? = nil
    /// The same text in Dutch, shown beside it (interview mode) when the person's language is another.
    var dutch: Consents.Shown? = nil

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let organisations = context.organisations.filter { $0.key != context.user.organisationID }.sorted { $0.value < $1.value }
        let labels = ["recipient": UIText.recipient(l), "purpose": UIText.purpose(l), "categories": UIText.categories(l),
                      "method": UIText.method(l), "witness": UIText.witness(l), "text": UIText.consentText(l),
                      "textLanguage": UIText.consentTextLanguage(l), "interpreter": UIText.interpreter(l)]
        return context.render(
            UIText.recordConsent(l), status: status,
            .h1(.text(UIText.recordConsent(l))),
            .p(.text(UIText.consentFormIntro(l))),
            Form.summary(state, language: l, labels: labels),
            .form(.class("stacked wide"), .method(.post), .action(SiteURL.consents(personID)),
                  .attribute(named: "novalidate", value: "novalidate"),
                  Form.token(context),
                  Form.select("recipient", UIText.recipient(l), organisations.map { .init(value: $0.key.uuidString, label: $0.value) },
                              state: state, empty: UIText.choose(l), required: true),
                  Form.select("purpose", UIText.purpose(l), Purpose.allCases.map { .init(value: $0.rawValue, label: UIText.purposeName(l, $0)) },
                              state: state, required: true),
                  .fieldset(.id("categories"), Form.legend(UIText.categories(l)),
                            state.errors["categories"].map { .p(.class("field-error"), .text($0)) } ?? .empty,
                            Form.categoryChecks(state, language: l)),
                  Form.select("textLanguage", UIText.consentTextLanguage(l),
                              ConsentLanguage.allCases.map { .init(value: $0.rawValue, label: UIText.consentLanguageWithReview(l, $0)) },
                              state: state),
                  .div(.class("actions"), .button(.type(.submit), .name("stap"), .value("tonen"), .class("button-secondary"),
                                                  .text(UIText.showConsentText(l)))),
                  shownText(l),
                  Form.checkbox("personReadsText", UIText.personReadsText(l), checked: state["personReadsText"] != "off" &&
                                (state.values["personReadsText"] != nil || state.values["recipient"] == nil)),
                  Form.input("interpreter", UIText.interpreter(l), state: state),
                  Form.select("method", UIText.method(l), ConsentMethod.allCases.map { .init(value: $0.rawValue, label: UIText.consentMethod(l, $0)) },
                              state: state, required: true),
                  Form.input("witness", UIText.witness(l), state: state),
                  Form.textarea("text", UIText.consentText(l) + " " + UIText.optional(l), state: state, hint: UIText.consentTextHint(l)),
                  .div(.class("actions"), .button(.type(.submit), .id("record-consent"), .text(UIText.recordConsent(l))),
                       .button(.type(.submit), .name("stap"), .value("afdrukken"), .class("button-secondary"),
                               .attribute(named: "formtarget", value: "_blank"), .text(UIText.printConsentSheet(l))),
                       .a(.href(SiteURL.person(personID)), .text(UIText.cancel(l)))))
        )
    }

    /// The text and its easy-read explanation as the person sees them: in their language and its direction, with the
    /// proof of what was shown (`shownLanguage`, `shownText`) that recording checks.
    func shownText(_ l: UILanguage) -> Node<HTML.FormContext> {
        guard let shown else { return .p(.class("hint"), .id("consent-shown"), .text(UIText.consentTextNotYetShown(l))) }
        func column(_ text: Consents.Shown, id: String) -> Node<HTML.FormContext> {
            .element(named: "section", nodes: [
                .class("consent-shown"), .id(id), .attribute(named: "lang", value: text.language.tag),
                .attribute(named: "dir", value: text.language.isRightToLeft ? "rtl" : "ltr"),
                .element(named: "p", nodes: [.class("language-name"), .text(PersonText.catalogue(text.language)[.languageName])]),
                .element(named: "h2", text: text.easyReadTitle),
                .element(named: "ul", nodes: text.easyRead.map { .element(named: "li", text: $0) }),
                .element(named: "blockquote", nodes: [.class("consent-text"), .text(text.text)]),
            ])
        }
        return .group(
            Form.hidden("shownLanguage", shown.language.rawValue),
            Form.hidden("shownText", shown.fingerprint),
            .div(.class("interview"), column(shown, id: "consent-shown"), .unwrap(dutch) { column($0, id: "consent-dutch") }),
            .p(.class(shown.reviewed ? "review reviewed" : "review not-reviewed"), .id("consent-review"),
               .text(UIText.translatorReview(l, shown.reviewed))))
    }
}

/// The sheet the person signs: the standard text and its easy-read explanation in their language beside the Dutch,
/// with lines for signatures. It names no person (the name is written by hand), so printing it reads no dossier.
struct ConsentSheetPage {
    let language: UILanguage
    let shown: Consents.Shown
    let dutch: Consents.Shown

    func render() -> Response {
        let columns = shown.language == .nl ? [dutch] : [shown, dutch]
        let html = HTML(
            .attribute(named: "lang", value: language.rawValue),
            .head(.meta(.charset(.utf8)), .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                  .element(named: "title", text: PersonText.catalogue(shown.language)[.sheetTitle]),
                  .link(.rel(.stylesheet), .href(SiteURL.stylesheet))),
            .body(.class("sheet"),
                  .main(.class("sheet-columns"), .forEach(columns) { column in
                      let text = PersonText.catalogue(column.language)
                      return .element(named: "section", nodes: [
                          .class("sheet-column"), .attribute(named: "lang", value: column.language.tag),
                          .attribute(named: "dir", value: column.language.isRightToLeft ? "rtl" : "ltr"),
                          .element(named: "h1", text: text[.sheetTitle]),
                          .element(named: "h2", text: column.easyReadTitle),
                          .element(named: "ul", nodes: column.easyRead.map { .element(named: "li", text: $0) }),
                          .element(named: "blockquote", nodes: [.class("consent-text"), .text(column.text)]),
                          .element(named: "dl", nodes: [.class("signatures")] + [Key.sheetSignature, .sheetDate, .sheetCaseworker, .sheetHelper]
                                    .flatMap { key -> [Node<HTML.BodyContext>] in
                                        [.element(named: "dt", text: text[key]), .element(named: "dd", nodes: [.class("line")])]
                                    }),
                      ])
                  }))
        )
        let response = Response(status: .ok, body: .init(string: html.render()))
        response.headers.contentType = .html
        return response
    }

    typealias Key = PersonText.Key
}

/// One consent: the text as the person saw it, who recorded it, its state; and the withdrawal, which asks first.
struct ConsentPage {
    let context: PageContext
    let consent: ConsentDTO
    let confirmWithdrawal: Bool

    func render() -> Response {
        let l = context.language
        let recipient = context.organisation(consent.recipientOrganisationId)
        let state = consent.withdrawnAt.map { UIText.withdrawn(l, View.moment($0)) } ?? (consent.active ? UIText.active(l) : UIText.expired(l))
        return context.render(
            UIText.consentTitle(l),
            .h1(.text(UIText.consentTitle(l) + ": " + recipient)),
            .dl(.class("facts"),
                .dt(.text(UIText.purpose(l))), .dd(.text(UIText.purposeName(l, consent.purpose))),
                .dt(.text(UIText.categories(l))), .dd(.text(consent.categories.map { UIText.category(l, $0) }.joined(separator: ", "))),
                .dt(.text(UIText.method(l))), .dd(.text(UIText.consentMethod(l, consent.method) + (consent.witness.map { " (\($0))" } ?? ""))),
                .dt(.text(UIText.givenAt(l))), .dd(.text(View.moment(consent.givenAt))),
                .dt(.text(UIText.state(l))), .dd(.text(state)),
                .dt(.text(UIText.consentTextLanguage(l))),
                .dd(.text(UIText.consentLanguage(l, consent.textLanguage)
                          + (consent.textWrittenIn != consent.textLanguage
                             ? consent.interpreter.map { " (" + UIText.interpretedBy(l, $0, UIText.consentLanguage(l, consent.textWrittenIn)) + ")" } ?? ""
                             : ""))),
                .if(consent.textWrittenIn == consent.textLanguage,
                    .unwrap(consent.interpreter) { .group(.dt(.text(UIText.interpreter(l))), .dd(.text($0))) }),
                .dt(.text(UIText.translatorReviewed(l))), .dd(.text(UIText.yesNoUnknown(l, consent.textReviewed))),
                .dt(.text(UIText.personReadsText(l))), .dd(.text(UIText.yesNoUnknown(l, consent.personReadsText)))),
            .h2(.text(UIText.consentText(l))),
            .blockquote(.class("consent-text"), .attribute(named: "lang", value: consent.textWrittenIn.tag),
                        .attribute(named: "dir", value: consent.textWrittenIn.isRightToLeft ? "rtl" : "ltr"), .text(consent.text)),
            .if(confirmWithdrawal && consent.withdrawnAt == nil,
                .form(.method(.post), .action(SiteURL.consentWithdrawal(consent.id)), .class("confirm"),
                      Form.token(context),
                      .p(.strong(.text(UIText.withdrawQuestion(l, recipient)))),
                      .div(.class("actions"), Form.submit(UIText.withdrawConfirm(l), danger: true),
                           .a(.href(SiteURL.person(consent.personId).fragment("toestemmingen")), .text(UIText.cancel(l)))))),
            .if(!confirmWithdrawal, .p(.a(.href(SiteURL.person(consent.personId).fragment("toestemmingen")), .text(UIText.backToDossier(l)))))
        )
    }
}

/// A step the reader's organisation runs in the person's trajectory: Dutch lessons beside work experience
/// run in parallel, each its own step.
struct StepFormPage {
    let context: PageContext
    let personID: UUID
    let state: FormState
    /// The step being changed; nil for a new one.
    var stepID: UUID? = nil

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let labels = ["kind": UIText.kind(l), "status": UIText.state(l), "startsOn": UIText.from(l), "endsOn": UIText.until(l),
                      "provider": UIText.provider(l), "levelReached": UIText.levelReached(l), "outcome": UIText.outcome(l), "note": UIText.notes(l)]
        let title = stepID == nil ? UIText.addStep(l) : UIText.changeStep(l)
        let action = stepID.map { SiteURL.step(personID, $0) } ?? SiteURL.steps(personID)
        return context.render(
            title, status: status,
            .h1(.text(title)),
            .p(.text(UIText.addStepIntro(l))),
            Form.summary(state, language: l, labels: labels),
            .form(.class("stacked wide"), .method(.post), .action(action),
                  .attribute(named: "novalidate", value: "novalidate"),
                  Form.token(context),
                  stepID == nil ? .empty : Form.hidden("version", state["version"]),
                  Form.select("kind", UIText.kind(l), TrajectoryStepKind.allCases.map { .init(value: $0.rawValue, label: UIText.stepKind(l, $0)) },
                              state: state, empty: UIText.choose(l), required: true),
                  Form.select("status", UIText.state(l), TrajectoryStepStatus.allCases.map { .init(value: $0.rawValue, label: UIText.stepStatus(l, $0)) },
                              state: state, required: true),
                  Form.input("startsOn", UIText.from(l), type: "date", state: state, required: true),
                  Form.input("endsOn", UIText.until(l) + " " + UIText.optional(l), type: "date", state: state),
                  Form.input("provider", UIText.provider(l) + " " + UIText.optional(l), state: state),
                  Form.select("levelReached", UIText.levelReached(l) + " " + UIText.optional(l),
                              CEFRLevel.allCases.map { .init(value: $0.rawValue, label: $0.rawValue) }, state: state, empty: UIText.none(l)),
                  Form.select("outcome", UIText.outcome(l) + " " + UIText.optional(l),
                              TrajectoryStepOutcome.allCases.map { .init(value: $0.rawValue, label: UIText.stepOutcome(l, $0)) },
                              state: state, empty: UIText.none(l)),
                  Form.textarea("note", UIText.notes(l) + " " + UIText.optional(l), state: state, hint: UIText.reasonHint(l)),
                  .div(.class("actions"), Form.submit(stepID == nil ? UIText.addStep(l) : UIText.save(l)),
                       .a(.href(SiteURL.person(personID).fragment("traject")), .text(UIText.cancel(l)))))
        )
    }
}

/// Erasure (GDPR art. 17) asks first and needs a reason; the pseudonymous facts for statistics stay.
struct ErasePage {
    let context: PageContext
    let personID: UUID
    let name: String
    let state: FormState

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        return context.render(
            GDPRText.erase(l), status: status,
            .h1(.text(GDPRText.erase(l) + ": " + name)),
            .p(.text(GDPRText.eraseExplained(l))),
            Form.summary(state, language: l, labels: ["reason": GDPRText.reason(l)]),
            .form(.class("stacked wide"), .method(.post), .action(SiteURL.personErasure(personID)),
                  .attribute(named: "novalidate", value: "novalidate"), Form.token(context),
                  Form.textarea("reason", GDPRText.reason(l), state: state, hint: GDPRText.reasonHint(l), required: true),
                  .div(.class("actions"), Form.submit(GDPRText.eraseConfirm(l), danger: true),
                       .a(.href(SiteURL.person(personID)), .text(UIText.cancel(l)))))
        )
    }
}
