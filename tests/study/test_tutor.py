"""The tutor: learners' own questions answered from verified facts, or plainly declined."""

from __future__ import annotations

import json
import sys

import pytest

from quiz.bank import load_bank
from quiz.cli import main
from quiz.models import ConflictClaim, ConflictReport
from quiz.study.tutor import Tutor
from tests.conftest import BANK, ROOT, SEEDS

sys.path.insert(0, str(ROOT / "bench"))
from tutor import judged_right, read_questions  # noqa: E402  (bench/tutor.py)


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANK)


@pytest.fixture(scope="module")
def tutor(bank):
    return Tutor([bank])


def seed_text(doc: str) -> str:
    return next(SEEDS.glob(f"{doc}*.txt")).read_text(encoding="utf-8")


def test_an_answer_comes_with_its_quote_document_and_status(tutor, bank):
    reply = tutor.ask("when did the al-Qaim crossing reopen?")
    assert reply.verdict == "answered" and reply.answer == "30 September 2019"
    [fact] = reply.facts
    assert fact.status == "corroborated" and fact.independent == 2
    quote = fact.evidence
    assert quote.quote in seed_text(quote.doc)  # verbatim
    assert "30 September 2019" in quote.quote
    assert quote.title == {s.doc: s.title for s in bank.sources}[quote.doc]


@pytest.mark.parametrize("question, answer", [
    ("Who reopened the al-Qaim border crossing with Syria?", "Iraq"),
    ("Which country did Iraq invade in 1990?", "Kuwait"),  # not "Iraq": it is in the question
    ("Who forced al-Bakr to retire?", "Saddam Hussein"),  # the one who did it, not Assad
    ("When did Syria recognise the new Iraqi government?", "2006"),  # British spelling
    ("When did Iraq carry out its first air strike on ISIL in Syria?", "February 2017"),
    ("When did the Iraqi intervention in the Syrian civil war begin?", "2013"),  # "2013–present"
    ("What did Iraq do with Assad's offers?", "rejected"),
])
def test_paraphrases(tutor, question, answer):
    reply = tutor.ask(question)
    assert (reply.verdict, reply.answer) == ("answered", answer)


@pytest.mark.parametrize("question, answer", [
    ("wen did iraq invade kuwiat?", "1990"),
    ("who forced al-bakr into retirment?", "Saddam Hussein"),
    ("When did Hafez al-Asad begin re-establishing relations with Saddam?", "by 1997"),
    ("When did Hamid al-Shatri meet Ahmed al-Sharaa?", "26 December 2024"),
])
def test_typos_and_transliterations(tutor, question, answer):
    assert tutor.ask(question).answer == answer


@pytest.mark.parametrize("question", [
    "When did Saddam Hussein die?",
    "When did Iran invade Kuwait?",  # Iraq did: a name the facts do not have
    "Which country reopened the al-Qaim crossing in 2015?",  # the facts say 2019
    "When did Egypt and Iraq establish diplomatic relations?",  # Syria and Iraq did, in 1945
    "When did the Iran–Iraq war start?",  # named in the sources, never dated
    "Who did Hamid Al-Shatri meet in Baghdad?",  # in Damascus
])
def test_unanswerable_questions_are_declined_with_the_closest_facts(tutor, question):
    reply = tutor.ask(question)
    assert reply.verdict == "declined" and reply.answer == "" and not reply.facts
    assert reply.note.startswith("Nothing in the verified facts answers")
    assert 1 <= len(reply.closest) <= 3
    assert len({f.evidence.quote for f in reply.closest}) == len(reply.closest)


@pytest.mark.parametrize("question", [
    "When was Assad exiled to Iraq?",  # only the alternate-history page says so
    "When did Turkey create a no-fly zone over northern Syria?",
    "When did the Ba'ath Party return to power in Syria?",
])
def test_what_only_the_unreliable_document_says_is_declined(tutor, question):
    reply = tutor.ask(question)
    assert reply.verdict == "declined"
    assert all(not f.evidence.doc.startswith("003") for f in reply.closest)


def test_a_fact_resting_only_on_an_unreliable_document_is_never_used(bank):
    fiction = next(s.doc for s in bank.sources if s.reliability == "unreliable")
    fact = next(f for f in bank.facts if f.answer == "30 September 2019")
    alone = fact.model_copy(update={"sources": [fiction], "evidence": [
        e.model_copy(update={"doc": fiction}) for e in fact.evidence]})
    only = bank.model_copy(update={"facts": [alone], "conflicts": []})
    reply = Tutor([only]).ask("when did the al-Qaim crossing reopen?")
    assert reply.verdict == "declined" and reply.closest == []


def test_an_unreliable_documents_disagreement_is_shown_not_counted(tutor):
    reply = tutor.ask("When did the Assad regime fall?")
    assert (reply.verdict, reply.answer) == ("answered", "late 2024")
    assert {c.value for c in reply.unreliable} == {"2015", "September 2015"}
    assert all(c.status == "rejected" and c.title.startswith("War in Mesopotamia")
               for c in reply.unreliable)


def test_reliable_sources_that_disagree_are_all_shown(bank):
    fact = next(f for f in bank.facts if f.answer == "1966")
    other = next(s.doc for s in bank.sources if s.doc != fact.sources[0]
                 and s.reliability == "reliable")
    claims = [ConflictClaim(value="1966", doc=fact.sources[0], quote=fact.evidence[0].quote,
                            status="contested"),
              ConflictClaim(value="1963", doc=other, quote="Hostility began in 1963.",
                            status="contested")]
    disputed = bank.model_copy(update={
        "facts": [fact.model_copy(update={"status": "contested"})],
        "conflicts": [ConflictReport(about=fact.event, kind="date", claims=claims)]})
    reply = Tutor([disputed]).ask("When did hostility between Iraq and Syria begin?")
    assert reply.verdict == "disputed" and reply.answer == ""
    assert [(c.value, c.quote) for c in reply.claims] == [(c.value, c.quote) for c in claims]
    assert "disagree" in reply.note


def test_what_happened_on_a_date_lists_the_facts_of_that_period(tutor):
    reply = tutor.ask("what happened in November 1979?")
    assert reply.verdict == "answered" and len(reply.facts) == 2
    assert all("November 1979" in f.evidence.quote for f in reply.facts)
    assert tutor.ask("what happened in 1066?").verdict == "declined"


def test_who_is_gives_the_title_the_documents_use(tutor):
    reply = tutor.ask("who is Hamid Al-Shatri?")
    assert reply.answer == "Iraqi Intelligence Chief Hamid Al-Shatri"
    assert "Hamid Al-Shatri" in reply.note  # as the learner wrote it
    assert tutor.ask("Who is the prime minister of Iraq?").verdict == "declined"


@pytest.mark.parametrize("question", ["", "?", "\x00\x1b[31m?", "x" * 10_000, "[bold]who[/]?",
                                      "what happened in ?", "who is ?", "2019?", None, 42])
def test_odd_input_never_raises(tutor, question):
    assert tutor.ask(question).verdict in ("answered", "declined", "disputed")


def test_the_quality_set_is_large_and_holds_its_measured_level(tutor):
    """tests/data/tutor_questions.tsv: own-words questions, a third without an answer."""
    rows = read_questions()
    unanswerable = [r for r in rows if r[1] == "-"]
    assert len(rows) >= 60 and len(unanswerable) * 3 >= len(rows)
    right = [judged_right(tutor.ask(q), expected) for _, expected, q in rows]
    answered = [ok for ok, (_, expected, _) in zip(right, rows, strict=True) if expected != "-"]
    declined = [ok for ok, (_, expected, _) in zip(right, rows, strict=True) if expected == "-"]
    assert all(declined)  # never an answer where the sources have none
    assert sum(answered) / len(answered) >= 0.85  # measured 59/67 = 88%


def test_the_judge_of_the_quality_set_can_say_wrong(tutor):
    reply = tutor.ask("In what year did Iraq invade Kuwait?")
    assert judged_right(reply, "1990") and not judged_right(reply, "1991")
    assert not judged_right(reply, "-")


def test_quiz_ask_prints_the_answer_and_quote(capsys):
    assert main(["ask", "who", "reopened", "the", "al-Qaim", "crossing?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Iraq\n") and "al-Qaim border crossing" in out


def test_quiz_ask_json(capsys):
    assert main(["ask", "--json", "--bank", str(BANK), "When did Saddam Hussein die?"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert reply["verdict"] == "declined" and reply["closest"]
    assert set(reply["closest"][0]["evidence"]) >= {"quote", "doc", "title", "status"}


@pytest.mark.parametrize("argv, message", [
    (["ask"], "ask what?"),
    (["ask", "--bank", "nowhere.json", "who?"], "nowhere.json"),
])
def test_quiz_ask_mistakes_are_one_line_and_exit_2(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
