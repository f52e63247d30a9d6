"""Filters a list page reads from the address bar: a value nothing is known by is ignored,
and the page says so, rather than showing an empty list under a menu that reads "All"."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.text import Truncator
from django.utils.translation import gettext

from intercity.core.params import number_param


@dataclass(frozen=True)
class Filter:
    """One filter of a list: the name it is shown under, and how a typed value is read.

    `read` answers the value the list filters by, or None when nothing is known by it.
    """

    label: str | Promise
    read: Callable[[str], Any]


def one_of(label: str | Promise, values: Iterable[str]) -> Filter:
    """A filter with a fixed set of values, such as a model's choices."""
    known = frozenset(values)
    return Filter(label, lambda value: value if value in known else None)


def slug_in(label: str | Promise, queryset: QuerySet, *, field_name: str = "slug") -> Filter:
    """A filter naming a record by its slug; the slug is what the list filters by."""
    return Filter(
        label,
        lambda value: value if queryset.filter(**{field_name: value}).exists() else None,
    )


def record_in(label: str | Promise, queryset: QuerySet, *, field_name: str = "slug") -> Filter:
    """A filter naming a record by its slug; the record itself is what the list filters by."""
    return Filter(label, lambda value: queryset.filter(**{field_name: value}).first())


def year(label: str | Promise, *, among: Iterable[int] | None = None) -> Filter:
    """A year: a plain whole number, one of `among` when the page offers only those (a menu);
    otherwise a year with no record is a fair question, not an unknown value."""
    offered = None if among is None else frozenset(among)

    def read(value: str) -> int | None:
        number = number_param(value, low=1, high=9999)
        return number if offered is None or number in offered else None

    return Filter(label, read)


@dataclass
class ReadFilters:
    """The values a list filters by (None: not filtered) and what was ignored."""

    values: dict[str, Any] = field(default_factory=dict)
    ignored: list[tuple[str | Promise, str]] = field(default_factory=list)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def notices(self) -> list[str]:
        """One short sentence per ignored value, in the active language."""
        return [
            gettext("%(filter)s “%(value)s” not found: the list shows all.")
            % {"filter": label, "value": value}
            for label, value in self.ignored
        ]

    def query(self) -> dict[str, str]:
        """The filters that apply, as address-bar parameters (for a link that keeps them)."""
        return {
            name: str(getattr(value, "slug", value))
            for name, value in self.values.items()
            if value is not None
        }


def read_filters(query: Mapping[str, str], filters: Mapping[str, Filter]) -> ReadFilters:
    """Each filter's value from the address bar `query`; one not known is ignored and noted."""
    result = ReadFilters()
    for name, spec in filters.items():
        typed = (query.get(name) or "").strip()
        value = spec.read(typed) if typed else None
        if typed and value is None:
            # Whatever was typed is quoted back; a page of text is not.
            result.ignored.append((spec.label, Truncator(typed).chars(40)))
        result.values[name] = value
    return result
