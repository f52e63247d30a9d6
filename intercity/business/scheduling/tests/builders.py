"""Builders of small instances and the location of the shared benchmark for the tests."""

from __future__ import annotations

from pathlib import Path

from intercity.business.scheduling.loaders import instance_from_dict
from intercity.business.scheduling.problem import build_problem, tighten_domains_by_precedence

BENCHMARK_DIR = Path(__file__).resolve().parents[4].parent / "shared" / "benchmarks" / "b2b"


def make_instance_data(
    *,
    slots: int = 4,
    afternoon_from: int | None = None,
    tables: int = 2,
    fairness: int | None = 2,
    meetings: list[tuple[str, str]] | None = None,
    participants: list[str] | None = None,
) -> dict:
    """A JSON-shaped instance; meetings default to a small chain a-b, b-c."""
    meetings = meetings if meetings is not None else [("a", "b"), ("b", "c")]
    names = participants or sorted({p for pair in meetings for p in pair})
    return {
        "slots": [
            {
                "id": f"s{i + 1}",
                "session": "afternoon"
                if afternoon_from is not None and i >= afternoon_from
                else "morning",
            }
            for i in range(slots)
        ],
        "tables": tables,
        "fairness": fairness,
        "participants": [{"id": name, "unavailable": []} for name in names],
        "meetings": [
            {
                "id": f"m{i + 1}",
                "participants": [a, b],
                "session": "either",
                "fixed_slot": None,
                "after": [],
            }
            for i, (a, b) in enumerate(meetings)
        ],
    }


def problem_and_domains(data: dict):
    """The engines' view of a JSON-shaped instance: its problem and precedence-tight domains."""
    problem = build_problem(instance_from_dict(data), fairness=data["fairness"])
    return problem, tighten_domains_by_precedence(problem)


def one_break_event():
    """Seven participants, one of them away in two of six slots: a small event with a break,
    whose six meetings take half of the twelve slot-table places."""
    data = make_instance_data(
        slots=6,
        tables=2,
        meetings=[("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("e", "f"), ("e", "g")],
    )
    data["participants"][0]["unavailable"] = ["s2", "s4"]
    return problem_and_domains(data)
