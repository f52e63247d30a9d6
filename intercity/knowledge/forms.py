"""Forms for knowledge items, translations, attachments and moderation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intercity.agreements.models import Agreement
from intercity.agreements.selectors import agreement_visible
from intercity.core.models import Theme
from intercity.core.widgets import DateInput
from intercity.declarations.models import Commitment
from intercity.declarations.selectors import declaration_visible
from intercity.knowledge.models import KnowledgeItem, KnowledgeTranslation
from intercity.knowledge.selectors import authorable_organisations
from intercity.meetings.models import Meeting
from intercity.meetings.selectors import visible_meetings
from intercity.organisations.models import Organisation
from intercity.programmes.models import Programme

RELATION_FIELDS = ("themes", "programmes", "meetings", "agreements", "commitments")
# Links whose targets some users may not see: their hidden links are kept by the service.
SCREENED_FIELDS = ("meetings", "agreements", "commitments")


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
            "period_start": DateInput(),
            "period_end": DateInput(),
        }

    def __init__(self, *args, user, cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if cities is not None:
            self.fields["city"].queryset = cities
        # An author is offered only the organisations they write for, and the one the item
        # already names. A draft agreement or declaration, or a meeting kept to the network,
        # is offered only to those who may read it; the item's links to records hidden from
        # the user are kept by the service on saving.
        organisations = authorable_organisations(user)
        if self.instance.organisation_id:
            organisations = organisations | Organisation.objects.filter(
                pk=self.instance.organisation_id
            )
        self.fields["organisation"].queryset = organisations.select_related("city").order_by("name")
        self.fields["meetings"].queryset = visible_meetings(user).order_by("-year", "title")
        self.fields["agreements"].queryset = agreement_visible(user).order_by("title")
        self.fields["commitments"].queryset = self.fields["commitments"].queryset.filter(
            declaration__in=declaration_visible(user)
        )
        if self.instance.pk:
            for name in RELATION_FIELDS:
                linked = getattr(self.instance, name).all()
                if name in SCREENED_FIELDS:
                    linked = linked.filter(pk__in=self.fields[name].queryset.values("pk"))
                self.initial.setdefault(name, list(linked))

    def _post_clean(self):
        # The service validates the model, so that pages, API and import report the same errors.
        pass

    def split(self) -> tuple[dict, dict]:
        """Field values and related records, as the services take them."""
        data = dict(self.cleaned_data)
        # A set the user got wrong is missing; the service is then tried without it.
        relations = {name: list(data.pop(name, ())) for name in RELATION_FIELDS}
        return data, relations


class TranslationForm(forms.ModelForm):
    class Meta:
        model = KnowledgeTranslation
        fields = ["language", "title", "summary", "body", "translator_name", "translated_on"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 12}),
            "translated_on": DateInput(),
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
