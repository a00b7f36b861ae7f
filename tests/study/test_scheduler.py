"""Ratings from answers, and FSRS intervals, with the time given, never read from a clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating, State

from quiz.study.scheduler import (
    Planner,
    Queue,
    describe_interval,
    flashcard_rating,
    mode_for,
    new_card,
    rating_for,
)

T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("outcome, mode, seconds, hint, expected", [
    ("wrong", "quiz", 2, False, Rating.Again),
    ("wrong", "choice", 2, False, Rating.Again),
    ("partial", "quiz", 2, False, Rating.Hard),
    ("correct", "quiz", 2, True, Rating.Hard),
    ("correct", "quiz", 30, False, Rating.Good),
    ("correct", "quiz", 3, False, Rating.Easy),
    ("correct", "choice", 1, False, Rating.Good),  # recognition is never Easy
    ("correct", "choice", 1, True, Rating.Hard),
])
def test_rating_follows_the_answer(outcome, mode, seconds, hint, expected):
    assert rating_for(outcome, mode=mode, seconds=seconds, answer="Iraq",
                      hint_used=hint) == expected


def test_easy_time_grows_with_the_answer():
    """A right typed answer is Easy within 5 s for "Iraq" and 8.3 s for "30 September 2019"
    (the module's documented figures): a long answer is given the time it takes to type."""
    def rating(answer, seconds):
        return rating_for("correct", mode="quiz", seconds=seconds, answer=answer)

    assert (rating("Iraq", 5), rating("Iraq", 6)) == (Rating.Easy, Rating.Good)
    long = "30 September 2019"
    assert (rating(long, 8), rating(long, 9)) == (Rating.Easy, Rating.Good)


def test_flashcard_ratings_are_the_learners():
    assert [flashcard_rating(k) for k in (1, 2, 3, 4)] == [
        Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]
    with pytest.raises(ValueError):
        flashcard_rating(5)


def graduated(planner):
    """A card answered Good at each due time until its interval is counted in days."""
    card = new_card(1, T0)
    while card.state != State.Review or card.due - (card.last_review or T0) < timedelta(days=7):
        card = planner.review(card, Rating.Good, card.due).card
    return card


def test_preview_shows_what_each_rating_would_do_and_changes_nothing():
    """The flashcard buttons show planner.preview: each must be the interval that rating
    really gives, and looking must not review the card."""
    planner = Planner()
    for card in (new_card(1, T0), graduated(planner)):
        now = card.due + timedelta(hours=5)
        before = card.to_dict()
        preview = planner.preview(card, now)
        assert card.to_dict() == before
        assert list(preview) == [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]
        for rating, interval in preview.items():
            assert interval == planner.review(card, rating, now).card.due - now


def test_a_missed_review_comes_back_in_the_session_and_a_pass_does_not():
    """The planner's step after a miss is short enough for the queue to ask the card again
    in the same session; a pass schedules it for another day."""
    planner = Planner()
    card = graduated(planner)
    now = card.due
    others = [C(i, kind) for i, kind in enumerate(["actor", "outcome", "date", "actor"], 2)]
    for rating, times in ((Rating.Again, 2), (Rating.Good, 1)):
        queue = Queue([C(1, "date")], list(others), {})
        asked, t = [], now
        while (row := queue.next(t)) is not None:
            asked.append(row.id)
            first = row.id == 1 and asked.count(1) == 1  # then right, for another day
            due = planner.review(card, rating, t).card.due if first else t + timedelta(days=3)
            queue.answered(row, due, t)
            t += timedelta(minutes=3)
        assert asked.count(1) == times, (rating, asked)


def test_retrievability_before_a_review_is_recorded():
    planner = Planner()
    first = planner.review(new_card(1, T0), Rating.Good, T0)
    assert first.retrievability == 0.0
    later = planner.review(first.card, Rating.Good, T0 + timedelta(days=30))
    assert 0.0 < later.retrievability < 0.9


def test_desired_retention_is_a_setting():
    strict, loose = Planner(0.95), Planner(0.8)
    card = new_card(1, T0)
    for _ in range(3):
        card = strict.review(card, Rating.Good, card.due).card
    assert strict.preview(card, card.due)[Rating.Good] < loose.preview(card, card.due)[
        Rating.Good]
    with pytest.raises(ValueError):
        Planner(1.5)


def test_intervals_read_as_people_say_them():
    assert describe_interval(timedelta(minutes=10)) == "in 10 minutes"
    assert describe_interval(timedelta(days=3, hours=2)) == "in 3 days"
    assert describe_interval(timedelta(days=1)) == "in 1 day"
    assert describe_interval(timedelta(seconds=20)) == "in under a minute"


# -- session planning ---------------------------------------------------------------------------

@dataclass(frozen=True)
class C:
    id: int
    kind: str


def drain(queue, now=T0, miss=()):
    """Ask until empty; cards in `miss` are missed once (back after a 1-minute step)."""
    asked, missed = [], set()
    while (card := queue.next(now)) is not None:
        asked.append(card.id)
        if card.id in miss and card.id not in missed:
            missed.add(card.id)
            queue.answered(card, now + timedelta(minutes=1), now)
        else:
            queue.answered(card, now + timedelta(days=3), now)
        now += timedelta(seconds=20)
    return asked


def test_due_cards_come_first_least_retrievable_first():
    due = [C(1, "date"), C(2, "date"), C(3, "date")]
    queue = Queue(due, [C(9, "date")], {1: 0.8, 2: 0.3, 3: 0.6})
    assert drain(queue) == [2, 3, 1, 9]


def test_kinds_are_interleaved():
    new = [C(1, "date"), C(2, "date"), C(3, "actor"), C(4, "actor"), C(5, "outcome")]
    order = drain(Queue([], new, {}))
    kinds = [next(c.kind for c in new if c.id == i) for i in order]
    assert all(a != b for a, b in zip(kinds, kinds[1:], strict=False)), kinds
    assert sorted(order) == [1, 2, 3, 4, 5]


def test_a_missed_card_returns_after_others_and_never_twice_in_a_row():
    new = [C(i, "date") for i in range(1, 7)]
    order = drain(Queue([], new, {}), miss={1})
    assert order.count(1) == 2
    first, again = order.index(1), len(order) - 1 - order[::-1].index(1)
    assert again - first > 3
    assert all(a != b for a, b in zip(order, order[1:], strict=False))


def test_a_single_missed_card_is_asked_again_rather_than_lost():
    order = drain(Queue([], [C(1, "date")], {}), miss={1})
    assert order == [1, 1]


def test_modes_progress_from_choice_to_recall():
    assert mode_for(False, None) == "choice"
    assert mode_for(True, None) == "quiz"
    assert mode_for(False, "quiz") == "quiz"
    assert mode_for(True, "flashcards") == "flashcards"


def test_a_question_without_fair_options_is_always_typed():
    assert mode_for(False, None, has_choices=False) == "quiz"
    assert mode_for(False, "choice", has_choices=False) == "quiz"
    assert mode_for(False, "flashcards", has_choices=False) == "flashcards"


def test_siblings_wait_for_another_day():
    """Two questions on one sentence: the second is not asked in the same session."""
    new = [C(1, "actor"), C(2, "date"), C(3, "date")]
    siblings = {1: frozenset({"s"}), 2: frozenset({"s", "u"}), 3: frozenset({"t"})}
    order = drain(Queue([], new, {}, siblings=siblings))
    assert order == [1, 3]
