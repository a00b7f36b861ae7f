"""Open the study app headless on the bundled bank and check the first card is on screen.

Run by .ci/wheel-smoke with the installed wheel's interpreter, from outside the repository.
"""

import asyncio
import sys
import tempfile
from pathlib import Path

from quiz.bank import bundled_bank, load_bank
from quiz.tui.app import QuizApp


async def first_screen() -> str:
    bank = load_bank(bundled_bank())
    with tempfile.TemporaryDirectory() as folder:
        app = QuizApp(bank, bundled_bank().stem, Path(folder) / "history.sqlite3")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return "\n".join(str(b.render()) for b in app.query_one("#transcript").children)


screen = asyncio.run(first_screen())
prompts = {q.prompt for q in load_bank(bundled_bank()).questions}
if not any(prompt in screen for prompt in prompts):
    sys.exit(f"the app showed no question:\n{screen}")
print("the app opened on the bundled bank and asked a question")
