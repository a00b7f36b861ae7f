"""Claim extraction on real sentences from the seeds."""

from __future__ import annotations

import pytest

from quiz.generator.claims import collect_aliases
from quiz.generator.corpus import parse_document
from quiz.generator.factbase import to_model
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_claims(seed_base):
    """The claims of the seeds, as the session's fact base extracted them (parsed once)."""
    return seed_base.claims


def claims_where(claims, kind, doc, text):
    return [c for c in claims if c.kind == kind and c.doc.startswith(doc) and text in c.statement]


def test_date_claim_from_a_sentence(seed_claims):
    [claim] = claims_where(seed_claims, "date", "001", "re-opened")
    assert claim.answer == "30 September 2019"
    assert claim.date.value() == "2019-09-30"
    assert {"reopen", "crossing", "qaim"} <= claim.keys
    assert "2014" not in claim.statement  # "since 2014" belongs to another clause


def test_date_claim_from_a_timeline_bullet(seed_claims):
    [claim] = claims_where(seed_claims, "date", "000", "Iraq reopens al-Qaim")
    assert claim.source == "timeline"
    assert claim.answer == "30 September 2019"
    assert claim.event == "Iraq reopens al-Qaim border crossing with Syria."


def test_date_claim_from_an_infobox_item(seed_claims):
    [claim] = claims_where(seed_claims, "date", "003", "Syrian government overthrown")
    assert claim.source == "field"
    assert claim.date.value() == "2015"
    assert claim.event == "Syrian government overthrown"


def test_qualified_date_keeps_its_qualifier(seed_claims):
    claims = claims_where(seed_claims, "date", "001", "end of September 2015")
    assert claims and all(c.date.value() == "2015-09~end" for c in claims)


def test_year_is_inferred_from_the_paragraph_and_recorded(seed_claims):
    [claim] = claims_where(seed_claims, "date", "001", "summoned its ambassador")
    assert claim.answer == "25 August"
    assert claim.date.value() == "2009-08-25"
    assert claim.inferred


def test_news_digest_without_a_year_gets_none(seed_claims):
    claims = [c for c in seed_claims if c.doc.startswith("004") and c.kind == "date"]
    assert claims
    assert all(c.date.year is None for c in claims)
    assert not any("2024" in c.date.value() or "2026" in c.date.value() for c in claims)


def subjects(claims):
    return [c for c in claims if c.role != "object"]


def test_actor_with_role(seed_claims):
    [claim] = subjects(claims_where(seed_claims, "actor", "001", "Hamid Al-Shatri met"))
    assert claim.answer == "Iraqi Intelligence Chief Hamid Al-Shatri"
    assert claim.role == "Iraqi Intelligence Chief"
    assert claim.label == "PERSON"
    assert claim.when is not None and claim.when.value() == "2024-12-26"


def test_object_actor_claims(seed_claims):
    """Who an act was done to or with is an actor claim too, marked as the object."""
    objects = [c for c in claims_where(seed_claims, "actor", "001", "Iraq invaded Kuwait")
               if c.role == "object"]
    assert "Kuwait" in [c.answer for c in objects]
    [met] = [c for c in claims_where(seed_claims, "actor", "001", "Hamid Al-Shatri met")
             if c.role == "object"]
    assert met.answer == "Ahmed al-Sharaa" and met.label == "PERSON"
    assert met.at is not None


def test_coordinated_actors(seed_claims):
    [claim] = subjects(
        claims_where(seed_claims, "actor", "001", "established diplomatic relations"))
    assert claim.answer == "Syria and Iraq"
    assert claim.agent >= {"syria", "iraq"}


def test_pronoun_subjects_are_not_actors(seed_claims):
    assert not [c for c in seed_claims if c.kind == "actor"
                and c.answer.lower() in {"he", "she", "it", "they", "this"}]


def test_outcome_of_a_linked_event(seed_claims):
    claims = claims_where(seed_claims, "outcome", "001", "Battle of Maysalun")
    assert any(c.answer.startswith("the French occupation of Damascus") for c in claims)


def test_outcome_of_a_plan(seed_claims):
    claims = claims_where(seed_claims, "outcome", "001", "abandoned the plan")
    assert [c.value for c in claims] == ["abandon"]
    assert "plan" in claims[0].event


def test_evidence_quotes_are_the_files_own_characters(seed_base):
    """Every evidence quote is the document file's text at [start:end], and that slice is
    exactly the clean sentence (or the part of it between removed markup) the claim was
    read from: an offset one character off either way fails."""
    files = {p.stem: p.read_bytes().decode("utf-8") for p in SEEDS.iterdir()}
    documents = {d.id: d for d in seed_base.documents}
    report = seed_base.report
    checked = 0
    for fact, published in zip(report.facts, to_model(report).facts, strict=True):
        for evidence in published.evidence:
            text = files[evidence.doc]
            assert evidence.quote == text[evidence.start : evidence.end]
            assert evidence.quote and evidence.quote == evidence.quote.strip()
            [claim] = [c for c in fact.claims if (c.doc, c.quote_start, c.quote_end) == (
                evidence.doc, evidence.start, evidence.end)][:1]
            sentence = documents[claim.doc].sentences[claim.sentence]
            cuts = [0, *sentence.breaks, len(sentence.text)]
            parts = {sentence.text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)}
            assert " ".join(evidence.quote.split()) in parts, (evidence.quote, parts)
            checked += 1
    assert checked >= 250


def test_aliases_come_from_the_text():
    doc = parse_document("x", "The fall was led by Hay'at Tahrir al-Sham (HTS) in 2024. HTS won.")
    assert collect_aliases([doc])["hts"] == "hayat tahrir sham"
