"""A scheduling run's page says plainly when no background worker will take it."""

import pytest
from django.urls import reverse
from huey import MemoryHuey

from intercity.business.models import ScheduleRun
from intercity.core import worker
from intercity.testing.business_factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue_without_inline_tasks(monkeypatch):
    queue = MemoryHuey("intercity-test", immediate=False)
    monkeypatch.setattr(worker, "HUEY", queue)
    return queue


def test_a_queued_run_says_no_worker_runs(cast, client_for, queue_without_inline_tasks):
    event = EventFactory(meeting__host_city=cast.home)
    run = ScheduleRun.objects.create(event=event)
    url = reverse("business:run-progress", args=[run.pk])
    response = client_for(cast.focal_point).get(url)
    assert "No background worker is running" in response.text
    assert "Queued" in response.text

    worker.heartbeat_record()
    response = client_for(cast.focal_point).get(url)
    assert "No background worker is running" not in response.text
