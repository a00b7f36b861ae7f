"""The command line as a user meets it: output, exit status, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from quiz.cli import main
from tests.conftest import ROOT, SEEDS


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "quiz.cli", *args], cwd=cwd,
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


def test_facts_for_people_shows_judgements_and_conflicts(capsys):
    assert main(["facts", str(SEEDS), "--no-quotes"]) == 0
    out = capsys.readouterr().out
    assert "unreliable" in out and "Conflicts (" in out and "Corroborated (" in out


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    result = run("facts", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "nowhere: no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_file_is_reported_and_good_documents_still_are(tmp_path):
    (tmp_path / "good.txt").write_text(
        "= Pact =\n\nIraq and Syria signed a trade pact in Damascus in 1958.\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x01")
    result = run("facts", str(tmp_path), "--json")
    assert result.returncode == 2
    assert "bad.txt: is binary, not text" in result.stderr
    assert [d["doc"] for d in json.loads(result.stdout)["documents"]] == ["good"]


def test_no_sources_and_no_seeds_folder(tmp_path):
    result = run("facts", cwd=tmp_path)
    assert result.returncode == 2 and "no ./seeds folder" in result.stderr


def test_broken_sources_file_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("= A =\n\nIraq and Syria signed a trade pact in 1958.\n")
    (tmp_path / "sources.toml").write_text("[documents\n")
    result = run("facts", str(tmp_path))
    assert result.returncode == 2
    assert "sources.toml: not valid TOML" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args, message", [
    (["study", "--retention", "1.5"], "choose between 0.70 and 0.99"),
    (["study", "--new", "-3"], "0 or more"),
    (["study", "nowhere.json"], "no such bank file"),
])
def test_study_user_errors_exit_2(tmp_path, args, message):
    result = subprocess.run([sys.executable, "-m", "quiz.cli", *args, "--db",
                             str(tmp_path / "h.sqlite3")], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr
