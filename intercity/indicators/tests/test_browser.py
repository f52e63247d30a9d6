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


def test_a_chart_writes_japanese_city_names_in_the_sites_fonts(live_server, transactional_db, page):
    # The system fonts a browser falls back to may lack Han and kana: the chart's labels
    # showed as empty boxes on a Japanese page while the table below read 東京.
    from intercity.indicators.models import Indicator
    from intercity.indicators.services import catalogue_load, observation_record
    from intercity.testing.factories import CityFactory

    catalogue_load(actor=None)
    indicator = Indicator.objects.get(code="recycling-rate")
    for name, slug, value, ja in (("Tokyo", "tokyo", 20, "東京"), ("Hanoi", "hanoi", 12, "ハノイ")):
        city = CityFactory(name=name, slug=slug, names={"ja": ja})
        observation_record(actor=None, city=city, indicator=indicator, year=2022, value=value)

    page.goto(f"{live_server.url}/indicators/compare/?indicator=recycling-rate&year=2022&hl=ja")
    page.wait_for_function("() => window.Chart !== undefined")
    assert chart_drawn(page)
    assert "東京" in page.inner_text("main")
    family = page.evaluate(
        "() => { const f = window.Chart.getChart(document.querySelector('canvas[data-chart]'))"
        ".options.font; return (f && f.family) || window.Chart.defaults.font.family; }"
    )
    assert "Noto Sans JP" in family
