"""The year a declaration gives for the next meeting is read in every member language and
era: a Thai text counts its years from the Buddha's era (พ.ศ. 2566 is 2023)."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from intercity.declarations.parsing import parse_declaration
from intercity.declarations.services import declaration_import

THAI = (Path(__file__).resolve().parent / "texts" / "member_thai.txt").read_text(encoding="utf-8")


def with_clause(text: str, clause: str) -> str:
    """The text with one more numbered clause after its last."""
    numbers = re.findall(r"^(\d+)\.", text, flags=re.MULTILINE)
    return f"{text.rstrip()}\n\n{int(numbers[-1]) + 1}. {clause}\n"


@pytest.mark.parametrize(
    "clause",
    [
        "การประชุมครั้งต่อไปในปี พ.ศ. 2566",
        "การประชุมครั้งต่อไปในปี 2566",
        "การประชุมครั้งต่อไปจะจัดขึ้นในปี ๒๕๖๖",
        "การประชุมใหญ่ครั้งต่อไปจะจัดขึ้นในพุทธศักราช 2566",
        "การประชุมครั้งต่อไปจะจัดขึ้นในปี ค.ศ. 2023",
    ],
)
def test_a_thai_year_for_the_next_meeting_is_read_in_the_gregorian_calendar(clause):
    parsed = parse_declaration(with_clause(THAI, clause))
    assert parsed.next_meeting.year == 2023


@pytest.mark.parametrize(
    "sentence",
    [
        "다음 회의는 2023년에 개최한다.",
        "下次会议将于2023年举行。",
        "次回会合は令和5年に開催する。",
        "次回の総会は2023年に開催する。",
        "Следующее заседание состоится в 2023 году.",
        "Pertemuan berikutnya akan diadakan pada tahun 2023.",
        "Mesyuarat seterusnya akan diadakan pada tahun 2023.",
        "Hội nghị tiếp theo sẽ được tổ chức vào năm 2023.",
        "Ang susunod na pulong ay gaganapin sa 2023.",
        "Дараагийн хурлыг 2023 онд зохион байгуулна.",
        "अगली बैठक २०२३ में आयोजित की जाएगी।",
        "နောက်အစည်းအဝေးကို ၂၀၂၃ ခုနှစ်တွင် ကျင်းပမည်။",
        "The next plenary meeting will be held in 2023.",
    ],
)
def test_the_year_of_the_next_meeting_is_read_in_each_member_language(sentence):
    text = f"River Declaration\n\nWe hereby declare:\n\n1. Share flood data.\n\n2. {sentence}\n"
    assert parse_declaration(text).next_meeting.year == 2023


def test_a_large_number_is_not_taken_for_a_buddhist_year():
    text = with_clause(THAI, "การประชุมครั้งต่อไปจะมีผู้เข้าร่วม 2500 คน")
    assert parse_declaration(text).next_meeting.year is None


def test_the_imported_declaration_shows_the_next_meeting_year(client_for, cast):
    text = with_clause(THAI, "การประชุมครั้งต่อไปในปี พ.ศ. 2566")
    preview = client_for(cast.secretariat).post(
        reverse("declarations:import"), {"step": "preview", "text": text}
    )
    row = preview.content.decode().split("Next meeting</dt>", 1)[1].split("</dd>", 1)[0]
    assert "2023" in row

    declaration = declaration_import(actor=cast.secretariat, text=text)
    assert declaration.next_meeting_year == 2023
    page = client_for(cast.secretariat).get(declaration.get_absolute_url()).content.decode()
    row = page.split("Next meeting</dt>", 1)[1].split("</dd>", 1)[0]
    assert "2023" in row
