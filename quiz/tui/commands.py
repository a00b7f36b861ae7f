"""What the learner typed: an answer, a command ("/hint", or plain words: "hint please"), or
a question of their own for the tutor ("/ask ...", or "who is Hamid Al-Shatri?")."""

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
COMMANDS = ("hint", "skip", "source", "right", "mode", "more", "history", "ask", "help",
            "quit")
# A message is the learner's own question when it ends in "?" and opens like one; "Was it
# Iraq?" is a hedged answer, so questions opening with a verb need more words.
_WH = ("who", "whom", "whose", "what", "when", "where", "which", "why", "how", "tell me")
_VERB = ("did", "does", "do", "was", "were", "is", "are", "has", "have", "had", "can")
HELP = (
    "Type your answer, or an option's number. Commands (or plain words):\n"
    "  /hint      a first letter, the decade, or one wrong option removed (\"hint please\")\n"
    "  /skip      leave this question for later (\"skip\")\n"
    "  /source    the evidence again, with its document (\"show me the source\")\n"
    "  /right     after a wrong verdict: accept your answer from now on (\"I was right\")\n"
    "  /mode M    quiz, choice or flashcards\n"
    "  /more      when nothing is due: ten more new cards\n"
    "  /history   sessions, accuracy, retention, forecast (\"how am I doing\")\n"
    "  /ask Q     your own question, answered from the verified facts; or just type a\n"
    "             question ending in ? (while a card waits, it is answered after it)\n"
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
    if is_question(text):
        return Command("question", text)
    return None


def is_question(text: str) -> bool:
    """"When did the al-Qaim crossing reopen?" is a question; "Iraq?" and "Was it Iraq?" are
    answers given with a doubt."""
    words = text.lower().rstrip("?").split()
    if not text.rstrip().endswith("?") or not words:
        return False
    opening = " ".join(words[:2])
    if words[0] in _WH or opening in _WH:
        return len(words) >= 3
    return words[0] in _VERB and len(words) >= 5
