"""Scheduling with FSRS-6 (py-fsrs): ratings from how the learner answered (pure, no I/O).

The learner never rates a typed or multiple-choice answer; the rating follows from it:

- wrong → Again;
- partial, or right after a hint → Hard;
- right → Good;
- right, quickly and without help → Easy, when typed (recall). "Quickly" means within
  `EASY_BASE_SECONDS` plus `EASY_SECONDS_PER_CHAR` for each character of the answer, so a
  long answer is given the time it takes to type: "Iraq" 5.0 s, "30 September 2019" 8.3 s.
- a right multiple-choice answer is recognition, weaker evidence than recall: never Easy.

Flashcards are rated by the learner (1–4). Time comes in as an argument, never from a clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, Protocol, TypeVar

from fsrs import Card, Rating, Scheduler, State

from quiz.models import Mode
from quiz.study.grading import Outcome

EASY_BASE_SECONDS = 4.0
EASY_SECONDS_PER_CHAR = 0.25
DEFAULT_RETENTION = 0.9


def easy_within(answer: str) -> float:
    """Seconds within which a right typed answer counts as easy."""
    return EASY_BASE_SECONDS + EASY_SECONDS_PER_CHAR * len(answer)


def rating_for(outcome: Outcome, *, mode: Mode, seconds: float, answer: str,
               hint_used: bool = False) -> Rating:
    """The FSRS rating an answer earns (quiz and choice modes)."""
    if outcome == "wrong":
        return Rating.Again
    if outcome == "partial" or hint_used:
        return Rating.Hard
    if mode == "quiz" and seconds <= easy_within(answer):
        return Rating.Easy
    return Rating.Good


def flashcard_rating(key: int) -> Rating:
    """The learner's own rating: 1 Again, 2 Hard, 3 Good, 4 Easy."""
    if key not in (1, 2, 3, 4):
        raise ValueError(f"a flashcard rating is 1 to 4, not {key}")
    return Rating(key)


@dataclass(frozen=True)
class Review:
    card: Card  # the card after the review
    rating: Rating
    retrievability: float  # how likely recall was just before the review (0 for a new card)


class Planner:
    """FSRS with the project's settings; every method takes the time it is asked at."""

    def __init__(self, desired_retention: float = DEFAULT_RETENTION, *,
                 fuzzing: bool = False) -> None:
        if not 0.7 <= desired_retention <= 0.99:
            raise ValueError(f"desired retention {desired_retention} is outside 0.70–0.99")
        self.fsrs = Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzzing)

    def review(self, card: Card, rating: Rating, now: datetime) -> Review:
        before = self.retrievability(card, now)
        after, _log = self.fsrs.review_card(card, rating, review_datetime=now)
        return Review(after, rating, before)

    def retrievability(self, card: Card, now: datetime) -> float:
        if card.last_review is None:
            return 0.0
        return self.fsrs.get_card_retrievability(card, current_datetime=now)

    def preview(self, card: Card, now: datetime) -> dict[Rating, timedelta]:
        """The interval each rating would give: what the flashcard buttons show."""
        return {r: self.fsrs.review_card(card, r, review_datetime=now)[0].due - now
                for r in (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)}


def new_card(card_id: int, now: datetime) -> Card:
    return Card(card_id=card_id, state=State.Learning, due=now)


def describe_interval(delta: timedelta) -> str:
    """"in 10 minutes", "in 3 days", "in 2 months": when a card comes back."""
    seconds = delta.total_seconds()
    for unit, size in (("year", 365 * 86400), ("month", 30 * 86400), ("day", 86400),
                       ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = round(seconds / size)
            return f"in {n} {unit}{'s' if n != 1 else ''}"
    return "in under a minute"


# ---------------------------------------------------------------------------------------------
# Session planning
# ---------------------------------------------------------------------------------------------

DEFAULT_NEW_PER_DAY = 20
STEP_GAP = 3  # a card missed in this session comes back after this many others, at least


def mode_for(recalled: bool, fixed: Mode | None, *, has_choices: bool = True) -> Mode:
    """New cards start as multiple choice and move to typed recall once answered right
    (Quizlet's Learn progression), unless the learner fixed a mode. A question with no fair
    options (the bank leaves its choices empty) is always typed."""
    if not has_choices and fixed in (None, "choice"):
        return "quiz"
    if fixed:
        return fixed
    return "quiz" if recalled else "choice"


class Queued(Protocol):
    """What the queue needs of a card: the store's CardRow has it."""

    @property
    def id(self) -> int: ...

    @property
    def kind(self) -> str: ...


Q = TypeVar("Q", bound=Queued)


class Queue(Generic[Q]):
    """The order of one session: due cards first (least likely recalled first), then new
    cards up to the day's limit; kinds interleaved; a card missed in the session comes back
    after a few others once its learning step is due; never the same card twice in a row.

    Items are any objects with `id` and `kind` (the store's CardRow); the queue itself
    holds no I/O and is told the time.
    """

    def __init__(self, due: list[Q], new: list[Q], retrievability: dict[int, float],
                 siblings: Mapping[int, frozenset[object]] | None = None) -> None:
        self.due = sorted(due, key=lambda c: (retrievability.get(c.id, 0.0), c.id))
        self.new = list(new)
        # Questions resting on a shared sentence give each other away: once one is asked,
        # the others wait for another day (Anki buries siblings the same way). A card's
        # key set holds the sentences its evidence quotes.
        self.siblings = siblings or {}
        self.asked_keys: set[object] = set()
        self.again: list[tuple[datetime, int, Q]] = []  # (step due, answers to wait, card)
        self.last_id: int | None = None
        self.last_kind: str | None = None

    def __len__(self) -> int:
        return len(self.due) + len(self.new) + len(self.again)

    @property
    def due_left(self) -> int:
        return len(self.due) + len(self.again)

    @property
    def new_left(self) -> int:
        return len(self.new)

    def next(self, now: datetime) -> Q | None:
        """The card to ask now, or None when the session has nothing left."""
        ready = [i for i, (when, wait, card) in enumerate(self.again)
                 if wait <= 0 and when <= now and card.id != self.last_id]
        if ready:
            _, _, card = self.again.pop(ready[0])
            return self._take(card)
        for pool in (self.due, self.new):
            pool[:] = [c for c in pool
                       if not self.siblings.get(c.id, frozenset()) & self.asked_keys]
            pick = self._interleaved(pool)
            if pick is not None:
                return self._take(pool.pop(pick))
        # Only missed cards remain: ask the soonest, even before its step is due.
        waiting = [i for i, (_, _, card) in enumerate(self.again) if card.id != self.last_id]
        if waiting:
            i = min(waiting, key=lambda i: self.again[i][0])
            _, _, card = self.again.pop(i)
            return self._take(card)
        if self.again:  # the one card left was just asked: ask it again after all
            return self._take(self.again.pop(0)[2])
        return None

    def answered(self, card: Q, step_due: datetime, now: datetime) -> None:
        """Tell the queue how the answer went: a step due within the hour (a miss, or a
        learning step) brings the card back in this session."""
        for i, (when, wait, other) in enumerate(self.again):
            self.again[i] = (when, wait - 1, other)
        if step_due - now <= timedelta(hours=1):
            self.again.append((step_due, STEP_GAP, card))

    def _interleaved(self, pool: list[Q]) -> int | None:
        """Index of the next card in `pool`, preferring another kind than the last one."""
        window = [i for i, c in enumerate(pool[:8]) if c.id != self.last_id]
        if not window:
            return None
        other = next((i for i in window if pool[i].kind != self.last_kind), None)
        return other if other is not None else window[0]

    def _take(self, card: Q) -> Q:
        self.last_id, self.last_kind = card.id, card.kind
        self.asked_keys |= self.siblings.get(card.id, frozenset())
        return card
