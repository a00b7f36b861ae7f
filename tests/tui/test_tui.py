"""The study app driven by Pilot: what the learner sees, and what the database holds."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

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


async def test_answering_a_choice_by_number(tmp_path, bank):
    db = tmp_path / "h.sqlite3"
    app = QuizApp(bank, "iraq-syria", db, clock=fixed_clock(T0, timedelta(seconds=3)))
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.study.queue.last_id
        asked = app.asked
        right = asked.question.choices.index(asked.question.answer) + 1
        await pilot.press(str(right), "enter")
        await pilot.pause()
        lines = transcript(app)
        assert any(line.startswith("Right:") for line in lines)
        assert any("Again in" in line for line in lines)
        assert app.asked.card.id != first
    rows = sqlite3.connect(db).execute("SELECT mode, response, outcome FROM reviews").fetchall()
    assert rows == [("choice", str(right), "correct")]


async def test_bank_text_is_shown_not_interpreted(tmp_path, bank):
    q = bank.questions[0].model_copy(update={"prompt": "Was [bold]this[/bold] [link=x]y[/link]?"})
    odd = bank.model_copy(update={"questions": [q]})
    app = QuizApp(odd, "odd", tmp_path / "h.sqlite3", clock=fixed_clock(T0))
    async with app.run_test(size=(80, 24)):
        assert any("[bold]this[/bold] [link=x]y[/link]" in line for line in transcript(app))


def test_a_copy_does_not_count_as_another_source(tmp_path, bank):
    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3", clock=fixed_clock(T0))
    [q] = [q for q in bank.questions
           if q.status == "corroborated" and len(q.sources) == 3 and q.kind == "date"][:1]
    assert app.bank.independent(q.sources) == 2  # 002 copies 001


async def test_commands_in_a_session(tmp_path, bank):
    """hint, idk, I was right, skip and source, as a learner types them."""
    db = tmp_path / "h.sqlite3"
    app = QuizApp(bank, "iraq-syria", db, clock=fixed_clock(T0, timedelta(seconds=3)),
                  mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"hint please", "enter")
        await pilot.pause()
        assert transcript(app)[-1].startswith(("It starts with", "It was in", "The month"))
        first = app.asked.card.id
        await pilot.press(*"idk", "enter")
        await pilot.pause()
        assert app.asked.card.id != first
        await pilot.press(*"my own words", "enter")
        await pilot.pause()
        assert "wrong" in app.query_one("#transcript").children[-2].classes
        await pilot.press(*"I was right", "enter")
        await pilot.pause()
        assert "accepted for this question" in transcript(app)[-1]
        await pilot.press(*"show me the source", "enter")
        await pilot.pause()
        shown = transcript(app)[-1]
        assert app.asked.question.passage in shown and "“" in shown
        skipped = app.asked.card.id
        await pilot.press(*"/skip", "enter")
        await pilot.pause()
        assert app.asked.card.id != skipped
    rows = sqlite3.connect(db).execute(
        "SELECT response, outcome, rating, hint FROM reviews ORDER BY id").fetchall()
    assert rows[0] == ("[don't know]", "wrong", 1, 0)
    assert rows[1][:2] == ("my own words", "wrong")
    learned = sqlite3.connect(db).execute("SELECT response FROM alternatives").fetchall()
    assert learned == [("my own words",)]


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
        while app.asked is not None:
            q = app.asked.question
            answer = (str(q.choices.index(q.answer) + 1) if app.asked.mode == "choice"
                      else q.answer)
            await pilot.press(*answer, "enter")
            await pilot.pause()
        summary = transcript(app)[-1]
        assert "Answered 2, 2 right" in summary  # the new card, and its learning step
        assert "Due within a day: 0; within a week: 1" in summary  # graduated to days
        await pilot.press(*"/more", "enter")
        await pilot.pause()
        assert app.asked is not None


async def test_quitting_and_starting_again_resumes(tmp_path, bank):
    db = tmp_path / "h.sqlite3"
    clock = fixed_clock(T0, timedelta(seconds=30))
    app = QuizApp(bank, "iraq-syria", db, clock=clock, new_per_day=5)
    async with app.run_test(size=(80, 24)) as pilot:
        q = app.asked.question
        await pilot.press(str(q.choices.index(q.answer) + 1), "enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    again = QuizApp(bank, "iraq-syria", db, clock=clock, new_per_day=5)
    async with again.run_test(size=(80, 24)):
        assert again.study.queue.new_left + 1 == 4  # one new card shown now, 4 left in all


async def test_keys_and_the_command_palette_run_commands(tmp_path, bank):
    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3", clock=fixed_clock(T0),
                  mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert app.hinted
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Hint", "Skip", "Source", "I was right", "Mode: flashcards"} <= set(titles)
        assert "Theme" in " ".join(titles) or any("theme" in t.lower() for t in titles)


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
    from textual.widgets import Sparkline

    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3",
                  clock=fixed_clock(T0, timedelta(seconds=5)), mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*app.asked.question.answer, "enter")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "HistoryScreen"
        assert screen.history.answered == 1 and screen.history.right == 1
        assert len(screen.query(Sparkline)) == 1  # the forecast; accuracy is drawn as bars
        assert "% of 1" in str(screen.query_one("#accuracy").render())
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ != "HistoryScreen"
        await pilot.press(*"how am I doing", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"


async def test_space_reveals_a_flashcard_and_f7_cycles_modes(tmp_path, bank):
    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3", clock=fixed_clock(T0),
                  mode="flashcards")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await pilot.pause()
        assert app.revealed and "Answer:" in transcript(app)[-1]
        await pilot.press("f7")
        await pilot.pause()
        assert app.fixed_mode == "quiz" and "Mode: quiz" in transcript(app)[-1]


async def test_a_question_typed_while_a_card_waits_is_answered_after_it(tmp_path, bank):
    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3", clock=fixed_clock(T0),
                  mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.asked.question.prompt
        await pilot.press(*"who is Hamid Al-Shatri?", "enter")
        await pilot.pause()
        assert transcript(app)[-1].startswith("I'll answer that once you have answered")
        assert app.asked.question.prompt == card  # still waiting, not graded
        await pilot.press(*"idk", "enter")
        await pilot.pause()
        lines = transcript(app)
        reply = next(i for i, line in enumerate(lines) if "Intelligence Chief" in line)
        verdict = next(i for i, line in enumerate(lines) if line.startswith("The answer is"))
        assert verdict < reply < len(lines) - 1  # after the verdict, before the next card
        assert "still waits" not in lines[reply]


async def test_ask_answers_at_once_unless_it_gives_the_card_away(tmp_path, bank):
    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3", clock=fixed_clock(T0),
                  mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.asked.question
        await pilot.press(*"/ask what happened in November 1979?", "enter")
        await pilot.pause()
        now = transcript(app)[-1]
        assert "suspended relations" in now and f"The card still waits: {card.prompt}" in now
        await pilot.press(*f"/ask {card.prompt}", "enter")
        await pilot.pause()
        assert transcript(app)[-1].startswith("That would give this card away")
        assert not any(line.startswith(f"“{card.prompt}”") for line in transcript(app))


async def test_with_no_card_waiting_a_question_is_answered_at_once(tmp_path, bank):
    one = bank.model_copy(update={"questions": bank.questions[:1]})
    app = QuizApp(one, "one", tmp_path / "h.sqlite3",
                  clock=fixed_clock(T0, timedelta(minutes=2)), mode="quiz", new_per_day=1)
    async with app.run_test(size=(80, 24)) as pilot:
        while app.asked is not None:  # right until nothing is due
            await pilot.press(*app.asked.question.answer, "enter")
            await pilot.pause()
        await pilot.press(*"when did Iraq invade Kuwait?", "enter")
        await pilot.pause()
        assert transcript(app)[-1].startswith("“when did Iraq invade Kuwait?”\n1990\n")


async def test_a_declined_question_is_not_held_for_sharing_a_word_with_the_card(tmp_path, bank):
    app = QuizApp(bank, "iraq-syria", tmp_path / "h.sqlite3", clock=fixed_clock(T0),
                  mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.asked.question.answer == "Iraq"
        await pilot.press(*"/ask When did Iraq win the Asian Cup?", "enter")
        await pilot.pause()
        assert transcript(app)[-1].startswith("“When did Iraq win the Asian Cup?”\n"
                                              "Nothing in the verified facts answers that.")
