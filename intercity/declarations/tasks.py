"""Background work of the declarations app: report reminders to cities' focal points."""

from huey.contrib.djhuey import db_task

from intercity.declarations.progress import reminders_send


@db_task()
def send_report_reminders(declaration_id: int | None = None) -> int:
    return reminders_send(declaration_id=declaration_id)
