"""Playwright driving Debian's Chromium against pytest-django's live server.

`playwright install` (Playwright's own browser download) does not work here:
the tests use the system Chromium. Without it they fail in CI (CI=true) and
are skipped with the reason elsewhere.
"""

import os
import shutil
from pathlib import Path

from django.conf import settings

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make around it are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _chromium_or_skip():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        return chromium
    reason = "Debian's Chromium is not installed (apt-get install -y chromium); the browser tests need it."
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    chromium = _chromium_or_skip()
    leaflet = Path(settings.BASE_DIR) / "static" / "vendor" / "leaflet" / "leaflet.js"
    if not leaflet.exists():
        pytest.fail(f"{leaflet} is missing: run `make vendor` (it fetches Leaflet from npm).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open_page(browser, **context_options):
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900}, **context_options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.third_party_requests = []
    # What the Content-Security-Policy refused: Chromium reports each refusal on the console.
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    def block_third_party(route):
        # Nothing outside the live server may load; the map's tiles are the one expected exception.
        page.third_party_requests.append(route.request.url)
        route.abort()

    page.route(lambda url: not url.startswith(("http://localhost:", "data:")), block_third_party)
    return context, page


@pytest.fixture
def page(browser):
    """A citizen's tab, under the site's real Content-Security-Policy."""
    context, page = _open_page(browser)
    yield page
    context.close()


@pytest.fixture
def audit_page(browser):
    """A tab that may inject axe-core inline: the CSP (tested by ``page``) would refuse it."""
    context, page = _open_page(browser, bypass_csp=True)
    yield page
    context.close()
