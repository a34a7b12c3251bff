#!/usr/bin/env python3
"""Other users' dossier reads during a flood of wrong sign-ins (issue 15, point 3).

Usage: python3 Benchmarks/signin-flood.py BASE_URL [SECONDS] [FLOOD_CONNECTIONS]
against a server started with `serve --demo` (127.0.0.1 only). Prints the reads' median and p99 with no
flood, then during the flood, and how the flood's attempts were answered (401 checked, 429 refused at once).
"""
import json, random, statistics, string, sys, threading, time, urllib.error, urllib.request

base = sys.argv[1].rstrip("/")
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 15
flood = int(sys.argv[3]) if len(sys.argv) > 3 else 64
assert base.startswith("http://127.0.0.1"), "only a server on this machine"

def post(path, body, token=None):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, {}

def get(path, token):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, (time.perf_counter() - start) * 1000

status, answer = post("/api/v1/auth/token", {"email": "social-worker@fedasil-poelkapelle.demo", "password": "schakel-demo"})
token = answer["token"]
request = urllib.request.Request(base + "/api/v1/persons?per=50", headers={"Authorization": "Bearer " + token})
persons = [p["id"] for p in json.loads(urllib.request.urlopen(request).read())["items"]]

def reads(duration):
    times, statuses = [], {}
    end = time.time() + duration
    while time.time() < end:
        status, ms = get("/api/v1/persons/" + random.choice(persons), token)
        statuses[status] = statuses.get(status, 0) + 1
        times.append(ms)
    return times, statuses

def report(label, times, statuses):
    times.sort()
    p99 = times[int(len(times) * 0.99) - 1] if len(times) >= 100 else times[-1]
    print(f"{label}: {len(times)} reads, median {statistics.median(times):.1f} ms, p99 {p99:.1f} ms, statuses {statuses}")

report("no flood", *reads(seconds / 2))
stop = threading.Event()
answers, lock = {}, threading.Lock()
def attacker():
    while not stop.is_set():
        email = "".join(random.choices(string.ascii_lowercase, k=12)) + "@example.test"
        status, _ = post("/api/v1/auth/token", {"email": email, "password": "wrong password"})
        with lock:
            answers[status] = answers.get(status, 0) + 1
threads = [threading.Thread(target=attacker, daemon=True) for _ in range(flood)]
for thread in threads: thread.start()
time.sleep(1)
report(f"during a flood of {flood} connections of wrong sign-ins", *reads(seconds))
stop.set()
for thread in threads: thread.join(timeout=35)
print(f"flood answers: {answers}")
