"""Forms for city records; which fields show depends on who edits."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intercity.cities.models import City
from intercity.core.forms import NamesField
from intercity.core.widgets import DateInput

SECRETARIAT_FIELDS = [
    "name",
    "local_name",
    "names",
    "country_code",
    "country_name",
    "latitude",
    "longitude",
    "population",
    "time_zone",
    "membership_status",
    "joined_on",
    "left_on",
    "description",
    "website",
]


class LanguagesField(forms.CharField):
    """Language codes typed as a comma-separated list."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value):
        codes = [code.strip().lower() for code in (value or "").split(",") if code.strip()]
        for code in codes:
            if not code.replace("-", "").isalpha() or len(code) > 12:
                raise forms.ValidationError(
                    _("“%(code)s” is not a language code."), params={"code": code}
                )
        return codes


class CityForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    names = NamesField(
        label=_("Names in other languages"),
        required=False,
        help_text=_("One a line: language code, colon, name, e.g. ja: ハノイ."),
    )
    languages = LanguagesField(
        label=_("Local languages"), required=False, help_text=_("Language codes, e.g. vi, en.")
    )

    class Meta:
        model = City
        fields = [*SECRETARIAT_FIELDS, "languages"]
        widgets = {
            "joined_on": DateInput(),
            "left_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, allowed_fields=None, **kwargs):
        super().__init__(*args, **kwargs)
        if allowed_fields is not None:
            for name in list(self.fields):
                if name not in allowed_fields:
                    del self.fields[name]

    def _post_clean(self):
        # Model validation happens in the service, so that pages and API report the same errors.
        pass
