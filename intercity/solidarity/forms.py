"""Forms of the solidarity pages; they only parse input, services decide."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from intercity.cities.models import City
from intercity.core.local_numbers import GreaterThanValidator
from intercity.core.widgets import DateInput, DateTimeInput
from intercity.solidarity.models import (
    Incident,
    IncidentFigure,
    Need,
    Offer,
    SolidarityMessage,
)
from intercity.solidarity.models.help import writer_language
from intercity.solidarity.quantities import unit_choices, unit_name
from intercity.solidarity.units import unit_code

DATE = DateInput()
DATETIME = DateTimeInput()


OTHER_UNIT = "other"


class UnitWidget(forms.MultiWidget):
    """A list of the common relief units, and a box for a unit the list does not have."""

    def __init__(self, attrs=None):
        other = {
            "placeholder": _("another unit, as you count it"),
            "aria-label": _("Another unit"),
            "maxlength": 40,
        }
        # The legend names the pair as a group; each box needs its own name as well.
        listed = {**(attrs or {}), "aria-label": _("Unit")}
        super().__init__([forms.Select(attrs=listed), forms.TextInput(attrs=other)], attrs)

    def value_from_datadict(self, data, files, name):
        if name in data and f"{name}_0" not in data:
            # A plain "unit=…" (a script, an older page) reads as a typed unit.
            return ["", data.get(name)]
        return super().value_from_datadict(data, files, name)

    def decompress(self, value):
        if not value:
            return ["", ""]
        code = unit_code(value)
        return [code, ""] if code else [OTHER_UNIT, value]


class UnitField(forms.MultiValueField):
    """A unit of the catalogue, kept as its code, or any other unit as typed."""

    widget = UnitWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Unit"))
        kwargs.setdefault(
            "help_text", _("Choose from the list, or choose “other unit” and type it.")
        )
        kwargs.setdefault(
            "error_messages",
            {"required": _("Choose the unit, or choose “other unit” and type it.")},
        )
        choices = [("", "---------"), *unit_choices(), (OTHER_UNIT, _("other unit"))]
        super().__init__(
            fields=[
                forms.ChoiceField(choices=choices, required=False),
                forms.CharField(required=False),
            ],
            require_all_fields=False,
            **kwargs,
        )
        self.widget.widgets[0].choices = choices

    def compress(self, data_list):
        chosen, typed = (*(data_list or []), "", "")[:2]
        chosen, typed = chosen or "", (typed or "").strip()
        if not chosen and not typed and not self.required:
            return ""
        if chosen and chosen != OTHER_UNIT:
            if typed and unit_code(typed) != chosen:
                raise forms.ValidationError(
                    _(
                        "You chose “%(chosen)s” and typed “%(typed)s”: choose “other unit” to "
                        "count in %(typed)s, or clear the box."
                    )
                    % {"chosen": unit_name(chosen), "typed": typed}
                )
            return chosen
        if not typed:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return unit_code(typed) or typed


class ParseOnly(forms.ModelForm):
    """Reads fields like a model form; the whole record is validated by the service."""

    def _post_clean(self):
        pass


class IncidentForm(ParseOnly):
    class Meta:
        model = Incident
        fields = [
            "name",
            "kind",
            "status",
            "reported_by_city",
            "severity",
            "alert_level",
            "started_at",
            "ended_at",
            "description",
            "area_description",
            "latitude",
            "longitude",
            "radius_km",
            "polygon",
            "glide",
            "visibility",
        ]
        widgets = {"started_at": DATETIME, "ended_at": DATETIME}

    def __init__(self, *args, can_draft: bool = True, can_name_city: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_draft and "status" in self.fields:
            status = self.fields["status"]
            status.choices = [c for c in status.choices if c[0] != Incident.Status.DRAFT]
        if not can_name_city:
            del self.fields["reported_by_city"]
            return
        # The secretariat names the member city it records the incident for, if any; a city
        # named before it left the network stays selectable so an edit does not drop it.
        field = self.fields["reported_by_city"]
        current = self.instance.reported_by_city_id
        field.queryset = City.objects.filter(
            Q(membership_status=City.Membership.MEMBER) | Q(pk=current)
        )
        field.required = False
        field.empty_label = _("No city")
        field.help_text = _(
            "The member city that reported the incident, or that you record it for. Its focal "
            "points can then keep it up to date, and it is confirmed as affected."
        )


class IncidentReportForm(IncidentForm):
    """A focal point reports an incident in their own city: the city is shown, not chosen."""

    class Meta(IncidentForm.Meta):
        fields = [
            "reported_by_city",
            *(f for f in IncidentForm.Meta.fields if f not in ("status", "reported_by_city")),
        ]
        widgets = IncidentForm.Meta.widgets
        labels = {"reported_by_city": _("City affected")}

    def __init__(self, *args, city: City, **kwargs):
        super().__init__(*args, can_draft=False, can_name_city=True, **kwargs)
        field = self.fields["reported_by_city"]
        field.queryset = City.objects.filter(pk=city.pk)
        field.initial = city
        field.disabled = True
        field.required = True
        field.empty_label = None
        field.help_text = _("You report for your own city; it is confirmed as affected.")


class ConfirmCitiesForm(forms.Form):
    cities = forms.ModelMultipleChoiceField(
        label=_("Cities confirmed as affected"),
        queryset=City.objects.filter(membership_status=City.Membership.MEMBER),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class FigureForm(ParseOnly):
    class Meta:
        model = IncidentFigure
        fields = ["kind", "value", "source", "as_of"]
        widgets = {"as_of": DATE}


class NeedForm(ParseOnly):
    unit = UnitField()

    class Meta:
        model = Need
        fields = [
            "city",
            "category",
            "description",
            "quantity",
            "unit",
            "urgency",
            "location",
            "needed_by",
            "visibility",
        ]
        widgets = {"needed_by": DATE, "description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if cities is not None:
            self.fields["city"].queryset = City.objects.filter(pk__in=[c.pk for c in cities])
            if len(cities) == 1:
                self.fields["city"].initial = cities[0].pk


class OfferForm(ParseOnly):
    unit = UnitField()

    class Meta:
        model = Offer
        fields = [
            "category",
            "description",
            "quantity",
            "unit",
            "available_from",
            "available_until",
            "conditions",
            "visibility",
        ]
        widgets = {
            "available_from": DATE,
            "available_until": DATE,
            "description": forms.Textarea(attrs={"rows": 2}),
            "conditions": forms.Textarea(attrs={"rows": 2}),
        }


class QuantityForm(forms.Form):
    quantity = forms.DecimalField(
        label=_("Quantity"),
        max_digits=14,
        decimal_places=2,
        validators=[GreaterThanValidator(0)],
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class MessageForm(ParseOnly):
    class Meta:
        model = SolidarityMessage
        fields = ["to_city", "language", "body", "visibility"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offered in the language the writer is using the platform in, chosen when shown.
        self.fields["language"].initial = writer_language()
        self.fields["language"].show_hidden_initial = False


class CapUploadForm(forms.Form):
    file = forms.FileField(label=_("CAP 1.2 message (XML file)"), required=False)
    xml = forms.CharField(
        label=_("…or paste the message"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("xml", "").strip():
            raise forms.ValidationError(_("Choose a file or paste a message."))
        return data

    def payload(self) -> bytes:
        if self.cleaned_data.get("file"):
            return self.cleaned_data["file"].read()
        return self.cleaned_data["xml"].encode("utf-8")


class FeedUploadForm(forms.Form):
    file = forms.FileField(label=_("GDACS-style GeoRSS/RSS file"))

    def __init__(self, *args, **kwargs):
        # The incident list shows it beside the CAP upload, whose file box is already "id_file".
        kwargs.setdefault("auto_id", "id_feed_%s")
        super().__init__(*args, **kwargs)


class DrillForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    host_city = forms.ModelChoiceField(label=_("Host city"), queryset=City.objects.all())
    start_date = forms.DateField(label=_("Date"), widget=DATE)
    scenario_kind = forms.ChoiceField(
        label=_("Scenario: kind of incident"), choices=Incident.Kind.choices
    )
    scenario = forms.CharField(label=_("Scenario"), widget=forms.Textarea(attrs={"rows": 3}))
    objectives = forms.CharField(
        label=_("Objectives"),
        help_text=_("One per line."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    cities = forms.ModelMultipleChoiceField(
        label=_("Participating cities"),
        queryset=City.objects.filter(membership_status=City.Membership.MEMBER),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def objective_list(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data["objectives"].splitlines() if line.strip()
        ]


class ReviewForm(forms.Form):
    what_worked = forms.CharField(label=_("What worked"), widget=forms.Textarea(attrs={"rows": 3}))
    to_improve = forms.CharField(
        label=_("What to improve"), widget=forms.Textarea(attrs={"rows": 3})
    )
    lessons = forms.CharField(
        label=_("Lessons for the network"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Published as a knowledge item of kind “lesson from a drill”."),
    )


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Action"), max_length=300)
    owner_city = forms.ModelChoiceField(label=_("Owner city"), queryset=City.objects.all())
    due_on = forms.DateField(label=_("Due on"), widget=DATE)
