"""Summarising a long history: 1,000,000 reviews of 100,000 cards.

    python bench/history.py [QUESTIONS] [REVIEWS]   (defaults: 100000 1000000)

Builds the database the way bench/study.py does, then times `quiz.study.history.summarise`
(every figure `quiz history` shows), best and median of five runs.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from study import NOW, fill, synthetic_bank  # bench/study.py, beside this file

from quiz.study.history import summarise
from quiz.study.store import Store


def main(n_questions: int, n_reviews: int) -> None:
    bank = synthetic_bank(n_questions)
    prompts = {q.id: q.prompt for q in bank.questions}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "h.sqlite3")
        fill(store, bank, n_reviews)
        session = store.start_session("bench", "quiz", NOW)
        store.db.execute("UPDATE reviews SET session = ?", (session,))
        store.rebuild_tallies()  # the reviews were written in bulk, not one by one
        times = []
        for _ in range(5):
            started = time.perf_counter()
            history = summarise(store, now=NOW, prompts=prompts)
            times.append(time.perf_counter() - started)
        print(f"{n_reviews:,} reviews of {n_questions:,} cards: summarise median "
              f"{1000 * statistics.median(times):.0f} ms, best {1000 * min(times):.0f} ms "
              f"({history.answered:,} answered, {len(history.by_week)} weeks)")
        store.close()


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [100_000, 1_000_000][len(args):]))
