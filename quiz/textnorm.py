"""Text normalisation shared by the generator and the grader (no spaCy here).

`fold` makes strings comparable (case, accents, apostrophe and dash variants); `name_key`
goes further for names of people, groups and places ("the al-Qaim" and "Al Qaim" meet).
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʿ": "'",
                              "ʾ": "'", "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
# Arabic article and its assimilated forms, as written in English transliterations.
_ARTICLE = re.compile(r"(?:(?<=\s)|^)(?:al|el|ad|ash|as|at|az|an|ar)[- ](?=\w)", re.IGNORECASE)

# Adjectives of nationality stand for their state when events are matched.
DEMONYMS = {
    "iraqi": "iraq", "iraqis": "iraq", "syrian": "syria", "syrians": "syria",
    "iranian": "iran", "iranians": "iran", "russian": "russia", "turkish": "turkey",
    "american": "united states", "americans": "united states", "us": "united states",
    "u.s.": "united states", "u.s": "united states", "usa": "united states",
    "british": "united kingdom", "uk": "united kingdom", "french": "france",
    "egyptian": "egypt", "israeli": "israel", "jordanian": "jordan", "kurdish": "kurdistan",
    "saudi": "saudi arabia", "lebanese": "lebanon", "kuwaiti": "kuwait", "turkey's": "turkey",
    "canadian": "canada", "german": "germany", "qatari": "qatar",
}
# Names that mean the same organisation whatever the document calls it.
KNOWN_ALIASES = {
    "isis": "islamic state", "isil": "islamic state", "daesh": "islamic state",
    "is": "islamic state", "islamic state of iraq and syria": "islamic state",
    "islamic state of iraq and the levant": "islamic state", "islamic state": "islamic state",
    "united states of america": "united states", "the united states": "united states",
    "united states": "united states",
}


def fold(text: str) -> str:
    """Lower case without accents, with one kind of apostrophe and dash, spaces folded."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def name_key(text: str) -> str:
    """A key for a name: folded, no leading "the", no Arabic article, no punctuation."""
    text = fold(text)
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s$", "", text)
    text = _ARTICLE.sub("", text)
    text = text.replace("'", "")  # "Hay'at" and "Hayat" meet
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def canonical_entity(text: str, aliases: dict[str, str] | None = None) -> str:
    """The one key under which a named thing is matched: aliases and demonyms resolved."""
    key = name_key(text)
    for table in (aliases or {}, KNOWN_ALIASES, DEMONYMS):
        if key in table:
            return table[key]
    return key
