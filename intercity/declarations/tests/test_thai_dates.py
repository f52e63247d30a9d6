"""Thai texts date themselves in the Buddhist era (พ.ศ. 2566 is 2023), with Thai month names,
their abbreviations (ธ.ค.) and often Thai digits (๑๕)."""

import datetime
from pathlib import Path

import pytest

from intercity.declarations.parsing import parse_declaration
from intercity.declarations.parsing.dates import find_date_ranges

TEXTS = Path(__file__).resolve().parent / "texts"
DAY = datetime.date(2023, 12, 15)


@pytest.mark.parametrize(
    "text",
    [
        "15 ธันวาคม 2566",
        "วันที่ 15 ธันวาคม พ.ศ. 2566",
        "วันที่ ๑๕ ธันวาคม พ.ศ. ๒๕๖๖",
        "15 ธ.ค. 2566",
        "๑๕ ธ.ค. ๒๕๖๖",
        "วันที่ 15 เดือนธันวาคม พุทธศักราช 2566",
        "15 ธันวาคม ค.ศ. 2023",
    ],
)
def test_a_thai_date_is_read_in_the_gregorian_calendar(text):
    found = find_date_ranges(text)
    assert [(d.start, d.end) for d in found] == [(DAY, DAY)]


def test_every_thai_month_and_its_abbreviation_is_known():
    months = "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม "
    months += "พฤศจิกายน ธันวาคม"
    short = "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค."
    for names in (months.split(), short.split()):
        found = [find_date_ranges(f"1 {name} พ.ศ. 2566")[0].start for name in names]
        assert [d.month for d in found] == list(range(1, 13))
        assert {d.year for d in found} == {2023}


def test_a_thai_range_in_the_buddhist_era():
    found = find_date_ranges("ระหว่างวันที่ 14-15 พ.ย. พ.ศ. 2566")
    assert (found[0].start, found[0].end) == (datetime.date(2023, 11, 14), DAY.replace(month=11))


@pytest.mark.parametrize(
    "closing",
    [
        "ให้ไว้ ณ วันที่ 15 ธันวาคม พ.ศ. 2566",
        "ประกาศ ณ วันที่ ๑๕ ธันวาคม พ.ศ. ๒๕๖๖",
        "รับรองเมื่อวันที่ 15 ธ.ค. 2566",
    ],
)
def test_the_adoption_date_of_a_thai_declaration_is_read(closing):
    text = (TEXTS / "member_thai.txt").read_text(encoding="utf-8") + f"\n\n{closing}\n"
    parsed = parse_declaration(text)
    assert parsed.adopted_on == "2023-12-15"
    assert parsed.clauses[-1].text.endswith("การจัดการขยะ")


def test_the_meeting_dates_may_name_the_era():
    text = (TEXTS / "member_thai.txt").read_text(encoding="utf-8")
    parsed = parse_declaration(text.replace("พฤศจิกายน 2560", "พ.ย. พ.ศ. 2560"))
    assert (parsed.meeting.start_date, parsed.meeting.end_date) == ("2017-11-14", "2017-11-15")
