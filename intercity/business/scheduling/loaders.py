"""Reading instances from JSON or MiniZinc .dzn data, and writing results as JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .model import (
    DEFAULT_FAIRNESS,
    MEETING_SESSIONS,
    SESSIONS,
    Instance,
    InvalidInstanceError,
    Meeting,
    Participant,
    Result,
    Slot,
)

_DZN_SESSIONS = {1: "morning", 2: "afternoon", 3: "either"}


def load_instance(path: str | Path) -> Instance:
    """Instance from a .json or .dzn file, chosen by the file's suffix."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidInstanceError([f"cannot read {path}: {error.strerror}"]) from error
    if path.suffix == ".dzn":
        return instance_from_dzn(text, name=path.name.removesuffix(".dzn"))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInstanceError([f"{path} is not valid JSON: {error}"]) from error
    return instance_from_dict(data, name=path.stem)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _known(value: Any, ids: set[str]) -> bool:
    return isinstance(value, str) and value in ids


def instance_from_dict(data: Any, *, name: str = "") -> Instance:
    """Validated instance from the JSON structure; every problem is reported at once."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise InvalidInstanceError(["the instance must be a JSON object"])

    slots = _read_slots(data.get("slots"), problems)
    slot_ids = {slot.id for slot in slots}

    tables = data.get("tables")
    if not _is_int(tables) or tables < 1:
        problems.append(f"tables must be an integer of at least 1, got {tables!r}")
        tables = 1

    fairness = data.get("fairness", DEFAULT_FAIRNESS)
    if fairness is not None and (not _is_int(fairness) or fairness < 0):
        problems.append(f"fairness must be a non-negative integer or null, got {fairness!r}")
        fairness = DEFAULT_FAIRNESS

    participants = _read_participants(data.get("participants"), slot_ids, problems)
    participant_ids = {p.id for p in participants}
    meetings = _read_meetings(data.get("meetings"), slot_ids, participant_ids, problems)
    problems.extend(_precedence_cycles(meetings))

    if problems:
        raise InvalidInstanceError(problems)
    return Instance(
        slots=tuple(slots),
        tables=tables,
        participants=tuple(participants),
        meetings=tuple(meetings),
        fairness=fairness,
        name=name,
    )


def _read_slots(raw: Any, problems: list[str]) -> list[Slot]:
    if not isinstance(raw, list):
        problems.append("slots must be a list")
        return []
    slots: list[Slot] = []
    seen: set[str] = set()
    for position, item in enumerate(raw):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.append(f"slot #{position + 1} must be an object with a string id")
            continue
        slot_id, session = item["id"], item.get("session")
        if slot_id in seen:
            problems.append(f"duplicate slot id {slot_id!r}")
            continue
        seen.add(slot_id)
        if session not in SESSIONS:
            problems.append(
                f"slot {slot_id!r} has session {session!r}; expected 'morning' or 'afternoon'"
            )
            continue
        slots.append(Slot(slot_id, session))
    # The lunch gap is a single boundary, so sessions must not interleave.
    afternoon_seen = False
    for slot in slots:
        if slot.session == "afternoon":
            afternoon_seen = True
        elif afternoon_seen:
            problems.append(f"morning slot {slot.id!r} comes after an afternoon slot")
    return slots


def _read_participants(raw: Any, slot_ids: set[str], problems: list[str]) -> list[Participant]:
    if not isinstance(raw, list):
        problems.append("participants must be a list")
        return []
    participants: list[Participant] = []
    seen: set[str] = set()
    for position, item in enumerate(raw):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.append(f"participant #{position + 1} must be an object with a string id")
            continue
        participant_id = item["id"]
        if participant_id in seen:
            problems.append(f"duplicate participant id {participant_id!r}")
            continue
        seen.add(participant_id)
        unavailable = item.get("unavailable", [])
        if not isinstance(unavailable, list):
            problems.append(f"participant {participant_id!r}: unavailable must be a list")
            unavailable = []
        for slot_id in unavailable:
            if not _known(slot_id, slot_ids):
                problems.append(
                    f"participant {participant_id!r} is unavailable in unknown slot {slot_id!r}"
                )
        known = tuple(dict.fromkeys(s for s in unavailable if _known(s, slot_ids)))
        participants.append(Participant(participant_id, known))
    return participants


def _read_meetings(
    raw: Any, slot_ids: set[str], participant_ids: set[str], problems: list[str]
) -> list[Meeting]:
    if not isinstance(raw, list):
        problems.append("meetings must be a list")
        return []
    declared = {
        item["id"] for item in raw if isinstance(item, dict) and isinstance(item.get("id"), str)
    }
    meetings: list[Meeting] = []
    seen: set[str] = set()
    for position, item in enumerate(raw):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.append(f"meeting #{position + 1} must be an object with a string id")
            continue
        meeting_id = item["id"]
        if meeting_id in seen:
            problems.append(f"duplicate meeting id {meeting_id!r}")
            continue
        seen.add(meeting_id)
        count_before = len(problems)
        pair = item.get("participants")
        if not isinstance(pair, list) or len(pair) != 2:
            problems.append(f"meeting {meeting_id!r} must list exactly two participants")
            pair = []
        for participant_id in pair:
            if not _known(participant_id, participant_ids):
                problems.append(
                    f"meeting {meeting_id!r} has unknown participant {participant_id!r}"
                )
        if len(pair) == 2 and pair[0] == pair[1]:
            problems.append(f"meeting {meeting_id!r} is a meeting of {pair[0]!r} with itself")
        session = item.get("session", "either")
        if session not in MEETING_SESSIONS:
            problems.append(
                f"meeting {meeting_id!r} has session {session!r}; "
                "expected 'morning', 'afternoon' or 'either'"
            )
        fixed_slot = item.get("fixed_slot")
        if fixed_slot is not None and not _known(fixed_slot, slot_ids):
            problems.append(f"meeting {meeting_id!r} is fixed to unknown slot {fixed_slot!r}")
        after = item.get("after", [])
        if not isinstance(after, list):
            problems.append(f"meeting {meeting_id!r}: after must be a list")
            after = []
        for other in after:
            if other == meeting_id:
                problems.append(f"meeting {meeting_id!r} must come after itself")
            elif not _known(other, declared):
                problems.append(f"meeting {meeting_id!r} comes after unknown meeting {other!r}")
        if len(problems) == count_before:
            meetings.append(
                Meeting(
                    id=meeting_id,
                    participants=(pair[0], pair[1]),
                    session=session,
                    fixed_slot=fixed_slot,
                    after=tuple(dict.fromkeys(after)),
                )
            )
    return meetings


def _precedence_cycles(meetings: list[Meeting]) -> list[str]:
    """One message per cycle found in the 'after' relation (depth-first search)."""
    edges = {m.id: [a for a in m.after if a != m.id] for m in meetings}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    problems: list[str] = []
    for root in edges:
        if root in state:
            continue
        path: list[str] = []
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, next_edge = stack.pop()
            if next_edge == 0:
                state[node] = 1
                path.append(node)
            targets = edges.get(node, [])
            if next_edge < len(targets):
                stack.append((node, next_edge + 1))
                target = targets[next_edge]
                if state.get(target) == 1:
                    cycle = path[path.index(target) :] + [target]
                    problems.append("cycle in 'after': " + " -> ".join(cycle))
                elif target not in state and target in edges:
                    stack.append((target, 0))
            else:
                state[node] = 2
                path.pop()
    return problems


def _dzn_statements(text: str) -> dict[str, str]:
    text = re.sub(r"%[^\n]*", "", text)
    statements: dict[str, str] = {}
    for statement in text.split(";"):
        if "=" in statement:
            name, value = statement.split("=", 1)
            statements[name.strip()] = value.strip()
    return statements


def _dzn_ints(value: str) -> list[int]:
    return [int(token) for token in re.findall(r"-?\d+", value)]


def _dzn_sets(value: str) -> list[list[int]]:
    return [_dzn_ints(body) for body in re.findall(r"\{([^}]*)\}", value)]


def instance_from_dzn(
    text: str, *, name: str = "", fairness: int | None = DEFAULT_FAIRNESS
) -> Instance:
    """Instance from the MiniZinc data of the JAIR 2022 benchmark (1-based numbers become ids)."""
    data = _dzn_statements(text)
    required = ("nBusiness", "nMeetings", "nTables", "nTotalSlots", "nMorningSlots", "requested")
    missing = [key for key in required if key not in data]
    if missing:
        raise InvalidInstanceError([f"dzn data lacks {key}" for key in missing])
    business_count = int(data["nBusiness"])
    meeting_count = int(data["nMeetings"])
    slot_count = int(data["nTotalSlots"])
    morning_count = int(data["nMorningSlots"])
    rows = [_dzn_ints(row) for row in data["requested"].strip("[]").split("|") if row.strip(" ,\n")]
    problems: list[str] = []
    if len(rows) != meeting_count:
        problems.append(f"requested has {len(rows)} rows but nMeetings is {meeting_count}")
    forbidden = _dzn_sets(data.get("forbidden", "")) or [[] for _ in range(business_count)]
    fixed = _dzn_ints(data.get("fixed", "")) or [0] * meeting_count
    precedences = _dzn_sets(data.get("precedences", "")) or [[] for _ in range(meeting_count)]
    if len(forbidden) != business_count:
        problems.append(f"forbidden has {len(forbidden)} entries but nBusiness is {business_count}")
    if len(fixed) != meeting_count or len(precedences) != meeting_count:
        problems.append("fixed and precedences must have one entry per meeting")
    if problems:
        raise InvalidInstanceError(problems)
    slots = [
        {"id": str(s), "session": "morning" if s <= morning_count else "afternoon"}
        for s in range(1, slot_count + 1)
    ]
    participants = [
        {"id": str(p), "unavailable": [str(s) for s in forbidden[p - 1] if s != 0]}
        for p in range(1, business_count + 1)
    ]
    meetings = []
    for m, row in enumerate(rows, start=1):
        if len(row) != 3 or row[2] not in _DZN_SESSIONS:
            raise InvalidInstanceError([f"requested row {m} is not (business, business, 1|2|3)"])
        meetings.append(
            {
                "id": str(m),
                "participants": [str(row[0]), str(row[1])],
                "session": _DZN_SESSIONS[row[2]],
                "fixed_slot": str(fixed[m - 1]) if fixed[m - 1] else None,
                # precedences[m] lists the meetings that must take place before m.
                "after": [str(other) for other in precedences[m - 1]],
            }
        )
    return instance_from_dict(
        {
            "slots": slots,
            "tables": int(data["nTables"]),
            "fairness": fairness,
            "participants": participants,
            "meetings": meetings,
        },
        name=name,
    )


def instance_to_dict(instance: Instance) -> dict[str, Any]:
    return {
        "slots": [{"id": s.id, "session": s.session} for s in instance.slots],
        "tables": instance.tables,
        "fairness": instance.fairness,
        "participants": [
            {"id": p.id, "unavailable": list(p.unavailable)} for p in instance.participants
        ],
        "meetings": [
            {
                "id": m.id,
                "participants": list(m.participants),
                "session": m.session,
                "fixed_slot": m.fixed_slot,
                "after": list(m.after),
            }
            for m in instance.meetings
        ],
    }


def result_to_dict(result: Result) -> dict[str, Any]:
    return {
        "status": result.status,
        "breaks": result.breaks,
        "lower_bound": result.lower_bound,
        "seconds": round(result.seconds, 3),
        "assignments": [
            {"meeting": a.meeting, "slot": a.slot, "table": a.table} for a in result.assignments
        ],
        "explanation": [str(line) for line in result.explanation],
    }


def result_to_json(result: Result) -> str:
    return json.dumps(result_to_dict(result), indent=2)
