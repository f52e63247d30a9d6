"""Joining and leaving a programme through the API: the same rules as the page's buttons."""

import datetime

import pytest
from django.urls import reverse

from intercity.programmes.models import Participant
from intercity.programmes.services import programme_join
from intercity.testing.factories import ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(cast):
    return ProgrammeFactory(name="Waste treatment", slug="waste-treatment", lead_city=cast.home)


def participants_url(programme) -> str:
    return reverse("api-v1:programme-participants", kwargs={"slug": programme.slug})


def test_an_expert_joins_and_is_answered_201_then_200(api_as, cast, programme):
    client = api_as("expert")

    first = client.post(participants_url(programme))
    again = client.post(participants_url(programme))

    assert first.status_code == 201
    assert first.json()["person"] == "expert"
    assert first.json()["city"]["slug"] == cast.home.slug
    assert again.status_code == 200
    assert Participant.objects.filter(programme=programme, person=cast.expert).count() == 1


def test_joining_and_leaving_are_told_in_the_programmes_history(api_as, programme):
    client = api_as("expert")
    client.post(participants_url(programme))
    client.delete(participants_url(programme))

    latest = programme.history.order_by("-history_date", "-history_id")

    assert [row.history_user.username for row in latest[:2]] == ["expert", "expert"]
    assert [row.history_change_reason for row in latest[:2]] == [
        "programmes.programme.left",
        "programmes.programme.joined",
    ]


def test_a_person_who_may_not_join_is_refused_403_and_nothing_is_written(api_as, cast, programme):
    refused = api_as("reader").post(participants_url(programme))

    assert refused.status_code == 403
    assert set(refused.json()) == {"detail"}
    assert api_as("organisation_rep").post(participants_url(programme)).status_code == 403
    assert api_as("anonymous").post(participants_url(programme)).status_code == 401
    assert not Participant.objects.exists()


def test_an_ended_programme_takes_no_one_new(api_as, programme):
    programme.end_date = datetime.date(2001, 1, 1)
    programme.start_date = datetime.date(2000, 1, 1)
    programme.save()

    assert api_as("expert").post(participants_url(programme)).status_code == 403
    assert not Participant.objects.exists()


def test_a_participant_leaves_with_204(api_as, cast, programme):
    programme_join(actor=cast.expert, programme=programme)
    client = api_as("expert")

    response = client.delete(participants_url(programme))

    assert response.status_code == 204
    assert not Participant.objects.exists()
    # Leaving what one does not take part in changes nothing and says so the same way.
    assert client.delete(participants_url(programme)).status_code == 204


def test_leaving_removes_only_ones_own_participation(api_as, cast, programme):
    programme_join(actor=cast.expert, programme=programme)

    assert api_as("focal_point").delete(participants_url(programme)).status_code == 204

    assert list(Participant.objects.values_list("person__username", flat=True)) == ["expert"]


def test_the_network_sees_who_takes_part_with_city_and_date(api_as, cast, programme):
    programme_join(actor=cast.expert, programme=programme)
    visitor = UserFactory(role="expert", city=cast.other, first_name="Aiko", last_name="Sato")
    programme_join(actor=visitor, programme=programme)

    body = api_as("other_focal_point").get(participants_url(programme)).json()

    assert body["count"] == 2
    first, second = body["results"]
    assert (first["person"], first["city"]["slug"]) == ("expert", cast.home.slug)
    assert (second["name"], second["city"]["slug"]) == ("Aiko Sato", cast.other.slug)
    joined = Participant.objects.get(person=visitor).created_at
    assert datetime.datetime.fromisoformat(second["joined_at"]) == joined


def test_people_outside_the_network_do_not_see_names(api_as, cast, programme):
    programme_join(actor=cast.expert, programme=programme)

    assert api_as("reader").get(participants_url(programme)).status_code == 403
    assert api_as("anonymous").get(participants_url(programme)).status_code == 401


def test_an_unknown_programme_is_404(api_as):
    url = reverse("api-v1:programme-participants", kwargs={"slug": "no-such-programme"})

    assert api_as("expert").post(url).status_code == 404
    assert api_as("expert").get(url).status_code == 404
    assert api_as("expert").delete(url).status_code == 404
