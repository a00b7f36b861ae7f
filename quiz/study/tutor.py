"""The tutor: answers a learner's own question from the verified facts of the loaded banks.

A question is read for what it asks (a date, an actor, an outcome, what happened on a date,
who someone is), the names it mentions and any date it gives. Facts are found through an
inverted index of word terms, weighted by how rare a root is (idf); a fact answers only when
it is of the kind asked, mentions every name the question does, agrees with its date and
covers most of its words. Anything less is declined, with the closest facts offered: the
tutor never makes an answer up, and never answers from a document judged unreliable.

Pure Python on the study side: no spaCy, nothing from the generator.
"""

from __future__ import annotations

import heapq
import math
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from quiz.dates import PartialDate, find_dates, parse_date
from quiz.models import Bank, BankFact, ConflictReport, Evidence, Kind, Status
from quiz.textnorm import (
    COUNTRY_KEYS,
    IRREGULAR_PARTICIPLE,
    IRREGULAR_PAST,
    STOP_WORDS,
    clean_input,
    fold,
    name_word,
    same_word,
    stem,
    transliterated,
)

Wanted = Literal["date", "actor", "outcome", "events", "about", "any"]

ANSWER_AT = 0.6  # share of the question's (idf-weighted) words a fact must cover to answer
# A word in the fact's own clause counts more than in the rest of its sentence, and that
# more than in the sentences other documents corroborate it with.
STATEMENT, CONTEXT, OTHERS = 1.0, 0.6, 0.6
MISSING = 0.25  # ... and none it lacks may weigh more than this share
RANKED = 200  # best-scoring facts looked at closely
CLOSEST_SCAN = 5000  # facts scanned for the closest when none can answer
CLOSEST = 3
_EMPTY = array("I")

# Words that say what is asked, not what about (beside the stop words).
_QUESTION_WORDS = {
    "when", "what", "whom", "whose", "where", "why", "how", "do", "does", "can", "could",
    "would", "will", "year", "years", "month", "date", "day", "century", "country",
    "countries", "group", "groups", "state", "states", "happen", "happened", "tell", "me",
    "please", "know", "you", "i", "two", "both", "exactly", "time",
    # fillers a learner adds that the sources need not share
    "new", "together", "actually", "really", "ever", "just", "still", "finally", "exact",
}
# Words a fact is not found by, beside the stop words: the prepositions that place and time
# an event, negation, quantity and linking words. The grader keeps these ("not" and
# "without" turn an answer around), but a question shares them with far too many facts.
_NOT_TOPICAL = {
    "or", "but", "not", "also", "then", "than", "there", "these", "those", "s", "one",
    "other", "own", "between", "among", "after", "before", "during", "against", "over",
    "under", "through", "near", "since", "until", "within", "without", "about", "upon",
    "per",
}
_STOP = STOP_WORDS | _NOT_TOPICAL
# Past forms a crude stemmer cannot undo: the generator's own tables, read backwards.
_BASE_FORM = {form: verb for table in (IRREGULAR_PAST, IRREGULAR_PARTICIPLE)
              for verb, form in table.items()} | {"died": "die"}  # too short to stem
# Nouns for the verbs they name, so "the invasion of Kuwait" meets "invaded Kuwait".
_DERIVED = {
    "invasion": "invade", "retirement": "retire", "withdrawal": "withdraw",
    "acceptance": "accept", "independence": "independent", "occupation": "occupy",
    "intervention": "intervene", "establishment": "establish", "agreement": "agree",
    "ascendance": "ascend", "liberation": "liberate", "recognition": "recognize",
    "cooperation": "cooperate", "announcement": "announce", "suspension": "suspend",
    "death": "die", "reopening": "reopen", "closure": "close",
    "departure": "depart", "arrival": "arrive", "signature": "sign",
    "rejection": "reject", "formation": "form", "declaration": "declare",
}
# Roots that mean the same here.
_SAME = {
    "start": "begin", "fall": "overthrow", "toppl": "overthrow", "oust": "overthrow",
    "keep": "maintain",
    "tie": "relation", "battl": "fight", "combat": "fight",
    "carry": "conduct", "perform": "conduct",
}


def root(word: str) -> str:
    """The root a word is indexed under: "invasion", "invaded" and "invades" meet."""
    word = _BASE_FORM.get(word, word)
    word = _DERIVED.get(word, word)
    word = name_word(word)  # "Iraqi" is Iraq's; "Daesh" is ISIS
    word = re.sub(r"is(e|ed|es|ing|ation)$", r"iz\1", word)  # recognise → recognize
    word = stem(word)
    if len(word) > 4 and word.endswith("ed"):
        word = word[:-2]  # "aired", "taped": too short for the shared stemmer
    if len(word) > 3 and word.endswith("e"):
        word = word.rstrip("e") or word  # "agree" and "agreed" → "agr"
    if len(word) > 3 and word.endswith("i"):
        word = word[:-1] + "y"  # "occupied" → "occupi" → "occupy"
    return _SAME.get(word, word)


@lru_cache(maxsize=500_000)  # a bank's words repeat: each is worked out once
def key(word: str) -> str:
    """What a word is indexed under: its root in one spelling ("Asad", "Assad" meet)."""
    return transliterated(root(word))


_BEGIN, _END = key("begin"), key("end")


_WORD = re.compile(r"[a-z0-9]+")
_REWORD = re.compile(r"\bre-(?=\w)")  # re-opened → reopened
_INITIAL = re.compile(r"\b([a-z])\.")  # U.S. → us
_POSSESSIVE = re.compile(r"'s\b")
_NAME = re.compile(r"(?<=[^.!?:\n] )[A-Z][\w'’-]+")  # capitalised inside a sentence
_DATED = re.compile(r"\b\d|centur")  # a text worth looking for dates in


def words(text: str, *, drop: AbstractSet[str] = _STOP) -> list[str]:
    """The words of a text that say what it is about, folded: "al-Qaim's" → ["qaim"]."""
    text = _INITIAL.sub(r"\1", _REWORD.sub("re", fold(text)))
    text = _POSSESSIVE.sub("", text.replace("air strike", "airstrike")).replace("'", "")
    return [w for w in _WORD.findall(text) if w not in drop and not w.isdigit()]


def _keys(text: str) -> list[str]:
    return [key(w) for w in words(text)]


# ---------------------------------------------------------------------------------------------
# What the tutor says
# ---------------------------------------------------------------------------------------------


class Quote(BaseModel):
    quote: str
    doc: str
    title: str
    status: Status  # the fact's status, or "rejected" for an unreliable document's claim
    value: str = ""  # what this quote says the answer is (disputes)


class FoundFact(BaseModel):
    id: str  # the fact's id in its bank
    statement: str
    answer: str
    kind: Kind
    status: Status
    sources: list[str]  # titles of the documents behind it
    independent: int  # how many of them count separately (a copy does not)
    evidence: Quote


class Reply(BaseModel):
    question: str
    verdict: Literal["answered", "disputed", "declined"]
    asked: Wanted
    answer: str = ""
    facts: list[FoundFact] = []  # what the answer rests on
    claims: list[Quote] = []  # disputes: each document's claim
    unreliable: list[Quote] = []  # claims from unreliable documents, shown and not counted
    closest: list[FoundFact] = []  # declined: the nearest facts there are
    note: str = ""


# ---------------------------------------------------------------------------------------------
# Reading the question
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asking:
    wanted: Wanted
    words: list[str]  # as the learner wrote them, folded
    date: PartialDate | None  # a date the question gives
    subject: str = ""  # "who is X": X
    role: Literal["subject", "object"] | None = None  # "who forced ...", "whom did ... meet"


_ABOUT = re.compile(r"^(?:who|what) (?:is|was|are|were) (?P<x>.+)$|^tell me about (?P<y>.+)$")
_EVENTS = re.compile(r"^what (?:happened|took place|occurred) (?:in|on|during|around) (?P<d>.+)$")
_OUTCOME = re.compile(
    r"^what (?:happened (?:to|with|after)|came of|was the (?:result|outcome|consequence))\b"
    r"|^what did .+ (?:do (?:with|about|to)|lead to|result in)\b|^how did .+ end\b"
)
_DATE = re.compile(
    r"^(?:when|since when|until when|(?:in |on )?(?:what|which) (?:year|month|date|day|decade"
    r"|century)|how long ago)\b"
)
_ACTOR = re.compile(r"^(?:who|whom|whose|(?:which|what) (?:\w+ ){0,2}?(?:country|countries|"
                    r"group|groups|state|states|leader|militia|militias|organi[sz]ation|"
                    r"party|force|forces|side|president|minister|city|dynasty|coalition))\b"
                    r"|^which\b")


_WH = ("when", "what", "who", "which", "where", "whom")


def read_question(question: str) -> Asking:
    """What a question (already through `clean_input`) asks, about what, and when."""
    text = fold(question).strip(" ?!.")
    first, _, rest = text.partition(" ")
    if first not in _WH and len(first) >= 3:  # "wen did ...", "whne was ..."
        near = [w for w in _WH if DamerauLevenshtein.distance(first, w) == 1]
        if len(near) == 1:
            text = f"{near[0]} {rest}"
    dates = find_dates(question)
    given = dates[0].date if len(dates) == 1 else None
    if m := _EVENTS.match(text):
        when = parse_date(m.group("d"))
        if when is not None:
            return Asking("events", [], when)
    about = _ABOUT.match(text)
    if about and not re.search(r"\b(?:the (?:year|date|result|outcome)|happen)", text):
        subject = about.group("x") or about.group("y") or ""
        as_written = re.search(re.escape(subject), question, re.IGNORECASE)
        return Asking("about", words(subject, drop=_STOP | _QUESTION_WORDS), given,
                      as_written.group() if as_written else subject)
    wanted: Wanted = ("outcome" if _OUTCOME.search(text) else "date" if _DATE.search(text)
                      else "actor" if _ACTOR.search(text) else "any")
    role: Literal["subject", "object"] | None = None
    if wanted == "actor":
        auxiliary = re.search(r"\b(?:did|do|does)\b", " ".join(text.split()[1:5]))
        role = "object" if auxiliary else "subject"
    for mention in dates:  # the date it gives is a constraint, not words to match
        text = text.replace(fold(mention.text), " ")
    return Asking(wanted, words(text, drop=_STOP | _QUESTION_WORDS), given, role=role)


# ---------------------------------------------------------------------------------------------
# The index
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    fact: BankFact
    bank: Bank
    titles: dict[str, str]
    reliable: frozenset[str]


class Tutor:
    """Answers questions from the facts of some banks; build once, ask many times."""

    def __init__(self, banks: Sequence[Bank]) -> None:
        self.entries: list[_Entry] = []
        self._statement: dict[str, array] = {}  # key -> facts whose clause has it
        self._context: dict[str, array] = {}  # key -> facts whose own sentence has it
        self._others: dict[str, array] = {}  # key -> facts other documents' quotes have it
        self._length: list[int] = []  # keys in each fact's clause: shorter wins a tie
        self._dated: dict[int, array] = {}  # year -> date facts from that year
        self._names = {key(w) for c in COUNTRY_KEYS for w in c.split()}  # written capitalised
        self._key_of: dict[str, str] = {}  # every word the facts use -> its key
        seen: set[str] = set()
        cache: dict[str, list[str]] = {}
        for bank in banks:
            titles = {s.doc: s.title for s in bank.sources}
            reliable = frozenset(s.doc for s in bank.sources if s.reliability == "reliable")
            for fact in bank.facts:
                if fact.id in seen or not set(fact.sources) & reliable:
                    continue  # never answer from an unreliable document alone
                seen.add(fact.id)
                self._add(_Entry(fact, bank, titles, reliable), cache)
        self._spellings: dict[str, list[str]] = {}  # first letter -> words, for typos
        for word in sorted(self._key_of):
            self._spellings.setdefault(word[:1], []).append(word)
        self._count = max(len(self.entries), 1)

    def _add(self, entry: _Entry, cache: dict[str, list[str]]) -> None:
        index = len(self.entries)
        self.entries.append(entry)
        fact = entry.fact
        own = set(self._cached(fact.statement, cache))
        context: set[str] = set()
        others: set[str] = set()
        for n, evidence in enumerate(e for e in fact.evidence if e.doc in entry.reliable):
            # Its own sentence and the document's title ("the two countries" in "Iraq–Syria
            # relations"); other documents' sentences only help a paraphrase along.
            (context if n == 0 else others).update(
                self._cached(evidence.quote, cache)
                + self._cached(entry.titles.get(evidence.doc, ""), cache))
        self._length.append(len(own))
        year = re.search(r"(\d{2,4})(X*)", fact.value) if fact.kind == "date" else None
        if year and not fact.inferred:
            self._dated.setdefault(int(year.group(1) + "0" * len(year.group(2))),
                                   array("I")).append(index)
        for postings, keys in ((self._statement, own), (self._context, context - own),
                               (self._others, others - context - own)):
            for word in keys:
                postings.setdefault(word, array("I")).append(index)

    def _cached(self, text: str, cache: dict[str, list[str]]) -> list[str]:
        if text not in cache:
            written = words(text)
            cache[text] = [key(w) for w in written]
            self._key_of.update(zip(written, cache[text], strict=True))
            # Capitalised words inside a sentence are names (its first word may be anything).
            self._names.update(key(w) for w in words(" ".join(_NAME.findall(text))))
        return cache[text]

    # -- asking ------------------------------------------------------------------------------

    def ask(self, question: str) -> Reply:
        question = clean_input(question, limit=300)
        asking = read_question(question)
        if asking.wanted == "events":
            return self._events(question, asking)
        terms = list(dict.fromkeys(self._known(w) for w in asking.words))
        edge = terms[-1] if asking.wanted == "date" and terms and terms[-1] in (
            _BEGIN, _END) else None  # "when did X begin?": the start of X's dates
        scored = self._score(terms)
        total = sum(self._idf(r) for r in terms) or 1.0
        if edge:  # a period's start is when it began, whether or not a word says so
            bonus = STATEMENT * self._idf(edge)
            for index, score in scored.items():
                if score + bonus >= ANSWER_AT * total and not self._has(index, edge) and (
                    self._spans(index)
                ):
                    scored[index] += bonus
        names = [r for r in terms if r in self._names]
        # Best first; a tie goes to the shorter clause, then to the earlier fact.
        best = heapq.nlargest(RANKED, scored, key=scored.__getitem__)
        ranked = sorted(((i, scored[i]) for i in best), key=lambda item: (
            -round(item[1], 6), self._length[item[0]], item[0]))
        if asking.wanted == "about":
            return self._about(question, asking, terms, ranked)
        eligible: list[_Entry] = []
        for index, score in ranked:
            if len(eligible) == 10:
                break
            entry = self.entries[index]
            if score / total < ANSWER_AT:
                break
            if asking.wanted != "any" and entry.fact.kind != asking.wanted:
                continue
            if not self._mentions(index, names):
                continue
            if entry.fact.kind != "date" and set(_keys(entry.fact.answer)) <= set(terms):
                continue  # the question names it already: it asks about something else
            if self._missing(index, terms) > MISSING * total:
                continue  # a word that matters is not there: a different event
            if self._agrees(entry, asking.date):
                eligible.append(entry)
        if not eligible:
            return self._decline(question, asking, [i for i, _ in ranked[:20]])
        fitting = [e for e in eligible if asking.role is None
                   or _answer_role(e.fact, terms) == asking.role]
        return self._answer(question, asking, (fitting or eligible)[0], edge)

    def _missing(self, index: int, terms: list[str]) -> float:
        """The weight of the rarest question word the fact does not have."""
        return max((self._idf(r) for r in terms
                    if self._df(r)  # words no fact has only lower the coverage
                    and not self._has(index, r, everywhere=True)
                    and not (r in (_BEGIN, _END) and self._spans(index))), default=0.0)

    def _has(self, index: int, word: str, everywhere: bool = False) -> bool:
        """Whether the fact's sentence has the word (or, `everywhere`, any of its quotes)."""
        return any(_holds(postings.get(word, _EMPTY), index) for postings in (
            self._statement, self._context) + ((self._others,) if everywhere else ()))

    def _spans(self, index: int) -> bool:
        """A date fact that is a period: "2016–2024", "since 2013"."""
        fact = self.entries[index].fact
        when = parse_date(fact.answer) if fact.kind == "date" else None
        return when is not None and (when.end is not None or when.bound in ("since", "after"))

    def _known(self, word: str) -> str:
        """The key a learner's word is indexed under: its own, or the word it misspells."""
        own = key(word)
        if self._df(own):
            return own
        allowed = 0 if len(word) <= 4 else 1 if len(word) <= 8 else 2
        if allowed:
            match = process.extractOne(word, self._spellings.get(word[:1], []),
                                       scorer=DamerauLevenshtein.distance,
                                       score_cutoff=allowed)
            if match and same_word(word, match[0]):
                return self._key_of[match[0]]
        return own

    def _df(self, word: str) -> int:
        """How many facts have the word (an upper bound: one can be in two lists)."""
        return sum(len(p.get(word, ())) for p in (self._statement, self._context,
                                                   self._others))

    def _idf(self, word: str) -> float:
        return math.log(1 + self._count / (self._df(word) + 0.5))

    def _score(self, terms: Iterable[str]) -> dict[int, float]:
        """idf-weighted words of the question each fact covers.

        Only facts with one of the rarer words can reach ANSWER_AT: the common words left
        over weigh too little. So the rarer words' lists find the candidates; those that
        could not reach it even with every common word are dropped (but for a few, the
        closest, when none can); the common words' long lists are looked up for the rest.
        """
        unique = [w for w in sorted(set(terms), key=self._df) if self._df(w)]
        weights = {word: self._idf(word) for word in unique}
        needed = ANSWER_AT * sum(self._idf(w) for w in set(terms))
        left = sum(weights.values())  # what facts without the finding words can still reach
        hopeless = left < needed  # no fact can answer: only the closest are wanted
        finding: list[str] = []
        for word in unique:
            if left < needed and finding:  # (at least one finds the closest facts)
                break
            finding.append(word)
            left -= weights[word]
        scores: dict[int, float] = {}
        for word in finding:
            for postings, weight in self._lists(word):
                points = weight * weights[word]
                for index in postings[:CLOSEST_SCAN] if hopeless else postings:
                    scores[index] = scores.get(index, 0.0) + points
        able = {i: s for i, s in scores.items() if s + left >= needed}
        scores = able or {i: scores[i] for i in heapq.nlargest(RANKED, scores,
                                                                 key=scores.__getitem__)}
        for word in unique[len(finding):]:
            for postings, weight in self._lists(word):
                points = weight * weights[word]
                if len(postings) < 8 * len(scores):  # walking the list is cheaper
                    for index in postings:
                        if index in scores:
                            scores[index] += points
                else:
                    for index in scores:
                        if _holds(postings, index):
                            scores[index] += points
        return scores

    def _lists(self, word: str) -> Iterable[tuple[array, float]]:
        """The facts that have the word, in the clause, the sentence, other sentences."""
        for postings, weight in ((self._statement, STATEMENT), (self._context, CONTEXT),
                                 (self._others, OTHERS)):
            if word in postings:
                yield postings[word], weight

    def _mentions(self, index: int, names: list[str]) -> bool:
        return all(self._has(index, name) for name in names)

    def _agrees(self, entry: _Entry, given: PartialDate | None) -> bool:
        """A date the question gives must agree with one the fact's own sentence gives."""
        if given is None:
            return True
        quote = next(e.quote for e in entry.fact.evidence if e.doc in entry.reliable)
        found = [m.date for m in find_dates(quote)] if _DATED.search(quote) else []
        if entry.fact.kind == "date":
            found.append(parse_date(entry.fact.answer) or given)
        return any(given.compatible(d) for d in found if d.has_year or not given.has_year)

    # -- replies -----------------------------------------------------------------------------

    def _found(self, entry: _Entry) -> FoundFact:
        fact = entry.fact
        evidence = _direct_quote(entry)
        docs = list(dict.fromkeys(d for d in fact.sources if d in entry.reliable))
        return FoundFact(id=fact.id, statement=fact.statement, answer=fact.answer,
                         kind=fact.kind, status=fact.status,
                         sources=[entry.titles.get(d, d) for d in docs],
                         independent=entry.bank.independent(docs),
                         evidence=Quote(quote=evidence.quote, doc=evidence.doc,
                                        title=entry.titles.get(evidence.doc, evidence.doc),
                                        status=fact.status))

    def _answer(self, question: str, asking: Asking, entry: _Entry,
                edge: str | None = None) -> Reply:
        found = self._found(entry)
        conflict = _conflict_of(entry)
        claims: list[Quote] = []
        unreliable: list[Quote] = []
        for claim in conflict.claims if conflict else []:
            quote = Quote(quote=claim.quote, doc=claim.doc, value=claim.value,
                          title=entry.titles.get(claim.doc, claim.doc), status=claim.status)
            (claims if claim.doc in entry.reliable and claim.status != "rejected"
             else unreliable).append(quote)
        disputed = entry.fact.status == "contested" or _disagree(
            [c.value for c in claims], entry.fact.kind)
        if disputed:
            return Reply(question=question, verdict="disputed", asked=asking.wanted,
                         facts=[found], claims=claims or [found.evidence],
                         unreliable=unreliable,
                         note="The sources disagree on this; each claim is shown.")
        return Reply(question=question, verdict="answered", asked=asking.wanted,
                     answer=_edge(entry.fact.answer, edge), facts=[found],
                     unreliable=unreliable)

    def _decline(self, question: str, asking: Asking, ranked: list[int]) -> Reply:
        return Reply(question=question, verdict="declined", asked=asking.wanted,
                     closest=self._distinct(ranked, CLOSEST),
                     note="Nothing in the verified facts answers that.")

    def _distinct(self, indices: Iterable[int], limit: int) -> list[FoundFact]:
        """Facts to show, one per quote: a sentence stating three facts is shown once."""
        shown: dict[str, FoundFact] = {}
        for index in indices:
            found = self._found(self.entries[index])
            shown.setdefault(found.evidence.quote, found)
            if len(shown) == limit:
                break
        return list(shown.values())

    def _events(self, question: str, asking: Asking) -> Reply:
        """"What happened in November 1979?": dated facts inside that period."""
        assert asking.date is not None
        period = asking.date.interval()
        years = range(period[0].year, period[1].year + 1) if period else range(0)
        hits: list[_Entry] = []
        quotes: set[str] = set()
        for index in sorted(i for y in years for i in self._dated.get(y, ()))[:10_000]:
            entry = self.entries[index]
            when = parse_date(entry.fact.answer)
            if when is None or not asking.date.contains(when):
                continue
            quote = _direct_quote(entry).quote
            if quote not in quotes:  # a sentence stating two dated facts is shown once
                quotes.add(quote)
                hits.append(entry)
        if not hits:
            return Reply(question=question, verdict="declined", asked="events",
                         note=f"No verified fact is dated {asking.date.display()}.")
        facts = [self._found(e) for e in hits[:5]]
        return Reply(question=question, verdict="answered", asked="events", facts=facts,
                     note=f"{len(hits)} verified fact{'s' if len(hits) > 1 else ''} dated "
                          f"{asking.date.display()}" + (", the first 5:" if len(hits) > 5
                                                        else ":"))

    def _about(self, question: str, asking: Asking, terms: list[str],
               ranked: list[tuple[int, float]]) -> Reply:
        """"Who is X?": the facts that mention every word of X, and the title they give."""
        hits = [i for i, _ in ranked if terms and self._mentions(i, terms)]
        if not hits:
            return self._decline(question, asking, [i for i, _ in ranked[:20]])
        facts = self._distinct(hits, 3)
        # The title the documents give: the longest actor naming X, spelled as asked first.
        spelled = set(words(asking.subject))
        described = [(spelled <= set(words(e.fact.answer)), len(e.fact.answer), e.fact.answer)
                     for e in (self.entries[i] for i in hits)
                     if e.fact.kind == "actor" and set(terms) <= set(_keys(e.fact.answer))]
        answer = max(described, default=(False, 0, ""))[2]
        return Reply(question=question, verdict="answered", asked="about", answer=answer,
                     facts=facts, note=f"What the verified facts say of {asking.subject}:")


def _edge(answer: str, edge: str | None) -> str:
    """The start (or end) of a period, for "when did it begin?": "since 2013" → 2013."""
    when = parse_date(answer) if edge else None
    if when is None:
        return answer
    if edge == _BEGIN and (when.end is not None or when.bound in ("since", "after")):
        return replace(when, end=None, bound=None).display()
    if edge == _END and when.end is not None:
        return when.end.display()
    return answer


def _direct_quote(entry: _Entry) -> Evidence:
    """The most direct reliable quote: the shortest that states the answer as the fact does."""
    reliable = [e for e in entry.fact.evidence if e.doc in entry.reliable]
    stating = [e for e in reliable if fold(entry.fact.answer) in fold(e.quote)]
    return min(stating, key=lambda e: len(e.quote)) if stating else reliable[0]


def _holds(postings: array, index: int) -> bool:
    at = bisect_left(postings, index)
    return at < len(postings) and postings[at] == index


def _answer_role(fact: BankFact, terms: list[str]) -> str | None:
    """Whether the answer stands before the question's words in the clause (or after "by",
    as in "led by HTS"): the one who did it; else the one it was done to."""
    statement, answer = fold(fact.statement), fold(fact.answer)
    at = statement.find(answer)
    if at < 0:
        return None
    asked = set(terms) - set(_keys(fact.answer))
    first = next((m.start() for m in re.finditer(r"[\w'-]+", statement)
                  if asked & set(_keys(m.group()))), None)
    if first is None:
        return None
    before = statement[:at].rstrip()
    return "subject" if at < first or before.endswith(" by") else "object"


def _conflict_of(entry: _Entry) -> ConflictReport | None:
    quotes = {e.quote for e in entry.fact.evidence}
    for conflict in entry.bank.conflicts:
        if conflict.kind == entry.fact.kind and (
            conflict.about == entry.fact.event or any(c.quote in quotes
                                                      for c in conflict.claims)
        ):
            return conflict
    return None


def _disagree(values: list[str], kind: str) -> bool:
    """Reliable claims disagree unless they are one date at different precisions."""
    if len(set(values)) < 2:
        return False
    if kind != "date":
        return True
    dates = [parse_date(v) for v in values]
    if any(d is None for d in dates):
        return True
    return not all(a.compatible(b) for a in dates for b in dates if a and b)
