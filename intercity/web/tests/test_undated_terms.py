"""An agreement or a knowledge item without dates shows no empty term or period ("… – …")."""

import datetime

import pytest
from django.urls import reverse

from intercity.testing.factories import AgreementFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


def test_an_agreement_without_a_term_shows_none(client):
    agreement = AgreementFactory()
    page = client.get(reverse("agreements:detail", args=[agreement.slug])).text
    assert "<dt>Term</dt>" not in page
    assert "… – …" not in page


def test_an_agreement_with_a_start_shows_an_open_term(client):
    agreement = AgreementFactory(term_start=datetime.date(2029, 4, 1))
    page = client.get(reverse("agreements:detail", args=[agreement.slug])).text
    assert "<dt>Term</dt><dd>1 April 2029 – …</dd>" in page


def test_a_knowledge_item_without_a_period_shows_none(client):
    item = KnowledgeItemFactory()
    page = client.get(reverse("knowledge:detail", args=[item.slug])).text
    assert "<dt>Period</dt>" not in page
    assert "… – …" not in page


def test_a_knowledge_item_with_an_end_shows_its_period(client):
    item = KnowledgeItemFactory(period_end=datetime.date(2029, 12, 31))
    page = client.get(reverse("knowledge:detail", args=[item.slug])).text
    assert "<dt>Period</dt><dd>… – 31 December 2029</dd>" in page
