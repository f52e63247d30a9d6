"""Experts and focal points join and leave programmes; others cannot."""

import pytest
from django.urls import reverse

from intercity.programmes.models import Participant, Programme
from intercity.testing.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return ProgrammeFactory(name="Waste treatment", slug="waste-treatment")


def join_url(programme):
    return reverse("programmes:join", args=[programme.slug])


def leave_url(programme):
    return reverse("programmes:leave", args=[programme.slug])


def test_an_expert_is_offered_to_join_and_joins(client_for, cast, programme):
    client = client_for(cast.expert)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert f'action="{join_url(programme)}"' in page

    response = client.post(join_url(programme), follow=True)

    assert response.status_code == 200
    assert Participant.objects.filter(programme=programme, person=cast.expert).exists()
    page = response.content.decode()
    assert f'action="{leave_url(programme)}"' in page
    assert cast.expert.get_full_name() in page
    assert "joined the programme" in page


def test_joining_twice_keeps_one_participation(client_for, cast, programme):
    client = client_for(cast.expert)
    client.post(join_url(programme))
    client.post(join_url(programme))
    assert Participant.objects.filter(programme=programme, person=cast.expert).count() == 1


def test_an_expert_leaves_a_programme(client_for, cast, programme):
    client = client_for(cast.expert)
    client.post(join_url(programme))

    response = client.post(leave_url(programme))

    assert response.status_code == 302
    assert not Participant.objects.filter(programme=programme).exists()


def test_a_focal_point_joins_too(client_for, cast, programme):
    assert client_for(cast.focal_point).post(join_url(programme)).status_code == 302
    assert Participant.objects.filter(person=cast.focal_point).exists()


def test_people_outside_a_city_cannot_join(client_for, cast, programme):
    for user in (cast.reader, cast.organisation_rep):
        client = client_for(user)
        assert (
            f'action="{join_url(programme)}"'
            not in client.get(programme.get_absolute_url()).content.decode()
        )
        assert client.post(join_url(programme)).status_code == 404
    assert not Participant.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client_for, programme):
    response = client_for(None).post(join_url(programme))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Participant.objects.exists()


def test_nobody_joins_a_closed_programme(client_for, cast, programme):
    Programme.objects.filter(pk=programme.pk).update(status=Programme.Status.CLOSED)
    client = client_for(cast.expert)
    assert (
        f'action="{join_url(programme)}"'
        not in client.get(programme.get_absolute_url()).content.decode()
    )
    assert client.post(join_url(programme)).status_code == 404
    assert not Participant.objects.exists()


def test_joining_rejects_get(client_for, cast, programme):
    assert client_for(cast.expert).get(join_url(programme)).status_code == 405


def test_the_public_sees_how_many_take_part_but_not_who(client_for, cast, programme):
    client_for(cast.expert).post(join_url(programme))
    page = client_for(None).get(programme.get_absolute_url()).content.decode()
    assert cast.expert.get_full_name() not in page
    assert "1 person takes part" in page


def test_the_admin_lists_a_programmes_participants(client, cast, programme):
    from intercity.programmes.services import programme_join
    from intercity.testing.factories import UserFactory

    programme_join(actor=cast.expert, programme=programme)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    page = client.get(reverse("admin:programmes_programme_change", args=[programme.pk]))

    assert page.status_code == 200
    assert "participants-0-person" in page.content.decode()
