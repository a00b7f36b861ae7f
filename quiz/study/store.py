"""The study history in SQLite: the only module that speaks SQL.

One database holds cards (one per bank question, with its FSRS state), every review,
sessions, and the alternatives learners taught the grader. Each review is committed in its
own transaction before the caller shows feedback, so killing the process loses nothing
answered. WAL mode and a busy timeout let two sessions share the file. The file is
identified by SQLite's application_id, versioned by user_version, and migrated forward;
a file that is not ours is refused and left untouched.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fsrs import Card, State

from quiz.models import Kind, Mode, SessionMode

APPLICATION_ID = 0x51554A5A  # "QUJZ": marks the file as a quiz history
SCHEMA_VERSION = 3
BUSY_TIMEOUT_MS = 5000

# Totals of reviews recorded before the tallies existed (retention counts start afresh).
_TALLY_BACKFILL = """
    INSERT INTO tallies (bank, kind, hour, session, answered, right, seconds)
        SELECT c.bank, c.kind, CAST(r.at / 3600 AS INTEGER), coalesce(r.session, 0), count(*),
               sum(r.outcome = 'correct'), sum(r.seconds)
        FROM reviews r JOIN cards c ON c.id = r.card
        GROUP BY c.bank, c.kind, CAST(r.at / 3600 AS INTEGER), coalesce(r.session, 0)
"""

_MIGRATIONS = {
    1: """
    CREATE TABLE cards (
        id INTEGER PRIMARY KEY,
        bank TEXT NOT NULL,
        question TEXT NOT NULL,
        kind TEXT NOT NULL,
        state INTEGER NOT NULL DEFAULT 1,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due REAL NOT NULL,
        last_review REAL,
        first_review REAL,                     -- for the daily limit on new cards
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        recalled INTEGER NOT NULL DEFAULT 0,   -- answered right once: typed recall from now
        retired REAL,                          -- when the question left its bank
        UNIQUE (bank, question)
    );
    CREATE INDEX cards_due ON cards (bank, retired, reps, due);
    CREATE INDEX cards_first ON cards (bank, first_review);
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        bank TEXT NOT NULL,
        mode TEXT NOT NULL,
        started REAL NOT NULL,
        ended REAL
    );
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        card INTEGER NOT NULL REFERENCES cards (id),
        session INTEGER REFERENCES sessions (id),
        at REAL NOT NULL,
        mode TEXT NOT NULL,
        response TEXT NOT NULL,
        outcome TEXT NOT NULL,
        rating INTEGER NOT NULL,
        seconds REAL NOT NULL,
        hint INTEGER NOT NULL,
        retrievability REAL NOT NULL,
        interval REAL NOT NULL                 -- days until due, as scheduled by this review
    );
    CREATE INDEX reviews_card ON reviews (card, at);
    CREATE INDEX reviews_at ON reviews (at);
    CREATE TABLE alternatives (
        bank TEXT NOT NULL,
        question TEXT NOT NULL,
        response TEXT NOT NULL,
        added REAL NOT NULL,
        PRIMARY KEY (bank, question, response)
    );
    """,
    # The interval a card had before each review: Anki's young/mature split for retention.
    2: """
    ALTER TABLE reviews ADD COLUMN prior_interval REAL NOT NULL DEFAULT 0
    """,
    # Running totals per bank, kind, session and UTC hour, kept with every review, so the
    # history of a million reviews is summarised from a few thousand rows.
    3: """
    CREATE TABLE tallies (
        bank TEXT NOT NULL,
        kind TEXT NOT NULL,
        hour INTEGER NOT NULL,                 -- hours since 1970, UTC
        session INTEGER NOT NULL DEFAULT 0,
        answered INTEGER NOT NULL DEFAULT 0,
        right INTEGER NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0,
        young_passed INTEGER NOT NULL DEFAULT 0,   -- first review of the day, interval < 21 d
        young INTEGER NOT NULL DEFAULT 0,
        mature_passed INTEGER NOT NULL DEFAULT 0,  -- first review of the day, interval ≥ 21 d
        mature INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (bank, kind, hour, session)
    );
    """ + "; " + _TALLY_BACKFILL,
}


class StoreError(Exception):
    """A database the learner must deal with; the message is one line."""


def default_path() -> Path:
    """QUIZ_DB if set, else history.sqlite3 in the user data folder."""
    env = os.environ.get("QUIZ_DB")
    if env:
        return Path(env)
    import platformdirs

    return platformdirs.user_data_path("quiz") / "history.sqlite3"


@dataclass(frozen=True)
class CardRow:
    id: int
    bank: str
    question: str
    kind: Kind
    card: Card
    reps: int
    lapses: int
    recalled: bool
    retired: bool


@dataclass(frozen=True)
class Sync:
    new: int
    retired: int
    returned: int


def _hour(when: datetime | None) -> int:
    return 0 if when is None else int(when.timestamp() // 3600)


def _ts(when: datetime) -> float:
    return when.timestamp()


def _dt(ts: float | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC)


class Store:
    def __init__(self, path: Path | str, *, utc_offset: float | None = None) -> None:
        """`utc_offset`: seconds east of UTC that make a local day (default: this machine's)."""
        self.path = Path(path)
        self.utc_offset = time.localtime().tm_gmtoff if utc_offset is None else utc_offset
        self.db = self._open()

    def _day(self, ts: float) -> int:
        return int((ts + self.utc_offset) // 86400)

    # -- opening ---------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        path = self.path
        if path.is_dir():
            raise StoreError(f"{path}: is a folder; give a database file, e.g. {path}/h.sqlite3")
        exists = path.exists() and path.stat().st_size > 0
        if exists:
            with path.open("rb") as f:
                if f.read(16) != b"SQLite format 3\x00":
                    raise StoreError(f"{path}: not a quiz history (not an SQLite database); "
                                     "left as it is")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(
                    f"{path.parent}: cannot create the folder ({err.strerror})") from None
            if not os.access(path.parent, os.W_OK):
                raise StoreError(f"{path.parent}: folder is read-only; choose another with "
                                 "--db or QUIZ_DB")
        try:
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            app, version = self._identity(db)
            if exists and (app, version) != (0, 0) and app != APPLICATION_ID:
                db.close()
                raise StoreError(f"{path}: an SQLite file of another program; left as it is")
            if exists and app == 0 and self._has_tables(db):
                db.close()
                raise StoreError(f"{path}: an SQLite file of another program; left as it is")
            if version > SCHEMA_VERSION:
                db.close()
                raise StoreError(f"{path}: written by a newer quiz (history version {version}); "
                                 "upgrade quiz")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            self._migrate(db, version)
        except sqlite3.DatabaseError as err:
            raise StoreError(
                f"{path}: unreadable history database ({err}); left as it is") from None
        return db

    @staticmethod
    def _identity(db: sqlite3.Connection) -> tuple[int, int]:
        app = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        return app, version

    @staticmethod
    def _has_tables(db: sqlite3.Connection) -> bool:
        return bool(db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0)

    @staticmethod
    def _migrate(db: sqlite3.Connection, version: int) -> None:
        for target in range(version + 1, SCHEMA_VERSION + 1):
            db.execute("BEGIN IMMEDIATE")
            try:
                current = db.execute("PRAGMA user_version").fetchone()[0]
                if current < target:  # another process may have migrated meanwhile
                    for statement in _MIGRATIONS[target].split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    db.execute(f"PRAGMA user_version = {target}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- cards -----------------------------------------------------------------------------------

    def sync_bank(self, bank: str, questions: Iterable[tuple[str, str]], now: datetime) -> Sync:
        """Make the cards match a bank's questions (id, kind): new ones arrive, vanished ones
        retire (their history stays), ones that come back are active again."""
        wanted = dict(questions)
        with self._transaction() as db:
            rows = db.execute("SELECT question, retired FROM cards WHERE bank = ?", (bank,))
            known = {q: retired for q, retired in rows}
            new = [(bank, q, kind, _ts(now)) for q, kind in wanted.items() if q not in known]
            db.executemany("INSERT INTO cards (bank, question, kind, due) VALUES (?, ?, ?, ?)",
                           new)
            gone = [(_ts(now), bank, q) for q, r in known.items() if q not in wanted and r is None]
            db.executemany("UPDATE cards SET retired = ? WHERE bank = ? AND question = ?", gone)
            back = [(bank, q) for q, r in known.items() if q in wanted and r is not None]
            db.executemany("UPDATE cards SET retired = NULL WHERE bank = ? AND question = ?",
                           back)
        return Sync(len(new), len(gone), len(back))

    def card(self, bank: str, question: str) -> CardRow | None:
        row = self.db.execute(f"SELECT {_CARD_COLUMNS} FROM cards WHERE bank = ? AND question = ?",
                              (bank, question)).fetchone()
        return _card_row(row) if row else None

    def cards(self, bank: str, *, active: bool = True) -> list[CardRow]:
        query = f"SELECT {_CARD_COLUMNS} FROM cards WHERE bank = ?"
        if active:
            query += " AND retired IS NULL"
        return [_card_row(r) for r in self.db.execute(query + " ORDER BY id", (bank,))]

    def due_cards(self, bank: str, now: datetime, limit: int = 2000) -> list[CardRow]:
        """Reviewed cards due by `now`, most overdue first (at most `limit`)."""
        rows = self.db.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE bank = ? AND retired IS NULL AND reps > 0 "
            "AND due <= ? ORDER BY due LIMIT ?", (bank, _ts(now), limit))
        return [_card_row(r) for r in rows]

    def due_count(self, bank: str, until: datetime) -> int:
        """Reviewed, active cards due by `until`."""
        return self._count(
            "SELECT count(*) FROM cards WHERE bank = ? AND retired IS NULL AND reps > 0 "
            "AND due <= ?", (bank, _ts(until)))

    def new_cards(self, bank: str, limit: int) -> list[CardRow]:
        """Cards never reviewed, in bank order."""
        rows = self.db.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE bank = ? AND retired IS NULL AND reps = 0 "
            "ORDER BY id LIMIT ?", (bank, limit))
        return [_card_row(r) for r in rows]

    def introduced_since(self, bank: str, since: datetime) -> int:
        """How many cards had their first review at or after `since` (today's new cards)."""
        return self._count("SELECT count(*) FROM cards WHERE bank = ? AND first_review >= ?",
                           (bank, _ts(since)))

    def _count(self, sql: str, parameters: tuple[object, ...]) -> int:
        count: int = self.db.execute(sql, parameters).fetchone()[0]
        return count

    # -- sessions and reviews ----------------------------------------------------------------------

    def start_session(self, bank: str, mode: SessionMode, now: datetime) -> int:
        with self._transaction() as db:
            cur = db.execute("INSERT INTO sessions (bank, mode, started) VALUES (?, ?, ?)",
                             (bank, mode, _ts(now)))
            return _row_id(cur)

    def end_session(self, session: int, now: datetime) -> None:
        with self._transaction() as db:
            db.execute("UPDATE sessions SET ended = ? WHERE id = ?", (_ts(now), session))

    def record_review(self, *, card_id: int, session: int | None, now: datetime, mode: Mode,
                      response: str, outcome: str, rating: int, seconds: float, hint: bool,
                      retrievability: float, card: Card, prior_interval: float = 0.0) -> int:
        """Store one answered question and the card's new schedule, atomically and durably.

        `prior_interval`: days the card was scheduled for before this review (0 if new).
        """
        interval = (card.due - now).total_seconds() / 86400
        lapse = 1 if rating == 1 and retrievability > 0 else 0
        with self._transaction() as db:
            bank, kind, last = db.execute(
                "SELECT bank, kind, last_review FROM cards WHERE id = ?", (card_id,)).fetchone()
            # Anki's true retention counts a card's first review of a (local) day, once it
            # has an interval; Again is the only fail.
            first = last is None or self._day(last) != self._day(_ts(now))
            counted = first and prior_interval > 0
            mature = prior_interval >= 21
            passed = int(rating > 1)
            db.execute(
                "INSERT INTO tallies (bank, kind, hour, session, answered, right, seconds, "
                "young_passed, young, mature_passed, mature) VALUES (?,?,?,?,1,?,?,?,?,?,?) "
                "ON CONFLICT (bank, kind, hour, session) DO UPDATE SET "
                "answered = answered + 1, right = right + excluded.right, "
                "seconds = seconds + excluded.seconds, "
                "young_passed = young_passed + excluded.young_passed, "
                "young = young + excluded.young, "
                "mature_passed = mature_passed + excluded.mature_passed, "
                "mature = mature + excluded.mature",
                (bank, kind, int(_ts(now) // 3600), session or 0, int(outcome == "correct"),
                 seconds, passed * (counted and not mature), int(counted and not mature),
                 passed * (counted and mature), int(counted and mature)))
            cur = db.execute(
                "INSERT INTO reviews (card, session, at, mode, response, outcome, rating, "
                "seconds, hint, retrievability, interval, prior_interval) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (card_id, session, _ts(now), mode, response, outcome, rating, seconds,
                 int(hint), retrievability, interval, prior_interval))
            db.execute(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                "last_review = ?, first_review = coalesce(first_review, ?), reps = reps + 1, "
                "lapses = lapses + ?, recalled = recalled OR ? WHERE id = ?",
                (int(card.state), card.step, card.stability, card.difficulty, _ts(card.due),
                 _ts(card.last_review) if card.last_review else None, _ts(now), lapse,
                 int(outcome == "correct"), card_id))
            return _row_id(cur)

    def reviews(self, card_id: int) -> list[sqlite3.Row]:
        cursor = self.db.cursor()
        cursor.row_factory = sqlite3.Row
        return list(cursor.execute("SELECT * FROM reviews WHERE card = ? ORDER BY id",
                                   (card_id,)))

    # -- figures for the history (aggregated here, so a million reviews stay fast) -------------

    def session_summaries(self, bank: str | None, since: datetime | None) -> list[tuple]:
        """(id, bank, mode, started, ended, answered, right, seconds) per session, oldest first."""
        return list(self.db.execute(
            "SELECT s.id, s.bank, s.mode, s.started, s.ended, sum(t.answered), sum(t.right), "
            "sum(t.seconds) FROM sessions s JOIN tallies t ON t.session = s.id "
            "WHERE (?1 IS NULL OR s.bank = ?1) AND t.hour >= ?2 "
            "GROUP BY s.id ORDER BY s.started", (bank, _hour(since))))

    def accuracy_by_kind(self, bank: str | None, since: datetime | None) -> list[tuple]:
        """(kind, right, answered)."""
        return list(self.db.execute(
            "SELECT kind, sum(right), sum(answered) FROM tallies "
            "WHERE (?1 IS NULL OR bank = ?1) AND hour >= ?2 GROUP BY kind ORDER BY kind",
            (bank, _hour(since))))

    def accuracy_by_week(self, bank: str | None, since: datetime | None,
                         utc_offset: float) -> list[tuple]:
        """(week number since 1970 counted from Mondays, right, answered), in local time."""
        return list(self.db.execute(
            "SELECT CAST((hour * 3600 + ?3) / 86400 + 3 AS INTEGER) / 7 AS week, "
            "sum(right), sum(answered) FROM tallies WHERE (?1 IS NULL OR bank = ?1) "
            "AND hour >= ?2 GROUP BY week ORDER BY week", (bank, _hour(since), utc_offset)))

    def retention_counts(self, bank: str | None, since: datetime | None) -> tuple[int, ...]:
        """(young passed, young, mature passed, mature): first reviews of a day of cards that
        already had an interval (Anki's true retention)."""
        row = self.db.execute(
            "SELECT coalesce(sum(young_passed), 0), coalesce(sum(young), 0), "
            "coalesce(sum(mature_passed), 0), coalesce(sum(mature), 0) FROM tallies "
            "WHERE (?1 IS NULL OR bank = ?1) AND hour >= ?2", (bank, _hour(since))).fetchone()
        return tuple(row)

    def rebuild_tallies(self) -> None:
        """Totals from the reviews themselves (after reviews were written in bulk)."""
        with self._transaction() as db:
            db.execute("DELETE FROM tallies")
            db.execute(_TALLY_BACKFILL)

    def study_days(self, bank: str | None, utc_offset: float) -> list[int]:
        """Local day numbers with at least one review, newest first."""
        rows = self.db.execute(
            "SELECT DISTINCT CAST((hour * 3600 + ?2) / 86400 AS INTEGER) AS day FROM tallies "
            "WHERE (?1 IS NULL OR bank = ?1) ORDER BY day DESC", (bank, utc_offset))
        return [r[0] for r in rows]

    def card_states(self, bank: str | None) -> list[tuple]:
        """(state, never reviewed, count) over active cards."""
        return list(self.db.execute(
            "SELECT state, reps = 0, count(*) FROM cards WHERE (?1 IS NULL OR bank = ?1) "
            "AND retired IS NULL GROUP BY state, reps = 0", (bank,)))

    def due_by_day(self, bank: str | None, now: datetime, days: int,
                   utc_offset: float) -> list[tuple]:
        """(local day number, count) of reviewed cards due before `days` days from now;
        overdue cards count on today."""
        today = int((_ts(now) + utc_offset) // 86400)
        return list(self.db.execute(
            "SELECT max(CAST((due + ?3) / 86400 AS INTEGER), ?4) AS day, count(*) FROM cards "
            "WHERE (?1 IS NULL OR bank = ?1) AND retired IS NULL AND reps > 0 AND due < ?2 "
            "GROUP BY day ORDER BY day",
            (bank, (today + days) * 86400 - utc_offset, utc_offset, today)))

    def most_lapsed(self, bank: str | None, limit: int) -> list[CardRow]:
        rows = self.db.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE (?1 IS NULL OR bank = ?1) AND "
            "retired IS NULL AND reps > 0 ORDER BY lapses DESC, stability ASC, id LIMIT ?2",
            (bank, limit))
        return [_card_row(r) for r in rows]

    # -- learned alternatives ----------------------------------------------------------------------

    def add_alternative(self, bank: str, question: str, response: str, now: datetime) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR IGNORE INTO alternatives VALUES (?, ?, ?, ?)",
                       (bank, question, response, _ts(now)))

    def alternatives(self, bank: str, question: str) -> list[str]:
        rows = self.db.execute("SELECT response FROM alternatives WHERE bank = ? AND "
                               "question = ? ORDER BY added", (bank, question))
        return [r[0] for r in rows]


_CARD_COLUMNS = ("id, bank, question, kind, state, step, stability, difficulty, due, "
                 "last_review, reps, lapses, recalled, retired")


def _card_row(row: tuple) -> CardRow:
    (cid, bank, question, kind, state, step, stability, difficulty, due, last, reps, lapses,
     recalled, retired) = row
    card = Card(card_id=cid, state=State(state), step=step, stability=stability,
                difficulty=difficulty, due=_dt(due), last_review=_dt(last))
    return CardRow(cid, bank, question, kind, card, reps, lapses, bool(recalled),
                   retired is not None)


def _row_id(cursor: sqlite3.Cursor) -> int:
    """The id an INSERT just made (always set after one)."""
    assert cursor.lastrowid is not None
    return cursor.lastrowid
