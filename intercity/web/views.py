"""The home dashboard, network news, its Atom feed and the site-wide search page."""

from datetime import datetime, time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.cities.selectors import city_choices, city_map_points, member_cities
from intercity.core.list_filters import one_of, read_filters, slug_in
from intercity.core.models import NewsItem
from intercity.core.pagination import paginate
from intercity.core.permissions import can_delete_news, can_edit_news, can_publish_news
from intercity.core.sections import fill
from intercity.core.selectors import news_list, theme_list
from intercity.core.services import news_delete, news_publish, news_update
from intercity.core.slugs import unique_slug
from intercity.core.views import record_form_response
from intercity.knowledge.views import index_status_context
from intercity.searchindex.registry import type_labels
from intercity.web.forms import NewsForm
from intercity.web.my_work import my_work
from intercity.web.my_work_items import waiting
from intercity.web.selectors import search_filters, site_search


@require_GET
def home(request):
    context = {
        "map_points": city_map_points(),
        "member_count": member_cities().count(),
        # Meetings, programmes…: what the other apps register for the dashboard.
        "stats": fill("home.stats", user=request.user),
        "sections": fill("home", user=request.user),
        "news": list(news_list()[:5]),
    }
    return render(request, "web/home.html", context)


@require_GET
def news(request):
    read = read_filters(
        request.GET,
        {
            "kind": one_of(_("Kind"), NewsItem.Kind.values),
            "city": slug_in(_("City"), city_choices()),
        },
    )
    context = paginate(request, news_list(search=request.GET.get("q") or None, **read.values))
    context["kinds"] = NewsItem.Kind.choices
    context["kind"] = read["kind"]
    context["cities"] = city_choices()
    context["city"] = read["city"]
    context["filter_notices"] = read.notices
    context["can_publish"] = can_publish_news(request.user)
    return render(request, "web/news_list.html", context)


def _news_url(item) -> str:
    return f"{reverse('web:news')}#{item.slug}"


@login_required
@require_http_methods(["GET", "POST"])
def news_new(request):
    if not can_publish_news(request.user):
        raise Http404
    form = NewsForm(request.POST or None)

    def save(_data):
        data, cities = form.split()
        data["slug"] = unique_slug(NewsItem, data["title"])
        return news_publish(actor=request.user, data=data, cities=cities)

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Publish news"),
        success_message=_("The news item was published."),
        cancel_url=reverse("web:news"),
        redirect_to=_news_url,
    )


@login_required
@require_http_methods(["GET", "POST"])
def news_edit(request, slug):
    item = get_object_or_404(NewsItem, slug=slug)
    if not can_edit_news(request.user, item):
        raise Http404
    form = NewsForm(request.POST or None, instance=item)

    def save(_data):
        data, cities = form.split()
        news_update(actor=request.user, item=item, data=data, cities=cities)
        return item

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Edit news"),
        success_message=_("The news item was saved."),
        cancel_url=_news_url(item),
        redirect_to=_news_url,
    )


@login_required
@require_POST
def news_remove(request, slug):
    item = get_object_or_404(NewsItem, slug=slug)
    if not can_delete_news(request.user, item):
        raise Http404
    news_delete(actor=request.user, item=item)
    messages.success(request, _("The news item was deleted."))
    return redirect("web:news")


def _suggestion_link(request, suggestion: str) -> str:
    """The corrected query as a link to its results, the other filters kept; the query is
    text the reader typed, so it is escaped here and the sentence around it translated."""
    params = request.GET.copy()
    params["q"] = suggestion
    params.pop("page", None)
    return format_html('<a href="?{}">{}</a>', params.urlencode(), suggestion)


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:300]
    filters = search_filters(request.GET)
    results = (
        site_search(
            user=request.user,
            query=query,
            filters=filters,
            reader_language=translation.get_language(),
        )
        if query
        else None
    )
    context = {
        "query": query,
        "results": results,
        "filters": filters,
        "type_choices": [
            (value, label, (results.type_counts.get(value, 0) if results else 0))
            for value, label in type_labels().items()
        ],
        "cities": city_choices(),
        "themes": theme_list(),
        "languages": settings.LANGUAGES,
    }
    if results is not None:
        context.update(paginate(request, results.hits, per_page=20))
        if results.suggestion:
            context["suggestion_link"] = _suggestion_link(request, results.suggestion)
    context.update(index_status_context(request.user))
    return render(request, "web/search.html", context)


@login_required
@require_GET
def my_work_page(request):
    sections = my_work(request.user, whole=request.GET.get("all", ""))
    context = {
        "sections": sections,
        "waiting": waiting(sections),
        # What holds something comes first; the sections with nothing in them follow, compact,
        # so that on a phone the work is not below a column of empty cards.
        "busy": [section for section in sections if section.items],
        "clear": [section for section in sections if not section.items],
    }
    return render(request, "web/my_work.html", context)


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


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page names; send them to the shipped icon."""
    return HttpResponsePermanentRedirect(static("web/favicon.svg"))
