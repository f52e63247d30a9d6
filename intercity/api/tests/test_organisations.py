import pytest
from django.urls import reverse

from intercity.organisations.models import Organisation
from intercity.testing.factories import CityFactory, OrganisationFactory

LIST = reverse("api-v1:organisation-list")


def detail(organisation) -> str:
    return reverse("api-v1:organisation-detail", kwargs={"slug": organisation.slug})


@pytest.fixture
def organisation(cast):
    """The organisation the cast's representative speaks for, in the home city."""
    return cast.organisation_rep.organisation


def new_organisation(cast, **overrides) -> dict:
    return {
        "slug": "home-university",
        "name": "Home University",
        "kind": "university",
        "city": cast.home.slug,
        **overrides,
    }


def test_anyone_reads_organisations_with_their_city(api_as, cast, organisation):
    body = api_as("anonymous").get(detail(organisation)).json()

    assert body["city"]["slug"] == cast.home.slug
    assert body["kind"] == "enterprise"


def test_the_list_filters_by_kind_city_and_search(api_as, cast, organisation):
    OrganisationFactory(name="Other University", kind="university", city=cast.other)
    client = api_as("anonymous")

    def names(**params):
        return [row["name"] for row in client.get(LIST, params).json()["results"]]

    assert names(kind="university") == ["Other University"]
    assert names(city=cast.home.slug) == [organisation.name]
    assert names(q="other univ") == ["Other University"]


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
def test_the_secretariat_and_the_citys_focal_point_register_organisations(
    api_as, cast, role, expected
):
    response = api_as(role).post(LIST, new_organisation(cast), format="json")

    assert response.status_code == expected
    assert Organisation.objects.filter(slug="home-university").exists() == (expected == 201)
    if expected == 400:
        assert "city" in response.json()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"city": "atlantis"}, "city"),
        ({"kind": "guild"}, "kind"),
        ({"website": "not a url"}, "website"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_input_gives_a_field_error(api_as, cast, payload, field):
    response = api_as("secretariat").post(LIST, new_organisation(cast, **payload), format="json")

    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretariat", 200),
        ("focal_point", 200),
        ("other_focal_point", 404),
        ("expert", 404),
        ("organisation_rep", 200),
        ("reader", 404),
        ("anonymous", 401),
    ],
)
def test_the_secretariat_the_focal_point_and_the_representative_edit_a_profile(
    api_as, organisation, role, expected
):
    response = api_as(role).patch(detail(organisation), {"description": "Pumps."}, format="json")

    assert response.status_code == expected
    organisation.refresh_from_db()
    assert (organisation.description == "Pumps.") == (expected == 200)


def test_a_representative_cannot_move_the_organisation_to_another_city(api_as, cast, organisation):
    response = api_as("organisation_rep").patch(
        detail(organisation), {"city": cast.other.slug}, format="json"
    )

    assert response.status_code == 400
    organisation.refresh_from_db()
    assert organisation.city == cast.home


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
def test_only_the_secretariat_deletes_organisations(api_as, cast, role, expected):
    organisation = OrganisationFactory(city=cast.home)

    response = api_as(role).delete(detail(organisation))

    assert response.status_code == expected
    assert Organisation.objects.filter(pk=organisation.pk).exists() == (expected != 204)


def test_a_representative_may_not_delete_their_own_organisation(api_as, organisation):
    response = api_as("organisation_rep").delete(detail(organisation))

    assert response.status_code == 403
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_listing_many_organisations_takes_a_fixed_number_of_queries(
    api_as, cast, django_assert_max_num_queries
):
    for _ in range(30):
        OrganisationFactory(city=CityFactory())
    client = api_as("anonymous")

    with django_assert_max_num_queries(2):
        response = client.get(LIST)

    assert response.json()["count"] == 31
