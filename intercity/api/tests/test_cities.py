import pytest
from django.urls import reverse

from intercity.cities.models import City
from intercity.testing.factories import CityFactory

LIST = reverse("api-v1:city-list")


def detail(city) -> str:
    return reverse("api-v1:city-detail", kwargs={"slug": city.slug})


def new_city(**overrides) -> dict:
    return {
        "slug": "tomsk",
        "name": "Tomsk",
        "country": "Russia",
        "country_code": "RU",
        "latitude": 56.5,
        "longitude": 84.97,
        "population": 570_000,
        "time_zone": "Asia/Tomsk",
        "languages": ["ru"],
        "membership_status": "member",
        "joined_on": "2001-10-01",
        "source_document": "Hanoi Declaration",
        **overrides,
    }


def test_anyone_can_list_cities_with_their_facts(api_as, cast):
    response = api_as("anonymous").get(LIST)

    assert response.status_code == 200
    home = next(row for row in response.json()["results"] if row["slug"] == cast.home.slug)
    assert home["country"] == "Vietnam"
    assert home["country_code"] == "VN"
    assert home["time_zone"] == "Asia/Ho_Chi_Minh"
    for field in ["latitude", "longitude", "population", "languages", "membership_status"]:
        assert field in home
    assert {"joined_on", "left_on", "source_document", "source_locator"} <= home.keys()


def test_the_list_filters_by_search_membership_and_country(api_as, cast):
    CityFactory(name="Old Town", membership_status=City.Membership.FORMER, left_on=None)
    client = api_as("anonymous")

    by_search = client.get(LIST, {"q": "home"}).json()["results"]
    by_membership = client.get(LIST, {"membership": "former"}).json()["results"]
    by_country = client.get(LIST, {"country": "jp"}).json()["results"]

    assert [row["slug"] for row in by_search] == [cast.home.slug]
    assert [row["slug"] for row in by_membership] == ["old-town"]
    assert [row["slug"] for row in by_country] == [cast.other.slug]


def test_a_bad_filter_value_is_a_400_not_a_500(api_as, cast):
    response = api_as("anonymous").get(LIST, {"membership": "royalty"})

    assert response.status_code == 400
    assert "membership" in response.json()


def test_anyone_can_read_a_city_by_slug(api_as, cast):
    response = api_as("anonymous").get(detail(cast.home))

    assert response.status_code == 200
    assert response.json()["name"] == "Home City"


def test_an_unknown_slug_is_404(api_as, cast):
    assert api_as("anonymous").get("/api/v1/cities/atlantis/").status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretariat", 201),
        ("focal_point", 403),
        ("other_focal_point", 403),
        ("expert", 403),
        ("organisation_rep", 403),
        ("reader", 403),
        ("anonymous", 401),
    ],
)
def test_only_the_secretariat_creates_cities(api_as, role, expected):
    response = api_as(role).post(LIST, new_city(), format="json")

    assert response.status_code == expected
    assert City.objects.filter(slug="tomsk").exists() == (expected == 201)


def test_a_created_city_is_returned_as_read(api_as, cast):
    response = api_as("secretariat").post(LIST, new_city(), format="json")

    assert response.json()["country"] == "Russia"
    assert City.objects.get(slug="tomsk").country_name == "Russia"


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
def test_the_secretariat_and_the_citys_focal_point_edit_it(api_as, cast, role, expected):
    response = api_as(role).patch(
        detail(cast.home), {"description": "A harbour city."}, format="json"
    )

    assert response.status_code == expected
    cast.home.refresh_from_db()
    assert (cast.home.description == "A harbour city.") == (expected == 200)


def test_a_focal_point_may_not_change_membership(api_as, cast):
    response = api_as("focal_point").patch(
        detail(cast.home), {"membership_status": "former"}, format="json"
    )

    assert response.status_code == 400
    assert "membership_status" in response.json()
    cast.home.refresh_from_db()
    assert cast.home.membership_status == "member"


def test_a_focal_point_may_resend_the_whole_record_with_a_new_description(api_as, cast):
    record = api_as("focal_point").get(detail(cast.home)).json()
    record["description"] = "Rewritten."

    response = api_as("focal_point").put(detail(cast.home), record, format="json")

    assert response.status_code == 200
    cast.home.refresh_from_db()
    assert cast.home.description == "Rewritten."


def test_the_country_error_uses_the_api_field_name(api_as, cast):
    response = api_as("focal_point").patch(detail(cast.home), {"country": "X"}, format="json")

    assert response.status_code == 400
    assert "country" in response.json()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"membership_status": "royalty"}, "membership_status"),
        (
            {"joined_on": "2010-01-01", "left_on": "2005-01-01", "membership_status": "former"},
            "left_on",
        ),
        ({"latitude": 123.0}, "latitude"),
        ({"joined_on": "not a date"}, "joined_on"),
    ],
)
def test_bad_input_gives_a_field_error(api_as, cast, payload, field):
    response = api_as("secretariat").post(LIST, new_city(**payload), format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not City.objects.filter(slug="tomsk").exists()


def test_a_taken_slug_is_a_field_error(api_as, cast):
    response = api_as("secretariat").post(LIST, new_city(slug=cast.home.slug), format="json")

    assert response.status_code == 400
    assert "slug" in response.json()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("focal_point", 403),
        ("other_focal_point", 404),
        ("expert", 404),
        ("organisation_rep", 404),
        ("reader", 404),
        ("anonymous", 401),
    ],
)
def test_only_the_secretariat_deletes_cities(api_as, cast, role, expected):
    response = api_as(role).delete(detail(cast.home))

    assert response.status_code == expected
    assert City.objects.filter(pk=cast.home.pk).exists()


def test_the_secretariat_deletes_a_city_nothing_refers_to(api_as, cast):
    city = CityFactory(name="Lonely")

    response = api_as("secretariat").delete(detail(city))

    assert response.status_code == 204
    assert not City.objects.filter(pk=city.pk).exists()


def test_a_city_other_records_refer_to_cannot_be_deleted(api_as, cast):
    response = api_as("secretariat").delete(detail(cast.home))

    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert City.objects.filter(pk=cast.home.pk).exists()


def test_listing_many_cities_takes_a_fixed_number_of_queries(
    api_as, cast, django_assert_max_num_queries
):
    CityFactory.create_batch(40)
    client = api_as("reader")

    with django_assert_max_num_queries(4):
        response = client.get(LIST)

    assert response.json()["count"] == 42
