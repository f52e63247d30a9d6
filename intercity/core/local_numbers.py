"""Numbers inside validation messages, written the reader's way: "0,01" and "1.000.000" in
Vietnamese, "0.01" and "1,000,000" in English, never "1e+06"."""

from decimal import Decimal

from django.core import validators
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format


def local_number(value: float | int | Decimal) -> str:
    """`value` with the active language's decimal mark and grouped thousands, every digit
    it has and no trailing zeros."""
    # Through its shortest text: a float as Decimal would show its binary expansion. Django
    # writes a normalised 1E+6 out in full ("1000000"), whatever its size.
    return number_format(Decimal(str(value)).normalize(), force_grouping=True)


# Migrations keep naming Django's validator: the limit and what it accepts are unchanged.
@deconstructible(path="django.core.validators.MinValueValidator")
class MinValueValidator(validators.MinValueValidator):
    """Django's lower limit, its message giving the limit in the reader's number format."""

    def __call__(self, value):
        cleaned = self.clean(value)
        limit = self.limit_value() if callable(self.limit_value) else self.limit_value
        if self.compare(cleaned, limit):
            params = {"limit_value": local_number(limit), "show_value": cleaned, "value": value}
            raise ValidationError(self.message, code=self.code, params=params)
