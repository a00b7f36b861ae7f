"""The study app driven by Pilot: what the learner sees, and what the database holds."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from textual.widgets import Input

from quiz.bank import load_bank
from quiz.study.session import fixed_clock
from quiz.tui.app import QuizApp
from tests.conftest import BANK

T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANK)


def transcript(app) -> list[str]:
    return [str(b.render()) for b in app.query_one("#transcript").children]


def verdicts(app) -> list[str]:
    """The verdict bubbles on screen (styled correct, partial or wrong), oldest first."""
    return [str(b.render()) for b in app.query_one("#transcript").children
            if b.classes & {"correct", "partial", "wrong"}]


def status(app) -> str:
    return str(app.query_one("#status").render())


def shown_question(app, bank):
    """The question the screen is waiting on: the last bubble that opens with a bank
    prompt, or None when a session summary came after it."""
    prompts = {q.prompt: q for q in bank.questions}
    for text in reversed(transcript(app)):
        if text.startswith("Nothing more is due now."):
            return None
        first = text.split("\n", 1)[0]
        if first in prompts:
            return prompts[first]
    return None


def option_number(app, answer: str) -> str:
    """The number the screen shows beside `answer` among the options of the last question."""
    for text in reversed(transcript(app)):
        for line in text.splitlines():
            number, _, option = line.strip().partition(") ")
            if option == answer and number.isdigit():
                return number
    raise AssertionError(f"no option {answer!r} on screen")


async def from_the_palette(pilot, search: str) -> list[str]:
    """Open the command palette (Ctrl+P), search, and run the first command it offers.
    Returns the titles the palette listed on opening."""
    from textual.command import CommandInput, CommandList, CommandPalette

    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    listed = pilot.app.screen.query_one(CommandList)
    offered = [str(listed.get_option_at_index(i).prompt).split("\n", 1)[0]
               for i in range(listed.option_count)]
    pilot.app.screen.query_one(CommandInput).value = search
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert not isinstance(pilot.app.screen, CommandPalette)
    return offered


async def submit(pilot, text: str) -> None:
    """Put `text` in the answer box and press Enter. Typing it key by key (a keystroke and
    two idle waits each) is Textual's part; the tests here are about what Enter does."""
    pilot.app.query_one("#answer", Input).value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_answering_a_choice_by_number(tmp_path, bank):
    """Typed key by key, as a learner does: the option's number, then Enter."""
    db = tmp_path / "h.sqlite3"
    app = QuizApp(bank, "iraq-syria", db, clock=fixed_clock(T0, timedelta(seconds=3)))
    async with app.run_test(size=(80, 24)) as pilot:
        first = shown_question(app, bank)
        right = option_number(app, first.answer)
        await pilot.press(right, "enter")
        await pilot.pause()
        [verdict] = verdicts(app)
        assert verdict.startswith(f"Right: {first.answer}.") and "Again in" in verdict
        assert shown_question(app, bank) not in (None, first)
        assert transcript(app)[-1].startswith(shown_question(app, bank).prompt)
    rows = sqlite3.connect(db).execute("SELECT mode, response, outcome FROM reviews").fetchall()
    assert rows == [("choice", right, "correct")]


async def test_a_new_question_without_options_is_asked_for_a_typed_answer(tmp_path, bank):
    """A bank leaves choices empty when it has no three fair options: no options are shown,
    and the typed answer is graded as recall."""
    q = bank.questions[0].model_copy(update={"choices": []})
    app = QuizApp(bank.model_copy(update={"questions": [q]}), "typed", tmp_path / "h.sqlite3",
                  clock=fixed_clock(T0, timedelta(seconds=3)))
    async with app.run_test(size=(80, 24)) as pilot:
        assert transcript(app)[-1] == q.prompt  # the prompt alone, no "1) …" lines
        await submit(pilot, q.answer)
        [verdict] = verdicts(app)
        assert verdict.startswith(f"Right: {q.answer}.")
    rows = sqlite3.connect(tmp_path / "h.sqlite3").execute("SELECT mode FROM reviews").fetchall()
    assert rows == [("quiz",)]


async def test_a_cloze_says_to_fill_in_the_blank(tmp_path, bank):
    q = bank.questions[0].model_copy(update={
        "form": "cloze", "prompt": "_____ reopened the al-Qaim border crossing with Syria.",
        "choices": []})
    app = QuizApp(bank.model_copy(update={"questions": [q]}), "cloze", tmp_path / "h.sqlite3",
                  clock=fixed_clock(T0, timedelta(seconds=3)))
    async with app.run_test(size=(80, 24)) as pilot:
        assert transcript(app)[-1] == f"{q.prompt}\n(Fill in the blank.)"
        await submit(pilot, q.answer)
        assert verdicts(app)[0].startswith(f"Right: {q.answer}.")


async def test_bank_text_is_shown_not_interpreted(tmp_path, bank):
    q = bank.questions[0].model_copy(update={"prompt": "Was [bold]this[/bold] [link=x]y[/link]?"})
    odd = bank.model_copy(update={"questions": [q]})
    app = QuizApp(odd, "odd", tmp_path / "h.sqlite3", clock=fixed_clock(T0))
    async with app.run_test(size=(80, 24)):
        assert any("[bold]this[/bold] [link=x]y[/link]" in line for line in transcript(app))


async def test_a_copy_does_not_count_as_another_source(tmp_path, bank):
    """Three documents back the fact, but 002 copies 001: the verdict counts two sources,
    and three once the copy mark is gone."""
    [q] = [q for q in bank.questions
           if q.status == "corroborated" and len(q.sources) == 3 and q.kind == "date"][:1]
    copier = next(s for s in bank.sources if s.copies)
    assert {copier.doc, *copier.copies} <= set(q.sources)
    one = bank.model_copy(update={"questions": [q]})
    no_copies = one.model_copy(update={
        "sources": [s.model_copy(update={"copies": []}) for s in bank.sources]})
    for shown, independent in ((one, 2), (no_copies, 3)):
        app = QuizApp(shown, "one", tmp_path / f"{independent}.sqlite3",
                      clock=fixed_clock(T0), mode="quiz")
        async with app.run_test(size=(80, 24)) as pilot:
            await submit(pilot, q.answer)
            [verdict] = verdicts(app)
            assert f"(corroborated by {independent} independent sources)" in verdict


async def test_commands_in_a_session(tmp_path, bank):
    """hint, idk, I was right, skip and source, as a learner types them."""
    db = tmp_path / "h.sqlite3"
    app = QuizApp(bank, "iraq-syria", db, clock=fixed_clock(T0, timedelta(seconds=3)),
                  mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        await submit(pilot, "hint please")
        assert transcript(app)[-1].startswith(("It starts with", "It was in", "The month"))
        first = shown_question(app, bank)
        await submit(pilot, "idk")
        assert verdicts(app)[-1].startswith(f"The answer is {first.answer}.")
        second = shown_question(app, bank)
        assert second not in (None, first)
        await submit(pilot, "my own words")
        assert "wrong" in app.query_one("#transcript").children[-2].classes
        await submit(pilot, "I was right")
        assert transcript(app)[-1] == (
            "Noted: “my own words” is accepted for this question from now on.")
        await submit(pilot, "show me the source")
        shown = transcript(app)[-1]
        source_of = shown_question(app, bank)
        assert shown.startswith(source_of.passage) and f"“{source_of.evidence[0].quote}”" in shown
        await submit(pilot, "/skip")
        assert transcript(app)[-2] == "Skipped; it comes back later."
        assert shown_question(app, bank) not in (None, source_of)
    rows = sqlite3.connect(db).execute(
        "SELECT response, outcome, rating, hint FROM reviews ORDER BY id").fetchall()
    assert rows[0] == ("[don't know]", "wrong", 1, 0)
    assert rows[1][:2] == ("my own words", "wrong")
    learned = sqlite3.connect(db).execute("SELECT question, response FROM alternatives")
    assert learned.fetchall() == [(second.id, "my own words")]


async def test_flashcards_reveal_then_rate(tmp_path, bank):
    db = tmp_path / "h.sqlite3"
    app = QuizApp(bank, "iraq-syria", db, clock=fixed_clock(T0, timedelta(seconds=3)),
                  mode="flashcards")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert "Answer:" in transcript(app)[-1] and "Rate it" in transcript(app)[-1]
        await pilot.press("4", "enter")
        await pilot.pause()
    rows = sqlite3.connect(db).execute("SELECT mode, rating FROM reviews").fetchall()
    assert rows == [("flashcards", 4)]


async def test_a_session_ends_with_a_summary_and_can_go_on(tmp_path, bank):
    db = tmp_path / "h.sqlite3"
    app = QuizApp(bank, "iraq-syria", db, clock=fixed_clock(T0, timedelta(minutes=2)),
                  new_per_day=1)
    async with app.run_test(size=(80, 24)) as pilot:
        while (q := shown_question(app, bank)) is not None:
            choice = any(line.startswith("  1) ") for line in transcript(app)[-1].splitlines())
            await submit(pilot, option_number(app, q.answer) if choice else q.answer)
        summary = transcript(app)[-1]
        assert "Answered 2, 2 right" in summary  # the new card, and its learning step
        assert "Due within a day: 0; within a week: 1" in summary  # graduated to days
        await submit(pilot, "/more")
        assert transcript(app)[-2] == "10 more new cards."
        assert shown_question(app, bank) is not None


async def test_quitting_and_starting_again_resumes(tmp_path, bank):
    db = tmp_path / "h.sqlite3"
    clock = fixed_clock(T0, timedelta(seconds=30))
    app = QuizApp(bank, "iraq-syria", db, clock=clock, new_per_day=5)
    async with app.run_test(size=(80, 24)) as pilot:
        assert status(app).startswith("due 0  new 4  ")  # one of the 5 is on screen
        first = shown_question(app, bank)
        await pilot.press(option_number(app, first.answer), "enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    again = QuizApp(bank, "iraq-syria", db, clock=clock, new_per_day=5)
    async with again.run_test(size=(80, 24)):
        assert status(again).startswith("due 0  new 3  ")  # the day's 5, less 1 seen, less 1
        assert shown_question(again, bank) != first  # the first is waiting for its step


async def test_keys_and_the_command_palette_run_commands(tmp_path, bank):
    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3", clock=fixed_clock(T0),
                  mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        q = shown_question(app, bank)
        await pilot.press("f2")
        await pilot.pause()
        assert transcript(app)[-1].startswith(f"It starts with “{q.answer[0]}”")
        offered = await from_the_palette(pilot, "source")
        assert {"Hint", "Skip", "Source", "I was right", "I don't know", "Mode: flashcards",
                "History", "Ask the tutor", "Theme", "Quit"} <= set(offered)
        shown = transcript(app)[-1]
        assert shown.startswith(f"{q.passage}\n\nThe evidence:\n“{q.evidence[0].quote}”")
        await from_the_palette(pilot, "flashcards")
        assert transcript(app)[-1] == "Mode: flashcards, from the next question."


async def test_a_partial_answer_is_shown_as_such_and_rated_hard(tmp_path, bank):
    db = tmp_path / "h.sqlite3"
    [q] = [q for q in bank.questions if q.answer == "30 September 2019" and q.kind == "date"]
    only = bank.model_copy(update={"questions": [q]})
    app = QuizApp(only, "one", db, clock=fixed_clock(T0, timedelta(seconds=2)), mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"2019", "enter")
        await pilot.pause()
        bubble = app.query_one("#transcript").children[-2]
        assert "partial" in bubble.classes and "less precise" in str(bubble.render())
        await pilot.press("ctrl+q")
    db_rows = sqlite3.connect(db)
    assert db_rows.execute("SELECT outcome, rating FROM reviews").fetchall() == [("partial", 2)]
    assert db_rows.execute("SELECT ended IS NOT NULL FROM sessions").fetchall() == [(1,)]


async def test_history_screen_opens_with_figures_and_charts(tmp_path, bank):
    from textual.widgets import Sparkline, Static

    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3",
                  clock=fixed_clock(T0, timedelta(seconds=5)), mode="quiz")

    def history_text():
        return "\n".join(str(w.render()) for w in app.screen.query(Static))

    async with app.run_test(size=(80, 24)) as pilot:
        await submit(pilot, shown_question(app, bank).answer)
        await pilot.press("f6")
        await pilot.pause()
        assert history_text().startswith("History: 1 answered, 100% right")
        assert len(app.screen.query(Sparkline)) == 1  # the forecast; accuracy is drawn as bars
        assert "% of 1" in str(app.screen.query_one("#accuracy").render())
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("#accuracy")
        await submit(pilot, "how am I doing")
        assert history_text().startswith("History: 1 answered")


async def test_space_reveals_a_flashcard_and_f7_cycles_modes(tmp_path, bank):
    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3", clock=fixed_clock(T0),
                  mode="flashcards")
    async with app.run_test(size=(80, 24)) as pilot:
        assert transcript(app)[-1].endswith("(Enter shows the answer.)")
        await pilot.press("space")
        await pilot.pause()
        assert "Answer:" in transcript(app)[-1] and "Rate it" in transcript(app)[-1]
        await pilot.press("f7")
        await pilot.pause()
        assert transcript(app)[-1] == "Mode: quiz, from the next question."
        await pilot.press("3", "enter")
        await pilot.pause()
        nxt = shown_question(app, bank)
        assert transcript(app)[-1] == nxt.prompt  # typed: no options, no "Enter shows"


async def test_a_question_typed_while_a_card_waits_is_answered_after_it(tmp_path, bank):
    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3", clock=fixed_clock(T0),
                  mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        card = shown_question(app, bank)
        await submit(pilot, "who is Hamid Al-Shatri?")
        assert transcript(app)[-1].startswith("I'll answer that once you have answered")
        assert not verdicts(app) and shown_question(app, bank) == card  # not graded
        await submit(pilot, "idk")
        lines = transcript(app)
        reply = next(i for i, line in enumerate(lines) if "Intelligence Chief" in line)
        verdict = next(i for i, line in enumerate(lines) if line.startswith("The answer is"))
        assert verdict < reply < len(lines) - 1  # after the verdict, before the next card
        assert "still waits" not in lines[reply]


async def test_ask_answers_at_once_unless_it_gives_the_card_away(tmp_path, bank):
    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3", clock=fixed_clock(T0),
                  mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        card = shown_question(app, bank)
        await submit(pilot, "/ask what happened in November 1979?")
        now = transcript(app)[-1]
        assert "suspended relations" in now and f"The card still waits: {card.prompt}" in now
        await submit(pilot, f"/ask {card.prompt}")
        assert transcript(app)[-1].startswith("That would give this card away")
        assert not any(line.startswith(f"“{card.prompt}”") for line in transcript(app))


async def test_with_no_card_waiting_a_question_is_answered_at_once(tmp_path, bank):
    one = bank.model_copy(update={"questions": bank.questions[:1]})
    app = QuizApp(one, "one", tmp_path / "h.sqlite3",
                  clock=fixed_clock(T0, timedelta(minutes=2)), mode="quiz", new_per_day=1)
    async with app.run_test(size=(80, 24)) as pilot:
        while (q := shown_question(app, one)) is not None:  # right until nothing is due
            await submit(pilot, q.answer)
        await submit(pilot, "when did Iraq invade Kuwait?")
        assert transcript(app)[-1].startswith("“when did Iraq invade Kuwait?”\n1990\n")


async def test_a_declined_question_is_not_held_for_sharing_a_word_with_the_card(tmp_path, bank):
    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3", clock=fixed_clock(T0),
                  mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        assert shown_question(app, bank).answer == "Iraq"
        await submit(pilot, "/ask When did Iraq win the Asian Cup?")
        assert transcript(app)[-1].startswith("“When did Iraq win the Asian Cup?”\n"
                                              "Nothing in the verified facts answers that.")
