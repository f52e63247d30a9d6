"""Lookups that keep numbers typed by people from failing a query.

Django already lets `exact`, `lt`, `gt` … on an integer column match nothing when the number
lies beyond what the column can hold. `in` has no such guard: a form's multiple choice, or
an API filter, given 99999999999999999999 sends it to the database, where SQLite cannot
bind it and the request fails. `IntegerIn` drops such numbers first, as `exact` would.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    """Every integer column, primary keys included, uses IntegerIn for `in`."""
    IntegerField.register_lookup(IntegerIn)
