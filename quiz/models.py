"""Pydantic models shared by both halves: what the generator writes and the study side reads."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["date", "actor", "outcome"]
Status = Literal["corroborated", "single-source", "contested", "rejected"]
Reliability = Literal["reliable", "unreliable"]
# How a session asks: "quiz" picks choice or typed by the card's state; the others are fixed.
Mode = Literal["quiz", "choice", "flashcards"]
MODES: tuple[Mode, ...] = get_args(Mode)
SessionMode = Mode | Literal["learn"]  # "learn": no fixed mode, each card's state decides


def as_mode(text: str) -> Mode | None:
    """The mode a learner named, or None."""
    return next((mode for mode in MODES if mode == text), None)

AskableStatus = Literal["corroborated", "single-source"]  # what a bank may ask
KnownStatus = Literal["corroborated", "single-source", "contested"]  # what a bank may hold
STATUSES: tuple[Status, ...] = ("corroborated", "single-source", "contested", "rejected")
KINDS: tuple[Kind, ...] = ("date", "actor", "outcome")
# How a question is put: a wh-question, or its source sentence with the answer blanked.
Form = Literal["question", "cloze"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Model):
    """A verbatim slice of a document: text[start:end] == quote."""

    doc: str
    quote: str
    start: int
    end: int


class DocumentReport(_Model):
    doc: str
    title: str
    sha256: str
    reliability: Reliability
    reasons: list[str]
    copies: list[str] = []  # documents it is not independent of


class FactReport(_Model):
    id: str
    kind: Kind
    statement: str  # the clause that states the fact
    event: str  # what it is about, without the answer
    answer: str  # as a person writes it
    value: str  # normalised (dates: EDTF-like, e.g. "2015-09~end")
    status: Status
    sources: list[str]
    evidence: list[Evidence]
    inferred: bool = False  # a year taken from the paragraph or heading, not the sentence


class ConflictClaim(_Model):
    value: str
    doc: str
    quote: str
    status: Status


class ConflictReport(_Model):
    about: str
    kind: Kind
    claims: list[ConflictClaim]


class FactsReport(_Model):
    documents: list[DocumentReport]
    facts: list[FactReport]
    conflicts: list[ConflictReport]


# ---------------------------------------------------------------------------------------------
# Question banks: written by the generator, read by the study side.
# ---------------------------------------------------------------------------------------------

BANK_SCHEMA = "quiz-bank/1"
AnswerType = Literal["date", "person", "group", "country", "place", "outcome"]


class BankSource(_Model):
    doc: str
    title: str
    sha256: str
    reliability: Reliability
    copies: list[str] = []  # documents it is not independent of


class Question(_Model):
    id: str  # stable while its fact is unchanged: study history follows it
    kind: Kind
    prompt: str
    answer: str
    accepted: list[str]  # other ways the documents name the answer (aliases, surnames)
    # The answer and three distractors in display order; empty when the documents give no
    # three fair wrong options: then the question is asked as typed recall only.
    choices: list[str]
    cloze: str  # the evidence sentence with the answer blanked as "_____"
    status: AskableStatus
    sources: list[str]
    evidence: list[Evidence]
    tags: list[str]
    fact: str  # id of the fact it asks about
    answer_type: AnswerType
    value: str  # the answer normalised (dates: EDTF-like, so the grader knows the precision)
    passage: str = ""  # the evidence sentence with its neighbours, for "show me the source"
    form: Form = "question"  # "cloze": the prompt is a sentence with "_____" to fill in


class BankFact(_Model):
    """A verified fact, kept so the tutor can answer learners' own questions."""

    id: str
    kind: Kind
    statement: str
    event: str
    answer: str
    value: str
    status: KnownStatus
    sources: list[str]
    evidence: list[Evidence]
    inferred: bool = False


class Bank(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_: str = Field(alias="schema")
    title: str
    sources: list[BankSource]
    questions: list[Question]
    facts: list[BankFact]
    conflicts: list[ConflictReport]

    def independent(self, docs: list[str]) -> int:
        """How many of these documents count separately: a copy counts with its original."""
        copies = {s.doc: set(s.copies) for s in self.sources}
        counted: list[str] = []
        for doc in docs:
            if not any(doc in copies.get(c, set()) or c in copies.get(doc, set())
                       for c in counted):
                counted.append(doc)
        return len(counted)


class GenerationSummary(_Model):
    """What one run of the generator did, for `quiz generate` to show."""

    documents: int
    unreliable: list[str]  # documents judged unreliable
    facts: dict[Status, int]
    questions: dict[Kind, int]
    typed_only: int  # questions with no three fair options, asked as typed recall
    skipped: dict[str, int]  # reason -> askable facts not asked for it
    seconds: float
