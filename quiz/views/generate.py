"""What `quiz generate` shows: a progress bar while it reads, a summary when it is done."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from quiz.models import GenerationSummary

SHOWN_REASONS = 6  # the most frequent reasons a fact was not asked


class BarProgress:
    """A progress bar on the console, for terminals only (pipes and logs stay clean)."""

    def __init__(self, console: Console) -> None:
        self._bar = Progress(TextColumn("{task.description}"), BarColumn(),
                             MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                             transient=True, disable=not console.is_terminal)
        self._task: TaskID | None = None

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


def render_summary(summary: GenerationSummary, output: Path, console: Console) -> None:
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    unreliable = ", ".join(summary.unreliable)
    table.add_row("documents", f"{summary.documents} read"
                  + (f", unreliable: {unreliable}" if unreliable else ""))
    facts = summary.facts
    table.add_row("facts", ", ".join(f"{count} {status}" for status, count in facts.items()))
    table.add_row("left out", f"{facts['contested']} contested and {facts['rejected']} rejected "
                  f"facts; {sum(summary.skipped.values())} facts not askable cleanly")
    table.add_row("questions", f"{sum(summary.questions.values())}: " + ", ".join(
        f"{count} {kind}" for kind, count in summary.questions.items())
        + (f"; {summary.typed_only} typed only (no three fair options)"
           if summary.typed_only else ""))
    if summary.skipped:
        reasons = sorted(summary.skipped.items(), key=lambda item: (-item[1], item[0]))
        shown = "; ".join(f"{count} {reason}" for reason, count in reasons[:SHOWN_REASONS])
        rest = sum(count for _, count in reasons[SHOWN_REASONS:])
        table.add_row("refused", shown + (f"; {rest} for other reasons" if rest else ""))
    table.add_row("time", f"{summary.seconds:.1f} s")
    console.print(f"Wrote [bold]{output}[/bold]", highlight=False)
    console.print(table)
