"""The study side starts fast: it never imports spaCy or the generator."""

from __future__ import annotations

import subprocess
import sys

# Modules the study side is made of (grading, scheduling, store and TUI join as they land).
STUDY_SIDE = ["quiz.dates", "quiz.textnorm", "quiz.models", "quiz.bank", "quiz.grading",
              "quiz.scheduler", "quiz.store", "quiz.study", "quiz.hints", "quiz.history",
              "quiz.history_view", "quiz.tutor", "quiz.tutor_view",
              "quiz.tui.app", "quiz.tui.history_screen", "quiz.cli"]
GENERATOR = ["spacy", "quiz.claims", "quiz.corpus", "quiz.verify", "quiz.factbase",
             "quiz.questions", "quiz.wording", "quiz.generate", "quiz.distractors"]


def test_study_side_imports_no_generator():
    code = (
        "import sys\n"
        f"for name in {STUDY_SIDE!r}: __import__(name)\n"
        f"print([m for m in {GENERATOR!r} if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_the_check_itself_can_fail():
    code = "import sys, quiz.claims\nprint('spacy' in sys.modules or 'quiz.corpus' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "True"
