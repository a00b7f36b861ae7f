"""Start-up: from launching `quiz` to its first question on screen, beside a minimal
Textual app measured the same way in the same run.

    python bench/startup.py [RUNS]   (default: 5; needs tmux)

Each run starts the program in a fresh tmux pane (80×24) and polls the pane every 5 ms
until the expected text shows; it prints the median and best of the runs for both.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = """
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("Hello from a minimal app")
Minimal().run()
"""


def time_to_screen(command: str, expect: str) -> float:
    session = "quizbench"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    started = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24",
                    command], check=True)
    try:
        while time.perf_counter() - started < 30:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                    capture_output=True, text=True).stdout
            if expect in screen:
                return time.perf_counter() - started
            time.sleep(0.005)
        raise RuntimeError(f"{expect!r} never showed")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main(runs: int) -> None:
    if shutil.which("tmux") is None:
        sys.exit("bench/startup.py needs tmux")
    python = sys.executable
    quiz = str(Path(python).with_name("quiz"))
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL)
        results: dict[str, list[float]] = {"minimal Textual app": [], "quiz, first question": []}
        for n in range(runs):
            db = Path(tmp) / f"h{n}.sqlite3"
            results["minimal Textual app"].append(
                time_to_screen(f"{python} {minimal}", "Hello from a minimal app"))
            results["quiz, first question"].append(
                time_to_screen(f"cd {ROOT} && {quiz} --db {db}", "Which country reopened"))
    for name, times in results.items():
        print(f"{name:>22}: median {1000 * statistics.median(times):.0f} ms, "
              f"best {1000 * min(times):.0f} ms ({runs} runs)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
