"""The solidarity app's records, one module per part: incidents, help, drills."""

from intercity.solidarity.models.drills import Drill, DrillAction, DrillReview
from intercity.solidarity.models.help import (
    Assistance,
    Delivery,
    Need,
    Offer,
    SolidarityMessage,
)
from intercity.solidarity.models.incidents import (
    AffectedCity,
    CapInfo,
    CapMessage,
    Incident,
    IncidentFigure,
    IncidentSource,
    Visibility,
)

__all__ = [
    "AffectedCity",
    "Assistance",
    "CapInfo",
    "CapMessage",
    "Delivery",
    "Drill",
    "DrillAction",
    "DrillReview",
    "Incident",
    "IncidentFigure",
    "IncidentSource",
    "Need",
    "Offer",
    "SolidarityMessage",
    "Visibility",
]
