import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from intercity.indicators.importing import observations_import
from intercity.indicators.models import Observation

GOOD = (
    "city,indicator,year,value,unit,source,status\n"
    "home-city,ghg-total,2020,12.5,Mt CO2e,Inventory 2021,\n"
    "Home City,energy-final-total,2020,560,PJ,Energy statistics,\n"
    "home-city,ghg-waste,2020,NE,,Inventory 2021,\n"
)


def run(actor, text, **kwargs):
    return observations_import(actor=actor, content=text.encode(), **kwargs)


def test_a_long_table_is_imported_with_units_converted(cast, catalogue):
    report = run(cast.focal_point, GOOD)
    assert report.ok, report.errors
    assert (report.layout, report.created) == ("long", 3)
    energy = Observation.objects.get(indicator__code="energy-final-total")
    assert energy.value == pytest.approx(560_000)  # TJ
    assert (energy.value_as_given, energy.unit_as_given) == (560.0, "PJ")
    assert energy.source_document == "Energy statistics"
    assert Observation.objects.get(indicator__code="ghg-waste").notation_key == "NE"


def test_each_bad_row_is_reported_and_nothing_is_stored(cast, catalogue):
    text = (
        "city,indicator,year,value,unit,source\n"
        "home-city,recycling-rate,2020,30,%,ok\n"
        "Atlantis,recycling-rate,2020,30,%,x\n"
        "home-city,no-such-code,2020,30,%,x\n"
        "home-city,energy-final-total,2020,3,km,x\n"
        "home-city,recycling-rate,2021,130,%,x\n"
        "home-city,recycling-rate,2999,30,%,x\n"
        "home-city,recycling-rate,2020,31,%,x\n"
        "home-city,recycling-rate,2019,lots,%,x\n"
    )
    report = run(cast.secretariat, text)
    assert not report.ok
    problems = {problem.where: problem.message for problem in report.errors}
    assert set(problems) == {"3", "4", "5", "6", "7", "8", "9"}
    assert "unknown city" in problems["3"]
    assert "unknown indicator" in problems["4"]
    assert "cannot be converted" in problems["5"]
    assert "outside the plausible range" in problems["6"]
    assert "future" in problems["7"]
    assert "duplicate of row 2" in problems["8"]
    assert "not a number" in problems["9"]
    assert not Observation.objects.exists()


def test_absurd_values_are_reported_row_by_row_and_nothing_is_stored(cast, catalogue):
    text = (
        "city,indicator,year,value,unit,source\n"
        "home-city,recycling-rate,2020,30,%,ok\n"
        "home-city,population,2020,1e30,,census\n"
        "home-city,population,2019,-5,,census\n"
        "home-city,renewable-electricity-share,2020,250,%,x\n"
        "home-city,energy-final-total,2020,1e30,PJ,x\n"
    )
    report = run(cast.focal_point, text)
    problems = {problem.where: problem.message for problem in report.errors}
    assert set(problems) == {"3", "4", "5", "6"}
    assert all("outside the plausible range" in message for message in problems.values())
    assert not Observation.objects.exists()


def test_reimporting_the_same_file_changes_nothing(cast, catalogue):
    run(cast.focal_point, GOOD)
    history = Observation.history.count()
    report = run(cast.focal_point, GOOD)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert Observation.history.count() == history


def test_a_changed_row_updates_the_stored_value(cast, catalogue):
    run(cast.focal_point, GOOD)
    report = run(cast.focal_point, GOOD.replace("12.5", "12.0"))
    assert (report.updated, report.unchanged) == (1, 2)
    assert Observation.objects.get(indicator__code="ghg-total").value == pytest.approx(12e6)


def test_a_dry_run_stores_nothing(cast, catalogue):
    report = run(cast.focal_point, GOOD, dry_run=True)
    assert report.ok and report.created == 3
    assert not Observation.objects.exists()


def test_a_focal_point_imports_their_own_city_only(cast, catalogue):
    text = GOOD + "other-city,recycling-rate,2020,30,%,x,\n"
    report = run(cast.focal_point, text)
    assert [problem.where for problem in report.errors] == ["5"]
    assert not Observation.objects.exists()


def test_a_wide_table_has_one_column_per_year_and_empty_cells_are_gaps(cast, catalogue):
    text = (
        "city,indicator,unit,source,2018,2019,2020\n"
        "home-city,ghg-per-capita,kg CO2e/capita,Inventory,4100,,3900\n"
    )
    report = run(cast.focal_point, text)
    assert report.ok and report.layout == "wide"
    values = dict(Observation.objects.values_list("year", "value"))
    assert values == {2018: pytest.approx(4.1), 2020: pytest.approx(3.9)}


def test_a_wide_table_names_the_bad_cell(cast, catalogue):
    text = "city,indicator,unit,source,2018,2019\nhome-city,recycling-rate,%,x,30,300\n"
    report = run(cast.focal_point, text)
    assert [problem.where for problem in report.errors] == ["2:2019"]


def test_an_xlsx_workbook_is_read_like_a_csv_file(cast, catalogue):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["city", "indicator", "year", "value", "unit", "source"])
    sheet.append(["home-city", "electricity-total", 2020, 1.5, "TWh", "Utility report"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = observations_import(actor=cast.focal_point, content=buffer.getvalue())
    assert report.ok, report.errors
    assert Observation.objects.get().value == pytest.approx(1_500_000)


def test_a_wrong_header_is_reported(cast, catalogue):
    report = run(cast.secretariat, "town,code,year,value\nx,y,2020,1\n")
    assert not report.ok and report.errors[0].where == "1"


@pytest.mark.parametrize(
    "text",
    [
        "city,indicator,year,value,unit,source\n",
        "city,indicator,year,value,unit,source\n,,,,,\n\n",
        "city,indicator,unit,source,2019,2020\nhome-city,ghg-per-capita,kg CO2e/capita,X,,\n",
    ],
)
def test_a_table_with_a_header_and_no_values_is_refused_as_such(cast, catalogue, text):
    report = run(cast.secretariat, text)
    assert not report.ok
    assert [(p.where, p.message) for p in report.errors] == [
        ("1", "the file has a header but no rows of values")
    ]
    assert not Observation.objects.exists()


def test_the_import_page_says_a_header_only_file_has_no_rows(cast, catalogue, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    upload = SimpleUploadedFile("values.csv", b"city,indicator,year,value,unit,source\n")
    page = client_for(cast.secretariat).post(reverse("indicators:import"), {"file": upload})
    assert "the file has a header but no rows of values" in page.text
    assert "Import these values" not in page.text


def test_the_command_imports_and_exits_zero(cast, catalogue, tmp_path, capsys):
    path = tmp_path / "values.csv"
    path.write_text(GOOD)
    call_command("import_indicators", str(path), "--format", "json")
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["created"] == 3
    assert Observation.objects.count() == 3


def test_the_command_fails_with_the_report_and_stores_nothing(cast, catalogue, tmp_path, capsys):
    path = tmp_path / "values.csv"
    path.write_text(GOOD + "Atlantis,ghg-total,2020,1,t CO2e,x,\n")
    with pytest.raises(CommandError):
        call_command("import_indicators", str(path), "--format", "json")
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == [{"row": "5", "message": "unknown city “Atlantis”"}]
    assert not Observation.objects.exists()


def test_the_command_dry_run_stores_nothing(cast, catalogue, tmp_path):
    path = tmp_path / "values.csv"
    path.write_text(GOOD)
    call_command("import_indicators", str(path), "--dry-run")
    assert not Observation.objects.exists()


def test_every_imported_value_has_its_audit_entry(cast, catalogue):
    run(cast.focal_point, GOOD)
    run(cast.focal_point, GOOD.replace("12.5", "12.0"))
    changed = Observation.objects.get(indicator__code="ghg-total")
    entries = list(
        changed.history.order_by("history_date", "history_id").values_list(
            "history_type", "history_change_reason", "history_user__username", "value"
        )
    )
    assert entries == [
        ("+", "indicators.observation.imported", "focal", 12_500_000.0),
        ("~", "indicators.observation.imported", "focal", 12_000_000.0),
    ]
    same = Observation.objects.get(indicator__code="energy-final-total")
    assert same.history.count() == 1
    assert same.history.get().instance.value == same.value


def test_a_city_is_recognised_by_its_name_in_any_language_of_the_platform(cast, catalogue):
    cast.home.names = {"vi": "Thành phố Nhà", "ja": "ホーム市"}
    cast.home.save(update_fields=["names"])
    text = (
        "city,indicator,year,value,unit,source\n"
        "Thành phố Nhà,recycling-rate,2020,30,%,x\n"
        "ホーム市,recycling-rate,2021,31,%,x\n"
        " home city ,recycling-rate,2022,32,%,x\n"
    )

    report = run(cast.focal_point, text)

    assert report.ok, report.errors
    assert Observation.objects.filter(city=cast.home).count() == 3


def test_the_preview_speaks_the_readers_language_and_shows_values_as_given(
    cast, catalogue, client_for
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    cast.home.names = {"vi": "Thành phố Nhà"}
    cast.home.save(update_fields=["names"])
    text = "city,indicator,year,value,unit,source\nhome-city,electricity-total,2020,12345.5,MWh,x\n"
    client = client_for(cast.focal_point)
    client.cookies["django_language"] = "vi"

    page = client.post(
        reverse("indicators:import"), {"file": SimpleUploadedFile("v.csv", text.encode())}
    ).text

    assert "Thành phố Nhà</td>" in page
    assert "12.345,5" in page
    assert "1 dòng theo bố cục dọc:" in page
    assert "long" not in page
