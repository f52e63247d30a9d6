"""Command line `schedule INSTANCE`: solve a meeting-scheduling instance and print JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loaders import load_instance, result_to_json
from .model import InvalidInstanceError
from .solver import solve


def _fairness(value: str) -> int | None:
    if value.lower() == "none":
        return None
    try:
        number = int(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            "fairness must be a non-negative integer or 'none'"
        ) from error
    if number < 0:
        raise argparse.ArgumentTypeError("fairness must be a non-negative integer or 'none'")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="schedule",
        description="Schedule business-to-business 1:1 meetings with the fewest breaks.",
    )
    parser.add_argument("instance", help="instance file (.json or MiniZinc .dzn)")
    parser.add_argument("--time-limit", type=float, default=60.0, metavar="SECONDS")
    parser.add_argument("--workers", type=int, default=2, metavar="N")
    parser.add_argument("--out", metavar="SCHEDULE.json", help="write the result here")
    parser.add_argument(
        "--fairness",
        type=_fairness,
        default=argparse.SUPPRESS,
        metavar="D|none",
        help="largest allowed difference between participants' break counts "
        "(default: the instance's own, else 2)",
    )
    parser.add_argument(
        "--ignore-lunch-gap",
        action="store_true",
        help="do not count idle time between the morning and afternoon sessions as a break",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit as exit_request:
        return int(exit_request.code or 0)
    if options.time_limit <= 0 or options.workers < 1:
        sys.stderr.write("error: --time-limit must be positive and --workers at least 1\n")
        return 2
    try:
        instance = load_instance(options.instance)
    except InvalidInstanceError as error:
        sys.stderr.write(f"error: {error}\n")
        return 2
    extra = {"fairness": options.fairness} if hasattr(options, "fairness") else {}
    result = solve(
        instance,
        time_limit=options.time_limit,
        workers=options.workers,
        ignore_lunch_gap=options.ignore_lunch_gap,
        **extra,
    )
    text = result_to_json(result)
    if options.out:
        Path(options.out).write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
    return 0
