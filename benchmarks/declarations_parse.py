"""Times the declaration parser on the Hanoi seed and on a generated ~1 MB declaration."""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from intercity.declarations.parsing import parse_declaration  # noqa: E402
from intercity.declarations.parsing.synthetic import synthetic_declaration  # noqa: E402

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "hanoi-declaration-2013.txt"


def median_seconds(text: str, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        parse_declaration(text)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    if SEED.exists():
        hanoi = SEED.read_text(encoding="utf-8")
        seconds = median_seconds(hanoi, runs=51)
        print(f"Hanoi declaration ({len(hanoi):,} chars): median {seconds * 1000:.2f} ms")
    else:
        print(f"Hanoi seed not found at {SEED}; skipped")
    large = synthetic_declaration(1_000_000)
    seconds = median_seconds(large, runs=7)
    print(f"generated declaration ({len(large):,} chars): median {seconds:.3f} s")
    flat = " ".join(large.split())
    seconds = median_seconds(flat, runs=7)
    print(f"same text on one line ({len(flat):,} chars): median {seconds:.3f} s")


if __name__ == "__main__":
    main()
