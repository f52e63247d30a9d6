"""Forms of the business pages; the services validate the records."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from intercity.business.models import (
    ANSWER_MAX_LENGTH,
    REQUEST_NOTE_MAX_LENGTH,
    Event,
    MeetingRequest,
    Opportunity,
    Profile,
    Slot,
    validate_request_note,
)
from intercity.core.forms import TableUploadForm
from intercity.core.widgets import DateInput, DateTimeInput

# A language code as the profile stores it: ISO 639 (en, fil), perhaps with a region or script.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["sector", "size", "languages", "offers", "seeks"]
        widgets = {
            "offers": forms.Textarea(attrs={"rows": 3}),
            "seeks": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_languages(self) -> str:
        """Language codes as typed, trimmed and lower-cased; anything else is refused by name."""
        codes = [code.strip().lower() for code in self.cleaned_data["languages"].split(",")]
        codes = [code for code in codes if code]
        for code in codes:
            if not LANGUAGE_CODE.fullmatch(code):
                raise forms.ValidationError(
                    _("“%(value)s” is not a language code: write codes such as en, vi, ms.")
                    % {"value": code}
                )
        return ", ".join(codes)

    def _post_clean(self):
        pass


class OpportunityForm(forms.ModelForm):
    class Meta:
        model = Opportunity
        fields = ["direction", "kind", "title", "description", "status", "expires_on"]
        widgets = {"expires_on": DateInput()}

    def _post_clean(self):
        pass


class OpportunityAnswerForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Say who you are and what you propose. Their representatives receive it by email "
            "with your name and address, so they can reply to you."
        ),
    )


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["tables", "fairness", "registration_deadline", "request_deadline"]
        widgets = {
            "registration_deadline": DateTimeInput(),
            "request_deadline": DateTimeInput(),
        }

    def _post_clean(self):
        pass


class EventSetupForm(EventForm):
    """The event's settings plus equal slots generated per day and session."""

    first_day = forms.DateField(label=_("First day"), widget=DateInput())
    day_count = forms.IntegerField(label=_("Number of days"), min_value=1, max_value=14, initial=1)
    slot_minutes = forms.IntegerField(
        label=_("Slot length (minutes)"), min_value=5, max_value=240, initial=30
    )
    morning_start = forms.TimeField(
        label=_("Morning starts at"),
        initial=datetime.time(9, 0),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    morning_count = forms.IntegerField(
        label=_("Slots in the morning"), min_value=0, max_value=40, initial=6
    )
    afternoon_start = forms.TimeField(
        label=_("Afternoon starts at"),
        initial=datetime.time(14, 0),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    afternoon_count = forms.IntegerField(
        label=_("Slots in the afternoon"), min_value=0, max_value=40, initial=6
    )

    generated = [
        "first_day",
        "day_count",
        "slot_minutes",
        "morning_start",
        "morning_count",
        "afternoon_start",
        "afternoon_count",
    ]

    def __init__(self, *args, slots_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not slots_required:
            self.fields["first_day"].required = False
            self.fields["first_day"].help_text = _("Leave empty to keep the slots as they are.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("first_day") and not (
            cleaned.get("morning_count") or cleaned.get("afternoon_count")
        ):
            self.add_error("morning_count", _("Generate at least one slot."))
        return cleaned

    def event_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in EventForm.Meta.fields}

    def days(self) -> list[datetime.date]:
        first = self.cleaned_data.get("first_day")
        if first is None:
            return []
        return [first + datetime.timedelta(days=n) for n in range(self.cleaned_data["day_count"])]


class AvailabilityForm(forms.Form):
    unavailable = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label=_("Slots you cannot attend"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unavailable"].queryset = event.slots.all()


class FixSlotForm(forms.Form):
    fixed_slot = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Slot"), empty_label=_("Not fixed")
    )

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fixed_slot"].queryset = event.slots.all()


class _OfferedChoiceField(forms.ModelChoiceField):
    """Offers `queryset` but takes any record of `accepted`, so that a choice forced past the
    list reaches the service, which says why it refuses it."""

    accepted = None

    def to_python(self, value):
        if value in self.empty_values or self.accepted is None:
            return super().to_python(value)
        try:
            return self.accepted.get(**{self.to_field_name or "pk": value})
        except (ValueError, TypeError, self.accepted.model.DoesNotExist):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None


class AfterForm(forms.Form):
    earlier = _OfferedChoiceField(queryset=None, label=_("Must come after"))

    def __init__(self, *args, meeting_request=None, **kwargs):
        super().__init__(*args, **kwargs)
        requests = meeting_request.event.requests.exclude(
            status=MeetingRequest.Status.DECLINED
        ).select_related("requester__organisation", "invitee__organisation")
        self.fields["earlier"].queryset = requests.exclude(pk=meeting_request.pk)
        self.fields["earlier"].accepted = requests


class SlotForm(forms.ModelForm):
    class Meta:
        model = Slot
        fields = ["day", "starts_at", "ends_at", "session"]
        widgets = {
            "day": DateInput(),
            "starts_at": forms.TimeInput(attrs={"type": "time"}),
            "ends_at": forms.TimeInput(attrs={"type": "time"}),
        }

    def _post_clean(self):
        pass


class MeetingRequestForm(forms.Form):
    invitee = forms.ModelChoiceField(queryset=None, label=_("Meet"))
    note = forms.CharField(
        label=_("Note"),
        required=False,
        validators=[validate_request_note],
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": REQUEST_NOTE_MAX_LENGTH}),
    )
    session = forms.ChoiceField(
        label=_("Preferred session"), choices=MeetingRequest.Preference.choices, initial="either"
    )

    def __init__(self, *args, registrations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invitee"].queryset = registrations


class MoveForm(forms.Form):
    slot = forms.ModelChoiceField(queryset=None, label=_("Slot"))
    table = forms.IntegerField(label=_("Table"), min_value=1)

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = event.slots.all()
        # Only the event's own tables: a meeting at table 3 of 2 would vanish from the grid.
        self.fields["table"].max_value = event.tables
        self.fields["table"].validators.append(MaxValueValidator(event.tables))
        self.fields["table"].widget.attrs["max"] = event.tables


class RequestImportForm(TableUploadForm):
    file = forms.FileField(label=_("Table of meetings"), help_text=_("CSV (UTF-8), at most 5 MB."))


class ProfileImportForm(TableUploadForm):
    file = forms.FileField(label=_("Table of profiles"), help_text=_("CSV (UTF-8), at most 5 MB."))
    dry_run = forms.BooleanField(
        label=_("Check only: show what would change, write nothing"), required=False
    )
