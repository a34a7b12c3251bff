"""Times the caseworker pages of a running `serve --demo` as a browser asks for them (signed in, cookie
kept): each page REPEAT times, median and 90th percentile in milliseconds, and the ratio to GET /ping
measured the same way in the same run (the server's bare round trip).  python3 pages.py BASE [REPEAT]"""
import http.cookiejar
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

base = sys.argv[1]
repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 30
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def get(path):
    with opener.open(base + path) as answer:
        return answer.read().decode()


def sign_in(email):
    jar.clear()
    form = get("/aanmelden")
    token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({"email": email, "password": "schakel-demo", "csrf": token}).encode()
    opener.open(base + "/aanmelden", body).read()


def timed(path):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        get(path)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


sign_in("job-counsellor@vdab-ieper.demo")
persons = re.findall(r'href="/personen/([0-9A-F-]{36})"', get("/personen"))
referrals = re.findall(r'href="/doorverwijzingen/([0-9A-F-]{36})"', get("/doorverwijzingen"))
offers = re.findall(r'href="/aanbod/([0-9A-F-]{36})"', get("/aanbod"))
pages = ["/start", "/personen", "/personen/nieuw", "/doorverwijzingen", "/doorverwijzingen?richting=verzonden", "/aanbod"]
pages += [f"/personen/{persons[0]}", f"/personen/{persons[0]}/doorverwijzen"] if persons else []
pages += [f"/doorverwijzingen/{referrals[0]}"] if referrals else []
pages += [f"/aanbod/{offers[0]}"] if offers else []
baseline, _ = timed("/ping")
print(f"{'page':52} {'median ms':>10} {'p90 ms':>8} {'× /ping':>8}")
print(f"{'/ping (baseline)':52} {baseline:10.1f}")
for page in pages:
    median, p90 = timed(page)
    shown = re.sub(r"[0-9A-F-]{36}", "{id}", page)
    print(f"{shown:52} {median:10.1f} {p90:8.1f} {median / baseline:8.1f}")
sign_in("analyst@stad-gent.demo")
median, p90 = timed("/cijfers")
print(f"{'/cijfers (coordinator)':52} {median:10.1f} {p90:8.1f} {median / baseline:8.1f}")
