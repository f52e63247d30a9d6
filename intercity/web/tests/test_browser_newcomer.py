"""In a real browser, the newcomer's path: the demo network, a scheduling run worked off by
the task consumer, and an evidence file for the reporting city but not for the public."""

import signal
from contextlib import contextmanager

import pytest
from django.test.testcases import _MediaFilesHandler

from intercity.testing.browser import log_in, screenshot

pytestmark = pytest.mark.browser


@contextmanager
def _running_consumer():
    """The queue as `make run` has it: tasks wait until a consumer thread takes them."""
    from huey.contrib.djhuey import HUEY
    from huey.storage import MemoryStorage

    handlers = {
        sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
    }
    HUEY.immediate = False
    HUEY.storage = MemoryStorage(HUEY.name)
    worker = HUEY.create_consumer(workers=1, worker_type="thread", periodic=False)
    worker.start()
    try:
        yield worker
    finally:
        worker.stop(graceful=True)
        HUEY.immediate = True
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def test_a_newcomer_schedules_the_demo_fair_and_opens_evidence(
    live_server, transactional_db, page, chromium, settings, tmp_path, monkeypatch
):
    from intercity.business.models import Event
    from intercity.dataset.demo import DEMO_PASSWORD, demo_load
    from intercity.dataset.loader import anmc21_load
    from intercity.declarations.models import ProgressReport

    settings.MEDIA_ROOT = tmp_path
    # Django's test server serves MEDIA_URL itself; let the site's checked view answer instead.
    monkeypatch.setattr(_MediaFilesHandler, "_should_handle", lambda self, path: False)
    anmc21_load(actor=None)
    demo_load()
    event = Event.objects.get(meeting__slug="demo-trade-fair-hanoi")
    evidence = ProgressReport.objects.exclude(evidence_file="").first()

    log_in(page, live_server.url, "secretariat", DEMO_PASSWORD)
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    with _running_consumer():
        page.click("#run-scheduler")
        page.wait_for_selector("#run-progress:has-text('Optimal')", timeout=60_000)
    screenshot(page, "newcomer-schedule-run.png")
    assert event.runs.latest("pk").status == "optimal"

    hanoi = chromium.new_context()
    hanoi_page = hanoi.new_page()
    log_in(hanoi_page, live_server.url, "hanoi.focal", DEMO_PASSWORD)
    response = hanoi_page.request.get(f"{live_server.url}{evidence.evidence_file.url}")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
    hanoi.close()

    public = chromium.new_context()
    assert public.request.get(f"{live_server.url}{evidence.evidence_file.url}").status == 404
    public.close()
