"""Generated demo data: one login per role, organisations and a meeting, all marked as demo."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.dataset.demo_business import business_demo_load
from intercity.dataset.demo_knowledge import knowledge_demo_load
from intercity.dataset.demo_reports import reports_demo_load
from intercity.dataset.solidarity import solidarity_demo_load
from intercity.meetings.models import Meeting
from intercity.meetings.services import meeting_create
from intercity.meetings.services_registration import (
    meeting_registration_open,
    registration_create,
    registration_decide,
)
from intercity.organisations.models import Organisation
from intercity.organisations.services import organisation_create
from intercity.programmes.models import Programme
from intercity.programmes.services import activity_upsert

# Demo logins share one password; they exist only on machines where --demo was asked for.
DEMO_PASSWORD = "intercity-demo"  # noqa: S105

DEMO_ORGANISATIONS = [
    ("demo-hanoi-urban-energy", "Demo: Hanoi Urban Energy Co.", "enterprise", "hanoi"),
    ("demo-tokyo-water-tech", "Demo: Tokyo Water Technologies", "enterprise", "tokyo"),
    ("demo-seoul-it-university", "Demo: Seoul Institute of Urban IT", "university", "seoul"),
]

DEMO_USERS = [
    ("secretariat", "Demo Secretariat", User.Role.SECRETARIAT, None, None),
    ("hanoi.focal", "Demo Hanoi focal point", User.Role.FOCAL_POINT, "hanoi", None),
    ("tokyo.focal", "Demo Tokyo focal point", User.Role.FOCAL_POINT, "tokyo", None),
    ("seoul.expert", "Demo Seoul expert", User.Role.EXPERT, "seoul", None),
    (
        "org.rep",
        "Demo organisation representative",
        User.Role.ORGANISATION_REP,
        "hanoi",
        "demo-hanoi-urban-energy",
    ),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str


@transaction.atomic
def demo_load() -> list[DemoLogin]:
    """Create the demo organisations and one login per role (idempotent)."""
    cities = {c.slug: c for c in City.objects.filter(slug__in=["hanoi", "tokyo", "seoul"])}
    for slug, name, kind, city in DEMO_ORGANISATIONS:
        if not Organisation.objects.filter(slug=slug).exists():
            organisation_create(
                actor=None,
                data={
                    "slug": slug,
                    "name": name,
                    "kind": kind,
                    "city": cities[city],
                    "is_demo": True,
                    "description": "Generated demo organisation.",
                },
            )
    _demo_activity(cities)
    solidarity_demo_load()
    logins = []
    for username, full_name, role, city, organisation in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            first, _, last = full_name.partition(" ")
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                role=role,
                city=cities.get(city),
                organisation=Organisation.objects.filter(slug=organisation).first(),
                is_demo=True,
                is_staff=role == User.Role.SECRETARIAT,
                is_superuser=role == User.Role.SECRETARIAT,
            )
            user.set_password(DEMO_PASSWORD)
            user.full_clean()
            user.save()
        logins.append(DemoLogin(username, DEMO_PASSWORD, user.get_role_display()))
    # Knowledge, the trade fair and progress reports, written through the services as the
    # demo secretariat where the rules ask for an actor.
    secretariat = User.objects.filter(username="secretariat", is_demo=True).first()
    knowledge_demo_load()
    business_demo_load(secretariat)
    reports_demo_load(secretariat)
    _demo_registration(secretariat)
    return logins


def _demo_registration(secretariat) -> None:
    """Registration open on the demo expert meeting, one delegate approved and one waiting,
    so the meeting page shows it and the focal points have something to decide."""
    meeting = Meeting.objects.filter(slug="demo-platform-expert-meeting", is_demo=True).first()
    if meeting is None or meeting.registrations.exists() or meeting.has_started:
        return
    today = meeting.local_today()
    meeting_registration_open(
        actor=secretariat,
        meeting=meeting,
        opens_on=today,
        closes_on=max(today, meeting.start_date - datetime.timedelta(days=7)),
        places_per_city=5,
    )
    people = {u.username: u for u in User.objects.filter(is_demo=True)}
    tokyo = people.get("tokyo.focal")
    expert = people.get("seoul.expert")
    if tokyo is not None:
        approved = registration_create(
            actor=tokyo,
            meeting=meeting,
            person=tokyo,
            data={"role": "head", "position": "Head of the Tokyo delegation"},
        )
        registration_decide(actor=secretariat, registration=approved, approve=True)
    if expert is not None:
        registration_create(
            actor=expert,
            meeting=meeting,
            person=expert,
            data={
                "role": "adviser",
                "position": "Energy efficiency adviser",
                "note": "Vegetarian meals; arrives the evening before.",
                "needs_visa_letter": True,
            },
        )


def _demo_activity(cities: dict[str, City]) -> None:
    """A demo expert meeting of the Platform next year, so the dashboard has something ahead."""
    platform = Programme.objects.filter(slug="platform-for-technology-and-industry").first()
    if platform is None or Meeting.objects.filter(slug="demo-platform-expert-meeting").exists():
        return
    year = timezone.localdate().year + 1
    meeting = meeting_create(
        actor=None,
        data={
            "slug": "demo-platform-expert-meeting",
            "title": "Demo: Platform expert meeting on energy-saving equipment",
            # Titles in three of the participants' languages, so the demo shows meetings
            # named in the reader's language.
            "titles": {
                "ja": "デモ：省エネルギー機器に関するプラットフォーム専門家会議",
                "ko": "데모: 에너지 절약 설비에 관한 플랫폼 전문가 회의",
                "vi": "Demo: Cuộc họp chuyên gia của Nền tảng về thiết bị tiết kiệm năng lượng",
            },
            "kind": Meeting.Kind.EXPERT,
            "host_city": cities["hanoi"],
            "year": year,
            "start_date": datetime.date(year, 3, 10),
            "end_date": datetime.date(year, 3, 11),
            "time_zone": "Asia/Ho_Chi_Minh",
            "is_demo": True,
            "description": "Generated demo meeting.",
        },
        cities={cities["tokyo"]: "delegate", cities["seoul"]: "delegate"},
    )
    activity_upsert(
        actor=None,
        programme=platform,
        title="Demo: expert meeting on energy-saving equipment",
        data={"kind": "expert_meeting", "meeting": meeting, "is_demo": True},
    )
