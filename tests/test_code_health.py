"""The code holds its shape: import contracts, types and lint, checked with the tools the test
environment installed (found through the running interpreter, not PATH)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import ROOT

LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def _run(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          env=env)


def test_import_contracts_are_kept():
    result = _run("-c", LINT_IMPORTS, "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_study_module_importing_spacy_breaks_a_contract(tmp_path):
    """The contracts catch a real break: a copy of the package whose grader imports spaCy."""
    shutil.copytree(ROOT / "quiz", tmp_path / "quiz",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    grader = tmp_path / "quiz" / "study" / "grading.py"
    grader.write_text(grader.read_text() + "\nimport spacy  # noqa\n")
    env = {"PYTHONPATH": str(tmp_path), "PATH": ""}
    result = _run("-c", LINT_IMPORTS, "--no-cache", cwd=tmp_path, env=env)
    assert result.returncode != 0
    assert "quiz.study.grading -> spacy" in result.stdout


def test_types_check():
    result = _run("-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean():
    result = _run("-m", "ruff", "check", "quiz", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_package_is_in_the_wheel():
    """pyproject lists the packages (banks/ is mapped in as quiz.banks): a new subpackage
    left off the list would be missing from an installed quiz."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    on_disk = {".".join(init.parent.relative_to(ROOT).parts)
               for init in (ROOT / "quiz").rglob("__init__.py")}
    assert on_disk | {"quiz.banks"} == listed
    assert (ROOT / "banks" / "iraq-syria.json").is_file()
