"""Joint emergency drills: a meeting of kind drill with a scenario, a review and its actions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.core.models import TimeStampedModel
from intercity.solidarity.models.incidents import Incident


class Drill(TimeStampedModel):
    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="drill",
        verbose_name=_("meeting"),
    )
    scenario_kind = models.CharField(
        _("scenario: kind of incident"), max_length=30, choices=Incident.Kind.choices
    )
    scenario = models.TextField(_("scenario"))
    objectives = models.JSONField(_("objectives"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-meeting__year", "-meeting__start_date", "id"]
        verbose_name = _("drill")
        verbose_name_plural = _("drills")

    def __str__(self) -> str:
        return str(self.meeting)

    def get_absolute_url(self) -> str:
        return reverse("solidarity:drill", kwargs={"slug": self.meeting.slug})

    def clean(self) -> None:
        super().clean()
        if self.meeting_id and self.meeting.kind != "drill":
            raise ValidationError({"meeting": _("A drill is recorded on a meeting of kind drill.")})
        if not isinstance(self.objectives, list) or not all(
            isinstance(o, str) and o.strip() for o in self.objectives
        ):
            raise ValidationError({"objectives": _("Objectives are a list of sentences.")})


class DrillReview(TimeStampedModel):
    """The after-action review: what worked, what to improve, and the lessons kept."""

    drill = models.OneToOneField(
        Drill, on_delete=models.CASCADE, related_name="review", verbose_name=_("drill")
    )
    what_worked = models.TextField(_("what worked"))
    to_improve = models.TextField(_("what to improve"))
    lessons = models.TextField(
        _("lessons"), blank=True, help_text=_("Published as a knowledge item of the network.")
    )
    held_on = models.DateField(_("held on"), null=True, blank=True)
    knowledge_item = models.ForeignKey(
        "knowledge.KnowledgeItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lesson published as"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("after-action review")
        verbose_name_plural = _("after-action reviews")

    def __str__(self) -> str:
        return str(_("Review of %(drill)s") % {"drill": self.drill})


class DrillAction(TimeStampedModel):
    review = models.ForeignKey(
        DrillReview, on_delete=models.CASCADE, related_name="actions", verbose_name=_("review")
    )
    description = models.CharField(_("action"), max_length=300)
    owner_city = models.ForeignKey(
        "cities.City",
        on_delete=models.PROTECT,
        related_name="drill_actions",
        verbose_name=_("owner city"),
    )
    due_on = models.DateField(_("due on"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("review action")
        verbose_name_plural = _("review actions")

    def __str__(self) -> str:
        return self.description
