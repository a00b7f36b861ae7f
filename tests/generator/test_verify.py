"""Verification: every status, the copy rule, reliability and overrides."""

from __future__ import annotations

import json

import pytest

from quiz.generator.factbase import build_fact_base, to_model
from quiz.generator.verify import SourcesFileError, load_overrides

# Three independent wordings (no shared run of five words), and an unrelated sentence.
SIGNED = "On 3 March 2010, the Treaty of Varna was signed in Geneva by Ruritania and Freedonia."
SIGNED_TOO = ("Ruritania and Freedonia signed the Treaty of Varna at a ceremony in Geneva "
              "in March 2010.")
SIGNED_LATE = ("Ruritania and Freedonia signed the Treaty of Varna in Geneva on 5 May 2011, "
               "after talks.")
OTHER = "In 1998, the Ruritanian parliament elected Anton Weiss as its first speaker."


def corpus(tmp_path, **docs):
    for name, text in docs.items():
        (tmp_path / f"{name}.txt").write_text(f"= {name} =\n\n{text}\n", encoding="utf-8")
    return tmp_path


def treaty_facts(base):
    return [f for f in base.report.facts if f.kind == "date" and "Varna" in f.statement]


def test_two_independent_documents_corroborate(tmp_path, nlp):
    base = build_fact_base([corpus(tmp_path, a=SIGNED, b=SIGNED_TOO)], nlp=nlp)
    [fact] = treaty_facts(base)
    assert fact.status == "corroborated" and fact.sources == ["a", "b"]


def test_one_document_is_single_source(tmp_path, nlp):
    base = build_fact_base([corpus(tmp_path, a=SIGNED, b=OTHER)], nlp=nlp)
    [fact] = treaty_facts(base)
    assert fact.status == "single-source" and fact.sources == ["a"]


def test_disagreeing_documents_are_contested_and_every_claim_kept(tmp_path, nlp):
    base = build_fact_base([corpus(tmp_path, a=SIGNED, b=SIGNED_LATE)], nlp=nlp)
    assert {f.status for f in treaty_facts(base)} == {"contested"}
    [conflict] = base.report.conflicts
    assert sorted(c.doc for c in conflict.claims) == ["a", "b"]
    assert all(j.reliability == "reliable" for j in base.report.documents)


def test_a_document_contradicting_corroborated_facts_is_rejected(tmp_path, nlp):
    base = build_fact_base([corpus(tmp_path, a=SIGNED, b=SIGNED_TOO, c=SIGNED_LATE)], nlp=nlp)
    statuses = {f.status: f for f in treaty_facts(base)}
    assert statuses["corroborated"].sources == ["a", "b"]
    assert statuses["rejected"].sources == ["c"]
    judged = {j.doc: j for j in base.report.documents}
    assert judged["c"].reliability == "unreliable"
    assert any("5 May 2011" in r and "3 March 2010" in r and "2 independent sources" in r
               for r in judged["c"].reasons)
    # The disagreement is still shown.
    assert len(base.report.conflicts) == 1


def test_a_copy_does_not_corroborate(tmp_path, nlp):
    copy = f"{SIGNED}\n{OTHER}"
    base = build_fact_base([corpus(tmp_path, a=f"{SIGNED} {OTHER}", b=copy, c=SIGNED_LATE)],
                           nlp=nlp)
    judged = {j.doc: j for j in base.report.documents}
    assert judged["b"].copies == ["a"]
    # a and its copy b count once: c is contradicted by one source, so nobody is unreliable.
    assert all(j.reliability == "reliable" for j in judged.values())
    assert {f.status for f in treaty_facts(base)} == {"contested"}


def test_sources_file_overrides_a_judgement(tmp_path, nlp):
    folder = corpus(tmp_path, a=SIGNED, b=SIGNED_TOO, c=SIGNED_LATE)
    (folder / "sources.toml").write_text(
        '[documents.c]\nreliability = "reliable"\nreason = "the archive copy, checked"\n'
        '[documents.a]\ntitle = "Treaty notes"\n'
    )
    base = build_fact_base([folder], nlp=nlp)
    judged = {j.doc: j for j in base.report.documents}
    assert judged["c"].reliability == "reliable" and judged["c"].overridden
    assert judged["c"].reasons == ["set in sources.toml: the archive copy, checked"]
    assert judged["a"].title == "Treaty notes"
    assert "contested" in {f.status for f in treaty_facts(base)}


@pytest.mark.parametrize(("text", "message"), [
    ("[documents", "not valid TOML"),
    ('[documents.a]\nreliability = "maybe"\n', "must be \"reliable\" or \"unreliable\""),
    ('[documents.a]\nreliability = "unreliable"\n', "needs a reason"),
])
def test_bad_sources_file(tmp_path, text, message):
    path = tmp_path / "sources.toml"
    path.write_text(text)
    with pytest.raises(SourcesFileError, match=message):
        load_overrides(path)


# -- the seeds ---------------------------------------------------------------------------------


def test_seed_reliability(seed_base):
    judged = {j.doc[:3]: j for j in seed_base.report.documents}
    assert judged["003"].reliability == "unreliable"
    assert {judged[d].reliability for d in ("000", "001", "002", "004")} == {"reliable"}
    # The reasons name the conflicts: 003 dates the Assad government's fall to 2015.
    assert any("2015" in r and "late 2024" in r for r in judged["003"].reasons)
    assert judged["002"].copies == ["001_62aae687985c35b2"]


def test_seed_facts(seed_base):
    facts = seed_base.report.facts
    assert len(facts) >= 60
    by_status = {f.status for f in facts}
    assert {"corroborated", "single-source", "rejected"} <= by_status
    reopening = [f for f in facts if f.status == "corroborated" and f.answer == "30 September 2019"]
    assert reopening and {"000", "001"} <= {s[:3] for s in reopening[0].sources}
    # Nothing from the fiction reaches a learner as fact.
    assert all(f.status == "rejected" for f in facts if f.sources[0].startswith("003"))
    # The news digest never states its year, and no fact gives it one.
    assert not any(f.inferred for f in facts if f.sources[0].startswith("004"))


def test_seed_json_shape(seed_base):
    """(That each quote is the file's own text at its offsets: tests/generator/test_claims.)"""
    data = json.loads(to_model(seed_base.report).model_dump_json())
    assert set(data) == {"documents", "facts", "conflicts"}
    for fact in data["facts"]:
        assert {"id", "kind", "statement", "answer", "status", "sources", "evidence"} <= set(fact)
        assert fact["evidence"] and all(set(e) == {"doc", "quote", "start", "end"}
                                        for e in fact["evidence"])
    assert len({f["id"] for f in data["facts"]}) == len(data["facts"])
    assert data["conflicts"] and all(
        {"about", "claims"} <= set(c) and len(c["claims"]) >= 2 for c in data["conflicts"]
    )
    for c in data["conflicts"]:
        quotes = [(x["doc"], x["quote"]) for x in c["claims"]]
        assert len(quotes) == len(set(quotes))


def test_an_open_ended_date_does_not_corroborate(tmp_path, nlp):
    base = build_fact_base([corpus(
        tmp_path,
        a="The Varna crossing was seized by Freedonian rebels in 2011, and held since then.",
        b="Since 2009 the Varna crossing has been seized again and again by Freedonian rebels.",
    )], nlp=nlp)
    assert not [f for f in base.report.facts if f.status == "corroborated"]
