"""The `quiz` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from quiz import __version__

EXIT_USER_ERROR = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    return args.run(args)


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
    facts.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                       help="documents or folders of .txt/.md files (default: ./seeds)")
    facts.add_argument("--json", action="store_true", help="print the report as JSON")
    facts.add_argument("--sources-file", type=Path, metavar="TOML",
                       help="reliability overrides (default: sources.toml in a source folder)")
    facts.add_argument("--no-quotes", action="store_true",
                       help="leave evidence quotes out of the report for people")
    facts.set_defaults(run=_run_facts)

    generate = commands.add_parser(
        "generate", help="build a question bank from documents",
        description="Verify documents and turn their corroborated and single-source facts "
                    "into questions. Contested and rejected facts are left out and counted.",
    )
    generate.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                          help="documents or folders of .txt/.md files (default: ./seeds)")
    generate.add_argument("-o", "--output", type=Path, required=True, metavar="BANK.json",
                          help="where to write the bank, e.g. banks/ww1.json")
    generate.add_argument("--title", help="the bank's title (default: from the file name)")
    generate.add_argument("--sources-file", type=Path, metavar="TOML",
                          help="reliability overrides (default: sources.toml in a source folder)")
    generate.set_defaults(run=_run_generate)

    schema = commands.add_parser("schema", help="print the JSON Schema of bank files")
    schema.set_defaults(run=_run_schema)
    return parser


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

    from quiz.claims import ModelMissing
    from quiz.factbase import build_fact_base, to_model
    from quiz.facts_view import render_facts
    from quiz.verify import SourcesFileError

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

    from quiz.claims import ModelMissing
    from quiz.generate import generate
    from quiz.generate_view import BarProgress, render_summary
    from quiz.verify import SourcesFileError

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
    render_summary(result, output, Console())
    return EXIT_USER_ERROR if result.fact_base.problems else 0


def _run_schema(args: argparse.Namespace) -> int:
    from quiz.bank import bank_schema

    sys.stdout.write(bank_schema())
    return 0


if __name__ == "__main__":
    sys.exit(main())
