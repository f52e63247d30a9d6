"""In a real browser: the secretariat imports a declaration, a focal point reports on it."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.dataset import anmc21
from intercity.dataset.loader import anmc21_load
from intercity.declarations.models import Declaration
from intercity.declarations.progress import commitment_report
from intercity.testing.browser import log_in, screenshot
from intercity.testing.declaration_factories import SHORT_DECLARATION
from intercity.testing.factories import PASSWORD, UserFactory

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED = Path(str(settings.SEEDS_DIR)) / anmc21.DECLARATION
ACHIEVED_GREEN = "rgb(92, 184, 92)"


@pytest.fixture
def network(settings, tmp_path):
    # Load the network without its declaration: the secretariat imports it through the page.
    settings.SEEDS_DIR = tmp_path
    anmc21_load(actor=None)
    hanoi = City.objects.get(slug="hanoi")
    return {
        "secretariat": UserFactory(username="secretariat", role=User.Role.SECRETARIAT),
        "hanoi_focal": UserFactory(username="hanoi.focal", role=User.Role.FOCAL_POINT, city=hanoi),
    }


def _earlier_reports(declaration, secretariat) -> None:
    """A few reports by other cities, so the matrix shows its range of colours."""
    plan = [
        ("1", "tokyo", "achieved"),
        ("1", "seoul", "in_progress"),
        ("2", "bangkok", "planned"),
        ("2", "tokyo", "in_progress"),
        ("3a", "seoul", "achieved"),
        ("3b", "singapore", "not_started"),
        ("4", "jakarta", "not_applicable"),
        ("5", "tomsk", "achieved"),
    ]
    commitments = {
        c.reference: c for c in declaration.commitments.select_related("clause", "subitem")
    }
    for reference, city, status in plan:
        if reference in commitments:
            commitment_report(
                actor=secretariat,
                commitment=commitments[reference],
                city=City.objects.get(slug=city),
                status=status,
                narrative="Work on it reported.",
            )


def test_import_report_and_see_the_matrix_change(live_server, page, network):
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else SHORT_DECLARATION

    # The secretariat pastes the text, checks the preview and saves.
    log_in(page, live_server.url, "secretariat", PASSWORD)
    page.goto(live_server.url + "/declarations/import/")
    page.fill("#id_text", text)
    page.click("form.record-form button[type=submit]")
    page.wait_for_selector("text=Check the imported declaration")
    assert Declaration.objects.count() == 0
    page.click("button[name=save]")
    page.wait_for_selector("ol.clauses")
    declaration = Declaration.objects.get()
    assert page.url.endswith(declaration.get_absolute_url())
    assert page.locator("ol.clauses > li").count() == declaration.clauses.count()
    _earlier_reports(declaration, network["secretariat"])
    page.reload()
    screenshot(page, "declaration-page.png")
    page.context.clear_cookies()

    # Hanoi's focal point reports on the first commitment from the matrix.
    log_in(page, live_server.url, "hanoi.focal", PASSWORD)
    matrix_url = f"{live_server.url}/declarations/accountability/?declaration={declaration.slug}"
    page.goto(matrix_url)
    cell = page.locator("#matrix tbody tr").first.locator("td[data-city=hanoi]")
    assert cell.get_attribute("data-status") == "none"
    cell.locator("a").click()
    page.select_option("#id_status", "achieved")
    page.fill("#id_narrative", "Planning exchange with Tokyo and Seoul held in March.")
    page.click("form.record-form button[type=submit]")
    page.wait_for_selector("text=The progress report was recorded.")

    page.goto(matrix_url)
    cell = page.locator("#matrix tbody tr").first.locator("td[data-city=hanoi]")
    assert cell.get_attribute("data-status") == "achieved"
    colour = cell.locator("a").evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == ACHIEVED_GREEN
    # Another city's cells are not links for Hanoi's focal point.
    assert page.locator("#matrix td[data-city=tokyo] a").count() == 0
    screenshot(page, "accountability-matrix.png")


STATEMENT = """Joint Statement on River Cooperation between Bangkok and Hanoi

Bangkok and Hanoi agree as follows.

We will share flood warnings and river levels every month.

In addition, both cities will train their engineers in the following fields:

Flood forecasting and river gauges.

Maintenance of pumping stations.
"""


def test_the_import_preview_marks_the_fields_to_check(live_server, page, network):
    log_in(page, live_server.url, "secretariat", PASSWORD)
    page.goto(live_server.url + "/declarations/import/")
    page.fill("#id_text", STATEMENT)
    page.click("form.record-form button[type=submit]")
    page.wait_for_selector("text=Check the imported declaration")

    # A clause announces a list but has no items: the clauses are in doubt, and the page
    # says why; the title is not.
    clauses = page.locator("h3:has-text('operative clause')")
    assert "to-check" in (clauses.get_attribute("class") or "")
    assert clauses.locator(".check-flag").count() == 1
    assert "read as clauses" in clauses.locator(".check-reason").inner_text()
    assert "to-check" not in (
        page.locator("dt:has-text('Title') + dd").get_attribute("class") or ""
    )
    screenshot(page, "declaration-import-check.png")
