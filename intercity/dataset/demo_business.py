"""A demo trade fair: organisations with offers and requests, accepted meetings, a published
schedule solved at load time by the real scheduler on this small event."""

from __future__ import annotations

import datetime

from django.utils import timezone

from intercity.business.models import (
    Event,
    MeetingRequest,
    Opportunity,
    Profile,
    ScheduleRun,
    Sector,
)
from intercity.business.services import (
    opportunity_create,
    profile_save,
    profile_verify,
    registration_create,
    schedule_publish,
    schedule_run_execute,
)
from intercity.business.services_events import event_setup
from intercity.business.slots import SessionPlan
from intercity.cities.models import City
from intercity.core.services import create_with_audit
from intercity.meetings.models import Meeting
from intercity.meetings.services import meeting_create
from intercity.organisations.models import Organisation
from intercity.organisations.services import organisation_create

FAIR_SLUG = "demo-trade-fair-hanoi"

# (slug, name, kind, city, offers, seeks, opportunity direction, kind, title)
DEMO_TRADERS = [
    (
        "demo-hanoi-urban-energy",
        "",
        "",
        "hanoi",
        "LED street lighting retrofits",
        "Energy-efficient chillers",
        "request",
        "energy_saving",
        "Demo: we buy energy-saving chillers for public buildings",
    ),
    (
        "demo-tokyo-water-tech",
        "",
        "",
        "tokyo",
        "Leak detection for water networks",
        "Partners for water projects in Southeast Asia",
        "offer",
        "technology",
        "Demo: leak detection sensors and training",
    ),
    (
        "demo-seoul-it-university",
        "",
        "",
        "seoul",
        "Smart-city data platforms; student exchanges",
        "City partners for traffic data pilots",
        "offer",
        "research",
        "Demo: joint research on traffic data",
    ),
    (
        "demo-bangkok-green-build",
        "Demo: Bangkok Green Building Ltd.",
        "enterprise",
        "bangkok",
        "Green building certification consulting",
        "Suppliers of insulated glazing",
        "request",
        "trade_buy",
        "Demo: we buy insulated glazing",
    ),
    (
        "demo-jakarta-waste-recovery",
        "Demo: Jakarta Waste Recovery",
        "enterprise",
        "jakarta",
        "Waste-to-compost plants",
        "Investors for a sorting facility",
        "request",
        "investment",
        "Demo: investment in a waste sorting facility",
    ),
    (
        "demo-taipei-solar-systems",
        "Demo: Taipei Solar Systems",
        "enterprise",
        "taipei",
        "Rooftop solar panels with energy-saving labels",
        "Distributors in ASEAN cities",
        "offer",
        "trade_sell",
        "Demo: rooftop solar systems for export",
    ),
    (
        "demo-singapore-cooling",
        "Demo: Singapore District Cooling Pte.",
        "enterprise",
        "singapore",
        "District cooling design and operation",
        "City governments planning districts",
        "offer",
        "energy_saving",
        "Demo: district cooling design",
    ),
]

# ISIC Rev. 4 section of each trader.
SECTORS = {
    "demo-hanoi-urban-energy": "D",
    "demo-tokyo-water-tech": "E",
    "demo-seoul-it-university": "P",
    "demo-bangkok-green-build": "F",
    "demo-jakarta-waste-recovery": "E",
    "demo-taipei-solar-systems": "D",
    "demo-singapore-cooling": "D",
}

# Their names as the ISIC list seeded by migration has them (restored if the list was emptied).
SECTOR_NAMES = {
    "D": "Electricity, gas, steam and air conditioning supply",
    "E": "Water supply; sewerage, waste management and remediation activities",
    "F": "Construction",
    "P": "Education",
}

# Accepted 1:1 meetings between the traders (requester, invitee).
DEMO_MEETINGS = [
    ("demo-hanoi-urban-energy", "demo-singapore-cooling"),
    ("demo-hanoi-urban-energy", "demo-taipei-solar-systems"),
    ("demo-hanoi-urban-energy", "demo-tokyo-water-tech"),
    ("demo-bangkok-green-build", "demo-taipei-solar-systems"),
    ("demo-bangkok-green-build", "demo-singapore-cooling"),
    ("demo-jakarta-waste-recovery", "demo-tokyo-water-tech"),
    ("demo-jakarta-waste-recovery", "demo-seoul-it-university"),
    ("demo-seoul-it-university", "demo-hanoi-urban-energy"),
    ("demo-taipei-solar-systems", "demo-singapore-cooling"),
    ("demo-tokyo-water-tech", "demo-bangkok-green-build"),
]


def _traders(organiser, cities: dict[str, City]) -> dict[str, Organisation]:
    traders = {}
    for slug, name, kind, city, offers, seeks, direction, opp_kind, title in DEMO_TRADERS:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            organisation = organisation_create(
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
        if not Profile.objects.filter(organisation=organisation).exists():
            profile = profile_save(
                actor=organiser,
                organisation=organisation,
                data={
                    "offers": offers,
                    "seeks": seeks,
                    "languages": "en",
                    "sector": Sector.objects.get_or_create(
                        code=SECTORS[slug], defaults={"name": SECTOR_NAMES[SECTORS[slug]]}
                    )[0],
                },
            )
            profile_verify(actor=organiser, profile=profile)
        if not Opportunity.objects.filter(organisation=organisation, title=title).exists():
            opportunity_create(
                actor=organiser,
                organisation=organisation,
                data={
                    "direction": direction,
                    "kind": opp_kind,
                    "title": title,
                    "description": f"{offers if direction == 'offer' else seeks}.",
                },
            )
        traders[slug] = organisation
    return traders


def business_demo_load(organiser) -> Event | None:
    """The demo trade fair with its published schedule (idempotent)."""
    cities = {c.slug: c for c in City.objects.all()}
    if organiser is None or not {"hanoi", "tokyo", "seoul", "singapore"} <= set(cities):
        return None
    traders = _traders(organiser, cities)
    meeting = Meeting.objects.filter(slug=FAIR_SLUG).first()
    if meeting is None:
        year = timezone.localdate().year + 1
        meeting = meeting_create(
            actor=None,
            data={
                "slug": FAIR_SLUG,
                "title": "Demo: Platform trade fair and business meetings, Hanoi",
                "titles": {
                    "vi": "Demo: Hội chợ thương mại và gặp gỡ doanh nghiệp của Nền tảng, Hà Nội",
                    "ja": "デモ：プラットフォーム見本市とビジネスミーティング（ハノイ）",
                    "th": "สาธิต: งานแสดงสินค้าและการประชุมธุรกิจของแพลตฟอร์ม ฮานอย",
                },
                "kind": Meeting.Kind.TRADE_FAIR,
                "host_city": cities["hanoi"],
                "year": year,
                "start_date": datetime.date(year, 4, 14),
                "end_date": datetime.date(year, 4, 14),
                "time_zone": "Asia/Ho_Chi_Minh",
                "is_demo": True,
                "description": "Generated demo trade fair with 1:1 business meetings.",
            },
        )
    event = Event.objects.filter(meeting=meeting).first()
    if event is None:
        event = event_setup(
            actor=organiser,
            meeting=meeting,
            data={"tables": 2, "fairness": 2},
            days=[meeting.start_date],
            sessions=[
                SessionPlan("morning", datetime.time(9, 0), 4, "morning"),
                SessionPlan("afternoon", datetime.time(14, 0), 4, "afternoon"),
            ],
            minutes=30,
        )
    registrations = {
        slug: registration_create(actor=organiser, event=event, organisation=organisation)
        for slug, organisation in traders.items()
    }
    for requester, invitee in DEMO_MEETINGS:
        if not MeetingRequest.objects.filter(
            event=event, requester=registrations[requester], invitee=registrations[invitee]
        ).exists():
            create_with_audit(
                MeetingRequest,
                {
                    "event": event,
                    "requester": registrations[requester],
                    "invitee": registrations[invitee],
                    "status": MeetingRequest.Status.ACCEPTED,
                    "note": "Demo meeting request, accepted.",
                },
                actor=None,
                action="business.meeting_request.created",
            )
    if event.published_at is None:
        run = ScheduleRun.objects.create(event=event, requested_by=organiser, time_limit=10)
        run = schedule_run_execute(run_id=run.pk)
        if run.is_finished and run.assignments.exists() and not run.problems:
            schedule_publish(actor=organiser, run=run)
    return event
