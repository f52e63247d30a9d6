"""Per-field confidence: how often a field found by a given rule was right on labelled texts.

Each field of a parse carries the rule that found it (its evidence: "gathering" for a
meeting city read from the sentence saying who met, "title" for participants read from the
title, "none" when nothing was found). ``CALIBRATION`` holds, per field and rule, how many
of the labelled corpus texts and the Hanoi seed (held-out texts excluded) that rule got
exactly right and how
many it was used on; ``benchmarks/declarations.py --calibrate`` measures it again. The
confidence is that share smoothed towards one half, (right + 1) / (used + 2), so that a rule
seen on few texts never looks certain. Below ``LOW`` a reviewer should check the field.
"""

LOW = 0.7
# A warning about the numbering (skipped or repeated numbers) lowers the clauses' confidence.
_NUMBERING_WARNING_FACTOR = 0.8
_CLAUSE_FIELDS = ("clause count", "numbering", "sub-items")

# field -> rule -> (right, used), measured on the labelled corpus.
CALIBRATION: dict[str, dict[str, tuple[int, int]]] = {
    "title": {"keyword": (18, 18), "numbered": (8, 8)},
    "symbol": {"none": (18, 18), "header": (8, 8)},
    "adopted_on": {"none": (15, 15), "dateline": (3, 3), "adopted": (8, 8)},
    "meeting name": {"ordinal": (5, 5), "none": (11, 11), "gathering": (9, 9), "intro": (1, 1)},
    "meeting ordinal": {"ordinal": (5, 5), "none": (16, 16), "gathering": (5, 5)},
    "meeting city": {"none": (11, 11), "gathering": (15, 15)},
    "meeting dates": {
        "ordinal": (1, 1),
        "none": (10, 10),
        "gathering": (11, 11),
        "closing": (4, 4),
    },
    "participants": {"between": (1, 1), "title": (7, 7), "list": (10, 10), "body": (8, 8)},
    "preamble count": {"none": (20, 20), "leads": (6, 6)},
    "clause count": {
        "numbered": (8, 8),
        "statement": (9, 9),
        "marker": (2, 2),
        "ordinal-words": (1, 1),
        "lead-in": (1, 2),
        "annex": (4, 4),
    },
    "numbering": {
        "numbered": (8, 8),
        "statement": (9, 9),
        "marker": (2, 2),
        "ordinal-words": (1, 1),
        "lead-in": (2, 2),
        "annex": (4, 4),
    },
    "sub-items": {
        "numbered": (8, 8),
        "statement": (9, 9),
        "marker": (2, 2),
        "ordinal-words": (1, 1),
        "lead-in": (1, 2),
        "annex": (4, 4),
    },
    "references": {"none": (8, 8), "named": (18, 18)},
}


def _smoothed(right: int, used: int) -> float:
    return round((right + 1) / (used + 2), 2)


def field_confidence(evidence: dict[str, str], warnings: list[str]) -> dict[str, float]:
    """Confidence per field, from the rule that found it and the warnings raised."""
    numbering_warned = any(
        warning.startswith(("clause numbering", "no numbered clauses")) for warning in warnings
    )
    confidence: dict[str, float] = {}
    for field, rule in evidence.items():
        right, used = CALIBRATION.get(field, {}).get(rule, (0, 0))
        value = _smoothed(right, used)
        if numbering_warned and field in _CLAUSE_FIELDS:
            value = round(value * _NUMBERING_WARNING_FACTOR, 2)
        confidence[field] = value
    return confidence


# What the import preview shows, and the fields each of its rows depends on.
PREVIEW_ROWS = {
    "title": ("title",),
    "symbol": ("symbol",),
    "adopted_on": ("adopted_on",),
    "meeting": ("meeting name", "meeting ordinal", "meeting city", "meeting dates"),
    "participants": ("participants",),
    "preamble": ("preamble count",),
    "clauses": ("clause count", "numbering", "sub-items"),
    "references": ("references",),
}


def rows_to_check(confidence: dict[str, float]) -> dict[str, float]:
    """The preview rows whose weakest field is below ``LOW``, with that field's confidence."""
    weak: dict[str, float] = {}
    for row, fields in PREVIEW_ROWS.items():
        known = [confidence[field] for field in fields if field in confidence]
        if known and min(known) < LOW:
            weak[row] = min(known)
    return weak
