"""Numbers inside validation messages, written the reader's way: "0,01" and "1.000.000" in
Vietnamese, "0.01" and "1,000,000" in English, never "1e+06"."""

from decimal import Decimal

from django.core import validators
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _


def local_number(value: float | int | Decimal) -> str:
    """`value` with the active language's decimal mark and grouped thousands, every digit
    it has and no trailing zeros."""
    # Through its shortest text: a float as Decimal would show its binary expansion. Django
    # writes a normalised 1E+6 out in full ("1000000"), whatever its size.
    return number_format(Decimal(str(value)).normalize(), force_grouping=True)


class _LocalLimit:
    """A limit validator whose message gives the limit in the reader's number format."""

    def __call__(self, value):
        cleaned = self.clean(value)
        limit = self.limit_value() if callable(self.limit_value) else self.limit_value
        if self.compare(cleaned, limit):
            params = {"limit_value": local_number(limit), "show_value": cleaned, "value": value}
            raise ValidationError(self.message, code=self.code, params=params)


# Migrations keep naming Django's validator: the limit and what it accepts are unchanged.
@deconstructible(path="django.core.validators.MinValueValidator")
class MinValueValidator(_LocalLimit, validators.MinValueValidator):
    """Django's lower limit, its message giving the limit in the reader's number format."""


@deconstructible
class GreaterThanValidator(_LocalLimit, validators.BaseValidator):
    """A limit the value must exceed: "greater than 0" tells someone who typed 0 or a
    negative quantity what is wanted, where "at least 0.01" reads as a rule about cents."""

    message = _("Ensure this value is greater than %(limit_value)s.")
    code = "min_value"

    def compare(self, a, b):
        return a <= b
