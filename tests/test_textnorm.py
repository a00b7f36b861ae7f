"""The shared lexicon: one list of stop words, one table of opposite outcomes, one set of
names, read alike by the generator, the grader and the tutor."""

from __future__ import annotations

import pytest

from quiz import textnorm
from quiz.bank import load_bank
from quiz.generator.distractors import _content
from quiz.generator.factbase import build_fact_base
from quiz.generator.questions import _content_words
from quiz.generator.wording import mentions
from quiz.study.grading import _key_words, grade
from quiz.study.tutor import Tutor, key, words
from tests.conftest import BANK

# Two independent documents about one event, differing only in what became of it.
SAID = "In March 2019, Ruritania {} the old Varna Ostrava rail link after talks."
SAID_TOO = "Ruritania {} the old Varna Ostrava rail link in March 2019, officials said."


def outcome_conflicts(folder, nlp, one: str, other: str) -> list[set[str]]:
    """What verification makes of two documents: the values of each outcome conflict."""
    folder.mkdir()
    for name, text in (("a", SAID.format(one)), ("b", SAID_TOO.format(other))):
        (folder / f"{name}.txt").write_text(f"= {name} =\n\n{text}\n", encoding="utf-8")
    base = build_fact_base([folder], nlp=nlp)
    assert len([c for c in base.claims if c.kind == "outcome"]) == 2  # both were read
    return [{c.value for c in conflict.claims}
            for conflict in base.report.conflicts if conflict.kind == "outcome"]


def graded(answer: str, response: str) -> str:
    verdict = grade(f"the rail link was {answer}", f"the rail link was {response}",
                    kind="outcome")
    return "opposite" if verdict.feedback.startswith("The opposite") else verdict.outcome


@pytest.mark.parametrize("one, other, lemmas", [
    ("reopened", "closed", {"reopen", "close"}),
    ("signed", "rejected", {"sign", "reject"}),
    # Verification knew these before the tables were one; the grader gave them full marks.
    ("established", "suspended", {"establish", "suspend"}),
    ("established", "severed", {"establish", "sever"}),
    # The grader knew these; verification let both documents stand.
    ("resumed", "closed", {"resume", "close"}),
    ("restored", "severed", {"restore", "sever"}),
    ("established", "dissolved", {"establish", "dissolve"}),
])
def test_the_grader_and_verification_see_the_same_opposites(tmp_path, nlp, one, other, lemmas):
    assert graded(other, one) == "opposite"
    assert graded(one, other) == "opposite"
    assert outcome_conflicts(tmp_path / "docs", nlp, one, other) == [lemmas]


@pytest.mark.parametrize("one, other", [("closed", "sealed"), ("reopened", "reopened")])
def test_outcomes_that_can_both_be_true_are_neither_refused_nor_in_conflict(
        tmp_path, nlp, one, other):
    assert graded(one, other) != "opposite"
    assert outcome_conflicts(tmp_path / "docs", nlp, one, other) == []


def test_changing_the_one_table_changes_both_sides(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr(textnorm, "OPPOSITES", ((frozenset({"close"}), frozenset({"seal"})),))
    assert graded("closed", "sealed") == "opposite"
    assert graded("closed", "reopened") != "opposite"
    assert outcome_conflicts(tmp_path / "sealed", nlp, "closed", "sealed") == [{"close", "seal"}]
    assert outcome_conflicts(tmp_path / "reopened", nlp, "reopened", "closed") == []


def test_every_opposite_is_its_own_stem_so_answers_and_lemmas_both_meet_it():
    # The grader compares stems of what a learner typed, verification spaCy's lemmas.
    for one, other in textnorm.OPPOSITES:
        assert not one & other
        for word in one | other:
            assert textnorm.stem(word) == word
    assert textnorm.are_opposites("reopen", "close") and textnorm.are_opposites("close", "open")
    assert not textnorm.are_opposites("close", "seal")
    # A typo is forgiven only where the caller asks for it (the grader; not verification).
    assert textnorm.opposed(["reopn"], ["close"], same=textnorm.same_word)
    assert not textnorm.opposed(["reopn"], ["close"])


STOPPED = " ".join(sorted(textnorm.STOP_WORDS))


@pytest.mark.parametrize("content_words", [
    lambda text: set(words(text)),  # the tutor
    lambda text: set(_key_words(text)),  # the grader
    _content_words,  # the question writer: does a prompt give the answer away?
    _content,  # the distractor picker: is an option too like the answer?
], ids=["tutor", "grader", "questions", "distractors"])
def test_every_reader_drops_exactly_the_stop_words(content_words):
    assert content_words(f"{STOPPED} embassy") == {"embassy"}
    assert content_words("embassy reopened twice") >= {"embassy", "twice"}


def test_a_stop_word_is_no_distinctive_word_of_an_answer():
    answer = "them and their allies"
    assert mentions("They met their allies in Damascus", answer)
    assert not mentions("Who did they meet in Damascus?", answer)  # "they", "them", "their"


def test_the_tutor_drops_more_than_the_grader_and_says_why():
    # "not" and "during" find too many facts to be looked for; a grader must read "not".
    assert words("not reopened during the war") == ["reopened", "war"]
    assert grade("reopened", "not reopened", kind="outcome").outcome == "wrong"


def test_one_organisation_by_any_of_its_names_for_grader_and_tutor():
    assert grade("ISIL fighters", "Daesh fighters", kind="actor").correct
    assert grade("strikes against ISIS targets", "strikes on Daesh targets",
                 kind="outcome").correct
    assert key("daesh") == key("isil") == key("isis") != key("is")
    reply = Tutor([load_bank(BANK)]).ask(
        "When did Iraq carry out its first air strike on Daesh in Syria?")
    assert (reply.verdict, reply.answer) == ("answered", "February 2017")


def test_a_nationality_is_its_state_wherever_words_are_compared():
    assert textnorm.name_word("iraqi") == "iraq"
    assert textnorm.name_word("british") == "british"  # "united kingdom" is two words
    assert key("syrian") == key("syria")
    assert grade("Syrian troops withdrew", "troops of Syria withdrew", kind="outcome").correct


def test_other_names_of_one_state_reach_the_grader_and_the_bank():
    from quiz.study.grading import grade
    from quiz.textnorm import other_names

    assert set(other_names("United Kingdom")) >= {"Britain", "UK"}
    assert set(other_names("United States")) >= {"US", "USA"}
    assert "Islamic State of Iraq and the Levant" in other_names("ISIS")  # not "The Levant"
    assert other_names("Iraq") == []
    for answer, said in [("United Kingdom", "Britain"), ("United States", "USA"),
                         ("UN", "United Nations"), ("United Nations", "UN")]:
        assert grade(answer, said, kind="actor").correct, (answer, said)
    assert not grade("United Kingdom", "USA", kind="actor").correct
