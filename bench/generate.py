"""How `quiz generate` scales: the seeds, then the seeds copied 16 times under other names.

    python bench/generate.py [COPIES]   (default: 16)

For each corpus it prints wall-clock seconds for the whole generation (pipeline already
loaded), the seconds spent inside spaCy itself (time in `nlp.pipe` and `nlp(...)`, measured
by wrapping the pipeline: the claims' parse and the question gate's re-parses), their share,
the questions made, and how long spaCy alone takes to parse every sentence once: the issue's
budget is generation within 1.5× of that. A near-linear generator
shows a time per sentence that stays flat as the corpus grows.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from quiz.generator.claims import load_nlp
from quiz.generator.pipeline import generate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class TimedPipeline:
    """The spaCy pipeline, with a stopwatch on every call into it."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.vocab = nlp.vocab  # restoring saved parses needs it, and takes no parsing time
        self.seconds = 0.0

    def __call__(self, text: str):
        started = time.perf_counter()
        try:
            return self.nlp(text)
        finally:
            self.seconds += time.perf_counter() - started

    def pipe(self, texts: Iterable[str], **kwargs) -> Iterator:
        docs = self.nlp.pipe(texts, **kwargs)
        while True:
            started = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                self.seconds += time.perf_counter() - started
                return
            self.seconds += time.perf_counter() - started
            yield doc


def corpus(copies: int, where: Path) -> Path:
    """The seeds plus `copies` renamed copies of each (as other documents would be)."""
    folder = where / f"seeds_x{copies + 1}"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
        for n in range(copies):
            shutil.copy(path, folder / f"copy{n:02d}_{path.name}")
    return folder


def run(sources: Path, nlp) -> dict[str, float]:
    timed = TimedPipeline(nlp)
    started = time.perf_counter()
    result = generate([sources], title="bench", nlp=timed)
    total = time.perf_counter() - started
    texts = [s.text for d in result.fact_base.documents for s in d.sentences]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=256):  # spaCy alone, each sentence parsed once
        pass
    alone = time.perf_counter() - started
    return {"documents": len(result.fact_base.documents), "sentences": len(texts),
            "seconds": total, "spacy": timed.seconds, "alone": alone,
            "questions": len(result.bank.questions)}


def main(copies: int) -> None:
    started = time.perf_counter()
    nlp = load_nlp()
    print(f"pipeline load: {time.perf_counter() - started:.2f} s (paid once per command)")
    with tempfile.TemporaryDirectory() as tmp:
        for label, sources in (("seeds", SEEDS), (f"seeds x{copies + 1}",
                                                  corpus(copies, Path(tmp)))):
            best = min((run(sources, nlp) for _ in range(3)), key=lambda r: r["seconds"])
            per = 1000 * best["seconds"] / best["sentences"]
            print(f"{label:>10}: {best['documents']:4.0f} documents, "
                  f"{best['sentences']:6.0f} sentences, {best['seconds']:6.2f} s total, "
                  f"spaCy {best['spacy']:6.2f} s ({100 * best['spacy'] / best['seconds']:.0f}%), "
                  f"{per:.2f} ms per sentence, {best['questions']:.0f} questions; "
                  f"spaCy alone parses the sentences in {best['alone']:.2f} s: generation "
                  f"takes {best['seconds'] / best['alone']:.2f}×")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 16)
