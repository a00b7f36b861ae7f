"""Answer grading: what a fair teacher accepts, and never a wrong answer (pure, no I/O).

`grade(answer, response, kind=..., accepted=...)` returns a Verdict: "correct", "partial"
or "wrong", with one short sentence for the learner. Dates are compared by meaning at the
reference's precision (the generator's partial-date logic, without spaCy); names by their
letters, forgiving case, accents, articles, hyphens, transliteration and small typos but
never a different word; outcomes by their key content; lists member by member.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from quiz.dates import PartialDate, Precision, parse_date
from quiz.textnorm import (
    COUNTRY_KEYS,
    STOP_WORDS,
    clean_input,
    fold,
    name_key,
    opposed,
    same_word,
    stem,
    tokens,
)

Outcome = Literal["correct", "partial", "wrong"]
# How to judge: a question kind, or "number", "text", "choice" (options answerable by number).
Judging = Literal["date", "actor", "outcome", "number", "text", "choice"]
MAX_RESPONSE = 300  # characters read; a longer reply is an essay, not an answer

_NEGATIONS = {"not", "no", "never", "neither", "nor", "without", "failed", "refused"}
# Words in organisations' and states' names: such answers have no "surname".
_NOT_PERSONAL = {"force", "forces", "army", "party", "state", "states", "council", "front",
                 "movement", "government", "union", "republic", "kingdom", "league", "center",
                 "centre", "resistance", "committee", "brigade", "brigades", "of", "militia",
                 "militias", "organization", "organisation", "caliphate", "empire", "emirate"}
_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    feedback: str

    @property
    def correct(self) -> bool:
        return self.outcome == "correct"


def grade(answer: str, response: str, *, kind: Judging = "text", accepted: Sequence[str] = (),
          choices: Sequence[str] = ()) -> Verdict:
    """Judge `response` against `answer` (and the other `accepted` forms).

    `kind`: "date", "actor", "outcome", "number", "text" or "choice" (then `choices` are the
    options in display order, answerable by number, letter or text).
    """
    response = clean_input(response)
    if not response:
        return Verdict("wrong", f"No answer given. The answer is {answer}.")
    if len(response) > MAX_RESPONSE:
        return Verdict("wrong", f"One answer, please. The answer is {answer}.")
    references = [answer, *(a for a in accepted if a and a != answer)]
    if kind == "choice":
        return _grade_choice(answer, response, choices, references)
    if kind == "date":
        return _grade_date(answer, response, references)
    if kind == "number":
        return _grade_number(answer, response)
    if kind == "outcome":
        return _grade_outcome(answer, response, references)
    return _grade_names(answer, response, references, people=kind == "actor")


# -- choices ------------------------------------------------------------------------------------


def _grade_choice(answer: str, response: str, choices: Sequence[str],
                  references: list[str]) -> Verdict:
    picked = _picked_choice(response, choices)
    if picked is None:
        # Typed out instead of picked: judge it as text against the options.
        verdict = _grade_names(answer, response, references, people=False)
        if verdict.outcome == "correct":
            return verdict
        return Verdict("wrong", f"Not one of the options, or not the right one. "
                                f"The answer is {answer}.")
    if picked == answer:
        return Verdict("correct", f"Right: {answer}.")
    return Verdict("wrong", f"Not {picked}. The answer is {answer}.")


def _picked_choice(response: str, choices: Sequence[str]) -> str | None:
    m = re.fullmatch(r"\(?([1-9]|[a-iA-I])[).:]?", response.strip())
    if m and choices:
        key = m.group(1)
        index = int(key) - 1 if key.isdigit() else ord(key.lower()) - ord("a")
        return choices[index] if 0 <= index < len(choices) else None
    for option in choices:
        if _norm(option) == _norm(response):
            return option
    return None


# -- dates -------------------------------------------------------------------------------------


def _grade_date(answer: str, response: str, references: list[str]) -> Verdict:
    reference = next((d for d in map(parse_date, references) if d is not None), None)
    if reference is None:  # a reference the date reader cannot read: compare as text
        return _grade_names(answer, response, references, people=False)
    if _several(response):
        return Verdict("wrong", f"One date, please. The answer is {answer}.")
    given = parse_date(response)
    if given is None:
        return Verdict("wrong", f"That is not a date I can read. The answer is {answer}.")
    if reference.year is None:
        given = _without_year(given)
    elif given.year is None:
        # "30 September" for 30 September 2019: the day is right, the year is missing.
        if _same_day(given, reference):
            return Verdict("partial", f"Right day; the year is missing: {answer}.")
        return Verdict("wrong", f"The answer is {answer}.")
    return _compare_dates(answer, reference, given)


def _compare_dates(answer: str, reference: PartialDate, given: PartialDate) -> Verdict:
    if reference.year is None:
        if (given.month, given.day) == (reference.month, reference.day) or (
            reference.day is None and given.month == reference.month
        ):
            return Verdict("correct", f"Right: {answer}.")
        if given.month == reference.month and given.day is None:
            return Verdict("partial", f"Right month; the day is missing: {answer}.")
        return Verdict("wrong", f"The answer is {answer}.")
    if reference.end is not None:  # a range: both ends, or a part inside it
        if given.end is not None and reference.compatible(given) and _rank(given) <= _rank(
            reference) + 1 and given.contains(reference) == reference.contains(given):
            return Verdict("correct", f"Right: {answer}.")
        if reference.contains(given):
            return Verdict("partial", f"Inside the span, but it runs {answer}.")
        return Verdict("wrong", f"The answer is {answer}.")
    if reference.contains(given) and _rank(given) <= _rank(reference):
        return Verdict("correct", f"Right: {answer}.")
    if given.contains(reference):
        return Verdict("partial", f"Right, but less precise than {answer}.")
    return Verdict("wrong", f"The answer is {answer}.")


def _rank(d: PartialDate) -> int:
    order = [Precision.DAY, Precision.MONTH, Precision.YEAR, Precision.DECADE, Precision.CENTURY]
    return order.index(d.precision) - (1 if d.qualifier and d.precision == Precision.YEAR else 0)


def _same_day(a: PartialDate, b: PartialDate) -> bool:
    return a.month == b.month and a.day == b.day and a.month is not None


def _without_year(d: PartialDate) -> PartialDate:
    return replace(d, year=None, end=None) if d.precision in (Precision.DAY, Precision.MONTH) \
        else d


def _several(response: str) -> bool:
    """"1978 or 1979", "1978, 1979, 1980": a list of guesses."""
    years = re.findall(r"\b\d{3,4}\b", response)
    return len(set(years)) > 1 and bool(re.search(r"\bor\b|,|/|;|\band\b", response)) and not (
        re.search(r"\d\s*(?:–|-|to|until)\s*\d", response))


# -- numbers -------------------------------------------------------------------------------------


def _grade_number(answer: str, response: str) -> Verdict:
    want, got = _numbers(answer), _numbers(response)
    if not want:
        return _grade_names(answer, response, [answer], people=False)
    if len(set(got)) > 1:
        return Verdict("wrong", f"One number, please. The answer is {answer}.")
    if got and got[0] == want[0]:
        return Verdict("correct", f"Right: {answer}.")
    return Verdict("wrong", f"The answer is {answer}.")


def _numbers(text: str) -> list[float]:
    text = fold(text).replace("-", " ")
    found: list[float] = []
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", text):
        raw = m.group(0).rstrip(",")
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", raw):
            found.append(float(raw.replace(",", "")))
    words = re.findall(r"[a-z]+", text)
    value, current, seen = 0, 0, False
    for w in words + ["."]:
        if w in _NUMBER_WORDS:
            current += _NUMBER_WORDS[w]
            seen = True
        elif w in _SCALES and seen:
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                value, current = value + current, 0
        elif w == "and" and seen:
            continue
        elif seen:
            found.append(float(value + current))
            value, current, seen = 0, 0, False
    return found


# -- names and text ------------------------------------------------------------------------------


def _grade_names(answer: str, response: str, references: list[str], *, people: bool) -> Verdict:
    if _is_list(answer):
        return _grade_list(answer, response)
    if _several_names(response):
        return Verdict("wrong", f"One answer, please. The answer is {answer}.")
    said = tokens(response)
    best: Outcome = "wrong"
    feedback = f"The answer is {answer}."
    for ref in references:
        words = tokens(ref)
        if not words:
            continue
        if _same_words(said, words):
            return Verdict("correct", f"Right: {answer}.")
        if people and _personal(ref):
            verdict = _grade_person(answer, said, words)
            if verdict.outcome == "correct":
                return verdict
            if verdict.outcome == "partial":
                best, feedback = "partial", verdict.feedback
            elif verdict.feedback != f"The answer is {answer}.":
                return verdict  # a different person with the same surname
    return Verdict(best, feedback)


def _grade_person(answer: str, said: list[str], words: list[str]) -> Verdict:
    surname, given = words[-1], words[:-1]
    if len(said) == 1 and same_word(said[0], surname):
        return Verdict("correct", f"Right: {answer}.")
    if len(said) >= 2 and same_word(said[-1], surname) and not any(
        same_word(s, g) for s in said[:-1] for g in given
    ):
        return Verdict("wrong", f"Same family name, different person: the answer is "
                                    f"{answer}.")
    if len(said) == 1 and given and same_word(said[0], given[0]):
        return Verdict("partial", f"Right person; give the family name too: {answer}.")
    return Verdict("wrong", f"The answer is {answer}.")


def _personal(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 5 and name_key(name) not in COUNTRY_KEYS and not (
        {w.lower() for w in words} & _NOT_PERSONAL) and all(
        w[:1].isupper() or w.lower().startswith(("al-", "el-", "bin", "ibn", "abu"))
        for w in words)


def _is_list(answer: str) -> bool:
    return bool(re.search(r",|\band\b", answer)) and len(_members(answer)) >= 2 and all(
        _personal(m) or name_key(m) in COUNTRY_KEYS or len(m.split()) <= 3
        for m in _members(answer))


def _members(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|/|&|\band\b|\bplus\b)\s*", text)
    return [p for p in (x.strip() for x in parts) if tokens(p)]


def _grade_list(answer: str, response: str) -> Verdict:
    wanted = _members(answer)
    given = _members(response)
    found = set()
    for g in given:
        match = next((i for i, w in enumerate(wanted) if i not in found and _same_words(
            tokens(g), tokens(w))), None)
        if match is None:
            return Verdict("wrong", f"{g} is not one of them. The answer is {answer}.")
        found.add(match)
    if len(found) == len(wanted):
        return Verdict("correct", f"Right: {answer}.")
    missing = [w for i, w in enumerate(wanted) if i not in found]
    return Verdict("partial", f"Right so far; missing {', '.join(missing)}.")


def _several_names(response: str) -> bool:
    """"Iraq or Iran", "Iraq/Iran/Syria": hedged guesses."""
    return bool(re.search(r"\bor\b|/|\?.*\?", response)) or response.count(",") >= 2


# -- outcomes ----------------------------------------------------------------------------------


def _grade_outcome(answer: str, response: str, references: list[str]) -> Verdict:
    said = [stem(w) for w in tokens(response) if w not in STOP_WORDS]
    if not said:
        return Verdict("wrong", f"The answer is {answer}.")
    if len(said) > 3 * max(len(_key_words(answer)), 4):
        return Verdict("wrong", f"One answer, please. The answer is {answer}.")
    best = 0.0
    for ref in references:
        keys = _key_words(ref)
        if not keys:
            continue
        if _contradicts(said, keys):
            return Verdict("wrong", f"The opposite happened: {answer}.")
        hits = [any(same_word(s, k) for s in said) for k in keys]
        # The head of the outcome (its first content word) must be there for any credit.
        score = sum(hits) / len(keys) if hits[0] or sum(hits) / len(keys) >= 0.5 else 0.0
        best = max(best, score)
    if best >= 0.5:
        return Verdict("correct", f"Right: {answer}.")
    if best >= 0.25:
        return Verdict("partial", f"Partly: the full answer is {answer}.")
    return Verdict("wrong", f"The answer is {answer}.")


def _key_words(text: str) -> list[str]:
    """Content words; manner adverbs ("indefinitely") count only when nothing else is left."""
    words = [stem(w) for w in tokens(text) if w not in STOP_WORDS]
    content = [w for w in words if not w.endswith("ly")]
    return list(dict.fromkeys(content or words))


def _contradicts(said: list[str], keys: list[str]) -> bool:
    # "opened" for "closed" is wrong, not half right; so is "not suspended" for "suspended".
    if opposed(said, keys, same=same_word):
        return True
    return bool(set(said) & _NEGATIONS) != bool(set(keys) & _NEGATIONS)


# -- words -------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(tokens(text))


def _same_words(said: list[str], words: list[str]) -> bool:
    if len(said) == len(words) and all(same_word(a, b) for a, b in zip(said, words,
                                                                       strict=True)):
        return True
    # "Alsharaa" for "al Sharaa": the same letters, spaced differently
    return "".join(said) == "".join(words) or same_word("".join(said), "".join(words))
