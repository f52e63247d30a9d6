"""Bad input is refused the same way by pages, services and the API."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from intercity.core.hygiene import (
    DateBounds,
    break_long_words,
    check_date,
    check_payload,
    check_text,
    has_visible_text,
)
from intercity.meetings.models import Meeting
from intercity.meetings.services import meeting_create

ZERO_WIDTH_TITLE = "\u200b\u200c\u200d\u2060\ufeff"
RLO_TITLE = "Invoice \u202egpj.exe"
TODAY = datetime.date(2026, 12, 3)


def test_text_made_only_of_zero_width_characters_is_refused():
    with pytest.raises(ValidationError) as error:
        check_text(ZERO_WIDTH_TITLE)
    assert error.value.code == "invisible"


def test_a_right_to_left_override_is_refused():
    with pytest.raises(ValidationError) as error:
        check_text(RLO_TITLE)
    assert error.value.code == "bidi_control"


@pytest.mark.parametrize("mark", ["\u200e", "\u200f"])
def test_plain_direction_marks_used_in_right_to_left_writing_stay_allowed(mark):
    check_text(f"مدينة{mark} 2026")


@pytest.mark.parametrize("text", ["Hà Nội", "東京", "서울", "Томск", "ग", "a", "1", "—"])
def test_ordinary_titles_in_the_network_languages_pass(text):
    check_text(text)


def test_a_meeting_in_year_99999_or_9999_is_out_of_bounds():
    bounds = DateBounds(1990, 10)
    with pytest.raises(ValidationError):
        check_date(99999, bounds=bounds, today=TODAY)
    with pytest.raises(ValidationError):
        check_date(datetime.date(9999, 1, 1), bounds=bounds, today=TODAY)
    check_date(datetime.date(2036, 12, 31), bounds=bounds, today=TODAY)


def test_a_date_bound_of_no_years_ahead_refuses_the_future_but_passes_today():
    bounds = DateBounds(1990, 0)
    check_date(TODAY, bounds=bounds, today=TODAY)
    with pytest.raises(ValidationError):
        check_date(TODAY + datetime.timedelta(days=2), bounds=bounds, today=TODAY)


@given(st.text(alphabet=st.sampled_from("\u200b\u200c\u200d\u2060\ufeff \t\u00ad"), min_size=1))
def test_no_mix_of_invisible_characters_counts_as_visible(text):
    assert not has_visible_text(text)


def test_long_unbroken_runs_get_break_points_and_short_words_do_not():
    run = "x" * 2_000_000
    broken = break_long_words(f"short words {run}")
    assert broken.startswith("short words ")
    assert max(len(part) for part in broken.split("\u200b")) <= 20 + len("short words ")
    assert break_long_words("Hanoi and Tokyo") == "Hanoi and Tokyo"


def test_the_breakable_filter_escapes_and_drops_overrides():
    rendered = Template("{% load hygiene %}{{ value|breakable }}").render(
        Context({"value": "<b>" + "y" * 50 + "\u202e"})
    )
    assert rendered.startswith("&lt;b&gt;")
    assert "\u200b" in rendered and "\u202e" not in rendered


# Through the real pages, services and API ----------------------------------------------


def meeting_post(cast, **overrides):
    return {
        "title": "Water expert meeting",
        "kind": "expert",
        "host_city": cast.home.pk,
        "year": 2027,
        "start_date": "2027-05-06",
        "time_zone": "UTC",
        "status": "planned",
        "is_public": "on",
        **overrides,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("year", "99999"),
        ("year", "9999"),
        ("title", ZERO_WIDTH_TITLE),
        ("title", RLO_TITLE),
    ],
)
def test_the_meeting_page_refuses_bad_input_with_a_field_error(cast, client_for, field, value):
    data = meeting_post(cast, **{field: value})
    if field == "year":
        data["start_date"] = ""
    response = client_for(cast.secretariat).post(reverse("meetings:create"), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_the_meeting_page_refuses_a_start_date_in_year_9999(cast, client_for):
    data = meeting_post(cast, year="9999", start_date="9999-01-01")
    response = client_for(cast.secretariat).post(reverse("meetings:create"), data)
    assert response.status_code == 400
    assert "start_date" in response.context["form"].errors
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_a_service_refuses_bad_input_whoever_calls_it(cast):
    with pytest.raises(ValidationError) as error:
        meeting_create(
            actor=cast.secretariat,
            data={"slug": "x", "title": RLO_TITLE, "kind": "expert", "year": 2027},
        )
    assert "title" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [
        {"start_date": "9999-10-01", "end_date": "9999-10-02"},
        {"title": ZERO_WIDTH_TITLE},
        {"title": RLO_TITLE},
    ],
)
def test_the_api_refuses_bad_input_with_a_400_naming_the_field(cast, overrides):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=cast.secretariat)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    body = {
        "slug": "water-2027",
        "title": "Water expert meeting",
        "kind": "expert",
        "host_city": cast.home.slug,
        "start_date": "2027-10-01",
        "end_date": "2027-10-02",
        "time_zone": "UTC",
        **overrides,
    }
    response = client.post(reverse("api-v1:meeting-list"), body, format="json")
    assert response.status_code == 400
    assert set(response.json()) & set(overrides)
    assert not Meeting.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"signatories": [{"name": "\u200b\u200b"}]}, "signatories"),
        ({"signatories": [{"name": "Governor \u202eX"}]}, "signatories"),
        ({"title": ZERO_WIDTH_TITLE}, "title"),
        ({"signed_on": "9999-01-01"}, "signed_on"),
    ],
)
def test_the_api_checks_nested_values_too(cast, body, field):
    from intercity.agreements.models import Agreement
    from intercity.testing.factories import AgreementFactory

    agreement = AgreementFactory(parties=[cast.home, cast.other], title="Hanoi–Tokyo")
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=cast.secretariat)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    url = reverse("api-v1:agreement-detail", kwargs={"slug": agreement.slug})

    response = client.patch(url, body, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert Agreement.objects.get(pk=agreement.pk).title == "Hanoi–Tokyo"
    assert not agreement.signatories.exists()


def test_a_payload_check_names_each_bad_key_and_passes_good_ones():
    errors = check_payload(
        {"title": "Hanoi", "note": "\u202e", "when": datetime.date(9999, 1, 1), "n": 3}
    )
    assert set(errors) == {"note", "when"}
