"""Reading documents: the five seed formats, exact offsets, and bad input."""

from __future__ import annotations

import re

import pytest

from quiz.generator.corpus import DocumentError, parse_document, read_document, read_documents
from tests.conftest import SEEDS, seed

MARKUP = re.compile(r"\[\d+\]|<[^>]+>|Flag of|\bEdit$|Scroll to Top|^\s*[-•*]\s")


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_sentence_is_clean_and_every_quote_verbatim(path):
    doc = read_document(path)
    raw = path.read_text(encoding="utf-8")
    assert doc.sentences
    for sentence in doc.sentences:
        assert not MARKUP.search(sentence.text), sentence.text
        # Every character of the clean text comes from its offset in the file.
        for ch, offset in zip(sentence.text, sentence.offsets, strict=True):
            assert ch == raw[offset] or (ch == " " and raw[offset].isspace())
        span = sentence.quote_span()
        if span:
            assert not MARKUP.search(raw[span[0] : span[1]])


def test_wiki_headings_infobox_and_timeline():
    doc = read_document(seed("000"))
    assert doc.title == "Iraqi intervention in the Syrian civil war"
    assert "Iraqi Air Force cross-border strikes (2018)" in [s.title for s in doc.sections]
    assert doc.fields["Date"].value == "2013–present"
    combatants = doc.fields["Combatant1"].value
    assert "<hr/>" not in combatants and "*" not in combatants
    timeline = [s.text for s in doc.sentences if s.kind == "timeline"]
    assert "19 April 2018: Iraqi Air Force conducts strike near Hajin, Syria, against ISIL." in (
        timeline)
    assert len(timeline) == 7
    # "See also" lists other articles, not facts.
    assert not any("Jordanian intervention" in s.text for s in doc.sentences)


def test_compact_headings_and_reference_sections():
    doc = read_document(seed("001"))
    assert doc.title == "Iraq–Syria relations"
    titles = [s.title for s in doc.sections]
    assert "Background" in titles and "Medieval period" in titles
    assert not any("Rasheed" in s.text for s in doc.sentences)  # ==Bibliography==


def test_citation_markers_are_removed_and_split_quotes():
    doc = read_document(seed("002"))
    first = doc.sentences[2]
    assert first.text.startswith("The two countries were part of the Russia–Syria–Iran–Iraq")
    marked = next(s for s in doc.sentences if "Muqtada al-Sadr" in s.text)
    assert "[26]" not in marked.text and marked.breaks
    # A quote never spans the removed marker: it ends before "[26]".
    start, end = marked.quote_span(0, 10)
    assert doc.text[start:end].endswith("step down from power,")
    assert marked.quote_span(0, len(marked.text)) is None


def test_flag_labels_and_edit_headings():
    doc = read_document(seed("003"))
    assert doc.title == "War in Mesopotamia (2014-2021)"
    assert "Syria's response" in [s.title for s in doc.sections]
    result = [s.text for s in doc.sentences if s.field == "Result"]
    assert "Syrian government overthrown in 2015" in result
    assert doc.fields["Date"].value == "16 June 2014 - 27 August 2021"
    assert not any("Flag" in s.text or "IraqIraq" in s.text for s in doc.sentences)
    # Strength and casualty lines of the infobox are not prose.
    assert not any("9,775" in s.text for s in doc.sentences)


def test_site_boilerplate_is_dropped():
    doc = read_document(seed("004"))
    assert doc.title == "US Operations in Iraq and Syria"
    texts = " ".join(s.text for s in doc.sentences)
    assert "Scroll to Top" not in texts
    assert "most cited publications" not in texts  # the banner repeated twice
    assert "since its inception in 1982" not in texts


def test_hard_wrapped_prose_and_markdown():
    text = "# Treaties\n\nThe treaty was signed in\nGeneva in 1864. It was **revised** in 1906.\n"
    doc = parse_document("notes", text)
    assert doc.title == "Treaties"
    assert [s.text for s in doc.sentences] == [
        "The treaty was signed in Geneva in 1864.", "It was revised in 1906."
    ]
    start = text.index("It was")
    assert doc.sentences[1].quote_span(0, 6) == (start, start + len("It was"))


def test_sentences_split_after_abbreviations_only_where_they_end():
    text = "U.S. forces left in 2011. Gen. Smith stayed. Then Mr. W. Bush spoke."
    doc = parse_document("x", text)
    assert [s.text for s in doc.sentences] == [
        "U.S. forces left in 2011.", "Gen. Smith stayed.", "Then Mr. W. Bush spoke."
    ]


# -- bad input ----------------------------------------------------------------------------------


def test_missing_path(tmp_path):
    docs, problems = read_documents([tmp_path / "nope"])
    assert docs == [] and "no such file or folder" in str(problems[0])


def test_empty_binary_and_non_utf8_files_are_reported_and_good_ones_kept(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Syrie et Irak, été 1958.".encode("latin-1"))
    (tmp_path / "good.md").write_text("# Good\n\nIraq and Syria signed a pact in 1958.\n")
    docs, problems = read_documents([tmp_path])
    assert [d.id for d in docs] == ["good"]
    messages = sorted(str(p) for p in problems)
    assert any("binary.txt: is binary" in m for m in messages)
    assert any("empty.txt: is empty" in m for m in messages)
    assert any("latin1.txt: is not UTF-8 text" in m for m in messages)
    assert all("\n" not in m for m in messages)


def test_folder_without_documents_and_wrong_file_type(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    docs, problems = read_documents([tmp_path, tmp_path / "notes.pdf"])
    assert docs == []
    assert "folder holds no .txt or .md documents" in str(problems[0])
    assert "not a .txt or .md document" in str(problems[1])


def test_document_error_names_the_file():
    with pytest.raises(DocumentError, match=r"x\.txt: no|x\.txt: cannot be read"):
        read_document("x.txt")
