"""Question wording on real sentences of the seeds, and what every generated question obeys."""

from __future__ import annotations

import re

import pytest

from quiz.generator.wording import (
    ask_agent,
    ask_non_subject,
    ask_subject,
    clause_of,
    tokens_in,
    unresolved_reference,
)
from tests.conftest import SEEDS, seed


@pytest.fixture(scope="module")
def seed_sentences():
    from quiz.generator.corpus import read_documents

    documents, _ = read_documents([SEEDS])
    return {s.text for d in documents for s in d.sentences}


@pytest.fixture
def parse(nlp, seed_sentences):
    """Parse a sentence exactly as the corpus reader gives it from the seeds."""
    def run(sentence: str):
        assert sentence in seed_sentences, "not a sentence of the seeds"
        return nlp(sentence)
    return run


def verb(doc, text: str):
    return next(t for t in doc if t.text == text)


def without(doc, phrase: str) -> set[int]:
    start = doc.text.index(phrase)
    return {t.i for t in tokens_in(doc, start, start + len(phrase))}


# -- wording rules --------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, head, date, question", [
    # do-support: past tense moves to "did", the verb takes its base form
    ("Syria and Iraq established diplomatic relations on 8 November 1945 when has been "
     "accredited Charge d'Affaires of Iraq to Syria Ibrahim Fadli.", "established",
     "on 8 November 1945", "When did Syria and Iraq establish diplomatic relations?"),
    # an auxiliary is inverted, never doubled with "do"
    ("From 2016 to 2024, Iraqi volunteers have been fighting alongside the Syrian Arab "
     "Army, and their forces have met on the Iraqi-Syrian border crossing.", "fighting",
     "From 2016 to 2024",
     "When have Iraqi volunteers been fighting alongside the Syrian Arab Army?"),
    # a passive keeps its passive
    ("The independence of Syria and Lebanon was declared in 1943 and 1946 respectively.",
     "declared", "in 1943 and 1946",
     "When was the independence of Syria and Lebanon declared respectively?"),
])
def test_date_questions_invert_the_clause(parse, sentence, head, date, question):
    doc = parse(sentence)
    clause = clause_of(verb(doc, head), drop=without(doc, date))
    assert ask_non_subject(clause, "When") == question


def test_passive_agent_question_turns_active(parse):
    doc = parse("Responsibility for the attack was later claimed by the Islamic State "
                     "of Iraq.")
    claimed = verb(doc, "claimed")
    agent = without(doc, "by the Islamic State of Iraq")
    assert ask_agent(clause_of(claimed), agent, "Which group") == (
        "Which group claimed responsibility for the attack?")


def test_subject_question_moves_the_opening_date_to_the_end(parse):
    doc = parse("On 26 December 2024, Iraqi Intelligence Chief Hamid Al-Shatri met with "
                     "Ahmed al-Sharaa, leader of HTS, in Damascus, marking Iraq's first "
                     "official contact with Syria's new administration post-Assad.")
    clause = clause_of(verb(doc, "met"))
    assert ask_subject(clause, "Who") == (
        "Who met with Ahmed al-Sharaa, leader of HTS, in Damascus on 26 December 2024?")


def test_co_actors_stay_in_the_question(parse):
    """Without "along with Iran", Iran would be a second right answer."""
    doc = parse("In July 2017, Iraq, along with Iran, signed an agreement to boost "
                     "military cooperation with Syria.")
    clause = clause_of(verb(doc, "signed"), drop=without(doc, "In July 2017"))
    assert ask_non_subject(clause, "In which month") == (
        "In which month did Iraq, along with Iran, sign an agreement to boost military "
        "cooperation with Syria?")


@pytest.mark.parametrize("sentence, word", [
    ("Saladin of the Ayyubid dynasty was later declared the Sultan of Egypt and Sultan of "
     "Syria; he aligned Syria to the Abbasids in Iraq.", "he"),
    ("The Syrian foreign ministry denied Syrian involvement in the attack.", "the attack"),
    ("The ascendance of Bashar in 2000 boosted this process.", "this"),
])
def test_unresolved_references_are_caught(parse, sentence, word):
    doc = parse(sentence)
    assert unresolved_reference(list(doc), allow_possessive=False) == word


def test_named_references_pass(parse):
    doc = parse("In 2006, Syria recognized the post-invasion Iraqi government and "
                     "resumed ties.")
    assert unresolved_reference(list(doc), allow_possessive=False) is None


# -- every question of the seed bank --------------------------------------------------------------

PRONOUNS = re.compile(r"\b(he|she|it|they|him|them|this|these|those)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def questions(seed_generation):
    return seed_generation.bank.questions


def test_prompts_read_as_questions(questions):
    for q in questions:
        if q.form == "cloze":  # "Title: the source sentence", one blank for the answer
            assert q.prompt.count("_____") == 1 and q.prompt.endswith(q.cloze), q.prompt
            assert q.cloze[0].isupper() or q.cloze.startswith("_____"), q.prompt
            continue
        asked = q.prompt.split(": ", 1)[-1]  # after the document's title, where one leads
        assert asked[0].isupper() and asked.endswith("?"), q.prompt
        assert asked.split()[0] in ("When", "In", "Who", "Which", "What", "How"), q.prompt
        assert "  " not in q.prompt and " ," not in q.prompt and ",?" not in q.prompt, q.prompt
        assert not PRONOUNS.search(q.prompt), q.prompt


def test_no_prompt_holds_its_answer(questions):
    from quiz.textnorm import name_key

    for q in questions:
        prompt = f" {name_key(q.prompt)} "
        if q.kind == "date":
            for year in re.findall(r"\d{3,4}", q.answer):
                assert year not in q.prompt, q.prompt
        elif q.kind == "actor":
            for part in q.answer.split(" and "):
                assert f" {name_key(part)} " not in prompt, q.prompt


def test_every_question_has_one_right_choice_of_four_or_is_typed_only(questions):
    for q in questions:
        if q.choices:  # none when no three fair options exist: typed recall only
            assert len(q.choices) == 4 and len(set(q.choices)) == 4, q.choices
            assert q.choices.count(q.answer) == 1
        assert q.cloze.count("_____") == 1


def test_date_distractors_share_precision_and_are_wrong(questions):
    from quiz.dates import parse_date

    for q in (q for q in questions if q.kind == "date"):
        answer = parse_date(q.answer)
        assert answer is not None, q.answer
        for option in q.choices:
            if option == q.answer:
                continue
            wrong = parse_date(option)
            assert wrong is not None, option
            assert wrong.precision == answer.precision, (q.answer, option)
            if answer.end is None:
                assert not answer.compatible(wrong), (q.answer, option)
            assert (wrong.year is None) == (answer.year is None), (q.answer, option)


def test_actor_distractors_share_type(questions):
    from quiz.textnorm import COUNTRY_KEYS, canonical_entity, name_key

    for q in (q for q in questions if q.kind == "actor"):
        for option in q.choices:
            parts = option.split(" and ")
            assert len(parts) == len(q.answer.split(" and ")), (q.answer, option)
            if q.answer_type == "country":
                assert all(name_key(p) in COUNTRY_KEYS or canonical_entity(p) in COUNTRY_KEYS
                           for p in parts), (q.prompt, option)
        if q.answer_type == "person":
            surnames = {name_key(n).split()[-1] for n in [q.answer, *q.accepted]}
            for option in q.choices:
                if option != q.answer:
                    assert name_key(option).split()[-1] not in surnames, (q.answer, option)


def test_outcome_distractors_are_other_outcomes(questions):
    outcomes = [q for q in questions if q.kind == "outcome"]
    assert outcomes
    for q in outcomes:
        wrong = [c for c in q.choices if c != q.answer]
        assert all(w.casefold() != q.answer.casefold() for w in wrong)


def test_accepted_alternatives_come_from_the_text(questions):
    [met] = [q for q in questions
             if q.prompt.split(": ", 1)[-1].startswith("Who met with Ahmed al-Sharaa")]
    assert met.answer == "Hamid Al-Shatri"
    assert "Al-Shatri" in met.accepted
    assert "Iraqi Intelligence Chief Hamid Al-Shatri" in met.accepted


def test_questions_of_all_three_kinds(questions):
    kinds = {q.kind for q in questions}
    assert kinds == {"date", "actor", "outcome"}


def test_contested_and_rejected_facts_are_not_asked(seed_generation):
    report = seed_generation.fact_base.report
    status = {f.id: f.status for f in report.facts}
    assert {status[q.fact] for q in seed_generation.bank.questions} <= {
        "corroborated", "single-source"}
    assert any(s == "rejected" for s in status.values())


def test_unreliable_document_is_never_a_question_source(seed_generation):
    unreliable = {j.doc for j in seed_generation.fact_base.report.documents
                  if j.reliability == "unreliable"}
    assert unreliable == {seed("003").stem}
    for q in seed_generation.bank.questions:
        assert not unreliable & set(q.sources)
        assert not unreliable & {e.doc for e in q.evidence}


def test_a_month_with_its_year_is_asked_as_month_and_year(questions):
    """Options "May 1956 | May 1954" both name the right month: the question asks for both."""
    from quiz.dates import Precision, parse_date

    dated = [(q, parse_date(q.answer)) for q in questions if q.kind == "date"]
    months = [q for q, d in dated if d and d.precision == Precision.MONTH and d.year
              and d.end is None and not d.qualifier and q.form == "question"]
    assert months
    assert all("In which month and year" in q.prompt for q in months), [q.prompt for q in months]
