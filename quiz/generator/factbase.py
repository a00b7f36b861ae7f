"""The fact base: documents in, verified facts out (reading, claims, verification)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from quiz.generator.claims import Claim, extract_claims, load_nlp, worth_parsing
from quiz.generator.corpus import Document, DocumentError, read_documents
from quiz.generator.verify import Report, find_overrides, load_overrides, verify
from quiz.models import (
    ConflictClaim,
    ConflictReport,
    DocumentReport,
    Evidence,
    FactReport,
    FactsReport,
)

if TYPE_CHECKING:
    from spacy.language import Language


class Progress(Protocol):
    """Where long stages report how far they are (a progress bar, or nothing)."""

    def start(self, stage: str, total: int) -> None: ...
    def advance(self, n: int = 1) -> None: ...


@dataclass
class FactBase:
    report: Report
    problems: list[DocumentError]
    claims: list[Claim]
    documents: list[Document] = field(default_factory=list)
    entities: Counter[tuple[str, str]] = field(default_factory=Counter)  # (label, text) seen
    parses: dict[str, bytes] = field(default_factory=dict)  # sentence text → its parse
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


def build_fact_base(sources: Sequence[Path | str], *, sources_file: Path | None = None,
                    nlp: Language | None = None, progress: Progress | None = None) -> FactBase:
    """Read, extract and verify. Bad documents are reported in `problems`, not raised."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    overrides = load_overrides(sources_file) if sources_file else find_overrides(sources)
    documents, problems = read_documents(sources)
    timings["read"] = time.perf_counter() - started
    entities: Counter[tuple[str, str]] = Counter()
    parses: dict[str, bytes] = {}
    claims: list[Claim] = []
    if documents:  # nothing read (a user's mistake): no need to load spaCy to say so
        if nlp is None:
            mark = time.perf_counter()
            nlp = load_nlp()
            timings["load_spacy"] = time.perf_counter() - mark
        mark = time.perf_counter()
        if progress is not None:
            progress.start("Reading sentences", sum(
                worth_parsing(s) for d in documents for s in d.sentences))
        claims = extract_claims(documents, nlp, entities=entities, parses=parses,
                                progress=progress.advance if progress else None)
        timings["claims"] = time.perf_counter() - mark
    mark = time.perf_counter()
    report = verify(documents, claims, overrides)
    timings["verify"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    return FactBase(report, problems, claims, documents, entities=entities, timings=timings,
                    parses=parses)


def to_model(report: Report) -> FactsReport:
    """The report in its published JSON shape."""
    facts = [
        FactReport(
            id=f.id, kind=f.kind, statement=f.statement, event=f.event, answer=f.answer,
            value=f.value, status=f.status, sources=f.sources, inferred=f.inferred,
            evidence=evidence_of(report, f.claims),
        )
        for f in report.facts
    ]
    status_of = {id(c): f.status for f in report.facts for c in f.claims}
    conflicts = [
        ConflictReport(
            about=c.about, kind=c.kind,
            claims=[
                ConflictClaim(
                    value=cl.date.display() if cl.date else cl.answer, doc=cl.doc,
                    quote=report.quote(cl), status=status_of.get(id(cl), "rejected"),
                )
                for cl in _one_per_quote(c.claims)
            ],
        )
        for c in report.conflicts
    ]
    documents = [
        DocumentReport(doc=j.doc, title=j.title, sha256=j.sha256, reliability=j.reliability,
                       reasons=j.reasons, copies=j.copies)
        for j in report.documents
    ]
    return FactsReport(documents=documents, facts=facts, conflicts=conflicts)


def evidence_of(report: Report, claims: list[Claim]) -> list[Evidence]:
    return [
        Evidence(doc=c.doc, quote=report.quote(c), start=c.quote_start, end=c.quote_end)
        for c in _one_per_quote(claims)
    ]


def _one_per_quote(claims: list[Claim]) -> list[Claim]:
    """Claims that rest on one quote (a sentence and its clause) are shown once."""
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for c in claims:
        key = (c.doc, c.quote_start, c.quote_end)
        if key not in seen:
            seen.add(key)
            kept.append(c)
    return kept
