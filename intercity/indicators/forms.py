"""Forms of the indicator pages: one value, one target, and the import upload."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intercity.accounts.roles import focal_city_id, is_secretariat
from intercity.cities.models import City
from intercity.indicators.models import (
    GpcScope,
    GpcSector,
    Indicator,
    NotationKey,
    Observation,
    Target,
)

MAX_IMPORT_BYTES = 10 * 1024 * 1024


def cities_for(user):
    """The cities a user may write figures for."""
    if is_secretariat(user):
        return City.objects.order_by("name")
    return City.objects.filter(pk=focal_city_id(user))


class ObservationForm(forms.Form):
    # The record keeps the value and unit as typed under these names, and its period is
    # the form's year.
    service_fields = {
        "unit_as_given": "unit",
        "value_as_given": "value",
        "period_start": "year",
        "period_end": "year",
    }

    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.none())
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.all())
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=9999)
    value = forms.FloatField(label=_("Value"), required=False)
    unit = forms.CharField(
        label=_("Unit"),
        required=False,
        help_text=_("As in your source, e.g. MWh, TJ, ktoe; empty for the indicator's unit."),
    )
    notation_key = forms.ChoiceField(
        label=_("Notation key"),
        required=False,
        choices=[("", _("— (a value is given)"))] + NotationKey.choices,
    )
    gpc_sector = forms.ChoiceField(
        label=_("GPC sector"), required=False, choices=[("", "—")] + GpcSector.choices
    )
    gpc_scope = forms.ChoiceField(
        label=_("GPC scope"), required=False, choices=[("", "—")] + GpcScope.choices
    )
    status = forms.ChoiceField(label=_("Status"), choices=Observation.Status.choices)
    source_document = forms.CharField(label=_("Source document"), required=False, max_length=200)
    source_locator = forms.CharField(label=_("Page"), required=False, max_length=200)
    source_url = forms.URLField(
        label=_("Source URL"), required=False, max_length=500, assume_scheme="https"
    )
    source_publisher = forms.CharField(label=_("Publisher"), required=False, max_length=200)
    method_note = forms.CharField(
        label=_("Method"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user=None, observation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities_for(user)
        own = list(self.fields["city"].queryset[:2])
        if len(own) == 1:
            # A focal point records for one city only: it is chosen for them.
            self.initial.setdefault("city", own[0].pk)
        if not is_secretariat(user):
            self.fields["status"].choices = [
                choice for choice in Observation.Status.choices if choice[0] != "verified"
            ]
        if observation is not None:
            for name in ("city", "indicator", "year", "gpc_sector", "gpc_scope"):
                self.fields[name].disabled = True
            self.initial.update(
                {
                    "city": observation.city,
                    "indicator": observation.indicator,
                    "year": observation.year,
                    "value": observation.value_as_given,
                    "unit": observation.unit_as_given,
                    **{
                        name: getattr(observation, name)
                        for name in (
                            "notation_key",
                            "gpc_sector",
                            "gpc_scope",
                            "status",
                            "source_document",
                            "source_locator",
                            "source_url",
                            "source_publisher",
                            "method_note",
                        )
                    },
                }
            )
            if observation.status == "verified" and "verified" not in dict(
                self.fields["status"].choices
            ):
                self.fields["status"].choices = Observation.Status.choices


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "definition",
            "unit",
            "direction",
            "theme",
            "aggregation",
            "standard",
            "gpc_breakdown",
            "gpc_sector",
            "per_capita",
            "minimum",
            "maximum",
        ]
        widgets = {"definition": forms.Textarea(attrs={"rows": 3})}


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = [
            "city",
            "indicator",
            "kind",
            "base_year",
            "base_value",
            "target_year",
            "target_value",
            "bau_value",
            "commitment",
            "programme",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities_for(user)
        own = list(self.fields["city"].queryset[:2])
        if len(own) == 1 and self.instance.pk is None:
            # A focal point sets targets for one city only: it is chosen for them.
            self.initial.setdefault("city", own[0].pk)
        self.fields["commitment"].queryset = self.fields["commitment"].queryset.select_related(
            "declaration"
        )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=pgettext_lazy("a data file", "Table"),
        help_text=_("CSV (UTF-8) or XLSX, in the long or the wide layout."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB; split it."))
        return upload
