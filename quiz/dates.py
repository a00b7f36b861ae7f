"""Partial dates: find them in running text, normalise, compare and display them.

A date keeps exactly the precision its text gives. "February 2" has no year and never gets
one by accident; a year is filled in only by `with_year(..., inferred=True)`, and the date
remembers that it was inferred.

Values are written in the spirit of EDTF (ISO 8601-2): "2019-09-30", "2015-09", "2019",
"197X" (a decade), "11XX" (a century), "XXXX-02-02" (no year), "2013/2014" (a range),
"2018/.." (since), "../1997" (by).

Shared by the generator and the grader: it imports neither spaCy nor the generator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from dateutil import parser as dateutil_parser


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
_MONTH_LOOKUP = {m.lower(): i + 1 for i, m in enumerate(MONTH_NAMES)}
_MONTH_LOOKUP.update({m[:3].lower(): i + 1 for i, m in enumerate(MONTH_NAMES)})
_MONTH_LOOKUP["sept"] = 9

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}

# Qualifiers that narrow a period to a part of it, and bounds that open it on one side.
PART_QUALIFIERS = ("early", "mid", "late", "beginning", "end")
BOUNDS = ("since", "by", "before", "after", "until", "around")


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as its text, no more."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    precision: Precision = Precision.YEAR
    qualifier: str | None = None  # one of PART_QUALIFIERS
    bound: str | None = None  # one of BOUNDS
    end: PartialDate | None = None  # the end of a range
    inferred: bool = False  # the year came from the surrounding text, not this expression

    # -- building -------------------------------------------------------------------------

    def with_year(self, year: int, *, inferred: bool = True) -> PartialDate:
        """This date with its missing year filled in (ranges fill both ends)."""
        if self.year is not None:
            return self
        end = self.end.with_year(year, inferred=inferred) if self.end else None
        return replace(self, year=year, end=end, inferred=inferred)

    @property
    def has_year(self) -> bool:
        return self.year is not None

    # -- comparing --------------------------------------------------------------------------

    def interval(self) -> tuple[date, date] | None:
        """The days this date can mean, as a closed interval; None without a year."""
        if self.year is None:
            return None
        lo, hi = _period(self)
        if self.end is not None:
            end_iv = self.end.interval()
            if end_iv is not None:
                hi = max(hi, end_iv[1])
        if self.qualifier:
            lo, hi = _narrow(lo, hi, self.qualifier)
        if self.bound in ("since", "after"):
            lo, hi = (lo if self.bound == "since" else hi + timedelta(days=1)), date.max
        elif self.bound in ("by", "until"):
            lo = date.min
        elif self.bound == "before":
            lo, hi = date.min, lo - timedelta(days=1)
        elif self.bound == "around":
            lo, hi = _shift_years(lo, -1), _shift_years(hi, 1)
        return lo, hi

    def contains(self, other: PartialDate) -> bool:
        """True when every day `other` can mean is a day this date can mean."""
        mine, theirs = self.interval(), other.interval()
        if mine is None or theirs is None:
            return _month_day_agree(self, other) and (
                self.year is None or other.year is None
            )
        return mine[0] <= theirs[0] and theirs[1] <= mine[1]

    def compatible(self, other: PartialDate) -> bool:
        """Two statements of a date agree when one's interval lies inside the other's."""
        return self.contains(other) or other.contains(self)

    # -- showing -----------------------------------------------------------------------------

    def display(self) -> str:
        """How a person writes it: "30 September 2019", "late 2024", "the 1970s"."""
        if self.end is not None and self.precision == Precision.CENTURY and not self.qualifier:
            assert self.year is not None and self.end.year is not None
            first, last = ((y - 1) // 100 + 1 for y in (self.year, self.end.year))
            text = f"the {ordinal(first)}–{ordinal(last)} centuries"
        elif self.end is not None:
            text = f"{_display_core(replace(self, end=None, bound=None))}–{_display_core(self.end)}"
            if self.year is not None and self.year == self.end.year and self.month and (
                self.precision == Precision.MONTH and self.end.precision == Precision.MONTH
            ):
                text = f"{MONTH_NAMES[self.month - 1]}–{_display_core(self.end)}"
        else:
            text = _display_core(replace(self, bound=None))
        return f"{self.bound} {text}" if self.bound else text

    def value(self) -> str:
        """A normalised, comparable string (EDTF-like), e.g. "2015-09", "197X", "XXXX-02-02"."""
        core = _value_core(self)
        if self.end is not None:
            core = f"{core}/{_value_core(self.end)}"
        if self.qualifier:
            core = f"{core}~{self.qualifier}"
        if self.bound in ("since", "after"):
            core = f"{core}/.." + ("" if self.bound == "since" else "~after")
        elif self.bound in ("by", "until", "before"):
            core = f"../{core}" + ("" if self.bound != "before" else "~before")
        elif self.bound == "around":
            core = f"{core}~around"
        return core

    def __str__(self) -> str:
        return self.display()


def _period(d: PartialDate) -> tuple[date, date]:
    assert d.year is not None
    y = max(1, min(d.year, 9999))
    if d.precision == Precision.CENTURY:
        return date(y, 1, 1), date(min(y + 99, 9999), 12, 31)
    if d.precision == Precision.DECADE:
        return date(y, 1, 1), date(min(y + 9, 9999), 12, 31)
    if d.month is None or d.precision == Precision.YEAR:
        return date(y, 1, 1), date(y, 12, 31)
    last = _last_day(y, d.month)
    if d.day is None or d.precision == Precision.MONTH:
        return date(y, d.month, 1), date(y, d.month, last)
    day = min(d.day, last)
    return date(y, d.month, day), date(y, d.month, day)


def _last_day(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def _narrow(lo: date, hi: date, qualifier: str) -> tuple[date, date]:
    """early/beginning = first third, mid = middle third, late/end = last third."""
    span = (hi - lo).days
    third = timedelta(days=span // 3)
    if qualifier in ("early", "beginning"):
        return lo, lo + third
    if qualifier == "mid":
        return lo + third, hi - third
    return hi - third, hi


def _shift_years(d: date, years: int) -> date:
    try:
        return d.replace(year=max(1, min(9999, d.year + years)))
    except ValueError:  # 29 February
        return d.replace(year=max(1, min(9999, d.year + years)), day=28)


def _month_day_agree(a: PartialDate, b: PartialDate) -> bool:
    """Compare what both state of month and day (used when a year is missing)."""
    if a.month is not None and b.month is not None and a.month != b.month:
        return False
    return not (a.day is not None and b.day is not None and a.day != b.day)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _display_core(d: PartialDate) -> str:
    q = d.qualifier
    if d.precision == Precision.CENTURY and d.year is not None:
        base = f"{ordinal((d.year - 1) // 100 + 1)} century"
        return f"the {q} {base}" if q else f"the {base}"
    if d.precision == Precision.DECADE and d.year is not None:
        return f"the {q} {d.year}s" if q else f"the {d.year}s"
    parts = []
    if d.day is not None and d.precision == Precision.DAY:
        parts.append(str(d.day))
    if d.month is not None and d.precision in (Precision.DAY, Precision.MONTH):
        parts.append(MONTH_NAMES[d.month - 1])
    if d.year is not None:
        parts.append(str(d.year))
    base = " ".join(parts)
    if not q:
        return base
    if q == "mid":
        return f"mid-{base}"
    if q in ("end", "beginning"):
        return f"the {q} of {base}"
    return f"{q} {base}"


def _value_core(d: PartialDate) -> str:
    if d.precision == Precision.CENTURY and d.year is not None:
        return f"{(d.year - 1) // 100:02d}XX"
    if d.precision == Precision.DECADE and d.year is not None:
        return f"{d.year // 10:03d}X"
    year = f"{d.year:04d}" if d.year is not None else "XXXX"
    if d.month is None or d.precision == Precision.YEAR:
        return year
    if d.day is None or d.precision == Precision.MONTH:
        return f"{year}-{d.month:02d}"
    return f"{year}-{d.month:02d}-{d.day:02d}"


# ---------------------------------------------------------------------------------------------
# Finding dates in running text
# ---------------------------------------------------------------------------------------------

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![a-z]))"
)
_DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR_RE = r"(?:1\d{3}|20\d{2})(?![\d])"
_ORD_RE = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|"
    + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + ")"
)
# Words after a number that make it a count, not a year.
_COUNT_NOUNS = (
    r"km|kilomet|mi\b|miles|people|persons|soldiers|troops|men\b|fighters|dead|killed|casualties"
    r"|personnel|aircraft|targets|sites|lives|civilians|members|refugees|%|percent"
)

_CORE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    ("numeric", re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})\b")),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>{_DAY_RE})(?:\s+of)?\s+(?P<m>{_MONTH_RE})(?:,?\s+(?P<y>{_YEAR_RE}))?(?![\w-])"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?P<m>{_MONTH_RE})\s+(?:the\s+)?(?P<d>{_DAY_RE})(?!\s*(?:{_COUNT_NOUNS}))"
            rf"(?:,?\s+(?P<y>{_YEAR_RE}))?(?![\w-])"
        ),
    ),
    ("my", re.compile(rf"\b(?P<m>{_MONTH_RE}),?\s+(?P<y>{_YEAR_RE})")),
    ("century", re.compile(
        rf"\b(?P<c1>{_ORD_RE})(?:(?:\s+(?:and|or|to)\s+|\s*[-–]\s*)(?P<c2>{_ORD_RE}))?"
        r"[\s-]+centur(?:y|ies)\b",
        re.IGNORECASE,
    )),
    ("decade", re.compile(r"\b(?P<y>1\d{2}0|20\d0)'?s\b")),
    ("year", re.compile(rf"(?<![\d,.$£€/])\b(?P<y>{_YEAR_RE})(?!,\d|\.\d|\s*(?:{_COUNT_NOUNS}))")),
    ("month", re.compile(rf"\b(?P<m>{_MONTH_RE})(?![\w-])")),
    ("year3", re.compile(r"(?<![\d,.])\b(?P<y>[1-9]\d{2})\b(?!\d|,\d|\.\d)")),
]

# A lone month or a three-digit year is a date only after one of these words.
_TEMPORAL_LEAD = re.compile(
    r"(?:\b(?:in|In|on|On|by|By|since|Since|until|Until|from|From|during|During|of|to|and|"
    r"late|Late|early|Early|mid|end of|beginning of|start of|between|Between|before|Before|"
    r"after|After)\s*-?\s*)$"
)
_QUALIFIER_BEFORE = re.compile(
    r"(?P<q>\b(?:[Ee]arly|[Mm]id|[Ll]ate|(?:[Tt]he\s+)?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)"
    r"\s+of))(?:\s+the)?[\s-]+$"
)
_BOUND_BEFORE = re.compile(
    r"(?P<b>\b(?:[Ss]ince|[Bb]y|[Bb]efore|[Aa]fter|[Uu]ntil|[Tt]ill|[Ff]rom|[Aa]round|[Cc]irca|c\.)"
    r"|[Aa]s early as|[Nn]o later than)\s+(?:the\s+)?$"
)
_RANGE_JOIN = re.compile(r"^\s*(?:–|—|-|to|until|till|through|and)\s*$")
_ONGOING = re.compile(r"\s*[–—-]\s*(?:present|today|now|ongoing)\b", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b[Tt]he\s+$")

_QUALIFIER_NAMES = {"start": "beginning", "middle": "mid"}
_BOUND_NAMES = {"from": "since", "till": "until", "circa": "around", "c.": "around",
                "as early as": "by", "no later than": "by"}


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text: where it is, what it says."""

    start: int
    end: int
    text: str
    date: PartialDate


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in `text`, left to right, ranges and qualifiers included."""
    cores = _find_cores(text)
    mentions: list[DateMention] = []
    i = 0
    while i < len(cores):
        start, end, value = cores[i]
        # "2013–2014", "From 2017 to 2019", "January to April 2021", "between 1974 and 1975"
        if i + 1 < len(cores):
            n_start, n_end, n_value = cores[i + 1]
            joiner = text[end:n_start]
            lead = text[max(0, start - 9):start].lower()
            is_between = "between" in lead
            if _RANGE_JOIN.match(joiner) and (
                "and" not in joiner or is_between
            ) and _joinable(value, n_value):
                if value.year is None and n_value.year is not None:
                    value = replace(value, year=n_value.year)
                value = replace(value, end=n_value)
                end = n_end
                i += 1
        ongoing = _ONGOING.match(text, end)
        if ongoing and value.end is None:  # "2013–present"
            value, end = replace(value, bound="since"), ongoing.end()
        start, value = _attach_prefixes(text, start, value)
        mentions.append(DateMention(start, end, text[start:end], value))
        i += 1
    return mentions


def _joinable(first: PartialDate, second: PartialDate) -> bool:
    """Two dates joined by a dash or "to" form a range when the second is later."""
    if second.end is not None or first.end is not None:
        return False
    if first.year is not None and second.year is not None:
        return (first.year, first.month or 0, first.day or 0) < (
            second.year, second.month or 13, second.day or 32
        )
    return first.year is None and (first.month is not None or first.day is not None)


def _attach_prefixes(text: str, start: int, value: PartialDate) -> tuple[int, PartialDate]:
    """Take in "late", "the end of", "since", "by" written just before a date."""
    q = _QUALIFIER_BEFORE.search(text, 0, start)
    if q:
        word = q.group("q").lower().replace("the ", "").replace(" of", "").strip()
        value = replace(value, qualifier=_QUALIFIER_NAMES.get(word, word))
        start = q.start("q")
    b = _BOUND_BEFORE.search(text, 0, start)
    if b and value.end is None:
        word = b.group("b").lower()
        value = replace(value, bound=_BOUND_NAMES.get(word, word))
        start = b.start("b")
    elif b and b.group("b").lower() != "from" and value.end is None:
        start = b.start("b")
    else:
        a = _ARTICLE_BEFORE.search(text, 0, start)
        if a and value.precision in (Precision.DECADE, Precision.CENTURY):
            start = a.start()
    return start, value


def _find_cores(text: str) -> list[tuple[int, int, PartialDate]]:
    """Non-overlapping core date expressions, longest first where they overlap."""
    found: list[tuple[int, int, PartialDate]] = []
    taken: list[tuple[int, int]] = []
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pattern in _CORE_PATTERNS:
        for m in pattern.finditer(text):
            candidates.append((m.start(), m.end(), name, m))
    # Longest match wins; earlier pattern wins a tie (more specific first in the list).
    order = {name: i for i, (name, _) in enumerate(_CORE_PATTERNS)}
    candidates.sort(key=lambda c: (-(c[1] - c[0]), order[c[2]], c[0]))
    for start, end, name, m in candidates:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        value = _core_value(name, m, text)
        if value is None:
            continue
        found.append((start, end, value))
        taken.append((start, end))
    found.sort(key=lambda f: f[0])
    return found


def _core_value(name: str, m: re.Match[str], text: str) -> PartialDate | None:
    g = m.groupdict()
    lead_ok = bool(_TEMPORAL_LEAD.search(text, 0, m.start()))
    try:
        if name in ("iso", "numeric"):
            year, month, day = int(g["y"]), int(g["m"]), int(g["d"])
            if name == "numeric" and month > 12 and day <= 12:
                day, month = month, day
            date(year, month, day)  # validates
            return PartialDate(year, month, day, Precision.DAY)
        if name in ("dmy", "mdy"):
            month = _month_number(g["m"])
            day = int(re.sub(r"\D", "", g["d"]))
            given_year = int(g["y"]) if g.get("y") else None
            if given_year is None and not lead_ok and re.match(r"\s+[A-Z]", text[m.end():]):
                return None  # "the 14 July Revolution" is a name, not a date
            # "May 5" alone needs a lead word; "Monday, February 2" reads fine either way
            if (name == "mdy" and given_year is None and not g["d"][-1].isalpha() and not lead_ok
                    and not re.search(r"\b(?:on|On|[A-Z][a-z]+day,)\s*$", text[: m.start()])):
                return None
            date(given_year or 2000, month, day)  # validates (2000 is a leap year)
            return PartialDate(given_year, month, day, Precision.DAY)
        if name == "my":
            return PartialDate(int(g["y"]), _month_number(g["m"]), None, Precision.MONTH)
        if name == "month":
            # A lone month needs a lead word ("in September") and its full name ("Mar" alone
            # is too easily something else).
            if not lead_ok or g["m"] not in MONTH_NAMES:
                return None
            return PartialDate(None, _month_number(g["m"]), None, Precision.MONTH)
        if name == "century":
            first = _century_number(g["c1"])
            value = PartialDate((first - 1) * 100 + 1, None, None, Precision.CENTURY)
            if g.get("c2"):
                last = _century_number(g["c2"])
                value = replace(
                    value, end=PartialDate((last - 1) * 100 + 1, None, None, Precision.CENTURY)
                )
            return value
        if name == "decade":
            return PartialDate(int(g["y"]), None, None, Precision.DECADE)
        if name == "year":
            return PartialDate(int(g["y"]), None, None, Precision.YEAR)
        if name == "year3":
            if not re.search(r"\b(?:in|In|since|Since|by|By|until|Until|around|c\.)\s+$",
                             text[: m.start()]):
                return None
            return PartialDate(int(g["y"]), None, None, Precision.YEAR)
    except (ValueError, KeyError):
        return None
    return None


def _month_number(name: str) -> int:
    return _MONTH_LOOKUP[name.rstrip(".").lower()]


def _century_number(text: str) -> int:
    text = text.lower()
    if text in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[text]
    return int(re.sub(r"\D", "", text))


# ---------------------------------------------------------------------------------------------
# Parsing one date expression (a whole field or a learner's answer)
# ---------------------------------------------------------------------------------------------

_SENTINELS = (datetime(1, 1, 1), datetime(2, 2, 2))


def parse_date(text: str) -> PartialDate | None:
    """Read a text that is one date, in any common format; None when it is not a date.

    The finder handles written forms ("the end of September 2015", "2013–2014"); dateutil
    handles the rest ("Sept 30th 2019", "2019/09/30"). Parts the text does not give stay
    missing: dateutil is asked twice with different defaults to tell given from filled in.
    """
    text = " ".join(text.strip().split())
    if not text or len(text) > 80:
        return None
    mentions = find_dates(text)
    if len(mentions) == 1:
        m = mentions[0]
        rest = (text[: m.start] + text[m.end:]).strip(" ,.;:()").lower()
        if rest in ("", "in", "on", "the", "in the", "on the", "during", "during the", "circa",
                    "from", "between", "around", "about"):
            return m.date
    return _parse_with_dateutil(text)


def _parse_with_dateutil(text: str) -> PartialDate | None:
    try:
        a, b = (
            dateutil_parser.parse(text, default=s, dayfirst=True, fuzzy=False) for s in _SENTINELS
        )
    except (ValueError, OverflowError, TypeError):
        return None
    year = a.year if a.year == b.year else None
    month = a.month if a.month == b.month else None
    day = a.day if a.day == b.day else None
    if month is None and day is not None:
        return None
    if day is not None:
        return PartialDate(year, month, day, Precision.DAY)
    if month is not None:
        return PartialDate(year, month, None, Precision.MONTH)
    if year is not None:
        return PartialDate(year, None, None, Precision.YEAR)
    return None
