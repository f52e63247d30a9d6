"""Background work of the core: the consumer's heartbeat, so pages can tell when none runs."""

from huey import crontab
from huey.contrib.djhuey import HUEY, periodic_task

from intercity.core.worker import heartbeat_record


@HUEY.on_startup()
def heartbeat_on_startup() -> None:
    heartbeat_record()


@periodic_task(crontab(minute="*"))
def heartbeat() -> None:
    heartbeat_record()
