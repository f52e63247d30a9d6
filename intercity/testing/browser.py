"""Headless Debian Chromium for browser tests, driven by Playwright; skipped where absent."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("INTERCITY_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_missing_reason() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM}: install Debian's chromium to run browser tests"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="session")
def chromium():
    reason = chromium_missing_reason()
    if reason:
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by
    # the test itself are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.record-form button[type=submit]")
    page.wait_for_load_state("networkidle")


def outline_longest_step(page, selector: str) -> tuple[int, float]:
    """How many country outlines the map at `selector` draws, and the longest step in
    longitude between neighbouring points of any outline (closing edges included). A country
    stored cut at the 180th meridian and drawn as it is has a step of 360 degrees: a line
    across the whole map."""
    count, step = page.evaluate(
        """(selector) => {
          const map = document.querySelector(selector).leafletMap;
          let count = 0, longest = 0;
          const walk = (points) => {
            if (points.length && points[0].lng !== undefined) {
              points.forEach((point, i) => {
                const previous = points[(i + points.length - 1) % points.length];
                longest = Math.max(longest, Math.abs(point.lng - previous.lng));
              });
            } else {
              points.forEach(walk);
            }
          };
          map.eachLayer((layer) => {
            if (layer.feature && layer.getLatLngs) { count += 1; walk(layer.getLatLngs()); }
          });
          return [count, longest];
        }""",
        selector,
    )
    return count, step
