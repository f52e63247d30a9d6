"""Whether a task consumer is alive, told by a heartbeat it leaves in the queue's store."""

from datetime import datetime, timedelta

from django.utils import timezone
from huey.contrib.djhuey import HUEY

HEARTBEAT_KEY = "intercity-worker-heartbeat"
# The consumer beats every minute; three missed beats mean it is gone.
STALE_AFTER = timedelta(minutes=3)


def heartbeat_record(*, at: datetime | None = None) -> None:
    """Leave the consumer's sign of life in the queue's own store, which every process shares."""
    HUEY.put(HEARTBEAT_KEY, (at or timezone.now()).isoformat())


def heartbeat_last() -> datetime | None:
    value = HUEY.get(HEARTBEAT_KEY, peek=True)
    return datetime.fromisoformat(value) if value else None


def worker_running() -> bool:
    """True when tasks will be worked off: run inline, or a consumer beat recently."""
    if HUEY.immediate:
        return True
    last = heartbeat_last()
    return last is not None and timezone.now() - last < STALE_AFTER
