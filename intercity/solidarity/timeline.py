"""The incident timeline: status changes, confirmations, alerts, needs, offers, deliveries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from intercity.solidarity.models import (
    AffectedCity,
    Assistance,
    CapMessage,
    Delivery,
    Incident,
    Offer,
)
from intercity.solidarity.quantities import amount
from intercity.solidarity.selectors import message_list, needs_with_progress, visible_records

PER_SOURCE = 200


@dataclass(frozen=True)
class Entry:
    when: datetime.datetime
    kind: str
    text: str


def _giver(offer: Offer) -> str:
    return str(offer.city or offer.organisation or _("the network"))


def incident_timeline(*, incident: Incident, user) -> list[Entry]:
    """Everything that happened to the incident, oldest first; a fixed number of queries."""
    entries: list[Entry] = []
    # The city named now: the secretariat may name it after recording the incident.
    reporter = incident.reported_by_city
    previous = None
    history = incident.history.order_by("history_date", "history_id").only(
        "history_date", "status", "history_type"
    )
    for record in history[:PER_SOURCE]:
        if record.status != previous:
            label = Incident.Status(record.status).label if record.status else ""
            if previous is not None:
                text = _("Status changed to %(status)s") % {"status": label}
            elif reporter is not None:
                text = _("Reported by %(city)s; incident recorded as %(status)s") % {
                    "city": reporter.label,
                    "status": label,
                }
            else:
                text = _("Incident recorded as %(status)s") % {"status": label}
            entries.append(Entry(record.history_date, "status", text))
            previous = record.status
    links = AffectedCity.objects.filter(incident=incident, decided_at__isnull=False)
    for link in links.select_related("city")[:PER_SOURCE]:
        text = (
            _("%(city)s confirmed as affected")
            if link.status == "confirmed"
            else _("%(city)s not affected")
        ) % {"city": link.city.label}
        entries.append(Entry(link.decided_at, "city", text))
    for message in CapMessage.objects.filter(incident=incident).only(
        "sent", "msg_type", "identifier", "created_at", "incident_id"
    )[:PER_SOURCE]:
        entries.append(
            Entry(
                message.created_at,
                "alert",
                _("CAP %(type)s received: %(identifier)s")
                % {"type": message.msg_type, "identifier": message.identifier},
            )
        )
    for message in message_list(user=user, incident=incident)[:PER_SOURCE]:
        # Messages carry the day they were sent; one recorded that day keeps its hour.
        when = message.created_at
        if when.date() != message.sent_on:
            when = datetime.datetime.combine(message.sent_on, datetime.time(12), datetime.UTC)
        sender = message.from_city.label if message.from_city else _("The network")
        entries.append(
            Entry(
                when,
                "message",
                _("Message from %(from)s to %(to)s")
                % {"from": sender, "to": message.to_city.label},
            )
        )
    for need in needs_with_progress(incident=incident, user=user)[:PER_SOURCE]:
        entries.append(
            Entry(
                need.created_at,
                "need",
                _("%(city)s needs %(amount)s: %(category)s")
                % {
                    "city": need.city.label,
                    "amount": amount(need.quantity, need.unit),
                    "category": need.get_category_display(),
                },
            )
        )
    offers = visible_records(Offer.objects.filter(incident=incident), user)
    for offer in offers.select_related("city", "organisation")[:PER_SOURCE]:
        entries.append(
            Entry(
                offer.created_at,
                "offer",
                _("%(giver)s offers %(amount)s")
                % {"giver": _giver(offer), "amount": amount(offer.quantity, offer.unit)},
            )
        )
    accepted = Assistance.objects.filter(need__incident=incident).select_related(
        "offer__city", "offer__organisation", "need__city"
    )
    accepted = visible_records(accepted, user, prefix="need__")
    for item in accepted[:PER_SOURCE]:
        entries.append(
            Entry(
                item.accepted_at,
                "accepted",
                _("%(city)s accepted %(amount)s from %(giver)s")
                % {
                    "city": item.need.city.label,
                    "amount": amount(item.quantity, item.need.unit),
                    "giver": _giver(item.offer),
                },
            )
        )
    deliveries = Delivery.objects.filter(assistance__need__incident=incident).select_related(
        "assistance__offer__city", "assistance__offer__organisation", "assistance__need"
    )
    deliveries = visible_records(deliveries, user, prefix="assistance__need__")
    for delivery in deliveries[:PER_SOURCE]:
        values = {
            "giver": _giver(delivery.assistance.offer),
            "amount": amount(delivery.quantity, delivery.assistance.need.unit),
        }
        entries.append(
            Entry(
                delivery.dispatched_at,
                "dispatched",
                _("%(giver)s dispatched %(amount)s") % values,
            )
        )
        if delivery.received_at:
            entries.append(
                Entry(
                    delivery.received_at,
                    "received",
                    _("%(amount)s from %(giver)s received") % values,
                )
            )
    entries.sort(key=lambda e: e.when)
    return entries
