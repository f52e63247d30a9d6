import datetime

import pytest
from django.urls import reverse

from intercity.programmes.models import Programme, Review
from intercity.testing.factories import (
    ActivityFactory,
    CityFactory,
    MeetingFactory,
    ProgrammeFactory,
    ThemeFactory,
)

LIST = reverse("api-v1:programme-list")
END_BEFORE_START = "The end date cannot be before the start date."


def detail(programme) -> str:
    return reverse("api-v1:programme-detail", kwargs={"slug": programme.slug})


def new_programme(cast, **overrides) -> dict:
    return {
        "slug": "education-for-urban-solutions",
        "name": "Education for Urban Solutions",
        "kind": "pilot",
        "status": "active",
        "lead_city": cast.home.slug,
        "cities": [cast.other.slug],
        "start_date": "2031-01-01",
        "end_date": "2031-12-31",
        **overrides,
    }


@pytest.fixture
def programme(cast):
    return ProgrammeFactory(lead_city=cast.home, name="Crisis management")


def test_a_programme_shows_its_cities_themes_activities_and_reviews(api_as, cast, programme):
    programme.cities.add(cast.other)
    programme.themes.add(ThemeFactory(slug="energy", name="Energy"))
    ActivityFactory(programme=programme, title="Joint drill", city=cast.other)
    plenary = MeetingFactory(kind="plenary", ordinal=12, title="12th Plenary")
    Review.objects.create(programme=programme, meeting=plenary, decision="continue")

    body = api_as("anonymous").get(detail(programme)).json()

    assert body["kind"] == "joint_project"
    assert body["status"] == "active"
    assert body["is_ended"] is False
    assert body["lead_city"]["slug"] == cast.home.slug
    assert [c["slug"] for c in body["cities"]] == [cast.other.slug]
    assert [t["slug"] for t in body["themes"]] == ["energy"]
    assert body["activities"][0]["title"] == "Joint drill"
    assert body["reviews"][0]["meeting"]["title"] == "12th Plenary"


def test_a_review_at_a_non_public_meeting_does_not_reveal_the_meeting(api_as, programme):
    closed = MeetingFactory(is_public=False)
    Review.objects.create(programme=programme, meeting=closed, decision="modify")

    anonymous = api_as("anonymous").get(detail(programme)).json()
    insider = api_as("expert").get(detail(programme)).json()

    assert anonymous["reviews"][0]["meeting"] is None
    assert insider["reviews"][0]["meeting"]["slug"] == closed.slug


def test_a_programme_past_its_end_date_is_ended(api_as, cast):
    ProgrammeFactory(
        slug="old", start_date=datetime.date(2001, 1, 1), end_date=datetime.date(2002, 1, 1)
    )

    body = api_as("anonymous").get(LIST, {"status": "ended"}).json()

    assert [(row["slug"], row["is_ended"]) for row in body["results"]] == [("old", True)]


def test_the_list_filters_by_kind_city_theme_and_search(api_as, cast, programme):
    ProgrammeFactory(name="Trade platform", kind="platform", lead_city=cast.other)
    programme.themes.add(ThemeFactory(slug="disasters"))
    client = api_as("anonymous")

    def names(**params):
        return [row["name"] for row in client.get(LIST, params).json()["results"]]

    assert names(kind="platform") == ["Trade platform"]
    assert names(city=cast.home.slug) == ["Crisis management"]
    assert names(theme="disasters") == ["Crisis management"]
    assert names(q="trade") == ["Trade platform"]


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
def test_the_secretariat_and_the_lead_citys_focal_point_create_programmes(
    api_as, cast, role, expected
):
    response = api_as(role).post(LIST, new_programme(cast), format="json")

    assert response.status_code == expected
    created = Programme.objects.filter(slug="education-for-urban-solutions")
    assert created.exists() == (expected == 201)
    if expected == 400:
        assert "lead_city" in response.json()


def test_a_created_programme_has_its_cities_and_themes(api_as, cast):
    ThemeFactory(slug="education")

    response = api_as("secretariat").post(
        LIST, new_programme(cast, themes=["education"]), format="json"
    )

    assert response.status_code == 201
    programme = Programme.objects.get(slug="education-for-urban-solutions")
    assert list(programme.cities.values_list("slug", flat=True)) == [cast.other.slug]
    assert list(programme.themes.values_list("slug", flat=True)) == ["education"]


def test_a_planned_pilot_needs_no_dates(api_as, cast):
    payload = new_programme(cast, status="planned", start_date=None, end_date=None)

    response = api_as("secretariat").post(LIST, payload, format="json")

    assert response.status_code == 201
    assert response.json()["status"] == "planned"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"end_date": None}, "end_date"),
        ({"end_date": "2030-01-01"}, "end_date"),
        ({"lead_city": "atlantis"}, "lead_city"),
        ({"cities": ["atlantis"]}, "cities"),
        ({"themes": ["no-such-theme"]}, "themes"),
        ({"kind": "festival"}, "kind"),
        ({"status": "dormant"}, "status"),
        ({"activity_kinds": ["picnic"]}, "activity_kinds"),
    ],
)
def test_bad_input_gives_a_field_error(api_as, cast, payload, field):
    response = api_as("secretariat").post(LIST, new_programme(cast, **payload), format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Programme.objects.filter(slug="education-for-urban-solutions").exists()


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
def test_the_secretariat_and_the_lead_citys_focal_point_edit_a_programme(
    api_as, programme, role, expected
):
    response = api_as(role).patch(detail(programme), {"field": "Emergencies"}, format="json")

    assert response.status_code == expected
    programme.refresh_from_db()
    assert (programme.field == "Emergencies") == (expected == 200)


def test_an_edit_can_replace_the_participating_cities(api_as, cast, programme):
    third = CityFactory(name="Third")
    programme.cities.add(cast.other)

    response = api_as("focal_point").patch(
        detail(programme), {"cities": [third.slug]}, format="json"
    )

    assert response.status_code == 200
    assert list(programme.cities.values_list("slug", flat=True)) == [third.slug]


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
def test_only_the_secretariat_deletes_programmes(api_as, programme, role, expected):
    response = api_as(role).delete(detail(programme))

    assert response.status_code == expected
    assert Programme.objects.filter(pk=programme.pk).exists() == (expected != 204)


def test_listing_many_programmes_takes_a_fixed_number_of_queries(
    api_as, cast, django_assert_max_num_queries
):
    themes = ThemeFactory.create_batch(3)
    for _ in range(30):
        programme = ProgrammeFactory(lead_city=CityFactory())
        programme.themes.set(themes)
        programme.cities.add(cast.other)
    client = api_as("anonymous")

    with django_assert_max_num_queries(3):
        response = client.get(LIST)

    assert response.json()["count"] == 30
    assert response.json()["results"][0]["city_count"] == 1


def refused_programme(refused, role: str, cast, **overrides) -> dict:
    """The refusal of a new programme `role` records; no programme is kept."""
    body = refused(role, "post", LIST, new_programme(cast, **overrides))
    assert not Programme.objects.exists()
    return body


def refused_change(refused, role: str, programme, changes: dict) -> dict:
    """The refusal of `changes` `role` makes to `programme`, once it is as it was."""

    def stored():
        return programme.lead_city_id, programme.status, programme.start_date, programme.end_date

    before = stored()
    body = refused(role, "patch", detail(programme), changes)
    programme.refresh_from_db()
    assert stored() == before
    return body


def test_a_refused_programme_names_a_bad_kind_and_an_end_before_the_start(refused, cast):
    body = refused_programme(
        refused,
        "secretariat",
        cast,
        kind="nonsense",
        start_date="2031-06-01",
        end_date="2031-05-01",
    )
    assert "kind" in body
    assert body["end_date"] == [END_BEFORE_START]


def test_a_refused_change_names_a_bad_status_and_an_end_before_the_start(refused, programme):
    body = refused_change(
        refused,
        "secretariat",
        programme,
        {"status": "nonsense", "start_date": "2031-06-01", "end_date": "2031-05-01"},
    )
    assert set(body) == {"status", "end_date"}
    assert programme.start_date != datetime.date(2031, 6, 1)


def test_a_refused_change_does_not_compare_the_end_with_the_stored_start_being_changed(
    refused, programme
):
    programme.start_date = datetime.date(2031, 6, 1)
    programme.save(update_fields=["start_date"])
    body = refused_change(
        refused,
        "secretariat",
        programme,
        {"start_date": "2031-02-30", "end_date": "2031-05-01"},
    )
    assert set(body) == {"start_date"}


def test_a_refused_review_names_a_bad_decision_and_a_meeting_that_is_no_plenary(refused, programme):
    workshop = MeetingFactory(kind="seminar", title="Water seminar")

    body = refused(
        "secretariat",
        "post",
        detail(programme) + "reviews/",
        {"meeting": workshop.slug, "decision": "nonsense"},
    )

    assert set(body) == {"decision", "meeting"}
    assert body["meeting"] == ["A programme is reviewed at a plenary meeting: choose a plenary."]
    assert not Review.objects.exists()
    assert not Review.history.exists()


def test_a_programme_is_changed_and_read_with_its_titles(api_as, programme):
    client = api_as("secretariat")
    changed = client.patch(detail(programme), {"titles": {"ko": "위기 관리"}}, format="json")
    assert changed.status_code == 200
    assert client.get(detail(programme)).json()["titles"] == {"ko": "위기 관리"}
    assert client.get(LIST).json()["results"][0]["titles"] == {"ko": "위기 관리"}


def test_a_programme_title_in_a_language_not_on_the_platform_is_a_field_error(api_as, programme):
    answer = api_as("secretariat").patch(detail(programme), {"titles": {"xx": "?"}}, format="json")
    assert answer.status_code == 400
    assert answer.json() == {"titles": ["Not a language of the platform: xx."]}


def test_a_refused_programme_names_a_lead_city_not_ones_own_and_an_end_before_the_start(
    refused, cast
):
    body = refused_programme(
        refused,
        "focal_point",
        cast,
        lead_city=cast.other.slug,
        start_date="2031-06-01",
        end_date="2031-05-01",
    )
    assert body["lead_city"] == ["You can only record programmes your city leads."]
    assert body["end_date"] == [END_BEFORE_START]


def test_a_refused_change_names_a_lead_city_not_ones_own_and_an_end_before_the_start(
    refused, cast, programme
):
    body = refused_change(
        refused,
        "focal_point",
        programme,
        {"lead_city": cast.other.slug, "start_date": "2031-06-01", "end_date": "2031-05-01"},
    )
    assert set(body) == {"lead_city", "end_date"}
    assert programme.lead_city == cast.home
    assert programme.start_date != datetime.date(2031, 6, 1)


def test_a_meeting_named_in_a_programme_carries_its_titles_in_other_languages(api_as, programme):
    plenary = MeetingFactory(
        kind="plenary", ordinal=12, title="12th Plenary", titles={"ja": "第12回総会"}
    )
    Review.objects.create(programme=programme, meeting=plenary, decision="continue")

    body = api_as("anonymous").get(detail(programme)).json()

    assert body["reviews"][0]["meeting"]["titles"] == {"ja": "第12回総会"}
