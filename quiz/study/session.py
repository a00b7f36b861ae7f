"""A study session without any UI: which question next, and what an answer does.

It joins the bank, the store, the FSRS planner, the queue and the grader. The clock is
injected. Every answer is committed to the store before `answer` returns, so a UI shows
feedback only for reviews that are already safe on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Rating

from quiz.models import Bank, Mode, Question
from quiz.study.grading import Outcome, Verdict, grade
from quiz.study.scheduler import (
    DEFAULT_NEW_PER_DAY,
    DEFAULT_RETENTION,
    Planner,
    Queue,
    flashcard_rating,
    mode_for,
    new_card,
    rating_for,
)
from quiz.study.store import CardRow, Store

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Asked:
    card: CardRow
    question: Question
    mode: Mode


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    rating: int
    due: datetime
    review_id: int


class Study:
    def __init__(self, store: Store, bank: Bank, bank_name: str, *, clock: Clock,
                 mode: Mode | None = None, new_per_day: int = DEFAULT_NEW_PER_DAY,
                 retention: float = DEFAULT_RETENTION) -> None:
        self.store, self.bank, self.name, self.clock = store, bank, bank_name, clock
        self.mode = mode
        self.planner = Planner(retention)
        self.questions = {q.id: q for q in bank.questions}
        now = clock()
        store.sync_bank(bank_name, [(q.id, q.kind) for q in bank.questions], now)
        day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        allowance = max(0, new_per_day - store.introduced_since(bank_name, day_start))
        due = store.due_cards(bank_name, now)
        retrievability = {c.id: self.planner.retrievability(c.card, now) for c in due}
        sentence = {q.id: frozenset((e.doc, e.start) for e in q.evidence)
                    for q in bank.questions}
        cards = [*due, *store.new_cards(bank_name, allowance)]
        siblings = {c.id: sentence[c.question] for c in cards if c.question in sentence}
        self.queue = Queue(due, cards[len(due):], retrievability, siblings)
        self.session = store.start_session(bank_name, mode or "learn", now)
        self.asked_at: datetime | None = None

    def next(self) -> Asked | None:
        now = self.clock()
        row = self.queue.next(now)
        if row is None:
            return None
        self.asked_at = now
        question = self.questions[row.question]
        return Asked(row, question, mode_for(row.recalled, self.mode,
                                             has_choices=bool(question.choices)))

    def answer(self, asked: Asked, response: str, *, hint: bool = False,
               seconds: float | None = None) -> Result:
        """Grade a typed or chosen answer, schedule the card, and commit the review."""
        q = asked.question
        accepted = [*q.accepted, *self.store.alternatives(self.name, q.id)]
        if asked.mode == "choice":
            verdict = grade(q.answer, response, kind="choice", accepted=accepted,
                            choices=q.choices)
        else:
            verdict = grade(q.answer, response, kind=q.kind, accepted=accepted)
        seconds = self._seconds(seconds)
        rating = rating_for(verdict.outcome, mode=asked.mode, seconds=seconds,
                            answer=q.answer, hint_used=hint)
        return self._record(asked, response, verdict, rating, seconds, hint)

    def rate(self, asked: Asked, key: int, *, seconds: float | None = None) -> Result:
        """A flashcard the learner rated 1–4."""
        rating = flashcard_rating(key)
        outcome: Outcome = "wrong" if key == 1 else "partial" if key == 2 else "correct"
        verdict = Verdict(outcome, f"Rated {rating.name}.")
        return self._record(asked, f"[rated {key}]", verdict, rating,
                            self._seconds(seconds), False)

    def more_new(self, count: int) -> int:
        """Go on past the day's limit: up to `count` more new cards. Returns how many."""
        waiting = {c.id for c in self.queue.new}
        extra = [c for c in self.store.new_cards(self.name, count + len(waiting))
                 if c.id not in waiting][:count]
        self.queue.new.extend(extra)
        return len(extra)

    def dont_know(self, asked: Asked) -> Result:
        """"I don't know": a miss, recorded as one, with the answer shown."""
        verdict = Verdict("wrong", f"The answer is {asked.question.answer}.")
        return self._record(asked, "[don't know]", verdict, Rating.Again, self._seconds(None),
                            False)

    def skip(self, asked: Asked) -> None:
        """Leave the question for later in this session; nothing is recorded."""
        now = self.clock()
        self.queue.answered(asked.card, now, now)

    def override(self, asked: Asked, response: str) -> None:
        """"I was right": the response is accepted for this question from now on."""
        self.store.add_alternative(self.name, asked.question.id, response, self.clock())

    def finish(self) -> None:
        self.store.end_session(self.session, self.clock())

    def _seconds(self, seconds: float | None) -> float:
        if seconds is not None:
            return seconds
        if self.asked_at is None:
            return 0.0
        return max(0.0, (self.clock() - self.asked_at).total_seconds())

    def _record(self, asked: Asked, response: str, verdict: Verdict, rating: Rating,
                seconds: float, hint: bool) -> Result:
        now = self.clock()
        card = asked.card.card if asked.card.reps else new_card(asked.card.id, now)
        prior = 0.0
        if asked.card.reps and card.last_review is not None:
            prior = (card.due - card.last_review).total_seconds() / 86400
        review = self.planner.review(card, rating, now)
        review_id = self.store.record_review(
            card_id=asked.card.id, session=self.session, now=now, mode=asked.mode,
            response=response, outcome=verdict.outcome, rating=rating, seconds=seconds,
            hint=hint, retrievability=review.retrievability, card=review.card,
            prior_interval=prior)
        updated = self.store.card(self.name, asked.question.id)
        assert updated is not None
        self.queue.answered(updated, review.card.due, now)
        return Result(verdict, rating, review.card.due, review_id)


def fixed_clock(start: datetime, step: timedelta = timedelta(seconds=0)) -> Clock:
    """A clock for tests and demos: `start`, then `step` later at every reading."""
    current = [start - step]

    def read() -> datetime:
        current[0] += step
        return current[0]

    return read
