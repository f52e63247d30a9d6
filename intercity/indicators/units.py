"""Unit conversion for indicator values through pint; no hand-written conversion factors."""

from __future__ import annotations

import re
from functools import lru_cache

import pint

# Units the network reports in that pint does not know. Each is defined from a new base
# dimension (people, money, emissions, items), never by a factor typed in here.
_DEFINITIONS = """
capita = [population] = person = inhabitant = people = persons = inhabitants = cap
CO2e = [greenhouse_gas] = CO2eq = CO2_eq
USD = [currency_usd] = US_dollar
item = [items] = items = product = products = certificate = certificates = unit_sold
"""

_SUPERSCRIPTS = {"²": "**2", "³": "**3", "µ": "u", "μ": "u", "₂": "2"}
# "tCO2e", "kt CO2-eq", "MtCO₂e": pint reads the prefix and the gas as one word unless
# they are separated.
_GAS = re.compile(r"(?<=[A-Za-z])\s*CO2[-_ ]?e(q)?\b")


class UnitError(ValueError):
    """The unit is unknown, or cannot be converted to the indicator's unit."""


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    units = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=None)
    for line in _DEFINITIONS.strip().splitlines():
        units.define(line)
    return units


def normalise(text: str) -> str:
    """The unit as pint should read it: unicode superscripts and gas names spelled out."""
    cleaned = text.strip()
    for symbol, plain in _SUPERSCRIPTS.items():
        cleaned = cleaned.replace(symbol, plain)
    cleaned = _GAS.sub(" CO2e", cleaned)
    # In pint "kt" is a knot; in an emissions table it is a thousand tonnes.
    cleaned = re.sub(r"\bkt\b", "kilotonne", cleaned)
    cleaned = re.sub(r"\b(k?m)([23])\b", r"\1**\2", cleaned)
    cleaned = re.sub(r"\bper\s+", "/ ", cleaned)
    return cleaned


@lru_cache(maxsize=512)
def _parse(text: str):
    if not text.strip():
        raise UnitError("empty unit")
    try:
        return registry().parse_units(normalise(text))
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError):
        pass
    except (ValueError, TypeError, AssertionError) as exc:
        raise UnitError(f"“{text}” is not a unit") from exc
    try:
        # Expressions such as "1000 t" or "%" parse as quantities, not as bare units.
        quantity = registry().parse_expression(normalise(text))
    except Exception as exc:  # noqa: BLE001 - pint raises many kinds of error on bad input
        raise UnitError(f"“{text}” is not a unit") from exc
    if not isinstance(quantity, pint.Quantity):
        raise UnitError(f"“{text}” is not a unit")
    return quantity


def is_unit(text: str) -> bool:
    try:
        _parse(text)
    except UnitError:
        return False
    return True


@lru_cache(maxsize=2048)
def _factor(source: str, target: str) -> tuple[float, float]:
    """(scale, offset) turning a value in `source` into one in `target`."""
    source_unit, target_unit = _parse(source), _parse(target)
    units = registry()
    try:
        zero = units.Quantity(0.0, source_unit).to(target_unit).magnitude
        one = units.Quantity(1.0, source_unit).to(target_unit).magnitude
    except pint.errors.DimensionalityError as exc:
        raise UnitError(f"“{source}” cannot be converted to “{target}”") from exc
    return float(one - zero), float(zero)


def convert(value: float, source: str, target: str) -> float:
    """The value given in `source` expressed in `target`; UnitError when they do not match."""
    scale, offset = _factor(source.strip(), target.strip())
    return value * scale + offset


def check_convertible(source: str, target: str) -> None:
    _factor(source.strip(), target.strip())


def implied_bounds(unit: str) -> tuple[float | None, float | None]:
    """The range a unit alone allows: a share is 0 to 100 %, a count is never negative.

    For indicators whose definition gives no bounds of its own; (None, None) when the unit
    says nothing.
    """
    try:
        parsed = _parse(unit)
    except UnitError:
        return None, None
    units = registry()
    quantity = parsed if isinstance(parsed, pint.Quantity) else units.Quantity(1.0, parsed)
    if quantity.dimensionless and quantity.units == units.percent:
        return 0.0, 100.0
    if quantity.dimensionality in (
        units.get_dimensionality("[population]"),
        units.get_dimensionality("[items]"),
    ):
        return 0.0, None
    return None, None
