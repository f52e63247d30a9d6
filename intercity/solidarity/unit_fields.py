"""The API's fields for the unit of a quantity (a need, an offer): a code of the unit catalogue
or free text, and the unit's name in the reader's language."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from intercity.solidarity.quantities import unit_name
from intercity.solidarity.units import CODES, unit_stored

UNIT_HELP = format_lazy(
    _(
        "A unit code of the catalogue ({codes}), or any other unit as free text. Typed words for "
        "a catalogued unit, in any of the network's languages ({examples}), are recognised and "
        "stored as its code; other text is kept as sent."
    ),
    codes=", ".join(f"`{code}`" for code in CODES),
    examples="`liters`, `L`, `lít`, `リットル`, `ลิตร`",
)


# The schema's description comes from the field's help text, in the reader's language.
@extend_schema_field(
    {"anyOf": [{"type": "string", "enum": list(CODES)}, {"type": "string", "maxLength": 40}]}
)
class UnitField(serializers.CharField):
    """A unit as the API reads and writes it: a catalogue code, or free text for the rest."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("help_text", UNIT_HELP)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        return unit_stored(super().to_internal_value(data))


class UnitLabelMixin(serializers.Serializer):
    unit_label = serializers.SerializerMethodField(
        label=_("Unit name"),
        help_text=_("The unit named in the language of the request (Accept-Language)."),
    )

    def get_unit_label(self, obj) -> str:
        return unit_name(obj.unit)
