"""Background work of the agreements app: telling the other parties about a proposal."""

from huey.contrib.djhuey import db_task

from intercity.agreements.proposals import proposal_notify


@db_task()
def notify_status_proposal(proposal_id: int) -> int:
    return proposal_notify(proposal_id=proposal_id)
