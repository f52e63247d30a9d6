import pytest
from django.urls import reverse

from intercity.core.models import NewsItem
from intercity.testing.factories import MeetingFactory, NewsItemFactory, ThemeFactory

NEWS = reverse("api-v1:news-list")
THEMES = reverse("api-v1:theme-list")


def detail(item) -> str:
    return reverse("api-v1:news-detail", kwargs={"slug": item.slug})


@pytest.fixture
def item(cast):
    news = NewsItemFactory(title="Sympathy for Manila", kind="solidarity")
    news.cities.add(cast.other)
    return news


def new_item(cast, **overrides) -> dict:
    return {
        "slug": "plenary-opens",
        "title": "The plenary opens",
        "published_on": "2013-11-18",
        "cities": [cast.home.slug],
        **overrides,
    }


def test_anyone_reads_news_with_its_cities(api_as, cast, item):
    body = api_as("anonymous").get(detail(item)).json()

    assert body["kind"] == "solidarity"
    assert [c["slug"] for c in body["cities"]] == [cast.other.slug]


def test_news_about_a_non_public_meeting_does_not_name_it_to_the_public(api_as, item):
    item.meeting = MeetingFactory(is_public=False)
    item.save()

    assert api_as("anonymous").get(detail(item)).json()["meeting"] is None


def test_the_news_list_filters_by_kind_and_city(api_as, cast, item):
    NewsItemFactory(title="Network news")
    client = api_as("anonymous")

    by_kind = client.get(NEWS, {"kind": "solidarity"}).json()["results"]
    by_city = client.get(NEWS, {"city": cast.other.slug}).json()["results"]

    assert [row["title"] for row in by_kind] == ["Sympathy for Manila"]
    assert [row["title"] for row in by_city] == ["Sympathy for Manila"]


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
def test_only_the_secretariat_publishes_news(api_as, cast, role, expected):
    response = api_as(role).post(NEWS, new_item(cast), format="json")

    assert response.status_code == expected
    assert NewsItem.objects.filter(slug="plenary-opens").exists() == (expected == 201)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"cities": ["atlantis"]}, "cities"),
        ({"kind": "gossip"}, "kind"),
        ({"published_on": None}, "published_on"),
    ],
)
def test_bad_input_gives_a_field_error(api_as, cast, payload, field):
    response = api_as("secretariat").post(NEWS, new_item(cast, **payload), format="json")

    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretariat", 200),
        ("focal_point", 404),
        ("other_focal_point", 404),
        ("expert", 404),
        ("organisation_rep", 404),
        ("reader", 404),
        ("anonymous", 401),
    ],
)
def test_only_the_secretariat_edits_news(api_as, item, role, expected):
    response = api_as(role).patch(detail(item), {"summary": "Typhoon Haiyan."}, format="json")

    assert response.status_code == expected
    item.refresh_from_db()
    assert (item.summary == "Typhoon Haiyan.") == (expected == 200)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("secretariat", 204),
        ("focal_point", 404),
        ("reader", 404),
        ("anonymous", 401),
    ],
)
def test_only_the_secretariat_deletes_news(api_as, item, role, expected):
    response = api_as(role).delete(detail(item))

    assert response.status_code == expected
    assert NewsItem.objects.filter(pk=item.pk).exists() == (expected != 204)


def test_listing_much_news_takes_a_fixed_number_of_queries(
    api_as, cast, django_assert_max_num_queries
):
    for _ in range(30):
        NewsItemFactory(meeting=MeetingFactory()).cities.add(cast.home, cast.other)
    client = api_as("anonymous")

    with django_assert_max_num_queries(3):
        response = client.get(NEWS)

    assert response.json()["count"] == 30


def test_anyone_reads_the_themes(api_as, cast):
    ThemeFactory(slug="energy", name="Energy")
    client = api_as("anonymous")

    listed = client.get(THEMES).json()["results"]
    one = client.get(reverse("api-v1:theme-detail", kwargs={"slug": "energy"}))

    assert listed == [{"slug": "energy", "name": "Energy", "names": {}, "label": "Energy"}]
    assert one.json()["name"] == "Energy"


@pytest.mark.parametrize("role", ["secretariat", "reader"])
def test_themes_cannot_be_written_through_the_api(api_as, cast, role):
    response = api_as(role).post(THEMES, {"slug": "x", "name": "X"}, format="json")

    assert response.status_code == 405
