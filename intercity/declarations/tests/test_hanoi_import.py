"""The Hanoi Declaration, imported from the seed through the importer, is stored as stated."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings

from intercity.dataset import anmc21
from intercity.dataset.loader import anmc21_load
from intercity.declarations.models import Declaration, Paragraph

SEED = Path(str(settings.SEEDS_DIR)) / anmc21.DECLARATION
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the Hanoi seed is not available")


@pytest.fixture
def hanoi(db) -> Declaration:
    anmc21_load(actor=None)
    return Declaration.objects.get(source_document=anmc21.DECLARATION)


def check_the_meeting_dates_and_place_are_the_12th_plenary_in_hanoi(hanoi):
    assert hanoi.title == "Hanoi Declaration"
    assert hanoi.meeting.ordinal == 12
    assert hanoi.meeting.host_city.name == "Hanoi"
    assert (hanoi.meeting.start_date, hanoi.meeting.end_date) == (
        datetime.date(2013, 11, 18),
        datetime.date(2013, 11, 19),
    )
    assert hanoi.adopted_on == datetime.date(2013, 11, 19)
    assert hanoi.language == "en"
    assert hanoi.original_text == SEED.read_text(encoding="utf-8")


def check_the_eight_participating_cities_sign(hanoi):
    assert sorted(c.name for c in hanoi.signatories.all()) == [
        "Bangkok", "Hanoi", "Jakarta", "Kuala Lumpur", "Seoul", "Singapore", "Tokyo", "Tomsk",
    ]  # fmt: skip


def check_six_preamble_paragraphs_keep_their_leads(hanoi):
    preamble = hanoi.paragraphs.filter(part=Paragraph.Part.PREAMBLE).order_by("position")
    assert [p.lead for p in preamble] == [
        "With recognition of",
        "Being aware",
        "Responding to",
        "Recalling",
        "Acknowledging",
        "Having conducted",
    ]


def check_operative_clauses_one_to_five_with_energy_list_and_sub_items(hanoi):
    clauses = list(hanoi.clauses.order_by("position"))
    assert [c.number for c in clauses] == ["1", "2", "3", "4", "5"]
    assert "energy management" in clauses[1].text
    assert "energy-saving label products" in clauses[1].text
    assert [s.label for s in clauses[2].subitems.all()] == ["a", "b"]
    assert clauses[2].intro.startswith("to agree on reviewing joint projects")
    assert "Platform for Technology and Industry" in clauses[2].subitems.get(label="a").text


def check_the_tokyo_declaration_is_a_placeholder_reference(hanoi):
    reference = hanoi.references.get()
    assert (reference.title, reference.year, reference.city) == (
        "2010 Tokyo Declaration",
        2010,
        "Tokyo",
    )
    assert reference.is_placeholder


def check_the_next_meeting_is_tomsk_in_2014(hanoi):
    assert (hanoi.next_meeting_city, hanoi.next_meeting_year) == ("Tomsk", 2014)
    assert hanoi.next_meeting.slug == "13th-plenary-tomsk-2014"


def check_the_closing_paragraphs_are_kept_as_closing_text(hanoi):
    closing = list(hanoi.paragraphs.filter(part=Paragraph.Part.CLOSING))
    assert len(closing) == 2
    assert closing[0].text.startswith("On this occasion")
    assert "Typhoon Haiyan" in closing[1].text


def check_initiatives_link_to_their_programmes(hanoi):
    linked = {i.name: i.programme.slug if i.programme else None for i in hanoi.initiatives.all()}
    assert linked == {
        "Platform for Technology and Industry": "platform-for-technology-and-industry",
        "Pilot Program": None,
        "Education for Urban Solutions": "education-for-urban-solutions",
    }


def test_the_hanoi_declaration_comes_out_as_the_issue_states(hanoi):
    # One load of the dataset, each of the issue's assertions in its own named check.
    check_the_meeting_dates_and_place_are_the_12th_plenary_in_hanoi(hanoi)
    check_the_eight_participating_cities_sign(hanoi)
    check_six_preamble_paragraphs_keep_their_leads(hanoi)
    check_operative_clauses_one_to_five_with_energy_list_and_sub_items(hanoi)
    check_the_tokyo_declaration_is_a_placeholder_reference(hanoi)
    check_the_next_meeting_is_tomsk_in_2014(hanoi)
    check_the_closing_paragraphs_are_kept_as_closing_text(hanoi)
    check_initiatives_link_to_their_programmes(hanoi)


def test_commitments_come_from_clauses_and_sub_items(hanoi):
    commitments = list(hanoi.commitments.order_by("position"))
    assert [c.reference for c in commitments] == ["1", "2", "3", "3a", "3b", "4", "5"]
    members = set(hanoi.commitments.get(clause__number="1").cities.values_list("slug", flat=True))
    assert len(members) == 13
    assert [c.slug for c in commitments[-1].cities.all()] == ["tomsk"]
    assert [m.slug for m in commitments[-1].meetings.all()] == ["13th-plenary-tomsk-2014"]
    assert [p.slug for p in commitments[3].programmes.all()] == [
        "platform-for-technology-and-industry"
    ]


def test_loading_twice_changes_nothing(hanoi):
    history = hanoi.history.count()
    report = anmc21_load(actor=None)
    assert Declaration.objects.count() == 1
    assert report.counts["declaration unchanged"] == 1
    assert hanoi.history.count() == history
