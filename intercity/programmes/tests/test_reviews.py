"""A programme is reviewed at a plenary: the secretariat records the plenary's decision."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from intercity.programmes.models import Review
from intercity.programmes.services import review_record
from intercity.testing.factories import MeetingFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(cast):
    return ProgrammeFactory(lead_city=cast.home, name="Crisis management")


@pytest.fixture
def plenary():
    return MeetingFactory(kind="plenary", ordinal=12, title="12th Plenary", slug="12th-plenary")


@pytest.fixture
def seminar():
    return MeetingFactory(kind="seminar", title="Energy seminar", slug="energy-seminar")


def _url(programme) -> str:
    return reverse("programmes:review-create", args=[programme.slug])


def test_the_secretariat_records_a_review_at_a_plenary(client_for, cast, programme, plenary):
    response = client_for(cast.secretariat).post(
        _url(programme), {"meeting": plenary.pk, "decision": "continue"}
    )

    assert response.status_code == 302
    assert programme.reviews.get().meeting == plenary


def test_the_form_offers_only_plenaries(client_for, cast, programme, plenary, seminar):
    form = client_for(cast.secretariat).get(_url(programme)).context["form"]

    assert list(form.fields["meeting"].queryset) == [plenary]


def test_a_review_at_another_kind_of_meeting_is_refused_beside_the_meeting(
    client_for, cast, programme, plenary, seminar
):
    response = client_for(cast.secretariat).post(
        _url(programme), {"meeting": seminar.pk, "decision": "close"}
    )

    assert response.status_code == 400
    assert "meeting" in response.context["form"].errors
    assert not Review.objects.exists()
    programme.refresh_from_db()
    assert programme.status == "active"


def test_the_service_refuses_a_review_at_another_kind_of_meeting(cast, programme, seminar):
    with pytest.raises(ValidationError) as refused:
        review_record(
            actor=cast.secretariat, programme=programme, meeting=seminar, decision="modify"
        )

    assert "plenary" in " ".join(refused.value.message_dict["meeting"])
    assert not Review.objects.exists()


@pytest.mark.parametrize("who", ["focal_point", "other_focal_point"])
def test_focal_points_record_no_review(client_for, cast, programme, plenary, who):
    response = client_for(getattr(cast, who)).post(
        _url(programme), {"meeting": plenary.pk, "decision": "close"}
    )

    assert response.status_code == 404
    assert not Review.objects.exists()


def _api(programme) -> str:
    return reverse("api-v1:programme-reviews", kwargs={"slug": programme.slug})


def test_the_secretariat_records_a_review_at_a_plenary_through_the_api(
    client_for, cast, programme, plenary
):
    response = client_for(cast.secretariat).post(
        _api(programme),
        {"meeting": plenary.slug, "decision": "close", "notes": "Achieved its aims."},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["reviews"][0]["meeting"]["slug"] == plenary.slug
    assert response.json()["status"] == "closed"


def test_the_api_refuses_a_review_at_another_kind_of_meeting_on_the_meeting_field(
    client_for, cast, programme, seminar
):
    response = client_for(cast.secretariat).post(
        _api(programme),
        {"meeting": seminar.slug, "decision": "close"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "plenary" in " ".join(response.json()["meeting"])
    assert not Review.objects.exists()
    programme.refresh_from_db()
    assert programme.status == "active"


@pytest.mark.parametrize("who", ["focal_point", "other_focal_point"])
def test_focal_points_record_no_review_through_the_api(client_for, cast, programme, plenary, who):
    response = client_for(getattr(cast, who)).post(
        _api(programme),
        {"meeting": plenary.slug, "decision": "close"},
        content_type="application/json",
    )

    assert response.status_code == 404
    assert not Review.objects.exists()
