"""The chat: the tutor asks, the learner types, the tutor answers with the evidence; the
learner may ask questions of their own, answered from the bank's verified facts.

Text from a bank is data: every bubble is a rich Text, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from quiz.models import MODES, Bank, Mode, Question, as_mode
from quiz.study.hints import hint
from quiz.study.history import summarise
from quiz.study.scheduler import describe_interval, new_card
from quiz.study.session import Asked, Result, Study
from quiz.study.store import Store, StoreError
from quiz.study.tutor import Reply, Tutor
from quiz.tui.commands import HELP, Command, parse
from quiz.tui.history_screen import HistoryScreen
from quiz.views.tutor import render_reply

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class Bubble(Static):
    """One message of the chat, shown exactly as written."""

    def __init__(self, text: str | Text, role: str) -> None:
        content = text if isinstance(text, Text) else Text(text)
        super().__init__(content, markup=False, classes=f"bubble {role}")


SMALL_BANK = 5000  # facts the tutor indexes before the first question (tens of ms)


class QuizApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "quiz"
    AUTO_FOCUS = "#answer"
    BINDINGS = [
        ("ctrl+q", "quit", "Quit"),
        ("f1", "command('help')", "Help"),
        ("f2", "command('hint')", "Hint"),
        ("f3", "command('source')", "Source"),
        ("f4", "command('skip')", "Skip"),
        ("f5", "command('right')", "I was right"),
        ("f6", "command('history')", "History"),
        ("f7", "next_mode", "Mode"),
    ]
    # What the command palette offers beside Textual's own (themes, keys, quit).
    PALETTE = [
        ("Hint", "A first letter, the decade, or one wrong option removed", "hint"),
        ("Skip", "Leave this question for later", "skip"),
        ("Source", "Show the evidence with its document", "source"),
        ("I was right", "Accept your last answer for this question from now on", "right"),
        ("I don't know", "See the answer; the card comes back soon", "dontknow"),
        ("Mode: typed answers", "Type every answer", "mode quiz"),
        ("Mode: multiple choice", "Pick from four options", "mode choice"),
        ("Mode: flashcards", "See the answer, rate yourself 1–4", "mode flashcards"),
        ("History", "Sessions, accuracy, retention, forecast, weakest questions", "history"),
        ("Ask the tutor", "Your own question, answered from the verified facts", "ask"),
        ("Help", "The commands you can type", "help"),
    ]

    def __init__(self, bank: Bank, bank_name: str, db: Path, *, clock: Clock = system_clock,
                 mode: Mode | None = None, new_per_day: int = 20,
                 retention: float = 0.9) -> None:
        super().__init__()
        self.bank, self.bank_name, self.db_path = bank, bank_name, db
        self.clock, self.fixed_mode, self.new_per_day = clock, mode, new_per_day
        self.retention = retention
        self.study: Study | None = None
        self.asked: Asked | None = None
        self.hinted = False
        self.removed: set[str] = set()  # options hints took away
        self.revealed = False  # flashcards: the answer is showing
        self.last: tuple[Asked, str, Result] | None = None  # for "I was right"
        self.answered = self.right = self.streak = 0
        self.by_kind: dict[str, list[int]] = {}  # kind -> [right, answered]
        self.started: datetime | None = None
        self.titles = {s.doc: s.title for s in bank.sources}
        self.tutor: Tutor | None = None
        self.held: list[str] = []  # the learner's questions, answered after the waiting card

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="transcript")
        yield Static("", id="status", markup=False)
        yield Input(placeholder="Your answer, an option's number, or a question ending in ?",
                    id="answer")
        yield Footer()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for title, help_text, command in self.PALETTE:
            name, _, argument = command.partition(" ")
            yield SystemCommand(title, help_text,
                                partial(self.run_command, Command(name, argument)))

    async def action_quit(self) -> None:
        """Leaving mid-session closes the session; every answer is already saved."""
        if self.study is not None:
            self.study.finish()
            self.study.store.close()
            self.study = None
        self.exit()

    def action_next_mode(self) -> None:
        """F7: typed answers → multiple choice → flashcards → typed answers."""
        current = self.fixed_mode or (self.asked.mode if self.asked else "quiz")
        self.set_study_mode(MODES[(MODES.index(current) + 1) % len(MODES)])

    def on_input_changed(self, event: Input.Changed) -> None:
        """Flashcards: a space in the empty box reveals the answer, as Enter does."""
        if event.value == " " and self.asked is not None and (
            self.asked.mode == "flashcards" and not self.revealed
        ):
            event.input.value = ""
            self.flashcard("")

    def action_command(self, name: str) -> None:
        self.run_command(Command(name))

    def on_mount(self) -> None:
        self.query_one("#transcript", VerticalScroll).anchor()
        if len(self.bank.facts) <= SMALL_BANK:
            self.tutor = Tutor([self.bank])
        else:  # indexing a big bank takes seconds: not before the first question
            self.run_worker(self.index_facts, thread=True)
        try:
            store = Store(self.db_path)
        except StoreError as error:
            self.say(f"Cannot open the study history: {error}", "wrong")
            return
        self.study = Study(store, self.bank, self.bank_name, clock=self.clock,
                           mode=self.fixed_mode, new_per_day=self.new_per_day,
                           retention=self.retention)
        self.started = self.clock()
        self.say(f"{self.bank.title}: {len(self.bank.questions)} questions. "
                 "Answer by typing, or by the option's number.", "tutor")
        self.ask_next()

    def index_facts(self) -> None:
        tutor = Tutor([self.bank])
        self.call_from_thread(setattr, self, "tutor", tutor)

    # -- the conversation ----------------------------------------------------------------------

    def say(self, text: str | Text, role: str) -> None:
        self.query_one("#transcript", VerticalScroll).mount(Bubble(text, role))

    def ask_next(self) -> None:
        assert self.study is not None
        held, self.held, self.asked = self.held, [], None
        for question in held:  # asked while the last card waited: answered now
            self.answer_question(question)
        self.asked = self.study.next()
        self.hinted = False
        self.removed = set()
        self.revealed = False
        self.update_status()
        if self.asked is None:
            self.say(self.summary(), "tutor")
            self.study.finish()
            return
        q = self.asked.question
        text = Text(q.prompt)
        if q.form == "cloze":
            text.append("\n(Fill in the blank.)", style="dim")
        if self.asked.mode == "choice":
            for i, choice in enumerate(q.choices, 1):
                text.append(f"\n  {i}) {choice}")
        elif self.asked.mode == "flashcards":
            text.append("\n(Enter shows the answer.)", style="dim")
        self.say(text, "tutor")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        response = event.value.strip()
        event.input.value = ""
        command = parse(response) if response else None
        if command is not None and command.name in ("ask", "question"):
            self.say(response, "learner")
            self.run_command(command)
            return
        if self.asked is not None and self.asked.mode == "flashcards" and (
            self.flashcard(response)
        ):
            return
        if not response:
            return
        self.say(response, "learner")
        command = parse(response)
        if command is not None:
            self.run_command(command)
            return
        if self.study is None or self.asked is None:
            return
        result = self.study.answer(self.asked, response, hint=self.hinted)
        self.last = (self.asked, response, result)
        self.reply(result)
        self.ask_next()

    def run_command(self, command: Command) -> None:
        name = command.name
        if name == "quit":
            self.run_worker(self.action_quit())
        elif name == "help":
            self.say(HELP, "tutor")
        elif name == "more" and self.study is not None and self.asked is None:
            added = self.study.more_new(10)
            self.say(f"{added} more new cards." if added else "No new cards are left.",
                     "tutor")
            self.ask_next()
        elif name == "history":
            self.show_history()
        elif name in ("ask", "question"):
            self.ask_tutor(command.argument, typed=name == "question")
        elif name == "unknown":
            self.say(f"No command /{command.argument}. Type /help for the list.", "tutor")
        elif self.study is None or self.asked is None:
            self.say("There is no question waiting.", "tutor")
        elif name == "hint":
            self.hinted = True
            text, gone = hint(self.asked.question, self.asked.mode, self.removed)
            if gone:
                self.removed.add(gone)
            self.say(text, "tutor")
        elif name == "skip":
            self.study.skip(self.asked)
            self.say("Skipped; it comes back later.", "tutor")
            self.ask_next()
        elif name == "dontknow":
            result = self.study.dont_know(self.asked)
            self.last = None
            self.reply(result)
            self.ask_next()
        elif name == "source":
            self.say(self.sources_text(self.asked.question, passage=True), "tutor")
        elif name == "right":
            self.accept_last()
        elif name == "mode":
            self.set_study_mode(command.argument)

    def flashcard(self, response: str) -> bool:
        """Flashcards: Enter reveals the answer, then 1–4 rate it. True when handled."""
        assert self.asked is not None and self.study is not None
        if not self.revealed and (not response or response == " "):
            self.revealed = True
            q = self.asked.question
            text = Text(f"Answer: {q.answer}\n")
            text.append_text(self.sources_text(q))
            now = self.clock()
            card = (self.asked.card.card if self.asked.card.reps
                    else new_card(self.asked.card.id, now))
            preview = self.study.planner.preview(card, now)
            labels = [f"{int(r)} {r.name} ({describe_interval(d).removeprefix('in ')})"
                      for r, d in preview.items()]
            text.append("\nRate it: " + "   ".join(labels))
            self.say(text, "tutor")
            return True
        if self.revealed and response in ("1", "2", "3", "4"):
            self.say(response, "learner")
            result = self.study.rate(self.asked, int(response))
            self.answered += 1
            self.right += result.rating >= 3
            later = describe_interval(result.due - self.clock())
            self.say(f"{result.verdict.feedback} Again {later}.", result.verdict.outcome)
            self.ask_next()
            return True
        if not self.revealed and not response.startswith("/"):
            self.say("Press Enter to see the answer, then rate it 1–4.", "tutor")
            return True
        return False

    def ask_tutor(self, question: str, *, typed: bool) -> None:
        """The learner's own question: answered now, or after the waiting card when typed
        plainly, or when the answer would give the card away."""
        if not question:
            answer_box = self.query_one("#answer", Input)
            answer_box.value = "/ask "
            answer_box.cursor_position = len(answer_box.value)
            answer_box.focus()
            return
        if self.tutor is None:
            self.held.append(question)
            self.say("Still reading the bank's facts; I'll answer after this card.", "tutor")
            return
        reply = self.tutor.ask(question)
        if self.asked is not None:
            giveaway = self.gives_away(reply)
            if typed or giveaway:
                self.held.append(question)
                self.say("That would give this card away: I'll answer it once you have "
                         "answered." if giveaway else "I'll answer that once you have "
                         "answered this card (/ask asks at once).", "tutor")
                return
        self.show_reply(reply)

    def answer_question(self, question: str) -> None:
        if self.tutor is None:
            self.say("The facts are still being read; ask again in a moment.", "tutor")
            return
        self.show_reply(self.tutor.ask(question))

    def show_reply(self, reply: Reply) -> None:
        text = Text(f"“{reply.question}”\n", style="dim")
        text.append_text(render_reply(reply))
        if self.asked is not None:  # the card has scrolled away: show what still waits
            text.append(f"\n\nThe card still waits: {self.asked.question.prompt}", style="dim")
        self.say(text, "tutor")

    def gives_away(self, reply: Reply) -> bool:
        """Whether a reply would tell the learner the waiting card's answer."""
        assert self.asked is not None
        card = self.asked.question
        quotes = {e.quote for e in card.evidence}
        return any(f.id == card.fact or f.evidence.quote in quotes
                   for f in reply.facts + reply.closest) or (
            bool(reply.answer) and reply.answer.casefold() == card.answer.casefold())

    def show_history(self) -> None:
        if self.study is None:
            self.say("The study history could not be opened.", "tutor")
            return
        figures = summarise(self.study.store, now=self.clock(), bank=self.bank_name,
                            prompts={q.id: q.prompt for q in self.bank.questions})
        self.push_screen(HistoryScreen(figures))

    def summary(self) -> Text:
        assert self.study is not None and self.started is not None
        now = self.clock()
        seconds = (now - self.started).total_seconds()
        spent = f"{round(seconds / 60)} min" if seconds >= 90 else f"{round(seconds)} s"
        text = Text("Nothing more is due now.", style="bold")
        text.append(f"\nAnswered {self.answered}, {self.right} right, in {spent}.")
        for kind, (right, total) in sorted(self.by_kind.items()):
            text.append(f"\n  {kind}s: {right} of {total} right")
        store, bank = self.study.store, self.bank_name
        today = store.due_count(bank, now + timedelta(days=1))
        week = store.due_count(bank, now + timedelta(days=7))
        text.append(f"\nDue within a day: {today}; within a week: {week}.")
        text.append("\nType /more for 10 more new cards, or /quit.")
        return text

    def accept_last(self) -> None:
        if self.last is None or self.last[2].verdict.outcome == "correct":
            self.say("Nothing to correct: the last answer was not marked wrong.", "tutor")
            return
        asked, response, _ = self.last
        assert self.study is not None
        self.study.override(asked, response)
        self.last = None
        self.say(f"Noted: “{response}” is accepted for this question from now on.", "tutor")

    def set_study_mode(self, name: str) -> None:
        # Not `switch_mode`: that is Textual's own App method (screen modes).
        mode = as_mode(name)
        if mode is None:
            self.say("Modes: /mode quiz, /mode choice or /mode flashcards.", "tutor")
            return
        assert self.study is not None
        self.fixed_mode = self.study.mode = mode
        self.say(f"Mode: {mode}, from the next question.", "tutor")

    def sources_text(self, question: Question, passage: bool = False) -> Text:
        """The evidence quotes with their documents; with `passage`, the text around too."""
        text = Text()
        if passage and question.passage:
            text.append(question.passage + "\n\nThe evidence:\n")
        shown: list[str] = []
        for evidence in question.evidence:
            if evidence.quote in shown:
                continue  # a copy quoting the same words adds nothing
            if len(shown) == 3:
                text.append(f"\n(and {len(question.evidence) - 3} more quotes)", style="dim")
                break
            if shown:
                text.append("\n")
            shown.append(evidence.quote)
            text.append(f"“{evidence.quote}”", style="italic")
            text.append(f"\n— {self.titles.get(evidence.doc, evidence.doc)}")
        return text

    def reply(self, result: Result) -> None:
        assert self.asked is not None
        q = self.asked.question
        self.answered += 1
        tally = self.by_kind.setdefault(q.kind, [0, 0])
        tally[0] += result.verdict.outcome == "correct"
        tally[1] += 1
        if result.verdict.outcome == "correct":
            self.right += 1
            self.streak += 1
        else:
            self.streak = 0
        text = Text(result.verdict.feedback)
        evidence = q.evidence[0]
        status = (f"corroborated by {self.bank.independent(q.sources)} independent sources"
                  if q.status == "corroborated" else "from a single source")
        text.append(f"\n“{evidence.quote}”", style="italic")
        text.append(f"\n— {self.titles.get(evidence.doc, evidence.doc)} ({status})")
        text.append(f"\nAgain {describe_interval(result.due - self.clock())}.")
        self.say(text, result.verdict.outcome)

    def update_status(self) -> None:
        if self.study is None:
            return
        queue = self.study.queue
        accuracy = f"{100 * self.right // self.answered}%" if self.answered else "–"
        self.query_one("#status", Static).update(Text(
            f"due {queue.due_left}  new {queue.new_left}  right {accuracy}  "
            f"streak {self.streak}"))
