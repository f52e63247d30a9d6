"""The email an opportunity's author receives when another organisation answers it."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils.translation import gettext as _

from intercity.business.models import OpportunityAnswer
from intercity.business.selectors_opportunities import answer_readers
from intercity.core.mail import in_language_of


def _sender_line(answer: OpportunityAnswer) -> str:
    sender = answer.sender
    if sender is None:
        return "—"
    name = sender.get_full_name() or sender.username
    return f"{name} <{sender.email}>" if sender.email else name


def opportunity_answer_notify(*, answer_id: int) -> int:
    """Email the answer to each representative of the opportunity's organisation, in their
    own language, with the sender's address to reply to; how many were sent."""
    answer = (
        OpportunityAnswer.objects.select_related(
            "opportunity__organisation", "organisation__city", "sender"
        )
        .filter(pk=answer_id)
        .first()
    )
    if answer is None:
        return 0
    opportunity, organisation = answer.opportunity, answer.organisation
    url = getattr(settings, "SITE_URL", "").rstrip("/") + opportunity.get_absolute_url()
    reply_to = [answer.sender.email] if answer.sender and answer.sender.email else None
    mails = []
    for person in answer_readers(organisation=opportunity.organisation):
        with in_language_of(person):
            subject = _("%(organisation)s answered your opportunity “%(title)s”") % {
                "organisation": organisation.name,
                "title": opportunity.title,
            }
            lines = [
                _("%(organisation)s (%(city)s) answered your cooperation opportunity.")
                % {"organisation": organisation.name, "city": organisation.city.label},
                _("From: %(sender)s") % {"sender": _sender_line(answer)},
                "",
                answer.message,
                "",
                _("Reply to the sender by email. The opportunity:"),
                url,
            ]
        mails.append(EmailMessage(subject, "\n".join(lines), to=[person.email], reply_to=reply_to))
    return get_connection().send_messages(mails) if mails else 0
