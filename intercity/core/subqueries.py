"""Counting related rows in a correlated subquery rather than a join with GROUP BY.

Counting through a join forces the database to group every matching row before the page
is cut; a correlated subquery is computed only for the rows of the page.
"""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce


def count_of(related: QuerySet, *, link: str) -> Coalesce:
    """The number of rows of ``related`` whose ``link`` field points at the outer row."""
    counted = (
        related.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(total=Count("*"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
