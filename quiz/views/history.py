"""`quiz history` for people: rich tables, bank text shown as text, never markup."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from quiz.study.history import History, percent


def render_history(h: History, console: Console) -> None:
    sessions = Table(title="Sessions", title_justify="left")
    for column in ("started", "bank", "mode", "answered", "right", "minutes"):
        sessions.add_column(column, justify="right" if column in (
            "answered", "right", "minutes") else "left")
    for s in h.sessions[-15:]:
        sessions.add_row(s.started, Text(s.bank), s.mode, str(s.answered),
                         percent(s.right, s.answered), f"{s.minutes:.1f}")
    console.print(sessions)
    console.print(Text(f"Total: {h.answered} answered, {percent(h.right, h.answered)} right, "
                       f"{h.minutes:.0f} minutes over {len(h.sessions)} "
                       f"session{'s' if len(h.sessions) != 1 else ''}. "
                       f"Streak: {h.streak} day{'s' if h.streak != 1 else ''}."))

    accuracy = Table(title="Accuracy", title_justify="left")
    accuracy.add_column("kind")
    accuracy.add_column("right", justify="right")
    accuracy.add_column("answered", justify="right")
    for kind, (right, total) in sorted(h.by_kind.items()):
        accuracy.add_row(f"{kind}s", percent(right, total), str(total))
    for week, right, total in h.by_week[-8:]:
        accuracy.add_row(f"week of {week}", percent(right, total), str(total))
    console.print(accuracy)

    retention = Table(title="True retention (first review of a card each day)",
                      title_justify="left")
    for column in ("cards", "passed", "reviews", "retention"):
        retention.add_column(column, justify="left" if column == "cards" else "right")
    for name, label in (("young", "young (< 21 days)"), ("mature", "mature (≥ 21 days)")):
        passed, total = h.retention[name]
        retention.add_row(label, str(passed), str(total), percent(passed, total))
    console.print(retention)

    console.print(Text("Cards: " + ", ".join(f"{n} {state}" for state, n in h.states.items())))
    start = h.forecast[0][0] if h.forecast else ""
    forecast = Table(title=f"Due in the next 14 days, from {start} (day of month)",
                     title_justify="left")
    for day, _ in h.forecast:
        forecast.add_column(day[8:], justify="right")
    forecast.add_row(*(str(n) for _, n in h.forecast))
    console.print(forecast)

    if h.weakest:
        weak = Table(title="Weakest questions", title_justify="left")
        weak.add_column("lapses", justify="right")
        weak.add_column("recall now", justify="right")
        weak.add_column("question")
        for w in h.weakest:
            weak.add_row(str(w.lapses), f"{100 * w.retrievability:.0f}%", Text(w.prompt))
        console.print(weak)
