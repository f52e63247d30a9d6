"""Forms for agreements."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intercity.agreements.models import Agreement, AgreementParty
from intercity.cities.models import City
from intercity.core.models import Theme
from intercity.core.widgets import DateInput
from intercity.meetings.models import Meeting


class AgreementForm(forms.ModelForm):
    parties = forms.ModelMultipleChoiceField(
        queryset=City.objects.order_by("name"),
        label=_("Parties"),
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.order_by("name"),
        required=False,
        label=_("Themes"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Agreement
        fields = [
            "title",
            "status",
            "description",
            "signed_on",
            "signed_place",
            "signed_at_meeting",
            "term_start",
            "term_end",
        ]
        widgets = {
            "signed_on": DateInput(),
            "term_start": DateInput(),
            "term_end": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, parties_editable: bool, **kwargs):
        """`parties_editable`: whether the user may add or remove a party once recorded."""
        super().__init__(*args, **kwargs)
        self.fields["signed_at_meeting"].queryset = Meeting.objects.order_by("-year", "title")
        self._roles = {}
        if self.instance.pk:
            self._roles = {row.city_id: row.role for row in self.instance.party_roles.all()}
            self.initial.setdefault("parties", list(self._roles))
            self.initial.setdefault("themes", list(self.instance.themes.all()))
            if not parties_editable:
                # Shown but fixed, so that a party's save does not stumble on the rule.
                self.fields["parties"].disabled = True
                self.fields["parties"].help_text = _(
                    "Only the secretariat can add or remove a party."
                )

    def _post_clean(self):
        # The service validates the model, so that pages and API report the same errors.
        pass

    def split(self) -> tuple[dict, dict, list]:
        """Field values, parties (city → role, existing roles kept) and themes."""
        data = dict(self.cleaned_data)
        parties = {
            city: self._roles.get(city.pk, AgreementParty.Role.PARTY)
            for city in data.pop("parties", ())  # missing when wrong: tried without it
        }
        return data, parties, list(data.pop("themes", ()))
