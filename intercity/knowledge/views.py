"""Knowledge pages: list with facets, detail in the reader's language, forms, "which city", feed."""

from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.accounts.roles import is_secretariat
from intercity.cities.models import City
from intercity.cities.selectors import city_choices
from intercity.core.audit import audit_trail, wants_whole_history
from intercity.core.list_filters import one_of, read_filters, slug_in, year
from intercity.core.pagination import paginate
from intercity.core.selectors import theme_list
from intercity.core.views import record_form_response
from intercity.knowledge.forms import (
    AttachmentForm,
    KnowledgeItemForm,
    ModerationForm,
    TranslationForm,
)
from intercity.knowledge.markup import render_markdown
from intercity.knowledge.models import KnowledgeItem
from intercity.knowledge.permissions import (
    can_create_item,
    can_edit_item,
    can_moderate_item,
    can_run_indexing,
    can_translate_item,
)
from intercity.knowledge.selectors import (
    KnowledgeFilters,
    feed_items,
    item_facets,
    item_get,
    item_list,
    item_version,
    which_city,
)
from intercity.knowledge.services import (
    attachment_add,
    item_create,
    item_moderate,
    item_update,
    translation_save,
)
from intercity.searchindex.vectors import latest_run, pending_documents, start_embedding_run


@require_GET
def knowledge_index(request):
    read = read_filters(
        request.GET,
        {
            "city": slug_in(gettext_lazy("City"), city_choices()),
            "theme": slug_in(gettext_lazy("Theme"), theme_list()),
            "kind": one_of(gettext_lazy("Kind"), KnowledgeItem.Kind.values),
            "language": one_of(
                gettext_lazy("Language"),
                [code for code, _label in KnowledgeItem._meta.get_field("language").choices],
            ),
            "from": year(gettext_lazy("From year")),
            "to": year(gettext_lazy("To year")),
        },
    )
    filters = KnowledgeFilters(
        city=read["city"],
        theme=read["theme"],
        kind=read["kind"],
        language=read["language"],
        year_from=read["from"],
        year_to=read["to"],
    )
    query = request.GET.get("q", "").strip()
    items, matched = item_list(user=request.user, filters=filters, search_text=query or None)
    context = paginate(request, items, per_page=20)
    languages = dict(KnowledgeItem._meta.get_field("language").choices)
    kinds = dict(KnowledgeItem.Kind.choices)
    facets = item_facets(user=request.user, filters=filters, matched=matched if query else None)
    for row in facets["language"]:
        row["label"] = languages.get(row["language"], row["language"])
    for row in facets["kind"]:
        row["label"] = kinds.get(row["kind"], row["kind"])
    context.update(
        {
            "query": query,
            "filters": filters,
            "filter_notices": read.notices,
            "facets": facets,
            "kinds": KnowledgeItem.Kind.choices,
            "languages": KnowledgeItem._meta.get_field("language").choices,
            "cities": city_choices(),
            "themes": theme_list(),
            "can_create": can_create_item(request.user),
            "year_from": read["from"] or "",
            "year_to": read["to"] or "",
        }
    )
    return render(request, "knowledge/item_list.html", context)


@require_GET
def knowledge_detail(request, slug):
    item = item_get(slug=slug, user=request.user)
    version = item_version(item, request.GET.get("lang") or None)
    languages = dict(KnowledgeItem._meta.get_field("language").choices)
    context = {
        "item": item,
        "version": version,
        "body_html": render_markdown(version.body),
        "original_language": languages.get(item.language, item.language),
        "version_language": languages.get(version.language, version.language),
        "versions": [(item.language, languages.get(item.language, item.language), True)]
        + [
            (t.language, languages.get(t.language, t.language), False)
            for t in item.translations.all()
        ],
        "can_edit": can_edit_item(request.user, item),
        "can_translate": can_translate_item(request.user, item),
        "can_moderate": can_moderate_item(request.user, item),
        "history": audit_trail(item, viewer=request.user, whole=wants_whole_history(request)),
    }
    return render(request, "knowledge/item_detail.html", context)


def _contributor_cities(user):
    if is_secretariat(user):
        return City.objects.order_by("name")
    return City.objects.filter(pk=user.city_id)


@login_required
@require_http_methods(["GET", "POST"])
def knowledge_new(request):
    if not can_create_item(request.user):
        raise Http404
    form = KnowledgeItemForm(
        request.POST or None, user=request.user, cities=_contributor_cities(request.user)
    )
    if request.method == "GET":
        if request.user.city_id:
            form.initial.setdefault("city", request.user.city_id)
        # Authors write in the language they read the site in, rarely in the model's default.
        language = get_language()
        if language in dict(form.fields["language"].choices):
            form.initial.setdefault("language", language)

    def save(_data):
        data, relations = form.split()
        return item_create(actor=request.user, data=data, **relations)

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Share a practice, policy or lesson"),
        success_message=_("The knowledge item was saved."),
        cancel_url=reverse("knowledge:list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def knowledge_edit(request, slug):
    item = item_get(slug=slug, user=request.user)
    if not can_edit_item(request.user, item):
        raise Http404
    form = KnowledgeItemForm(
        request.POST or None,
        instance=item,
        user=request.user,
        cities=_contributor_cities(request.user),
    )

    def save(_data):
        data, relations = form.split()
        fresh = KnowledgeItem.objects.get(pk=item.pk)
        item_update(actor=request.user, item=fresh, data=data, **relations)
        return fresh

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Edit %(title)s") % {"title": item.title},
        success_message=_("The knowledge item was saved."),
        cancel_url=item.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def translation_new(request, slug):
    item = item_get(slug=slug, user=request.user)
    if not can_translate_item(request.user, item):
        raise Http404
    # Translators most often write in the language they read the site in, under their own name.
    language = request.GET.get("language") or get_language()
    form = TranslationForm(
        request.POST or None,
        item=item,
        initial={
            "translated_on": timezone.localdate(),
            "translator_name": request.user.get_full_name(),
        },
    )
    if language in dict(form.fields["language"].choices):
        form.initial["language"] = language

    def save(data):
        language = data.pop("language")
        translation_save(actor=request.user, item=item, language=language, data=data)
        return f"{item.get_absolute_url()}?lang={language}"

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Translate %(title)s") % {"title": item.title},
        success_message=_("The translation was saved."),
        cancel_url=item.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def attachment_new(request, slug):
    item = item_get(slug=slug, user=request.user)
    if not can_edit_item(request.user, item):
        raise Http404
    form = AttachmentForm(request.POST or None, request.FILES or None)

    def save(data):
        upload = data["file"]
        attachment_add(
            actor=request.user,
            item=item,
            # A title refused as typed is missing while the rest is tried.
            title=data.get("title", ""),
            name=upload.name,
            data=upload.read(),
        )
        return item

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Attach a file to %(title)s") % {"title": item.title},
        success_message=_("The file was attached."),
        cancel_url=item.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def knowledge_moderate(request, slug):
    item = item_get(slug=slug, user=request.user)
    if not can_moderate_item(request.user, item):
        raise Http404
    form = ModerationForm(
        request.POST or None,
        initial={"visibility": item.visibility, "note": item.moderation_note},
    )

    def save(data):
        fresh = KnowledgeItem.objects.get(pk=item.pk)
        item_moderate(
            actor=request.user, item=fresh, visibility=data["visibility"], note=data["note"]
        )
        return fresh

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Moderate %(title)s") % {"title": item.title},
        success_message=_("The moderation decision was recorded."),
        cancel_url=item.get_absolute_url(),
    )


@require_GET
def which_city_page(request):
    query = request.GET.get("q", "").strip()
    theme = request.GET.get("theme") or None
    ranking = which_city(user=request.user, query=query, theme=theme)
    context = {
        "query": query,
        "theme": theme,
        "themes": theme_list(),
        "ranking": ranking,
        "asked": bool(query or theme),
    }
    return render(request, "knowledge/which_city.html", context)


def index_status_context(user) -> dict:
    run = latest_run()
    return {
        "run": run,
        "pending": pending_documents().count(),
        "can_start": can_run_indexing(user),
    }


@require_GET
def index_status(request):
    """The embedding progress, polled by htmx while a run is under way."""
    return render(request, "knowledge/_index_status.html", index_status_context(request.user))


@login_required
@require_POST
def index_start(request):
    if not can_run_indexing(request.user):
        raise Http404
    start_embedding_run()
    if request.htmx:
        return render(request, "knowledge/_index_status.html", index_status_context(request.user))
    return redirect("web:search")


class KnowledgeFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("ANMC21 knowledge exchange")
    subtitle = gettext_lazy("Practices, policies and lessons shared by the network's cities.")

    def link(self):
        return reverse("knowledge:list")

    def items(self):
        return feed_items()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body[:500]

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display(), *(theme.label for theme in item.themes.all())]
