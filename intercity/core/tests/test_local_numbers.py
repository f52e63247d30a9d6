"""Numbers in validation messages follow the reader's language."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from intercity.core.local_numbers import MinValueValidator, local_number


@pytest.mark.parametrize(
    ("language", "value", "shown"),
    [
        ("vi", Decimal("0.01"), "0,01"),
        ("en", Decimal("0.01"), "0.01"),
        ("vi", 1e6, "1.000.000"),
        ("en", 1e6, "1,000,000"),
        ("en", 1e10, "10,000,000,000"),
        ("vi", -200.0, "-200"),
        ("en", 2.5, "2.5"),
        ("en", 1e30, "1,000,000,000,000,000,000,000,000,000,000"),
        ("vi", 100.0, "100"),
    ],
)
def test_a_number_reads_the_readers_way(language, value, shown):
    with translation.override(language):
        assert local_number(value) == shown


@pytest.mark.parametrize(("language", "limit"), [("vi", "0,01"), ("en", "0.01")])
def test_the_lower_limit_message_writes_the_limit_the_readers_way(language, limit):
    with translation.override(language), pytest.raises(ValidationError) as refused:
        MinValueValidator(Decimal("0.01"))(Decimal("0"))
    assert limit in refused.value.messages[0]
    assert refused.value.code == "min_value"


def test_a_value_at_the_limit_passes():
    MinValueValidator(Decimal("0.01"))(Decimal("0.01"))


def test_migrations_still_name_djangos_validator():
    path, args, _kwargs = MinValueValidator(Decimal("0.01")).deconstruct()
    assert path == "django.core.validators.MinValueValidator"
    assert args == (Decimal("0.01"),)
