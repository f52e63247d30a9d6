"""Forms of the declarations pages: import, correction, commitments and progress reports."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intercity.agreements.models import Agreement
from intercity.cities.models import City
from intercity.core.models import Theme
from intercity.core.widgets import DateInput
from intercity.declarations.extraction import MAX_UPLOAD_BYTES, ExtractionError, extract_text
from intercity.declarations.models import Commitment, Declaration, ProgressReport
from intercity.meetings.models import Meeting
from intercity.programmes.models import Programme

EXTRACTION_MESSAGES = {
    "too large": _("The file is larger than 5 MB."),
    "unsupported type": _("Upload a .txt, .docx or .pdf file."),
    "unreadable docx": _("This .docx file could not be read."),
    "unreadable pdf": _("This PDF could not be read."),
    "no text layer": _(
        "This PDF has no text layer (it is a scan); paste the text or upload a .docx."
    ),
}


def _meetings():
    return Meeting.objects.select_related("host_city").order_by("-year", "title")


class ImportSourceForm(forms.Form):
    """Step one: the declaration's text, pasted or uploaded."""

    text = forms.CharField(
        label=_("Paste the declaration's text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    file = forms.FileField(
        label=_("…or upload a file"),
        required=False,
        help_text=_(".txt, .docx or .pdf with a text layer, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.docx,.pdf"}),
    )
    meeting = forms.ModelChoiceField(
        queryset=_meetings(),
        required=False,
        label=_("Adopted at"),
        help_text=_("Leave empty to let the importer recognise the meeting from the text."),
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(EXTRACTION_MESSAGES["too large"])
            try:
                data["text"] = extract_text(upload.name, upload.read())
            except ExtractionError as error:
                raise forms.ValidationError(
                    EXTRACTION_MESSAGES.get(str(error), _("The file could not be read."))
                ) from error
        if not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Paste the text or upload a file."))
        return data


class ImportConfirmForm(forms.Form):
    """Step two: the parsed fields as the secretariat corrects them, with the text."""

    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 14}))
    title = forms.CharField(label=_("Title"), max_length=200)
    meeting = forms.ModelChoiceField(queryset=_meetings(), required=False, label=_("Adopted at"))
    adopted_on = forms.DateField(
        label=_("Adoption date"),
        required=False,
        widget=DateInput(),
    )
    symbol = forms.CharField(label=_("Document symbol"), max_length=80, required=False)
    language = forms.CharField(label=_("Original language"), max_length=16, required=False)
    signatories = forms.ModelMultipleChoiceField(
        queryset=City.objects.order_by("name"),
        required=False,
        label=_("Signatory cities"),
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(
        choices=Declaration.Status.choices,
        initial=Declaration.Status.ADOPTED,
        label=_("Status"),
    )


class CorrectionForm(forms.Form):
    text = forms.CharField(label=_("Corrected text"), widget=forms.Textarea(attrs={"rows": 20}))
    reason = forms.CharField(
        label=_("Reason for the correction"), widget=forms.Textarea(attrs={"rows": 3})
    )


class CommitmentForm(forms.ModelForm):
    cities = forms.ModelMultipleChoiceField(
        queryset=City.objects.order_by("name"),
        required=False,
        label=_("Responsible cities"),
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.order_by("name"),
        required=False,
        label=_("Themes"),
        widget=forms.CheckboxSelectMultiple,
    )
    programmes = forms.ModelMultipleChoiceField(
        queryset=Programme.objects.order_by("name"), required=False, label=_("Programmes")
    )
    meetings = forms.ModelMultipleChoiceField(
        queryset=_meetings(), required=False, label=_("Meetings")
    )
    agreements = forms.ModelMultipleChoiceField(
        queryset=Agreement.objects.order_by("title"), required=False, label=_("Agreements")
    )

    class Meta:
        model = Commitment
        fields = ["title", "description", "target_date"]
        widgets = {
            "target_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    RELATIONS = ("cities", "themes", "programmes", "meetings", "agreements")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in self.RELATIONS:
                self.initial.setdefault(name, list(getattr(self.instance, name).all()))

    def _post_clean(self):
        # The service validates the model, so that pages and API report the same errors.
        pass

    def split(self) -> tuple[dict, dict]:
        data = dict(self.cleaned_data)
        # A set the user got wrong is missing; the service is then tried without it.
        return data, {name: list(data.pop(name, ())) for name in self.RELATIONS}


class ProgressReportForm(forms.Form):
    status = forms.ChoiceField(choices=ProgressReport.Status.choices, label=_("Status"))
    narrative = forms.CharField(
        label=_("What has been done"),
        required=False,
        help_text=_("Needed unless you attach evidence: a link or a file."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")
    evidence_file = forms.FileField(label=_("Evidence file"), required=False)
    reported_on = forms.DateField(label=_("Date"), required=False, widget=DateInput())

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(EXTRACTION_MESSAGES["too large"])
        return upload
