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


BANK = ROOT / "banks" / "iraq-syria.json"


@pytest.fixture(scope="session")
def seed_generation(nlp):
    """The seeds turned into a bank, with the title the committed bank carries."""
    import json

    from quiz.generate import generate

    title = json.loads(BANK.read_text(encoding="utf-8"))["title"]
    return generate([SEEDS], title=title, nlp=nlp)
