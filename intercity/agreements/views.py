"""Agreement pages: list, detail and forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.accounts.roles import focal_city_id
from intercity.agreements.forms import AgreementForm
from intercity.agreements.models import Agreement
from intercity.agreements.permissions import (
    can_change_parties,
    can_create_agreement,
    can_decide_proposal,
    can_edit_agreement,
    can_withdraw_proposal,
)
from intercity.agreements.proposals import proposal_confirm, proposal_decline, proposal_withdraw
from intercity.agreements.selectors import (
    agreement_get,
    agreement_list,
    pending_by_pledge,
    pending_proposal,
    pledge_list,
    proposal_get,
    proposal_url,
)
from intercity.agreements.services import agreement_create, agreement_update
from intercity.cities.selectors import city_choices
from intercity.core.audit import audit_trail, wants_whole_history
from intercity.core.exports import csv_response, wants_csv
from intercity.core.list_filters import one_of, read_filters, slug_in
from intercity.core.pagination import paginate
from intercity.core.selectors import theme_list
from intercity.core.slugs import create_with_unique_slug
from intercity.core.views import record_form_response
from intercity.meetings.permissions import can_view_meeting

AGREEMENT_COLUMNS = [
    (gettext_lazy("title"), lambda a: a.title),
    (gettext_lazy("status"), lambda a: a.get_status_display()),
    (gettext_lazy("parties"), lambda a: "; ".join(r.city.label for r in a.party_roles.all())),
    (gettext_lazy("themes"), lambda a: "; ".join(t.label for t in a.themes.all())),
    (gettext_lazy("signed on"), lambda a: a.signed_on),
    (gettext_lazy("in force from"), lambda a: a.term_start),
    (gettext_lazy("in force until"), lambda a: a.term_end),
]


@require_GET
def agreement_index(request):
    read = read_filters(
        request.GET,
        {
            "city": slug_in(gettext_lazy("City"), city_choices()),
            "theme": slug_in(gettext_lazy("Theme"), theme_list()),
            "status": one_of(gettext_lazy("Status"), Agreement.Status.values),
        },
    )
    filters = read.values
    agreements = agreement_list(user=request.user, search=request.GET.get("q") or None, **filters)
    if wants_csv(request):
        return csv_response(filename="agreements.csv", columns=AGREEMENT_COLUMNS, rows=agreements)
    context = paginate(request, agreements)
    # Pledges page on their own parameter, so paging them leaves the agreements in place.
    pledge_page = paginate(
        request, pledge_list(city=filters["city"]), per_page=20, parameter="pledge_page"
    )
    context.update(
        {
            "filters": filters,
            "filter_notices": read.notices,
            "statuses": Agreement.Status.choices,
            "cities": city_choices(),
            "themes": theme_list(),
            "pledges": _pledge_rows(request.user, list(pledge_page.pop("object_list"))),
            "pledge_page": pledge_page,
            "can_create": can_create_agreement(request.user),
        }
    )
    return render(request, "agreements/agreement_list.html", context)


def _pledge_rows(user, pledges) -> list[dict]:
    """Each pledge with its pending change of status and what the user may do about it."""
    pending = pending_by_pledge(pledges)
    rows = []
    for pledge in pledges:
        proposal = pending.get(pledge.pk)
        rows.append(
            {
                "pledge": pledge,
                "proposal": proposal,
                "can_decide": proposal is not None and can_decide_proposal(user, proposal),
                "can_withdraw": proposal is not None and can_withdraw_proposal(user, proposal),
            }
        )
    return rows


@require_GET
def agreement_detail(request, slug):
    agreement = agreement_get(user=request.user, slug=slug)
    proposal = pending_proposal(agreement)
    meeting = agreement.signed_at_meeting
    context = {
        "agreement": agreement,
        # A meeting hidden from the reader is neither named nor linked.
        "meeting": meeting if meeting and can_view_meeting(request.user, meeting) else None,
        "proposal": proposal,
        "can_decide": proposal is not None and can_decide_proposal(request.user, proposal),
        "can_withdraw": proposal is not None and can_withdraw_proposal(request.user, proposal),
        "can_edit": can_edit_agreement(request.user, agreement),
        "history": audit_trail(agreement, viewer=request.user, whole=wants_whole_history(request)),
    }
    return render(request, "agreements/agreement_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_new(request):
    if not can_create_agreement(request.user):
        raise Http404
    form = AgreementForm(request.POST or None, parties_editable=True)
    own = focal_city_id(request.user)
    if request.method == "GET" and own is not None:
        # A focal point records agreements its city is party to.
        form.initial.setdefault("parties", [own])

    def save(_data):
        data, parties, themes = form.split()
        return create_with_unique_slug(
            Agreement,
            data.get("title", ""),
            lambda slug: agreement_create(
                actor=request.user, data=data | {"slug": slug}, parties=parties, themes=themes
            ),
        )

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("New agreement"),
        success_message=_("The agreement was recorded."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request, slug):
    agreement = agreement_get(user=request.user, slug=slug)
    if not can_edit_agreement(request.user, agreement):
        raise Http404
    form = AgreementForm(
        request.POST or None,
        instance=agreement,
        parties_editable=can_change_parties(request.user, agreement),
    )

    proposed = []

    def save(_data):
        data, parties, themes = form.split()
        fresh = Agreement.objects.get(pk=agreement.pk)
        agreement_update(
            actor=request.user, agreement=fresh, data=data, parties=parties, themes=themes
        )
        proposed.append(pending_proposal(fresh) is not None and data.get("status") != fresh.status)
        return agreement

    response = record_form_response(
        request,
        form,
        save=save,
        heading=_("Edit %(agreement)s") % {"agreement": agreement.title},
        success_message=_("The agreement was saved."),
        cancel_url=agreement.get_absolute_url(),
    )
    # Said only once the change is saved: an invalid form's fields are tried on the service
    # too, and what that trial proposed was rolled back.
    if response.status_code == 302 and any(proposed):
        messages.info(
            request,
            _("The change of status waits for another party or the secretariat to confirm."),
        )
    return response


DECISIONS = {
    "confirm": (proposal_confirm, gettext_lazy("The change of status was confirmed.")),
    "decline": (proposal_decline, gettext_lazy("The change of status was declined.")),
    "withdraw": (proposal_withdraw, gettext_lazy("The proposal was withdrawn.")),
}


@login_required
@require_POST
def proposal_decide(request, pk, decision):
    """Confirm, decline or withdraw a proposed change of status."""
    proposal = proposal_get(pk=pk)
    service, done = DECISIONS[decision]
    allowed = (
        can_withdraw_proposal(request.user, proposal)
        if decision == "withdraw"
        else can_decide_proposal(request.user, proposal)
    )
    if not allowed:
        raise Http404
    try:
        service(actor=request.user, proposal=proposal)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(proposal_url(proposal))
