"""The organiser's pages answer 404 to everyone else, as if the event had no such page."""

from django.http import Http404

from intercity.business import permissions as rules
from intercity.business import selectors
from intercity.business.models import Event


def require_organiser(user, event: Event) -> Event:
    """The event, when the user organises it; otherwise 404."""
    if not rules.can_organise_event(user, event):
        raise Http404
    return event


def organised_event(user, pk) -> Event:
    """Event `pk`, when the user organises it; otherwise 404."""
    return require_organiser(user, selectors.event_get(user=user, pk=pk))
