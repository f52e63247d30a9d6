"""An empty list says whether nothing is recorded yet or the filters find nothing."""

import pytest
from django.urls import reverse

from intercity.testing.declaration_factories import DeclarationFactory
from intercity.testing.factories import (
    AgreementFactory,
    MeetingFactory,
    NewsItemFactory,
    ProgrammeFactory,
)
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db

LISTS = [
    ("meetings:list", MeetingFactory, {"q": "zzz"}, "No meetings recorded yet.",
     "No meeting matches these filters."),
    ("programmes:list", ProgrammeFactory, {"q": "zzz"}, "No programmes recorded yet.",
     "No programme matches these filters."),
    ("declarations:list", DeclarationFactory, {"q": "zzz"}, "No declarations recorded yet.",
     "No declaration matches these filters."),
    ("agreements:list", AgreementFactory, {"q": "zzz"}, "No agreements recorded.",
     "No agreement matches these filters."),
    ("knowledge:list", KnowledgeItemFactory, {"q": "zzz"}, "No knowledge items shared yet.",
     "No knowledge item matches these filters."),
    ("web:news", NewsItemFactory, {"kind": "solidarity"}, "No news yet.",
     "No news matches these filters."),
]  # fmt: skip


@pytest.mark.parametrize(("url_name", "factory", "_query", "nothing", "no_match"), LISTS)
def test_an_empty_list_says_nothing_is_recorded_yet(
    client, url_name, factory, _query, nothing, no_match
):
    text = client.get(reverse(url_name)).content.decode()
    assert nothing in text
    assert no_match not in text


@pytest.mark.parametrize(("url_name", "factory", "query", "nothing", "no_match"), LISTS)
def test_a_filtered_list_says_the_filters_find_nothing(
    client, url_name, factory, query, nothing, no_match
):
    factory()
    text = client.get(reverse(url_name), query).content.decode()
    assert no_match in text
    assert nothing not in text
