"""Per-field confidence: how often a field found by a given rule was right on labelled texts.

Each field of a parse carries the rule that found it (its evidence: "gathering" for a
meeting city read from the sentence saying who met, "title" for participants read from the
title, "none" when nothing was found). ``CALIBRATION`` holds, per field and rule, how many
of the labelled corpus texts, both held-out sets (counted once their first measurement was
recorded) and the Hanoi seed that rule got exactly right and how many it was used on;
``benchmarks/declarations.py --calibrate --holdout DIR`` measures it again. The confidence
is that share smoothed towards one half, (right + 1) / (used + 2), so that a rule seen on
few texts never looks certain. Below ``LOW`` a reviewer should check the field.

A field can also be in doubt (see ``doubts``): its value changes when the same text is given
another way, or it disagrees with another fact of the text. ``DOUBT_CALIBRATION`` holds, per
field, how often the field was right when in doubt and when not, counted over the labelled
texts each read in its original form and in the forms ``doubts`` makes of it (as a PDF copy
wraps lines, with page numbers, straight quotes, wider spacing), which are all ways a real
text arrives. A field in doubt takes the doubt's confidence; any other field its rule's,
measured on the readings where that field was not in doubt.
"""

# A field with less than this estimated chance of being right is marked for checking.
LOW = 0.8
# A warning about the numbering (skipped or repeated numbers) lowers the clauses' confidence.
_NUMBERING_WARNING_FACTOR = 0.8
_CLAUSE_FIELDS = ("clause count", "numbering", "sub-items")

# field -> rule -> (right, used), over the labelled texts in every form (see below).
CALIBRATION: dict[str, dict[str, tuple[int, int]]] = {
    "title": {"keyword": (157, 170), "numbered": (109, 110)},
    "symbol": {"none": (170, 170), "header": (110, 110)},
    "adopted_on": {"none": (145, 145), "dateline": (37, 37), "adopted": (98, 98)},
    "meeting name": {
        "ordinal": (80, 91),
        "none": (115, 125),
        "gathering": (49, 50),
        "intro": (10, 10),
    },
    "meeting ordinal": {"ordinal": (80, 91), "none": (150, 155), "gathering": (30, 30)},
    "meeting city": {
        "none": (165, 166),
        "gathering": (100, 100),
        "dateline": (5, 5),
        "ordinal": (5, 5),
    },
    "meeting dates": {
        "ordinal": (5, 5),
        "none": (110, 110),
        "gathering": (70, 70),
        "gathering without year": (5, 5),
        "closing": (70, 75),
        "window": (5, 6),
        "dateline": (5, 5),
    },
    "participants": {"between": (5, 5), "title": (80, 80), "list": (85, 85), "body": (110, 110)},
    "preamble count": {"none": (190, 195), "leads": (10, 11)},
    "clause count": {
        "numbered": (105, 106),
        "statement": (84, 87),
        "marker": (10, 10),
        "ordinal-words": (5, 5),
        "lead-in": (10, 10),
        "annex": (35, 35),
    },
    "numbering": {
        "numbered": (106, 106),
        "statement": (87, 87),
        "marker": (10, 10),
        "ordinal-words": (5, 5),
        "lead-in": (20, 20),
        "annex": (35, 35),
    },
    "sub-items": {
        "numbered": (96, 97),
        "statement": (104, 104),
        "marker": (10, 10),
        "ordinal-words": (5, 5),
        "lead-in": (5, 6),
        "annex": (19, 21),
    },
    "references": {"none": (80, 80), "named": (170, 176)},
}


# field -> in doubt -> (right, used), over the labelled texts in every form.
DOUBT_CALIBRATION: dict[str, dict[bool, tuple[int, int]]] = {
    "adopted_on": {False: (280, 280)},
    "clause count": {False: (249, 253), True: (13, 27)},
    "meeting city": {False: (275, 276), True: (4, 4)},
    "meeting dates": {False: (270, 276), True: (4, 4)},
    "meeting name": {False: (254, 276), True: (4, 4)},
    "meeting ordinal": {False: (260, 276), True: (4, 4)},
    "numbering": {False: (263, 263), True: (17, 17)},
    "participants": {False: (280, 280)},
    "preamble count": {False: (200, 206), True: (48, 74)},
    "references": {False: (250, 256), True: (18, 24)},
    "sub-items": {False: (239, 243), True: (19, 37)},
    "symbol": {False: (280, 280)},
    "title": {False: (266, 280)},
}
# All fields in doubt taken together, for a field seen in doubt too rarely to judge alone.
DOUBTED_POOLED = (131, 195)
_FEWEST_FOR_A_FIELD = 10


def _doubt_confidence(field: str, in_doubt: bool) -> float:
    right, used = DOUBT_CALIBRATION.get(field, {}).get(in_doubt, (0, 0))
    if in_doubt and used < _FEWEST_FOR_A_FIELD:
        right, used = DOUBTED_POOLED
    if used == 0:
        return 1.0
    return _smoothed(right, used)


def _smoothed(right: int, used: int) -> float:
    return round((right + 1) / (used + 2), 2)


def field_confidence(
    evidence: dict[str, str], warnings: list[str], doubts: dict[str, str] | None = None
) -> dict[str, float]:
    """Confidence per field, from the rule that found it, the warnings raised and the doubts."""
    doubts = doubts or {}
    numbering_warned = any(
        warning.startswith(("clause numbering", "no numbered clauses")) for warning in warnings
    )
    confidence: dict[str, float] = {}
    for field, rule in evidence.items():
        right, used = CALIBRATION.get(field, {}).get(rule, (0, 0))
        value = _smoothed(right, used)
        if numbering_warned and field in _CLAUSE_FIELDS:
            value = round(value * _NUMBERING_WARNING_FACTOR, 2)
        # A rule is measured on the readings where its field was not in doubt.
        confidence[field] = _doubt_confidence(field, True) if field in doubts else value
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


def row_doubts(doubts: dict[str, str]) -> dict[str, str]:
    """Per preview row, the reason one of its fields is in doubt (the first found)."""
    reasons: dict[str, str] = {}
    for row, fields in PREVIEW_ROWS.items():
        for field in fields:
            if field in doubts:
                reasons.setdefault(row, doubts[field])
    return reasons


def rows_to_check(confidence: dict[str, float]) -> dict[str, float]:
    """The preview rows whose weakest field is below ``LOW``, with that field's confidence."""
    weak: dict[str, float] = {}
    for row, fields in PREVIEW_ROWS.items():
        known = [confidence[field] for field in fields if field in confidence]
        if known and min(known) < LOW:
            weak[row] = min(known)
    return weak
