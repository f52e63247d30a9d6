"""The search index status says plainly when its queued run waits for a missing worker."""

import pytest
from django.urls import reverse
from huey import MemoryHuey

from intercity.core import worker
from intercity.searchindex.models import EmbeddingRun

pytestmark = pytest.mark.django_db


def test_a_queued_indexing_run_says_no_worker_runs(client, monkeypatch):
    monkeypatch.setattr(worker, "HUEY", MemoryHuey("intercity-test", immediate=False))
    EmbeddingRun.objects.create(total=16)
    text = client.get(reverse("knowledge:index-status")).text
    assert "No background worker is running" in text
    worker.heartbeat_record()
    text = client.get(reverse("knowledge:index-status")).text
    assert "No background worker is running" not in text
