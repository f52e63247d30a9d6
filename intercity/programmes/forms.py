"""Forms for programmes, their activities and reviews."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intercity.cities.models import City
from intercity.core.forms import NamesField
from intercity.core.models import Theme
from intercity.core.widgets import DateInput
from intercity.meetings.models import Meeting
from intercity.programmes.models import Activity, Programme, Review


class ProgrammeForm(forms.ModelForm):
    cities = forms.ModelMultipleChoiceField(
        queryset=City.objects.order_by("name"),
        required=False,
        label=_("Participating cities"),
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.order_by("name"),
        required=False,
        label=_("Themes"),
        widget=forms.CheckboxSelectMultiple,
    )
    activity_kinds = forms.MultipleChoiceField(
        choices=Activity.Kind.choices,
        required=False,
        label=_("Kinds of activity"),
        widget=forms.CheckboxSelectMultiple,
    )
    titles = NamesField(
        label=_("Names in other languages"),
        required=False,
        help_text=_("One a line: language code, colon, name, e.g. ja: 共同防災訓練."),
    )

    class Meta:
        model = Programme
        fields = [
            "name",
            "titles",
            "kind",
            "field",
            "status",
            "lead_city",
            "start_date",
            "end_date",
            "description",
            "launched_at",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, lead_cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if lead_cities is not None:
            self.fields["lead_city"].queryset = lead_cities
        self.fields["launched_at"].queryset = Meeting.objects.order_by("-year", "title")
        if self.instance.pk:
            self.initial.setdefault("cities", list(self.instance.cities.all()))
            self.initial.setdefault("themes", list(self.instance.themes.all()))
            self.initial.setdefault("activity_kinds", self.instance.activity_kinds)

    def _post_clean(self):
        # The service validates the model, so that pages and API report the same errors.
        pass

    def split(self) -> tuple[dict, list, list]:
        """Field values, participating cities and themes, as the services take them."""
        data = dict(self.cleaned_data)
        # A set the user got wrong is missing; the service is then tried without it.
        return data, list(data.pop("cities", ())), list(data.pop("themes", ()))


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["title", "kind", "date", "city", "meeting", "description"]
        widgets = {
            "date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def _post_clean(self):
        pass


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["meeting", "decision", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Reviews are decisions of the plenaries; the service refuses any other meeting.
        meeting = self.fields["meeting"]
        meeting.queryset = meeting.queryset.filter(kind=Meeting.Kind.PLENARY)
        meeting.label = _("Plenary meeting")

    def _post_clean(self):
        pass
