"""Reads for the "my work" page: what waits for each signed-in role, in bounded queries."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from intercity.accounts.models import User
from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.agreements.models import Agreement, AgreementParty
from intercity.agreements.selectors import proposal_url, proposals_awaiting
from intercity.business.models import Profile
from intercity.cities.models import City
from intercity.core.history import describe_rows
from intercity.declarations.models import Declaration, ProgressReport
from intercity.declarations.selectors_due import commitments_due
from intercity.knowledge.models import KnowledgeItem
from intercity.meetings.models import Meeting, MeetingCity
from intercity.meetings.selectors import meetings_awaiting_outcome
from intercity.organisations.models import Organisation
from intercity.programmes.models import Programme
from intercity.solidarity.models import Assistance
from intercity.web.my_work_items import (
    SECTION_LIMIT,
    WHOLE_SECTION_LIMIT,
    WorkItem,
    WorkSection,
    date_text,
    head,
    limited,
)
from intercity.web.my_work_organisation import organisation_sections

CHANGES_WITHIN_DAYS = 60
MODERATION_WITHIN_DAYS = 30


# A city's focal point ---------------------------------------------------------------------


def reports_due(
    *, user, city: City, today: datetime.date | None = None, limit: int = SECTION_LIMIT
) -> WorkSection:
    """Every commitment the city carries that still needs a report, overdue ones first."""
    today = today or timezone.localdate()
    section = WorkSection(
        "reports",
        gettext_lazy("Progress reports due"),
        gettext_lazy("Every commitment your city carries has a recent or final report."),
        asks_action=True,
        limit=limit,
    )
    rows = head(commitments_due(city=city, user=user, today=today), limit)
    items = []
    for commitment in rows:
        status = commitment.latest_status
        label = ProgressReport.Status(status).label if status else ""
        if commitment.inactive:
            note = (
                _("Overdue: last report %(date)s (%(status)s)")
                % {"date": date_text(commitment.latest_on), "status": label}
                if commitment.latest_on
                else _("Overdue: never reported")
            )
        elif commitment.missed_target:
            note = _("Overdue: target date %(date)s has passed") % {
                "date": date_text(commitment.target_date)
            }
        elif commitment.latest_on:
            note = _("Due: last report %(date)s (%(status)s)") % {
                "date": date_text(commitment.latest_on),
                "status": label,
            }
        else:
            note = _("Due: not reported yet")
        items.append(
            WorkItem(
                title=f"{commitment.reference} {commitment.title}".strip(),
                url=reverse("declarations:report", args=[commitment.pk, city.slug]),
                note=note,
                urgent=commitment.overdue,
                when=commitment.latest_on,
            )
        )
    return limited(section, items, total=rows.total)


def profiles_to_verify(*, city: City | None, limit: int = SECTION_LIMIT) -> WorkSection:
    section = WorkSection(
        "profiles",
        gettext_lazy("Organisation profiles to verify"),
        gettext_lazy("No organisation profile is waiting for verification."),
        asks_action=True,
        limit=limit,
    )
    profiles = Profile.objects.filter(is_verified=False).select_related("organisation__city")
    if city is not None:
        profiles = profiles.filter(organisation__city=city)
    rows = head(profiles.order_by("created_at"), limit)
    items = [
        WorkItem(
            title=str(profile.organisation),
            url=profile.get_absolute_url(),
            note=_("%(city)s · profile created %(date)s")
            % {"city": profile.organisation.city, "date": date_text(profile.created_at)},
            when=profile.created_at,
        )
        for profile in rows
    ]
    return limited(section, items, total=rows.total)


def coming_meetings(
    *, city: City, today: datetime.date | None = None, limit: int = SECTION_LIMIT
) -> WorkSection:
    """Planned meetings the city hosts or takes part in, soonest first."""
    today = today or timezone.localdate()
    section = WorkSection(
        "meetings",
        gettext_lazy("Your city's coming meetings"),
        gettext_lazy("Your city takes part in no planned meeting."),
        limit=limit,
    )
    taking_part = MeetingCity.objects.filter(city=city).values("meeting")
    meetings = (
        Meeting.objects.filter(Q(host_city=city) | Q(pk__in=taking_part))
        .filter(status=Meeting.Status.PLANNED)
        .filter(Q(start_date__gte=today) | Q(start_date__isnull=True, year__gte=today.year))
        .select_related("host_city")
        .order_by("start_date", "year", "title")
    )
    rows = head(meetings, limit)
    items = []
    for meeting in rows:
        if meeting.start_date:
            note = date_text(meeting.start_date)
        else:
            note = _("%(year)s, dates to be set") % {"year": meeting.year}
        if meeting.host_city_id == city.pk:
            note = _("%(when)s · your city hosts") % {"when": note}
        items.append(
            WorkItem(
                title=meeting.label,
                url=meeting.get_absolute_url(),
                note=note,
                urgent=meeting.start_date is None,
                when=meeting.start_date,
            )
        )
    return limited(section, items, total=rows.total)


def meetings_to_close(*, user, limit: int = SECTION_LIMIT) -> WorkSection:
    """Meetings the user runs whose days have passed while they are still marked planned."""
    section = WorkSection(
        "outcomes",
        gettext_lazy("Meetings over: held or cancelled?"),
        gettext_lazy("Every meeting you run that is over has its outcome recorded."),
        asks_action=True,
        limit=limit,
    )
    rows = head(meetings_awaiting_outcome(user=user), limit)
    items = []
    for meeting in rows:
        if meeting.start_date:
            note = _("Ended %(date)s, still marked planned") % {
                "date": date_text(meeting.end_date or meeting.start_date)
            }
        else:
            note = _("%(year)s, no dates recorded, still marked planned") % {"year": meeting.year}
        items.append(
            WorkItem(
                title=meeting.label,
                url=meeting.get_absolute_url(),
                note=note,
                urgent=True,
                when=meeting.end_date or meeting.start_date,
            )
        )
    return limited(section, items, total=rows.total)


def assistance_to_confirm(*, city: City, limit: int = SECTION_LIMIT) -> WorkSection:
    """Help dispatched to the city that waits for the city to confirm its receipt."""
    section = WorkSection(
        "assistance",
        gettext_lazy("Help dispatched to your city, to confirm"),
        gettext_lazy("No dispatched help waits for your city's confirmation."),
        asks_action=True,
        limit=limit,
    )
    rows = (
        Assistance.objects.filter(need__city=city, status=Assistance.Status.DISPATCHED)
        .select_related("need__incident", "offer__city", "offer__organisation")
        .order_by("accepted_at")
    )
    rows = head(rows, limit)
    items = [
        WorkItem(
            title=str(row),
            url=row.need.incident.get_absolute_url(),
            note=_("%(incident)s · dispatched, not yet confirmed as received")
            % {"incident": row.need.incident},
            urgent=True,
            when=row.accepted_at,
        )
        for row in rows
    ]
    return limited(section, items, total=rows.total)


def _city_histories(
    city: City, since: datetime.datetime, limit: int = SECTION_LIMIT
) -> tuple[list[tuple], int]:
    """The latest history rows of the records that belong to a city, one query per kind of
    record, and how many such rows there are in all."""
    meetings = Meeting.objects.filter(
        Q(host_city=city) | Q(pk__in=MeetingCity.objects.filter(city=city).values("meeting"))
    ).values("pk")
    agreements = AgreementParty.objects.filter(city=city).values("agreement")
    sources = [
        (City, City.history.filter(id=city.pk)),
        (Meeting, Meeting.history.filter(id__in=meetings)),
        (Agreement, Agreement.history.filter(id__in=agreements)),
        (KnowledgeItem, KnowledgeItem.history.filter(city_id=city.pk)),
        (Programme, Programme.history.filter(lead_city_id=city.pk)),
        (Organisation, Organisation.history.filter(city_id=city.pk)),
    ]
    rows, total = [], 0
    for model, history in sources:
        latest = head(
            history.filter(history_date__gte=since, history_user__isnull=False)
            .exclude(history_user__city=city)
            .select_related("history_user__city", "history_user__organisation")
            .order_by("-history_date"),
            limit,
        )
        rows.extend((model, row) for row in latest)
        total += latest.total
    rows.sort(key=lambda pair: pair[1].history_date, reverse=True)
    return rows[:limit], total


def changed_by_others(
    *, city: City, now: datetime.datetime | None = None, limit: int = SECTION_LIMIT
) -> WorkSection:
    """Records of the city that someone outside it changed lately, said in words."""
    section = WorkSection(
        "changes",
        gettext_lazy("Your city's records changed by others"),
        gettext_lazy("Nobody outside your city changed its records in the last 60 days."),
        limit=limit,
    )
    since = (now or timezone.now()) - datetime.timedelta(days=CHANGES_WITHIN_DAYS)
    rows, total = _city_histories(city, since, limit)
    lines = describe_rows([(model, row, None) for model, row in rows], show_names=True)
    items = []
    for (_model, row), line in zip(rows, lines, strict=True):
        record = row.instance
        try:
            url = record.get_absolute_url()
        except Exception:  # noqa: BLE001 - a deleted record has no page to link to
            url = ""
        items.append(
            WorkItem(title=str(record), url=url, note=line.sentence, when=row.history_date)
        )
    return limited(section, items, total=total)


# The secretariat ---------------------------------------------------------------------------


def imports_to_review(*, limit: int = SECTION_LIMIT) -> WorkSection:
    section = WorkSection(
        "imports",
        gettext_lazy("Declaration imports to review"),
        gettext_lazy("No imported declaration waits for review."),
        asks_action=True,
        limit=limit,
    )
    drafts = Declaration.objects.filter(status=Declaration.Status.DRAFT).order_by("created_at")
    rows = head(drafts, limit)
    items = [
        WorkItem(
            title=declaration.title,
            url=declaration.get_absolute_url(),
            note=_("Imported %(date)s, still a draft")
            % {"date": date_text(declaration.created_at)},
            when=declaration.created_at,
        )
        for declaration in rows
    ]
    return limited(section, items, total=rows.total)


def items_to_moderate(
    *, now: datetime.datetime | None = None, limit: int = SECTION_LIMIT
) -> WorkSection:
    """Knowledge items cities published or changed lately, for the secretariat to look over."""
    section = WorkSection(
        "moderation",
        gettext_lazy("Knowledge items to moderate"),
        gettext_lazy("No knowledge item was published or changed by a city in the last 30 days."),
        asks_action=True,
        limit=limit,
    )
    since = (now or timezone.now()) - datetime.timedelta(days=MODERATION_WITHIN_DAYS)
    changed = (
        KnowledgeItem.history.filter(history_date__gte=since)
        .exclude(history_user__isnull=True)
        .exclude(history_user__role=User.Role.SECRETARIAT)
        .values("id")
    )
    moderated = KnowledgeItem.history.filter(
        history_date__gte=since, history_change_reason__startswith="knowledge.item.moderated"
    ).values("id")
    pending = (
        KnowledgeItem.objects.filter(pk__in=changed)
        .exclude(pk__in=moderated)
        .exclude(visibility=KnowledgeItem.Visibility.DRAFT)
        .select_related("city")
        .order_by("-updated_at")
    )
    rows = head(pending, limit)
    items = [
        WorkItem(
            title=item.title,
            url=reverse("knowledge:moderate", args=[item.slug]),
            note=_("%(city)s · %(visibility)s · changed %(date)s")
            % {
                "city": item.city or "",
                "visibility": item.get_visibility_display(),
                "date": date_text(item.updated_at),
            },
            when=item.updated_at,
        )
        for item in rows
    ]
    return limited(section, items, total=rows.total)


def status_proposals(*, user, limit: int = SECTION_LIMIT) -> WorkSection:
    """Changes of status another party proposed, which the user's city (or the secretariat)
    confirms or declines."""
    section = WorkSection(
        "proposals",
        gettext_lazy("Changes of status to confirm"),
        gettext_lazy("No change of status waits for your confirmation."),
        asks_action=True,
        limit=limit,
    )
    proposals = proposals_awaiting(user=user)
    rows = head(proposals, limit)
    items = [
        WorkItem(
            title=str(proposal.record),
            url=proposal_url(proposal),
            note=_("%(city)s proposes: %(old)s → %(new)s")
            % {
                "city": proposal.proposing_city.label,
                "old": proposal.status_from_label,
                "new": proposal.status_to_label,
            },
            when=proposal.created_at,
        )
        for proposal in rows
    ]
    return limited(section, items, total=rows.total)


# The page ----------------------------------------------------------------------------------


def drafts_to_finish(*, user, limit: int = SECTION_LIMIT) -> WorkSection:
    """Knowledge items the user wrote and has not yet published, most recently changed first."""
    section = WorkSection(
        "drafts",
        gettext_lazy("Your unpublished drafts"),
        gettext_lazy("You have no unpublished draft."),
        asks_action=True,
        limit=limit,
    )
    drafts = (
        KnowledgeItem.objects.filter(author=user, visibility=KnowledgeItem.Visibility.DRAFT)
        .select_related("city")
        .order_by("-updated_at", "-pk")
    )
    rows = head(drafts, limit)
    items = [
        WorkItem(
            title=item.title,
            url=reverse("knowledge:edit", args=[item.slug]),
            note=_("Draft · last changed %(date)s")
            % {"date": date_text(timezone.localdate(item.updated_at))},
            when=item.updated_at,
        )
        for item in rows
    ]
    return limited(section, items, total=rows.total)


def programmes_taking_part(
    *, user, today: datetime.date | None = None, limit: int = SECTION_LIMIT
) -> WorkSection:
    """Running programmes the user has joined, by name."""
    today = today or timezone.localdate()
    section = WorkSection(
        "programmes",
        gettext_lazy("Programmes you take part in"),
        gettext_lazy("You take part in no running programme; join one from its page."),
        limit=limit,
    )
    programmes = (
        Programme.objects.filter(participants__person=user)
        .exclude(status=Programme.Status.CLOSED)
        .exclude(end_date__lt=today)
        .order_by("name")
    )
    rows = head(programmes, limit)
    items = [
        WorkItem(
            title=programme.label,
            url=programme.get_absolute_url(),
            note=str(programme.get_kind_display()),
        )
        for programme in rows
    ]
    return limited(section, items, total=rows.total)


def my_work(user, *, whole: str = "") -> list[WorkSection]:
    """The sections that matter for the user's role, in the order they should be read; the
    section keyed ``whole`` lists all its items, not only the first."""

    def limit(key: str) -> int:
        return WHOLE_SECTION_LIMIT if key == whole else SECTION_LIMIT

    if is_secretariat(user):
        return [
            imports_to_review(limit=limit("imports")),
            status_proposals(user=user, limit=limit("proposals")),
            meetings_to_close(user=user, limit=limit("outcomes")),
            profiles_to_verify(city=None, limit=limit("profiles")),
            items_to_moderate(limit=limit("moderation")),
        ]
    sections: list[WorkSection] = []
    city_id = focal_city_id(user)
    if city_id is not None:
        city = user.city
        sections += [
            reports_due(user=user, city=city, limit=limit("reports")),
            status_proposals(user=user, limit=limit("proposals")),
            meetings_to_close(user=user, limit=limit("outcomes")),
            assistance_to_confirm(city=city, limit=limit("assistance")),
            profiles_to_verify(city=city, limit=limit("profiles")),
            coming_meetings(city=city, limit=limit("meetings")),
            changed_by_others(city=city, limit=limit("changes")),
            drafts_to_finish(user=user, limit=limit("drafts")),
            programmes_taking_part(user=user, limit=limit("programmes")),
        ]
    elif user.role == User.Role.EXPERT and user.city_id:
        sections += [
            drafts_to_finish(user=user, limit=limit("drafts")),
            coming_meetings(city=user.city, limit=limit("meetings")),
            programmes_taking_part(user=user, limit=limit("programmes")),
        ]
    if user.organisation_id:
        sections += organisation_sections(organisation_id=user.organisation_id, limit=limit)
    return sections
