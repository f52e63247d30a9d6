"""On a 390 px phone: the accountability matrix reads without colour, and long text wraps."""

import pytest

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.dataset.loader import anmc21_load
from intercity.declarations.models import Declaration
from intercity.declarations.progress import commitment_report
from intercity.knowledge.models import KnowledgeItem
from intercity.knowledge.services import item_create
from intercity.testing.browser import SCREENSHOTS, log_in, screenshot
from intercity.testing.factories import PASSWORD, MeetingFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
PLAN = [
    ("1", "tokyo", "achieved"),
    ("1", "seoul", "in_progress"),
    ("1", "hanoi", "planned"),
    ("2", "bangkok", "planned"),
    ("2", "tokyo", "in_progress"),
    ("3a", "seoul", "achieved"),
    ("3b", "singapore", "not_started"),
    ("4", "jakarta", "not_applicable"),
    ("5", "tomsk", "achieved"),
]


@pytest.fixture
def matrix_url(live_server):
    anmc21_load(actor=None)
    declaration = Declaration.objects.first()
    if declaration is None:
        pytest.skip("the seeds with the Hanoi Declaration are not available")
    secretariat = UserFactory(username="secretariat", role=User.Role.SECRETARIAT)
    commitments = {c.reference: c for c in declaration.commitments.all()}
    for reference, city, status in PLAN:
        if reference in commitments:
            commitment_report(
                actor=secretariat,
                commitment=commitments[reference],
                city=City.objects.get(slug=city),
                status=status,
                narrative="Work on it reported.",
            )
    return f"{live_server.url}/declarations/accountability/?declaration={declaration.slug}"


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_matrix_on_a_phone_labels_every_cell_and_scrolls_cities_under_a_fixed_column(
    chromium, matrix_url
):
    context = chromium.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    page.goto(matrix_url)
    assert _page_width(page) <= PHONE["width"]
    legend = page.locator("#matrix-legend").inner_text()
    for word in ("Achieved", "In progress", "Planned", "Not started", "Not reported"):
        assert word in legend
    assert page.locator("#matrix caption").count() == 1
    assert page.locator("#matrix thead th[scope=col]").count() == 14  # commitment + 13 cities
    assert page.locator("#matrix tbody th[scope=row]").count() >= 5
    # Every responsible cell says its status in words to a screen reader.
    tokyo = page.locator("#matrix tbody tr").first.locator("td[data-city=tokyo]")
    assert tokyo.inner_text().strip().startswith("✓")
    assert "Achieved" in tokyo.locator(".visually-hidden").inner_text()

    first_column = page.locator("#matrix tbody th.commitment").first
    before = first_column.bounding_box()["x"]
    screenshot(page, "accountability-matrix-390.png")
    page.locator(".matrix-wrap").evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert page.locator("#matrix thead th.city").last.bounding_box()["x"] < PHONE["width"]
    assert first_column.bounding_box()["x"] == before
    context.close()


def test_the_matrix_on_a_desktop_shows_all_thirteen_cities_with_symbols(page, matrix_url):
    page.goto(matrix_url)
    last_city = page.locator("#matrix thead th.city").last.bounding_box()
    assert last_city["x"] + last_city["width"] <= 1280
    assert page.locator("#matrix td.cell .mark").count() >= 9
    screenshot(page, "accountability-matrix-desktop.png")


# Each city header's name against its header cell and the caption above the grid.
_HEADER_ROOM = """() => {
  const caption = document.querySelector('#matrix caption').getBoundingClientRect();
  return [...document.querySelectorAll('#matrix thead th.city')].map((th) => {
    const cell = th.getBoundingClientRect();
    const name = th.querySelector('a').getBoundingClientRect();
    return {name: th.innerText, aboveName: name.top - caption.bottom,
            inCell: name.top >= cell.top && name.bottom <= cell.bottom};
  });
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_long_burmese_city_names_stand_clear_of_the_grids_caption(chromium, matrix_url, width):
    """Metro Manila in Burmese (မက်ထရို မနီလာ) is the longest header: it ran into the caption."""
    context = chromium.new_context(viewport={"width": width, "height": 900}, locale="my")
    page = context.new_page()
    page.goto(f"{matrix_url}&hl=my")
    headers = page.evaluate(_HEADER_ROOM)
    assert len(headers) == 13
    crowded = [h["name"] for h in headers if not h["inCell"] or h["aboveName"] < 6]
    assert crowded == []
    page.locator(".matrix-wrap").screenshot(
        path=str(SCREENSHOTS / f"accountability-matrix-my-{width}.png")
    )
    context.close()


def test_a_two_megabyte_unbroken_body_does_not_widen_search_results_on_a_phone(
    chromium, live_server
):
    anmc21_load(actor=None)
    hanoi = City.objects.get(slug="hanoi")
    item_create(
        actor=None,
        data={
            "title": "Unbrokenstring" + "z" * 280,
            "slug": "unbroken",
            "kind": KnowledgeItem.Kind.PRACTICE,
            "summary": "Smogwatch" + "q" * 5000,
            "body": "Smogwatch" + "x" * 2_000_000,
            "language": "en",
            "city": hanoi,
            "visibility": KnowledgeItem.Visibility.PUBLIC,
        },
    )
    context = chromium.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/search/?q=Unbrokenstring")
    assert page.locator("ol.hits li").count() >= 1
    assert _page_width(page) <= PHONE["width"]
    page.goto(f"{live_server.url}/knowledge/unbroken/")
    assert _page_width(page) <= PHONE["width"]
    context.close()


@pytest.mark.parametrize("path", ["/business/", "/indicators/compare/"])
def test_filter_lists_with_long_choices_fit_a_phone(chromium, live_server, path):
    anmc21_load(actor=None)
    context = chromium.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}{path}")
    assert page.locator("form.filters select").count() >= 1
    assert _page_width(page) <= PHONE["width"]
    context.close()


# Whether any word in a table cell is wider than the cell's text box, i.e. split mid-word.
_WORDS_SPLIT = """() => {
  const split = [];
  for (const cell of document.querySelectorAll('main td, main th')) {
    const style = getComputedStyle(cell);
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    for (const word of cell.innerText.split(/\\s+/).filter(Boolean)) {
      const probe = document.createElement('span');
      probe.textContent = word;
      probe.style.whiteSpace = 'nowrap';
      probe.style.font = style.font;
      document.body.appendChild(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      if (width > room + 1) split.push(word);
    }
  }
  return split;
}"""


def test_a_narrow_table_column_keeps_city_names_whole(chromium, live_server):
    """In a tablet-wide list the Host column is narrow: a name wraps to its own line, it is
    never cut inside ("Han" / "oi")."""
    for n in range(4):
        MeetingFactory(
            title=f"Platform expert meeting on energy-saving equipment and lighting {n}",
            host_city__name="Hanoi",
        )
    context = chromium.new_context(viewport={"width": 800, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/meetings/")
    assert page.locator("main td", has_text="Hanoi").count() == 4
    assert page.evaluate(_WORDS_SPLIT) == []
    assert _page_width(page) <= 800
    context.close()


def test_the_header_keeps_log_out_whole_beside_a_long_name_in_mongolian(chromium, live_server):
    UserFactory(
        username="rep",
        first_name="Demo organisation",
        last_name="representative",
        role=User.Role.EXPERT,
    )
    context = chromium.new_context(viewport=PHONE, locale="mn")
    page = context.new_page()
    log_in(page, live_server.url, "rep", PASSWORD)
    page.goto(f"{live_server.url}/?hl=mn")
    log_out = page.locator(".account button.link")
    line = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.account')).lineHeight)"
    )
    assert log_out.bounding_box()["height"] < line * 1.5, "'Log out' broke over two lines"
    assert _page_width(page) <= PHONE["width"]
    context.close()
