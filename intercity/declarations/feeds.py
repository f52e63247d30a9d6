"""Atom feed of the network's adopted declarations."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from intercity.declarations.selectors import declaration_feed_items


class DeclarationFeed(Feed):
    feed_type = Atom1Feed
    title = _("ANMC21 declarations")
    subtitle = _("Declarations adopted by the Asian Network of Major Cities 21.")

    def link(self):
        return reverse("declarations:list")

    def items(self):
        return declaration_feed_items()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        meeting = item.meeting.title if item.meeting else ""
        return " · ".join(part for part in (meeting, item.original_text[:400]) if part)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        if item.adopted_on is None:
            return item.created_at
        return timezone.make_aware(datetime.datetime.combine(item.adopted_on, datetime.time(12)))

    def item_updateddate(self, item):
        return item.updated_at
