"""History figures checked against values worked out by hand on a small, dated history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, State

from quiz.study.history import summarise
from quiz.study.store import Store

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)  # a Saturday


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "h.sqlite3", utc_offset=0)
    s.sync_bank("b", [("q1", "date"), ("q2", "actor"), ("q3", "outcome"), ("q4", "date")],
                at(15, 0))
    ids = {c.question: c.id for c in s.cards("b")}

    def review(session, when, q, outcome, rating, prior, state, due, retrievability=0.9):
        card = Card(card_id=ids[q], state=state, step=None if state == State.Review else 0,
                    stability=5.0, difficulty=5.0, due=due, last_review=when)
        s.record_review(card_id=ids[q], session=session, now=when, mode="quiz", response="x",
                        outcome=outcome, rating=rating, seconds=30.0, hint=False,
                        retrievability=retrievability, card=card, prior_interval=prior)

    s0 = s.start_session("b", "quiz", at(15, 23, 30))  # Sunday night, UTC
    review(s0, at(15, 23, 30), "q3", "correct", 3, 0, State.Review, NOW + timedelta(days=20))
    s1 = s.start_session("b", "quiz", at(16, 9))  # Monday
    review(s1, at(16, 9), "q1", "correct", 3, 0, State.Review, NOW)
    review(s1, at(16, 9, 1), "q2", "wrong", 1, 0, State.Learning, NOW, retrievability=0.0)
    review(s1, at(16, 9, 2), "q3", "correct", 3, 0, State.Review, NOW + timedelta(days=20))
    s2 = s.start_session("b", "quiz", at(20, 9))  # Friday
    review(s2, at(20, 9), "q1", "correct", 3, 3, State.Review, NOW)  # young pass
    review(s2, at(20, 10), "q1", "correct", 3, 1, State.Review, NOW)  # 2nd of the day: out
    review(s2, at(20, 11), "q2", "wrong", 1, 25, State.Relearning, NOW)  # mature fail, lapse
    review(s2, at(20, 12), "q3", "correct", 3, 30, State.Review,
           NOW + timedelta(days=20))  # mature pass
    s3 = s.start_session("b", "quiz", at(21, 8))  # Saturday
    review(s3, at(21, 8), "q2", "correct", 3, 2, State.Relearning,
           NOW - timedelta(hours=1))  # young pass, overdue now
    # q1 is due in two days
    s.db.execute("UPDATE cards SET due = ? WHERE id = ?",
                 ((NOW + timedelta(days=2)).timestamp(), ids["q1"]))
    yield s
    s.close()


def test_sessions_and_totals(store):
    h = summarise(store, now=NOW)
    assert [(x.answered, x.right) for x in h.sessions] == [(1, 1), (3, 2), (4, 3), (1, 1)]
    assert (h.answered, h.right) == (9, 7)
    assert h.minutes == 4.5  # 9 answers of 30 seconds
    assert h.sessions[0].started == "2026-11-15 23:30"


def test_accuracy_by_kind(store):
    assert summarise(store, now=NOW).by_kind == {
        "actor": (1, 3), "date": (3, 3), "outcome": (3, 3)}


def test_weeks_start_on_monday_in_local_time(store):
    assert summarise(store, now=NOW).by_week == [("2026-11-09", 1, 1), ("2026-11-16", 6, 8)]
    # At UTC+1, Sunday 23:30 UTC is already Monday: the week boundary moves with the clock.
    assert summarise(store, now=NOW, utc_offset=3600).by_week == [("2026-11-16", 7, 9)]


def test_true_retention_young_and_mature(store):
    h = summarise(store, now=NOW)
    assert h.retention == {"young": (2, 2), "mature": (1, 2)}


def test_card_states(store):
    assert summarise(store, now=NOW).states == {
        "new": 1, "learning": 0, "review": 2, "relearning": 1}


def test_due_forecast(store):
    forecast = summarise(store, now=NOW).forecast
    assert len(forecast) == 14
    assert forecast[0] == ("2026-11-21", 1)  # q2, overdue, counts today
    assert forecast[2] == ("2026-11-23", 1)  # q1
    assert sum(n for _, n in forecast) == 2  # q3 is due in 20 days


def test_weakest_questions_have_prompts(store):
    weakest = summarise(store, now=NOW, prompts={"q2": "Who met al-Sharaa?"}).weakest
    assert weakest[0].question == "q2" and weakest[0].lapses == 1
    assert weakest[0].prompt == "Who met al-Sharaa?"
    assert {w.question for w in weakest} == {"q1", "q2", "q3"}


def test_streak_counts_consecutive_days(store):
    assert summarise(store, now=NOW).streak == 2  # Friday and Saturday
    assert summarise(store, now=NOW + timedelta(days=1)).streak == 2  # today not done yet
    assert summarise(store, now=NOW + timedelta(days=2)).streak == 0


def test_since_and_bank_filters(store):
    h = summarise(store, now=NOW, since=at(20, 0))
    assert (h.answered, h.right) == (5, 4)
    assert summarise(store, now=NOW, bank="other").empty


def test_json_shape(store):
    data = summarise(store, now=NOW).to_json()
    assert data["retention"]["mature"] == {"passed": 1, "reviews": 2, "rate": 0.5}
    assert data["by_kind"]["actor"] == {"right": 1, "answered": 3}


def run_quiz(*args, env_db=None):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = dict(os.environ)
    if env_db is not None:
        env["QUIZ_DB"] = str(env_db)
    return subprocess.run([sys.executable, "-m", "quiz.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env)


def test_history_command_json_and_tables(store, tmp_path):
    import json

    store.close()
    result = run_quiz("history", "--json", env_db=tmp_path / "h.sqlite3")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["answered"] == 9 and data["by_kind"]["date"] == {"right": 3, "answered": 3}
    tables = run_quiz("history", "--db", str(tmp_path / "h.sqlite3"))
    assert "True retention" in tables.stdout and "Weakest questions" in tables.stdout


def test_history_command_without_history_says_how_to_start(tmp_path, capsys):
    from quiz.cli import main

    assert main(["history", "--db", str(tmp_path / "none.sqlite3")]) == 0
    assert "Start studying with: quiz" in capsys.readouterr().out
    assert not (tmp_path / "none.sqlite3").exists()


def test_history_command_bad_date_is_one_line(tmp_path, capsys):
    from quiz.cli import main

    assert main(["history", "--since", "last tuesday", "--db", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "YYYY-MM-DD" in err
