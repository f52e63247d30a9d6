"""Background work of the meetings app: telling people about registrations."""

from huey.contrib.djhuey import db_task

from intercity.meetings.services_registration import (
    registration_notify_decided,
    registration_notify_received,
)


@db_task()
def notify_registration_received(registration_id: int) -> int:
    return registration_notify_received(registration_id=registration_id)


@db_task()
def notify_registration_decided(registration_id: int) -> int:
    return registration_notify_decided(registration_id=registration_id)
