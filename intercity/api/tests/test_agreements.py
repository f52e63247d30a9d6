import pytest
from django.urls import reverse

from intercity.agreements.models import Agreement
from intercity.testing.factories import AgreementFactory, CityFactory, ThemeFactory

LIST = reverse("api-v1:agreement-list")


def detail(agreement) -> str:
    return reverse("api-v1:agreement-detail", kwargs={"slug": agreement.slug})


@pytest.fixture
def third(cast):
    return CityFactory(name="Third City")


@pytest.fixture
def agreement(cast, third):
    return AgreementFactory(title="Clean water", parties=[cast.home, third])


def new_agreement(cast, third, **overrides) -> dict:
    return {
        "slug": "hanoi-tokyo",
        "title": "Hanoi–Tokyo agreement",
        "status": "signed",
        "signed_on": "2013-11-19",
        "parties": [
            {"city": cast.home.slug, "role": "assisted"},
            {"city": third.slug, "role": "assisting"},
        ],
        "signatories": [{"name": "Mayor of Home", "position": "Mayor", "city": cast.home.slug}],
        **overrides,
    }


def test_an_agreement_shows_its_parties_themes_and_signatories(api_as, cast, agreement):
    agreement.themes.add(ThemeFactory(slug="water"))
    agreement.signatories.create(name="Mayor of Home", city=cast.home)

    body = api_as("anonymous").get(detail(agreement)).json()

    assert {(p["city"]["slug"], p["role"]) for p in body["parties"]} == {
        (cast.home.slug, "party"),
        ("third-city", "party"),
    }
    assert [t["slug"] for t in body["themes"]] == ["water"]
    assert body["signatories"][0]["city"]["slug"] == cast.home.slug


def test_the_list_filters_by_city_theme_status_and_search(api_as, cast, agreement):
    AgreementFactory(
        title="Draft on traffic",
        status="draft",
        signed_on=None,
        parties=[cast.other, CityFactory()],
    )
    agreement.themes.add(ThemeFactory(slug="water"))
    client = api_as("other_focal_point")  # a party to the draft, so it may read it

    def titles(**params):
        return [row["title"] for row in client.get(LIST, params).json()["results"]]

    assert titles(city=cast.home.slug) == ["Clean water"]
    assert titles(theme="water") == ["Clean water"]
    assert titles(status="draft") == ["Draft on traffic"]
    assert titles(q="traffic") == ["Draft on traffic"]


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
def test_the_secretariat_and_a_partys_focal_point_create_agreements(
    api_as, cast, third, role, expected
):
    response = api_as(role).post(LIST, new_agreement(cast, third), format="json")

    assert response.status_code == expected
    assert Agreement.objects.filter(slug="hanoi-tokyo").exists() == (expected == 201)
    if expected == 400:
        assert "parties" in response.json()


def test_a_created_agreement_has_its_parties_roles_and_signatories(api_as, cast, third):
    response = api_as("focal_point").post(LIST, new_agreement(cast, third), format="json")

    agreement = Agreement.objects.get(slug="hanoi-tokyo")
    assert dict(agreement.party_roles.values_list("city__slug", "role")) == {
        cast.home.slug: "assisted",
        third.slug: "assisting",
    }
    assert response.json()["signatories"][0]["name"] == "Mayor of Home"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"parties": [{"city": "home-city"}]}, "parties"),
        ({"parties": [{"city": "home-city"}, {"city": "home-city"}]}, "parties"),
        ({"parties": [{"city": "home-city"}, {"city": "atlantis"}]}, "parties"),
        ({"parties": None}, "parties"),
        ({"signed_on": None}, "signed_on"),
        ({"term_start": "2014-01-01", "term_end": "2013-01-01"}, "term_end"),
        ({"status": "rumoured"}, "status"),
        ({"signatories": [{"name": "X", "city": "atlantis"}]}, "signatories"),
    ],
)
def test_bad_input_gives_a_field_error(api_as, cast, third, payload, field):
    data = new_agreement(cast, third, **payload)
    if data["parties"] is None:
        del data["parties"]

    response = api_as("secretariat").post(LIST, data, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Agreement.objects.filter(slug="hanoi-tokyo").exists()


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
def test_the_secretariat_and_a_partys_focal_point_edit_an_agreement(
    api_as, agreement, role, expected
):
    response = api_as(role).patch(detail(agreement), {"description": "Smog."}, format="json")

    assert response.status_code == expected
    agreement.refresh_from_db()
    assert (agreement.description == "Smog.") == (expected == 200)


def test_an_edit_replaces_parties_and_adds_signatories(api_as, cast, third, agreement):
    response = api_as("secretariat").patch(
        detail(agreement),
        {
            "parties": [{"city": cast.home.slug}, {"city": cast.other.slug}],
            "signatories": [{"name": "Governor", "city": cast.other.slug}],
        },
        format="json",
    )

    assert response.status_code == 200
    assert set(agreement.party_roles.values_list("city__slug", flat=True)) == {
        cast.home.slug,
        cast.other.slug,
    }
    assert list(agreement.signatories.values_list("name", flat=True)) == ["Governor"]


def test_a_focal_point_cannot_drop_their_city_from_the_parties(api_as, cast, third, agreement):
    response = api_as("focal_point").patch(
        detail(agreement),
        {"parties": [{"city": third.slug}, {"city": cast.other.slug}]},
        format="json",
    )

    assert response.status_code == 400
    assert "parties" in response.json()
    assert cast.home.pk in set(agreement.party_roles.values_list("city", flat=True))


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
def test_only_the_secretariat_deletes_agreements(api_as, agreement, role, expected):
    response = api_as(role).delete(detail(agreement))

    assert response.status_code == expected
    assert Agreement.objects.filter(pk=agreement.pk).exists() == (expected != 204)


def test_listing_many_agreements_takes_a_fixed_number_of_queries(
    api_as, cast, django_assert_max_num_queries
):
    theme = ThemeFactory()
    for _ in range(30):
        AgreementFactory(parties=[cast.home, CityFactory()], signed_place=cast.home).themes.add(
            theme
        )
    client = api_as("anonymous")

    with django_assert_max_num_queries(4):
        response = client.get(LIST)

    assert response.json()["count"] == 30
    assert len(response.json()["results"][0]["parties"]) == 2


def test_an_edit_names_a_changed_party_role_and_a_term_out_of_order_together(
    api_as, cast, third, agreement
):
    response = api_as("focal_point").patch(
        detail(agreement),
        {
            "parties": [
                {"city": cast.home.slug, "role": "party"},
                {"city": third.slug, "role": "assisted"},
            ],
            "term_start": "2030-01-01",
            "term_end": "2029-01-01",
        },
        format="json",
    )

    assert response.status_code == 400
    assert set(response.json()) == {"parties", "term_end"}
    agreement.refresh_from_db()
    assert agreement.term_end is None
    assert set(agreement.party_roles.values_list("role", flat=True)) == {"party"}
