"""How well the tutor answers learners' own questions, and how fast it finds facts.

    python bench/tutor.py            # quality on tests/data/tutor_questions.tsv (the seed bank)
    python bench/tutor.py --speed    # also: retrieval time on a generated 100,000-question bank

Quality: a question with an expected answer is answered right when the tutor answers and its
answer grades correct against the expected one (or contains it); a question marked "-" is
declined right when the tutor declines. Printed per split: dev rows were used for tuning,
test rows were run at the first measurement and seen since, fresh rows were written after
tuning and run once to measure.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.bank import load_bank, write_bank  # noqa: E402
from quiz.models import Bank, BankFact, Evidence  # noqa: E402
from quiz.study.grading import grade  # noqa: E402
from quiz.study.tutor import Reply, Tutor  # noqa: E402
from quiz.textnorm import fold  # noqa: E402

BANK = ROOT / "banks" / "iraq-syria.json"
QUESTIONS = ROOT / "tests" / "data" / "tutor_questions.tsv"


def read_questions(path: Path = QUESTIONS) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            split, expected, question = line.split("\t")
            rows.append((split, expected, question))
    return rows


def judged_right(reply: Reply, expected: str) -> bool:
    if expected == "-":
        return reply.verdict == "declined"
    if reply.verdict != "answered":
        return False
    if reply.asked in ("events", "about"):  # what happened then, who X is: in the quotes
        return any(fold(expected) in fold(f.evidence.quote) for f in reply.facts) or (
            fold(expected) in fold(reply.answer))
    kind = "date" if reply.asked == "date" else "text"
    return grade(expected, reply.answer, kind=kind).correct or fold(expected) in fold(
        reply.answer)


def quality(tutor: Tutor, verbose: bool) -> None:
    tallies: dict[tuple[str, bool], list[int]] = {}
    for split, expected, question in read_questions():
        reply = tutor.ask(question)
        ok = judged_right(reply, expected)
        tally = tallies.setdefault((split, expected != "-"), [0, 0])
        tally[0] += ok
        tally[1] += 1
        if verbose and not ok:
            got = reply.answer or (reply.closest[0].statement[:60] if reply.closest else "")
            print(f"  ✘ [{split}] {question!r}: expected {expected!r}, got {reply.verdict} "
                  f"{got!r}")
    for split in ("dev", "test", "fresh", "all"):
        for answerable, label in ((True, "answered right"), (False, "declined right")):
            right = sum(v[0] for (s, a), v in tallies.items()
                        if a == answerable and split in (s, "all"))
            total = sum(v[1] for (s, a), v in tallies.items()
                        if a == answerable and split in (s, "all"))
            print(f"{split:>4}  {label}: {right}/{total} = {100 * right / total:.0f}%")


def big_bank(seed_bank: Bank, questions: int, rng: random.Random) -> Bank:
    """The seed bank's facts among made-up ones, as many per question as the seeds have.

    Made-up statements mix Zipf-distributed words (as real text has: a few very common,
    most rare) with words of the seed facts, so common words like "Iraq" have long lists.
    """
    vocabulary = [f"w{i:05d}" for i in range(60_000)]
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    seed_words = [w for f in seed_bank.facts for w in f.statement.split()]
    doc = seed_bank.sources[0].doc
    facts = list(seed_bank.facts)
    for i in range(questions * len(seed_bank.facts) // len(seed_bank.questions) - len(facts)):
        words = rng.choices(vocabulary, cum_weights=cumulative, k=12)
        words += rng.sample(seed_words, 6)
        rng.shuffle(words)
        statement = " ".join(words)
        evidence = Evidence.model_construct(doc=doc, quote=statement + ".", start=0,
                                            end=len(statement) + 1)
        facts.append(BankFact.model_construct(
            id=f"x-{i}", kind=rng.choice(("date", "actor", "outcome")), statement=statement,
            event=statement, answer=words[0], value=words[0], status="single-source",
            sources=[doc], evidence=[evidence], inferred=False))
    template = seed_bank.questions[0]
    made = [template.model_copy(update={"id": f"q-x-{i}", "fact": f"x-{i}"})
            for i in range(questions)]
    return seed_bank.model_copy(update={"facts": facts, "questions": made})


def resident_mib() -> float:
    """This process's resident memory (Linux), without tracemalloc slowing the build."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def speed(seed_bank: Bank) -> None:
    rng = random.Random(8)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        write_bank(big_bank(seed_bank, 100_000, rng), path)
        t0 = time.perf_counter()
        bank = load_bank(path)
        print(f"\nbank: {len(bank.questions):,} questions, {len(bank.facts):,} facts, "
              f"{path.stat().st_size / 2**20:.0f} MiB; load_bank {time.perf_counter() - t0:.1f} s")
    before = resident_mib()
    t0 = time.perf_counter()
    tutor = Tutor([bank])
    built = time.perf_counter() - t0
    print(f"index built in {built:.1f} s, {resident_mib() - before:.0f} MiB more resident "
          f"memory ({resident_mib():.0f} MiB in all)")
    times = []
    for _ in range(3):
        for _, _, question in read_questions():
            t0 = time.perf_counter()
            tutor.ask(question)
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"retrieval over {len(times)} asks: mean {statistics.mean(times):.1f} ms, "
          f"median {statistics.median(times):.1f} ms, "
          f"p95 {times[int(0.95 * len(times))]:.1f} ms, worst {times[-1]:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    seed_bank = load_bank(BANK)
    t0 = time.perf_counter()
    tutor = Tutor([seed_bank])
    print(f"seed bank: {len(seed_bank.facts)} facts indexed in "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    quality(tutor, verbose=not args.quiet)
    times = []
    for _, _, question in read_questions():
        t0 = time.perf_counter()
        tutor.ask(question)
        times.append((time.perf_counter() - t0) * 1000)
    print(f"seed bank: {statistics.median(times):.2f} ms median per ask, worst "
          f"{max(times):.2f} ms")
    if args.speed:
        speed(seed_bank)


if __name__ == "__main__":
    main()
