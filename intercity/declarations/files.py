"""Who may download a progress report's evidence file."""

from intercity.core.files import register_file_rule
from intercity.declarations.models import ProgressReport
from intercity.declarations.permissions import can_view_evidence


def can_read_evidence(user, name: str) -> bool:
    report = ProgressReport.objects.filter(evidence_file=name).first()
    return report is not None and can_view_evidence(user, report)


def register_evidence_files() -> None:
    register_file_rule("declarations/evidence", can_read_evidence)
