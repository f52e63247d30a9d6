"""Background work of the business app: scheduler runs."""

from huey.contrib.djhuey import db_task

from intercity.business.services import schedule_run_execute


@db_task()
def run_scheduler(run_id: int) -> str:
    return schedule_run_execute(run_id=run_id).status
