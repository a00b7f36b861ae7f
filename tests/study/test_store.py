"""The study history: reviews survive, banks change without losing history, bad files are
refused and left as they were. Real SQLite in temporary files."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating

from quiz.study.scheduler import Planner, new_card
from quiz.study.store import APPLICATION_ID, SCHEMA_VERSION, Store, StoreError, default_path

T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "h.sqlite3")
    yield s
    s.close()


def test_new_database_is_marked_and_in_wal_mode(tmp_path):
    path = tmp_path / "h.sqlite3"
    Store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_bank_changes_retire_and_add_cards(store):
    assert store.sync_bank("b", [("q1", "date"), ("q2", "actor")], T0).new == 2
    sync = store.sync_bank("b", [("q2", "actor"), ("q3", "outcome")], T0)
    assert (sync.new, sync.retired, sync.returned) == (1, 1, 0)
    assert [c.question for c in store.cards("b")] == ["q2", "q3"]
    assert store.card("b", "q1").retired
    sync = store.sync_bank("b", [("q1", "date"), ("q2", "actor"), ("q3", "outcome")], T0)
    assert sync.returned == 1 and not store.card("b", "q1").retired


def test_a_review_is_on_disk_when_record_returns(tmp_path):
    path = tmp_path / "h.sqlite3"
    store = Store(path)
    store.sync_bank("b", [("q1", "date")], T0)
    row = store.card("b", "q1")
    review = Planner().review(new_card(row.id, T0), Rating.Good, T0)
    session = store.start_session("b", "quiz", T0)
    store.record_review(card_id=row.id, session=session, now=T0, mode="quiz",
                        response="30 September 2019", outcome="correct", rating=3, seconds=4.2,
                        hint=False, retrievability=review.retrievability, card=review.card)
    # A second connection, as another process would open it, sees the review already.
    other = Store(path)
    [saved] = other.reviews(row.id)
    assert (saved["response"], saved["outcome"], saved["rating"]) == (
        "30 September 2019", "correct", 3)
    card = other.card("b", "q1")
    assert card.reps == 1 and card.recalled
    assert card.card.due == review.card.due
    assert abs(saved["interval"] - (review.card.due - T0) / timedelta(days=1)) < 1e-9
    other.close()
    store.close()


def test_learned_alternatives_are_kept(store):
    store.add_alternative("b", "q1", "Tahrir al-Sham", T0)
    store.add_alternative("b", "q1", "Tahrir al-Sham", T0 + timedelta(seconds=1))
    assert store.alternatives("b", "q1") == ["Tahrir al-Sham"]


@pytest.mark.parametrize("content, message", [
    (b"hello, this is a text file\n", "not an SQLite database"),
    (b"SQLite format 3\x00" + b"\x00" * 200, "unreadable"),
])
def test_foreign_files_are_refused_and_left_alone(tmp_path, content, message):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message) as err:
        Store(path)
    assert "\n" not in str(err.value)
    assert path.read_bytes() == content


def test_another_programs_database_is_left_alone(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store(path)
    assert path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_one_line(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="read-only"):
            Store(folder / "h.sqlite3")
    finally:
        folder.chmod(0o700)


def test_a_folder_that_cannot_exist_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"):
        Store(blocker / "sub" / "h.sqlite3")
    assert blocker.read_text() == "x"


def test_quiz_db_overrides_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "x.sqlite3"))
    assert default_path() == tmp_path / "x.sqlite3"
    monkeypatch.delenv("QUIZ_DB")
    assert default_path().name == "history.sqlite3"


def test_a_version_1_history_is_migrated_in_place(tmp_path):
    """A database from before prior_interval keeps its reviews and gains the column."""
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    from quiz.study.store import _MIGRATIONS

    for statement in _MIGRATIONS[1].split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO cards (bank, question, kind, due) VALUES ('b', 'q', 'date', 0)")
    db.execute("INSERT INTO reviews (card, at, mode, response, outcome, rating, seconds, hint, "
               "retrievability, interval) VALUES (1, 0, 'quiz', 'x', 'wrong', 1, 1, 0, 0, 0)")
    db.commit()
    db.close()
    store = Store(path)
    [row] = store.reviews(1)
    assert row["prior_interval"] == 0 and row["response"] == "x"
    store.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
