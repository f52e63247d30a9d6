"""Background work of the solidarity app: incident emails and the daily digest."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from intercity.solidarity.services.incidents import digest_send, incident_notify


@db_task()
def notify_incident(incident_id: int, city_ids: list[int]) -> int:
    return incident_notify(incident_id=incident_id, city_ids=city_ids)


@db_periodic_task(crontab(hour="6", minute="0"))
def send_daily_digest() -> int:
    return digest_send()
