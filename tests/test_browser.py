"""The staff web page in a real browser: headless Chromium from Debian's packages, driven by Selenium with the
system's chromedriver (`.ci/run` installs both). A member of staff searches, opens a thread, claims it, marks it
answered and sees it leave the "new" list; a crawled reply holding a script shows as text and never runs.

Skipped where Chromium is not installed (`apt-get install chromium chromium-driver`).
"""

from __future__ import annotations

import html
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import run_cli, write_config
from receivers import LivingBlog
from receivers import WebServer as Server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                                reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")
NOW = datetime.now(timezone.utc)
SCRIPT = "<script>document.title='pwned'; window.ran = true;</script>"


@pytest.fixture(scope="module")
def page_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, LivingBlog]]:
    folder = tmp_path_factory.mktemp("browser")
    blog = LivingBlog(folder / "site")
    blog.add_post(1, "Adult literacy volunteers needed", "Who can help adults learn to read?", NOW - timedelta(hours=3))
    blog.add_comment(1, "Mallory", html.escape(SCRIPT) + " adult literacy", NOW - timedelta(hours=2))
    blog.add_post(2, "Adult literacy book swap", "Bring a book.", NOW - timedelta(hours=1))
    config = write_config(folder, [{"url": blog.feed}])
    run_cli("crawl", config=config, check=True)
    server = Server(config)
    yield server, blog
    server.stop()
    blog.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def click_through(driver: object, element: object) -> None:
    """Click what leads to another page, and wait until the browser left this one (never read the old page)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    page = driver.find_element(By.TAG_NAME, "html")  # type: ignore[attr-defined]
    element.click()  # type: ignore[attr-defined]
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(page))


def test_search_claim_answer_and_leave_the_new_list(page_server, browser):
    from selenium.webdriver.common.by import By

    server, blog = page_server
    browser.get(server.url + "/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("literacy")
    browser.find_element(By.NAME, "state").send_keys("new")
    click_through(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button"))
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "a.title")]
    assert "Adult literacy volunteers needed" in titles and "state=new" in browser.current_url

    click_through(browser, browser.find_element(By.LINK_TEXT, "Adult literacy volunteers needed"))
    assert "/thread?" in browser.current_url
    assert SCRIPT in browser.find_element(By.CSS_SELECTOR, ".replies").text      # shown as text ...
    assert browser.title != "pwned" and browser.execute_script("return window.ran === undefined")  # ... never run

    who = browser.find_element(By.CSS_SELECTOR, "form.state input[name=by]")
    who.clear()
    who.send_keys("Ana")
    click_through(browser, browser.find_element(By.CSS_SELECTOR, "form.state button[value=claimed]"))
    assert "claimed by Ana" in browser.find_element(By.CSS_SELECTOR, ".badge").text
    click_through(browser, browser.find_element(By.CSS_SELECTOR, "form.state button[value=answered]"))
    assert "answered by Ana" in browser.find_element(By.CSS_SELECTOR, ".badge").text

    browser.get(server.url + "/?q=literacy&state=new")
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "a.title")]
    assert titles == ["Adult literacy book swap"]                                  # it left the "new" list
    browser.get(server.url + "/?q=literacy&state=answered")
    assert [a.text for a in browser.find_elements(By.CSS_SELECTOR, "a.title")] == ["Adult literacy volunteers needed"]
