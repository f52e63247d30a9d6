"""The ANMC21 dataset loads the network as the seeds describe it, idempotently."""

import datetime

import pytest
from django.core.management import call_command

from intercity.agreements.models import Agreement, Pledge
from intercity.cities.models import City
from intercity.core.models import NewsItem
from intercity.dataset.demo import demo_load
from intercity.dataset.loader import anmc21_load
from intercity.meetings.models import Meeting, MeetingCity
from intercity.meetings.selectors import meeting_attendance, next_host_suggestion
from intercity.organisations.models import Organisation
from intercity.programmes.models import Programme

pytestmark = pytest.mark.django_db

MEMBERS = {
    "Bangkok",
    "New Delhi",
    "Hanoi",
    "Jakarta",
    "Kuala Lumpur",
    "Metro Manila",
    "Seoul",
    "Singapore",
    "Taipei",
    "Tokyo",
    "Tomsk",
    "Ulaanbaatar",
    "Yangon",
}
REPRESENTED_IN_HANOI = {
    "Bangkok",
    "Hanoi",
    "Jakarta",
    "Kuala Lumpur",
    "Seoul",
    "Singapore",
    "Tokyo",
    "Tomsk",
}


@pytest.fixture
def loaded():
    return anmc21_load(actor=None)


def test_the_network_has_its_thirteen_members(loaded):
    members = City.objects.filter(membership_status=City.Membership.MEMBER)
    assert set(members.values_list("name", flat=True)) == MEMBERS


def test_every_city_cites_the_news_report_and_the_gazetteer(loaded):
    for city in City.objects.all():
        assert city.source_document == "hanoi-plenary-news-2013.txt"
        assert city.gazetteer_source
        assert city.latitude is not None and city.longitude is not None
        assert city.population > 0


def test_gazetteer_facts_place_cities_where_they_are(loaded):
    tokyo = City.objects.get(slug="tokyo")
    assert tokyo.country_code == "JP"
    assert tokyo.time_zone == "Asia/Tokyo"
    assert 35 < tokyo.latitude < 36 and 139 < tokyo.longitude < 140
    assert "ja" in tokyo.languages
    assert City.objects.get(slug="tomsk").country_code == "RU"


def test_new_delhi_is_the_capital_city_not_its_small_district(loaded):
    delhi = City.objects.get(slug="new-delhi")
    assert delhi.name == "New Delhi"
    assert delhi.population > 10_000_000
    assert delhi.time_zone == "Asia/Kolkata"


def test_hanoi_keeps_vietnams_time_zone(loaded):
    assert City.objects.get(slug="hanoi").time_zone == "Asia/Ho_Chi_Minh"


def test_the_twelfth_plenary_was_held_in_hanoi_in_november_2013(loaded):
    plenary = Meeting.objects.get(kind="plenary", ordinal=12)
    assert plenary.host_city.name == "Hanoi"
    assert plenary.start_date == datetime.date(2013, 11, 18)
    assert plenary.end_date == datetime.date(2013, 11, 19)
    assert plenary.time_zone == "Asia/Ho_Chi_Minh"
    assert plenary.source_document == "hanoi-declaration-2013.txt"


def test_eight_cities_were_represented_in_hanoi_out_of_thirteen_members(loaded):
    plenary = Meeting.objects.get(kind="plenary", ordinal=12)
    attendance = meeting_attendance(plenary)
    assert {row.city.name for row in attendance.represented} == REPRESENTED_IN_HANOI
    assert len(attendance.members) == 13
    assert {c.name for c in attendance.absent_members} == MEMBERS - REPRESENTED_IN_HANOI
    assert plenary.city_roles.get(role=MeetingCity.Role.HOST).city.name == "Hanoi"


def test_the_plenary_had_two_policy_dialogues_and_a_closing_ceremony(loaded):
    plenary = Meeting.objects.get(kind="plenary", ordinal=12)
    kinds = list(plenary.sessions.values_list("kind", flat=True))
    assert kinds.count("policy_dialogue") == 2
    assert "ceremony" in kinds
    topics = set(plenary.sessions.filter(kind="policy_dialogue").values_list("topic", flat=True))
    assert any("planning" in t.lower() for t in topics)
    assert any("energy" in t.lower() for t in topics)


def test_tomsk_hosts_the_thirteenth_plenary_in_2014_with_the_date_to_be_set(loaded):
    plenary = Meeting.objects.get(kind="plenary", ordinal=13)
    assert plenary.host_city.name == "Tomsk"
    assert plenary.year == 2014
    assert plenary.start_date is None
    assert plenary.dates_to_be_set


def test_the_investment_conference_of_2013_is_recorded(loaded):
    conference = Meeting.objects.get(kind="conference")
    assert "Investment, Trade and Tourism" in conference.title
    assert conference.year == 2013
    assert conference.host_city.name == "Hanoi"


def test_programmes_cover_joint_projects_the_platform_and_the_pilot(loaded):
    assert Programme.objects.filter(kind="joint_project").count() == 4
    platform = Programme.objects.get(kind="platform")
    assert platform.name == "Platform for Technology and Industry"
    assert set(platform.activity_kinds) == {"expert_meeting", "cooperative_study", "trade_fair"}
    pilot = Programme.objects.get(kind="pilot")
    assert pilot.name == "Education for Urban Solutions"
    assert pilot.activities.filter(kind="information_exchange").exists()


def test_the_hanoi_tokyo_agreement_has_its_themes_and_signatories(loaded):
    agreement = Agreement.objects.get(slug="hanoi-tokyo-cooperation-2013")
    assert {r.city.name: r.role for r in agreement.party_roles.all()} == {
        "Hanoi": "assisted",
        "Tokyo": "assisting",
    }
    assert set(agreement.themes.values_list("slug", flat=True)) == {
        "air-quality",
        "traffic",
        "water",
        "training",
    }
    assert set(agreement.signatories.values_list("name", flat=True)) == {
        "Nguyen The Thao",
        "Naoki Inose",
    }


def test_seoul_pledged_its_help_to_hanoi(loaded):
    pledge = Pledge.objects.get()
    assert (pledge.from_city.name, pledge.to_city.name) == ("Seoul", "Hanoi")
    assert "information technology" in pledge.subject.lower()


def test_network_news_includes_olympics_citynet_and_sympathy_for_manila(loaded):
    slugs = set(NewsItem.objects.values_list("slug", flat=True))
    assert {"tokyo-wins-2020-olympics", "seoul-mayor-chairs-citynet"} <= slugs
    sympathy = NewsItem.objects.get(slug="sympathy-manila-typhoon-haiyan")
    assert sympathy.kind == "solidarity"
    assert list(sympathy.cities.values_list("name", flat=True)) == ["Metro Manila"]


def test_loading_twice_changes_nothing(loaded):
    history_rows = City.history.count() + Meeting.history.count() + Programme.history.count()
    second = anmc21_load(actor=None)
    assert second.changed == 0
    assert City.history.count() + Meeting.history.count() + Programme.history.count() == (
        history_rows
    )


def test_loading_restores_a_fact_someone_changed(loaded):
    City.objects.filter(slug="tomsk").update(population=1)
    report = anmc21_load(actor=None)
    assert report.counts["city updated"] == 1
    assert City.objects.get(slug="tomsk").population > 1


def test_the_next_host_suggestion_is_a_member_that_has_not_hosted(loaded):
    suggestion = next_host_suggestion()
    assert suggestion.ordinal == 14
    assert suggestion.never_hosted
    assert suggestion.city.name not in {"Hanoi", "Tomsk"}


def test_demo_data_is_marked_and_kept_apart(loaded):
    logins = demo_load()
    assert {login.username for login in logins} >= {"secretariat", "hanoi.focal"}
    assert Organisation.objects.filter(is_demo=False).count() == 0
    assert not City.objects.filter(is_demo=True).exists()
    demo_meeting = Meeting.objects.get(is_demo=True, kind=Meeting.Kind.EXPERT)
    assert demo_meeting.programme_activities.get().is_demo
    assert Meeting.objects.filter(is_demo=False).count() == 3
    again = anmc21_load(actor=None)
    assert again.changed == 0


def test_the_command_prints_demo_logins(capsys):
    call_command("load_anmc21", "--demo")
    out = capsys.readouterr().out
    assert "ANMC21 dataset loaded" in out
    assert "hanoi.focal" in out
