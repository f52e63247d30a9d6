"""The write of an answer to a cooperation opportunity, and the email it sends its author."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from intercity.business import permissions as rules
from intercity.business import services
from intercity.business.models import Opportunity, OpportunityAnswer, SuggestionMark
from intercity.core.audit import record_m2m_change
from intercity.core.queue import enqueue_on_commit
from intercity.core.services import require

# Background tasks import the services, so the task is named, not imported.
NOTIFY_ANSWER = "intercity.business.tasks.notify_opportunity_answer"


@transaction.atomic
def opportunity_answer_create(
    *, actor: Any, opportunity: Opportunity, message: str
) -> OpportunityAnswer:
    """Keep the actor's organisation's answer, note it on the opportunity's history, mark the
    author as contacted, and email the author's representatives once it is written."""
    require(rules.can_answer_opportunity(actor, opportunity))
    organisation = actor.organisation
    # Locks the opportunity, so two colleagues answering at once cannot both pass the check.
    Opportunity.objects.select_for_update().filter(pk=opportunity.pk).first()
    earlier = OpportunityAnswer.objects.filter(
        opportunity=opportunity, organisation=organisation
    ).first()
    if earlier is not None:
        raise ValidationError(
            {
                "message": _("Your organisation already answered this opportunity on %(date)s.")
                % {"date": date_format(localtime(earlier.created_at), "DATE_FORMAT")}
            }
        )
    answer = OpportunityAnswer(
        opportunity=opportunity, organisation=organisation, sender=actor, message=message
    )
    answer.full_clean()
    answer.save()
    record_m2m_change(opportunity, actor=actor, action="business.opportunity.answered")
    mark = SuggestionMark.objects.filter(
        organisation=organisation, counterpart=opportunity.organisation
    ).first()
    services.suggestion_mark(
        actor=actor,
        organisation=organisation,
        counterpart=opportunity.organisation,
        state=SuggestionMark.State.CONTACTED,
        message=mark.message if mark is not None else "",
    )
    enqueue_on_commit(NOTIFY_ANSWER, answer.pk)
    return answer
