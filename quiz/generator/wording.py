"""Question wording: turn a parsed clause into a question a person would write (uses spaCy).

A clause is cut to its verb, subject, auxiliaries, objects and modifiers; clauses that say
something else (adverbial clauses, coordinated clauses with their own subject, parentheses)
are left out. Then the question is formed the way English forms it: a wh-word for the
answer, subject–auxiliary inversion, do-support when there is no auxiliary ("When did Iraq
reopen ...?"), passives turned active when the agent is asked for ("Who claimed the
attack?"). Any doubt — a pronoun nobody resolves, a bare "the attack", a clause without a
subject — and the clause is not asked: a skipped fact costs less than a broken question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from quiz.textnorm import IRREGULAR_PARTICIPLE, IRREGULAR_PAST, STOP_WORDS, fold, name_key

# Children of a verb that belong to another statement.
_OTHER_STATEMENT = {"advcl", "parataxis", "mark", "punct", "cc", "dep", "intj", "meta",
                    "preconj", "csubj"}
# Sentence adverbs that link to the text around and mean nothing in a question on its own.
_DISCOURSE = {
    "however", "instead", "also", "then", "thus", "therefore", "meanwhile", "subsequently",
    "finally", "nevertheless", "moreover", "furthermore", "though", "later", "eventually",
    "still", "again", "accordingly", "consequently", "hence", "additionally", "likewise",
    "nonetheless", "yet", "so", "too", "already", "ultimately", "soon", "shortly",
}
_PERSONAL = {"he", "she", "it", "they", "him", "her", "them", "we", "us", "i", "you", "one",
             "himself", "herself", "itself", "themselves"}
_POSSESSIVE = {"his", "her", "its", "their"}
_DEMONSTRATIVE = {"this", "that", "these", "those", "such", "former", "latter", "said",
                  "aforementioned"}

def past_tense(lemma: str) -> str:
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    return lemma + "ed"


def participle(lemma: str) -> str:
    if lemma in IRREGULAR_PARTICIPLE:
        return IRREGULAR_PARTICIPLE[lemma]
    return past_tense(lemma)


def tokens_in(sdoc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that overlap characters [start, end) of the parsed text."""
    return [t for t in sdoc if t.idx < end and t.idx + len(t) > start]


def span_root(tokens: list[Token]) -> Token:
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head == t), tokens[0])


# Subordinate clauses the text asserts as fact ("after Iraq invaded Kuwait in 1990").
_FACTUAL_MARKS = {"after", "when", "as", "because", "since", "although", "though", "while",
                  "before", "until", "once", "whereas"}


def is_finite_clause(verb: Token) -> bool:
    """A clause with a subject and a tense that the text asserts: a main clause, one
    coordinated with it, or an adverbial clause of time or reason."""
    if subject_of(verb) is None:
        return False
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
        for c in verb.children)
    if not finite:
        return False
    if verb.dep_ == "ROOT":
        return True
    if verb.dep_ == "conj":
        return verb.head.dep_ == "ROOT" or is_finite_clause(verb.head)
    if verb.dep_ == "advcl":
        marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
        return len(marks) == 1 and marks[0] in _FACTUAL_MARKS
    return False


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; a coordinated verb shares its head's ("Iraq invaded X and joined Y")."""
    own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if own is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    return own


@dataclass
class Clause:
    """The renderable parts of one clause, as lists of tokens in text order."""

    front: list[Token]  # adverbials before the subject ("On 26 December 2024")
    subject: list[Token]
    auxes: list[Token]
    middle: list[Token]  # adverbs between subject and verb ("eventually", "publicly")
    verb: Token
    prefix: list[Token]  # "re-" split off the verb by the tokenizer
    rest: list[Token]


def clause_of(verb: Token, drop: Iterable[int] = ()) -> Clause | None:
    """The clause `verb` heads, without `drop` and without what belongs to other statements."""
    subject = subject_of(verb)
    if subject is None:
        return None
    cut = set(drop)
    for child in verb.children:
        if child.i in cut or child == subject:
            continue
        if child.dep_ in _OTHER_STATEMENT or child.dep_ in ("conj", "cc") or (
            child.dep_ == "advmod" and child.lower_ in _DISCOURSE
        ):
            cut.update(t.i for t in child.subtree)
    # The verb's own commas were cut with the punctuation; those that pair up around an
    # aside between subject and verb come back below.
    own_commas = {c.i for c in verb.children if c.text == ","}
    cut |= _asides(verb.doc)
    for t in verb.subtree:  # ", which was performed in coordination with ...": an aside too
        if t.dep_ == "relcl" and t.left_edge.i > 0 and verb.doc[t.left_edge.i - 1].text == ",":
            cut.update(x.i for x in t.subtree)
            cut.add(t.left_edge.i - 1)
            own_commas.discard(t.left_edge.i - 1)
    # "Saddam Hussein, the Deputy Secretary of the Party, fearful of losing power,": the
    # subject's asides go; the question names the subject, not its description.
    for child in subject.children:
        if child.dep_ in ("appos", "amod", "acl", "relcl") and child.i > subject.i and (
            verb.doc[child.left_edge.i - 1].text == ","
        ):
            cut.update(t.i for t in child.subtree)
            cut.add(child.left_edge.i - 1)
            own_commas.discard(child.left_edge.i - 1)
            after = child.right_edge.i + 1
            if after < verb.i and verb.doc[after].text == ",":
                cut.add(after)
                own_commas.discard(after)
    prefix = _re_prefix(verb)
    cut |= {t.i for t in prefix}
    subject_ids = {t.i for t in subject.subtree} - cut
    if not subject_ids:
        return None
    first_subject = min(subject_ids)
    # A shared subject stands before the verb, outside its subtree.
    kept = sorted({t.i for t in verb.subtree} - cut | subject_ids)
    kept_tokens = [verb.doc[i] for i in kept]
    auxes = [t for t in verb.children
             if t.dep_ in ("aux", "auxpass") and t.i < verb.i and t.i not in cut]
    aux_ids = {t.i for t in auxes}
    # Commas between subject and verb stay when they pair up, as around an aside
    # ("Syria's foreign minister, Walid Muallem, visited"); a stray one goes.
    commas = [t for t in verb.doc[first_subject : verb.i] if t.text == ","
              and (t.i not in cut or t.i in own_commas)]
    if len(commas) % 2:
        # One too many: a list inside the subject ("Britain, France and Israel") keeps
        # its commas; otherwise the stray comma before the verb goes.
        last_word = max(i for i in subject_ids if not verb.doc[i].is_punct)
        inside = [t for t in commas if t.i < last_word]
        commas = inside if len(inside) % 2 else commas[:-1]
    comma_ids = {t.i for t in commas}
    front = [t for t in kept_tokens if t.i < first_subject and t.i not in aux_ids]
    subj = [t for t in kept_tokens if t.i in subject_ids and (t.text != "," or t.i in comma_ids)]
    middle = [t for t in kept_tokens if first_subject < t.i < verb.i
              and t.i not in subject_ids and t.i not in aux_ids and t.text != ","]
    middle += [verb.doc[i] for i in comma_ids if i not in subject_ids]
    rest = [t for t in kept_tokens if t.i > verb.i]
    # A long opener with a clause of its own ("Following allegations that Syria was ...")
    # is left out rather than carried to the end of the question.
    clausal = {t.i for c in verb.children if c.i < first_subject
               and any(x.pos_ in ("VERB", "AUX") for x in c.subtree) for t in c.subtree}
    # "In return, ...", "In response, ...": a connective, not a circumstance.
    connective = {t.i for c in verb.children if c.i < first_subject and c.dep_ == "prep"
                  and [(x.dep_, x.pos_) for x in c.subtree][1:] == [("pobj", "NOUN")]
                  for t in c.subtree}
    front = [t for t in front if t.i not in clausal | connective]
    if any(c.dep_ == "conj" and c.pos_ == "VERB" and subject_of(c) == subject and any(
        a.dep_ in ("aux", "auxpass") for a in c.children
    ) for c in verb.children):
        # "... was shot down over Cuba and its pilot was killed": the second clause has an
        # auxiliary but no subject of its own, so the parser took its subject elsewhere.
        return None
    if verb.i in _asides(verb.doc):
        return None
    return Clause(front, subj, auxes, sorted(middle, key=lambda t: t.i), verb, prefix, rest)


def _re_prefix(verb: Token) -> list[Token]:
    """"re-opened" is parsed as "re", "-", "opened"; the prefix belongs to the verb."""
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "re":
        return [doc[verb.i - 2], doc[verb.i - 1]]
    return []


def _asides(doc: Doc) -> set[int]:
    """Tokens inside parentheses or between a pair of dashes: asides a question can lose."""
    out: set[int] = set()
    depth, dash_open = 0, None
    for t in doc:
        if t.text == "(":
            depth += 1
        if depth:
            out.add(t.i)
        if t.text == ")" and depth:
            depth -= 1
        if t.text == "—":
            if dash_open is None:
                dash_open = t.i
            else:
                out.update(range(dash_open, t.i + 1))
                dash_open = None
    return out


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------


def words(tokens: Iterable[Token], replace: dict[int, str] | None = None,
          lower_first: bool = False, strip: bool = True) -> str:
    """The tokens as text, spaced as the document spaced them."""
    replace = replace or {}
    tokens = sorted(tokens, key=lambda t: t.i)
    out = []
    for n, t in enumerate(tokens):
        text = replace.get(t.i, t.text)
        if n == 0 and lower_first and not _keeps_capital(t):
            text = text[:1].lower() + text[1:]
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        gap = t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else " "
        out.append(text + gap)
    text = "".join(out)
    return tidy(text) if strip else " ".join(text.split())


def tidy(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:!?’')\]])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    text = re.sub(r",(\s*,)+", ",", text)
    text = re.sub(r"\s*,\s*(\?|$)", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s*[,;]\s*\)", ")", text)
    return text.strip(" ,;:-–—")


def _keeps_capital(token: Token) -> bool:
    if token.pos_ == "DET":
        return False  # "The Suez Canal" in the middle of a question is "the Suez Canal"
    return token.pos_ == "PROPN" or bool(token.ent_type_) or token.text.isupper() or (
        token.text == "I")


def question(wh: str, *parts: str) -> str:
    body = " ".join(p for p in parts if p)
    return f"{tidy(f'{wh} {body}')}?" if tidy(body) else ""


def _tail(clause: Clause, extra: str, replace: dict[int, str] | None = None,
          rest: list[Token] | None = None) -> str:
    """What follows the verb: its objects and modifiers, then the adverbials that stood
    before the subject ("..., in Damascus on 26 December 2024")."""
    rest = clause.rest if rest is None else rest
    return " ".join(x for x in (words(rest, replace=replace),
                                words(clause.front, lower_first=True), extra) if x)


def ask_non_subject(clause: Clause, wh: str, past: bool = False, extra: str = "") -> str | None:
    """"When did Iraq reopen ...?": the wh-word, then subject–auxiliary inversion.

    `past` turns a historical present into the past ("20 November 2018: Iraq announces").
    """
    subject = words(clause.subject, lower_first=True, strip=False)
    middle = words(clause.middle, strip=False)
    prefix = "".join(t.text for t in clause.prefix)
    verb = clause.verb
    if clause.auxes:
        first, *others = clause.auxes
        aux = first.lower_
        if past and first.tag_ in ("VBZ", "VBP"):
            aux = {"is": "was", "are": "were", "has": "had", "have": "had"}.get(aux, aux)
        return question(wh, aux, subject, words(others), middle, prefix + verb.text,
                        _tail(clause, extra))
    if verb.pos_ == "AUX":  # a copula: "When was X the capital?"
        be = verb.lower_
        if past:
            be = {"is": "was", "are": "were"}.get(be, be)
        return question(wh, be, subject, middle, _tail(clause, extra))
    if verb.tag_ == "VBD" or past:
        do = "did"
    elif verb.tag_ == "VBZ":
        do = "does"
    elif verb.tag_ == "VBP":
        do = "do"
    else:
        return None
    return question(wh, do, subject, middle, prefix + verb.lemma_.lower(), _tail(clause, extra))


def ask_subject(clause: Clause, wh: str, past: bool = False, extra: str = "",
                beside: str = "") -> str | None:
    """"Who met Ahmed al-Sharaa in Damascus?": the wh-word takes the subject's place.

    `beside` keeps co-actors the subject names ("Which country, along with Iran, signed").
    """
    verb = clause.verb
    prefix = "".join(t.text for t in clause.prefix)
    verb_text = prefix + verb.text
    auxes = [t.lower_ for t in clause.auxes]
    if past and not auxes and verb.tag_ in ("VBZ", "VBP"):
        verb_text = prefix + past_tense(verb.lemma_.lower())
    if auxes and auxes[0] in ("have", "are", "were", "do"):
        auxes[0] = {"have": "has", "are": "is", "were": "was", "do": "does"}[auxes[0]]
    if not auxes and verb.tag_ == "VBP" and not past:
        return None  # "they fight" → "who fights" needs agreement we do not guess
    head = f"{wh}, {beside}," if beside else wh
    middle = clause.middle
    if sum(t.text == "," for t in middle) % 2:  # the comma that closed the subject's aside
        middle = [t for t in middle if t.text != ","]
    return question(head, " ".join(auxes), words(middle, strip=False), verb_text,
                    _tail(clause, extra))


def ask_agent(clause: Clause, agent: set[int], wh: str, extra: str = "") -> str | None:
    """"The attack was claimed by X" → "Who claimed the attack?" (simple past passives only)."""
    if [t.lower_ for t in clause.auxes] not in (["was"], ["were"]):
        return None
    verb = clause.verb
    if participle(verb.lemma_.lower()) != verb.lower_:
        return None  # an odd participle: do not guess its past tense
    rest = [t for t in clause.rest if t.i not in agent]
    return question(wh, words(clause.middle), past_tense(verb.lemma_.lower()),
                    words(clause.subject, lower_first=True), _tail(clause, extra, rest=rest))


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------


def unresolved_reference(tokens: Iterable[Token], allow_possessive: bool,
                         pair_known: bool = False, titled: str | None = None) -> str | None:
    """A word that points back to something the question does not name, or None.

    `pair_known`: the document is about two states, so "both countries" names them.
    `titled`: the noun the document's title names its subject by ("Treaty" in "Treaty of
    Portsmouth"): "the treaty" is that one (the gate writes its name out).
    """
    tokens = list(tokens)
    kept = {t.i for t in tokens}
    for t in tokens:
        low = t.lower_
        if t.pos_ == "PRON" and low in _PERSONAL:
            return low
        if low in _POSSESSIVE and t.tag_ == "PRP$" and not allow_possessive:
            return low
        if low in _DEMONSTRATIVE and t.dep_ in ("det", "nsubj", "dobj", "pobj", "amod",
                                                "nsubjpass", "predet"):
            return low
        if low in ("both", "two") and t.head.lower_ in ("countries", "sides", "states",
                                                        "nations", "men", "leaders") and not (
            pair_known and t.head.lower_ in ("countries", "states", "nations")
        ):
            return f"{low} {t.head.lower_}"
        if low == "the" and t.dep_ == "det" and _bare(t.head, kept) and not (
            titled and t.head.lower_ == titled.lower()
        ):
            return f"the {t.head.lower_}"
    return None


def _bare(noun: Token, kept: set[int]) -> bool:
    """"the attack" with nothing (left in the question) saying which attack."""
    if noun.pos_ != "NOUN":
        return False
    return not any(c.dep_ in ("amod", "compound", "prep", "poss", "nmod", "relcl", "acl",
                              "nummod", "appos") and c.i in kept for c in noun.children)


def mentions(text: str, answer: str) -> bool:
    """Does `text` contain the answer, or a distinctive word of it?"""
    def norm(s: str) -> str:
        return " " + " ".join(re.findall(r"[a-z0-9]+", name_key(fold(s)))) + " "

    hay = norm(text)
    if norm(answer).strip() and norm(answer) in hay:
        return True
    distinctive = [w for w in norm(answer).split() if w not in STOP_WORDS and len(w) > 2]
    return any(f" {w} " in hay for w in distinctive)
