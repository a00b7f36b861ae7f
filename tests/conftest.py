from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"


def seed(prefix: str) -> Path:
    """The seed document whose file name starts with `prefix` ("003")."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from quiz.generator.claims import load_nlp

    return load_nlp()


BANK = ROOT / "banks" / "iraq-syria.json"


@pytest.fixture(scope="session")
def seed_generation(nlp):
    """The seeds turned into a bank, with the title the committed bank carries."""
    import json

    from quiz.generator.pipeline import generate

    title = json.loads(BANK.read_text(encoding="utf-8"))["title"]
    return generate([SEEDS], title=title, nlp=nlp)


@pytest.fixture(scope="session")
def seed_base(seed_generation):
    """The seeds' fact base (read, claims, verification): the one the generation built, so
    the seeds are parsed once per run. Generating questions leaves it as it was."""
    return seed_generation.fact_base
