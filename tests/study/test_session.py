"""Whole study sessions without a UI, with an injected clock and a real SQLite file."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta

import pytest

from quiz.bank import load_bank
from quiz.study.session import Study, fixed_clock
from quiz.study.store import Store
from tests.conftest import BANK, ROOT

T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANK)


def study(tmp_path, bank, clock, **kw):
    return Study(Store(tmp_path / "h.sqlite3"), bank, "iraq-syria", clock=clock, **kw)


def without_siblings(bank):
    """The bank's questions whose evidence shares no sentence with an earlier one's."""
    seen, kept = set(), []
    for q in bank.questions:
        spans = {(e.doc, e.start) for e in q.evidence}
        if not spans & seen:
            kept.append(q)
            seen |= spans
    return bank.model_copy(update={"questions": kept})


def test_new_cards_start_as_choice_and_respect_the_daily_limit(tmp_path, bank):
    s = study(tmp_path, without_siblings(bank), fixed_clock(T0, timedelta(seconds=5)),
              new_per_day=5)
    asked = []
    while (a := s.next()) is not None:
        first_time = a.card.id not in {x.card.id for x in asked}
        # Right once: typed from now; a question with no fair options is always typed.
        assert a.mode == ("choice" if first_time and a.question.choices else "quiz")
        asked.append(a)
        s.answer(a, a.question.answer)
    assert len({a.card.id for a in asked}) == 5
    assert s.store.introduced_since("iraq-syria", T0.replace(hour=0)) == 5


def test_a_right_choice_moves_the_card_to_typed_recall(tmp_path, bank):
    clock = fixed_clock(T0, timedelta(seconds=5))
    s = study(tmp_path, bank, clock, new_per_day=1)
    a = s.next()
    result = s.answer(a, a.question.answer)
    assert result.verdict.correct and result.rating == 3  # a right choice is Good, never Easy
    later = Study(s.store, bank, "iraq-syria", clock=fixed_clock(result.due))
    again = later.next()
    assert again.card.id == a.card.id and again.mode == "quiz"


def test_wrong_answers_come_back_in_the_session_and_rate_again(tmp_path, bank):
    s = study(tmp_path, bank, fixed_clock(T0, timedelta(minutes=1)), new_per_day=4)
    first = s.next()
    result = s.answer(first, "certainly not this")
    assert result.verdict.outcome == "wrong" and result.rating == 1
    seen = []
    while (a := s.next()) is not None:
        seen.append(a.card.id)
        s.answer(a, a.question.answer)
    assert first.card.id in seen and seen[0] != first.card.id


def test_leaving_and_coming_back_resumes(tmp_path, bank):
    clock = fixed_clock(T0, timedelta(seconds=10))
    s = study(tmp_path, bank, clock, new_per_day=6)
    for _ in range(2):
        a = s.next()
        s.answer(a, a.question.answer)
    s.store.close()  # quit mid-session, without finishing
    resumed = study(tmp_path, bank, clock, new_per_day=6)
    assert resumed.queue.new_left == 4
    db = sqlite3.connect(tmp_path / "h.sqlite3")
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 2


def test_override_teaches_the_grader(tmp_path, bank):
    s = study(tmp_path, bank, fixed_clock(T0), new_per_day=1, mode="quiz")
    a = s.next()
    assert s.answer(a, "my own wording").verdict.outcome == "wrong"
    s.override(a, "my own wording")
    assert s.answer(a, "my own wording").verdict.correct


def test_regenerated_bank_retires_and_adds(tmp_path, bank):
    s = study(tmp_path, bank, fixed_clock(T0), new_per_day=2)
    a = s.next()
    s.answer(a, a.question.answer)
    smaller = bank.model_copy(update={"questions": [q for q in bank.questions
                                                    if q.id != a.question.id]})
    Study(s.store, smaller, "iraq-syria", clock=fixed_clock(T0))
    card = s.store.card("iraq-syria", a.question.id)
    assert card.retired and card.reps == 1  # history kept
    assert len(s.store.reviews(card.id)) == 1


def test_flashcards_are_rated_by_the_learner(tmp_path, bank):
    s = study(tmp_path, bank, fixed_clock(T0), new_per_day=1, mode="flashcards")
    a = s.next()
    assert a.mode == "flashcards"
    assert s.rate(a, 4).rating == 4


CHILD = textwrap.dedent("""
    import sys
    from datetime import UTC, datetime, timedelta
    from quiz.bank import load_bank
    from quiz.study.store import Store
    from quiz.study.session import Study, fixed_clock
    bank = load_bank(sys.argv[1])
    start = datetime(2026, 11, 21, 9, 0, tzinfo=UTC) + timedelta(days=int(sys.argv[3]))
    s = Study(Store(sys.argv[2]), bank, "iraq-syria", clock=fixed_clock(start,
              timedelta(seconds=7)), new_per_day=80)
    n = 0
    while n < int(sys.argv[4]):
        a = s.next()
        if a is None:
            break
        r = s.answer(a, a.question.answer if n % 3 else "no idea")
        print("ack", r.review_id, flush=True)
        n += 1
""")


def child(tmp_path, db, day=0, answers=10_000):
    return subprocess.Popen([sys.executable, "-c", CHILD, str(BANK), str(db), str(day),
                             str(answers)], stdout=subprocess.PIPE, text=True, cwd=ROOT)


def test_killing_the_process_loses_no_acknowledged_review(tmp_path):
    db = tmp_path / "h.sqlite3"
    rng = random.Random(7)
    acked: list[int] = []
    for day in range(6):
        proc = child(tmp_path, db, day)
        stop_after = rng.randint(1, 40)
        for _ in range(stop_after):
            line = proc.stdout.readline()
            if not line:
                break
            acked.append(int(line.split()[1]))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    saved = {r[0] for r in sqlite3.connect(db).execute("SELECT id FROM reviews")}
    assert acked and set(acked) <= saved


def test_two_sessions_on_one_database_lose_nothing(tmp_path):
    db = tmp_path / "h.sqlite3"
    Store(db).close()
    procs = [child(tmp_path, db, day=0, answers=25), child(tmp_path, db, day=1, answers=25)]
    acks = [p.communicate(timeout=120)[0].split("\n") for p in procs]
    assert all(p.returncode == 0 for p in procs)
    acked = [int(line.split()[1]) for out in acks for line in out if line.startswith("ack")]
    assert len(acked) == 50
    saved = {r[0] for r in sqlite3.connect(db).execute("SELECT id FROM reviews")}
    assert set(acked) == saved
