"""The grader, table-driven: what a fair teacher accepts, and never a wrong answer."""

from __future__ import annotations

import random
import string
from datetime import UTC, datetime, timedelta

import pytest

from quiz.study.grading import grade
from tests.conftest import BANK, DATA

CASES = DATA / "grading_cases.tsv"


def load_cases() -> list[tuple[str, str, str, str, list[str], list[str]]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, answer, response, expected, *extra = line.split("\t")
        accepted, choices = [], []
        for field in extra:
            if field.startswith("choices:"):
                choices = field.removeprefix("choices:").split("|")
            elif field:
                accepted = field.split("|")
        rows.append((kind, answer, response, expected, accepted, choices))
    return rows


ROWS = load_cases()


def test_the_table_is_big_and_covers_every_kind():
    assert len(ROWS) >= 150
    assert {r[0] for r in ROWS} == {"date", "actor", "outcome", "number", "text", "choice"}
    assert {r[3] for r in ROWS} == {"correct", "partial", "wrong"}


@pytest.mark.parametrize("kind, answer, response, expected, accepted, choices", ROWS,
                         ids=[f"{r[0]}:{r[1][:20]}<-{r[2][:20]}" for r in ROWS])
def test_grade(kind, answer, response, expected, accepted, choices):
    verdict = grade(answer, response, kind=kind, accepted=accepted, choices=choices)
    assert verdict.outcome == expected, verdict.feedback
    assert verdict.feedback and "\n" not in verdict.feedback


def test_i_was_right_teaches_the_grader_that_question_for_good(tmp_path):
    """"I was right" (Study.override): the learner's wording is stored and graded right
    from then on, for that question only, and in later sessions too. Without the override
    the same wording is wrong."""
    from quiz.bank import load_bank
    from quiz.study.session import Study, fixed_clock
    from quiz.study.store import Store

    bank = load_bank(BANK)
    template = next(q for q in bank.questions if q.kind == "actor")
    hts = [template.model_copy(update={
        "id": f"hts-{n}", "prompt": f"Which group took Damascus ({n})?",
        "answer": "Hay'at Tahrir al-Sham", "accepted": [], "evidence": []}) for n in (1, 2)]
    two = bank.model_copy(update={"questions": hts})
    db = tmp_path / "h.sqlite3"
    t0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)

    def session(day: int) -> Study:
        return Study(Store(db), two, "hts", clock=fixed_clock(t0 + timedelta(days=day),
                     timedelta(minutes=1)), mode="quiz", new_per_day=2)

    s = session(0)
    first, second = s.next(), s.next()
    assert s.answer(first, "Tahrir al-Sham").verdict.outcome == "wrong"
    s.override(first, "Tahrir al-Sham")
    assert s.answer(first, "tahrir al sham").verdict.correct  # forgiven like any answer
    assert s.answer(second, "Tahrir al-Sham").verdict.outcome == "wrong"  # not overridden
    s.finish()
    s.store.close()

    later = session(30)
    asked = {a.question.id: a for a in iter(later.next, None)}
    assert later.answer(asked[first.question.id], "Tahrir al-Sham").verdict.correct
    assert later.answer(asked[second.question.id], "Tahrir al-Sham").verdict.outcome == "wrong"


def test_feedback_says_what_was_missing():
    assert "year is missing" in grade("30 September 2019", "30 September", kind="date").feedback
    assert "missing Iraq" in grade("Russia, Iran and Iraq", "Russia, Iran", kind="text").feedback


@pytest.mark.parametrize("kind", ["date", "actor", "outcome", "number", "text", "choice"])
def test_never_an_exception(kind):
    rng = random.Random(kind)
    alphabet = string.printable + "\x00\x07\x1b\u200b\u202eéß中文ـ–—’[]/\\{}"
    odd = ["", " ", "\x00", "[bold]", "[link=http://x]y[/link]", "'; DROP TABLE cards;--",
           "9" * 400, "a" * 10_000, "31/02/2019", "0000-00-00", "99999999999999999999",
           "-1", "1e999", "nan", "two thousand and five hundred billion", "Feb 30", "\n\n"]
    responses = odd + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
                       for _ in range(300)]
    for response in responses:
        for answer in ("30 September 2019", "Saddam Hussein", "suspended indefinitely",
                       "at least 85", "Russia, Iran, Iraq and Syria", "2 February"):
            verdict = grade(answer, response, kind=kind, accepted=["x"],
                            choices=["a", "b", "c", answer])
            assert verdict.outcome in ("correct", "partial", "wrong")


def test_every_bank_question_grades_its_answer_right_and_its_distractors_wrong():
    """The grader and the generator agree: an option offered as wrong is never accepted."""
    from quiz.bank import load_bank
    from tests.conftest import BANK

    for q in load_bank(BANK).questions:
        assert grade(q.answer, q.answer, kind=q.kind, accepted=q.accepted).correct
        for alternative in q.accepted:
            assert grade(q.answer, alternative, kind=q.kind, accepted=q.accepted).correct
        for option in q.choices:
            if option != q.answer:
                verdict = grade(q.answer, option, kind=q.kind, accepted=q.accepted)
                assert verdict.outcome == "wrong", (q.prompt, option)
        if q.choices:  # a typed-only question has none
            assert grade(q.answer, "2", kind="choice", choices=q.choices).correct == (
                q.choices[1] == q.answer)
