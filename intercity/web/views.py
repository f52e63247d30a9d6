"""The home dashboard, network news, its Atom feed and the site-wide search page."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from intercity.cities.selectors import city_map_points, member_cities
from intercity.core.models import NewsItem
from intercity.core.pagination import paginate
from intercity.core.selectors import news_list
from intercity.meetings.selectors import (
    next_host_suggestion,
    recent_meetings,
    upcoming_meetings,
)
from intercity.programmes.selectors import active_programmes
from intercity.web.selectors import site_search


@require_GET
def home(request):
    upcoming = upcoming_meetings(user=request.user, limit=5)
    context = {
        "map_points": city_map_points(),
        "member_count": member_cities().count(),
        "upcoming": upcoming,
        # A network with nothing scheduled still shows where it last met.
        "recent": [] if upcoming else recent_meetings(user=request.user, limit=5),
        "programmes": active_programmes(limit=8),
        "news": list(news_list()[:5]),
        "next_host": next_host_suggestion(),
    }
    return render(request, "web/home.html", context)


@require_GET
def news(request):
    kind = request.GET.get("kind") or None
    context = paginate(request, news_list(kind=kind, city=request.GET.get("city") or None))
    context["kinds"] = NewsItem.Kind.choices
    context["kind"] = kind
    return render(request, "web/news_list.html", context)


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()
    results = site_search(user=request.user, query=query) if query else []
    return render(request, "web/search.html", {"query": query, "results": results})


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("ANMC21 network news")
    subtitle = _("News of the Asian Network of Major Cities 21.")

    def link(self):
        return reverse("web:news")

    def items(self):
        return news_list()[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return f"{reverse('web:news')}#{item.slug}"

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.published_on, time(12)))

    def item_updateddate(self, item):
        return item.updated_at
