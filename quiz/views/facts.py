"""The verification report for people, drawn with rich (document text is never markup)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from quiz.models import FactsReport

STATUS_STYLE = {
    "corroborated": "bold green",
    "single-source": "cyan",
    "contested": "bold yellow",
    "rejected": "red",
}
STATUS_ORDER = ("corroborated", "single-source", "contested", "rejected")


def render_facts(report: FactsReport, console: Console, *, quotes: bool = True) -> None:
    console.print(Text(f"Documents ({len(report.documents)})", style="bold underline"))
    for d in report.documents:
        mark, style = ("✔", "green") if d.reliability == "reliable" else ("✘", "bold red")
        line = Text.assemble((f" {mark} ", style), (d.doc, "bold"), "  ", d.title, "  ",
                             (d.reliability, style))
        console.print(line)
        for reason in d.reasons:
            console.print(Text(f"     · {reason}", style="dim" if d.reliability == "reliable"
                               else "red"))
    counts = {s: sum(1 for f in report.facts if f.status == s) for s in STATUS_ORDER}
    console.print()
    summary = Text(f"Facts ({len(report.facts)}): ", style="bold underline")
    for i, status in enumerate(STATUS_ORDER):
        summary.append(f"{counts[status]} {status}", style=STATUS_STYLE[status])
        if i < len(STATUS_ORDER) - 1:
            summary.append(" · ")
    console.print(summary)
    for status in STATUS_ORDER:
        facts = [f for f in report.facts if f.status == status]
        if not facts:
            continue
        console.print()
        console.print(Text(f"{status.capitalize()} ({len(facts)})", style=STATUS_STYLE[status]))
        for f in facts:
            inferred = " (year inferred from context)" if f.inferred else ""
            console.print(Text.assemble(
                (f"  [{f.kind}] ", "dim"), (f.answer, "bold"), inferred, " — ", f.statement,
                (f"  ({', '.join(d[:3] for d in f.sources)})", "dim"),
            ))
            if quotes:
                for e in f.evidence:
                    console.print(Text(f"      “{e.quote}” — {e.doc} [{e.start}:{e.end}]",
                                       style="dim"))
    console.print()
    console.print(Text(f"Conflicts ({len(report.conflicts)})", style="bold underline"))
    if not report.conflicts:
        console.print(Text("  none: no two documents disagree on a matched event", style="dim"))
    for c in report.conflicts:
        console.print(Text.assemble(("  About: ", "bold"), c.about, (f"  [{c.kind}]", "dim")))
        for claim in c.claims:
            console.print(Text.assemble(
                ("    • ", "dim"), (claim.value, "bold"), " — ", (claim.doc, "bold"),
                (f" ({claim.status})", STATUS_STYLE[claim.status]), ": “", claim.quote, "”",
            ))
