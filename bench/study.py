"""Study at scale: a bank of 100,000 questions and a history of 1,000,000 reviews.

    python bench/study.py [QUESTIONS] [REVIEWS]   (defaults: 100000 1000000)

Builds the database in a temporary folder (cards spread over review states and due dates,
reviews spread over a year), then times, on that database: opening a session (syncing the
bank and planning the queue, once per session), choosing the next card, and answering it
(grading, FSRS, and the committed transaction). Prints medians and 95th percentiles.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.models import BANK_SCHEMA, Bank, Evidence, Question
from quiz.study.session import Study
from quiz.study.store import Store

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def synthetic_bank(n: int) -> Bank:
    questions = [
        Question(id=f"q-{i:06d}", kind=("date", "actor", "outcome")[i % 3],
                 prompt=f"In what year did event {i} happen?", answer=str(1900 + i % 120),
                 accepted=[], choices=[str(1900 + (i + k) % 120) for k in range(4)],
                 cloze="_____", status="single-source", sources=["d"],
                 evidence=[Evidence(doc="d", quote="q", start=i, end=i + 1)],
                 tags=[], fact=f"d-{i}", answer_type="date", value=str(1900 + i % 120))
        for i in range(n)
    ]
    return Bank(schema=BANK_SCHEMA, title="bench", sources=[], questions=questions, facts=[],
                conflicts=[])


def fill(store: Store, bank: Bank, reviews: int) -> None:
    rng = random.Random(1)
    store.sync_bank("bench", [(q.id, q.kind) for q in bank.questions], NOW)
    db = store.db
    db.execute("BEGIN")
    # Nine in ten cards reviewed before; due dates from a month ago to two months ahead.
    db.execute(
        "UPDATE cards SET state = 2, stability = 5 + (id % 90), difficulty = 5, reps = 3, "
        "last_review = ? - (id % 60) * 86400, first_review = ? - 200 * 86400, "
        "due = ? + ((id % 90) - 30) * 86400, recalled = 1 WHERE id % 10 != 0",
        (NOW.timestamp(), NOW.timestamp(), NOW.timestamp()))
    n_cards = len(bank.questions)
    year = 365 * 86400
    rows = ((rng.randint(1, n_cards), NOW.timestamp() - rng.random() * year, "quiz", "x",
             "correct", 3, 4.0, 0, 0.9, 3.0) for _ in range(reviews))
    db.executemany("INSERT INTO reviews (card, at, mode, response, outcome, rating, seconds, "
                   "hint, retrievability, interval) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    db.execute("COMMIT")


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    return (f"median {1000 * statistics.median(ordered):.2f} ms, "
            f"p95 {1000 * ordered[int(0.95 * len(ordered))]:.2f} ms")


def main(n_questions: int, n_reviews: int) -> None:
    bank = synthetic_bank(n_questions)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "h.sqlite3"
        started = time.perf_counter()
        store = Store(path)
        fill(store, bank, n_reviews)
        print(f"built {n_questions:,} cards and {n_reviews:,} reviews in "
              f"{time.perf_counter() - started:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
        clock_now = [NOW]
        started = time.perf_counter()
        session = Study(store, bank, "bench", clock=lambda: clock_now[0], mode="quiz")
        print(f"open a session (sync {n_questions:,} questions, plan the queue): "
              f"{1000 * (time.perf_counter() - started):.0f} ms, once per session")
        choose, record = [], []
        for i in range(500):
            clock_now[0] = NOW + timedelta(seconds=10 * i)
            t0 = time.perf_counter()
            asked = session.next()
            t1 = time.perf_counter()
            session.answer(asked, asked.question.answer if i % 4 else "1066", seconds=6.0)
            t2 = time.perf_counter()
            choose.append(t1 - t0)
            record.append(t2 - t1)
        print(f"choose the next card: {percentiles(choose)}")
        print(f"record an answer (grade, FSRS, commit): {percentiles(record)}")
        store.close()


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [100_000, 1_000_000][len(args):]))
