"""The seed chains walked in a real browser, as their users would, with the accessibility audit on every screen."""
import re
import subprocess
import tempfile
import urllib.request

SOCIAL_WORKER_FEDASIL = "social-worker@fedasil-poelkapelle.demo"
COUNSELLOR_IEPER = "job-counsellor@vdab-ieper.demo"
COUNSELLOR_GENT = "job-counsellor@vdab-gent.demo"
IN_GENT = "trajectory-counsellor@in-gent.demo"
JOBTEAM = "consultant@jobteam-gent.demo"
OCMW_MECHELEN = "social-worker@ocmw-mechelen.demo"
COUNSELLOR_MECHELEN = "job-counsellor@vdab-mechelen.demo"
ANALYST = "analyst@stad-gent.demo"


def screen(page, given, family, municipality, *, protection="2026-07-30", status="verzoeker internationale bescherming",
           dutch="A1", occupation="7512", wishes="7512"):
    """The early screening form, filled as a social worker does on a first talk."""
    page.open("/personen/nieuw")
    page.fill("givenName", given)
    page.fill("familyName", family)
    page.fill("birthYear", "1990")
    page.fill("countryOfOrigin", "SY")
    page.choose("homeMunicipalityId", municipality)
    page.date("protectionRequestedOn", protection)
    page.choose("status", status)
    page.date("statusSince", protection)
    page.choose("dutchLevel", dutch)
    page.date("dutchAssessedOn", "2026-10-01")
    page.fill("motherTongue", "ar")
    page.fill("occupation", occupation)
    page.fill("occupationYears", "4")
    page.fill("jobWishes", wishes)
    page.submit("form[action='/personen']")
    assert page.heading() == f"{given} {family}", page.text()[:500]
    return page.path()


def consent(page, dossier, organisation, categories, purpose="begeleiding naar werk"):
    page.open(dossier + "/toestemmingen/nieuw")
    page.choose("recipient", organisation)
    page.choose("purpose", purpose)
    for category in categories:
        page.tick(f"cat-{category}")
    page.choose("method", "ondertekend formulier")
    # The first button shows the text in the person's language; only then is it recorded.
    page.submit("form[action$='/toestemmingen']")
    assert "Wat betekent deze toestemming?" in page.text(), page.text()[:500]
    page.press("#record-consent")
    assert "De toestemming is vastgelegd." in page.text()


def refer(page, dossier, organisation, reason, purpose="begeleiding naar werk", warm=False):
    page.open(dossier + "/doorverwijzen")
    page.choose("to", organisation)
    page.choose("purpose", purpose)
    page.fill("reason", reason)
    if warm:
        page.tick("warm")
    page.submit("form[action$='/doorverwijzen']")
    assert page.path().startswith("/doorverwijzingen/"), page.text()[:500]
    return page.path()


def step(page, referral, action, **fields):
    page.open(referral)
    for field, value in fields.items():
        if field in ("reason", "outcome"):
            page.choose(field, value)
        else:
            page.fill(field, value)
    page.submit(f"#form-{action}")
    return page.find("#referral-state").text


def test_sign_in_form_errors_and_the_language_switch(page):
    page.open("/aanmelden").audit("sign-in")
    page.fill("email", SOCIAL_WORKER_FEDASIL)
    page.fill("password", "not the password")
    page.submit("form:has(#email)")
    assert page.path() == "/aanmelden"
    assert "klopt niet" in page.find("#sign-in-error").text
    page.audit("sign-in-error")

    page.sign_in(SOCIAL_WORKER_FEDASIL)
    assert page.path() == "/start"
    page.audit("my-day")
    # A screening without a family name: the error at the field and in the summary, the values kept.
    page.open("/personen/nieuw").audit("screening")
    page.fill("givenName", "Rahel")
    page.submit("form[action='/personen']")
    assert page.find("#error-summary").is_displayed()
    assert "Familienaam" in page.find("#error-summary").text
    assert page.find("#givenName").get_attribute("value") == "Rahel"
    page.audit("screening-errors")

    # English, kept with the account: after signing out and in again the pages stay English.
    page.open("/personen/nieuw")
    page.submit("#language-switch")
    assert page.find("html").get_attribute("lang") == "en"
    assert page.heading() == "Early screening: new dossier"
    page.sign_out()
    page.sign_in(SOCIAL_WORKER_FEDASIL)
    assert "My day" in page.text()
    page.audit("my-day-english")
    page.submit("#language-switch")
    assert page.find("html").get_attribute("lang") == "nl"


def test_reception_screens_consents_and_refers_to_vdab_which_accepts(page):
    """Seed 000/001: the reception centre refers a resident to VDAB Ieper at the right-to-work date."""
    page.sign_in(SOCIAL_WORKER_FEDASIL)
    dossier = screen(page, "Yonas", "Tesfay", "Langemark-Poelkapelle")
    page.audit("dossier-new")
    referral = refer(page, dossier, "VDAB Ieper", "Mag werken vanaf 30/11; wil bakker worden.")
    assert page.find("#consent-first").is_displayed()
    page.audit("referral-draft-without-consent")
    consent(page, dossier, "VDAB Ieper", ["identity", "legal-status", "languages", "work-experience", "competences-and-wishes"])
    page.audit("dossier-with-consent")
    page.open(referral)
    assert "Yonas Tesfay" in page.find("#voorbeeld").text
    page.audit("referral-preview")
    assert step(page, referral, "send") == "verstuurd"
    page.open("/doorverwijzingen?richting=verzonden").audit("outbox")

    page.sign_in(COUNSELLOR_IEPER)
    page.open("/start")
    assert "Yonas Tesfay" in page.find("#incoming").text
    page.open("/doorverwijzingen").audit("inbox")
    page.open(referral)
    assert "Profiel van de verzender" in page.text()
    page.audit("referral-received")
    assert step(page, referral, "receive") == "ontvangen"
    assert step(page, referral, "accept") == "aanvaard"
    page.click_link("Yonas Tesfay")
    assert "Aanbod dat past" in page.text()
    assert page.finds("#recommendations li"), "fitting offers with their reasons"
    assert "Waarom het past" in page.find("#recommendations").text
    page.audit("dossier-shared-with-offers")
    page.find("#recommendations a").click()
    assert page.path().startswith("/aanbod/")
    page.audit("offer")
    page.open("/aanbod?kind=training").audit("offers")


def test_ghent_warm_hand_over_then_onward_to_the_jobteam(page):
    """Seed 001: IN-Gent hands over warmly to VDAB Gent, which refers on to the Jobteam."""
    page.sign_in(IN_GENT)
    dossier = screen(page, "Mariam", "Ahmadi", "Gent", protection="2025-06-01", status="erkend vluchteling", dutch="A2",
                     occupation="5120", wishes="5120")
    consent(page, dossier, "VDAB Gent", ["identity", "contact", "legal-status", "languages", "work-experience", "competences-and-wishes",
                                          "trajectory-and-referrals"], purpose="warme overdracht")
    referral = refer(page, dossier, "VDAB Gent", "Klaar voor werk; kok van beroep.", purpose="warme overdracht", warm=True)
    assert step(page, referral, "send") == "verstuurd"

    page.sign_in(COUNSELLOR_GENT)
    assert step(page, referral, "receive") == "ontvangen"
    page.open(referral)
    page.date("heldOn", "2026-11-20")
    page.fill("participants", "consulent IN-Gent, jobcoach VDAB, tolk")
    page.submit("#form-meeting")
    assert "consulent IN-Gent" in page.find("#overdracht").text
    page.audit("warm-hand-over")
    assert step(page, referral, "accept") == "aanvaard"
    page.open(dossier)
    assert "Dossier van je organisatie" in page.text(), "the dossier moved to VDAB Gent on acceptance"
    consent(page, dossier, "Jobteam Gent", ["identity", "contact", "languages", "work-experience", "competences-and-wishes"],
            purpose="intensieve begeleiding")
    onward = refer(page, dossier, "Jobteam Gent", "Intensieve begeleiding naar werk in de horeca.", purpose="intensieve begeleiding")
    assert step(page, onward, "send") == "verstuurd"
    # Dutch lessons beside the guidance: a step of VDAB Gent's own in the trajectory.
    page.open(dossier + "/traject/nieuw")
    page.choose("kind", "lessen Nederlands (NT2)")
    page.choose("status", "lopend")
    page.date("startsOn", "2026-11-02")
    page.fill("provider", "CVO Gent")
    page.audit("trajectory-step")
    page.submit("form[action$='/traject']")
    assert "lessen Nederlands (NT2)" in page.find("#steps").text
    # A case conference with the Jobteam: the person consented to be discussed with it.
    consent(page, dossier, "Jobteam Gent", ["identity", "trajectory-and-referrals"], purpose="casusoverleg")
    page.open("/overleg")
    page.fill("title", "Casusoverleg horeca")
    page.date("heldOn", "2026-11-27")
    page.driver.find_element("xpath", "//label[text()='Jobteam Gent']").click()
    page.submit("form[action='/overleg']")
    page.choose("person", "Mariam Ahmadi")
    page.submit("#form-person")
    assert "Mariam Ahmadi" in page.find("#personen").text
    page.audit("case-conference")

    page.sign_in(JOBTEAM)
    page.open("/doorverwijzingen")
    assert "Mariam Ahmadi" in page.find("#referrals").text
    page.open(onward)
    assert step(page, onward, "receive") == "ontvangen"
    assert step(page, onward, "accept") == "aanvaard"
    assert step(page, onward, "start") == "loopt"
    assert step(page, onward, "complete", outcome="job in het normaal economisch circuit") == "afgerond"
    page.audit("referral-completed")


def test_ocmw_training_request_refused_then_reconsidered(page):
    """Seed 002: OCMW Mechelen asks VDAB Mechelen for a training; refused, then reconsidered after talks."""
    page.sign_in(OCMW_MECHELEN)
    dossier = screen(page, "Olena", "Kovalenko", "Mechelen", protection="2025-03-01", status="tijdelijke bescherming",
                     dutch="A2", occupation="5321", wishes="5321")
    consent(page, dossier, "VDAB Mechelen", ["identity", "legal-status", "languages", "education", "work-experience",
                                              "competences-and-wishes"], purpose="opleiding")
    referral = refer(page, dossier, "VDAB Mechelen", "Vraagt opleiding zorgkundige na artikel 60.", purpose="opleiding")
    assert step(page, referral, "send") == "verstuurd"

    page.sign_in(COUNSELLOR_MECHELEN)
    assert step(page, referral, "receive") == "ontvangen"
    # Refusing without a reason: the error names the field, nothing changes.
    page.open(referral)
    page.fill("text", "Nederlands nog te zwak.")
    page.submit("#form-refuse")
    assert "Reden van weigering" in page.find("#error-summary").text
    page.audit("refuse-error")
    assert step(page, referral, "refuse", reason="Nederlands te zwak", text="Nederlands nog te zwak voor de opleiding.") == "geweigerd"
    assert step(page, referral, "reconsider", text="Na overleg: NT2 loopt parallel met de opleiding.") == "ontvangen"
    assert step(page, referral, "accept") == "aanvaard"
    history = page.find("#history").text
    assert "Weigeren" in history and "Heroverwegen na overleg" in history
    page.audit("referral-reconsidered")

    page.sign_in(OCMW_MECHELEN)
    page.open(referral)
    assert page.find("#referral-state").text == "aanvaard"


def test_a_coordinator_opens_the_figures(page, server):
    page.sign_in(ANALYST)
    page.open("/cijfers")
    assert page.finds("section.indicator svg"), "a chart per indicator"
    page.audit("figures")
    link = page.find("a[href$='.csv']").get_attribute("href")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in page.driver.get_cookies())
    request = urllib.request.Request(link, headers={"Cookie": cookie})
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 200
        assert answer.headers["Content-Type"].startswith("text/csv")
    page.open("/personen")
    assert page.find(".error-summary").is_displayed(), "coordinators never see a person"


def test_an_organisation_without_consent_cannot_reach_the_person_by_url(page):
    page.sign_in(SOCIAL_WORKER_FEDASIL)
    dossier = screen(page, "Samir", "Haddad", "Langemark-Poelkapelle")
    page.sign_in(COUNSELLOR_GENT)
    page.open(dossier)
    assert "Haddad" not in page.text()
    assert "bestaat niet" in page.text()
    page.audit("not-found")
    page.open(dossier + "/doorverwijzen")
    assert "Haddad" not in page.text()


def test_the_administrator_and_the_password_screens(page):
    page.sign_in("administrator@vdab-gent.demo")
    page.open("/beheer")
    assert "IN-Gent → VDAB Gent" in page.find("#overeenkomsten").text
    page.audit("administration")
    page.open("/wachtwoord").audit("change-password")
    page.fill("current", "not the password")
    page.fill("new", "een lang nieuw wachtwoord")
    page.fill("confirm", "een lang nieuw wachtwoord")
    page.submit("form[action='/wachtwoord']")
    assert "Huidig wachtwoord" in page.find("#error-summary").text


def tick_labelled(page, label):
    """Ticks the checkbox whose label reads `label` (its id holds an organisation's id)."""
    target = page.driver.find_element("xpath", f"//label[normalize-space()='{label}']").get_attribute("for")
    page.tick(target)


def test_an_administrator_adds_a_partner_records_an_agreement_and_ends_it(page):
    """The registry from the browser: an organisation, an agreement whose route a caseworker then uses, ending it."""
    page.sign_in("administrator@vdab-gent.demo")
    page.open("/beheer").click_link("Organisatie toevoegen")
    page.submit("form[action='/beheer/organisaties']")
    assert "Naam" in page.find("#error-summary").text
    page.audit("organisation-form-errors")
    page.fill("name", "OCMW Eeklo")
    page.choose("kind", "OCMW")
    page.choose("regionId", "Oost-Vlaanderen")
    page.submit("form[action='/beheer/organisaties']")
    assert "OCMW Eeklo is toegevoegd aan de keten." in page.text()

    page.click_link("Nieuwe samenwerkingsovereenkomst")
    page.audit("agreement-form")
    page.fill("title", "VDAB Gent en OCMW Eeklo")
    page.date("validFrom", "2026-01-01")
    tick_labelled(page, "OCMW Eeklo")
    page.tick("task-guidance")
    page.tick("cat-identity")
    page.tick("cat-languages")
    page.fill("responseDays", "7")
    page.submit("form[action='/beheer/overeenkomsten']")
    assert page.heading() == "VDAB Gent en OCMW Eeklo", page.text()[:400]
    routes = page.find("#routes").text
    assert "OCMW Eeklo" in routes and "identiteit, talen" in routes
    page.audit("agreement")
    agreement = page.path()

    page.sign_out().sign_in(COUNSELLOR_GENT)
    dossier = screen(page, "Rami", "Darwish", "Gent")
    page.open(dossier + "/doorverwijzen")
    assert "OCMW Eeklo" in page.find("#to").text
    page.sign_out().sign_in("administrator@vdab-gent.demo")

    page.open(agreement).click_link("Overeenkomst beëindigen")
    assert "nu beëindigen?" in page.text()
    page.audit("agreement-end-confirm")
    page.submit("form[action$='/beeindigen']")
    assert "De overeenkomst is beëindigd." in page.text() and "niet van kracht" in page.text()
    page.sign_out().sign_in(COUNSELLOR_GENT)
    page.open(dossier + "/doorverwijzen")
    assert "OCMW Eeklo" not in page.find("#to").text


def test_an_administrator_is_asked_before_closing_an_account(page):
    page.sign_in("administrator@vdab-gent.demo")
    page.open("/beheer")
    row = page.driver.find_element("xpath", "//tr[td[normalize-space()='analyst@vdab-gent.demo']]")
    assert row.find_element("css selector", "select").get_attribute("id").startswith("role-")
    page.open(row.find_element("link text", "Account sluiten").get_attribute("href")[len(page.base):])
    assert "Wil je het account van" in page.find("#sluiten").text
    page.audit("account-close-confirm")
    page.find("#sluiten").find_element("link text", "Annuleren").click()
    assert "gesloten op" not in page.find("#accounts").text


def test_an_employer_request_is_routed_and_answered(page):
    page.sign_in("employer-contact@bakkerij-van-acker.demo")
    page.open("/werkgevers")
    page.choose("kind", "aangeboden plaats")
    page.fill("employerName", "Bakkerij Van Acker")
    page.fill("description", "Twee plaatsen hulpbakker, ook deeltijds.")
    page.choose("handler", "VDAB Gent")
    page.audit("employer-requests")
    page.submit("form[action='/werkgevers']")
    request = page.path()
    page.sign_in(COUNSELLOR_GENT)
    page.open(request)
    page.choose("contact", "Jobcoach VDAB Gent")
    page.submit("#form-assign")
    page.fill("answer", "Twee kandidaten voorgesteld.")
    page.submit("#form-answer")
    assert page.find("#request-state").text == "beantwoord"
    page.audit("employer-request")


def test_the_evaluation_questionnaire(page):
    page.sign_in(COUNSELLOR_MECHELEN)
    page.open("/enquete/frontline-worker").audit("survey")
    page.submit("form[action='/enquete/frontline-worker']")
    assert page.find("#error-summary").is_displayed()


def test_every_other_screen_passes_the_audit_in_both_languages(page):
    """The screens the walks pass without looking: lists, forms, confirmations; Dutch, then English."""
    page.sign_in(SOCIAL_WORKER_FEDASIL)
    dossier = screen(page, "Hana", "Yusuf", "Langemark-Poelkapelle")
    consent(page, dossier, "VDAB Ieper", ["identity", "languages"])
    consent_link = page.find("#toestemmingen a[href^='/toestemmingen/']").get_attribute("href")
    consent_path = consent_link[len(page.base):]
    referral = refer(page, dossier, "VDAB Ieper", "Kennismaking.")
    screens = [
        ("persons", "/personen"), ("dossier-edit", dossier + "/wijzigen"), ("consent-form", dossier + "/toestemmingen/nieuw"),
        ("consent-text", consent_path), ("consent-withdraw", consent_path + "/intrekken"), ("referral-form", dossier + "/doorverwijzen"),
        ("referral-cancel", referral + "/annuleren"), ("erase", dossier + "/wissen"), ("offers-import", "/aanbod/laden"),
        ("conferences", "/overleg"), ("survey-client", "/enquete/client"),
    ]
    for name, path in screens:
        page.open(path)
        assert page.find("h1").is_displayed(), path
        page.audit(name)
    page.open("/personen")
    page.fill("naam", "Hana Yusuf")
    page.submit("form[action='/personen/zoeken']")
    assert "Hana Yusuf" in page.find("#persons").text
    page.audit("persons-search")
    page.open("/start")
    page.submit("#language-switch")
    for name, path in [("dossier-english", dossier), ("referral-english", referral), ("persons-english", "/personen")]:
        page.open(path)
        assert page.find("html").get_attribute("lang") == "en"
        page.audit(name)
    assert "Not shared with you" not in page.text()
    page.open(dossier)
    assert "Record consent" in page.text()
    page.submit("#language-switch")


def too_wide_on_a_phone(page):
    """The elements that stick out of a phone-width window (nothing should: no sideways scrolling)."""
    size = page.driver.get_window_size()
    try:
        page.driver.set_window_size(390, 844)
        return page.driver.execute_script(
            "const w = document.documentElement.clientWidth;"
            "const wide = [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect();"
            " return r.width > 1 && (r.right > w + 1 || r.left < -1); })"
            ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));"
            # The page itself must not scroll sideways (a right-to-left page scrolls to the left).
            "if (document.documentElement.scrollWidth > w + 1) wide.push('page ' + document.documentElement.scrollWidth);"
            "return wide;")
    finally:
        page.driver.set_window_size(size["width"], size["height"])


def test_the_consent_text_in_the_persons_language_before_it_is_recorded(page):
    """Issue 17: the text and its easy-read explanation shown in Arabic (right to left) and Tigrinya, at phone width
    too; an unreviewed text is recorded only with an interpreter or a witness."""
    page.sign_in(SOCIAL_WORKER_FEDASIL)
    dossier = screen(page, "Amal", "Haddad", "Langemark-Poelkapelle")
    for language, label, tag, direction in [("ar", "Arabisch", "ar", "rtl"), ("ti", "Tigrinya", "ti", "ltr")]:
        page.open(dossier + "/toestemmingen/nieuw")
        page.choose("recipient", "VDAB Ieper")
        page.choose("purpose", "begeleiding naar werk")
        for category in ["identity", "languages", "work-experience"]:
            page.tick(f"cat-{category}")
        page.find(f"#textLanguage option[value='{language}']").click()
        page.submit("form[action$='/toestemmingen']")
        shown = page.find("#consent-shown")
        assert shown.get_attribute("lang") == tag and shown.get_attribute("dir") == direction
        assert "VDAB Ieper" in shown.text and shown.find_element("css selector", "blockquote").text
        assert "vertaler: nee" in page.find("#consent-review").text
        page.driver.execute_script("arguments[0].scrollIntoView()", shown)
        assert not too_wide_on_a_phone(page), too_wide_on_a_phone(page)
        page.audit(f"consent-shown-{language}")
    # Tigrinya is not reviewed: recording asks for an interpreter or a witness, then takes the interpreter.
    page.press("#record-consent")
    assert page.find("#interpreter-error").is_displayed()
    page.fill("interpreter", "Tolkendienst Vlaanderen (Tigrinya)")
    page.press("#record-consent")
    assert "De toestemming is vastgelegd." in page.text()
    link = page.find("#toestemmingen a[href^='/toestemmingen/']").get_attribute("href")
    page.open("/" + link.split("/", 3)[3])
    text = page.find("blockquote.consent-text")
    assert text.get_attribute("lang") == "ti" and "VDAB Ieper" in text.text
    page.audit("consent-recorded-ti")


def test_mijn_schakel_in_arabic_and_tigrinya_at_phone_width(page):
    """Issue 17: Fedasil Poelkapelle's social worker prints the letter; the person opens their own page on a phone in
    Arabic, sees their plan and referral, sees that VDAB Ieper read their dossier and why, stops VDAB's consent, and
    reads the same pages in Tigrinya; every page passes axe and fits a phone without sideways scrolling."""
    page.sign_in(SOCIAL_WORKER_FEDASIL)
    dossier = screen(page, "Samira", "Nour", "Langemark-Poelkapelle")
    consent(page, dossier, "VDAB Ieper", ["identity", "languages", "work-experience"])
    refer(page, dossier, "VDAB Ieper", "Zoekt werk als bakker.")
    assert step(page, page.path(), "send") == "verstuurd"
    # VDAB Ieper opens the dossier for guidance to work.
    page.sign_in(COUNSELLOR_IEPER)
    page.open(dossier)
    assert page.heading() == "Samira Nour"
    page.sign_in(SOCIAL_WORKER_FEDASIL)
    page.open(dossier)
    page.find("#taal option[value='ar']").click()
    page.submit("form[action$='/mijn-schakel']")
    letter = page.find("html")
    assert letter.get_attribute("lang") == "ar" and letter.get_attribute("dir") == "rtl"
    codes = [element.text.replace(" ", "") for element in page.finds("dd.code")]
    assert len(codes) == 2 and all(code.isdigit() for code in codes), codes
    assert page.find(".letter-qr svg")
    page.audit("portal-letter-ar")
    # The QR code on the printed letter, read by a real decoder (zbarimg, Debian's zbar-tools), leads to the first visit
    # with the account number and the code filled in.
    with tempfile.TemporaryDirectory() as folder:
        shot = f"{folder}/letter-qr.png"
        page.find(".letter-qr").screenshot(shot)
        decoded = subprocess.run(["zbarimg", "--quiet", "--raw", shot], capture_output=True, text=True, check=True).stdout.strip()
    assert decoded == f"{page.base}/mijn/welkom?taal=ar&account={codes[0]}", decoded  # never the code

    # The person's phone: the QR code's address, the code typed from the letter, a passphrase, their own page.
    page.driver.delete_all_cookies()
    page.driver.set_window_size(390, 844)
    try:
        page.open(decoded.replace(page.base, ""))
        assert page.find("#account").get_attribute("value") == codes[0]
        page.fill("code", " ".join([codes[1][:4], codes[1][4:8], codes[1][8:]]))
        page.fill("passphrase", "زيتون أخضر في الشمس")
        page.fill("repeat", "زيتون أخضر في الشمس")
        page.submit("main form")
        assert page.path() == "/mijn", page.text()[:300]
        assert page.find("html").get_attribute("dir") == "rtl"
        assert not too_wide_on_a_phone(page), too_wide_on_a_phone(page)
        page.audit("portal-home-ar")
        for path, name in [("/mijn/plan", "plan"), ("/mijn/doorverwijzingen", "referrals"), ("/mijn/inzage", "access-log"),
                           ("/mijn/gegevens", "profile")]:
            page.open(path)
            assert not too_wide_on_a_phone(page), (path, too_wide_on_a_phone(page))
            page.audit(f"portal-{name}-ar")
        page.open("/mijn/doorverwijzingen")
        assert "VDAB Ieper" in page.text()
        page.open("/mijn/inzage")
        log = page.text()
        assert "VDAB Ieper" in log and "الإرشاد نحو العمل" in log, log[:800]
        page.open("/mijn/toestemmingen")
        page.audit("portal-consents-ar")
        page.press("main a.button-danger")
        assert "/stoppen" in page.path(), page.path()
        page.audit("portal-withdrawal-ar")
        page.submit("main form")
        assert page.find("#melding").text, page.text()[:300]
        assert not page.finds("main a.button-danger")

        # The same pages in Tigrinya, chosen on the page itself.
        page.choose("taal", "ትግርኛ")
        page.submit("form.portal-language")
        assert page.find("html").get_attribute("lang") == "ti"
        for path, name in [("/mijn", "home"), ("/mijn/plan", "plan"), ("/mijn/inzage", "access-log"), ("/mijn/toestemmingen", "consents")]:
            page.open(path)
            assert page.find("html").get_attribute("lang") == "ti"
            assert not too_wide_on_a_phone(page), (path, too_wide_on_a_phone(page))
            page.audit(f"portal-{name}-ti")
    finally:
        page.driver.set_window_size(1280, 900)


def test_the_screening_form_in_interview_mode(page):
    """Issue 17: the screening form with each question in the person's language (Dari, right to left) beside the
    Dutch, chosen on the page; the form still works and passes axe, also at phone width."""
    page.sign_in(SOCIAL_WORKER_FEDASIL)
    page.open("/personen/nieuw")
    page.choose("gesprek", "Dari")
    page.submit("#interview-mode")
    assert "gesprek=fa" in page.path(), page.path()
    questions = page.finds(".interview-question")
    assert len(questions) > 10 and all(q.get_attribute("lang") == "fa-AF" and q.get_attribute("dir") == "rtl" for q in questions)
    assert not too_wide_on_a_phone(page), too_wide_on_a_phone(page)
    page.audit("screening-interview-fa")
    # A refused form keeps the questions beside.
    page.submit("form[action^='/personen?']")
    assert page.finds(".error-summary") and page.finds(".interview-question")
