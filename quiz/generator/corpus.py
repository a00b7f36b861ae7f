"""Reading documents: files become titled, sectioned documents of clean sentences.

Every character of a clean sentence remembers its offset in the original file, so any piece
of a sentence can be quoted as a verbatim slice of the file. Markup that is removed
(citation markers, HTML tags, flag labels, bullet characters) splits a sentence into clean
parts; a quote never spans such a gap, so no markup ever reaches a quote.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from quiz.dates import find_dates

DOCUMENT_SUFFIXES = (".txt", ".md")
SentenceKind = Literal["prose", "bullet", "timeline", "field"]

# Sections that list other works rather than state facts.
REFERENCE_SECTIONS = {
    "see also", "references", "bibliography", "external links", "further reading", "notes",
    "sources", "citations", "footnotes",
}
# Keys of infobox-like header blocks written without a colon ("Date 16 June 2014 - ...").
HEADER_KEYS = ("Date", "Location", "Place", "Result", "Status", "Territory", "Part of")
# Site furniture that is never content.
_UI_LINE = re.compile(
    r"^(?:scroll to top|back to top|skip to (?:main )?content|share(?: this)?(?: article)?|print"
    r"|advertisement|read more|subscribe|sign up|log in|menu|search|cookies?.*|related articles?"
    r"|top of page)$",
    re.IGNORECASE,
)

_HEADING = re.compile(r"^\s*(?P<eq>=+)\s*(?P<title>[^=].*?)\s*(?P=eq)\s*$")
_MD_HEADING = re.compile(r"^\s*(?P<hashes>#{1,6})\s+(?P<title>.+?)\s*#*\s*$")
_EDIT_HEADING = re.compile(r"^\s*(?P<title>[^.!?:;]{1,80}?)\s+Edit\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•●▪◦‣]|\d{1,2}[.)])\s+(?=\S)")
_INFOBOX_START = re.compile(r"^\s*Infobox(?:\s+[\w ]+)?\s*$", re.IGNORECASE)
_INFOBOX_FIELD = re.compile(r"^\s*[-*•]?\s*(?P<key>[A-Z][\w ]{0,30}?)\s*:\s*(?P<value>.*\S)\s*$")
_HEADER_FIELD = re.compile(r"^\s*(?P<key>" + "|".join(HEADER_KEYS) + r")\s+(?P<value>\S.*\S)\s*$")
_TIMELINE = re.compile(r"\s*(?P<date>[^:\n]{3,40}?)\s*(?::|\s[–—-]\s)\s*(?=\S)")

# Markup removed from text; a removal that takes away more than white space splits a quote.
_NOISE = re.compile(
    r"\[(?:\d{1,3}|[a-z]|citation needed|note \d+|nb \d+)\]"  # citation markers [14]
    r"|<[^<>\n]{1,40}>"  # HTML tags <hr/>
    r"|(?:\d+px-)?Flag of (?:the )?[^\n]*?(?:\.svg|(?<=[a-z])(?=[A-Z]))"  # Flag of IraqIraq
    r"|\b[A-Z][A-Za-z]* [Ff]lag(?=[A-Z])"  # ISIS flagIslamic State
    r"|\*\*|__|(?<![\w*])\*(?=[\w(])"  # markdown emphasis, infobox "*item"
    r"|\]\([^)\s]*\)|\[(?=[^\]\n]+\]\()"  # markdown links: keep the link text
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "capt", "maj", "sgt", "prof",
    "rev", "gov", "sen", "rep", "inc", "ltd", "co", "corp", "vs", "e.g", "i.e", "no", "vol",
    "pp", "cf", "approx", "ca", "c", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "a.m", "p.m", "mt", "ft", "fig",
}


class DocumentError(Exception):
    """A document that cannot be read; its message is one line for the user."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


@dataclass(frozen=True)
class Section:
    title: str
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A clean sentence: its text, and for each of its characters the offset in the file."""

    doc: str
    index: int
    text: str
    offsets: tuple[int, ...]
    breaks: tuple[int, ...]  # indices in `text` where removed markup split it
    section: str
    paragraph: int
    kind: SentenceKind
    field: str | None = None

    @property
    def start(self) -> int:
        return self.offsets[0]

    @property
    def end(self) -> int:
        return self.offsets[-1] + 1

    def quote_span(self, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        """File offsets of the clean part of this sentence that holds text[start:end].

        None when the piece crosses removed markup (it has no verbatim, markup-free quote).
        """
        end = len(self.text) if end is None else end
        lo = max((b for b in self.breaks if b <= start), default=0)
        hi = min((b for b in self.breaks if b >= end), default=len(self.text))
        if any(start < b < end for b in self.breaks):
            return None
        piece = self.text[lo:hi]
        lo += len(piece) - len(piece.lstrip())
        hi -= len(piece) - len(piece.rstrip())
        if hi <= lo:
            return None
        return self.offsets[lo], self.offsets[hi - 1] + 1


@dataclass(frozen=True)
class Field:
    key: str
    value: str
    start: int
    end: int


@dataclass
class Document:
    id: str
    path: Path
    title: str
    sha256: str
    text: str
    sections: list[Section] = field(default_factory=list)
    fields: dict[str, Field] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Finding and decoding files
# ---------------------------------------------------------------------------------------------


def find_document_files(sources: Iterable[Path | str]) -> tuple[list[Path], list[DocumentError]]:
    """Expand folders into their .txt/.md files, sorted; report paths that are not usable."""
    files: list[Path] = []
    problems: list[DocumentError] = []
    for source in sources:
        path = Path(source)
        if not path.exists():
            problems.append(DocumentError(path, "no such file or folder"))
        elif path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                problems.append(DocumentError(path, "folder holds no .txt or .md documents"))
            files.extend(found)
        elif path.suffix.lower() not in DOCUMENT_SUFFIXES:
            problems.append(DocumentError(path, "not a .txt or .md document"))
        else:
            files.append(path)
    return files, problems


def read_documents(sources: Iterable[Path | str]) -> tuple[list[Document], list[DocumentError]]:
    """Read every document under `sources`; bad ones are reported, good ones still read."""
    files, problems = find_document_files(sources)
    documents: list[Document] = []
    seen: dict[str, Path] = {}
    for path in files:
        try:
            doc = read_document(path)
        except DocumentError as problem:
            problems.append(problem)
            continue
        if doc.id in seen:
            problems.append(DocumentError(path, f"same name as {seen[doc.id]}; rename one"))
            continue
        seen[doc.id] = path
        documents.append(doc)
    return documents, problems


def read_document(path: Path | str) -> Document:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DocumentError(path, f"cannot be read ({error.strerror or error})") from None
    if not raw.strip():
        raise DocumentError(path, "is empty")
    if b"\x00" in raw:
        raise DocumentError(path, "is binary, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(
            path, f"is not UTF-8 text (bad byte at offset {error.start}); save it as UTF-8"
        ) from None
    return parse_document(path.stem, text, path=path, sha256=hashlib.sha256(raw).hexdigest())


# ---------------------------------------------------------------------------------------------
# Parsing text
# ---------------------------------------------------------------------------------------------


@dataclass
class _Line:
    start: int
    end: int  # without the line break
    text: str


def _lines(text: str) -> list[_Line]:
    lines = []
    for m in re.finditer(r"[^\n]*", text):
        if m.start() > 0 and m.start() == m.end() and text[m.start() - 1 : m.start()] != "\n":
            continue  # finditer's empty match right after a non-empty line
        body = m.group().rstrip("\r")
        lines.append(_Line(m.start(), m.start() + len(body), body))
    return lines


def parse_document(doc_id: str, text: str, *, path: Path | None = None,
                   sha256: str | None = None) -> Document:
    """Split a text into title, sections, header fields and clean sentences."""
    lines = _lines(text)
    boilerplate = _boilerplate_lines(lines)
    doc = Document(
        id=doc_id,
        path=path or Path(doc_id),
        title="",
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
    )
    builder = _Builder(doc)
    mode = "header"  # header | infobox | body
    field_key: str | None = None
    for i, line in enumerate(lines):
        stripped = line.text.strip().lstrip("\ufeff")
        if not stripped or i in boilerplate:
            if mode == "infobox" and not stripped:
                mode = "body"
            field_key = None
            builder.end_paragraph()
            continue
        heading = _heading(line.text)
        if heading:
            level, title = heading
            builder.end_paragraph()
            if level == 0 and not doc.title:
                doc.title = title
            else:
                builder.open_section(title, max(level, 1), line.start)
            # Heading markup means a structured document: no unlabelled header block.
            mode = "body"
            continue
        if _INFOBOX_START.match(line.text):
            builder.end_paragraph()
            mode = "infobox"
            continue
        if mode == "infobox":
            m = _INFOBOX_FIELD.match(line.text)
            if m:
                builder.add_field(m.group("key"), line, m.start("value"))
            continue
        if mode == "header":
            if not doc.title and _looks_like_title(stripped) and not builder.has_content:
                doc.title = stripped
                continue
            m = _HEADER_FIELD.match(line.text)
            if m:
                field_key = m.group("key")
                builder.add_field(field_key, line, m.start("value"))
                continue
            bullet = _BULLET.match(line.text)
            if bullet and field_key:
                builder.add_field_item(field_key, line, bullet.end())
                continue
            if not _is_prose(stripped):
                continue  # flags, strengths and other infobox residue
            mode = "body"
        if builder.in_reference_section:
            continue
        bullet = _BULLET.match(line.text)
        if bullet:
            builder.end_paragraph()
            builder.add_bullet(line, bullet.end())
            continue
        builder.add_prose_line(line)
    builder.end_paragraph()
    builder.close_sections(len(text))
    if not doc.title:
        doc.title = doc_id
    return doc


def _heading(line: str) -> tuple[int, str] | None:
    m = _HEADING.match(line)
    if m:
        return len(m.group("eq")) - 1, m.group("title").strip()
    m = _MD_HEADING.match(line)
    if m:
        return len(m.group("hashes")) - 1, m.group("title").strip()
    m = _EDIT_HEADING.match(line)
    if m and len(m.group("title").split()) <= 8:
        return 1, m.group("title").strip()
    return None


def _looks_like_title(line: str) -> bool:
    return (
        len(line.split()) <= 14 and line[-1] not in ".!?:;," and not _BULLET.match(line)
        and not _UI_LINE.match(line)
    )


def _is_prose(line: str) -> bool:
    """A line of running text: several words and a sentence ending."""
    words = line.split()
    wordy = sum(1 for w in words if w.strip(",.;:()\"“”").isalpha())
    return len(words) >= 8 and wordy * 2 >= len(words) and bool(
        re.search(r"[.!?][\"”’)]*$", line.rstrip())
    )


def _boilerplate_lines(lines: list[_Line]) -> set[int]:
    """Lines that are site furniture: UI phrases, and banners repeated within the document."""
    keys = [" ".join(_BULLET.sub("", ln.text).split()).lower() for ln in lines]
    counts = Counter(k for k in keys if len(k) >= 12 and not _heading(k))
    return {
        i for i, key in enumerate(keys)
        if key and (_UI_LINE.match(key) or counts.get(key, 0) >= 2)
    }


class _Builder:
    """Accumulates sections, fields and sentences while lines are read."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.section = ""
        self.section_level = 0
        self.section_start = 0
        self.paragraph = 0
        self.pending: list[tuple[int, int]] = []  # file ranges of the current prose paragraph
        self.has_content = False

    @property
    def in_reference_section(self) -> bool:
        return self.section.lower() in REFERENCE_SECTIONS

    def open_section(self, title: str, level: int, start: int) -> None:
        self.close_sections(start)
        self.section, self.section_level, self.section_start = title, level, start

    def close_sections(self, end: int) -> None:
        if self.section:
            self.doc.sections.append(
                Section(self.section, self.section_level, self.section_start, end)
            )

    # -- fields ----------------------------------------------------------------------------

    def add_field(self, key: str, line: _Line, value_start: int) -> None:
        self.has_content = True
        start, end = line.start + value_start, line.end
        value = " ".join(_clean(self.doc.text, start, end)[0].split())
        key = key.strip()
        previous = self.doc.fields.get(key)
        if previous:  # repeated keys (rare) are joined
            value = f"{previous.value}; {value}"
            start = previous.start
        self.doc.fields[key] = Field(key, value, start, end)
        # Items of a field are separated by ";" or removed tags ("A;, B", "A<hr/> B").
        for item_start, item_end in _split_items(self.doc.text, line.start + value_start, end):
            self._add_sentences(item_start, item_end, kind="field", field=key, split=False)

    def add_field_item(self, key: str, line: _Line, item_start: int) -> None:
        f = self.doc.fields[key]
        item = " ".join(_clean(self.doc.text, line.start + item_start, line.end)[0].split())
        self.doc.fields[key] = Field(key, f"{f.value}; {item}", f.start, line.end)
        self._add_sentences(line.start + item_start, line.end, kind="field", field=key,
                            split=False)

    # -- body ------------------------------------------------------------------------------

    def add_bullet(self, line: _Line, content_start: int) -> None:
        self.has_content = True
        start = line.start + content_start
        m = _TIMELINE.match(self.doc.text, start, line.end)
        kind: SentenceKind = "bullet"
        if m:
            dates = find_dates(m.group("date"))
            if dates and dates[0].start == 0 and dates[0].end == len(m.group("date")):
                kind = "timeline"
        self.paragraph += 1
        self._add_sentences(start, line.end, kind=kind, split=kind == "bullet")

    def add_prose_line(self, line: _Line) -> None:
        self.has_content = True
        # A line that does not end a sentence continues into the next (hard-wrapped text).
        self.pending.append((line.start, line.end))
        if line.text.rstrip()[-1:] in ".!?\"”)":
            self.end_paragraph()

    def end_paragraph(self) -> None:
        if not self.pending:
            return
        self.paragraph += 1
        self._add_sentences(self.pending[0][0], self.pending[-1][1], kind="prose", split=True)
        self.pending = []

    def _add_sentences(self, start: int, end: int, *, kind: SentenceKind, field: str | None = None,
                       split: bool) -> None:
        text, offsets, breaks = _clean(self.doc.text, start, end)
        pieces = _split_sentences(text) if split else [(0, len(text))]
        for s, e in pieces:
            piece = text[s:e]
            lead = len(piece) - len(piece.lstrip(" ;,"))
            trail = len(piece) - len(piece.rstrip(" ;,"))
            s, e = s + lead, e - trail
            if e - s < 2 or not any(ch.isalpha() for ch in text[s:e]):
                continue
            self.doc.sentences.append(
                Sentence(
                    doc=self.doc.id,
                    index=len(self.doc.sentences),
                    text=text[s:e],
                    offsets=tuple(offsets[s:e]),
                    breaks=tuple(b - s for b in breaks if s < b < e),
                    section=self.section,
                    paragraph=self.paragraph,
                    kind=kind,
                    field=field,
                )
            )


def _split_items(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """File ranges of the items of an infobox value."""
    pos = start
    for m in re.finditer(r";|<[^<>\n]{1,40}>", text[start:end]):
        yield pos, start + m.start()
        pos = start + m.end()
    yield pos, end


def _clean(text: str, start: int, end: int) -> tuple[str, list[int], list[int]]:
    """text[start:end] without markup and with white space folded.

    Returns the clean text, each character's file offset, and the clean-text indices where
    removed markup split it.
    """
    chars: list[str] = []
    offsets: list[int] = []
    breaks: list[int] = []
    pos = start
    segment = text[start:end]
    noise = [(start + m.start(), start + m.end()) for m in _NOISE.finditer(segment)]
    bullet = _BULLET.match(segment)
    if bullet:
        noise.insert(0, (start, start + bullet.end()))
    for n_start, n_end in [*noise, (end, end)]:
        for i in range(pos, n_start):
            ch = text[i]
            if ch.isspace() or ch == "\ufeff":
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    offsets.append(i)
            else:
                chars.append(ch)
                offsets.append(i)
        if n_end > n_start and text[n_start:n_end].strip() and chars:
            breaks.append(len(chars))
        pos = max(pos, n_end)
    # Trim folded white space at both ends.
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    lead = 0
    while lead < len(chars) and chars[lead] == " ":
        lead += 1
    breaks = [b - lead for b in breaks if lead < b < len(chars)]
    return "".join(chars[lead:]), offsets[lead:], breaks


def _split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges in clean text: split after . ! ? unless an abbreviation or initial."""
    spans = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[pos : m.start() + 1]
        word = re.search(r"([\w.]+)\.$", before)
        if word:
            w = word.group(1).lower()
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or re.fullmatch(
                r"(?:[a-z]\.)+[a-z]", w
            ):
                continue
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
