import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from intercity.indicators.importing import observations_import
from intercity.indicators.models import Observation, Target
from intercity.indicators.services import target_create
from intercity.testing.factories import CityFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

CSV = b"city,indicator,year,value,unit,source\nhome-city,recycling-rate,2020,30,%,Waste report\n"


def fill(city, record, years=range(2015, 2021)):
    for year in years:
        record(city, "ghg-per-capita", year, 6.0 - (year - 2015) * 0.1)
        record(city, "renewable-electricity-share", year, 10.0 + year - 2015)
        record(city, "population", year, 1_000_000 + year)
        record(city, "ghg-total", year, 6.0, "Mt CO2e")


def test_the_city_page_shows_latest_values_charts_and_targets(cast, catalogue, record, client_for):
    fill(cast.home, record)
    target_create(
        actor=None,
        data={
            "city": cast.home,
            "indicator": catalogue["ghg-per-capita"],
            "base_year": 2015,
            "base_value": 6.0,
            "target_year": 2030,
            "target_value": 5.0,
        },
    )
    response = client_for(None).get(reverse("indicators:city", kwargs={"slug": cast.home.slug}))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="application/json"' in html and "vendor/chartjs/chart.umd.min.js" in html
    assert "on track" in html and "Target 2030" in html
    assert "<script>" not in html.replace("<script src=", "")  # no inline script


def test_a_missing_year_is_a_gap_not_a_zero(cast, record, client_for):
    record(cast.home, "recycling-rate", 2018, 20.0)
    record(cast.home, "recycling-rate", 2020, 22.0)
    response = client_for(None).get(reverse("indicators:city", kwargs={"slug": cast.home.slug}))
    (item, spec, _chart_id, _table) = response.context["panels"][0]
    assert spec["labels"] == [2018, 2019, 2020]
    assert spec["datasets"][0]["data"] == [20.0, None, 22.0]


def test_pages_run_the_same_number_of_queries_whatever_the_data(
    cast, catalogue, record, client_for
):
    client = client_for(cast.reader)
    urls = [
        reverse("indicators:city", kwargs={"slug": cast.home.slug}),
        reverse("indicators:compare") + "?indicator=ghg-total&year=2016&per_capita=1",
        reverse("indicators:dashboard"),
    ]
    fill(cast.home, record, range(2015, 2017))
    small = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        small.append(len(queries))
    for number in range(5):
        fill(CityFactory(name=f"Extra {number}"), record)
    fill(cast.home, record, range(2010, 2021))
    for url, before in zip(urls, small, strict=True):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) == before, url


def test_compare_ranks_cities_and_divides_by_population(cast, catalogue, record, client_for):
    record(cast.home, "ghg-total", 2020, 6.0, "Mt CO2e")
    record(cast.home, "population", 2020, 2_000_000)
    record(cast.other, "ghg-total", 2020, 1.0, "Mt CO2e")
    record(cast.other, "population", 2020, 100_000)
    url = reverse("indicators:compare") + "?indicator=ghg-total&year=2020&per_capita=1"
    response = client_for(None).get(url)
    result = response.context["result"]
    assert [(f.city.slug, result.shown(f)) for f in result.ranked] == [
        (cast.other.slug, 10.0),
        (cast.home.slug, 3.0),
    ]
    rows = client_for(None).get(url + "&format=json").json()["results"]
    assert [row["value"] for row in rows] == [10.0, 3.0]


def test_the_comparison_downloads_keep_the_choice_without_a_stray_separator(
    cast, catalogue, client_for
):
    page = client_for(None).get(reverse("indicators:compare")).content.decode()
    chosen = client_for(None).get(reverse("indicators:compare") + "?indicator=ghg-total&year=2020")
    assert 'href="?format=csv"' in page and "?&amp;" not in page
    assert 'href="?indicator=ghg-total&amp;year=2020&amp;format=csv"' in chosen.content.decode()


def test_the_dashboard_counts_targets_on_and_off_track(cast, catalogue, record, client_for):
    fill(cast.home, record)
    for city, goal in ((cast.home, 5.0), (cast.other, 1.0)):
        target_create(
            actor=None,
            data={
                "city": city,
                "indicator": catalogue["ghg-per-capita"],
                "base_year": 2015,
                "base_value": 6.0,
                "target_year": 2030,
                "target_value": goal,
            },
        )
    response = client_for(None).get(reverse("indicators:dashboard"))
    assert response.context["counts"] == {"on_track": 1, "off_track": 0, "no_data": 1}
    assert Target.objects.count() == 2


def test_the_indicator_page_lists_practices_that_cite_it(cast, catalogue, client_for):
    KnowledgeItemFactory(
        title="LED street lights", outcome_indicator=catalogue["street-lighting-efficient-share"]
    )
    KnowledgeItemFactory(
        title="Hidden draft",
        visibility="draft",
        outcome_indicator=catalogue["street-lighting-efficient-share"],
    )
    url = reverse("indicators:detail", kwargs={"code": "street-lighting-efficient-share"})
    html = client_for(None).get(url).content.decode()
    assert "LED street lights" in html and "Hidden draft" not in html
    assert "ISO 37122:2019" in html


def test_the_catalogue_page_and_its_exports(db, catalogue, client_for):
    client = client_for(None)
    assert client.get(reverse("indicators:list")).status_code == 200
    rows = client.get(reverse("indicators:list") + "?format=json").json()["results"]
    assert {"code", "name", "unit", "standard"} <= set(rows[0])
    csv_text = client.get(reverse("indicators:list") + "?format=csv").content.decode()
    assert csv_text.lstrip("\ufeff").startswith("code,name,unit")


def test_the_templates_download_in_both_layouts(db, client_for):
    client = client_for(None)
    long = client.get(reverse("indicators:import-template")).content.decode()
    assert long.startswith("city,indicator,year,value,unit,source")
    wide = client.get(reverse("indicators:import-template") + "?layout=wide").content.decode()
    assert wide.startswith("city,indicator,unit,source,2021")
    xlsx = client.get(reverse("indicators:import-template") + "?format=xlsx").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert [cell.value for cell in sheet[1]][:6] == [
        "city",
        "indicator",
        "year",
        "value",
        "unit",
        "source",
    ]


def _template_cities(content: bytes) -> set[str]:
    rows = list(csv.reader(io.StringIO(content.decode())))
    return {row[0].lower() for row in rows[1:]}


def test_a_focal_points_template_holds_only_their_city_and_imports_as_it_stands(
    cast, catalogue, client_for
):
    client = client_for(cast.focal_point)
    for query in ("", "?layout=wide", f"?city={cast.other.slug}"):
        response = client.get(reverse("indicators:import-template") + query)
        assert _template_cities(response.content) == {cast.home.slug}
        assert cast.home.slug in response["Content-Disposition"]
        report = observations_import(actor=cast.focal_point, content=response.content)
        assert report.ok, report.errors
    xlsx = client.get(reverse("indicators:import-template") + "?format=xlsx").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert {row[0].lower() for row in sheet.iter_rows(min_row=2, values_only=True)} == {
        cast.home.slug
    }


def test_the_secretariat_gets_the_template_of_a_city_it_chooses_or_of_every_city(
    cast, catalogue, client_for
):
    client = client_for(cast.secretariat)
    url = reverse("indicators:import-template")
    chosen = client.get(url + f"?city={cast.other.slug}&format=csv").content
    assert _template_cities(chosen) == {cast.other.slug}
    every = client.get(url).content
    assert _template_cities(every) == {cast.home.slug, cast.other.slug}
    assert observations_import(actor=cast.secretariat, content=every).ok
    assert client.get(url + "?city=atlantis").status_code == 404
    page = client.get(reverse("indicators:import")).content.decode()
    assert f'<option value="{cast.other.slug}">' in page
    own_page = client_for(cast.focal_point).get(reverse("indicators:import")).content.decode()
    assert 'name="city"' not in own_page


def test_the_import_page_previews_then_imports_on_confirmation(cast, catalogue, client_for):
    client = client_for(cast.focal_point)
    url = reverse("indicators:import")
    upload = io.BytesIO(CSV)
    upload.name = "values.csv"
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    report = response.context["report"]
    assert report.ok and report.created == 1
    assert not Observation.objects.exists()
    response = client.post(url, {"confirm": report.digest})
    assert response.status_code == 302
    assert Observation.objects.get().value == 30.0


def test_the_import_page_shows_each_bad_row(cast, catalogue, client_for):
    upload = io.BytesIO(CSV.replace(b"home-city", b"other-city"))
    upload.name = "values.csv"
    response = client_for(cast.focal_point).post(reverse("indicators:import"), {"file": upload})
    assert response.status_code == 400
    assert "your own city" in response.content.decode()
    assert not Observation.objects.exists()


@pytest.mark.parametrize("who", ["reader", None])
def test_the_import_page_is_not_for_readers(cast, catalogue, client_for, who):
    user = getattr(cast, who) if who else None
    response = client_for(user).get(reverse("indicators:import"))
    assert response.status_code in (302, 404)


def test_another_citys_value_cannot_be_edited_from_its_page(cast, record, client_for):
    observation = record(cast.home, "recycling-rate", 2020, 10.0)
    url = reverse("indicators:observation-edit", kwargs={"pk": observation.pk})
    client = client_for(cast.other_focal_point)
    assert client.get(url).status_code == 404
    assert client.post(url, {"value": 99, "status": "reported"}).status_code == 404
    observation.refresh_from_db()
    assert observation.value == 10.0
    own = client_for(cast.focal_point)
    response = own.post(url, {"value": "12", "unit": "%", "status": "reported"})
    assert response.status_code == 302
    observation.refresh_from_db()
    assert observation.value == 12.0


def test_the_value_form_starts_on_the_focal_points_own_city(cast, catalogue, client_for):
    response = client_for(cast.focal_point).get(reverse("indicators:observation-create"))

    # A focal point records only for their own city: they are not made to pick it.
    assert response.context["form"]["city"].value() == cast.home.pk
    assert reverse("indicators:city", kwargs={"slug": cast.home.slug}) in response.content.decode()


def test_a_refused_value_says_at_the_top_that_nothing_was_saved(cast, catalogue, client_for):
    response = client_for(cast.focal_point).post(
        reverse("indicators:observation-create"),
        {"city": cast.home.pk, "year": 2020, "value": "2", "status": "reported"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    # On a phone the field in error may be a screen away: the top of the form says so first.
    summary = page.index("Nothing was saved")
    assert summary < page.index('name="city"') < page.index('class="error"')


def test_a_focal_point_records_a_value_through_the_form(cast, catalogue, client_for):
    client = client_for(cast.focal_point)
    url = reverse("indicators:observation-create")
    body = {
        "city": cast.home.pk,
        "indicator": catalogue["electricity-total"].pk,
        "year": 2020,
        "value": "2",
        "unit": "TWh",
        "status": "reported",
    }
    assert client.post(url, body).status_code == 302
    assert Observation.objects.get().value == 2_000_000
    bad = client.post(url, {**body, "unit": "kg"})
    assert bad.status_code == 400 and "cannot be converted" in bad.content.decode()
    other = client.post(url, {**body, "city": cast.other.pk})
    assert other.status_code == 400  # not a city offered to them
    assert Observation.objects.count() == 1


def test_an_absurd_value_is_a_field_error_and_the_form_keeps_what_was_typed(
    cast, catalogue, client_for
):
    body = {
        "city": cast.home.pk,
        "indicator": catalogue["population"].pk,
        "year": 2020,
        "value": "1e30",
        "unit": "",
        "status": "reported",
        "source_document": "Census 2020",
    }
    response = client_for(cast.focal_point).post(reverse("indicators:observation-create"), body)
    assert response.status_code == 400
    assert "value" in response.context["form"].errors
    page = response.content.decode()
    assert "outside the plausible range" in page
    assert 'value="1e30"' in page and 'value="Census 2020"' in page
    assert not Observation.objects.exists()


def test_pages_refuse_writes_by_get_or_other_methods(cast, catalogue, client_for):
    client = client_for(None)
    assert client.post(reverse("indicators:dashboard")).status_code == 405
    assert client.post(reverse("indicators:compare")).status_code == 405


def test_a_value_page_shows_its_source_and_history_and_the_secretariat_verifies(
    cast, record, client_for
):
    observation = record(
        cast.home,
        "electricity-total",
        2020,
        2.0,
        "TWh",
        actor=cast.focal_point,
        source_document="Utility annual report",
    )
    url = reverse("indicators:observation", kwargs={"pk": observation.pk})
    html = client_for(None).get(url).content.decode()
    assert "Utility annual report" in html and "2 TWh" in html.replace("2.00", "2")
    verify = reverse("indicators:observation-verify", kwargs={"pk": observation.pk})
    assert client_for(cast.focal_point).post(verify).status_code == 404
    assert client_for(cast.focal_point).get(verify).status_code == 405
    assert client_for(cast.secretariat).post(verify).status_code == 302
    observation.refresh_from_db()
    assert observation.status == "verified" and observation.verified_by == cast.secretariat


def test_a_confidential_value_page_is_not_found_by_others(cast, record, client_for):
    observation = record(cast.home, "ghg-ippu", 2020, 5.0, "t CO2e", notation_key="C")
    url = reverse("indicators:observation", kwargs={"pk": observation.pk})
    for user in (None, cast.reader, cast.other_focal_point):
        assert client_for(user).get(url).status_code == 404
    assert client_for(cast.focal_point).get(url).status_code == 200


def test_the_city_page_has_an_indicators_section(cast, record, client_for):
    record(cast.home, "recycling-rate", 2019, 20.0)
    record(cast.home, "recycling-rate", 2020, 22.0)
    record(cast.home, "ghg-ippu", 2020, 9.87654, "t CO2e", notation_key="C")
    html = client_for(None).get(reverse("cities:detail", kwargs={"slug": cast.home.slug}))
    html = html.content.decode()
    assert 'id="indicators"' in html and "Recycling rate" in html and "+10.0 %" in html
    assert "9.87" not in html


def test_a_trend_is_written_with_the_readers_decimal_mark():
    from django.utils import translation

    from intercity.indicators.templatetags.indicator_figures import signed_percent

    with translation.override("vi"):
        # Beside values written "12,5", a trend must not read "-82.0 %".
        assert signed_percent(-82.04) == "-82,0 %"
        assert signed_percent(1.75) == "+1,8 %"
    with translation.override("en"):
        assert signed_percent(-82.04) == "-82.0 %"
    assert signed_percent(None) == ""


def test_the_import_form_asks_for_a_data_table_not_a_meeting_table(cast, client_for):
    # "Table" is also the numbered table of a business meeting ("Bàn" in Vietnamese).
    page = client_for(cast.focal_point).get(reverse("indicators:import") + "?hl=vi").text
    assert "Bảng" in page.split('for="id_file"', 1)[1].split("</label>", 1)[0]
    japanese = client_for(cast.focal_point).get(reverse("indicators:import") + "?hl=ja").text
    label = japanese.split('for="id_file"', 1)[1].split("</label>", 1)[0]
    assert ">表" in label and "テーブル" not in label


def test_a_unit_that_cannot_be_converted_is_shown_beside_the_unit_with_the_other_errors(
    cast, catalogue, client_for
):
    body = {
        "city": cast.home.pk,
        "indicator": catalogue["electricity-total"].pk,
        "year": 2999,
        "value": "12.5",
        "unit": "furlong",
        "status": "reported",
    }
    response = client_for(cast.focal_point).post(reverse("indicators:observation-create"), body)

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "cannot be converted" in " ".join(errors["unit"])
    assert "in the future" in " ".join(errors["year"])
    assert "__all__" not in errors
    assert not Observation.objects.exists()


def test_the_comparison_heading_joins_indicator_and_year_as_the_reader_writes_them(
    cast, catalogue, record, client_for
):
    record(cast.home, "recycling-rate", 2020, 30)
    client = client_for(None)
    client.cookies["django_language"] = "ja"

    page = client.get(reverse("indicators:compare") + "?indicator=recycling-rate&year=2020").text

    assert "リサイクル率（2020年）" in page
    assert "リサイクル率, 2020" not in page
