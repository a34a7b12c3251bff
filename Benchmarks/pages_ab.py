"""Two builds side by side: the same pages asked of two running `serve --demo` servers (same seed, so the same
ids), one request to each in turn, order swapped every round, so drift of a shared machine falls on both alike.
Prints each page's median and 10th percentile for both and the change.
    python3 pages_ab.py BASE_URL_A BASE_URL_B [REPEAT]"""
import http.cookiejar
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

urls = {"A": sys.argv[1], "B": sys.argv[2]}
repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 100


def opener(base, email):
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = browser.open(base + "/aanmelden").read().decode()
    token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({"email": email, "password": "schakel-demo", "csrf": token}).encode()
    browser.open(base + "/aanmelden", body).read()
    return browser


def compare(pages, email):
    browsers = {name: opener(base, email) for name, base in urls.items()}
    for page in pages:
        samples = {name: [] for name in urls}
        for name in urls:
            browsers[name].open(urls[name] + page).read()
        for round in range(repeat):
            for name in (list(urls) if round % 2 == 0 else list(urls)[::-1]):
                start = time.perf_counter()
                browsers[name].open(urls[name] + page).read()
                samples[name].append((time.perf_counter() - start) * 1000)
        a, b = (statistics.median(samples[n]) for n in urls)
        p10 = {n: sorted(samples[n])[repeat // 10] for n in urls}
        shown = re.sub(r"[0-9A-F-]{36}", "{id}", page)
        print(f"{shown:40} {a:9.2f} {p10['A']:7.2f} {b:9.2f} {p10['B']:7.2f} {100 * (b - a) / a:+7.1f}%")


first = opener(urls["A"], "job-counsellor@vdab-ieper.demo")
person = re.findall(r'href="/personen/([0-9A-F-]{36})"', first.open(urls["A"] + "/personen").read().decode())[0]
referral = re.findall(r'href="/doorverwijzingen/([0-9A-F-]{36})"', first.open(urls["A"] + "/doorverwijzingen").read().decode())[0]
offer = re.findall(r'href="/aanbod/([0-9A-F-]{36})"', first.open(urls["A"] + "/aanbod").read().decode())[0]
print(f"{'page':40} {'A median':>9} {'A p10':>7} {'B median':>9} {'B p10':>7} {'B vs A':>8}   (ms)")
compare(["/ping", "/start", "/personen", "/personen/nieuw", "/doorverwijzingen", "/doorverwijzingen?richting=verzonden", "/aanbod",
         f"/personen/{person}", f"/personen/{person}/doorverwijzen", f"/doorverwijzingen/{referral}", f"/aanbod/{offer}"],
        "job-counsellor@vdab-ieper.demo")
compare(["/cijfers"], "analyst@stad-gent.demo")
