"""The screens every session passes: sign-in, my day, sign-out, and the coordinator's figures (and who may not
see them), walked on a bare driver with the helpers from conftest.py."""
import urllib.request

from selenium.webdriver.common.by import By

from conftest import audit, cookie_header, path_of, sign_in, sign_out

SOCIAL_WORKER = "social-worker@fedasil-poelkapelle.demo"
CASEWORKER = "job-counsellor@vdab-gent.demo"
COORDINATOR = "analyst@stad-gent.demo"


def test_sign_in_refuses_a_wrong_password_then_opens_my_day(browser, server):
    browser.get(server + "/aanmelden")
    audit(browser, "basics-sign-in")

    sign_in(browser, server, SOCIAL_WORKER, password="not the password")
    assert path_of(browser) == "/aanmelden"
    error = browser.find_element(By.ID, "sign-in-error")
    assert error.get_attribute("role") == "alert"
    assert error.is_displayed() and error.text
    audit(browser, "basics-sign-in-wrong-password")

    sign_in(browser, server, SOCIAL_WORKER)
    assert path_of(browser) == "/start"
    assert browser.find_element(By.TAG_NAME, "h1").is_displayed()
    audit(browser, "basics-my-day")

    sign_out(browser)
    assert path_of(browser) == "/aanmelden"
    browser.get(server + "/start")
    assert path_of(browser) == "/aanmelden", "after signing out, my day asks to sign in again"


def test_a_coordinator_opens_the_figures_and_a_csv(browser, server):
    sign_in(browser, server, COORDINATOR)
    browser.get(server + "/cijfers")
    assert browser.find_element(By.TAG_NAME, "h1").is_displayed()
    assert browser.find_elements(By.CSS_SELECTOR, "section.indicator svg"), "a chart per indicator"
    audit(browser, "basics-figures")

    link = browser.find_element(By.CSS_SELECTOR, "a[href$='.csv']").get_attribute("href")
    request = urllib.request.Request(link, headers={"Cookie": cookie_header(browser)})
    with urllib.request.urlopen(request, timeout=60) as answer:
        assert answer.status == 200
        assert answer.headers["Content-Type"].startswith("text/csv"), answer.headers["Content-Type"]
        assert answer.read(), "the CSV has a header at least"


def test_a_caseworker_does_not_get_the_figures(browser, server):
    sign_in(browser, server, CASEWORKER)
    browser.get(server + "/cijfers")
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary")
    assert summary.is_displayed() and summary.text
    assert not browser.find_elements(By.CSS_SELECTOR, "section.indicator"), "no figures on the refusal"
    audit(browser, "basics-figures-refused")
