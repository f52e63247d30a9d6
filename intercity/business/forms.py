"""Forms of the business pages; the services validate the records."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intercity.business.models import Event, MeetingRequest, Opportunity, Profile, Slot


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["sector", "size", "languages", "offers", "seeks"]
        widgets = {
            "offers": forms.Textarea(attrs={"rows": 3}),
            "seeks": forms.Textarea(attrs={"rows": 3}),
        }

    def _post_clean(self):
        pass


class OpportunityForm(forms.ModelForm):
    class Meta:
        model = Opportunity
        fields = ["direction", "kind", "title", "description", "status", "expires_on"]
        widgets = {"expires_on": forms.DateInput(attrs={"type": "date"})}

    def _post_clean(self):
        pass


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["tables", "fairness", "registration_deadline", "request_deadline"]

    def _post_clean(self):
        pass


class SlotForm(forms.ModelForm):
    class Meta:
        model = Slot
        fields = ["day", "starts_at", "ends_at", "session"]
        widgets = {
            "day": forms.DateInput(attrs={"type": "date"}),
            "starts_at": forms.TimeInput(attrs={"type": "time"}),
            "ends_at": forms.TimeInput(attrs={"type": "time"}),
        }

    def _post_clean(self):
        pass


class MeetingRequestForm(forms.Form):
    invitee = forms.ModelChoiceField(queryset=None, label=_("Meet"))
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
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
