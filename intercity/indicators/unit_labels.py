"""Units as a reader sees them: the words in a unit ("capita", "person", "item", "day") in
the reader's language, the symbols ("GJ", "kWh", "t CO2e", "%") as they are. Files and the
API keep the canonical unit."""

from __future__ import annotations

import re

from django.utils.translation import pgettext_lazy

_WORDS = {
    "capita": pgettext_lazy("unit of measure: per resident", "capita"),
    "inhabitant": pgettext_lazy("unit of measure: per resident", "capita"),
    "person": pgettext_lazy("unit of measure", "person"),
    "persons": pgettext_lazy("unit of measure", "person"),
    "people": pgettext_lazy("unit of measure", "person"),
    "item": pgettext_lazy("unit of measure: a counted thing", "item"),
    "items": pgettext_lazy("unit of measure: a counted thing", "item"),
    "household": pgettext_lazy("unit of measure", "household"),
    "day": pgettext_lazy("unit of measure", "day"),
    "year": pgettext_lazy("unit of measure", "year"),
}
_WORD = re.compile(r"[A-Za-z]+")


def unit_label(unit: str) -> str:
    """ "L/capita/day" reads "L/người/ngày" in Vietnamese; unknown words stay as written."""
    if not unit:
        return ""
    return _WORD.sub(lambda match: str(_WORDS.get(match.group(0), match.group(0))), unit)
