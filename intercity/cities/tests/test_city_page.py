"""The city page: the city's own facts, then the sections other apps register for it."""

import pytest
from django.urls import reverse

from intercity.cities.models import City
from intercity.core import sections
from intercity.core.sections import Section
from intercity.testing.factories import (
    AgreementFactory,
    MeetingFactory,
    PledgeFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def test_it_shows_the_records_of_every_app_that_concerns_the_city(cast, client):
    MeetingFactory(host_city=cast.home, title="Riverside plenary")
    ProgrammeFactory(lead_city=cast.home, name="Clean water project")
    AgreementFactory(title="Riverside–Harbour accord", parties=[cast.home, cast.other])
    PledgeFactory(from_city=cast.other, to_city=cast.home, subject="flood pumps")
    page = client.get(reverse("cities:detail", args=[cast.home.slug])).content.decode()
    for text in [
        "Riverside plenary",
        "Clean water project",
        "Riverside–Harbour accord",
        "flood pumps",
        'id="commitments"',
        'id="knowledge"',
    ]:
        assert text in page


def test_a_registered_section_is_rendered_with_the_page_and_its_own_records(cast, client):
    def context(*, city, user):
        return {"programmes": [], "city": city}

    sections.register(
        Section(
            slot="city",
            name="probe",
            template="programmes/_city_programmes.html",
            context=context,
            order=1,
        )
    )
    try:
        page = client.get(reverse("cities:detail", args=[cast.home.slug])).content.decode()
    finally:
        sections.unregister("city", "probe")
    assert page.count('id="programmes"') == 2


def test_it_runs_a_bounded_number_of_queries(cast, client, django_assert_max_num_queries):
    for n in range(5):
        MeetingFactory(host_city=cast.home, title=f"Meeting {n}")
        ProgrammeFactory(lead_city=cast.home)
        AgreementFactory(parties=[cast.home, cast.other])
    url = reverse("cities:detail", args=[cast.home.slug])
    client.get(url)
    # The city's own reads plus each registered section's bounded ones (indicators: one,
    # solidarity: two).
    with django_assert_max_num_queries(17):
        client.get(url)


def test_it_refuses_a_post(cast, client):
    assert client.post(reverse("cities:detail", args=[cast.home.slug])).status_code == 405


def test_an_unknown_city_answers_404(client, db):
    assert not City.objects.filter(slug="atlantis").exists()
    assert client.get(reverse("cities:detail", args=["atlantis"])).status_code == 404
