"""Order an event's participants and meetings by their structure, never by names or input order.

SAT and MaxSAT searches are sensitive to the order of their variables: the same event
exported by another system, with participants renamed and lists shuffled, can take seconds
or minutes. The solver therefore models every event in one canonical order:

1. Each participant starts with a colour made of what the rules see of it: its number of
   meetings, the slots it cannot attend, the sessions and fixed slots of its meetings.
2. Colours are refined a few rounds (Weisfeiler-Leman): a participant's new colour is its
   colour plus the sorted colours of the partners it meets, through what each meeting asks.
3. Participants are ranked by descending meeting count, then colour; meetings are grouped by
   the first participant that holds them and ordered by their partner's rank, which keeps
   each participant's variables together, as a hand-written event file does.

Participants the refinement cannot tell apart keep their input order among themselves;
after refinement such participants are almost always interchangeable in the event.
Slots keep their order: it is time.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace

from .model import Instance, Meeting, Participant

REFINEMENT_ROUNDS = 4


def _digest(value: object) -> str:
    return hashlib.blake2b(repr(value).encode(), digest_size=12).hexdigest()


def participant_colours(instance: Instance) -> dict[str, str]:
    """Structural colour of each participant id after a few rounds of refinement.

    Meetings are coloured alongside: by their session, fixed slot, the colours of their two
    participants and of the meetings they must follow or precede.
    """
    slot_index = {slot.id: i for i, slot in enumerate(instance.slots)}
    successors: dict[str, list[str]] = {meeting.id: [] for meeting in instance.meetings}
    for meeting in instance.meetings:
        for earlier in meeting.after:
            successors[earlier].append(meeting.id)
    label = {
        meeting.id: (
            meeting.session,
            slot_index[meeting.fixed_slot] if meeting.fixed_slot else -1,
            len(meeting.after),
            len(successors[meeting.id]),
        )
        for meeting in instance.meetings
    }
    incident: dict[str, list[tuple[str, str]]] = {p.id: [] for p in instance.participants}
    for meeting in instance.meetings:
        a, b = meeting.participants
        incident[a].append((meeting.id, b))
        incident[b].append((meeting.id, a))
    colour = {
        p.id: _digest(
            (
                len(incident[p.id]),
                tuple(sorted(slot_index[s] for s in p.unavailable)),
                tuple(sorted(label[m] for m, _partner in incident[p.id])),
            )
        )
        for p in instance.participants
    }
    meeting_colour = {m: _digest(value) for m, value in label.items()}
    classes = len(set(colour.values()))
    for _round in range(REFINEMENT_ROUNDS):
        meeting_colour = {
            meeting.id: _digest(
                (
                    meeting_colour[meeting.id],
                    tuple(sorted(colour[pid] for pid in meeting.participants)),
                    tuple(sorted(meeting_colour[m] for m in meeting.after)),
                    tuple(sorted(meeting_colour[m] for m in successors[meeting.id])),
                )
            )
            for meeting in instance.meetings
        }
        colour = {
            pid: _digest(
                (colour[pid], tuple(sorted((meeting_colour[m], colour[o]) for m, o in links)))
            )
            for pid, links in incident.items()
        }
        refined_classes = len(set(colour.values()))
        if refined_classes == classes:
            break
        classes = refined_classes
    return colour


def canonical_order(instance: Instance) -> Instance:
    """The same event with participants and meetings listed in the canonical order."""
    colour = participant_colours(instance)
    degree: dict[str, int] = {p.id: 0 for p in instance.participants}
    for meeting in instance.meetings:
        for pid in meeting.participants:
            degree[pid] += 1
    participants = sorted(instance.participants, key=lambda p: (-degree[p.id], colour[p.id]))
    rank = {p.id: i for i, p in enumerate(participants)}

    slot_index = {slot.id: i for i, slot in enumerate(instance.slots)}

    def meeting_key(meeting: Meeting) -> tuple:
        first, second = sorted(rank[pid] for pid in meeting.participants)
        fixed = slot_index[meeting.fixed_slot] if meeting.fixed_slot else -1
        return (first, second, meeting.session, fixed, len(meeting.after))

    ordered = sorted(instance.meetings, key=meeting_key)
    position = {meeting.id: i for i, meeting in enumerate(ordered)}
    meetings = [
        replace(
            meeting,
            participants=tuple(sorted(meeting.participants, key=rank.__getitem__)),
            after=tuple(sorted(meeting.after, key=position.__getitem__)),
        )
        for meeting in ordered
    ]
    return replace(instance, participants=tuple(participants), meetings=tuple(meetings))


def renamed_and_shuffled(instance: Instance, seed: int) -> Instance:
    """The same event as another system might export it: new names, lists in another order,
    each meeting's two participants possibly swapped. For tests and benchmarks."""
    rng = random.Random(seed)  # noqa: S311 - reproducible choices, not secrets
    new_participant_ids = [f"p{i}" for i in range(len(instance.participants))]
    rng.shuffle(new_participant_ids)
    participant_id = {
        p.id: new for p, new in zip(instance.participants, new_participant_ids, strict=True)
    }
    new_meeting_ids = [f"m{i}" for i in range(len(instance.meetings))]
    rng.shuffle(new_meeting_ids)
    meeting_id = {m.id: new for m, new in zip(instance.meetings, new_meeting_ids, strict=True)}
    participants = [Participant(participant_id[p.id], p.unavailable) for p in instance.participants]
    rng.shuffle(participants)
    meetings = []
    for meeting in instance.meetings:
        pair = tuple(participant_id[pid] for pid in meeting.participants)
        if rng.random() < 0.5:
            pair = pair[::-1]
        meetings.append(
            Meeting(
                meeting_id[meeting.id],
                pair,  # type: ignore[arg-type]
                meeting.session,
                meeting.fixed_slot,
                tuple(meeting_id[m] for m in meeting.after),
            )
        )
    rng.shuffle(meetings)
    return replace(instance, participants=tuple(participants), meetings=tuple(meetings))
