"""Wrong options for multiple choice: same type and shape as the answer, never right.

Dates are shifted at the answer's own precision and kept only when they cannot mean any day
the answer means. Names come from the documents' own entities of the answer's type, minus
everyone the evidence sentence or the prompt names (a co-actor is not a wrong answer).
Outcomes come from the other outcomes of the bank. Choice is seeded by the question id, so
a bank is the same every time it is built.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import replace

from rapidfuzz import fuzz

from quiz.dates import PartialDate, Precision
from quiz.textnorm import COUNTRIES, COUNTRY_KEYS, STOP_WORDS, canonical_entity, name_key

WANTED = 3

# Outcomes a learner could fairly call the same thing: never offered against each other.
_SAME_OUTCOME = [
    {"suspended", "postponed", "frozen", "halted", "paused", "severed", "broke", "broken"},
    {"abandoned", "cancelled", "canceled", "dropped", "scrapped", "shelved", "ended"},
    {"closed", "sealed", "shut"},
    {"reopened", "resumed", "restored", "renewed", "reestablished"},
    {"rejected", "refused", "denied", "dismissed"},
    {"recognized", "recognised", "accepted", "approved", "endorsed"},
    {"overthrew", "overthrown", "toppled", "ousted", "defeated", "deposed"},
    {"signed", "ratified", "concluded"},
    {"withdrew", "withdrawn", "recalled", "pulled"},
]
# Outcome verbs that fill in when a bank has too few of its own.
_OUTCOME_VERBS = ("signed", "rejected", "abandoned", "postponed", "ratified", "expanded",
                  "renewed", "cancelled", "approved", "dissolved", "reopened", "closed")


def rng_for(key: str) -> random.Random:
    return random.Random(key)  # str seeds are hashed with SHA-512: stable across runs


# -- dates ------------------------------------------------------------------------------------


def date_options(answer: PartialDate, rng: random.Random, *,
                 latest: int | None = None) -> list[str]:
    """Dates near the answer, at its precision and in its shape, that it does not mean.

    None later than `latest` (the last year the documents know): a date after the record
    ends gives itself away.
    """
    families = [[c for c in f if latest is None or (c.end or c).year is None
                 or (c.end or c).year <= latest] for f in _date_families(answer)]
    families = [f for f in families if f]
    shown = answer.display()
    picked: list[str] = []
    seen = {shown}
    # One from each family first (a day, a month, a year off), then any.
    for family in families + [sum(families, [])]:
        rng.shuffle(family)
        for cand in family:
            text = cand.display()
            if text in seen or _overlaps(answer, cand):
                continue
            seen.add(text)
            picked.append(text)
            break
        if len(picked) == WANTED:
            break
    rest = [c for c in sum(families, []) if c.display() not in seen and not _overlaps(answer, c)]
    rng.shuffle(rest)
    for cand in rest:
        if len(picked) == WANTED:
            break
        if cand.display() not in seen:
            seen.add(cand.display())
            picked.append(cand.display())
    return picked


def _date_families(d: PartialDate) -> list[list[PartialDate]]:
    # A step that changes what is shown: a year, a decade or a century.
    step = {Precision.CENTURY: 100, Precision.DECADE: 10}.get(d.precision, 1)

    def years(*steps: int) -> list[PartialDate]:
        if d.year is None:
            return []
        out = []
        for k in steps:
            end = d.end
            if end is not None and end.year is not None:
                end = replace(end, year=end.year + k * step)
            out.append(replace(d, year=d.year + k * step, end=end))
        return out

    if d.end is not None:
        return [years(-4, -3, -2, 2, 3, 4)]
    if d.qualifier:
        others = [replace(d, qualifier=q) for q in ("early", "mid", "late") if q != d.qualifier]
        return [others, years(-2, -1, 1, 2)]
    if d.precision in (Precision.CENTURY, Precision.DECADE):
        return [years(-3, -2, -1, 1, 2)]
    if d.precision == Precision.YEAR:
        return [years(-6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6)]
    months = [replace(d, month=(d.month - 1 + k) % 12 + 1) for k in (-3, -2, -1, 1, 2, 3)
              if d.month]
    if d.precision == Precision.MONTH:
        return [months, years(-2, -1, 1, 2)]
    days = [replace(d, day=day) for day in range(1, 29) if d.day and abs(day - d.day) >= 2]
    return [days, [m for m in months if m.day and m.day <= 28], years(-2, -1, 1, 2)]


def _overlaps(a: PartialDate, b: PartialDate) -> bool:
    """Could `b` be called right when `a` is the answer? For a range ("2003–2011"), only a
    range inside or around it; another range that merely overlaps is a wrong answer."""
    if a.end is not None:
        return a.compatible(b)
    ia, ib = a.interval(), b.interval()
    if ia is None or ib is None:  # no year: compare what both give
        return (a.month, a.day) == (b.month, b.day)
    return ia[0] <= ib[1] and ib[0] <= ia[1]


# -- names ------------------------------------------------------------------------------------


def name_options(answer: str, answer_type: str, pool: Iterable[str], *, avoid: Iterable[str],
                 rng: random.Random) -> list[str]:
    """Names of the answer's type, shaped like it, none of them a name the question touches.

    `pool` comes most familiar first; the documents' own names beat the fallback list.
    """
    parts = answer.split(" and ")
    # Compared as entities: "US" is "the United States", "British" is Britain's.
    avoid_keys = {canonical_entity(a) for a in avoid} | {canonical_entity(p) for p in parts}
    avoid_words = {w for k in avoid_keys for w in k.split() if len(w) > 2}
    plural = len(parts[0].split()) == 1 and parts[0].endswith("s")  # "Seljuks", "Zengids"
    common = parts[0].split()[-1].islower()  # "Iraqi militias": a group named by a noun
    candidates: dict[str, str] = {}
    need = WANTED * len(parts)
    taken: set[str] = set()  # words of names already offered: "Saddam" after "Saddam Hussein"
    for name in pool:
        key = canonical_entity(name)
        words = {w for w in key.split() if len(w) > 2}
        if key and key not in candidates and not (words & taken) and _fits(
            key, name, answer_type, avoid_keys, avoid_words, plural, common
        ):
            candidates[key] = name
            if answer_type == "person":
                taken |= words
    names = list(candidates.values())
    if len(names) < need and answer_type == "country":
        # Too few states in the documents: fill in from the list, in a seeded order.
        extra = [c for c in COUNTRIES if canonical_entity(c) not in candidates and _fits(
            canonical_entity(c), c, answer_type, avoid_keys, avoid_words, plural, common)]
        rng.shuffle(extra)
        names += extra[: need - len(names)]
    shape = len(parts[0].split())
    names.sort(key=lambda n: abs(len(n.split()) - shape))  # stable: familiar first
    best = names[: max(6, need)]
    rng.shuffle(best)
    if len(best) < need:
        return []
    if len(parts) == 1:
        return best[:WANTED]
    return [" and ".join(best[i : i + len(parts)]) for i in range(0, need, len(parts))]


def _fits(key: str, name: str, answer_type: str, avoid_keys: set[str], avoid_words: set[str],
          plural: bool, common: bool) -> bool:
    if key in avoid_keys or set(key.split()) & avoid_words:
        return False  # "Hafez al-Assad" beside "Bashar al-Assad": too close to call wrong
    if not plural and any(fuzz.ratio(w, a) >= 80 for w in key.split() if len(w) > 3
                          for a in avoid_words):
        return False  # "Asaad" beside "Assad": a learner would read them as one name
    if answer_type == "country" and key not in COUNTRY_KEYS and name_key(name) not in COUNTRY_KEYS:
        return False
    if plural != (len(name.split()) == 1 and name.endswith("s")):
        return False
    return common == name.split()[-1].islower()


# -- outcomes ---------------------------------------------------------------------------------


def outcome_options(answer: str, shape: str, pool: Iterable[str], *,
                    rng: random.Random) -> list[str]:
    """Other outcomes, of the answer's shape, that do not mean what the answer means."""
    if shape == "verb":
        same = next((g for g in _SAME_OUTCOME if answer.lower() in g), {answer.lower()})
        names = sorted({p.lower() for p in [*pool, *_OUTCOME_VERBS]
                        if len(p.split()) == 1 and p.lower() not in same})
        rng.shuffle(names)
        return names[:WANTED]
    mine = _content(answer)
    cands = sorted({p for p in pool if p != answer and len(_content(p) & mine) * 2 <= len(mine)})
    cands.sort(key=lambda p: abs(len(p) - len(answer)))
    best = cands[:6]
    rng.shuffle(best)
    return best[:WANTED]


def _content(text: str) -> set[str]:
    return {w for w in name_key(text).split() if w not in STOP_WORDS}
