"""A programme's name reads in the reader's language where the programme has its own
translation, and as written otherwise; the translations are edited, checked and audited."""

import pytest
from django.urls import reverse

from intercity.core.audit import audit_trail
from intercity.searchindex.engine import search
from intercity.testing.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

JAPANESE = "感染症対策共同プロジェクト"


@pytest.fixture
def programme(cast):
    return ProgrammeFactory(
        lead_city=cast.home, name="Infectious disease control", titles={"ja": JAPANESE}
    )


def _form_data(cast, **overrides) -> dict:
    data = {"name": "Infectious disease control", "kind": "joint_project", "status": "active"}
    return data | {"lead_city": cast.home.pk} | overrides


def test_a_japanese_reader_sees_the_japanese_name_and_an_english_one_the_original(
    client, programme
):
    for url in (reverse("programmes:list"), programme.get_absolute_url()):
        japanese = client.get(url, HTTP_ACCEPT_LANGUAGE="ja").text
        assert JAPANESE in japanese and "Infectious disease control" not in japanese
        english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").text
        assert "Infectious disease control" in english and JAPANESE not in english


def test_the_edit_form_saves_the_names_and_audits_them(cast, client_for, programme):
    answer = client_for(cast.secretariat).post(
        reverse("programmes:edit", args=[programme.slug]),
        _form_data(cast, titles=f"ja: {JAPANESE}\nko: 감염병 공동 대응"),
    )
    assert answer.status_code == 302
    programme.refresh_from_db()
    assert programme.titles == {"ja": JAPANESE, "ko": "감염병 공동 대응"}
    changes = [change.text for change in audit_trail(programme, viewer=None)[0].changes]
    assert changes == [
        f"titles in other languages changed from “ja: {JAPANESE}” "
        f"to “ja: {JAPANESE}; ko: 감염병 공동 대응”"
    ]


def test_a_name_in_a_language_not_on_the_platform_is_a_field_error(cast, client_for, programme):
    answer = client_for(cast.secretariat).post(
        reverse("programmes:edit", args=[programme.slug]), _form_data(cast, titles="xx: Nope")
    )
    assert answer.status_code == 400
    assert answer.context["form"].errors["titles"] == ["Not a language of the platform: xx."]
    programme.refresh_from_db()
    assert programme.titles == {"ja": JAPANESE}


def test_search_finds_a_programme_by_its_name_in_another_language(programme):
    results = search(user=None, query=JAPANESE, semantic=False, reader_language="ja")
    assert [hit.document.url for hit in results.hits] == [programme.get_absolute_url()]
