"""Hints that help without giving the answer away (pure)."""

from __future__ import annotations

from quiz.dates import ordinal, parse_date
from quiz.models import Mode, Question


def hint(question: Question, mode: Mode, removed: set[str]) -> tuple[str, str | None]:
    """A hint for the question, and for multiple choice the option it removes (or None).

    `removed` holds options earlier hints took away; each hint removes one more wrong one,
    always leaving two options.
    """
    if mode == "choice":
        left = [c for c in question.choices if c != question.answer and c not in removed]
        if len(left) > 1:
            gone = sorted(left)[0]
            return f"Not “{gone}”.", gone
        return "Two options are left; one of them is right.", None
    answer = question.answer
    if question.kind == "date":
        date = parse_date(answer)
        if date is not None and date.year is not None:
            if date.year < 1000 or date.precision.value in ("century", "decade"):
                return f"It was in the {ordinal((date.year - 1) // 100 + 1)} century.", None
            return f"It was in the {date.year // 10 * 10}s.", None
        if date is not None and date.month is not None:
            return "The month starts with “" + answer.split()[-1][0] + "”.", None
    words = answer.split()
    first = next((w for w in words if w[:1].isalnum()), answer)
    shape = f"{len(words)} words" if len(words) > 1 else f"{len(first)} letters"
    return f"It starts with “{first[0]}” ({shape}).", None
