"""Lookups that keep numbers typed by people from failing a query.

Django already lets `exact`, `lt`, `gt` … on an integer column match nothing when the number
lies beyond what the column can hold. `in`, and `exact` through a foreign key, have no such
guard: a form's multiple choice or a filter in the address given 99999999999999999999 sends
it to the database, where SQLite cannot bind it and the request fails. These lookups drop
such numbers first, as Django's own guarded lookups do.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignKey, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


class _WithinRange:
    def _holds(self, value, connection) -> bool:
        """Whether the column on the left could hold `value` (anything but an int passes)."""
        if not isinstance(value, int):
            return True
        field = self.lhs.output_field
        while getattr(field, "target_field", None) is not None:  # through foreign keys
            field = field.target_field
        low, high = connection.ops.integer_field_ranges.get(field.get_internal_type(), (None, None))
        return (low is None or value >= low) and (high is None or value <= high)

    def _drop_out_of_range(self, connection) -> None:
        if self.rhs_is_direct_value() and not isinstance(self.rhs, str):
            self.rhs = [value for value in self.rhs if self._holds(value, connection)]


class IntegerIn(_WithinRange, In):
    def process_rhs(self, compiler, connection):
        self._drop_out_of_range(connection)
        return super().process_rhs(compiler, connection)


class RelatedIntegerIn(_WithinRange, RelatedIn):
    def process_rhs(self, compiler, connection):
        self._drop_out_of_range(connection)
        return super().process_rhs(compiler, connection)


class RelatedIntegerExact(_WithinRange, RelatedExact):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and not self._holds(self.rhs, connection):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


def register() -> None:
    """Integer columns (primary keys included) and foreign keys use the guarded lookups."""
    IntegerField.register_lookup(IntegerIn)
    ForeignKey.register_lookup(RelatedIntegerIn)
    ForeignKey.register_lookup(RelatedIntegerExact)
