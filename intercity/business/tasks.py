"""Background work of the business app: scheduler runs, and mail about moved meetings and
answered opportunities."""

from huey.contrib.djhuey import db_task

from intercity.business.answer_mail import opportunity_answer_notify
from intercity.business.schedule_mail import meeting_moved_notify
from intercity.business.services import schedule_run_execute


@db_task()
def run_scheduler(run_id: int) -> str:
    return schedule_run_execute(run_id=run_id).status


@db_task()
def notify_meeting_moved(assignment_id: int, old_slot_id: int, old_table: int) -> int:
    return meeting_moved_notify(
        assignment_id=assignment_id, old_slot_id=old_slot_id, old_table=old_table
    )


@db_task()
def notify_opportunity_answer(answer_id: int) -> int:
    return opportunity_answer_notify(answer_id=answer_id)
