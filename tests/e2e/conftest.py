"""Real-browser tests: the real `schakel serve --demo` on 127.0.0.1, headless Chromium through selenium,
and the axe-core audit on every screen. Run them with `bash scripts/e2e.sh`.

Fixtures:
- `server`  (session): base URL ("http://127.0.0.1:PORT") of a fresh `serve --demo` (500-person demo world
  on SQLite in a temporary folder, or on DATABASE_URL when set), with SCHAKEL_INSECURE_COOKIES=1 because
  the browser talks plain HTTP. When a test fails, the tail of its log is added to the report.
- `browser` (function): a new headless Chromium (Dutch first: Accept-Language nl-BE,nl), so no cookies
  carry over between tests.
- `page`    (function): `Page(browser, server)`, the usual steps of a person at the browser:
  `sign_in(email)`, `sign_out()`, `open(path)`, `path()`, `fill(id, text)`, `date(id, iso)`,
  `choose(id, label)`, `tick(id)`, `submit(form_selector)`, `click_link(text)`, `find(css)`, `finds(css)`,
  `text()`, `heading()`, `audit(name)`.

Helpers on a bare driver (the `Page` methods use them):
- `sign_in(driver, base, email, password=PASSWORD)`: /aanmelden, fill #email and #password, submit, wait
  for the next page. Demo accounts are ROLE@ORGANISATION.demo with the password `schakel-demo` (README).
- `sign_out(driver)`: the header's sign-out form (action "/afmelden").
- `submit(driver, form_selector)`: click the form's submit button and wait for the next page.
- `audit(driver, name)`: screenshots `<NN>-<name>.png` (1280 px) and `<NN>-<name>-phone.png` (390 px),
  then axe-core; the findings go to `<NN>-<name>-axe.json`, and any finding of impact "serious" or
  "critical" fails the test with rule id, help and the first three elements.

Output folder: E2E_OUTPUT, default .build/e2e-output/<time>; `screens.txt` there lists every audited screen.
"""
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = Path(os.environ.get("E2E_OUTPUT") or ROOT / ".build" / "e2e-output" / time.strftime("%Y%m%d-%H%M%S"))
PASSWORD = "schakel-demo"
STARTUP_SECONDS = 180
AUDITED = []  # "<NN>-<name> <path>" per audited screen, in order; written to screens.txt at the end
SERVER_LOG = None  # the running server's log file, for the report of a failed test


def _axe_script():
    # axe-selenium-python bundles axe-core 3.1 (2018), which wrongly fails type=email with
    # autocomplete=username (fixed in axe-core 4.3). scripts/e2e.sh installs axe-playwright-python
    # without its dependencies only for its current axe.min.js; the package is never imported.
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("axe-core 4 is missing: pip install --no-deps axe-playwright-python (scripts/e2e.sh does)")
    return str(Path(list(spec.submodule_search_locations)[0]) / "axe.min.js")


AXE_SCRIPT = _axe_script()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log_tail(lines=60):
    if SERVER_LOG is None or not SERVER_LOG.exists():
        return ""
    return "\n".join(SERVER_LOG.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="session")
def server():
    global SERVER_LOG
    binary = os.environ.get("SCHAKEL_BINARY")
    if not binary:
        raise RuntimeError("SCHAKEL_BINARY is not set (scripts/e2e.sh sets it)")
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="schakel-e2e-"))
    SERVER_LOG = workdir / "serve.log"
    log = open(SERVER_LOG, "w")
    env = dict(os.environ, SCHAKEL_INSECURE_COOKIES="1")  # plain HTTP: a Secure cookie would never come back
    process = subprocess.Popen([binary, "serve", "--demo", "--port", str(port), "--hostname", "127.0.0.1"],
                               cwd=workdir, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    try:
        deadline = time.time() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"serve --demo exited with {process.returncode}:\n{_log_tail()}")
            if time.time() > deadline:
                raise RuntimeError(f"serve --demo did not answer /health in {STARTUP_SECONDS} s:\n{_log_tail()}")
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            time.sleep(1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.copy(SERVER_LOG, OUTPUT / "serve.log")
        SERVER_LOG = OUTPUT / "serve.log"
        shutil.rmtree(workdir, ignore_errors=True)


def new_driver():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=nl-BE"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "nl-BE,nl"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(0)
    return driver


@pytest.fixture
def browser():
    driver = new_driver()
    yield driver
    driver.quit()


def path_of(driver):
    """The current path with its query, as the server sees it."""
    url = urllib.parse.urlsplit(driver.current_url)
    return url.path + (f"?{url.query}" if url.query else "")


def _wait_for_next_page(driver, old_html, timeout=20):
    WebDriverWait(driver, timeout).until(lambda d: old_html.id != d.find_element(By.TAG_NAME, "html").id)


def submit(driver, form_selector="main form"):
    """Clicks the form's submit button and waits until the next page has replaced this one."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, f"{form_selector} button[type=submit]").click()
    _wait_for_next_page(driver, old)


def sign_in(driver, base, email, password=PASSWORD):
    """Signs in through the form at /aanmelden (after dropping any earlier session)."""
    driver.delete_all_cookies()
    driver.get(base + "/aanmelden")
    for field, value in (("email", email), ("password", password)):
        element = driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    submit(driver, "form:has(#email)")


def sign_out(driver):
    submit(driver, "form[action='/afmelden']")


def cookie_header(driver):
    """The browser's cookies as a Cookie header, to fetch what a page links to (a CSV) with its session."""
    return "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())


def audit(driver, name):
    """Screenshots at desktop and phone width, then axe-core; fails on serious or critical findings."""
    stem = f"{len(AUDITED) + 1:02d}-{name}"
    AUDITED.append(f"{stem} {path_of(driver)}")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(OUTPUT / f"{stem}.png"))
    size = driver.get_window_size()
    try:
        driver.set_window_size(390, 844)
        driver.save_screenshot(str(OUTPUT / f"{stem}-phone.png"))
    finally:
        driver.set_window_size(size["width"], size["height"])
    axe = Axe(driver, script_url=AXE_SCRIPT)
    axe.inject()
    results = axe.run()
    report = {key: results.get(key) for key in ("url", "testEngine", "violations", "incomplete")}
    (OUTPUT / f"{stem}-axe.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, f"axe on {name} ({path_of(driver)}): " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in serious)


class Page:
    """A person at the browser: what they fill in, choose and read."""

    def __init__(self, driver, base):
        self.driver = driver
        self.base = base

    def open(self, path):
        self.driver.get(self.base + path)
        return self

    def path(self):
        return path_of(self.driver)

    def wait_for(self, selector, timeout=15):
        return WebDriverWait(self.driver, timeout).until(lambda d: d.find_element(By.CSS_SELECTOR, selector))

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def finds(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def fill(self, field_id, text):
        element = self.find(f"#{field_id}")
        element.clear()
        element.send_keys(text)

    def date(self, field_id, iso):
        # Typing into a date input depends on the browser's locale; set the value as the form sends it.
        self.driver.execute_script("arguments[0].value = arguments[1];", self.find(f"#{field_id}"), iso)

    def choose(self, field_id, label):
        Select(self.find(f"#{field_id}")).select_by_visible_text(label)

    def tick(self, field_id):
        box = self.find(f"#{field_id}")
        if not box.is_selected():
            box.click()

    def submit(self, form_selector="main form"):
        submit(self.driver, form_selector)
        return self

    def press(self, selector):
        """Clicks one button (a form with several) and waits for the next page."""
        old = self.find("html")
        self.find(selector).click()
        _wait_for_next_page(self.driver, old)
        return self

    def click_link(self, text):
        old = self.find("html")
        self.driver.find_element(By.LINK_TEXT, text).click()
        _wait_for_next_page(self.driver, old)
        return self

    def text(self):
        return self.find("body").text

    def heading(self):
        return self.find("h1").text

    def sign_in(self, email, password=PASSWORD):
        sign_in(self.driver, self.base, email, password)
        return self

    def sign_out(self):
        sign_out(self.driver)
        return self

    def audit(self, name):
        audit(self.driver, name)
        return self


@pytest.fixture
def page(browser, server):
    return Page(browser, server)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    driver = item.funcargs.get("browser")
    if driver is not None:
        OUTPUT.mkdir(parents=True, exist_ok=True)
        try:
            driver.save_screenshot(str(OUTPUT / f"failed-{item.name}.png"))
            report.sections.append(("browser", f"at {driver.current_url}, screenshot failed-{item.name}.png"))
        except Exception as error:  # a dead browser must not hide the test's own failure
            report.sections.append(("browser", f"no screenshot: {error}"))
    tail = _log_tail()
    if tail:
        report.sections.append(("serve --demo log (tail)", tail))


def pytest_sessionfinish(session, exitstatus):
    if AUDITED:
        OUTPUT.mkdir(parents=True, exist_ok=True)
        (OUTPUT / "screens.txt").write_text("\n".join(AUDITED) + "\n")
