#!/usr/bin/env python3
"""The three seed chains, walked through the HTTP API of a running `schakel serve --demo`.

Usage: seed_chains.py BASE_URL      (for example http://127.0.0.1:8080; talks only to that server)

Uses the demo accounts (password schakel-demo) and the standard library only. Each chain creates its
own synthetic persons, so it can run against a demo world that was used before. Exits non-zero when
any expectation fails, naming it.
"""
import datetime
import json
import sys
import urllib.error
import urllib.request
import zoneinfo

BASE = sys.argv[1].rstrip("/") + "/api/v1"
TODAY = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Brussels")).date()
PROFILE_FOR_WORK = ["identity", "contact", "legal-status", "languages", "education", "work-experience",
                    "competences-and-wishes", "availability-and-constraints", "trajectory-and-referrals"]
failures = []
checks = 0


def call(method, path, token=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + "/" + path, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    try:
        parsed = json.loads(text) if text else None
    except json.JSONDecodeError:
        parsed = None
    return status, parsed, text


def expect(condition, what):
    global checks
    checks += 1
    if not condition:
        failures.append(what)
        print("FAIL", what)


def token(role, slug):
    status, body, _ = call("POST", "auth/token", body={"email": f"{role}@{slug}.demo", "password": "schakel-demo"})
    assert status == 201, f"sign-in {role}@{slug}: {status}"
    return body["token"]


def organisation(slug, tok):
    _, body, _ = call("GET", "organisations?per=100", tok)
    return next(o["id"] for o in body["items"] if o["slug"] == slug)


def person(tok, given, municipality, status, since, requested=None):
    body = {"givenName": given, "familyName": "Voorbeeld", "birthDate": "1994-02-03", "countryOfOrigin": "AF",
            "homeMunicipalityId": municipality, "statusHistory": [{"status": status, "since": since}],
            "languages": [{"language": "nl", "level": "A2", "assessedOn": since, "isMotherTongue": False}],
            "workExperience": [{"occupation": "8322", "years": 3, "country": "AF"}], "jobWishes": ["8322"]}
    if requested:
        body["protectionRequestedOn"] = requested
    code, answer, text = call("POST", "persons", tok, body)
    assert code == 201, f"create person: {code} {text}"
    return answer["id"]


def consent(tok, person_id, recipient, purpose, categories=PROFILE_FOR_WORK):
    code, _, text = call("POST", f"persons/{person_id}/consents", tok, {
        "recipientOrganisationId": recipient, "purpose": purpose, "categories": categories, "method": "signed-form",
        "text": "Ik geef toestemming om mijn gegevens te delen.", "textLanguage": "nl"})
    expect(code == 201, f"consent {purpose}: {code} {text}")


def step(referral, action, tok, body=None, want=200):
    code, answer, text = call("POST", f"referrals/{referral}/{action}", tok, body)
    expect(code == want, f"referral step {action}: {code} {text}")
    return answer or {}


def day(offset):
    return (TODAY + datetime.timedelta(days=offset)).isoformat()


def reception_centre_to_vdab():
    """Seed 004: the reception centre refers a resident to VDAB at the right-to-work date."""
    fedasil, vdab = token("social-worker", "fedasil-poelkapelle"), token("job-counsellor", "vdab-ieper")
    vdab_id = organisation("vdab-ieper", fedasil)
    # Asked for protection a little under four months ago: may work within the coming weeks.
    requested = day(-110)
    pid = person(fedasil, "Amina", "33040", "applicant", requested, requested)
    _, upcoming, _ = call("GET", "right-to-work/upcoming?weeks=6", fedasil)
    mine = next((p for p in upcoming if p["personId"] == pid), None)
    expect(mine is not None and not mine["referred"], "the resident is on the centre's right-to-work list, not yet referred")
    if mine:
        due = datetime.date.fromisoformat(mine["rightToWorkOn"])
        expect((due - TODAY).days == mine["daysUntil"] and mine["daysUntil"] > 0, "days until the right-to-work date")
    consent(fedasil, pid, vdab_id, "guidance-to-work")
    code, draft, text = call("POST", "referrals", fedasil, {"personId": pid, "toOrganisationId": vdab_id,
                                                            "purpose": "guidance-to-work", "reason": "Mag binnenkort werken."})
    expect(code == 201, f"draft referral: {code} {text}")
    _, preview, _ = call("GET", f"referrals/{draft['id']}/preview", fedasil)
    expect(preview.get("givenName") == "Amina" and "labourMarketDistance" not in preview, "the preview shows what travels")
    step(draft["id"], "send", fedasil)
    _, upcoming, _ = call("GET", "right-to-work/upcoming?weeks=6", fedasil)
    expect(any(p["personId"] == pid and p["referred"] for p in upcoming), "the list now says referred")
    _, inbox, text = call("GET", "notifications?unread=true&per=100", vdab)
    expect(any(n["subjectId"] == draft["id"] and n["kind"] == "referral-received" for n in inbox["items"]), "VDAB's inbox")
    expect("Amina" not in text, "no person's name in the inbox")
    received = step(draft["id"], "receive", vdab)
    expect((received.get("snapshot") or {}).get("givenName") == "Amina", "the receiver reads the snapshot")
    step(draft["id"], "accept", vdab)
    step(draft["id"], "start", vdab)
    code, _, text = call("POST", f"persons/{pid}/trajectory/steps", vdab,
                         {"kind": "screening", "status": "running", "startsOn": day(0)})
    expect(code == 201, f"VDAB records its screening: {code} {text}")
    _, seen, _ = call("GET", f"referrals/{draft['id']}", fedasil)
    expect(seen["state"] == "in-progress", "the centre sees the state (closed loop)")
    _, trajectory, _ = call("GET", f"persons/{pid}/trajectory", fedasil)
    expect([s["kind"] for s in trajectory["steps"]] == ["screening"], "the centre sees VDAB's step")
    kinds = [m["kind"] for m in trajectory["milestones"]]
    expect(kinds[:2] == ["protection-request", "first-referral"] and "right-to-work" in kinds, "milestones on the timeline")
    step(draft["id"], "complete", vdab, {"outcome": "training-started"})
    _, seen, _ = call("GET", f"referrals/{draft['id']}", fedasil)
    expect(seen["outcome"] == "training-started", "the centre sees the outcome")


def in_gent_vdab_jobteam():
    """Seed 001: IN-Gent → VDAB (warm hand-over) → Jobteam, with a case conference."""
    in_gent, vdab = token("trajectory-counsellor", "in-gent"), token("job-counsellor", "vdab-gent")
    jobteam = token("job-counsellor", "jobteam-gent")
    vdab_id, jobteam_id = organisation("vdab-gent", in_gent), organisation("jobteam-gent", in_gent)
    pid = person(in_gent, "Yonas", "44021", "recognised-refugee", day(-120))
    consent(in_gent, pid, vdab_id, "guidance-to-work")
    code, draft, text = call("POST", "referrals", in_gent, {"personId": pid, "toOrganisationId": vdab_id, "purpose": "guidance-to-work",
                                                           "reason": "Klaar voor werk.", "transfersOwnership": True})
    expect(code == 201, f"hand-over draft: {code} {text}")
    step(draft["id"], "send", in_gent)
    step(draft["id"], "receive", vdab)
    code, _, text = call("POST", f"referrals/{draft['id']}/hand-over-meeting", in_gent,
                         {"heldOn": day(0), "participants": "IN-Gent, VDAB, Yonas, tolk"})
    expect(code == 201, f"hand-over meeting: {code} {text}")
    code, profile, text = call("GET", f"referrals/{draft['id']}/profile", in_gent)
    expect(code == 200 and profile["person"].get("givenName") == "Yonas" and len(profile["meetings"]) == 1,
           f"the hand-over profile: {code} {text[:200]}")
    step(draft["id"], "accept", vdab)
    _, dossier, _ = call("GET", f"persons/{pid}", vdab)
    expect(dossier["ownerOrganisationId"] == vdab_id, "ownership moved on acceptance")
    consent(vdab, pid, jobteam_id, "intensive-guidance", PROFILE_FOR_WORK + ["assessment"])
    consent(vdab, pid, jobteam_id, "case-conference", ["identity", "trajectory-and-referrals"])
    code, onward, text = call("POST", "referrals", vdab, {"personId": pid, "toOrganisationId": jobteam_id,
                                                          "purpose": "intensive-guidance", "reason": "Intensieve begeleiding."})
    expect(code == 201, f"onward referral: {code} {text}")
    for action, who in [("send", vdab), ("receive", jobteam), ("accept", jobteam)]:
        step(onward["id"], action, who)
    code, conference, text = call("POST", "case-conferences", vdab, {"heldOn": day(0), "title": "Casusoverleg",
                                                                     "participantOrganisationIds": [jobteam_id]})
    expect(code == 201, f"conference: {code} {text}")
    code, _, text = call("POST", f"case-conferences/{conference['id']}/persons", vdab, {"personId": pid})
    expect(code == 200, f"person on the agenda: {code} {text}")
    code, action, text = call("POST", f"case-conferences/{conference['id']}/items", vdab, {
        "kind": "action", "personId": pid, "text": "Werkplekbezoek plannen.", "ownerOrganisationId": jobteam_id, "dueOn": day(21)})
    expect(code == 201, f"action: {code} {text}")
    _, seen, _ = call("GET", f"case-conferences/{conference['id']}", jobteam)
    expect(seen["personIds"] == [pid], "the Jobteam sees the person discussed")
    code, follow, _ = call("POST", "case-conferences", jobteam, {"heldOn": day(28), "title": "Opvolging",
                                                                 "participantOrganisationIds": [vdab_id],
                                                                 "followsUpId": conference["id"]})
    expect([a["id"] for a in follow["carriedOver"]] == [action["id"]], "the open action carries over")
    code, _, _ = call("GET", f"case-conferences/{conference['id']}", in_gent)
    expect(code == 404, "IN-Gent does not know of the conference")


def ocmw_training_request():
    """Seed 002: an OCMW training request, refused, then reconsidered after talks."""
    ocmw, vdab = token("social-worker", "ocmw-mechelen"), token("consultant", "vdab-mechelen")
    vdab_id = organisation("vdab-mechelen", ocmw)
    pid = person(ocmw, "Olena", "12025", "temporary-protection", day(-300))
    for body in [{"kind": "temporary-work-experience", "status": "running", "startsOn": day(-200)},
                 {"kind": "dutch-nt2", "status": "running", "startsOn": day(-180), "levelReached": "A2"}]:
        code, _, text = call("POST", f"persons/{pid}/trajectory/steps", ocmw, body)
        expect(code == 201, f"OCMW step: {code} {text}")
    consent(ocmw, pid, vdab_id, "training")
    code, draft, text = call("POST", "referrals", ocmw, {"personId": pid, "toOrganisationId": vdab_id, "purpose": "training",
                                                         "reason": "Opleiding magazijnmedewerker gevraagd."})
    expect(code == 201, f"training request: {code} {text}")
    rid = draft["id"]
    step(rid, "send", ocmw)
    step(rid, "receive", vdab)
    missing = step(rid, "refuse", vdab, {"text": "Nee."}, want=422)
    expect((missing.get("error") or {}).get("field") == "reason", "a refusal needs a reason code")
    step(rid, "refuse", vdab, {"reason": "dutch-level-too-low", "text": "A2; de opleiding vraagt B1."})
    _, seen, _ = call("GET", f"referrals/{rid}", ocmw)
    expect(seen["state"] == "refused" and seen["history"][-1]["reason"] == "dutch-level-too-low", "the OCMW sees why")
    expect(seen["history"][-1].get("text") is None and seen["notesWithheld"], "but not VDAB's note without consent")
    step(rid, "reconsider", vdab, {"text": "Na overleg: taalondersteuning op de vloer."})
    step(rid, "accept", vdab)
    step(rid, "start", vdab)
    code, _, text = call("POST", f"persons/{pid}/trajectory/steps?purpose=training", vdab,
                         {"kind": "training", "status": "running", "startsOn": day(0), "provider": "Leerpunt Opleidingen"})
    expect(code == 201, f"VDAB records the training: {code} {text}")
    _, seen, _ = call("GET", f"referrals/{rid}", ocmw)
    expect([e["action"] for e in seen["history"]] == ["send", "receive", "refuse", "reconsider", "accept", "start"],
           "the history keeps both decisions")
    _, trajectory, _ = call("GET", f"persons/{pid}/trajectory", ocmw)
    expect(sorted(s["lane"] for s in trajectory["steps"]) == [0, 1, 2], "three steps side by side")


def figures_after_the_chains():
    """The chains end in figures (issue 6): a coordinator sees the Mechelen training table and the report, a caseworker does not."""
    analyst = token("analyst", "vdab-mechelen")
    ocmw = token("social-worker", "ocmw-mechelen")
    today = datetime.date.today()
    first = datetime.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    period = f"from={first.year - 1:04d}-{first.month:02d}&to={first.year:04d}-{first.month + 2:02d}"
    code, _, _ = call("GET", f"indicators/training?{period}", ocmw)
    expect(code == 403, f"a caseworker gets no figures: {code}")
    code, training, text = call("GET", f"indicators/training?{period}", analyst)
    expect(code == 200, f"the training applications indicator answers: {code} {text[:200]}")
    table = next((t for t in training.get("tables", []) if t["id"] == "training-decisions"), None)
    expect(table is not None and table["columns"][0]["key"] == "accepted", "with the Mechelen table's columns")
    cells = [c for row in table["cells"] for c in row] if table else []
    expect(all(isinstance(c, int) and c >= 5 or c == "<5" for c in cells), "every cell 5 or more, or <5")
    code, report, _ = call("GET", f"reports/evaluation?{period}", analyst)
    expect(code == 200 and len(report.get("indicators", [])) == 7 and len(report.get("surveys", [])) == 2,
           "the evaluation report holds every indicator and both surveys")
    code, _, _ = call("GET", "indicators/referrals?from=2026-02&to=2026-06", analyst)
    expect(code == 422, "a period not in whole quarters is refused")


for chain in (reception_centre_to_vdab, in_gent_vdab_jobteam, ocmw_training_request, figures_after_the_chains):
    before = len(failures)
    try:
        chain()
    except Exception as error:  # a broken chain is a failure, named; the others still run
        failures.append(f"{chain.__name__}: {type(error).__name__}: {error}")
        print("FAIL", failures[-1])
    print(("ok   " if len(failures) == before else "FAIL ") + chain.__doc__.splitlines()[0])
print(f"seed chains through the API: {checks} checks, {len(failures)} failed")
sys.exit(1 if failures else 0)
