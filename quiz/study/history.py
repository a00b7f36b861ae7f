"""Score history: the figures learners read, computed from the store (pure; no SQL here).

Retention is Anki's "true retention": each card's first review of a day, counting only cards
already scheduled (not new ones), with Again as a fail; young cards had an interval under
21 days before the review, mature ones 21 days or more. Which review was a card's first of
the day is settled when it is recorded, in the store's local day. Weeks, streaks and the
forecast are local to the UTC offset the caller passes (in seconds); weeks start on Monday.
The store keeps running totals per hour, so `--since` has hour precision.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta

from fsrs import State

from quiz.study.scheduler import Planner
from quiz.study.store import Store

FORECAST_DAYS = 14
WEAKEST = 10
_EPOCH = date(1970, 1, 1)


@dataclass(frozen=True)
class SessionFigure:
    started: str  # local date and time, "2026-11-21 09:00"
    bank: str
    mode: str  # a SessionMode as the store holds it
    answered: int
    right: int
    minutes: float


@dataclass(frozen=True)
class Weak:
    question: str
    prompt: str
    lapses: int
    retrievability: float


@dataclass
class History:
    sessions: list[SessionFigure] = field(default_factory=list)
    answered: int = 0
    right: int = 0
    minutes: float = 0.0
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (right, all)
    by_week: list[tuple[str, int, int]] = field(default_factory=list)  # (Monday, right, all)
    retention: dict[str, tuple[int, int]] = field(default_factory=dict)  # young/mature
    states: dict[str, int] = field(default_factory=dict)
    forecast: list[tuple[str, int]] = field(default_factory=list)  # (day, cards due)
    weakest: list[Weak] = field(default_factory=list)
    streak: int = 0

    @property
    def empty(self) -> bool:
        return self.answered == 0

    def to_json(self) -> dict:
        data = asdict(self)
        data["by_kind"] = {k: {"right": r, "answered": n} for k, (r, n) in self.by_kind.items()}
        data["by_week"] = [{"week": w, "right": r, "answered": n} for w, r, n in self.by_week]
        data["retention"] = {k: {"passed": p, "reviews": n, "rate": p / n if n else None}
                             for k, (p, n) in self.retention.items()}
        data["forecast"] = [{"day": d, "due": n} for d, n in self.forecast]
        return data


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def summarise(store: Store, *, now: datetime, bank: str | None = None,
              since: datetime | None = None, utc_offset: float | None = None,
              prompts: dict[str, str] | None = None, retention: float = 0.9) -> History:
    """`utc_offset` (seconds) defaults to the store's: the day its reviews were counted in."""
    prompts = prompts or {}
    if utc_offset is None:
        utc_offset = store.utc_offset
    h = History()
    local = timedelta(seconds=utc_offset)
    for (_id, bank_name, mode, started, _ended, answered, right, seconds) in (
        store.session_summaries(bank, since)
    ):
        when = datetime.fromtimestamp(started, UTC) + local
        h.sessions.append(SessionFigure(when.strftime("%Y-%m-%d %H:%M"), bank_name, mode,
                                        answered, right, round(seconds / 60, 1)))
        h.answered += answered
        h.right += right
        h.minutes += seconds / 60
    h.minutes = round(h.minutes, 1)
    h.by_kind = {kind: (right, n) for kind, right, n in store.accuracy_by_kind(bank, since)}
    h.by_week = [((_EPOCH + timedelta(days=week * 7 - 3)).isoformat(), right, n)
                 for week, right, n in store.accuracy_by_week(bank, since, utc_offset)]
    young_passed, young, mature_passed, mature = store.retention_counts(bank, since)
    h.retention = {"young": (young_passed, young), "mature": (mature_passed, mature)}
    h.states = _states(store.card_states(bank))
    h.forecast = _forecast(store.due_by_day(bank, now, FORECAST_DAYS, utc_offset), now, local)
    h.weakest = _weakest(store, bank, now, prompts, retention)
    h.streak = _streak(store.study_days(bank, utc_offset), now, local)
    return h


def _states(rows: list[tuple]) -> dict[str, int]:
    states = {"new": 0, "learning": 0, "review": 0, "relearning": 0}
    for state, never, n in rows:
        key = "new" if never else State(state).name.lower()
        states[key] += n
    return states


def _forecast(rows: list[tuple], now: datetime, local: timedelta) -> list[tuple[str, int]]:
    counts = dict(rows)
    today = (now + local).date()
    first = (today - _EPOCH).days
    return [((today + timedelta(days=k)).isoformat(), counts.get(first + k, 0))
            for k in range(FORECAST_DAYS)]


def _weakest(store: Store, bank: str | None, now: datetime, prompts: dict[str, str],
             retention: float) -> list[Weak]:
    planner = Planner(retention)
    candidates = store.most_lapsed(bank, WEAKEST * 5)
    weak = [Weak(c.question, prompts.get(c.question, c.question), c.lapses,
                 round(planner.retrievability(c.card, now), 3)) for c in candidates]
    weak.sort(key=lambda w: (-w.lapses, w.retrievability, w.question))
    return weak[:WEAKEST]


def _streak(days: list[int], now: datetime, local: timedelta) -> int:
    """Consecutive study days up to today (or up to yesterday, if today is not done yet)."""
    today = ((now + local).date() - _EPOCH).days
    studied = set(days)
    day = today if today in studied else today - 1
    streak = 0
    while day in studied:
        streak += 1
        day -= 1
    return streak
