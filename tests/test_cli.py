"""The command line as a user meets it: output, exit status, one-line errors.

One run on the seeds goes through a real `python -m quiz.cli` process, end to end; the
error paths call `main` in this process (an uncaught exception fails the test just the same,
without starting Python and spaCy again for each)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from quiz.cli import main
from tests.conftest import BANK, ROOT, SEEDS

SIGNED = "On 3 March 2010, the Treaty of Varna was signed in Geneva by Ruritania and Freedonia."
SIGNED_TOO = ("Ruritania and Freedonia signed the Treaty of Varna at a ceremony in Geneva "
              "in March 2010.")
SIGNED_LATE = ("Ruritania and Freedonia signed the Treaty of Varna in Geneva on 5 May 2011, "
               "after talks.")


def run(*args, cwd=ROOT, env=None):
    return subprocess.run([sys.executable, "-m", "quiz.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_facts_json_on_the_seeds():
    result = run("facts", str(SEEDS), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["facts"]) >= 60
    assert {d["doc"][:3]: d["reliability"] for d in data["documents"]} == {
        "000": "reliable", "001": "reliable", "002": "reliable", "003": "unreliable",
        "004": "reliable",
    }


def test_facts_for_people_shows_judgements_and_conflicts(tmp_path, capsys):
    """Two documents agree on the treaty's date, a third contradicts them: it is judged
    unreliable, the conflict is shown, and --no-quotes leaves the evidence lines out."""
    for name, text in {"a": SIGNED, "b": SIGNED_TOO, "c": SIGNED_LATE}.items():
        (tmp_path / f"{name}.txt").write_text(f"= {name} =\n\n{text}\n", encoding="utf-8")
    assert main(["facts", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "c  c  unreliable" in out and "Conflicts (1)" in out and "Corroborated (1)" in out
    evidence = f"“{SIGNED}” — a ["
    assert evidence in " ".join(out.split())
    assert main(["facts", str(tmp_path), "--no-quotes"]) == 0
    terse = capsys.readouterr().out
    assert "Corroborated (1)" in terse and evidence not in " ".join(terse.split())


def test_missing_path_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["facts", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0
    assert "nowhere: no such file or folder" in err


def test_bad_file_is_reported_and_good_documents_still_are(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(
        "= Pact =\n\nIraq and Syria signed a trade pact in Damascus in 1958.\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x01")
    assert main(["facts", str(tmp_path), "--json"]) == 2
    out, err = capsys.readouterr()
    assert "bad.txt: is binary, not text" in err
    assert [d["doc"] for d in json.loads(out)["documents"]] == ["good"]


def test_no_sources_and_no_seeds_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["facts"]) == 2
    assert "no ./seeds folder" in capsys.readouterr().err


def test_broken_sources_file_is_one_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("= A =\n\nIraq and Syria signed a trade pact in 1958.\n")
    (tmp_path / "sources.toml").write_text("[documents\n")
    assert main(["facts", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "sources.toml: not valid TOML" in err and err.count("\n") == 1


@pytest.mark.parametrize("args, message", [
    (["study", "--retention", "1.5"], "choose between 0.70 and 0.99"),
    (["study", "--new", "-3"], "0 or more"),
    (["study", "nowhere.json"], "no such bank file"),
])
def test_study_user_errors_exit_2(tmp_path, capsys, args, message):
    assert main([*args, "--db", str(tmp_path / "h.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "h.sqlite3").exists()


def test_a_bank_path_alone_means_study(tmp_path, capsys):
    """`quiz path/to/bank.json` is `quiz study path/to/bank.json`: the study command's own
    checks answer, not the command parser's "invalid choice"."""
    assert main([str(BANK), "--retention", "5"]) == 2
    assert "--retention 5.0: choose between" in capsys.readouterr().err
    assert main([str(tmp_path / "nowhere" / "bank.json")]) == 2
    err = capsys.readouterr().err
    assert "bank.json" in err and "invalid choice" not in err


def test_a_misspelt_command_is_not_taken_for_a_bank(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["histroy"])
    assert exit_.value.code == 2
    assert "invalid choice: 'histroy'" in capsys.readouterr().err


def test_commands_find_the_bundled_bank_from_any_folder(tmp_path):
    env = {**os.environ, "QUIZ_DB": str(tmp_path / "h.sqlite3")}
    asked = run("ask", "When was the al-Qaim border crossing reopened?", cwd=tmp_path, env=env)
    assert asked.returncode == 0, asked.stderr
    assert "30 September 2019" in asked.stdout
    history = run("history", cwd=tmp_path, env=env)
    assert history.returncode == 0 and "No study history yet" in history.stdout
