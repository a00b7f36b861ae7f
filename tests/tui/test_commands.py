"""Commands typed in the chat, with a slash or in plain words."""

from __future__ import annotations

import pytest

from quiz.tui.commands import Command, parse


@pytest.mark.parametrize("text, command", [
    ("/hint", Command("hint")),
    ("hint please", Command("hint")),
    ("Hint please!", Command("hint")),
    ("idk", Command("dontknow")),
    ("I don't know", Command("dontknow")),
    ("I don’t know.", Command("dontknow")),
    ("show me the source", Command("source")),
    ("/skip", Command("skip")),
    ("I was right", Command("right")),
    ("/mode flashcards", Command("mode", "flashcards")),
    ("/help", Command("help")),
    ("/frobnicate", Command("unknown", "frobnicate")),
    ("quit", Command("quit")),
])
def test_commands(text, command):
    assert parse(text) == command


@pytest.mark.parametrize("answer", ["Iraq", "30 September 2019", "4", "Saddam Hussein",
                                    "the source of the Euphrates", "hints of war"])
def test_answers_are_not_commands(answer):
    assert parse(answer) is None


@pytest.mark.parametrize("text", [
    "when did the al-Qaim crossing reopen?", "who is Hamid Al-Shatri?",
    "What happened in November 1979?", "Tell me about the Seljuks?",
    "Did Iraq send troops to Syria in 2024?",
])
def test_own_questions_are_for_the_tutor(text):
    assert parse(text) == Command("question", text)


@pytest.mark.parametrize("text", ["Iraq?", "Was it Iraq?", "1990?", "who knows", "when",
                                  "Saddam Hussein, I think?"])
def test_hedged_answers_are_still_answers(text):
    assert parse(text) is None


def test_ask_with_a_slash():
    assert parse("/ask  who is Hamid Al-Shatri?") == Command("ask", "who is Hamid Al-Shatri?")
    assert parse("/ask") == Command("ask", "")
