import pytest
from django.urls import reverse

from intercity.agreements.models import Pledge
from intercity.testing.factories import CityFactory, MeetingFactory, PledgeFactory, ThemeFactory

LIST = reverse("api-v1:pledge-list")


def detail(pledge) -> str:
    return reverse("api-v1:pledge-detail", kwargs={"pk": pledge.pk})


@pytest.fixture
def third(cast):
    return CityFactory(name="Third City")


@pytest.fixture
def pledge(cast, third):
    return PledgeFactory(from_city=cast.home, to_city=third, subject="IT systems")


def new_pledge(cast, third, **overrides) -> dict:
    return {
        "from_city": cast.home.slug,
        "to_city": third.slug,
        "subject": "Help after the typhoon",
        "pledged_on": "2013-11-19",
        **overrides,
    }


def test_anyone_reads_pledges_by_id(api_as, cast, pledge):
    body = api_as("anonymous").get(detail(pledge)).json()

    assert body["id"] == pledge.pk
    assert body["from_city"]["slug"] == cast.home.slug
    assert body["status"] == "pledged"


def test_a_pledge_made_at_a_non_public_meeting_hides_the_meeting(api_as, pledge):
    pledge.meeting = MeetingFactory(is_public=False)
    pledge.save()

    assert api_as("anonymous").get(detail(pledge)).json()["meeting"] is None
    assert api_as("secretariat").get(detail(pledge)).json()["meeting"] is not None


def test_a_pledge_id_that_is_not_a_number_is_404(api_as, cast):
    assert api_as("anonymous").get("/api/v1/pledges/abc/").status_code == 404


def test_the_list_filters_by_city(api_as, cast, pledge):
    PledgeFactory(subject="Elsewhere")

    body = api_as("anonymous").get(LIST, {"city": cast.home.slug}).json()

    assert [row["subject"] for row in body["results"]] == ["IT systems"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretariat", 201),
        ("focal_point", 201),
        ("other_focal_point", 400),
        ("expert", 403),
        ("organisation_rep", 403),
        ("reader", 403),
        ("anonymous", 401),
    ],
)
def test_the_secretariat_and_a_focal_point_of_either_city_create_pledges(
    api_as, cast, third, role, expected
):
    ThemeFactory(slug="disasters")

    response = api_as(role).post(LIST, new_pledge(cast, third, themes=["disasters"]), format="json")

    assert response.status_code == expected
    created = Pledge.objects.filter(subject="Help after the typhoon")
    assert created.exists() == (expected == 201)
    if expected == 201:
        assert list(created.get().themes.values_list("slug", flat=True)) == ["disasters"]
    if expected == 400:
        assert "from_city" in response.json()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"to_city": "home-city"}, "to_city"),
        ({"to_city": "atlantis"}, "to_city"),
        ({"status": "forgotten"}, "status"),
        ({"meeting": "no-such-meeting"}, "meeting"),
    ],
)
def test_bad_input_gives_a_field_error(api_as, cast, third, payload, field):
    response = api_as("secretariat").post(LIST, new_pledge(cast, third, **payload), format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Pledge.objects.filter(subject="Help after the typhoon").exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretariat", 200),
        ("focal_point", 200),
        ("other_focal_point", 404),
        ("expert", 404),
        ("organisation_rep", 404),
        ("reader", 404),
        ("anonymous", 401),
    ],
)
def test_the_secretariat_and_a_focal_point_of_either_city_edit_a_pledge(
    api_as, pledge, role, expected
):
    response = api_as(role).patch(detail(pledge), {"subject": "IT and training"}, format="json")

    assert response.status_code == expected
    pledge.refresh_from_db()
    assert (pledge.subject == "IT and training") == (expected == 200)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretariat", 204),
        ("focal_point", 403),
        ("other_focal_point", 404),
        ("expert", 404),
        ("organisation_rep", 404),
        ("reader", 404),
        ("anonymous", 401),
    ],
)
def test_only_the_secretariat_deletes_pledges(api_as, pledge, role, expected):
    response = api_as(role).delete(detail(pledge))

    assert response.status_code == expected
    assert Pledge.objects.filter(pk=pledge.pk).exists() == (expected != 204)


def test_listing_many_pledges_takes_a_fixed_number_of_queries(
    api_as, cast, django_assert_max_num_queries
):
    theme = ThemeFactory()
    meeting = MeetingFactory()
    for _ in range(30):
        PledgeFactory(from_city=cast.home, meeting=meeting).themes.add(theme)
    client = api_as("anonymous")

    with django_assert_max_num_queries(3):
        response = client.get(LIST)

    assert response.json()["count"] == 30


def test_a_pledge_names_cities_not_its_own_and_help_to_itself_together(api_as, cast, third):
    response = api_as("focal_point").post(
        LIST, new_pledge(cast, third, from_city=third.slug, to_city=third.slug), format="json"
    )

    assert response.status_code == 400
    assert set(response.json()) == {"from_city", "to_city"}
    assert not Pledge.objects.exists()
