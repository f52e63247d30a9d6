"""Forms for organisation profiles."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intercity.core.forms import TableUploadForm
from intercity.organisations.models import Organisation


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "kind", "city", "website", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if cities is not None:
            self.fields["city"].queryset = cities

    def _post_clean(self):
        # The service validates the model, so that pages and API report the same errors.
        pass


class OrganisationImportForm(TableUploadForm):
    file = forms.FileField(
        label=_("Table of organisations"), help_text=_("CSV (UTF-8), at most 5 MB.")
    )
    dry_run = forms.BooleanField(
        label=_("Check only: show what would be registered, write nothing"), required=False
    )
