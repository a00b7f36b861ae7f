"""The tutor's reply as people read it, in the chat and on the command line (rich Text)."""

from __future__ import annotations

from rich.text import Text

from quiz.study.tutor import FoundFact, Quote, Reply


def render_reply(reply: Reply) -> Text:
    text = Text()
    if reply.verdict == "declined":
        text.append(reply.note, style="bold")
        if reply.closest:
            text.append(" The closest verified facts:")
            for fact in reply.closest:
                text.append("\n• ")
                _fact(text, fact)
        return text
    if reply.verdict == "disputed":
        text.append(reply.note, style="bold")
        for claim in reply.claims:
            text.append("\n• ")
            _quote(text, claim, value=True)
    else:
        if reply.answer:
            text.append(reply.answer, style="bold")
        if reply.note:
            text.append(("\n" if reply.answer else "") + reply.note)
        for fact in reply.facts:
            text.append("\n")
            if len(reply.facts) > 1:
                text.append("• ")
            _quote(text, fact.evidence)
            text.append(f" ({_status(fact)})", style="dim")
    for claim in reply.unreliable:
        text.append("\nNot counted: ", style="dim")
        _quote(text, claim, value=True)
        text.append(" — a document judged unreliable.", style="dim")
    return text


def _fact(text: Text, fact: FoundFact) -> None:
    _quote(text, fact.evidence)
    text.append(f" ({_status(fact)})", style="dim")


def _quote(text: Text, quote: Quote, value: bool = False) -> None:
    if value and quote.value:
        text.append(f"{quote.value}: ", style="bold")
    text.append(f"“{quote.quote}”", style="italic")
    text.append(f" — {quote.title}")


def _status(fact: FoundFact) -> str:
    if fact.status == "corroborated":
        return f"corroborated by {fact.independent} independent sources"
    return "contested" if fact.status == "contested" else "from a single source"
