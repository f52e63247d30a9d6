"""factory_boy factories for knowledge items, their translations and attachments."""

import datetime

import factory
from factory.django import DjangoModelFactory

from intercity.knowledge.models import KnowledgeItem, KnowledgeTranslation
from intercity.testing.factories import CityFactory


class KnowledgeItemFactory(DjangoModelFactory):
    class Meta:
        model = KnowledgeItem
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    kind = KnowledgeItem.Kind.PRACTICE
    summary = ""
    body = "A practice of a member city."
    language = "en"
    city = factory.SubFactory(CityFactory)
    visibility = KnowledgeItem.Visibility.PUBLIC
    published_at = factory.LazyFunction(
        lambda: datetime.datetime(2030, 1, 1, 12, tzinfo=datetime.UTC)
    )

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.themes.set(extracted)


class KnowledgeTranslationFactory(DjangoModelFactory):
    class Meta:
        model = KnowledgeTranslation

    item = factory.SubFactory(KnowledgeItemFactory)
    language = "vi"
    title = factory.Sequence(lambda n: f"Bản dịch {n}")
    body = "Nội dung bản dịch."
    translator_name = "Nguyễn Văn A"
    translated_on = datetime.date(2030, 2, 1)
