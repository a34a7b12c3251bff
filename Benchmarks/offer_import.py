"""Loads a large offer file into a running `serve --demo` while other users read dossiers, and prints the
import's time and the readers' latency (p50, p99, max) before, during and after it.

    python3 offer_import.py BASE [OFFERS] [READERS]

BASE is http://127.0.0.1:PORT (this script talks to 127.0.0.1 only). READERS threads (default 4) read one
dossier each through the API (GET /api/v1/persons/{id}) and as a page (/personen/{id}, which ranks the whole catalogue for its person),
as fast as the server answers, while three files are loaded: nearly the most one provider may have (4 900
offers; the default per-provider limit is 5 000), the same OFFERS from one provider (over the limit: refused
whole), and OFFERS spread over every organisation by an administrator (under the limit)."""
import http.client
import http.cookiejar
import json
import re
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request

base = sys.argv[1]
offers = int(sys.argv[2]) if len(sys.argv) > 2 else 53_576
readers = int(sys.argv[3]) if len(sys.argv) > 3 else 4
host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
assert host == "127.0.0.1", "only 127.0.0.1"


def call(method, path, token=None, body=None, content_type="application/json", timeout=600):
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    headers = {"Content-Type": content_type}
    if token:
        headers["Authorization"] = "Bearer " + token
    connection.request(method, path, body=body, headers=headers)
    answer = connection.getresponse()
    data = answer.read()
    connection.close()
    return answer.status, data


def token(email):
    status, data = call("POST", "/api/v1/auth/token", body=json.dumps({"email": email, "password": "schakel-demo"}))
    assert status == 201, (email, status, data[:200])
    return json.loads(data)["token"]


def page_session(email):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(base + "/aanmelden").read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    opener.open(base + "/aanmelden", urllib.parse.urlencode({"email": email, "password": "schakel-demo", "csrf": csrf}).encode()).read()
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


admin = token("administrator@vdab-gent.demo")
reader = token("social-worker@fedasil-poelkapelle.demo")
me = json.loads(call("GET", "/api/v1/me", reader)[1])
persons = [p["id"] for p in json.loads(call("GET", "/api/v1/persons?per=100", reader)[1])["items"]
           if p["ownerOrganisationId"] == me["organisationId"]]
cookie = page_session("social-worker@fedasil-poelkapelle.demo")
slugs = [o["slug"] for o in json.loads(call("GET", "/api/v1/organisations?per=100", admin)[1])["items"]]
municipalities = [m["id"] for m in json.loads(call("GET", "/api/v1/municipalities?per=100", admin)[1])["items"]]

provider = token("consultant@leerpunt-opleidingen.demo")


def offer_file(count, providers, title):
    rows = ["provider,kind,title,sector,municipality,schedules,starts_on,seats,funding"]
    for i in range(count):
        rows.append(f"{providers[i % len(providers)]},training,{title}{i:05d},zorg,{municipalities[i % len(municipalities)]},"
                    f"day,2026-10-05,12,vdab")
    return ("\n".join(rows) + "\n").encode()


samples = []  # (start, seconds, kind, status)
lock = threading.Lock()
stop = threading.Event()


def read_loop(index):
    person = persons[index % len(persons)]
    connection = http.client.HTTPConnection(host, port, timeout=120)
    turn = 0
    while not stop.is_set():
        kind = "api" if turn % 2 == 0 else "page"
        path = f"/api/v1/persons/{person}" if kind == "api" else f"/personen/{person}"
        headers = {"Authorization": "Bearer " + reader} if kind == "api" else {"Cookie": cookie}
        start = time.time()
        try:
            connection.request("GET", path, headers=headers)
            answer = connection.getresponse()
            answer.read()
            status = answer.status
        except Exception:
            status = 0
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=120)
        with lock:
            samples.append((start, time.time() - start, kind, status))
        turn += 1


def summary(name, since, until):
    with lock:
        chosen = [s for s in samples if since <= s[0] < until]
    for kind in ("api", "page"):
        times = sorted(s[1] * 1000 for s in chosen if s[2] == kind)
        errors = sum(1 for s in chosen if s[2] == kind and s[3] != 200)
        if not times:
            print(f"{name:34} {kind:5} no samples")
            continue
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"{name:34} {kind:5} n={len(times):6d} p50={statistics.median(times):8.1f} ms  p99={p99:8.1f} ms  "
              f"max={times[-1]:8.1f} ms  non-200={errors}")


threads = [threading.Thread(target=read_loop, args=(i,), daemon=True) for i in range(readers)]
for thread in threads:
    thread.start()
phases = []  # (name, start, end)
time.sleep(10)
phases.append(("idle", 0, time.time()))


def load(name, who, body):
    start = time.time()
    status, data = call("POST", "/api/v1/offers/import", who, body, "text/csv")
    end = time.time()
    print(f"{name}: {len(body) / 1e6:.2f} MB, HTTP {status} in {end - start:.1f} s: {data[:150].decode()}")
    phases.append((name, start, end))
    time.sleep(5)
    phases.append(("  5 s after", end, time.time()))


# The largest file one provider may load (the per-provider limit), then the file from one provider,
# then an administrator's file of the same size spread over every organisation (under the limit).
load("provider, 4 900 offers", provider, offer_file(4_900, ["leerpunt-opleidingen"], "L"))
load(f"provider, {offers} offers", provider, offer_file(offers, ["leerpunt-opleidingen"], "H"))
load(f"admin, {offers} over 27 orgs", admin, offer_file(offers, [s for s in slugs if s != "leerpunt-opleidingen"], "M"))
stop.set()
for thread in threads:
    thread.join()
print(f"{'phase':34} {'read':5}")
for name, since, until in phases:
    summary(name, since, until)
