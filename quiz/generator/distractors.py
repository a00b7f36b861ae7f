"""Wrong options for multiple choice: same type and shape as the answer, never right.

Dates vary the answer's own parts in a balanced layout, so no option stands out, and never
mean a day the answer means. Names come from the documents' own entities of the answer's
type, minus everyone the evidence sentence or the prompt names (a co-actor is not a wrong
answer) and minus second names of one entity. Outcomes come from the other outcomes of the
bank. Too few fair options and the question is typed recall. Choice is seeded by the
question id, so a bank is the same every time it is built.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import replace

from rapidfuzz import fuzz

from quiz.dates import PartialDate, Precision
from quiz.textnorm import COUNTRY_KEYS, STOP_WORDS, canonical_entity, name_key

WANTED = 3

def rng_for(key: str) -> random.Random:
    return random.Random(key)  # str seeds are hashed with SHA-512: stable across runs


# -- dates ------------------------------------------------------------------------------------


def date_options(answer: PartialDate, rng: random.Random, *,
                 latest: int | None = None) -> list[str]:
    """Three dates near the answer, in its shape, that it does not mean, laid out so that no
    option stands out by its parts.

    A test-wise learner picks the option that shares most parts with the others ("19 April
    2018" among 19 April 2017, 27 April 2018 and 19 July 2018). So the options follow a
    balanced design: for a day, month and year every two options share exactly one part; for
    two parts (month and year, qualifier and year, day and month) a 2×2 square; a year,
    decade, century or range is one of four evenly spaced, the answer at a random place.
    None later than `latest` (the last year the documents know): a date after the record
    ends gives itself away. Fewer than three when no such layout exists.
    """
    for layout in _layouts(answer, rng, latest):
        if all(not _overlaps(answer, o) for o in layout) and _distinct(answer, layout):
            return [o.display() for o in layout]
    return []


# Which parts each wrong option changes. Three parts (day, month, year): every two options
# then share exactly one part. Two parts: a 2×2 square, every option shares one part with
# two others and none with the third.
_CHANGED = {3: ({1, 2}, {0, 2}, {0, 1}), 2: ({1}, {0}, {0, 1})}


def _layouts(d: PartialDate, rng: random.Random, latest: int | None
             ) -> Iterable[list[PartialDate]]:
    """Candidate sets of three wrong dates, most natural first."""
    def fits(c: PartialDate) -> bool:
        year = (c.end or c).year
        return year is None or latest is None or year <= latest

    if d.end is not None and d.year is None:
        return  # "6–30 August", no year: asked as typed recall
    if d.qualifier is None and (d.end is not None or d.precision in (
            Precision.YEAR, Precision.DECADE, Precision.CENTURY)):
        yield from (run for run in _runs(d, rng) if all(fits(c) for c in run))
        return
    if d.precision == Precision.MONTH and d.year is None and d.month is not None:
        yield from _month_runs(d, rng)  # "In which month …", the year unknown
        return
    parts = _parts(d, rng)
    if parts is None:
        return
    for i in range(min(len(values) for _, values in parts)):
        layout = [_with(d, {parts[j][0]: parts[j][1][i] for j in changed})
                  for changed in _CHANGED[len(parts)]]
        if all(fits(o) for o in layout):
            yield layout


_QUALIFIERS = ("early", "mid", "late")


def _with(d: PartialDate, changes: dict[str, int]) -> PartialDate:
    """`d` with some parts changed (a qualifier by its index in _QUALIFIERS)."""
    qualifier = changes.get("qualifier")
    return replace(d, day=changes.get("day", d.day), month=changes.get("month", d.month),
                   year=changes.get("year", d.year),
                   qualifier=d.qualifier if qualifier is None else _QUALIFIERS[qualifier])


def _parts(d: PartialDate, rng: random.Random) -> list[tuple[str, list[int]]] | None:
    """The date's parts that options vary, each with other values it could take, in random
    order; None when it has not two parts to vary."""
    def shuffled(values: list[int]) -> list[int]:
        rng.shuffle(values)
        return values

    parts: list[tuple[str, list[int]]] = []
    if d.qualifier:
        parts.append(("qualifier", shuffled(
            [i for i, q in enumerate(_QUALIFIERS) if q != d.qualifier] * 2)))
    elif d.day is not None:
        parts.append(("day", shuffled([v for v in range(1, 29) if abs(v - d.day) >= 3])))
    if d.month is not None and not d.qualifier:
        parts.append(("month", shuffled([(d.month - 1 + k) % 12 + 1 for k in (-3, -2, 2, 3)])))
    if d.year is not None:
        parts.append(("year", shuffled([d.year + k for k in (-2, -1, 1, 2)])))
    return parts if len(parts) in _CHANGED else None


def _runs(d: PartialDate, rng: random.Random) -> Iterable[list[PartialDate]]:
    """Four evenly spaced dates, the answer at each place in random order: the three others.
    A range moves by more than its length, so no option overlaps it."""
    unit = {Precision.CENTURY: 100, Precision.DECADE: 10}.get(d.precision, 1)
    span = 0
    if d.end is not None and d.end.year is not None and d.year is not None:
        span = d.end.year - d.year
    step = (span // unit + 1) * unit if span else unit * (rng.choice([1, 1, 2]) if unit == 1 else 1)
    places = [0, 1, 2, 3]
    rng.shuffle(places)
    for place in places:
        yield [_shifted(d, (i - place) * step) for i in range(4) if i != place]


def _month_runs(d: PartialDate, rng: random.Random) -> Iterable[list[PartialDate]]:
    """Four months two apart, the answer at each place in random order: the three others."""
    assert d.month is not None
    places = [0, 1, 2, 3]
    rng.shuffle(places)
    for place in places:
        yield [replace(d, month=(d.month - 1 + 2 * (i - place)) % 12 + 1)
               for i in range(4) if i != place]


def _shifted(d: PartialDate, years: int) -> PartialDate:
    end = d.end
    if end is not None and end.year is not None:
        end = replace(end, year=end.year + years)
    return replace(d, year=None if d.year is None else d.year + years, end=end)


def _distinct(answer: PartialDate, layout: list[PartialDate]) -> bool:
    shown = [answer.display(), *(o.display() for o in layout)]
    return len(set(shown)) == len(shown) and all(
        o.year is None or o.year > 0 for o in layout)


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
    """Names of the answer's type, shaped like it, none of them a name the question touches,
    no two of them one entity ("CPP" and "Convention People's Party").

    `pool` holds the documents' own names, most familiar first. No list from outside fills
    in: a state the documents never mention ("Austria" for who received Sakhalin) is no fair
    option, and too few names make the question typed recall.
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
        ) and not any(same_entity(name, other) for other in [*candidates.values(), *parts]):
            candidates[key] = name
            if answer_type == "person":
                taken |= words
    names = list(candidates.values())
    shape = len(parts[0].split())
    names.sort(key=lambda n: abs(len(n.split()) - shape))  # stable: familiar first
    best = names[: max(6, need)]
    rng.shuffle(best)
    if len(best) < need:
        return []
    if len(parts) == 1:
        return best[:WANTED]
    return [" and ".join(best[i : i + len(parts)]) for i in range(0, need, len(parts))]


def same_entity(a: str, b: str) -> bool:
    """Could two names be one entity? One holds the other's words in order ("Convention
    People's Party" in "Kwame Nkrumah's Convention People's Party"), or is its initials
    ("CPP")."""
    ka, kb = canonical_entity(a), canonical_entity(b)
    if not ka or not kb:
        return False
    if ka == kb or f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} ":
        return True
    return _initials(b) == a.replace(".", "") or _initials(a) == b.replace(".", "")


def _initials(name: str) -> str:
    """ "Convention People's Party" → "CPP" (capitalised words only)."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name))


def _fits(key: str, name: str, answer_type: str, avoid_keys: set[str], avoid_words: set[str],
          plural: bool, common: bool) -> bool:
    if key in avoid_keys:
        return False
    if answer_type == "group":
        return common == name.split()[-1].islower()  # "Northern People's Party" is fair
    if set(key.split()) & avoid_words:
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


def outcome_options(answer: str, pool: Iterable[str], *, rng: random.Random) -> list[str]:
    """Other outcomes that do not mean what the answer means, of a length like its."""
    mine = _content(answer)
    cands = sorted({p for p in pool if p != answer and len(_content(p) & mine) * 2 <= len(mine)})
    cands.sort(key=lambda p: abs(len(p) - len(answer)))
    best = cands[:6]
    rng.shuffle(best)
    return best[:WANTED]


def _content(text: str) -> set[str]:
    return {w for w in name_key(text).split() if w not in STOP_WORDS}
