"""The incident and drill lists: empty states in words, filters, pages, bounded queries."""

import pytest
from django.urls import reverse

from intercity.testing.solidarity_factories import active_incident

pytestmark = pytest.mark.django_db


def test_the_incident_list_says_nothing_is_recorded_when_there_is_nothing(client, net):
    text = client.get(reverse("solidarity:list")).content.decode()
    assert "No incidents recorded." in text
    assert "No incident matches these filters." not in text


def test_the_incident_list_says_the_filters_find_nothing_when_incidents_exist(client, net):
    active_incident(affected=[net.manila], name="Flood in the delta")
    text = client.get(reverse("solidarity:list"), {"q": "volcano"}).content.decode()
    assert "No incident matches these filters." in text
    assert "No incidents recorded." not in text
