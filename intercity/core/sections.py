"""The extension point of pages that gather many apps' records: sections each app registers.

A page on a low floor (the city page in ``cities``, the home dashboard in ``web``)
shows records of the apps above it without importing them. Each app registers a
``Section`` for a named slot; the page fills the slot with every section registered
there, in ``order``, and renders their templates. To add your app's part of the
city page, write ``intercity/<app>/sections.py`` (every app's ``sections`` module is
imported at start-up)::

    from intercity.core.sections import Section, register
    from intercity.indicators.selectors import city_indicators

    register(
        Section(
            slot="city",
            name="indicators",
            template="indicators/_city_indicators.html",
            context=lambda *, city, user: {"indicators": city_indicators(city=city, user=user)},
            order=60,
        )
    )

``context`` receives the slot's keyword arguments (``SLOTS`` lists them) and
returns what the template needs; it runs once per page view, so it should be one
bounded selector call. The template is rendered with the page's context plus that
mapping, and writes its own ``<section class="card">`` (add ``half`` to the class to
share a row with the next half-width section). Registering the same slot and name
again replaces the section, which is how a test swaps one out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# The slots pages offer, with the keyword arguments their sections' context receives.
SLOTS: dict[str, tuple[str, ...]] = {
    "city": ("city", "user"),  # the city page, below the city's own facts
    "home": ("user",),  # the home dashboard, the column beside the map
    "home.stats": ("user",),  # the figures atop the home dashboard; the template is one <li>
}


def _no_context(**_kwargs: Any) -> Mapping[str, Any]:
    return {}


@dataclass(frozen=True)
class Section:
    """One app's part of a page: where it goes, what it renders, and the records it reads."""

    slot: str
    name: str
    template: str
    context: Callable[..., Mapping[str, Any]] = field(default=_no_context)
    order: int = 100


@dataclass(frozen=True)
class FilledSection:
    """A section with the records it read for one page view, ready to render."""

    section: Section
    context: Mapping[str, Any]

    @property
    def template(self) -> str:
        return self.section.template


_sections: dict[str, dict[str, Section]] = {slot: {} for slot in SLOTS}


def register(section: Section) -> Section:
    """Add a section to its slot; the same slot and name again replaces it."""
    if section.slot not in SLOTS:
        raise ValueError(f"Unknown slot {section.slot!r}; the slots are {', '.join(SLOTS)}.")
    _sections[section.slot][section.name] = section
    return section


def unregister(slot: str, name: str) -> None:
    _sections[slot].pop(name, None)


def sections(slot: str) -> list[Section]:
    """The sections of a slot in page order (by ``order``, then by name)."""
    return sorted(_sections[slot].values(), key=lambda section: (section.order, section.name))


def fill(slot: str, **kwargs: Any) -> list[FilledSection]:
    """Run each section's context function with the slot's arguments, in page order."""
    expected = set(SLOTS[slot])
    if set(kwargs) != expected:
        raise TypeError(f"Slot {slot!r} takes {sorted(expected)}, not {sorted(kwargs)}.")
    return [FilledSection(section, section.context(**kwargs)) for section in sections(slot)]
