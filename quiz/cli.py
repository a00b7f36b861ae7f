"""The `quiz` command line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from quiz import __version__
from quiz.models import MODES

EXIT_USER_ERROR = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    words = list(sys.argv[1:] if argv is None else argv)
    if _studies(words):
        words.insert(0, "study")
    args = parser.parse_args(words)
    status: int = args.run(args)
    return status


def _studies(words: list[str]) -> bool:
    """`quiz`, `quiz --db F` and `quiz path/to/bank.json` mean `quiz study …`."""
    if not words:
        return True
    first = words[0]
    if first.startswith("-"):
        return first not in ("-h", "--help", "--version")
    return first.endswith(".json") or os.sep in first or "/" in first


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quiz", description="Study history from verified facts, in the terminal."
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    facts = commands.add_parser(
        "facts", help="verify documents and report the facts they support",
        description="Read documents, extract dates, actors and outcomes, and verify them "
                    "across sources.",
    )
    _add_sources(facts)
    facts.add_argument("--json", action="store_true", help="print the report as JSON")
    facts.add_argument("--no-quotes", action="store_true",
                       help="leave evidence quotes out of the report for people")
    facts.set_defaults(run=_run_facts)

    generate = commands.add_parser(
        "generate", help="build a question bank from documents",
        description="Verify documents and turn their corroborated and single-source facts "
                    "into questions. Contested and rejected facts are left out and counted.",
    )
    _add_sources(generate)
    generate.add_argument("-o", "--output", type=Path, required=True, metavar="BANK.json",
                          help="where to write the bank, e.g. banks/ww1.json")
    generate.add_argument("--title", help="the bank's title (default: from the file name)")
    generate.set_defaults(run=_run_generate)

    study = commands.add_parser(
        "study", help="study a bank in the terminal (the default command)",
        description="A chat-style quiz with spaced repetition. Without a bank, the bundled "
                    "one.",
    )
    study.add_argument("banks", nargs="*", type=Path, metavar="BANK",
                       help="bank files (default: the bundled banks/iraq-syria.json)")
    study.add_argument("--mode", choices=MODES,
                       help="fix the mode (default: new cards as multiple choice, then typed)")
    study.add_argument("--new", type=int, default=20, metavar="N",
                       help="new cards per day (default: 20)")
    study.add_argument("--retention", type=float, default=0.9, metavar="R",
                       help="desired retention, 0.70–0.99 (default: 0.9): higher means "
                            "more reviews")
    _add_db(study)
    study.set_defaults(run=_run_study)

    history = commands.add_parser(
        "history", help="how study is going: sessions, accuracy, retention, forecast",
        description="Score history from the study database.",
    )
    history.add_argument("--bank", metavar="NAME", help="only this bank (its file name, "
                         "e.g. iraq-syria)")
    history.add_argument("--since", metavar="DATE", help="only reviews from DATE (YYYY-MM-DD)")
    history.add_argument("--json", action="store_true", help="print the figures as JSON")
    _add_db(history)
    history.set_defaults(run=_run_history)

    ask = commands.add_parser(
        "ask", help="ask the tutor a question; it answers from the banks' verified facts",
        description="Answer a question from the verified facts of question banks, with the "
                    "quote it rests on; say so when they do not answer it.",
    )
    ask.add_argument("question", nargs="*", metavar="QUESTION",
                     help='e.g. "when did the al-Qaim crossing reopen?"')
    ask.add_argument("--bank", action="append", type=Path, metavar="BANK.json",
                     help="a bank to search (repeat for several; default: the bundled one)")
    ask.add_argument("--json", action="store_true", help="print the reply as JSON")
    ask.set_defaults(run=_run_ask)

    schema = commands.add_parser("schema", help="print the JSON Schema of bank files")
    schema.set_defaults(run=_run_schema)
    return parser


def _add_sources(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                        help="documents or folders of .txt/.md files (default: ./seeds)")
    parser.add_argument("--sources-file", type=Path, metavar="TOML",
                        help="reliability overrides (default: sources.toml in a source folder)")


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, metavar="PATH",
                        help="the study history (default: $QUIZ_DB, else the user data folder)")


def _run_study(args: argparse.Namespace) -> int:
    from quiz.bank import BankError, bundled_bank, load_bank
    from quiz.study.store import default_path

    paths = args.banks or [bundled_bank()]
    if len(paths) > 1:
        return _fail("one bank at a time for now; name one file")
    if args.new < 0:
        return _fail(f"--new {args.new}: the number of new cards is 0 or more")
    if not 0.7 <= args.retention <= 0.99:
        return _fail(f"--retention {args.retention}: choose between 0.70 and 0.99")
    try:
        bank = load_bank(paths[0])
    except BankError as error:
        return _fail(str(error))
    from quiz.tui.app import QuizApp

    QuizApp(bank, paths[0].stem, args.db or default_path(), mode=args.mode,
            new_per_day=args.new, retention=args.retention).run()
    return 0


def _fail(message: str) -> int:
    print(f"quiz: {message}", file=sys.stderr)
    return EXIT_USER_ERROR


def _default_sources(sources: list[Path]) -> list[Path] | None:
    if sources:
        return sources
    seeds = Path("seeds")
    return [seeds] if seeds.is_dir() else None


def _run_facts(args: argparse.Namespace) -> int:
    # The generator is imported here, not at the top, so that other commands start fast.
    from rich.console import Console

    from quiz.generator.claims import ModelMissing
    from quiz.generator.factbase import build_fact_base, to_model
    from quiz.generator.verify import SourcesFileError
    from quiz.views.facts import render_facts

    sources = _default_sources(args.sources)
    if sources is None:
        return _fail("no documents given and no ./seeds folder here; "
                     "name files or folders: quiz facts notes/")
    try:
        base = build_fact_base(sources, sources_file=args.sources_file)
    except (SourcesFileError, ModelMissing) as error:
        return _fail(str(error))
    for problem in base.problems:
        print(f"quiz: {problem}", file=sys.stderr)
    if not base.report.documents:
        return EXIT_USER_ERROR
    model = to_model(base.report)
    if args.json:
        print(model.model_dump_json(indent=2))
    else:
        render_facts(model, Console(), quotes=not args.no_quotes)
    return EXIT_USER_ERROR if base.problems else 0


def _run_generate(args: argparse.Namespace) -> int:
    from rich.console import Console

    from quiz.generator.claims import ModelMissing
    from quiz.generator.pipeline import generate
    from quiz.generator.verify import SourcesFileError
    from quiz.views.generate import BarProgress, render_summary

    sources = _default_sources(args.sources)
    if sources is None:
        return _fail("no documents given and no ./seeds folder here; "
                     "name files or folders: quiz generate notes/ -o banks/notes.json")
    output: Path = args.output
    if output.suffix != ".json":
        return _fail(f"{output}: a bank file name ends in .json")
    if output.is_dir():
        return _fail(f"{output}: is a folder; give a file name, e.g. {output}/bank.json")
    title = args.title or output.stem.replace("-", " ").replace("_", " ").capitalize()
    errors = Console(stderr=True)
    try:
        with BarProgress(errors) as progress:
            result = generate(sources, title=title, sources_file=args.sources_file,
                              progress=progress)
    except (SourcesFileError, ModelMissing) as error:
        return _fail(str(error))
    for problem in result.fact_base.problems:
        print(f"quiz: {problem}", file=sys.stderr)
    if not result.fact_base.report.documents:
        return EXIT_USER_ERROR
    from quiz.bank import write_bank

    try:
        write_bank(result.bank, output)
    except OSError as error:
        return _fail(f"{output}: cannot write ({error.strerror})")
    render_summary(result.summary(), output, Console())
    return EXIT_USER_ERROR if result.fact_base.problems else 0


def _run_history(args: argparse.Namespace) -> int:
    import json
    from datetime import UTC, date, datetime

    from quiz.study.history import summarise
    from quiz.study.store import Store, StoreError, default_path

    since = None
    if args.since:
        try:
            since = datetime.combine(date.fromisoformat(args.since), datetime.min.time(),
                                     tzinfo=UTC)
        except ValueError:
            return _fail(f"--since {args.since}: give a date as YYYY-MM-DD")
    path = args.db or default_path()
    if not path.exists():
        print(f"No study history yet ({path}). Start studying with: quiz")
        return 0
    try:
        store = Store(path)
    except StoreError as error:
        return _fail(str(error))
    history = summarise(store, now=datetime.now(UTC), bank=args.bank, since=since,
                        prompts=_known_prompts())
    store.close()
    if args.json:
        print(json.dumps(history.to_json(), ensure_ascii=False, indent=2))
    elif history.empty:
        print(f"No reviews yet{' for ' + args.bank if args.bank else ''} in {path}. "
              "Start studying with: quiz")
    else:
        from rich.console import Console

        from quiz.views.history import render_history

        render_history(history, Console())
    return 0


def _run_ask(args: argparse.Namespace) -> int:
    from quiz.bank import BankError, bundled_bank, load_bank
    from quiz.study.tutor import Tutor

    question = " ".join(args.question).strip()
    if not question:
        return _fail('ask what? e.g. quiz ask "when did the al-Qaim crossing reopen?"')
    try:
        banks = [load_bank(path) for path in args.bank or [bundled_bank()]]
    except BankError as error:
        return _fail(str(error))
    reply = Tutor(banks).ask(question)
    if args.json:
        print(reply.model_dump_json(indent=2))
    else:
        from rich.console import Console

        from quiz.views.tutor import render_reply

        Console().print(render_reply(reply))
    return 0


def _known_prompts() -> dict[str, str]:
    """Prompts of the banks in ./banks and the bundled ones, for naming weak questions."""
    from quiz.bank import BankError, bundled_banks_folder, load_bank

    prompts: dict[str, str] = {}
    for folder in {Path("banks").resolve(), bundled_banks_folder()}:
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                prompts.update({q.id: q.prompt for q in load_bank(path).questions})
            except BankError:
                continue
    return prompts


def _run_schema(args: argparse.Namespace) -> int:
    from quiz.bank import bank_schema

    sys.stdout.write(bank_schema())
    return 0


if __name__ == "__main__":
    sys.exit(main())
