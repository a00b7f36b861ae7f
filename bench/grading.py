"""How long grading one answer takes: every case of the grading table, many times over.

    python bench/grading.py [ROUNDS]   (default: 50)

Prints the median, 95th percentile and worst time per `grade` call, and the median per kind.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from quiz.study.grading import grade

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "grading_cases.tsv"


def cases() -> list[tuple[str, str, str, list[str], list[str]]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, answer, response, _expected, *extra = line.split("\t")
        choices = [f.removeprefix("choices:").split("|") for f in extra if f.startswith("choices:")]
        accepted = [f.split("|") for f in extra if f and not f.startswith("choices:")]
        rows.append((kind, answer, response, accepted[0] if accepted else [],
                     choices[0] if choices else []))
    return rows


def main(rounds: int) -> None:
    table = cases()
    times: dict[str, list[float]] = {}
    for _ in range(rounds):
        for kind, answer, response, accepted, choices in table:
            started = time.perf_counter()
            grade(answer, response, kind=kind, accepted=accepted, choices=choices)
            times.setdefault(kind, []).append(time.perf_counter() - started)
    every = sorted(t for ts in times.values() for t in ts)
    ms = 1000
    p95 = every[int(0.95 * len(every))]
    print(f"{len(every)} calls ({len(table)} cases x {rounds}): median "
          f"{ms * statistics.median(every):.3f} ms, p95 {ms * p95:.3f} ms, "
          f"worst {ms * every[-1]:.3f} ms")
    for kind, ts in sorted(times.items()):
        print(f"  {kind:8} median {ms * statistics.median(ts):.3f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
