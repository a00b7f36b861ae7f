"""What the learner typed: an answer, or a command ("/hint", or plain words: "hint please")."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Plain words that mean a command when they are the whole message.
_WORDS = {
    "hint": {"hint", "hint please", "a hint", "give me a hint", "help me", "clue"},
    "skip": {"skip", "next", "pass", "skip it"},
    "source": {"source", "show me the source", "show the source", "where is that from",
               "evidence", "show me the evidence"},
    "dontknow": {"idk", "i dont know", "i don't know", "dont know", "don't know", "no idea",
                 "not sure", "i have no idea", "?"},
    "right": {"i was right", "i was correct", "that was right", "my answer was right"},
    "help": {"help", "commands", "what can i do"},
    "history": {"history", "my history", "show my history", "how am i doing", "stats"},
    "quit": {"quit", "exit", "bye", "stop"},
}
COMMANDS = ("hint", "skip", "source", "right", "mode", "more", "history", "help", "quit")
HELP = (
    "Type your answer, or an option's number. Commands (or plain words):\n"
    "  /hint      a first letter, the decade, or one wrong option removed (\"hint please\")\n"
    "  /skip      leave this question for later (\"skip\")\n"
    "  /source    the evidence again, with its document (\"show me the source\")\n"
    "  /right     after a wrong verdict: accept your answer from now on (\"I was right\")\n"
    "  /mode M    quiz, choice or flashcards\n"
    "  /more      when nothing is due: ten more new cards\n"
    "  /history   sessions, accuracy, retention, forecast (\"how am I doing\")\n"
    "  idk        you don't know: see the answer, and the card comes back soon\n"
    "  /quit      leave; everything answered is saved, and the next start resumes"
)


@dataclass(frozen=True)
class Command:
    name: str
    argument: str = ""


def parse(text: str) -> Command | None:
    """The command a message asks for, or None when it is an answer."""
    text = " ".join(text.strip().split())
    if text.startswith("/"):
        name, _, argument = text[1:].partition(" ")
        name = name.lower()
        if name in COMMANDS or name == "dontknow":
            return Command(name, argument.strip())
        return Command("unknown", name)
    plain = re.sub(r"[.!]+$", "", text.lower()).replace("’", "'")
    for name, phrases in _WORDS.items():
        if plain in phrases:
            return Command(name)
    return None
