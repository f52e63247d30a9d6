"""In a real browser: a focal point imports a CSV and sees the chart; other pages on a phone."""

import pytest

from intercity.testing.browser import SCREENSHOTS, log_in, screenshot

pytestmark = pytest.mark.browser

CSV = (
    "city,indicator,year,value,unit,source\n"
    "hanoi,ghg-per-capita,2016,4100,kg CO2e/capita,Hanoi GHG inventory\n"
    "hanoi,ghg-per-capita,2017,4000,kg CO2e/capita,Hanoi GHG inventory\n"
    "hanoi,ghg-per-capita,2019,3.7,t CO2e/capita,Hanoi GHG inventory\n"
    "hanoi,ghg-per-capita,2020,3.6,t CO2e/capita,Hanoi GHG inventory\n"
    "hanoi,ghg-per-capita,2021,3.4,t CO2e/capita,Hanoi GHG inventory\n"
)


def chart_drawn(page, selector="canvas[data-chart]") -> bool:
    return page.evaluate(
        "(s) => { const c = document.querySelector(s);"
        " return Boolean(c && window.Chart && window.Chart.getChart(c)); }",
        selector,
    )


def test_a_focal_point_imports_a_csv_and_sees_the_chart(
    live_server, transactional_db, page, tmp_path
):
    from intercity.accounts.models import User
    from intercity.dataset.demo_indicators import indicator_demo_load
    from intercity.indicators.models import Observation
    from intercity.indicators.services import catalogue_load, target_create
    from intercity.testing.factories import PASSWORD, CityFactory, UserFactory

    catalogue_load(actor=None)
    cities = [
        CityFactory(name=name, slug=slug, population=population)
        for name, slug, population in (
            ("Bangkok", "bangkok", 5_676_648),
            ("Delhi", "delhi", 10_927_986),
            ("Jakarta", "jakarta", 8_540_121),
            ("Seoul", "seoul", 10_349_312),
            ("Taipei", "taipei", 7_871_900),
            ("Tokyo", "tokyo", 8_336_599),
        )
    ]
    indicator_demo_load()
    hanoi = CityFactory(name="Hanoi", slug="hanoi", population=1_431_270)
    UserFactory(username="hanoi.focal", role=User.Role.FOCAL_POINT, city=hanoi)
    from intercity.indicators.models import Indicator

    target_create(
        actor=None,
        data={
            "city": hanoi,
            "indicator": Indicator.objects.get(code="ghg-per-capita"),
            "base_year": 2016,
            "base_value": 4.1,
            "target_year": 2030,
            "target_value": 2.9,
        },
    )
    path = tmp_path / "hanoi.csv"
    path.write_text(CSV)

    log_in(page, live_server.url, "hanoi.focal", PASSWORD)
    page.goto(f"{live_server.url}/indicators/import/")
    page.set_input_files("input[type=file]", str(path))
    page.click("text=Check the file")
    page.wait_for_selector("#report")
    assert "5 new values" in page.inner_text("#report")
    screenshot(page, "indicators-import-preview.png")
    assert not Observation.objects.filter(city=hanoi).exists()

    page.click("text=Import these values")
    page.wait_for_url(f"{live_server.url}/indicators/city/hanoi/")
    page.wait_for_function("() => window.Chart !== undefined")
    assert chart_drawn(page)
    assert Observation.objects.filter(city=hanoi).count() == 5
    text = page.inner_text("main")
    assert "Greenhouse gas emissions per capita" in text and "on track" in text
    screenshot(page, "indicators-city.png")

    page.goto(f"{live_server.url}/cities/hanoi/")
    section = page.locator("#indicators")
    assert "Greenhouse gas emissions per capita" in section.inner_text()
    section.screenshot(path=str(SCREENSHOTS / "indicators-city-section.png"))

    page.goto(f"{live_server.url}/indicators/compare/?indicator=ghg-total&per_capita=1")
    page.wait_for_function("() => window.Chart !== undefined")
    assert chart_drawn(page)
    screenshot(page, "indicators-compare.png")

    page.goto(f"{live_server.url}/indicators/dashboard/")
    page.wait_for_function("() => window.Chart !== undefined")
    assert chart_drawn(page)
    screenshot(page, "indicators-dashboard.png")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/indicators/city/{cities[5].slug}/")
    page.wait_for_function("() => window.Chart !== undefined")
    assert chart_drawn(page)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390
    page.locator("canvas[data-chart]").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "indicators-city-phone.png"))


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("language", ["vi", "my"])
def test_a_ranking_of_three_columns_or_fewer_stays_a_table_on_a_phone(
    live_server, transactional_db, chromium, language
):
    """Rank, city and value fit 390 px side by side; stacked they made a page of labels."""
    from intercity.cities.models import City
    from intercity.dataset.demo_indicators import indicator_demo_load
    from intercity.dataset.loader import anmc21_load
    from intercity.indicators.models import Indicator
    from intercity.indicators.services import catalogue_load, observation_record

    anmc21_load(actor=None)
    catalogue_load(actor=None)
    indicator_demo_load()
    total = Indicator.objects.get(code="ghg-total")
    for city in City.objects.all():
        observation_record(actor=None, city=city, indicator=total, year=2020, value=20.0)
    context = chromium.new_context(viewport=PHONE, locale=language)
    page = context.new_page()

    page.goto(f"{live_server.url}/indicators/compare/?indicator=ghg-per-capita&hl={language}")
    table = page.locator("main table.responsive")
    assert table.locator("thead th").count() == 3
    assert table.locator("thead").is_visible()
    first_row = table.locator("tbody tr").first
    assert first_row.evaluate("el => getComputedStyle(el).display") == "table-row"
    cells = [cell.bounding_box() for cell in first_row.locator("td").all()]
    assert cells[0]["x"] < cells[1]["x"] < cells[2]["x"]  # side by side, not one under another
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    table.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"indicators-compare-390-{language}.png"))

    # The indicator's own page lists city and value: two columns, a table as well.
    page.goto(f"{live_server.url}/indicators/ghg-per-capita/?hl={language}")
    table = page.locator("main table.responsive")
    assert table.locator("thead").is_visible()
    first_row = table.locator("tbody tr").first
    assert first_row.evaluate("el => getComputedStyle(el).display") == "table-row"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # Five columns do not fit: each city becomes a block of labelled lines.
    page.goto(
        f"{live_server.url}/indicators/compare/?indicator=ghg-total&year=2020&per_capita=1"
        f"&hl={language}"
    )
    table = page.locator("main table.responsive")
    assert table.locator("thead th").count() == 5
    assert not table.locator("thead").is_visible()
    first_row = table.locator("tbody tr").first
    assert first_row.evaluate("el => getComputedStyle(el).display") == "block"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_chart_labels_are_drawn_in_the_pages_fonts_in_burmese(live_server, transactional_db, page):
    """Chart.js's own font list (Helvetica, Arial) has no Burmese letters on most machines:
    city names on the axis came out as empty boxes."""
    from intercity.dataset.demo_indicators import indicator_demo_load
    from intercity.dataset.loader import anmc21_load
    from intercity.indicators.services import catalogue_load

    anmc21_load(actor=None)
    catalogue_load(actor=None)
    indicator_demo_load()
    page.goto(f"{live_server.url}/indicators/compare/?indicator=ghg-per-capita&hl=my")
    page.wait_for_function("() => window.Chart !== undefined")
    assert chart_drawn(page)
    family = page.evaluate(
        "() => window.Chart.getChart(document.querySelector('canvas[data-chart]'))"
        ".scales.y.getLabelItems()[0].font.family"
    )
    assert "Noto Sans Myanmar" in family
    page.evaluate("() => document.fonts.ready")
    assert page.evaluate("() => document.fonts.check(\"12px 'Noto Sans Myanmar'\", 'ရန်ကုန်')")
    page.locator("canvas[data-chart]").screenshot(path=str(SCREENSHOTS / "indicators-chart-my.png"))
