"""Real-browser tests: Playwright driving Debian's Chromium (never a downloaded browser).

The suite runner sets ``SARHAD_CHROMIUM``; otherwise ``chromium`` on PATH is used. Without
a browser these tests skip loudly, except under ``CI=true``, where they fail.
"""

from __future__ import annotations

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; Django's guard against
# database calls from async code would otherwise refuse the test's own setup queries.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
]


def _chromium() -> str | None:
    return os.environ.get("SARHAD_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    path = _chromium()
    if not path:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required under CI (apt-get install chromium)")
        pytest.skip("!!! no chromium on PATH: browser tests SKIPPED (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def site(django_db_serialized_rollback, live_server):
    """The live server's base URL over a database the browser's requests can see.

    Transactional, so the server thread sees the test's rows; serialised rollback puts
    back the reference data the migrations loaded (countries, posts, regimes), which
    the flush after each transactional test would otherwise remove.
    """
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


@pytest.fixture
def login(page, site):
    def do(username: str, password: str):
        page.goto(f"{site}/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return page

    return do
