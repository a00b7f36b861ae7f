"""Hints: a first letter, the decade or century, or one wrong option removed."""

from __future__ import annotations

import pytest

from quiz.bank import load_bank
from quiz.study.hints import hint
from tests.conftest import BANK


@pytest.fixture(scope="module")
def questions():
    return {q.answer: q for q in load_bank(BANK).questions}


def test_date_hint_is_the_decade(questions):
    text, _ = hint(questions["30 September 2019"], "quiz", set())
    assert text == "It was in the 2010s."
    assert "2019" not in text


def test_old_dates_get_the_century(questions):
    assert hint(questions["942"], "quiz", set())[0] == "It was in the 10th century."


def test_name_hint_is_the_first_letter(questions):
    text, _ = hint(questions["Hamid Al-Shatri"], "quiz", set())
    assert text == "It starts with “H” (2 words)."


def test_choice_hints_remove_wrong_options_and_leave_two(questions):
    q = questions["Hamid Al-Shatri"]
    removed: set[str] = set()
    for _ in range(3):
        _, gone = hint(q, "choice", removed)
        if gone:
            assert gone != q.answer
            removed.add(gone)
    assert len(removed) == 2
    assert q.answer not in removed
