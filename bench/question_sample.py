"""A blind sample of generated questions, for a judge who sees only the rubric and the sample.

    python bench/question_sample.py tests/data/eval/dev --n 40 --seed 14 --out /tmp/sample

One bank per topic, as a learner would build it (a document and its "-b" companion on the same
events go together). It prints per topic the words read and the questions made, then draws
`--n` questions at random with `--seed` and writes:

- OUT.md: per question its number, the question, the options, the key, the accepted answers
  and the first evidence quote — nothing else (QUESTION_RUBRIC.md, "Judging blind");
- OUT.json: the same items with the question id, topic, kind and status, to read the
  verdicts back by kind and to keep in tests/data/ what a judge rejected.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from pathlib import Path

from quiz.generator.claims import load_nlp
from quiz.generator.pipeline import generate
from quiz.models import Question


def topics(folder: Path) -> dict[str, list[Path]]:
    """Documents grouped by topic: "suez-crisis.txt" and "suez-crisis-b.txt" are one."""
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(folder.glob("*.txt")):
        groups[re.sub(r"-b$", "", path.stem)].append(path)
    return dict(groups)


def item(number: int, q: Question) -> str:
    if q.form == "cloze":
        lines = [f"## {number}", f"Question (fill in the blank): {q.prompt}"]
    else:
        lines = [f"## {number}", f"Question: {q.prompt}"]
    if q.choices:
        lines.append("Options: " + " | ".join(q.choices))
    else:
        lines.append("Options: (none: typed answer only)")
    lines.append(f"Key: {q.answer}")
    others = [a for a in q.accepted if a != q.answer]
    lines.append("Accepted: " + ("; ".join(others) if others else "(only the key)"))
    lines.append(f"Quote: “{q.evidence[0].quote}”")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    nlp = load_nlp()
    drawn: list[tuple[str, Question]] = []
    total_words = total_questions = 0
    for topic, paths in topics(args.folder).items():
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        bank = generate(paths, title=topic.replace("-", " ").capitalize(), nlp=nlp).bank
        total_words += words
        total_questions += len(bank.questions)
        print(f"{topic:34} {words:6} words {len(bank.questions):4} questions "
              f"({1000 * len(bank.questions) / words:.1f} per 1,000 words)")
        drawn += [(topic, q) for q in bank.questions]
    print(f"{'all':34} {total_words:6} words {total_questions:4} questions "
          f"({1000 * total_questions / max(total_words, 1):.1f} per 1,000 words)")

    sample = random.Random(args.seed).sample(drawn, min(args.n, len(drawn)))
    args.out.with_suffix(".md").write_text(
        "\n\n".join(item(i, q) for i, (_, q) in enumerate(sample, 1)) + "\n", encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(
        [{"number": i, "topic": topic, "id": q.id, "kind": q.kind, "status": q.status,
          "answer_type": q.answer_type, "form": q.form, "prompt": q.prompt, "choices": q.choices,
          "answer": q.answer, "accepted": q.accepted, "quote": q.evidence[0].quote}
         for i, (topic, q) in enumerate(sample, 1)], ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    print(f"sample of {len(sample)} (seed {args.seed}): {args.out.with_suffix('.md')}")


if __name__ == "__main__":
    main()
