"""What `quiz generate` shows: a progress bar while it reads, a summary when it is done."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from quiz.generate import Generation


class BarProgress:
    """A progress bar on the console, for terminals only (pipes and logs stay clean)."""

    def __init__(self, console: Console) -> None:
        self._bar = Progress(TextColumn("{task.description}"), BarColumn(),
                             MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                             transient=True, disable=not console.is_terminal)
        self._task: int | None = None

    def __enter__(self) -> BarProgress:
        self._bar.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._bar.__exit__(kind, error, tb)

    def start(self, stage: str, total: int) -> None:
        self._task = self._bar.add_task(stage, total=total)

    def advance(self, n: int = 1) -> None:
        if self._task is not None:
            self._bar.advance(self._task, n)


def render_summary(result: Generation, output: Path, console: Console) -> None:
    report = result.fact_base.report
    bank = result.bank
    facts = Counter(f.status for f in report.facts)
    kinds = Counter(q.kind for q in bank.questions)
    unreliable = [j.doc for j in report.documents if j.reliability == "unreliable"]
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("documents", f"{len(report.documents)} read"
                  + (f", unreliable: {', '.join(unreliable)}" if unreliable else ""))
    table.add_row("facts", ", ".join(
        f"{facts[s]} {s}" for s in ("corroborated", "single-source", "contested", "rejected")))
    table.add_row("left out", f"{facts['contested']} contested and {facts['rejected']} rejected "
                  f"facts; {sum(result.skipped.values())} facts not askable cleanly")
    table.add_row("questions", f"{len(bank.questions)}: " + ", ".join(
        f"{kinds[k]} {k}" for k in ("date", "actor", "outcome")))
    table.add_row("time", f"{result.timings['total']:.1f} s")
    console.print(f"Wrote [bold]{output}[/bold]", highlight=False)
    console.print(table)
