"""Numbers beyond what an integer column holds match nothing instead of failing a request."""

import pytest
from django import forms
from django.urls import reverse

from intercity.agreements.models import Agreement
from intercity.cities.models import City

pytestmark = pytest.mark.django_db

TOO_LARGE = 99_999_999_999_999_999_999
TOO_SMALL = -TOO_LARGE


def test_in_ignores_numbers_no_column_can_hold(cast):
    some = cast.home.pk
    assert list(City.objects.filter(pk__in=[TOO_LARGE, some]).values_list("pk", flat=True)) == [
        some
    ]
    assert not City.objects.filter(pk__in=[TOO_LARGE, TOO_SMALL]).exists()
    assert City.objects.exclude(pk__in=[TOO_LARGE]).count() == City.objects.count()


def test_a_multiple_choice_given_a_huge_number_answers_with_a_field_error(cast):
    class Choose(forms.Form):
        cities = forms.ModelMultipleChoiceField(queryset=City.objects.all())

    form = Choose(data={"cities": [str(cast.home.pk), str(TOO_LARGE)]})
    assert not form.is_valid()
    assert str(TOO_LARGE) in form.errors["cities"][0]


def test_the_agreement_form_refuses_a_huge_party_number_without_failing(cast, client_for):
    before = Agreement.objects.count()
    answer = client_for(cast.secretariat).post(
        reverse("agreements:create"),
        {"title": "Water and air", "status": "draft", "parties": [str(TOO_LARGE)]},
    )
    assert answer.status_code == 400
    assert "is not one of the available choices" in answer.text
    assert Agreement.objects.count() == before


def test_a_foreign_key_compared_with_a_huge_number_matches_nothing(cast):
    from intercity.meetings.models import Meeting

    assert not Meeting.objects.filter(host_city=TOO_LARGE).exists()
    assert not Meeting.objects.filter(host_city_id__in=[TOO_LARGE]).exists()
    assert Meeting.objects.exclude(host_city=TOO_LARGE).count() == Meeting.objects.count()


@pytest.mark.parametrize("typed", ["99999999999999999999", "0", "²", "abc", "-5"])
def test_the_declarations_list_takes_any_year_typed_in_the_address(client, typed):
    answer = client.get(reverse("declarations:list"), {"year": typed})
    assert answer.status_code == 200


@pytest.mark.parametrize("typed", ["-1", "0", "10000", "99999999999999999999"])
def test_the_declarations_api_refuses_a_year_no_date_has_with_a_field_error(client, typed):
    answer = client.get("/api/v1/declarations/", {"year": typed})
    assert answer.status_code == 400
    assert "year" in answer.json()
