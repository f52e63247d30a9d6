"""Declaration pages: index, page, PDF, import, correction, commitments, accountability."""

import csv
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.agreements.permissions import can_view_agreement
from intercity.cities.models import City
from intercity.cities.selectors import city_choices, city_list
from intercity.core.audit import audit_trail, wants_whole_history
from intercity.core.form_saving import save_form
from intercity.core.forms import apply_validation_error
from intercity.core.list_filters import one_of, read_filters, record_in, slug_in
from intercity.core.list_filters import year as year_filter
from intercity.core.pagination import paginate
from intercity.declarations import selectors
from intercity.declarations import selectors_accountability as matrix
from intercity.declarations.forms import (
    CommitmentForm,
    CorrectionForm,
    ImportConfirmForm,
    ImportSourceForm,
    ProgressReportForm,
)
from intercity.declarations.import_preview import initial_from, preview_context
from intercity.declarations.models import Declaration, Paragraph, ProgressReport
from intercity.declarations.pdf import PdfClause, PdfDeclaration, render_pdf
from intercity.declarations.permissions import (
    can_correct_declaration,
    can_edit_commitment,
    can_import_declaration,
    can_report_progress,
    can_send_reminders,
    can_view_evidence,
)
from intercity.declarations.progress import commitment_report
from intercity.declarations.progress import reminders_request as request_reminders
from intercity.declarations.services import (
    commitment_update,
    declaration_correct,
    declaration_import,
)

# Index and page ---------------------------------------------------------------------------


@require_GET
def declaration_index(request):
    languages = selectors.declaration_languages(user=request.user)
    years = selectors.declaration_years(user=request.user)
    read = read_filters(
        request.GET,
        {
            "year": year_filter(gettext_lazy("Year"), among=years),
            "city": slug_in(gettext_lazy("Signatory city"), city_choices()),
            "language": one_of(gettext_lazy("Language"), languages),
        },
    )
    filters = read.values
    declarations = selectors.declaration_list(
        user=request.user, search=request.GET.get("q") or None, **filters
    )
    context = paginate(request, declarations)
    context.update(
        {
            "filters": filters,
            "filter_notices": read.notices,
            "years": years,
            "cities": city_choices(),
            "languages": languages,
            "can_import": can_import_declaration(request.user),
        }
    )
    return render(request, "declarations/declaration_list.html", context)


@require_GET
def declaration_detail(request, slug):
    declaration = selectors.declaration_get(slug=slug, user=request.user)
    paragraphs = list(declaration.paragraphs.all())
    progress = matrix.progress_by_declaration(commitments=declaration.commitments.all())
    context = {
        "declaration": declaration,
        "opening": [p for p in paragraphs if p.part == Paragraph.Part.OPENING],
        "preamble": [p for p in paragraphs if p.part == Paragraph.Part.PREAMBLE],
        "closing": [p for p in paragraphs if p.part == Paragraph.Part.CLOSING],
        "outline": selectors.declaration_outline(declaration=declaration, user=request.user),
        "progress": progress[0] if progress else None,
        "can_correct": can_correct_declaration(request.user, declaration),
        "can_edit_commitments": is_secretariat(request.user),
        "history": audit_trail(
            declaration, viewer=request.user, whole=wants_whole_history(request)
        ),
    }
    return render(request, "declarations/declaration_detail.html", context)


@require_GET
def declaration_pdf(request, slug):
    declaration = selectors.declaration_get(slug=slug, user=request.user)
    paragraphs = list(declaration.paragraphs.all())
    meeting = declaration.meeting
    subtitle = " · ".join(
        part
        for part in (
            meeting.label if meeting else "",
            date_format(declaration.adopted_on, "DATE_FORMAT") if declaration.adopted_on else "",
        )
        if part
    )
    signatories = ", ".join(c.label for c in declaration.signatories.all())
    document = PdfDeclaration(
        title=declaration.title,
        subtitle=subtitle,
        signatories=_("Signatories: %(cities)s") % {"cities": signatories} if signatories else "",
        opening=[p.text for p in paragraphs if p.part == Paragraph.Part.OPENING],
        preamble=[(p.lead, p.text) for p in paragraphs if p.part == Paragraph.Part.PREAMBLE],
        operative_intro=declaration.operative_intro,
        clauses=[
            PdfClause(
                number=clause.number or str(clause.position),
                text=clause.text,
                intro=clause.intro,
                subitems=[(s.label, s.text) for s in clause.subitems.all()],
            )
            for clause in declaration.clauses.all()
        ],
        closing=[p.text for p in paragraphs if p.part == Paragraph.Part.CLOSING],
        footer=_("%(title)s, version %(version)s — Intercity")
        % {"title": declaration.title, "version": declaration.version},
        language=declaration.language,
    )
    response = HttpResponse(render_pdf(document), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{declaration.slug}.pdf"'
    return response


# Import -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def declaration_import_page(request):
    """Paste or upload → preview with warnings → correct → save; nothing stored before."""
    if not can_import_declaration(request.user):
        raise Http404
    step = request.POST.get("step")
    if request.method == "GET" or step not in ("preview", "confirm"):
        return render(
            request, "declarations/declaration_import.html", {"source_form": ImportSourceForm()}
        )
    if step == "preview":
        source = ImportSourceForm(request.POST, request.FILES)
        if not source.is_valid():
            return render(
                request,
                "declarations/declaration_import.html",
                {"source_form": source},
                status=400,
            )
        text = source.cleaned_data["text"]
        form = ImportConfirmForm(initial=initial_from(text, source.cleaned_data["meeting"]))
        return render(request, "declarations/declaration_preview.html", preview_context(text, form))
    form = ImportConfirmForm(request.POST)
    if form.is_valid() and "save" in request.POST:
        data = form.cleaned_data
        try:
            declaration = declaration_import(
                actor=request.user,
                text=data["text"],
                corrections={
                    "title": data["title"],
                    "meeting": data["meeting"],
                    "adopted_on": data["adopted_on"],
                    "symbol": data["symbol"],
                    "language": data["language"],
                    "signatories": list(data["signatories"]),
                    "status": data["status"],
                },
                source_document=_("Imported through the page on %(date)s")
                % {"date": timezone.localdate().isoformat()},
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The declaration was saved."))
            return redirect(declaration)
    text = form.data.get("text", "")
    status = 400 if form.errors else 200
    return render(
        request,
        "declarations/declaration_preview.html",
        preview_context(text, form),
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def declaration_correct_page(request, slug):
    declaration = selectors.declaration_get(slug=slug, user=request.user)
    if not can_correct_declaration(request.user, declaration):
        raise Http404
    form = CorrectionForm(request.POST or None, initial={"text": declaration.original_text})
    if request.method == "POST" and form.is_valid():
        try:
            declaration_correct(
                actor=request.user,
                declaration=declaration,
                text=form.cleaned_data["text"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "original_text" in error.error_dict:
                # The service names the model's field; the page calls it "text".
                error.error_dict["text"] = error.error_dict.pop("original_text")
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The correction was recorded as a new version."))
            return redirect(declaration)
    context = {
        "form": form,
        "heading": _("Correct %(title)s") % {"title": declaration.title},
        "cancel_url": declaration.get_absolute_url(),
        "submit_label": _("Record the correction"),
    }
    return render(request, "web/record_form.html", context, status=400 if form.errors else 200)


@require_GET
def declaration_version(request, slug, number):
    declaration = selectors.declaration_get(slug=slug, user=request.user)
    version = get_object_or_404(declaration.versions.all(), number=number)
    return render(
        request,
        "declarations/declaration_version.html",
        {"declaration": declaration, "version": version},
    )


# Commitments and progress -----------------------------------------------------------------


def _reporting_cities(user, commitment) -> list[City]:
    cities = list(commitment.cities.all())
    if is_secretariat(user):
        return cities
    own = focal_city_id(user)
    return [city for city in cities if city.pk == own]


@require_GET
def commitment_detail(request, pk):
    commitment = selectors.commitment_get(pk=pk, user=request.user)
    cities = list(commitment.cities.all())
    row = matrix.matrix_rows(commitments=[commitment], cities=cities)[0]
    reports = list(selectors.commitment_reports(commitment=commitment))
    context = {
        "commitment": commitment,
        "cells": [cell for cell in row.cells if cell],
        "reports": reports,
        # Evidence files open for the secretariat and the reporting city; others see no link.
        "evidence_ids": {r.pk for r in reports if can_view_evidence(request.user, r)},
        "reporting_cities": _reporting_cities(request.user, commitment),
        "agreements": [
            a for a in commitment.agreements.all() if can_view_agreement(request.user, a)
        ],
        "can_edit": can_edit_commitment(request.user, commitment),
        "history": audit_trail(commitment, viewer=request.user, whole=wants_whole_history(request)),
    }
    return render(request, "declarations/commitment_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def commitment_edit(request, pk):
    commitment = selectors.commitment_get(pk=pk, user=request.user)
    if not can_edit_commitment(request.user, commitment):
        raise Http404
    form = CommitmentForm(request.POST or None, instance=commitment)

    def save(_data):
        data, relations = form.split()
        commitment_update(actor=request.user, commitment=commitment, data=data, **relations)

    if request.method == "POST" and save_form(form, save)[0]:
        messages.success(request, _("The commitment was saved."))
        return redirect(commitment)
    context = {
        "form": form,
        "heading": _("Edit commitment %(ref)s") % {"ref": commitment.reference},
        "cancel_url": commitment.get_absolute_url(),
    }
    return render(request, "web/record_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def progress_report_new(request, pk, city):
    commitment = selectors.commitment_get(pk=pk, user=request.user)
    city = get_object_or_404(City, slug=city)
    if not can_report_progress(request.user, commitment, city):
        # Another city's record: answer as if it did not exist.
        raise Http404
    latest = selectors.commitment_reports(commitment=commitment, city=city).first()
    initial = {"status": latest.status} if latest else {}
    form = ProgressReportForm(request.POST or None, request.FILES or None, initial=initial)

    def save(data):
        # A field the user got wrong is missing from data; the service is tried without it.
        return commitment_report(
            actor=request.user,
            commitment=commitment,
            city=city,
            status=data.get("status"),
            narrative=data.get("narrative", ""),
            # A link refused as typed is still evidence given: no call for a narrative.
            evidence_url=data.get("evidence_url", form.data.get("evidence_url", "")),
            evidence_file=data.get("evidence_file"),
            reported_on=data.get("reported_on"),
        )

    if request.method == "POST" and save_form(form, save)[0]:
        messages.success(request, _("The progress report was recorded."))
        return redirect(commitment)
    context = {
        "form": form,
        "heading": _("Report progress of %(city)s on clause %(ref)s: %(title)s")
        % {"city": city.label, "ref": commitment.reference, "title": commitment.title},
        "cancel_url": commitment.get_absolute_url(),
        "submit_label": _("Record the report"),
    }
    return render(request, "web/record_form.html", context, status=400 if form.errors else 200)


# Accountability ----------------------------------------------------------------------------


def _scope(request):
    """The declaration, city and words the address bar asks for, the commitments in that
    scope, and a notice per value not known (ignored, as on every list)."""
    read = read_filters(
        request.GET,
        {
            "declaration": record_in(
                gettext_lazy("Declaration"), selectors.declaration_visible(request.user)
            ),
            "city": record_in(gettext_lazy("City"), city_list()),
        },
    )
    declaration, city = read["declaration"], read["city"]
    commitments = selectors.commitment_scope(
        user=request.user, declaration=declaration, city=city, search=_search(request)
    )
    return declaration, city, commitments, read.notices


def _search(request) -> str | None:
    return request.GET.get("q", "").strip() or None


@require_GET
def accountability(request):
    declaration, city, commitments, notices = _scope(request)
    context = paginate(request, commitments, per_page=25)
    cities = matrix.matrix_cities(commitments=commitments, city=city)
    context.update(
        {
            "declaration": declaration,
            "city": city,
            "search": _search(request),
            "filter_notices": notices,
            "cities": cities,
            "rows": matrix.matrix_rows(commitments=list(context["object_list"]), cities=cities),
            "by_declaration": matrix.progress_by_declaration(commitments=commitments),
            "by_city": matrix.progress_by_city(commitments=commitments),
            "statuses": [
                (value, label, matrix.STATUS_SYMBOLS[value])
                for value, label in ProgressReport.Status.choices
            ],
            "unreported_symbol": matrix.STATUS_SYMBOLS["none"],
            "declarations": selectors.declaration_visible(request.user)
            .order_by("-adopted_on", "title")
            .only("slug", "title"),
            "all_cities": city_choices(),
            "report_all": is_secretariat(request.user),
            "report_city_id": focal_city_id(request.user),
            "can_remind": can_send_reminders(request.user),
            "inactive_days": _inactive_days(),
        }
    )
    return render(request, "declarations/accountability.html", context)


def _inactive_days() -> int:
    return getattr(settings, "INTERCITY_INACTIVE_AFTER_DAYS", 365)


EXPORT_FIELDS = [
    "declaration",
    "declaration_title",
    "clause",
    "commitment_id",
    "commitment",
    "city",
    "city_name",
    "status",
    "reported_on",
    "inactive",
]


class _Echo:
    def write(self, value):
        return value


def _export_name(declaration, city) -> str:
    parts = ["accountability", declaration.slug if declaration else "", city.slug if city else ""]
    return slugify("-".join(p for p in parts if p))


@require_GET
def accountability_csv(request):
    declaration, city, commitments, _notices = _scope(request)
    writer = csv.DictWriter(_Echo(), fieldnames=EXPORT_FIELDS)

    def lines():
        yield writer.writeheader() or ",".join(EXPORT_FIELDS) + "\r\n"
        for row in matrix.matrix_export_rows(commitments=commitments, city=city):
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    name = _export_name(declaration, city)
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


@require_GET
def accountability_json(request):
    declaration, city, commitments, _notices = _scope(request)
    payload = {
        "declaration": declaration.slug if declaration else None,
        "city": city.slug if city else None,
        "q": _search(request),
        "inactive_after_days": _inactive_days(),
        "cells": list(matrix.matrix_export_rows(commitments=commitments, city=city)),
    }
    response = HttpResponse(
        json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type="application/json",
    )
    name = _export_name(declaration, city)
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@login_required
@require_POST
def reminders_send_page(request):
    if not can_send_reminders(request.user):
        raise Http404
    declaration = None
    if request.POST.get("declaration"):
        declaration = get_object_or_404(Declaration, slug=request.POST["declaration"])
    request_reminders(actor=request.user, declaration=declaration)
    messages.success(request, _("Report reminders are being sent to the cities' focal points."))
    target = "declarations:accountability"
    if declaration:
        return redirect(f"{reverse(target)}?declaration={declaration.slug}")
    return redirect(target)
