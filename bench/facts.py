"""How long `quiz facts` takes on a corpus, and how much of it is spaCy.

    python bench/facts.py [SOURCE ...]   (default: seeds/)

Prints wall-clock seconds per stage, best of three runs of the whole fact base (loading the
pipeline is timed once, as a cold start of the command would pay it).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from quiz.generator.claims import extract_claims, load_nlp
from quiz.generator.corpus import read_documents
from quiz.generator.verify import find_overrides, verify


def main(sources: list[str]) -> None:
    sources = sources or [str(Path(__file__).resolve().parent.parent / "seeds")]
    started = time.perf_counter()
    import spacy  # noqa: F401  (import time is part of what the command pays)

    imported = time.perf_counter()
    nlp = load_nlp()
    loaded = time.perf_counter()
    best: dict[str, float] = {}
    for _ in range(3):
        t0 = time.perf_counter()
        documents, _problems = read_documents(sources)
        t1 = time.perf_counter()
        texts = [s.text for d in documents for s in d.sentences]
        list(nlp.pipe(texts, batch_size=256))
        t2 = time.perf_counter()
        claims = extract_claims(documents, nlp)
        t3 = time.perf_counter()
        report = verify(documents, claims, find_overrides(sources))
        t4 = time.perf_counter()
        run = {"read": t1 - t0, "spacy_pipe": t2 - t1, "claims_incl_pipe": t3 - t2,
               "verify": t4 - t3}
        best = {k: min(v, best.get(k, v)) for k, v in run.items()}
    sentences = sum(len(d.sentences) for d in documents)
    print(f"documents {len(documents)}  sentences {sentences}  claims {len(claims)}  "
          f"facts {len(report.facts)}")
    print(f"import spacy        {imported - started:7.3f} s")
    print(f"load pipeline       {loaded - imported:7.3f} s")
    print(f"read documents      {best['read']:7.3f} s")
    print(f"spaCy nlp.pipe      {best['spacy_pipe']:7.3f} s")
    print(f"claims (with pipe)  {best['claims_incl_pipe']:7.3f} s")
    print(f"verify              {best['verify']:7.3f} s")
    total = (loaded - started) + best["read"] + best["claims_incl_pipe"] + best["verify"]
    spacy_share = (loaded - started) + best["spacy_pipe"]
    print(f"total               {total:7.3f} s   of which spaCy {spacy_share:.3f} s "
          f"({100 * spacy_share / total:.0f}%)")


if __name__ == "__main__":
    main(sys.argv[1:])
