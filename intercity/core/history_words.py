"""The words a record's history is told in: the nouns of audit actions, one sentence per
verb, and the sentences for changes of cities, roles and translations."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, ngettext_lazy

# The nouns audit actions name, so a sentence never shows "meeting_request" or "subitem".
ENTITIES: dict[str, Promise] = {
    "action": gettext_lazy("follow-up action"),
    "activity": gettext_lazy("activity"),
    "affected_city": gettext_lazy("affected city"),
    "assistance": gettext_lazy("assistance"),
    "delivery": gettext_lazy("delivery"),
    "drill": gettext_lazy("drill"),
    "figure": gettext_lazy("figure"),
    "incident": gettext_lazy("incident"),
    "indicator": gettext_lazy("indicator"),
    "message": gettext_lazy("solidarity message"),
    "need": gettext_lazy("need"),
    "observation": gettext_lazy("indicator value"),
    "offer": gettext_lazy("offer"),
    "target": gettext_lazy("target"),
    "agreement": gettext_lazy("agreement"),
    "attachment": gettext_lazy("attachment"),
    "attendee": gettext_lazy("participant"),
    "city": gettext_lazy("city"),
    "clause": gettext_lazy("clause"),
    "commitment": gettext_lazy("commitment"),
    "declaration": gettext_lazy("declaration"),
    "document": gettext_lazy("document"),
    "event": gettext_lazy("business event"),
    "initiative": gettext_lazy("initiative"),
    "invitation": gettext_lazy("invitation"),
    "item": gettext_lazy("knowledge item"),
    "meeting": gettext_lazy("meeting"),
    "meeting_request": gettext_lazy("meeting request"),
    "news": gettext_lazy("news item"),
    "opportunity": gettext_lazy("opportunity"),
    "organisation": gettext_lazy("organisation"),
    "paragraph": gettext_lazy("paragraph"),
    "pledge": gettext_lazy("pledge"),
    "profile": gettext_lazy("business profile"),
    "programme": gettext_lazy("programme"),
    "progress": gettext_lazy("progress report"),
    "proposal": gettext_lazy("proposed change of status"),
    "registration": gettext_lazy("registration"),
    "reference": gettext_lazy("reference"),
    "review": gettext_lazy("review"),
    "session": gettext_lazy("session"),
    "signatory": gettext_lazy("signatory"),
    "subitem": gettext_lazy("sub-item"),
    "translation": gettext_lazy("translation"),
    "user": gettext_lazy("account"),
}

# One sentence per verb; %(who)s is the actor, %(what)s the entity's noun.
VERBS: dict[str, Promise] = {
    "accepted": gettext_lazy("%(who)s accepted the %(what)s"),
    "approved": gettext_lazy("%(who)s approved the %(what)s"),
    "joined": gettext_lazy("%(who)s joined the %(what)s"),
    "left": gettext_lazy("%(who)s left the %(what)s"),
    "cancelled": gettext_lazy("%(who)s cancelled the %(what)s"),
    "closed_by_review": gettext_lazy("%(who)s closed the %(what)s after a review"),
    "confirmed": gettext_lazy("%(who)s confirmed the %(what)s"),
    "declined": gettext_lazy("%(who)s declined the %(what)s"),
    "dismissed": gettext_lazy("%(who)s dismissed the %(what)s"),
    "dispatched": gettext_lazy("%(who)s dispatched the %(what)s"),
    "done": gettext_lazy("%(who)s completed the %(what)s"),
    "lessons_published": gettext_lazy("%(who)s published the lessons learned"),
    "made": gettext_lazy("%(who)s made an %(what)s"),
    "posted": gettext_lazy("%(who)s posted a %(what)s"),
    "received": gettext_lazy("%(who)s confirmed receipt of the %(what)s"),
    "reopened": gettext_lazy("%(who)s reopened the %(what)s"),
    "status": gettext_lazy("%(who)s changed the status of the %(what)s"),
    "status_proposed": gettext_lazy("%(who)s proposed a change of status of the %(what)s"),
    "status_confirmed": gettext_lazy("%(who)s confirmed the proposed change of status"),
    "status_declined": gettext_lazy("%(who)s declined the proposed change of status"),
    "status_withdrawn": gettext_lazy("%(who)s withdrew the proposed change of status"),
    "suggested": gettext_lazy("%(who)s suggested an %(what)s"),
    "written": gettext_lazy("%(who)s wrote the %(what)s"),
    "added": gettext_lazy("%(who)s added a %(what)s"),
    "answered": gettext_lazy("%(who)s answered the %(what)s"),
    "corrected": gettext_lazy("%(who)s corrected the %(what)s"),
    "created": gettext_lazy("%(who)s created the %(what)s"),
    "deleted": gettext_lazy("%(who)s deleted the %(what)s"),
    "fixed": gettext_lazy("%(who)s fixed the time of the %(what)s"),
    "imported": gettext_lazy("%(who)s imported the %(what)s"),
    "invited": gettext_lazy("%(who)s invited a person to an %(what)s"),
    "linked": gettext_lazy("%(who)s linked a %(what)s"),
    "moderated": gettext_lazy("%(who)s moderated the %(what)s"),
    "opened": gettext_lazy("%(who)s opened the %(what)s"),
    "published": gettext_lazy("%(who)s published the %(what)s"),
    "registration_closed": gettext_lazy("%(who)s closed registration"),
    "registration_opened": gettext_lazy("%(who)s opened registration"),
    "recorded": gettext_lazy("%(who)s recorded a %(what)s"),
    "removed": gettext_lazy("%(who)s removed a %(what)s"),
    "reported": gettext_lazy("%(who)s reported progress"),
    "sent": gettext_lazy("%(who)s sent the %(what)s"),
    "schedule_published": gettext_lazy("%(who)s published the schedule"),
    "slots_added": gettext_lazy("%(who)s added meeting slots"),
    "translated": gettext_lazy("%(who)s translated the %(what)s"),
    "unverified": gettext_lazy("%(who)s withdrew the verification of the %(what)s"),
    "updated": gettext_lazy("%(who)s updated the %(what)s"),
    "verified": gettext_lazy("%(who)s verified the %(what)s"),
    "withdrawn": gettext_lazy("%(who)s withdrew the %(what)s"),
}

# Whole actions whose sentence says more than the verb alone.
ACTIONS: dict[str, Promise] = {
    "meetings.attendee.added": gettext_lazy("%(who)s added %(detail)s as a participant"),
    "meetings.session.created": gettext_lazy("%(who)s added %(detail)s to the agenda"),
    "meetings.document.added": gettext_lazy("%(who)s added the document %(detail)s"),
    "meetings.document.removed": gettext_lazy("%(who)s removed the document %(detail)s"),
    "meetings.attendee.removed": gettext_lazy("%(who)s removed %(detail)s from the participants"),
    "programmes.activity.added": gettext_lazy("%(who)s recorded the activity %(detail)s"),
    "business.event.meeting_moved": gettext_lazy(
        "%(who)s moved the meeting %(detail)s in the published schedule"
    ),
}
DETAIL_FALLBACK = {
    "meetings.attendee.added": gettext_lazy("%(who)s added a participant"),
    "meetings.session.created": gettext_lazy("%(who)s added a session to the agenda"),
    "meetings.document.added": gettext_lazy("%(who)s added a document"),
    "meetings.document.removed": gettext_lazy("%(who)s removed a document"),
    "meetings.attendee.removed": gettext_lazy("%(who)s removed a participant"),
    "programmes.activity.added": gettext_lazy("%(who)s recorded an activity"),
    "business.event.meeting_moved": gettext_lazy(
        "%(who)s moved a meeting in the published schedule"
    ),
}
# %(cities)s is one city or a list; %(count)s how many, for the plural.
CITY_ROLES = {
    "host": ngettext_lazy(
        "%(who)s added %(cities)s as host", "%(who)s added %(cities)s as hosts", "count"
    ),
    "delegate": ngettext_lazy(
        "%(who)s added %(cities)s as a participant",
        "%(who)s added %(cities)s as participants",
        "count",
    ),
    "observer": ngettext_lazy(
        "%(who)s added %(cities)s as an observer",
        "%(who)s added %(cities)s as observers",
        "count",
    ),
}
ROLE_CHANGES = {
    "host": ngettext_lazy(
        "%(who)s made %(cities)s the host", "%(who)s made %(cities)s hosts", "count"
    ),
    "delegate": ngettext_lazy(
        "%(who)s made %(cities)s a participant", "%(who)s made %(cities)s participants", "count"
    ),
    "observer": ngettext_lazy(
        "%(who)s made %(cities)s an observer", "%(who)s made %(cities)s observers", "count"
    ),
}
REMOVED_CITIES = ngettext_lazy(
    "%(who)s removed %(cities)s from the participants",
    "%(who)s removed %(cities)s from the participants",
    "count",
)
# Changes to one of a record's versions in another language; %(language)s names the language.
LANGUAGE_VERBS: dict[str, Promise] = {
    "translated": gettext_lazy("%(who)s translated the %(what)s into %(language)s"),
    "translation_updated": gettext_lazy(
        "%(who)s updated the %(language)s translation of the %(what)s"
    ),
    "translation_removed": gettext_lazy(
        "%(who)s removed the %(language)s translation of the %(what)s"
    ),
}
CHANGED_SET = gettext_lazy("%(who)s changed the %(field)s")
UNKNOWN = gettext_lazy("%(who)s changed this record")
