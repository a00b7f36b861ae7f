"""Bank generation: documents → verified facts → questions → a Bank (uses spaCy)."""

from __future__ import annotations

import hashlib
import math
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.generator.claims import RESULT_LINKS, alias_pairs, load_nlp
from quiz.generator.distractors import WANTED, date_options, name_options, outcome_options, rng_for
from quiz.generator.factbase import FactBase, Progress, build_fact_base, evidence_of, to_model
from quiz.generator.questions import ASKABLE, Draft, draft_questions
from quiz.models import (
    BANK_SCHEMA,
    KINDS,
    STATUSES,
    Bank,
    BankFact,
    BankSource,
    GenerationSummary,
    Question,
)
from quiz.textnorm import COUNTRY_KEYS, DEMONYMS, name_key

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class Generation:
    bank: Bank
    fact_base: FactBase
    skipped: Counter[str]  # reason -> facts not asked for it
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> GenerationSummary:
        report = self.fact_base.report
        facts = Counter(f.status for f in report.facts)
        kinds = Counter(q.kind for q in self.bank.questions)
        return GenerationSummary(
            documents=len(report.documents),
            unreliable=[j.doc for j in report.documents if j.reliability == "unreliable"],
            facts={status: facts[status] for status in STATUSES},
            questions={kind: kinds[kind] for kind in KINDS},
            typed_only=sum(not q.choices for q in self.bank.questions),
            skipped=dict(self.skipped.most_common()),
            seconds=self.timings.get("total", 0.0),
        )


def generate(sources: Sequence[Path | str], *, title: str, sources_file: Path | None = None,
             nlp: Language | None = None, progress: Progress | None = None) -> Generation:
    started = time.perf_counter()
    if nlp is None:
        nlp = load_nlp()
    base = build_fact_base(sources, sources_file=sources_file, nlp=nlp, progress=progress)
    mark = time.perf_counter()
    aliases = alias_pairs(base.documents)
    people = [text for (label, text) in base.entities if label == "PERSON"]
    drafting = draft_questions(base.report.facts, base.documents, nlp, aliases, people,
                               base.parses)
    questions = _balanced(_with_options(drafting.drafts, base, drafting.skipped, aliases),
                          drafting.skipped)
    timings = dict(base.timings)
    timings["questions"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    return Generation(_bank(title, base, questions), base, drafting.skipped, timings)


# No answer keys more than this share of a bank: a learner would learn to answer "Iraq".
MAX_ANSWER_SHARE = 0.10


def _balanced(questions: list[Question], skipped: Counter[str]) -> list[Question]:
    """At most MAX_ANSWER_SHARE of the bank (and at least 3) per answer; corroborated facts
    are kept first, then in id order, so the choice is the same on every build."""
    cap = max(3, math.ceil(MAX_ANSWER_SHARE * len(questions)))
    ranked = sorted(questions, key=lambda q: (q.status != "corroborated", q.id))
    kept: set[str] = set()
    per_answer: Counter[str] = Counter()
    for q in ranked:
        per_answer[name_key(q.answer)] += 1
        if per_answer[name_key(q.answer)] <= cap:
            kept.add(q.id)
        else:
            skipped["answer shared by too many questions"] += 1
    return [q for q in questions if q.id in kept]


def question_id(fact_id: str) -> str:
    """Follows the fact: a regenerated bank keeps the ids of the facts it still holds."""
    return f"q-{fact_id}"


def _with_options(drafts: list[Draft], base: FactBase, skipped: Counter[str],
                  aliases: list[tuple[str, str]]) -> list[Question]:
    pools = _name_pools(base, aliases)
    named_in = _names_by_document(base, pools)
    outcomes = _outcome_pool(base, drafts)
    latest = max((c.date.year for c in base.claims if c.date and c.date.year), default=None)
    report = base.report
    questions = []
    for d in drafts:
        qid = question_id(d.fact.id)
        rng = rng_for(qid)
        if d.kind == "date":
            assert d.date is not None
            wrong = date_options(d.date, rng, latest=latest)
        elif d.kind == "actor":
            avoid = [*d.nearby, *d.accepted]
            avoid += [n for pair in aliases if set(map(name_key, pair)) & set(map(name_key, avoid))
                      for n in pair]
            pool = pools.get(d.answer_type, [])
            if re.fullmatch(r"[A-Z][a-z]+s", d.answer):  # "Seljuks": dynasties and peoples
                pool = pools["person"] + pools["group"]
            # Options come from the documents the question rests on, never from another topic
            # of the same bank (no Congo names for a French Revolution question).
            pool = [name for name in pool if any(name in named_in[doc] for doc in d.fact.sources)]
            wrong = name_options(d.answer, d.answer_type, pool, avoid=avoid, rng=rng)
            wrong = [w for w in wrong if not _named_in(w, d.prompt)]
        else:
            mine = {c.answer for c in d.fact.claims}
            wrong = outcome_options(d.answer, [o for o in outcomes if o not in mine], rng=rng)
        choices: list[str] = []
        if len(wrong) < WANTED and d.kind == "outcome":
            # A result is a long phrase: typed, only its exact words would be graded right.
            skipped["outcome with too few fair options"] += 1
            continue
        if len(wrong) >= WANTED:  # else never bad options: asked as typed recall instead
            choices = sorted([d.answer, *wrong[:WANTED]],
                             key=lambda c: hashlib.sha1(f"{qid}|{c}".encode()).hexdigest())
        questions.append(Question(
            id=qid, kind=d.kind, prompt=d.prompt, answer=d.answer, accepted=d.accepted,
            choices=choices, cloze=d.cloze, status=d.fact.status, sources=d.fact.sources,
            evidence=evidence_of(report, d.fact.claims), tags=_tags(d), fact=d.fact.id,
            answer_type=d.answer_type, value=d.value, passage=d.passage, form=d.form,
        ))
    return questions


def _named_in(option: str, prompt: str) -> bool:
    return f" {name_key(option)} " in f" {name_key(prompt)} "


def _name_pools(base: FactBase, aliases: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Names by answer type, most familiar first: the documents' actors, then the other
    names they mention often. A name the recogniser gives two types ("al-Qaim" is
    sometimes a person to it) is never an option; abbreviated names are groups."""
    types = {"PERSON": "person", "ORG": "group", "NORP": "group", "GPE": "country"}
    labels: dict[str, set[str]] = {}
    for (label, text), _ in base.entities.items():
        labels.setdefault(name_key(text), set()).add(label)
    abbreviated = {name_key(n) for pair in aliases for n in pair}
    # "the al-Qaim crossing": a name the text puts after "the" is a place or a thing.
    text = " ".join(s.text for d in base.documents for s in d.sentences)
    things = {name_key(m) for m in re.findall(r"\bthe ((?:al-)?[A-Z][\w'’-]+)", text)}
    counts: dict[str, Counter[str]] = {t: Counter() for t in ("person", "group", "country")}

    def add(label: str, name: str, weight: int) -> None:
        key = name_key(name)
        if len(labels.get(key, {label})) > 1 or (
            label == "PERSON" and (key in abbreviated or key in things)
        ):
            return
        counts[types[label]][name] += weight

    for c in base.claims:
        if c.kind == "actor" and c.label in types and _looks_like_name(c.answer) and (
            " and " not in c.answer  # a pair is not one name
        ):
            add(c.label, _clean_name(c.answer, c.role), 10)
    for (label, text), n in base.entities.items():
        often = n >= 3 or (label == "GPE" and name_key(text) in COUNTRY_KEYS)
        if label in types and label != "NORP" and often and _looks_like_name(text):
            add(label, _clean_name(text, None), n)
        elif label == "NORP" and re.fullmatch(r"[A-Z][a-z]+s", text) and (
            name_key(text) not in DEMONYMS
        ):
            # Dynasties and peoples ("the Buyids"): options for "Who moved into Syria?"
            counts["person"][text] += n
            counts["group"][text] += n
    return {t: [name for name, _ in sorted(c.items(), key=lambda x: (-x[1], x[0]))]
            for t, c in counts.items()}


def _clean_name(text: str, role: str | None) -> str:
    if role and role != "object" and text.startswith(role):
        text = text[len(role):].strip(" ,")
    text = text.removesuffix("'s").removesuffix("’s")
    return text[4:] if text.lower().startswith("the ") else text


def _names_by_document(base: FactBase, pools: dict[str, list[str]]) -> dict[str, set[str]]:
    """Which of the pools' names each document's text holds: each text scanned once for all
    names, not once per question."""
    names = {name for pool in pools.values() for name in pool}
    found: dict[str, set[str]] = {}
    for doc in base.documents:
        text = " ".join(s.text for s in doc.sentences)
        found[doc.id] = {name for name in names if name in text}
    return found


def _outcome_pool(base: FactBase, drafts: list[Draft]) -> list[str]:
    """Outcomes of other events: the bank's own, then every outcome the documents state."""
    pool = [d.answer for d in drafts if d.kind == "outcome"]
    pool += [c.answer for c in base.claims
             if c.kind == "outcome" and c.value in RESULT_LINKS and c.source != "field"]
    return sorted(set(pool))


# Words of news outlets' names: sources that report, never actors in the events.
_MEDIA = {"news", "times", "post", "jazeera", "arabiya", "agency", "press", "journal",
          "reuters", "tribune", "herald", "gazette", "bbc", "cnn", "guardian", "telegraph"}


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if {w.lower() for w in words} & _MEDIA:
        return False
    return 0 < len(words) <= 5 and all(
        w[:1].isupper() or w.lower() in ("of", "the", "and", "al", "bin", "ibn", "de", "von")
        or w.lower().startswith("al-") for w in words) and not any(ch.isdigit() for ch in text)


def _tags(d: Draft) -> list[str]:
    tags: list[str] = [d.kind, d.answer_type]
    if d.date is not None and d.date.year is not None:
        tags.append(f"{d.date.year // 10 * 10}s")
    return tags


def _bank(title: str, base: FactBase, questions: list[Question]) -> Bank:
    report = to_model(base.report)
    sources = [BankSource(doc=j.doc, title=j.title, sha256=j.sha256, reliability=j.reliability,
                          copies=j.copies) for j in report.documents]
    facts = [BankFact(id=f.id, kind=f.kind, statement=f.statement, event=f.event,
                      answer=f.answer, value=f.value, status=f.status, sources=f.sources,
                      evidence=f.evidence, inferred=f.inferred)
             for f in report.facts if f.status in (*ASKABLE, "contested")]
    return Bank(schema_=BANK_SCHEMA, title=title, sources=sources, questions=questions,
                facts=facts, conflicts=report.conflicts)
