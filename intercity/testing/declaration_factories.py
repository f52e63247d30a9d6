"""factory_boy factories for declarations, their clauses, commitments and progress reports."""

import datetime

import factory
from factory.django import DjangoModelFactory

from intercity.declarations.models import (
    Clause,
    Commitment,
    Declaration,
    ProgressReport,
)
from intercity.testing.factories import CityFactory

SHORT_DECLARATION = """Riverside Declaration

We, the representatives of Home City and Other City, met at the 3rd Plenary Meeting
held in Home City from 4 to 5 March 2020.

Recalling the 2018 Harbour Declaration;

We hereby declare:

1. to share experiences in flood management between member cities;

2. to improve air quality monitoring as follows:
a. install shared sensors in Other City;
b. publish the data openly;

3. to welcome Other City to host the 4th Plenary Meeting in 2021.
"""


class DeclarationFactory(DjangoModelFactory):
    class Meta:
        model = Declaration
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Declaration {n}")
    slug = factory.Sequence(lambda n: f"declaration-{n}")
    status = Declaration.Status.ADOPTED
    adopted_on = datetime.date(2030, 3, 5)
    language = "en"
    original_text = "1. to cooperate."


class ClauseFactory(DjangoModelFactory):
    class Meta:
        model = Clause

    declaration = factory.SubFactory(DeclarationFactory)
    position = factory.Sequence(lambda n: n + 1)
    number = factory.LazyAttribute(lambda o: str(o.position))
    text = factory.Sequence(lambda n: f"to cooperate on matter {n};")


class CommitmentFactory(DjangoModelFactory):
    class Meta:
        model = Commitment
        skip_postgeneration_save = True

    clause = factory.SubFactory(ClauseFactory)
    declaration = factory.LazyAttribute(lambda o: o.clause.declaration)
    title = factory.Sequence(lambda n: f"Cooperate on matter {n}")

    @factory.post_generation
    def cities(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.cities.set(extracted if extracted is not None else [CityFactory()])


class ProgressReportFactory(DjangoModelFactory):
    class Meta:
        model = ProgressReport

    commitment = factory.SubFactory(CommitmentFactory)
    city = factory.LazyAttribute(lambda o: o.commitment.cities.first())
    status = ProgressReport.Status.IN_PROGRESS
    reported_on = datetime.date(2030, 6, 1)
