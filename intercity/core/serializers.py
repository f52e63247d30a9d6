"""API representations shared by every app: themes and the fields of sourced records."""

from collections.abc import Mapping
from typing import ClassVar

from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from intercity.core.csv_tables import size_error
from intercity.core.models import Theme

SOURCE_FIELDS = ["source_document", "source_locator"]


def model_label(model, name: str):
    """The label Django REST framework gives a model's field, for a field declared by hand (a
    nested record, a slug in place of an id): the field's verbose name, in the reader's
    language. Fields that show no model field are labelled with words of their own."""
    return capfirst(model._meta.get_field(name).verbose_name)


class ChoiceFilter(serializers.ChoiceField):
    """A list filter with fixed values: any other value is a 400 naming the allowed ones.

    Filtering by a value no record can have would only answer an empty or unfiltered list,
    and a caller who mistyped could not tell.
    """

    default_error_messages = {
        "invalid_choice": _("“{input}” is not an allowed value; use one of: {allowed}."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if data == "" and self.allow_blank:
            return ""
        try:
            return self.choice_strings_to_values[str(data)]
        except KeyError:
            self.fail(
                "invalid_choice", input=data, allowed=", ".join(self.choice_strings_to_values)
            )


class RecordFilter(serializers.SlugField):
    """A list filter naming a record by its slug (a city, a theme): a slug that names no
    record is a 400, as a value outside a ChoiceFilter's is, rather than an empty list."""

    default_error_messages = {"unknown": _("Nothing is known as “{input}”.")}

    def __init__(self, *, queryset, slug_field: str = "slug", **kwargs):
        kwargs.setdefault("required", False)
        help_text = kwargs.get("help_text")
        note = _("A value that names nothing answers 400.")
        kwargs["help_text"] = format_lazy("{} {}", help_text, note) if help_text else note
        super().__init__(**kwargs)
        self.queryset = queryset
        self.slug_field = slug_field

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if value and not self.queryset.filter(**{self.slug_field: value}).exists():
            self.fail("unknown", input=value)
        return value


class MultipleChoiceFilter(serializers.ListField):
    """A list filter given as several values (?type=a&type=b), each one of fixed values."""

    def __init__(self, *, choices, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(child=ChoiceFilter(choices=choices), **kwargs)

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as error:
            # One message per wrong value under the filter's name, not keyed by position.
            if isinstance(error.detail, dict):
                messages = [message for value in error.detail.values() for message in value]
                raise serializers.ValidationError(messages) from error
            raise


class RowSerializer(serializers.Serializer):
    """One row of a nested list in a request body (a party, a participating city…).

    On a partial update (PATCH) DRF skips the missing required fields of the record, and the
    rows nested in it inherit that leniency; but a row is always given whole, so its own
    required fields are checked here and a missing one is a field error, never a 500.
    """

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            missing = {
                name: [_("This field is required.")]
                for name, field in self.fields.items()
                if field.required and not field.read_only and name not in data
            }
            if missing:
                raise serializers.ValidationError(missing)
        return super().to_internal_value(data)


def theme_slugs_field() -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Theme.objects.all(),
        many=True,
        required=False,
        label=_("Themes"),
        help_text=_("Slugs of the themes."),
    )


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["slug", "name", "names", "label"]
        read_only_fields = ["label"]
        extra_kwargs = {
            "label": {
                "label": _("Name in your language"),
                "help_text": _("The theme's name in the language of the request."),
            }
        }


class TableUploadSerializer(serializers.Serializer):
    """The upload of a table import: a CSV file with the `columns` each import names (those
    in brackets may be left out); a file too large is refused before it is read."""

    columns: ClassVar[str] = ""
    file = serializers.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("CSV (UTF-8): %(columns)s.") % {"columns": self.columns}

    def validate_file(self, upload):
        if message := size_error(upload.size):
            raise serializers.ValidationError(message)
        return upload


class CheckedTableUploadSerializer(TableUploadSerializer):
    """A table upload that may be checked only: every line read and reported, none written."""

    dry_run = serializers.BooleanField(
        default=False,
        label=_("Check only"),
        help_text=_("Check only: show what would change, write nothing"),
    )


@extend_schema_serializer(
    description=_("A line of an uploaded table and what was said of it; line 0 is the whole file.")
)
class ImportLineSerializer(serializers.Serializer):
    line = serializers.IntegerField(label=_("Line"))
    message = serializers.CharField(label=_("Message"))

    def to_representation(self, instance):
        line, message = instance
        return {"line": line, "message": str(message)}


class TableReportSerializer(serializers.Serializer):
    """What an import of a table did (a `csv_tables.TableReport`); with errors, nothing was
    written. Each import's subclass adds the fields of what it created."""

    skipped = ImportLineSerializer(many=True, label=_("Skipped"))
    errors = ImportLineSerializer(many=True, label=_("Errors"))
