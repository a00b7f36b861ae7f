"""Pydantic models shared by both halves: what the generator writes and the study side reads."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Kind = Literal["date", "actor", "outcome"]
Status = Literal["corroborated", "single-source", "contested", "rejected"]
Reliability = Literal["reliable", "unreliable"]


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
