"""Wrong options for dates, on every date the development corpus writes: none of them right,
and none that lets a test-wise learner find the key by its parts."""

from __future__ import annotations

from collections import Counter
from itertools import combinations, pairwise

import pytest

from quiz.dates import PartialDate, Precision, find_dates
from quiz.generator.distractors import date_options, name_options, rng_for
from tests.conftest import DATA


@pytest.fixture(scope="module")
def corpus_dates() -> list[PartialDate]:
    """Every distinct closed date in the dev documents (open ones, "since 1990", are not
    asked)."""
    found: dict[str, PartialDate] = {}
    for path in sorted((DATA / "eval" / "dev").glob("*.txt")):
        for mention in find_dates(path.read_text(encoding="utf-8")):
            if mention.date.bound is None:
                found.setdefault(mention.date.value(), mention.date)
    return list(found.values())


def _parts(d: PartialDate) -> tuple[object, ...]:
    if d.end is not None:
        return (d.year, d.end.year)
    return (d.qualifier, d.day, d.month, d.year)


def _shared(a: PartialDate, b: PartialDate) -> int:
    return sum(x == y and x is not None for x, y in zip(_parts(a), _parts(b), strict=True))


def _options(d: PartialDate) -> list[PartialDate]:
    texts = date_options(d, rng_for(d.value()), latest=2030)
    parsed = [find_dates(f"in {t}")[0].date for t in texts]
    return [d, *parsed]


def _laid_out(dates: list[PartialDate]) -> list[PartialDate]:
    """All but year-less ranges ("6–30 August"), which get no options: typed recall."""
    return [d for d in dates if not (d.end is not None and d.year is None)]


def test_the_corpus_has_dates_of_every_shape(corpus_dates):
    precisions = Counter(d.precision for d in corpus_dates)
    assert len(corpus_dates) >= 80
    assert precisions[Precision.DAY] >= 20 and precisions[Precision.MONTH] >= 5
    assert precisions[Precision.YEAR] >= 20 and any(d.end for d in corpus_dates)


def test_options_are_wrong_distinct_and_shaped_like_the_answer(corpus_dates):
    for d in corpus_dates:
        if d not in _laid_out(corpus_dates):
            assert _options(d) == [d], d.display()
            continue
        options = _options(d)
        assert len(options) == 4, d.display()
        assert len({o.display() for o in options}) == 4, options
        for wrong in options[1:]:
            assert wrong.precision == d.precision, (d.display(), wrong.display())
            assert (wrong.year is None) == (d.year is None)
            assert not d.compatible(wrong) and not wrong.compatible(d), (d.display(),
                                                                         wrong.display())


def test_no_option_stands_out_by_the_parts_it_shares(corpus_dates):
    """The test-wise strategy, "pick the option sharing most parts with the others", finds no
    single option on any date: every option shares as many parts as every other."""
    for d in _laid_out(corpus_dates):
        options = _options(d)
        shared = [sum(_shared(o, other) for other in options if other is not o)
                  for o in options]
        assert len(set(shared)) == 1, [(o.display(), s) for o, s in zip(options, shared,
                                                                          strict=True)]


def test_a_full_date_shares_exactly_one_part_with_each_option(corpus_dates):
    full = [d for d in corpus_dates
            if d.precision == Precision.DAY and d.year is not None and d.end is None]
    assert full
    for d in full:
        for a, b in combinations(_options(d), 2):
            assert _shared(a, b) == 1, (a.display(), b.display())


def test_the_key_is_not_always_in_the_middle_of_a_run(corpus_dates):
    """Years, decades and ranges are four evenly spaced dates; the key's place varies."""
    places = Counter()
    for d in corpus_dates:
        if d.precision == Precision.YEAR and d.end is None and not d.qualifier:
            ordered = sorted(_options(d), key=lambda o: o.year or 0)
            steps = {b.year - a.year for a, b in pairwise(ordered)}  # type: ignore[operator]
            assert len(steps) == 1, [o.display() for o in ordered]
            places[ordered.index(d)] += 1
    assert len(places) == 4 and min(places.values()) >= 2, places


def test_nothing_after_the_last_year_the_documents_know():
    d = find_dates("on 18 March 1839")[0].date
    options = date_options(d, rng_for("x"), latest=1839)
    assert options and all("1840" not in o and "1841" not in o for o in options)


def test_no_two_options_name_one_party():
    """Names the Ghana article gives: the key's other names are never offered as wrong."""
    pool = ["CPP", "Kwame Nkrumah's Convention People's Party", "United Gold Coast Convention",
            "UGCC", "National Liberation Movement", "Northern People's Party"]
    options = name_options("Convention People's Party", "group", pool, avoid=[],
                           rng=rng_for("ghana"))
    assert len(options) == 3
    assert not {"CPP", "Kwame Nkrumah's Convention People's Party"} & set(options)
    assert not {"United Gold Coast Convention", "UGCC"} <= set(options)  # one party, once


def test_no_state_from_outside_the_documents_fills_in():
    """Two other states in the documents are too few: typed recall, not "Austria"."""
    assert name_options("Japan", "country", ["Russia", "China"], avoid=[],
                        rng=rng_for("x")) == []
