import pytest
from django.urls import reverse

from intercity.meetings.models import Meeting, MeetingCity
from intercity.testing.factories import CityFactory, MeetingFactory, SessionFactory

LIST = reverse("api-v1:meeting-list")


def detail(meeting) -> str:
    return reverse("api-v1:meeting-detail", kwargs={"slug": meeting.slug})


def new_meeting(cast, **overrides) -> dict:
    return {
        "slug": "13th-plenary",
        "title": "13th Plenary Meeting",
        "kind": "plenary",
        "ordinal": 13,
        "host_city": cast.home.slug,
        "start_date": "2031-10-01",
        "end_date": "2031-10-02",
        "time_zone": "Asia/Ho_Chi_Minh",
        **overrides,
    }


@pytest.fixture
def meeting(cast):
    return MeetingFactory(host_city=cast.home, title="Water expert meeting")


@pytest.fixture
def closed_meeting(cast):
    return MeetingFactory(host_city=cast.home, title="Closed-door meeting", is_public=False)


def test_a_meeting_shows_its_host_cities_sessions_attendees_and_documents(api_as, cast, meeting):
    MeetingCity.objects.create(meeting=meeting, city=cast.other, role="delegate")
    SessionFactory(meeting=meeting, title="Policy dialogue on energy")
    meeting.attendees.create(name="Ms Lan", city=cast.home)
    meeting.documents.create(title="Declaration", kind="declaration")

    body = api_as("anonymous").get(detail(meeting)).json()

    assert body["host_city"]["slug"] == cast.home.slug
    assert {(row["city"]["slug"], row["role"]) for row in body["cities"]} == {
        (cast.home.slug, "host"),
        (cast.other.slug, "delegate"),
    }
    assert [s["title"] for s in body["sessions"]] == ["Policy dialogue on energy"]
    assert body["attendees"][0]["city"]["slug"] == cast.home.slug
    assert body["documents"][0]["kind"] == "declaration"
    assert body["time_zone"] == "Asia/Ho_Chi_Minh"
    assert body["start_date"] == "2030-05-06"


def test_a_non_public_meeting_is_invisible_to_the_public(api_as, closed_meeting, meeting):
    client = api_as("anonymous")

    slugs = [row["slug"] for row in client.get(LIST).json()["results"]]

    assert slugs == [meeting.slug]
    assert client.get(detail(closed_meeting)).status_code == 404


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("secretariat", True),
        ("focal_point", True),
        ("expert", True),
        ("organisation_rep", False),
        ("reader", False),
        ("anonymous", False),
    ],
)
def test_network_insiders_see_non_public_meetings(api_as, closed_meeting, role, visible):
    client = api_as(role)

    listed = closed_meeting.slug in [row["slug"] for row in client.get(LIST).json()["results"]]

    assert listed == visible
    assert client.get(detail(closed_meeting)).status_code == (200 if visible else 404)


def test_the_list_filters_by_kind_year_city_and_search(api_as, cast, meeting):
    MeetingFactory(
        host_city=cast.other,
        kind="seminar",
        title="Seminar on waste",
        year=2031,
        start_date=None,
        end_date=None,
    )
    client = api_as("anonymous")

    def slugs(**params):
        return [row["title"] for row in client.get(LIST, params).json()["results"]]

    assert slugs(kind="seminar") == ["Seminar on waste"]
    assert slugs(year=2030) == ["Water expert meeting"]
    assert slugs(city=cast.other.slug) == ["Seminar on waste"]
    assert slugs(q="water") == ["Water expert meeting"]


def test_a_year_that_is_not_a_number_is_a_400(api_as, cast):
    response = api_as("anonymous").get(LIST, {"year": "last"})

    assert response.status_code == 400
    assert "year" in response.json()


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
def test_the_secretariat_and_the_hosts_focal_point_create_meetings(api_as, cast, role, expected):
    expert_meeting = new_meeting(cast, kind="expert", ordinal=None, slug="water-experts")
    response = api_as(role).post(LIST, expert_meeting, format="json")

    assert response.status_code == expected
    assert Meeting.objects.filter(slug="water-experts").exists() == (expected == 201)
    if expected == 400:
        assert "host_city" in response.json()


def test_only_the_secretariat_opens_and_numbers_a_plenary(api_as, cast):
    refused = api_as("focal_point").post(LIST, new_meeting(cast), format="json")
    assert refused.status_code == 400
    assert "kind" in refused.json()
    assert not Meeting.objects.filter(slug="13th-plenary").exists()
    assert api_as("secretariat").post(LIST, new_meeting(cast), format="json").status_code == 201
    plenary = Meeting.objects.get(slug="13th-plenary")
    host = api_as("focal_point")
    # The host's focal point keeps the plenary's logistics up to date ...
    moved = host.patch(detail(plenary), {"venue": "Riverside Hall"}, format="json")
    assert moved.status_code == 200, moved.json()
    # ... but neither renumbers it nor makes it another kind of meeting.
    renumbered = host.patch(detail(plenary), {"ordinal": 14}, format="json")
    assert renumbered.status_code == 400
    assert "ordinal" in renumbered.json()
    demoted = host.patch(detail(plenary), {"kind": "expert", "ordinal": None}, format="json")
    assert demoted.status_code == 400
    assert "kind" in demoted.json()
    plenary.refresh_from_db()
    assert (plenary.kind, plenary.ordinal, plenary.venue) == ("plenary", 13, "Riverside Hall")
    expert = MeetingFactory(host_city=cast.home, kind="expert")
    promoted = host.patch(detail(expert), {"kind": "plenary", "ordinal": 15}, format="json")
    assert promoted.status_code == 400
    assert "kind" in promoted.json()


def test_a_created_meeting_records_its_cities_and_year(api_as, cast):
    payload = new_meeting(cast, cities=[{"city": cast.other.slug, "role": "observer"}])

    response = api_as("secretariat").post(LIST, payload, format="json")

    assert response.status_code == 201
    meeting = Meeting.objects.get(slug="13th-plenary")
    assert meeting.year == 2031
    assert dict(meeting.city_roles.values_list("city__slug", "role")) == {
        cast.home.slug: "host",
        cast.other.slug: "observer",
    }
    assert {row["role"] for row in response.json()["cities"]} == {"host", "observer"}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"end_date": "2031-09-30"}, "end_date"),
        ({"ordinal": None}, "ordinal"),
        ({"host_city": "atlantis"}, "host_city"),
        ({"cities": [{"city": "atlantis", "role": "delegate"}]}, "cities"),
        ({"cities": [{"city": "home-city", "role": "host"}]}, "cities"),
        ({"time_zone": "Asia/Atlantis"}, "time_zone"),
        ({"kind": "party"}, "kind"),
        ({"start_date": "1st of October"}, "start_date"),
        ({"start_date": None, "end_date": None}, "year"),
    ],
)
def test_bad_input_gives_a_field_error(api_as, cast, payload, field):
    response = api_as("secretariat").post(LIST, new_meeting(cast, **payload), format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Meeting.objects.filter(slug="13th-plenary").exists()


def test_a_second_plenary_with_the_same_number_is_refused(api_as, cast):
    MeetingFactory(kind="plenary", ordinal=13, slug="the-first-13th")

    response = api_as("secretariat").post(LIST, new_meeting(cast), format="json")

    assert response.status_code == 400
    assert not Meeting.objects.filter(slug="13th-plenary").exists()


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
def test_the_secretariat_and_the_hosts_focal_point_edit_a_meeting(api_as, meeting, role, expected):
    response = api_as(role).patch(detail(meeting), {"venue": "Opera House"}, format="json")

    assert response.status_code == expected
    meeting.refresh_from_db()
    assert (meeting.venue == "Opera House") == (expected == 200)


def test_an_edit_replaces_the_participating_cities(api_as, cast, meeting):
    third = CityFactory(name="Third")
    MeetingCity.objects.create(meeting=meeting, city=cast.other, role="delegate")

    response = api_as("focal_point").patch(
        detail(meeting), {"cities": [{"city": third.slug, "role": "delegate"}]}, format="json"
    )

    assert response.status_code == 200
    assert set(meeting.city_roles.values_list("city__slug", flat=True)) == {
        cast.home.slug,
        third.slug,
    }


def test_a_focal_point_cannot_move_their_meeting_to_another_city(api_as, cast, meeting):
    response = api_as("focal_point").patch(
        detail(meeting), {"host_city": cast.other.slug}, format="json"
    )

    assert response.status_code == 400
    assert "host_city" in response.json()
    meeting.refresh_from_db()
    assert meeting.host_city == cast.home
    assert (str(meeting.start_date), str(meeting.end_date)) == ("2030-05-06", "2030-05-07")


def test_dates_out_of_order_on_an_edit_leave_the_meeting_unchanged(api_as, meeting):
    response = api_as("secretariat").patch(
        detail(meeting), {"end_date": "2030-05-01"}, format="json"
    )

    assert response.status_code == 400
    assert "end_date" in response.json()
    meeting.refresh_from_db()
    assert str(meeting.end_date) == "2030-05-07"


def test_a_reader_editing_a_non_public_meeting_finds_nothing(api_as, closed_meeting):
    response = api_as("reader").patch(detail(closed_meeting), {"venue": "X"}, format="json")

    assert response.status_code == 404
    closed_meeting.refresh_from_db()
    assert closed_meeting.venue == ""


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
def test_only_the_secretariat_deletes_meetings(api_as, meeting, role, expected):
    response = api_as(role).delete(detail(meeting))

    assert response.status_code == expected
    assert Meeting.objects.filter(pk=meeting.pk).exists() == (expected != 204)


def test_listing_many_meetings_takes_a_fixed_number_of_queries(
    api_as, cast, django_assert_max_num_queries
):
    for _ in range(30):
        meeting = MeetingFactory(host_city=CityFactory())
        MeetingCity.objects.create(meeting=meeting, city=cast.other, role="delegate")
    client = api_as("expert")

    with django_assert_max_num_queries(4):
        response = client.get(LIST)

    assert response.json()["count"] == 30
    assert response.json()["results"][0]["city_count"] == 2


# Titles in other languages ---------------------------------------------------------------


def test_a_meeting_is_created_and_read_with_its_titles(api_as, cast):
    client = api_as("secretariat")
    created = client.post(LIST, new_meeting(cast, titles={"ja": "第13回総会"}), format="json")
    assert created.status_code == 201
    body = client.get(reverse("api-v1:meeting-detail", kwargs={"slug": "13th-plenary"})).json()
    assert body["titles"] == {"ja": "第13回総会"}


def test_a_title_in_a_language_not_on_the_platform_is_a_field_error(api_as, meeting):
    for titles, message in (
        ({"xx": "Klingon"}, "Not a language of the platform: xx."),
        ({"ja": " "}, "A title cannot be empty."),
    ):
        answer = api_as("secretariat").patch(detail(meeting), {"titles": titles}, format="json")
        assert answer.status_code == 400
        assert answer.json() == {"titles": [message]}
    meeting.refresh_from_db()
    assert meeting.titles == {}


# Every broken rule at once ---------------------------------------------------------------


def refused_meeting(refused, cast, **overrides) -> dict:
    """The refusal of the home city's focal point's new meeting; no meeting is kept."""
    body = refused("focal_point", "post", LIST, new_meeting(cast, **overrides))
    assert not Meeting.objects.filter(slug="13th-plenary").exists()
    return body


def test_a_refused_meeting_names_another_citys_host_and_an_end_before_the_start(refused, cast):
    body = refused_meeting(
        refused,
        cast,
        kind="expert",
        ordinal=None,
        host_city=cast.other.slug,
        start_date="2031-10-02",
        end_date="2031-10-01",
    )
    assert set(body) == {"host_city", "end_date"}


def test_a_refused_plenary_names_another_citys_host_and_its_kind(refused, cast):
    body = refused_meeting(refused, cast, host_city=cast.other.slug)
    assert set(body) == {"host_city", "kind"}


def test_a_refused_change_names_another_citys_host_and_an_end_before_the_start(
    refused, cast, meeting
):
    body = refused(
        "focal_point",
        "patch",
        detail(meeting),
        {"host_city": cast.other.slug, "start_date": "2030-05-07", "end_date": "2030-05-06"},
    )
    assert set(body) == {"host_city", "end_date"}
    meeting.refresh_from_db()
    assert meeting.host_city == cast.home
    assert (str(meeting.start_date), str(meeting.end_date)) == ("2030-05-06", "2030-05-07")
