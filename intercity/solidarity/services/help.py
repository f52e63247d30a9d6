"""Writes on help: needs, offers, accepting an offer, dispatch and receipt, messages."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.core.audit import save_with_audit
from intercity.core.services import (
    create_with_audit,
    refuse_with_record_errors,
    require,
    save_changes,
    with_changes,
)
from intercity.solidarity.matching import same_unit
from intercity.solidarity.models import (
    AffectedCity,
    Assistance,
    Delivery,
    Incident,
    Need,
    Offer,
    SolidarityMessage,
)
from intercity.solidarity.permissions import (
    can_accept_offer,
    can_dispatch,
    can_edit_need,
    can_edit_offer,
    can_make_offer,
    can_post_need,
    can_receive,
    can_send_message,
)
from intercity.solidarity.units import unit_stored


def _committed(*, need: Need | None = None, offer: Offer | None = None) -> Decimal:
    rows = Assistance.objects.exclude(status=Assistance.Status.CANCELLED)
    rows = rows.filter(need=need) if need is not None else rows.filter(offer=offer)
    return rows.aggregate(total=Sum("quantity"))["total"] or Decimal(0)


def _with_unit_stored(data: Mapping[str, Any]) -> dict[str, Any]:
    """The unit as kept: a recognised word ("liters", "lít", "リットル") becomes its code."""
    data = dict(data)
    if isinstance(data.get("unit"), str):
        data["unit"] = unit_stored(data["unit"])
    return data


def need_open_quantity(need: Need) -> Decimal:
    return max(need.quantity - _committed(need=need), Decimal(0))


def offer_remaining_quantity(offer: Offer) -> Decimal:
    return max(offer.quantity - _committed(offer=offer), Decimal(0))


@transaction.atomic
def need_post(*, actor: Any, incident: Incident, data: Mapping[str, Any]) -> Need:
    """The affected city's focal point (or the secretariat) says what the city needs."""
    data = _with_unit_stored(data)
    if data.get("city") is None and focal_city_id(actor) is not None:
        data["city"] = actor.city
    city = data.get("city")
    if actor is not None:
        require(can_post_need(actor, incident, city))
    if (
        city is not None
        and not AffectedCity.objects.filter(
            incident=incident, city=city, status=AffectedCity.Status.CONFIRMED
        ).exists()
    ):
        raise ValidationError(
            {"city": _("Needs are posted for a city confirmed as affected by the incident.")}
        )
    data["incident"] = incident
    if getattr(actor, "is_authenticated", False):
        data.setdefault("created_by", actor)
    return create_with_audit(Need, data, actor=actor, action="solidarity.need.posted")


@transaction.atomic
def need_update(*, actor: Any, need: Need, data: Mapping[str, Any]) -> list[str]:
    if actor is not None:
        require(can_edit_need(actor, need))
    data = {k: v for k, v in data.items() if k not in ("incident", "city", "created_by")}
    data = _with_unit_stored(data)
    if "quantity" in data and data["quantity"] < _received(need):
        raise ValidationError(
            {"quantity": _("More than this has already been received for the need.")}
        )
    return save_changes(need, data, actor=actor, action="solidarity.need.updated")


def _received(need: Need) -> Decimal:
    rows = Assistance.objects.filter(need=need)
    return rows.aggregate(total=Sum("received_quantity"))["total"] or Decimal(0)


@transaction.atomic
def offer_make(*, actor: Any, data: Mapping[str, Any]) -> Offer:
    """A city (or organisation) offers help, for one need, one incident, or in general."""
    data = _with_unit_stored(data)
    if actor is not None:
        require(can_make_offer(actor))
        if not is_secretariat(actor):
            # A focal point offers for its own city, a representative for its organisation.
            data["city"] = actor.city if focal_city_id(actor) is not None else None
            data["organisation"] = None if data["city"] else actor.organisation
        data.setdefault("created_by", actor)
    need = data.get("need")
    if need is not None:
        data["incident"] = need.incident
        data.setdefault("category", need.category)
        data.setdefault("unit", need.unit)
        if data.get("city") is not None and data["city"].pk == need.city_id:
            errors = {"need": _("A city cannot offer help for its own need.")}
            refuse_with_record_errors(errors, Offer(**data))
    return create_with_audit(Offer, data, actor=actor, action="solidarity.offer.made")


@transaction.atomic
def offer_update(*, actor: Any, offer: Offer, data: Mapping[str, Any]) -> list[str]:
    if actor is not None:
        require(can_edit_offer(actor, offer))
    data = {
        k: v
        for k, v in data.items()
        if k not in ("city", "organisation", "created_by", "incident", "need")
    }
    data = _with_unit_stored(data)
    if "quantity" in data and data["quantity"] < _committed(offer=offer):
        errors = {
            "quantity": _("More than this is already committed to needs; it cannot shrink so.")
        }
        refuse_with_record_errors(errors, with_changes(offer, data))
    return save_changes(offer, data, actor=actor, action="solidarity.offer.updated")


@transaction.atomic
def offer_accept(
    *, actor: Any, need: Need, offer: Offer, quantity: Decimal | None = None
) -> Assistance:
    """The city in need accepts an offer for one of its needs: the quantity becomes committed."""
    if actor is not None:
        require(can_accept_offer(actor, need))
    need = Need.objects.select_for_update().get(pk=need.pk)
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    if need.status != Need.Status.OPEN or offer.status != Offer.Status.OPEN:
        raise ValidationError(_("Only an open offer can be accepted for an open need."))
    if offer.category != need.category or not same_unit(offer.unit, need.unit):
        raise ValidationError(_("The offer is not for the same kind of help or unit as the need."))
    if offer.incident_id not in (None, need.incident_id) or offer.need_id not in (None, need.pk):
        raise ValidationError(_("The offer was made for another need."))
    if offer.city_id is not None and offer.city_id == need.city_id:
        raise ValidationError(_("A city cannot accept its own offer."))
    if Assistance.objects.filter(need=need, offer=offer).exists():
        raise ValidationError(_("This offer is already accepted for the need."))
    available = min(offer_remaining_quantity(offer), need_open_quantity(need))
    quantity = available if quantity is None else Decimal(quantity)
    if quantity <= 0:
        raise ValidationError({"quantity": _("Nothing is left to commit.")})
    if quantity > available:
        raise ValidationError(
            {
                "quantity": _(
                    "Only %(available)s can be committed: what the offer has left and the need "
                    "still lacks."
                )
                % {"available": f"{available.normalize():f}"}
            }
        )
    assistance = Assistance(
        need=need,
        offer=offer,
        quantity=quantity,
        accepted_by=actor if getattr(actor, "is_authenticated", False) else None,
        accepted_at=timezone.now(),
        is_demo=need.is_demo or offer.is_demo,
    )
    save_with_audit(assistance, actor=actor, action="solidarity.offer.accepted")
    return assistance


@transaction.atomic
def assistance_cancel(*, actor: Any, assistance: Assistance) -> None:
    """Either side may call off an accepted offer before anything has been dispatched."""
    if actor is not None and not (
        can_dispatch(actor, assistance) or can_receive(actor, assistance)
    ):
        raise PermissionDenied
    assistance = Assistance.objects.select_for_update().get(pk=assistance.pk)
    if assistance.dispatched_quantity > 0:
        raise ValidationError(_("Help already dispatched cannot be called off."))
    assistance.status = Assistance.Status.CANCELLED
    save_with_audit(assistance, actor=actor, action="solidarity.assistance.cancelled")


def _status_of(assistance: Assistance) -> str:
    if assistance.received_quantity >= assistance.quantity:
        return Assistance.Status.RECEIVED
    if assistance.dispatched_quantity > 0:
        return Assistance.Status.DISPATCHED
    return Assistance.Status.COMMITTED


@transaction.atomic
def delivery_dispatch(
    *, actor: Any, assistance: Assistance, quantity: Decimal, note: str = ""
) -> Delivery:
    """The giver sends part or all of what it committed; never more than that."""
    if actor is not None:
        require(can_dispatch(actor, assistance))
    assistance = Assistance.objects.select_for_update().get(pk=assistance.pk)
    if assistance.status == Assistance.Status.CANCELLED:
        raise ValidationError(_("This offer was called off."))
    quantity = Decimal(quantity)
    if quantity <= 0:
        raise ValidationError({"quantity": _("Give a quantity above zero.")})
    if quantity > assistance.undispatched:
        raise ValidationError(
            {
                "quantity": _(
                    "That is more than was offered: %(left)s of %(total)s remain to be sent."
                )
                % {
                    "left": f"{assistance.undispatched.normalize():f}",
                    "total": f"{assistance.quantity.normalize():f}",
                }
            }
        )
    now = timezone.now()
    delivery = Delivery(
        assistance=assistance,
        quantity=quantity,
        note=note,
        dispatched_at=now,
        dispatched_by=actor if getattr(actor, "is_authenticated", False) else None,
        is_demo=assistance.is_demo,
    )
    save_with_audit(delivery, actor=actor, action="solidarity.delivery.dispatched")
    assistance.dispatched_quantity += quantity
    assistance.status = _status_of(assistance)
    save_with_audit(assistance, actor=actor, action="solidarity.assistance.dispatched")
    return delivery


@transaction.atomic
def delivery_receive(*, actor: Any, delivery: Delivery) -> Delivery:
    """The city in need confirms a shipment arrived."""
    if actor is not None:
        require(can_receive(actor, delivery.assistance))
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.status == Delivery.Status.RECEIVED:
        return delivery
    assistance = Assistance.objects.select_for_update().get(pk=delivery.assistance_id)
    delivery.status = Delivery.Status.RECEIVED
    delivery.received_at = timezone.now()
    delivery.received_by = actor if getattr(actor, "is_authenticated", False) else None
    save_with_audit(delivery, actor=actor, action="solidarity.delivery.received")
    assistance.received_quantity += delivery.quantity
    assistance.status = _status_of(assistance)
    save_with_audit(assistance, actor=actor, action="solidarity.assistance.received")
    return delivery


@transaction.atomic
def message_send(*, actor: Any, data: Mapping[str, Any]) -> SolidarityMessage:
    """A message of solidarity from a city (or the network) to another city."""
    data = dict(data)
    if actor is not None:
        if data.get("from_city") is None and not is_secretariat(actor):
            data["from_city"] = actor.city
        require(can_send_message(actor, data.get("from_city")))
        data.setdefault("author", actor)
    data.setdefault("sent_on", timezone.localdate())
    if data.get("from_city") is not None and data["from_city"] == data.get("to_city"):
        raise ValidationError({"to_city": _("Send the message to another city.")})
    return create_with_audit(SolidarityMessage, data, actor=actor, action="solidarity.message.sent")
