"""Forms for knowledge items, translations, attachments and moderation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intercity.agreements.models import Agreement
from intercity.agreements.selectors import agreement_visible
from intercity.core.models import Theme
from intercity.declarations.models import Commitment
from intercity.declarations.selectors import declaration_visible
from intercity.knowledge.models import KnowledgeItem, KnowledgeTranslation
from intercity.meetings.models import Meeting
from intercity.programmes.models import Programme

RELATION_FIELDS = ("themes", "programmes", "meetings", "agreements", "commitments")


class KnowledgeItemForm(forms.ModelForm):
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.order_by("name"), required=False, label=_("Themes")
    )
    programmes = forms.ModelMultipleChoiceField(
        queryset=Programme.objects.order_by("name"), required=False, label=_("Programmes")
    )
    meetings = forms.ModelMultipleChoiceField(
        queryset=Meeting.objects.order_by("-year", "title"), required=False, label=_("Meetings")
    )
    agreements = forms.ModelMultipleChoiceField(
        queryset=Agreement.objects.order_by("title"), required=False, label=_("Agreements")
    )
    commitments = forms.ModelMultipleChoiceField(
        queryset=Commitment.objects.select_related("declaration").order_by(
            "declaration__title", "position"
        ),
        required=False,
        label=_("Commitments"),
    )

    class Meta:
        model = KnowledgeItem
        fields = [
            "title",
            "kind",
            "language",
            "city",
            "organisation",
            "visibility",
            "summary",
            "body",
            "outcome",
            "outcome_baseline",
            "outcome_result",
            "outcome_unit",
            "outcome_indicator",
            "period_start",
            "period_end",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 12}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, user, cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if cities is not None:
            self.fields["city"].queryset = cities
        # A draft agreement or declaration is offered only to those who may read it; the
        # item's links to drafts hidden from the user are kept by the service on saving.
        self.fields["agreements"].queryset = agreement_visible(user).order_by("title")
        self.fields["commitments"].queryset = self.fields["commitments"].queryset.filter(
            declaration__in=declaration_visible(user)
        )
        if self.instance.pk:
            for name in RELATION_FIELDS:
                linked = getattr(self.instance, name).all()
                if name in ("agreements", "commitments"):
                    linked = linked.filter(pk__in=self.fields[name].queryset.values("pk"))
                self.initial.setdefault(name, list(linked))

    def _post_clean(self):
        # The service validates the model, so that pages, API and import report the same errors.
        pass

    def split(self) -> tuple[dict, dict]:
        """Field values and related records, as the services take them."""
        data = dict(self.cleaned_data)
        relations = {name: list(data.pop(name)) for name in RELATION_FIELDS}
        return data, relations


class TranslationForm(forms.ModelForm):
    class Meta:
        model = KnowledgeTranslation
        fields = ["language", "title", "summary", "body", "translator_name", "translated_on"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 12}),
            "translated_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, item: KnowledgeItem, **kwargs):
        super().__init__(*args, **kwargs)
        # The item's own language is edited on the item, not added as a translation.
        language = self.fields["language"]
        language.choices = [c for c in language.choices if c[0] != item.language]

    def _post_clean(self):
        pass


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word (DOCX) or an image (PNG, JPEG, GIF, WebP).")
    )


class ModerationForm(forms.Form):
    visibility = forms.ChoiceField(label=_("Visibility"), choices=KnowledgeItem.Visibility.choices)
    note = forms.CharField(
        label=_("Note to the authors"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
