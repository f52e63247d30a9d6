"""Glue between service validation errors and the forms that show them."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from intercity.core.csv_tables import size_error


def apply_validation_error(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form's fields, or above the form.

    A form whose fields are named apart from the record's maps them in ``service_fields``
    (the record's ``unit_as_given`` is the form's ``unit``)."""
    for target, message, _code in error_targets(form, error):
        if message not in form.errors.get(target or NON_FIELD_ERRORS, []):
            form.add_error(target, message)


def error_targets(form, error: ValidationError) -> list[tuple[str | None, str, str | None]]:
    """Each message of a service's error with the form field it belongs to (None: the whole
    form) and its code."""
    if not hasattr(error, "error_dict"):
        return [(None, message, None) for message in error.messages]
    renamed = getattr(form, "service_fields", {})
    targets = []
    for field, errors in error.error_dict.items():
        field = renamed.get(field, field)
        target = field if field in form.fields and field != NON_FIELD_ERRORS else None
        for one in errors:
            targets.extend((target, message, one.code) for message in one.messages)
    return targets


class NamesField(forms.CharField):
    """Names in other languages typed one a line as `code: name`, e.g. `ja: ハノイ`."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, dict):
            return "\n".join(f"{code}: {name}" for code, name in value.items())
        return value

    def to_python(self, value):
        names = {}
        for number, line in enumerate((value or "").splitlines(), start=1):
            if not line.strip():
                continue
            code, colon, name = line.partition(":")
            if not colon or not code.strip() or not name.strip():
                raise forms.ValidationError(
                    _("Line %(number)d: write a language code, a colon and the name."),
                    params={"number": number},
                )
            names[code.strip().lower()] = name.strip()
        return names


class TableUploadForm(forms.Form):
    """The upload of a table import: each import names its `file` field (and a `dry_run`
    if it has one); a file too large is refused before it is read."""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if message := size_error(upload.size):
            raise forms.ValidationError(message)
        return upload
