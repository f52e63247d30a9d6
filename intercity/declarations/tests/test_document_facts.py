"""A resolution's symbol and the meeting as its text names it are kept with the declaration."""

from pathlib import Path

import pytest
from rest_framework.test import APIClient

from intercity.declarations.models import Declaration
from intercity.declarations.services import declaration_import

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "declarations"
CLEAN_AIR = CORPUS / "24_un-a-res-74-212-clean-air-day.txt"

RESOLUTION = """United Nations
A/RES/79/923
General Assembly
Distr.: General
20 December 2024

Seventy-ninth session
Agenda item 7

Resolution adopted by the General Assembly on 18 December 2024

79/923. Cooperation between cities on clean water

The General Assembly,

Recalling its earlier resolutions on water,

Noting the work of city networks,

1. Decides to encourage cities to share practices on clean water;

2. Invites Member States to support those exchanges;

3. Requests the Secretary-General to report at its next session.
"""


@pytest.fixture
def imported(cast) -> Declaration:
    return declaration_import(actor=cast.secretariat, text=RESOLUTION)


def test_the_symbol_is_stored_and_shown_on_the_page_and_in_the_api(imported, client):
    assert imported.symbol == "A/RES/79/923"
    page = client.get(imported.get_absolute_url())
    assert "A/RES/79/923" in page.content.decode()
    data = APIClient().get(f"/api/v1/declarations/{imported.slug}/").json()
    assert data["symbol"] == "A/RES/79/923"


def test_the_meeting_as_printed_is_kept_apart_from_the_adoption_date(imported):
    assert imported.meeting is None
    assert imported.meeting_printed["ordinal"] == 79
    assert imported.adopted_on.isoformat() == "2024-12-18"
    assert set(imported.parse_field_confidence) >= {"symbol", "meeting dates", "clause count"}


def test_an_import_records_the_symbol_in_its_history(imported):
    assert imported.history.first().symbol == "A/RES/79/923"


def test_a_correction_of_the_symbol_wins_over_the_parser(cast):
    declaration = declaration_import(
        actor=cast.secretariat, text=RESOLUTION, corrections={"symbol": "A/RES/79/924"}
    )
    assert declaration.symbol == "A/RES/79/924"


@pytest.mark.skipif(not CLEAN_AIR.exists(), reason=f"the corpus text is not present at {CLEAN_AIR}")
def test_a_real_resolution_keeps_its_symbol(cast):
    declaration = declaration_import(
        actor=cast.secretariat, text=CLEAN_AIR.read_text(encoding="utf-8")
    )
    assert declaration.symbol == "A/RES/74/212"
    assert declaration.meeting_printed["ordinal"] == 74
