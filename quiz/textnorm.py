"""Text normalisation and the lexicon shared by the generator, the grader and the tutor (no
spaCy here).

`fold` makes strings comparable (case, accents, apostrophe and dash variants); `name_key`
goes further for names of people, groups and places ("the al-Qaim" and "Al Qaim" meet);
`tokens`, `stem` and `same_word` compare words, for the grader and the tutor alike. The
lexicon is defined here once: stop words (`STOP_WORDS`), nationalities and other names of
one thing (`DEMONYMS`, `KNOWN_ALIASES`, `name_word`), and outcomes that contradict each
other (`OPPOSITES`, `opposed`, `are_opposites`).
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Collection

from rapidfuzz.distance import DamerauLevenshtein

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
    "united states": "united states", "britain": "united kingdom",
    "great britain": "united kingdom", "soviet union": "ussr", "soviets": "ussr",
    "us": "united states", "usa": "united states", "uk": "united kingdom",
    "united kingdom": "united kingdom",
    "un": "united nations", "united nations": "united nations", "ussr": "ussr",
    "unsc": "united nations security council",
    "un security council": "united nations security council",
    "united nations security council": "united nations security council",
}


_ACRONYMS = {"us", "usa", "uk", "un", "unsc", "ussr", "eu", "isis", "isil"}


def other_names(name: str) -> list[str]:
    """The other names KNOWN_ALIASES gives the thing `name` names, as people write them
    ("United Kingdom" → "Britain", "Great Britain", "UK")."""
    key = fold(name).removeprefix("the ")
    meant = KNOWN_ALIASES.get(key)
    if meant is None:
        return []
    # "is" names Islamic State only as a whole answer; "the …" forms add nothing.
    return [_as_written(alias) for alias, same in KNOWN_ALIASES.items()
            if same == meant and alias != key and alias != "is" and not alias.startswith("the ")]


def _as_written(alias: str) -> str:
    """ "un security council" → "UN Security Council"."""
    return " ".join(w.upper() if w in _ACRONYMS else w if w in ("of", "and", "the") else w.title()
                    for w in alias.split())
# Function words: articles (the Arabic one too), "and", prepositions, pronouns and
# possessives, forms of "be", "have" and "do", relatives. Whoever reads texts for their
# content words drops these; a reader that must drop more unites them with a named set of
# its own, saying why.
STOP_WORDS = frozenset({
    "a", "an", "the", "al", "el", "and", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "into", "via", "as", "it", "its", "they", "them", "their", "his", "her", "this",
    "that", "which", "who", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    "did",
})


def clean_input(value: object, limit: int = 10_000) -> str:
    """What a person typed, safe to read: a string, control and format characters made
    spaces, spaces folded, at most `limit` characters read."""
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text[:limit])
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower case without accents, with one kind of apostrophe and dash, spaces folded."""
    text = text.translate(_APOSTROPHES)
    if not text.isascii():  # most text is: skip the costly part
        text = unicodedata.normalize("NFKD", text)
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


# States a question may offer as options when the answer is a state: the documents' own
# countries come first; this list fills in when a small corpus names too few.
COUNTRIES = (
    "Afghanistan", "Algeria", "Austria", "Bahrain", "Belgium", "Brazil", "Britain", "Canada",
    "China", "Cuba", "Cyprus", "Denmark", "Egypt", "Ethiopia", "France", "Germany", "Greece",
    "Hungary", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Japan",
    "Jordan", "Kuwait", "Lebanon", "Libya", "Mexico", "Morocco", "the Netherlands", "Norway",
    "Oman", "Pakistan", "Poland", "Portugal", "Qatar", "Russia", "Saudi Arabia", "Serbia",
    "Spain", "Sudan", "Sweden", "Switzerland", "Syria", "Tunisia", "Turkey", "Ukraine",
    "the United Arab Emirates", "the United Kingdom", "the United States", "Yemen",
)
COUNTRY_KEYS = frozenset(name_key(c) for c in COUNTRIES) | frozenset(DEMONYMS.values()) | {
    "uk", "usa", "us", "soviet union", "ussr", "ottoman empire", "persia", "prussia",
    "austria hungary", "czechoslovakia", "yugoslavia", "united arab republic",
}
# Capitals that texts use for their governments ("Baghdad acknowledged ...").
CAPITALS = {
    "baghdad": "Iraq", "damascus": "Syria", "tehran": "Iran", "ankara": "Turkey",
    "amman": "Jordan", "beirut": "Lebanon", "cairo": "Egypt", "riyadh": "Saudi Arabia",
    "moscow": "Russia", "washington": "the United States", "london": "Britain",
    "paris": "France", "berlin": "Germany", "kuwait city": "Kuwait", "jerusalem": "Israel",
}


# Verbs whose past and participle no rule makes: the generator writes them into questions
# ("did ... begin", "was overthrown by"), the tutor reads them back to their base form.
IRREGULAR_PAST = {
    "be": "was", "have": "had", "do": "did", "go": "went", "take": "took", "make": "made",
    "give": "gave", "begin": "began", "break": "broke", "bring": "brought", "buy": "bought",
    "build": "built", "choose": "chose", "come": "came", "drive": "drove", "fall": "fell",
    "fight": "fought", "find": "found", "flee": "fled", "forbid": "forbade", "get": "got",
    "grow": "grew", "hold": "held", "keep": "kept", "know": "knew", "lead": "led",
    "leave": "left", "lose": "lost", "meet": "met", "overthrow": "overthrew", "pay": "paid",
    "put": "put", "rise": "rose", "run": "ran", "say": "said", "see": "saw", "seek": "sought",
    "sell": "sold", "send": "sent", "set": "set", "shoot": "shot", "speak": "spoke",
    "spend": "spent", "stand": "stood", "strike": "struck", "swear": "swore", "teach": "taught",
    "tell": "told", "think": "thought", "throw": "threw", "understand": "understood",
    "win": "won", "withdraw": "withdrew", "write": "wrote", "draw": "drew", "arise": "arose",
    "overcome": "overcame", "undertake": "undertook", "become": "became", "cut": "cut",
    "let": "let", "hit": "hit", "spread": "spread", "split": "split", "quit": "quit",
    "bear": "bore", "beat": "beat", "bind": "bound", "forsake": "forsook", "forgive": "forgave",
    "rebuild": "rebuilt", "retake": "retook", "uphold": "upheld", "withhold": "withheld",
    "stop": "stopped", "plan": "planned", "ban": "banned", "ship": "shipped",
    "commit": "committed", "admit": "admitted", "submit": "submitted", "occur": "occurred",
    "refer": "referred", "prefer": "preferred", "transfer": "transferred", "control": "controlled",
    "compel": "compelled", "expel": "expelled", "propel": "propelled", "repel": "repelled",
}
IRREGULAR_PARTICIPLE = {
    "be": "been", "take": "taken", "give": "given", "begin": "begun", "break": "broken",
    "choose": "chosen", "drive": "driven", "fall": "fallen", "forbid": "forbidden",
    "go": "gone", "grow": "grown", "know": "known", "overthrow": "overthrown", "rise": "risen",
    "see": "seen", "speak": "spoken", "swear": "sworn", "throw": "thrown", "win": "won",
    "withdraw": "withdrawn", "write": "written", "draw": "drawn", "arise": "arisen",
    "become": "become", "come": "come", "run": "run", "undertake": "undertaken",
    "bear": "borne", "beat": "beaten", "retake": "retaken", "forgive": "forgiven",
}


# -- words, for comparing answers and finding facts ---------------------------------------


def tokens(text: str) -> list[str]:
    """Folded words without articles and punctuation; "al-Sharaa" and "Alsharaa" meet."""
    key = canonical_entity(re.sub(r"\b([A-Za-z])\.", r"\1", text))  # "U.S." is "US"
    key = re.sub(r"\b(?:a|an|the)\b", " ", key)
    # "French" is France's: a nationality names its state ("France occupied ...").
    return [name_word(w) for w in re.findall(r"[a-z0-9]+", key) if w]


def name_word(word: str) -> str:
    """One word of a name as word-by-word matching reads it: a nationality is its state's
    name when that is one word ("iraqi" is "iraq"; "british" stays), and an organisation's
    several one-word names are one ("isil" and "daesh" are "isis")."""
    state = DEMONYMS.get(word, word)
    return _ONE_WORD_ALIASES.get(word, state if " " not in state else word)


def _one_word_aliases() -> dict[str, str]:
    """KNOWN_ALIASES read word by word: the first one-word name of a thing stands for its
    other one-word names (never a stop word: "is" names Islamic State only on its own)."""
    names: dict[str, list[str]] = {}
    for alias, meant in KNOWN_ALIASES.items():
        if " " not in alias and alias not in STOP_WORDS and alias != meant:
            names.setdefault(meant, []).append(alias)
    return {alias: words[0] for words in names.values() if len(words) > 1 for alias in words}


_ONE_WORD_ALIASES = _one_word_aliases()


def stem(word: str) -> str:
    """A crude stem, enough to meet "suspended", "suspension" and "suspend"."""
    for suffix in ("ations", "ation", "ions", "ion", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word


@functools.lru_cache(maxsize=1 << 16)  # the grader asks the same pairs over and over
def same_word(said: str, word: str) -> bool:
    """The same word, allowing transliteration and a typo short of another known name."""
    if said == word:
        return True
    if said.isdigit() or word.isdigit():
        return False  # "1979" is not "1978"
    a, b = transliterated(said), transliterated(word)
    if a == b:
        return True
    allowed = 0 if len(word) <= 4 else 1 if len(word) <= 8 else 2
    if allowed == 0 or DamerauLevenshtein.distance(said, word) > allowed:
        return False
    # A typo, unless it spells another name we know ("Serbia" for "Syria").
    return said not in COUNTRY_KEYS


@functools.lru_cache(maxsize=1 << 16)
def transliterated(word: str) -> str:
    """One spelling for common transliterations of Arabic names (Hafez/Hafiz, Assad/Asad,
    Moqtada/Muqtada, Hussein/Husayn)."""
    w = word
    w = re.sub(r"^(al|el)(?=[a-z]{3})", "", w)  # "Alsharaa"; not "Assad" → "sad"
    w = w.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("ai", "i")
    w = w.replace("ay", "i").replace("ei", "i").replace("q", "k").replace("dh", "d")
    w = re.sub(r"(.)\1+", r"\1", w)
    w = w.translate(str.maketrans("eoy", "iui"))
    return w.rstrip("h") or w


# -- outcomes that cannot both be true ----------------------------------------------------

# Base forms of outcomes that contradict each other. Each row sets two sides against each
# other: every word of one is the opposite of every word of the other ("reopened" for
# "closed"). The grader reads learners' answers against it, verification reads documents'
# outcomes (spaCy lemmas) against it. Every word is its own `stem`, so a stemmed answer and
# a lemma meet it alike.
OPPOSITES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(one), frozenset(other)) for one, other in (
        ({"open", "reopen", "resume", "restore"}, {"close", "seal", "suspend", "sever", "shut"}),
        ({"establish"}, {"suspend", "sever"}),
        ({"establish", "form", "create"}, {"dissolve", "abolish", "end"}),
        ({"sign", "ratify", "accept", "approve"}, {"reject", "refuse", "cancel", "abandon"}),
        ({"win", "victory"}, {"lose", "defeat"}),
        ({"join"}, {"leave", "withdraw"}),
    )
)


def opposed(said: Collection[str], meant: Collection[str], *,
            same: Callable[[str, str], bool] = operator.eq) -> bool:
    """Do the words `said` name the opposite of the outcome the words `meant` name? One side
    of a row of OPPOSITES is in each, and `said` does not also hold `meant`'s side. Words are
    stems or lemmas; `same(word, base)` compares one with a word of the table (the grader
    forgives a typo)."""
    def has(words: Collection[str], side: frozenset[str]) -> bool:
        return any(same(w, base) for w in words for base in side)

    return any(
        (has(said, one) and has(meant, other) and not has(said, other))
        or (has(said, other) and has(meant, one) and not has(said, one))
        for one, other in OPPOSITES
    )


def are_opposites(a: str, b: str) -> bool:
    """Two outcomes, each one base form (lemma or stem), that cannot both be true."""
    return opposed((a,), (b,))
