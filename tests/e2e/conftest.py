"""Real-browser tests: the real `schakel serve --demo` on 127.0.0.1, headless Chromium through selenium,
and the axe-core audit on every screen.

Fixtures and helpers for the walks:
- `server`  (session): base URL of a fresh `serve --demo` (SQLite in a temporary folder, or
  DATABASE_URL when set); its log is printed when a test fails.
- `browser` (function): a new headless Chromium with Dutch as its language and no cookies.
- `Page(browser, server)` wraps the usual steps: `sign_in(email)`, `open(path)`, `fill(id, text)`,
  `choose(id, label)`, `tick(id)`, `submit(form_selector)`, `text()`, `audit(name)` (screenshot at desktop
  and phone width under the run's output folder, then axe-core; serious or critical violations fail).
Output folder: E2E_OUTPUT, default .build/e2e-output/<time>.
"""
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
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
AUDITED = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("SCHAKEL_BINARY")
    if not binary:
        raise RuntimeError("SCHAKEL_BINARY is not set (scripts/e2e.sh sets it)")
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="schakel-e2e-")
    log = open(Path(workdir) / "serve.log", "w")
    env = dict(os.environ, SCHAKEL_INSECURE_COOKIES="1")
    process = subprocess.Popen([binary, "serve", "--demo", "--port", str(port), "--hostname", "127.0.0.1"],
                               cwd=workdir, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 240
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("serve --demo exited:\n" + (Path(workdir) / "serve.log").read_text()[-4000:])
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            time.sleep(1)
    else:
        raise RuntimeError("serve --demo did not answer /health in 240 s")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    yield base
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    shutil.copy(Path(workdir) / "serve.log", OUTPUT / "serve.log")
    shutil.rmtree(workdir, ignore_errors=True)
    (OUTPUT / "screens.txt").write_text("\n".join(AUDITED) + "\n")
    print(f"\nscreenshots and axe reports: {OUTPUT}")


@pytest.fixture
def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=nl-BE"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "nl-BE,nl"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


class Page:
    """A person at the browser: what they fill in, choose and read."""

    def __init__(self, driver, base):
        self.driver = driver
        self.base = base

    def open(self, path):
        self.driver.get(self.base + path)
        return self

    def path(self):
        return self.driver.current_url[len(self.base):]

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
        old = self.find("html")
        self.find(f"{form_selector} button[type=submit]").click()
        WebDriverWait(self.driver, 20).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)
        return self

    def click_link(self, text):
        old = self.find("html")
        self.driver.find_element(By.LINK_TEXT, text).click()
        WebDriverWait(self.driver, 20).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)
        return self

    def text(self):
        return self.find("body").text

    def heading(self):
        return self.find("h1").text

    def sign_in(self, email, password=PASSWORD):
        self.driver.delete_all_cookies()
        self.open("/aanmelden")
        self.fill("email", email)
        self.fill("password", password)
        return self.submit("form:has(#email)")

    def sign_out(self):
        return self.submit("form[action='/afmelden']")

    def audit(self, name):
        """Screenshots (desktop and phone width), then the axe-core audit; fails on serious or critical findings."""
        number = len(AUDITED) + 1
        stem = f"{number:02d}-{name}"
        AUDITED.append(f"{stem} {self.path()}")
        OUTPUT.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(OUTPUT / f"{stem}.png"))
        size = self.driver.get_window_size()
        self.driver.set_window_size(390, 844)
        self.driver.save_screenshot(str(OUTPUT / f"{stem}-phone.png"))
        self.driver.set_window_size(size["width"], size["height"])
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        (OUTPUT / f"{stem}-axe.json").write_text(json.dumps(results["violations"], indent=1))
        serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        assert not serious, f"axe on {name} ({self.path()}): " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in serious)
        return self


@pytest.fixture
def page(browser, server):
    return Page(browser, server)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed and "page" in item.funcargs:
        page = item.funcargs["page"]
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.driver.save_screenshot(str(OUTPUT / f"failed-{item.name}.png"))
