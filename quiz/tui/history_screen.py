"""The history screen: the figures of `quiz history`, with accuracy and the forecast drawn."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Sparkline, Static

from quiz.study.history import History, percent

BAR = 40  # characters for 100 %


def _accuracy_chart(h: History) -> Text:
    """Accuracy by week as bars on a fixed 0–100 % scale (a sparkline would rescale)."""
    text = Text("Accuracy by week (0–100 %)")
    for week, right, total in h.by_week[-8:]:
        share = right / total if total else 0.0
        filled = round(share * BAR)
        text.append(f"\n{week}  ")
        text.append("█" * filled, style="green")
        text.append("░" * (BAR - filled), style="dim")
        text.append(f" {100 * share:3.0f}% of {total}")
    if not h.by_week:
        text.append("\n–")
    return text


class HistoryScreen(ModalScreen[None]):
    """Escape or q closes it."""

    BINDINGS = [("escape", "dismiss", "Back"), ("q", "dismiss", "Back")]
    DEFAULT_CSS = """
    HistoryScreen { align: center middle; }
    #history { width: 100%; height: 100%; background: $surface; padding: 0 1; }
    #history Static { margin: 1 0 0 0; }
    #history Sparkline { height: 3; margin: 0 0 0 0; }
    """

    def __init__(self, history: History) -> None:
        super().__init__()
        self.history = history

    def compose(self) -> ComposeResult:
        h = self.history
        with VerticalScroll(id="history"):
            yield Static(Text(
                f"History: {h.answered} answered, {percent(h.right, h.answered)} right, "
                f"{h.minutes:.0f} min, {len(h.sessions)} session"
                f"{'s' if len(h.sessions) != 1 else ''}, streak {h.streak} "
                f"day{'s' if h.streak != 1 else ''}",
                style="bold"), markup=False)
            yield Static(_accuracy_chart(h), markup=False, id="accuracy")
            due = [n for _, n in h.forecast]
            yield Static(Text(f"Due over the next 14 days: {sum(due)} "
                              f"({', '.join(str(n) for n in due)})"), markup=False)
            yield Sparkline(due or [0], id="forecast")
            kinds = "  ".join(f"{k}s {percent(r, n)} of {n}" for k, (r, n) in
                              sorted(h.by_kind.items()))
            yield Static(Text(f"By kind: {kinds or '–'}"), markup=False)
            young, mature = h.retention["young"], h.retention["mature"]
            yield Static(Text(
                f"True retention: young {percent(*young)} ({young[1]} reviews), "
                f"mature {percent(*mature)} ({mature[1]} reviews)\n"
                "Cards: " + ", ".join(f"{n} {s}" for s, n in h.states.items())), markup=False)
            weak = Text("Weakest questions:")
            for w in h.weakest[:5]:
                weak.append(f"\n  {w.lapses} lapses, {100 * w.retrievability:.0f}% now: ")
                weak.append(w.prompt)
            yield Static(weak, markup=False)
        yield Footer()
