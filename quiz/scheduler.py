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

from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

EASY_BASE_SECONDS = 4.0
EASY_SECONDS_PER_CHAR = 0.25
DEFAULT_RETENTION = 0.9

MODES = ("quiz", "choice", "flashcards")


def easy_within(answer: str) -> float:
    """Seconds within which a right typed answer counts as easy."""
    return EASY_BASE_SECONDS + EASY_SECONDS_PER_CHAR * len(answer)


def rating_for(outcome: str, *, mode: str, seconds: float, answer: str,
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
