from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed(prefix: str) -> Path:
    """The seed document whose file name starts with `prefix` ("003")."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from quiz.claims import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_base(nlp):
    from quiz.factbase import build_fact_base

    return build_fact_base([SEEDS], nlp=nlp)
