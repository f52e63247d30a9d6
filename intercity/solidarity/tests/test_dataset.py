"""Typhoon Haiyan and the network's sympathy in the ANMC21 dataset; the demo incident."""

import pytest

from intercity.dataset.demo import demo_load
from intercity.dataset.loader import anmc21_load
from intercity.solidarity.models import Assistance, Delivery, Incident, Need, Offer
from intercity.solidarity.selectors import needs_board

pytestmark = pytest.mark.django_db


def test_haiyan_is_the_datasets_incident_with_the_sympathy_message_linked():
    anmc21_load(actor=None)

    haiyan = Incident.objects.get(slug="typhoon-haiyan-2013")
    assert (haiyan.name, haiyan.kind) == ("Typhoon Haiyan", "tropical_cyclone")
    assert haiyan.source_document == "hanoi-declaration-2013.txt"
    assert [a.city.slug for a in haiyan.affected.filter(status="confirmed")] == ["metro-manila"]
    assert not haiyan.figures.exists() and haiyan.glide == ""
    (message,) = haiyan.messages.all()
    assert message.from_city is None and message.to_city.slug == "metro-manila"
    assert message.news_item.slug == "sympathy-manila-typhoon-haiyan"
    assert message.meeting.slug == "12th-plenary-hanoi-2013"
    assert message.source_document == "hanoi-declaration-2013.txt"
    assert not haiyan.is_demo and not message.is_demo


def test_loading_twice_changes_nothing():
    anmc21_load(actor=None)
    report = anmc21_load(actor=None)

    assert report.counts["incident unchanged"] == 1
    assert report.counts["solidarity message unchanged"] == 1
    assert Incident.objects.count() == 1


def test_the_demo_incident_has_needs_offers_and_deliveries_marked_demo():
    anmc21_load(actor=None)
    demo_load()
    demo_load()

    demo = Incident.objects.get(is_demo=True)
    assert Need.objects.filter(incident=demo, is_demo=True).count() == 3
    assert Offer.objects.filter(is_demo=False).count() == 0
    assert Assistance.objects.filter(is_demo=True).count() == 2
    assert Delivery.objects.filter(is_demo=True, status="received").count() == 1
    states = {row.need.unit: row.state for row in needs_board(incident=demo, user=None).rows}
    assert states == {"tent": "open", "litre": "open", "person": "open"}


def test_the_demo_drill_has_a_review_and_a_lesson_marked_demo():
    from intercity.knowledge.models import KnowledgeItem
    from intercity.solidarity.models import Drill

    anmc21_load(actor=None)
    demo_load()

    drill = Drill.objects.get()
    assert drill.meeting.is_demo and drill.meeting.kind == "drill"
    assert drill.review.actions.count() == 1
    lesson = KnowledgeItem.objects.get(kind="drill_lesson")
    assert lesson.is_demo and drill.review.knowledge_item == lesson
