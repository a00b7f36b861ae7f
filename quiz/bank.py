"""Bank files: writing them byte-for-byte reproducibly, and loading them with one-line errors.

Both halves use this module, so it imports nothing from the generator.
"""

from __future__ import annotations

import json
import os
import tempfile
from importlib.resources import files
from pathlib import Path

from pydantic import ValidationError

from quiz.models import BANK_SCHEMA, Bank

BUNDLED_BANK_NAME = "iraq-syria.json"


def bundled_banks_folder() -> Path:
    """Where the banks shipped with quiz are: the repository's banks/ folder, which the
    package maps to `quiz.banks` (an editable install reads it in place, a wheel carries it)."""
    return Path(str(files("quiz.banks")))


def bundled_bank() -> Path:
    """The bank `quiz` opens when none is named."""
    return bundled_banks_folder() / BUNDLED_BANK_NAME


class BankError(Exception):
    """A bank file that cannot be used; the message is one line for the learner."""


def bank_json(bank: Bank) -> str:
    """The file's text: keys in model order, two-space indent, UTF-8, a final newline."""
    data = bank.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_bank(bank: Bank, path: Path) -> None:
    """Write atomically: a crash mid-write leaves the old bank, never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(bank_json(bank))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def bank_schema() -> str:
    return json.dumps(Bank.model_json_schema(by_alias=True), indent=2) + "\n"


def load_bank(path: Path | str) -> Bank:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BankError(f"{path}: no such bank file") from None
    except IsADirectoryError:
        raise BankError(f"{path}: is a folder, not a bank file") from None
    except OSError as err:
        raise BankError(f"{path}: cannot read ({err.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BankError(f"{path}: not a bank (not UTF-8 text)") from None
    except json.JSONDecodeError as err:
        raise BankError(
            f"{path}: not a bank, or cut short (invalid JSON at line {err.lineno}); "
            "regenerate it with `quiz generate`"
        ) from None
    if not isinstance(data, dict) or "questions" not in data:
        raise BankError(f"{path}: not a quiz bank (no questions)")
    schema = data.get("schema")
    if schema != BANK_SCHEMA:
        raise BankError(
            f"{path}: bank format {schema!r} is not the supported {BANK_SCHEMA!r}; "
            "regenerate it with `quiz generate`"
        )
    try:
        return Bank.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BankError(f"{path}: broken bank at {where}: {first['msg']}") from None
