"""Verification: match claims about one event across documents, and judge them.

1. Copies: a document most of whose sentences stand in another is not independent of it;
   documents that copy each other form one independence group and count once.
2. Events: claims of one kind are matched by the content keys they share (IDF-weighted
   overlap), found through an inverted index so matching stays near-linear.
3. Agreement: within an event, claims agree when their values are compatible (dates: one
   interval inside the other) and conflict when they cannot both be true.
4. Reliability: a document whose claims conflict with what independent others corroborate is
   judged unreliable, one document at a time, until nothing changes; a sources file may
   override any judgement.
5. Facts: each group of agreeing claims becomes a fact: corroborated (two or more
   independent reliable documents), single-source, contested (a reliable document disagrees),
   or rejected (only unreliable documents state it).
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from quiz.generator.claims import Claim
from quiz.generator.corpus import Document
from quiz.models import Kind, Status
from quiz.textnorm import are_opposites, fold

# Share of the smaller event's key weight two claims must share to be about one event.
# Claims that agree need less than claims that would contradict each other: a false
# conflict costs a document its reliability, a false agreement only merges two quotes.
AGREE_THRESHOLD = 0.45
CONFLICT_THRESHOLD = 0.6
CONFLICT_MIN_SHARED = 3
COPY_SHARE = 0.5  # share of a document's sentences found in another that makes it a copy
SHINGLE = 5  # words per shingle when looking for copied sentences
SOURCES_FILE = "sources.toml"


class SourcesFileError(Exception):
    """The sources file cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class Override:
    reliability: str | None = None  # reliable | unreliable
    reason: str = ""
    title: str | None = None


@dataclass
class Judgement:
    doc: str
    title: str
    sha256: str
    reliability: str = "reliable"
    reasons: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)  # documents this one is not independent of
    overridden: bool = False


@dataclass
class Fact:
    id: str
    kind: Kind
    statement: str
    event: str
    answer: str
    value: str
    status: Status
    sources: list[str]
    claims: list[Claim]
    inferred: bool = False

    @property
    def representative(self) -> Claim:
        return self.claims[0]


@dataclass
class Conflict:
    about: str
    kind: Kind
    claims: list[Claim]
    facts: list[str]  # ids of the facts that disagree


@dataclass
class Report:
    documents: list[Judgement]
    facts: list[Fact]
    conflicts: list[Conflict]
    texts: dict[str, str]  # document id -> its full text, for quoting

    def quote(self, claim: Claim) -> str:
        return self.texts[claim.doc][claim.quote_start : claim.quote_end]


# ---------------------------------------------------------------------------------------------
# Sources file
# ---------------------------------------------------------------------------------------------


def load_overrides(path: Path) -> dict[str, Override]:
    """Read a sources file: [documents.ID] reliability = "...", reason = "...", title = "..."."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise SourcesFileError(f"{path}: cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise SourcesFileError(f"{path}: not valid TOML ({error})") from None
    overrides: dict[str, Override] = {}
    documents = data.get("documents", {})
    if not isinstance(documents, dict):
        raise SourcesFileError(f"{path}: [documents] must be a table of document ids")
    for doc_id, entry in documents.items():
        if not isinstance(entry, dict):
            raise SourcesFileError(f"{path}: documents.{doc_id} must be a table")
        reliability = entry.get("reliability")
        if reliability not in (None, "reliable", "unreliable"):
            raise SourcesFileError(
                f"{path}: documents.{doc_id}.reliability must be \"reliable\" or \"unreliable\""
            )
        if reliability and not str(entry.get("reason", "")).strip():
            raise SourcesFileError(f"{path}: documents.{doc_id} needs a reason for its judgement")
        overrides[doc_id] = Override(reliability, str(entry.get("reason", "")).strip(),
                                     entry.get("title"))
    return overrides


def find_overrides(sources: Iterable[Path | str]) -> dict[str, Override]:
    """Overrides from a sources.toml in any source folder (or given as a source)."""
    overrides: dict[str, Override] = {}
    for source in sources:
        path = Path(source)
        candidate = path / SOURCES_FILE if path.is_dir() else path
        if candidate.name == SOURCES_FILE and candidate.is_file():
            overrides.update(load_overrides(candidate))
    return overrides


# ---------------------------------------------------------------------------------------------
# Copies
# ---------------------------------------------------------------------------------------------


def find_copies(documents: list[Document]) -> dict[str, set[str]]:
    """For each document, the documents it copies (most of its sentences stand there)."""
    owners: dict[int, set[str]] = defaultdict(set)
    shingles_of: dict[str, list[set[int]]] = {}
    for doc in documents:
        per_sentence = []
        for sentence in doc.sentences:
            if sentence.kind == "field":
                continue
            words = re.findall(r"\w+", fold(sentence.text))
            if len(words) < SHINGLE + 1:
                continue
            grams = {hash(tuple(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}
            per_sentence.append(grams)
            for g in grams:
                owners[g].add(doc.id)
        shingles_of[doc.id] = per_sentence
    copies: dict[str, set[str]] = defaultdict(set)
    for doc_id, sentences in shingles_of.items():
        if not sentences:
            continue
        found_in: Counter[str] = Counter()
        for grams in sentences:
            share: Counter[str] = Counter()
            for g in grams:
                for other in owners[g]:
                    if other != doc_id:
                        share[other] += 1
            for other, n in share.items():
                if n >= 0.6 * len(grams):
                    found_in[other] += 1
        for other, n in found_in.items():
            if n >= COPY_SHARE * len(sentences):
                copies[doc_id].add(other)
    return copies


def independence_groups(doc_ids: list[str], copies: dict[str, set[str]]) -> dict[str, str]:
    """Each document's group: documents linked by copying share one (the first by id)."""
    parent = {d: d for d in doc_ids}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for doc_id, others in copies.items():
        for other in others:
            a, b = sorted((root(doc_id), root(other)))
            parent[b] = a
    return {d: root(d) for d in doc_ids}


# ---------------------------------------------------------------------------------------------
# Matching claims into events
# ---------------------------------------------------------------------------------------------


class _Weights:
    def __init__(self, claims: list[Claim]) -> None:
        df = Counter(k for c in claims for k in c.keys)
        n = max(len(claims), 1)
        self.idf = {k: math.log(1 + n / d) for k, d in df.items()}
        # The corpus's commonest keys ("Iraq", "Syria") never identify an event on their own.
        ranked = sorted(df, key=lambda k: (-df[k], k))
        self.common = set(ranked[: max(3, len(ranked) // 50)])

    def weight(self, keys: Iterable[str]) -> float:
        return sum(self.idf.get(k, 0.0) for k in keys)

    def similarity(self, a: Claim, b: Claim) -> float:
        shared = a.keys & b.keys
        if len(shared) < 2 or not (shared - self.common):
            return 0.0
        if a.agent and b.agent and not (a.agent & b.agent):
            return 0.0  # different actors: different events
        return self.weight(shared) / max(min(self.weight(a.keys), self.weight(b.keys)), 1e-9)


def match_events(claims: list[Claim], weights: _Weights) -> list[list[Claim]]:
    """Group claims of one kind that are about the same event (clusters, in claim order)."""
    clusters: list[list[Claim]] = []
    index: dict[str, list[int]] = defaultdict(list)
    for claim in claims:
        # Keys found in very many clusters ("Iraq") find no useful candidates; skipping
        # them keeps matching near-linear in the number of claims.
        candidates = {i for k in claim.keys if len(index[k]) <= POSTING_LIMIT for i in index[k]}
        best, best_sim = None, 0.0
        for i in sorted(candidates):
            members = clusters[i]
            if any(m.doc == claim.doc and not agree(m, claim) for m in members):
                continue  # a document does not contradict itself: another event
            sim = max(_match_strength(weights, claim, m) for m in members)
            if sim > best_sim:
                best, best_sim = i, sim
        if best is None:
            clusters.append([claim])
            best = len(clusters) - 1
        else:
            clusters[best].append(claim)
        for k in claim.keys:
            if not index[k] or index[k][-1] != best:
                index[k].append(best)
    return clusters


POSTING_LIMIT = 200


def _match_strength(weights: _Weights, claim: Claim, other: Claim) -> float:
    """The similarity of two claims if it is enough to call them one event, else 0."""
    sim = weights.similarity(claim, other)
    if agree(claim, other):
        return sim if sim >= AGREE_THRESHOLD else 0.0
    shared = len(claim.keys & other.keys)
    return sim if sim >= CONFLICT_THRESHOLD and shared >= CONFLICT_MIN_SHARED else 0.0


def agree(a: Claim, b: Claim) -> bool:
    """Two claims about one event say the same thing."""
    if a.kind == "date" and a.date and b.date:
        # "since 2014" contains nearly every later date: an open bound is too weak to
        # corroborate anything but the same bound.
        return a.date.bound == b.date.bound and a.date.compatible(b.date)
    if a.kind == "actor":
        wa, wb = set(a.value.split()), set(b.value.split())
        return bool(wa and wb) and (wa <= wb or wb <= wa)
    if a.kind == "outcome":
        if a.value == b.value:
            return True
        union = a.answer_keys | b.answer_keys
        return bool(union) and len(a.answer_keys & b.answer_keys) / len(union) >= 0.3
    return a.value == b.value


def conflict(a: Claim, b: Claim) -> bool:
    """Two claims about one event cannot both be true."""
    if a.kind == "date" and a.date and b.date:
        return not a.date.compatible(b.date)
    if a.kind == "outcome":
        return are_opposites(a.value, b.value)
    return False  # several actors may share one deed


def _agreement_classes(cluster: list[Claim]) -> list[list[Claim]]:
    classes: list[list[Claim]] = []
    for claim in cluster:
        home = next((c for c in classes if all(agree(claim, m) for m in c)), None)
        if home is None:
            classes.append([claim])
        else:
            home.append(claim)
    return classes


# ---------------------------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------------------------


@dataclass
class _Event:
    classes: list[list[Claim]]
    conflicts: list[tuple[int, int]]  # pairs of class indices that disagree


def verify(documents: list[Document], claims: list[Claim],
           overrides: dict[str, Override] | None = None) -> Report:
    overrides = overrides or {}
    doc_ids = [d.id for d in documents]
    copies = find_copies(documents)
    group = independence_groups(doc_ids, copies)
    events: list[_Event] = []
    for kind in ("date", "actor", "outcome"):
        of_kind = [c for c in claims if c.kind == kind]
        weights = _Weights(of_kind)
        for cluster in match_events(of_kind, weights):
            classes = _agreement_classes(cluster)
            # Only claims that match each other strongly can contradict each other; a chain
            # of weaker matches is not evidence of one event.
            pairs = [
                (i, j) for i in range(len(classes)) for j in range(i + 1, len(classes))
                if any(conflict(a, b) and _match_strength(weights, a, b) > 0
                       for a in classes[i] for b in classes[j])
            ]
            events.append(_Event(classes, pairs))

    judgements = {
        d.id: Judgement(d.id, _title(d, overrides), d.sha256) for d in documents
    }
    for doc_id, others in copies.items():
        judgements[doc_id].copies = sorted(others)
    unreliable = _judge_reliability(doc_ids, events, group, overrides, judgements)

    facts: list[Fact] = []
    conflicts: list[Conflict] = []
    for event in events:
        made = [_fact(cls, event, i, unreliable, group) for i, cls in enumerate(event.classes)]
        facts.extend(made)
        if event.conflicts:
            involved = sorted({i for pair in event.conflicts for i in pair})
            members = [c for i in involved for c in event.classes[i]]
            conflicts.append(Conflict(
                about=made[involved[0]].event, kind=made[involved[0]].kind,
                claims=sorted(members, key=lambda c: (c.doc, c.quote_start)),
                facts=[made[i].id for i in involved],
            ))
    facts = _unique_ids(facts)
    facts.sort(key=lambda f: (_STATUS_ORDER[f.status], f.kind, f.representative.doc,
                              f.representative.quote_start, f.id))
    return Report(
        documents=[judgements[d] for d in doc_ids],
        facts=facts,
        conflicts=conflicts,
        texts={d.id: d.text for d in documents},
    )


_STATUS_ORDER = {"corroborated": 0, "single-source": 1, "contested": 2, "rejected": 3}


def _title(doc: Document, overrides: dict[str, Override]) -> str:
    override = overrides.get(doc.id)
    return override.title if override and override.title else doc.title


def _support(claims: Iterable[Claim], group: dict[str, str], unreliable: set[str]) -> set[str]:
    return {group[c.doc] for c in claims if c.doc not in unreliable}


def _judge_reliability(doc_ids: list[str], events: list[_Event], group: dict[str, str],
                       overrides: dict[str, Override],
                       judgements: dict[str, Judgement]) -> set[str]:
    """Mark unreliable, one at a time, the document that most contradicts corroborated facts."""
    unreliable = {d for d in doc_ids
                  if overrides.get(d) and overrides[d].reliability == "unreliable"}
    fixed = {d for d in doc_ids if overrides.get(d) and overrides[d].reliability}
    while True:
        marks: dict[str, list[str]] = defaultdict(list)
        agreements: Counter[str] = Counter()
        for event in events:
            for cls in event.classes:
                support = _support(cls, group, unreliable)
                for c in cls:
                    if support - {group[c.doc]}:
                        agreements[c.doc] += 1
            for i, j in event.conflicts:
                for strong, weak in ((i, j), (j, i)):
                    s_cls, w_cls = event.classes[strong], event.classes[weak]
                    support = _support(s_cls, group, unreliable)
                    for c in w_cls:
                        if c.doc in unreliable or len(support - {group[c.doc]}) < 2:
                            continue
                        marks[c.doc].append(_conflict_reason(c, s_cls, unreliable, group))
        worst = None
        for doc_id in doc_ids:
            if doc_id in fixed or doc_id in unreliable:
                continue
            n = len(set(marks[doc_id]))
            judged_unreliable = n >= 2 or (n == 1 and agreements[doc_id] <= n)
            if judged_unreliable and (worst is None or n > len(set(marks[worst]))):
                worst = doc_id
        if worst is None:
            break
        unreliable.add(worst)
        judgements[worst].reasons = sorted(set(marks[worst]))

    for doc_id in doc_ids:
        judgement = judgements[doc_id]
        override = overrides.get(doc_id)
        if override and override.reliability:
            judgement.overridden = True
            judgement.reasons = [f"set in {SOURCES_FILE}: {override.reason}"]
        elif doc_id not in unreliable:
            agreed = sum(
                1 for e in events for cls in e.classes
                if any(c.doc == doc_id for c in cls)
                and _support(cls, group, unreliable) - {group[doc_id]}
            )
            judgement.reasons = [f"agrees with independent sources on {agreed} facts and "
                                 "contradicts no corroborated fact"]
        if judgement.copies:
            judgement.reasons.append(
                f"copies {', '.join(judgement.copies)}: most of its sentences stand there, so it "
                "does not count as an independent source"
            )
        judgement.reliability = "unreliable" if doc_id in unreliable else "reliable"
    return unreliable


def _conflict_reason(claim: Claim, strong: list[Claim], unreliable: set[str],
                     group: dict[str, str]) -> str:
    by_group: dict[str, str] = {}
    for c in sorted(strong, key=lambda c: c.doc):
        if c.doc not in unreliable:
            by_group.setdefault(group[c.doc], c.doc)
    their = _representative(strong).date
    their_text = their.display() if their else strong[0].answer
    mine = claim.date.display() if claim.date else claim.answer
    return (f"says {mine} for “{claim.event}”, where {len(by_group)} independent sources "
            f"({', '.join(sorted(by_group.values()))}) say {their_text}")


def _fact(cls: list[Claim], event: _Event, index: int, unreliable: set[str],
          group: dict[str, str]) -> Fact:
    reliable = [c for c in cls if c.doc not in unreliable]
    members = sorted(reliable or cls, key=lambda c: (c.doc, c.quote_start))
    rep = _representative(members)
    rivals = [j if i == index else i for i, j in event.conflicts if index in (i, j)]
    contested = bool(reliable) and any(
        any(c.doc not in unreliable for c in event.classes[r]) for r in rivals
    )
    support = _support(cls, group, unreliable)
    status: Status
    if not reliable:
        status = "rejected"
    elif contested:
        status = "contested"
    elif len(support) >= 2:
        status = "corroborated"
    else:
        status = "single-source"
    answer = rep.date.display() if rep.date else rep.answer
    digest = hashlib.sha1(
        f"{rep.kind}|{rep.doc}|{rep.statement}|{rep.value}".encode()
    ).hexdigest()[:12]
    return Fact(
        id=f"{rep.kind[0]}-{digest}", kind=rep.kind, statement=rep.statement, event=rep.event,
        answer=answer, value=rep.value, status=status,
        sources=sorted({c.doc for c in members}),
        claims=[rep] + [c for c in members if c is not rep],
        inferred=rep.inferred,
    )


def _representative(members: list[Claim]) -> Claim:
    """The claim that speaks for a fact: the most precise date, stated rather than inferred."""
    def rank(c: Claim) -> tuple:
        if c.date:
            return (c.date.inferred, c.date.bound is not None,
                    ["day", "month", "year", "decade", "century"].index(c.date.precision.value))
        return (False, False, 0)
    return min(members, key=rank)


def _unique_ids(facts: list[Fact]) -> list[Fact]:
    seen: Counter[str] = Counter()
    for f in facts:
        seen[f.id] += 1
        if seen[f.id] > 1:
            f.id = f"{f.id}-{seen[f.id]}"
    return facts
