"""The agreement form shows a party's focal point who the parties are, as fixed: adding or
removing a party is the secretariat's, and the rest of the agreement stays editable."""

import re

import pytest
from django.urls import reverse

from intercity.testing.factories import AgreementFactory, CityFactory

pytestmark = pytest.mark.django_db


def _parties_tag(page: str) -> str:
    """The parties' checkboxes: one a city, ticked without holding a key down."""
    boxes = re.findall(r'<input[^>]*\bname="parties"[^>]*>', page)
    assert boxes and all('type="checkbox"' in box for box in boxes)
    return "".join(boxes)


@pytest.fixture
def agreement(cast):
    return AgreementFactory(title="River accord", parties=[cast.home, cast.other])


def test_a_party_sees_the_parties_as_fixed(cast, client_for, agreement):
    page = client_for(cast.focal_point).get(reverse("agreements:edit", args=[agreement.slug]))
    assert page.status_code == 200
    assert "disabled" in _parties_tag(page.text)
    assert "Only the secretariat can add or remove a party." in page.text


def test_the_secretariat_may_change_the_parties(cast, client_for, agreement):
    page = client_for(cast.secretariat).get(reverse("agreements:edit", args=[agreement.slug]))
    assert "disabled" not in _parties_tag(page.text)


def test_a_new_agreement_lets_a_focal_point_choose_the_parties(cast, client_for):
    page = client_for(cast.focal_point).get(reverse("agreements:create"))
    assert "disabled" not in _parties_tag(page.text)


def test_a_party_saves_the_agreement_and_the_parties_stay(cast, client_for, agreement):
    third = CityFactory(name="Third City")
    answer = client_for(cast.focal_point).post(
        reverse("agreements:edit", args=[agreement.slug]),
        {"title": "River and canal accord", "status": "signed", "signed_on": "2029-03-01",
         "parties": [cast.home.pk, third.pk]},
    )  # fmt: skip
    assert answer.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title == "River and canal accord"
    assert {role.city for role in agreement.party_roles.all()} == {cast.home, cast.other}


def test_a_party_saves_without_sending_the_parties(cast, client_for, agreement):
    answer = client_for(cast.focal_point).post(
        reverse("agreements:edit", args=[agreement.slug]),
        {"title": "Renamed accord", "status": "signed", "signed_on": "2029-03-01"},
    )
    assert answer.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title == "Renamed accord"
    assert agreement.party_roles.count() == 2


def test_a_new_agreement_starts_with_the_focal_points_city_as_a_party(cast, client_for):
    page = client_for(cast.focal_point).get(reverse("agreements:create")).text
    chosen = re.findall(r'value="(\d+)"[^>]*checked', _parties_tag(page))
    assert chosen == [str(cast.home.pk)]
    blank = client_for(cast.secretariat).get(reverse("agreements:create")).text
    assert "checked" not in _parties_tag(blank)


def test_a_new_agreement_names_a_wrong_party_and_a_term_out_of_order_together(cast, client_for):
    from intercity.agreements.models import Agreement

    page = client_for(cast.focal_point).post(
        reverse("agreements:create"),
        {"title": "Canal accord", "status": "draft", "term_start": "2030-01-01",
         "term_end": "2029-01-01", "parties": [cast.other.pk, CityFactory().pk]},
    )  # fmt: skip
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert set(errors) == {"parties", "term_end"}
    assert errors["parties"] == ["Your city must be one of the parties."]
    assert not Agreement.objects.filter(title="Canal accord").exists()
