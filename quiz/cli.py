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


if __name__ == "__main__":
    sys.exit(main())
