"""`katas watch`: re-check the kata you save, in a warm interpreter (torch is imported once).

Keys: n next kata · h hint (again for the next level) · l list · r re-check now · q quit.
A kata that hangs or crashes shows as an error; watching goes on.
"""

from __future__ import annotations

import _thread
import contextlib
import os
import queue
import signal
import sys
import threading
import time
from pathlib import Path

import watchfiles
from rich.console import Console
from rich.markup import escape

from katakit import manifest, run, shipped, views

FOOTER = "Watching katas/ · n next · h hint · l list · r re-check · q quit"
TIMEOUT = ("--kata-timeout=5",)


def _watch_files(folder: Path, events: queue.Queue, stop: threading.Event) -> None:
    # step 10 ms: report a save almost at once instead of waiting to batch more changes
    for changes in watchfiles.watch(folder, stop_event=stop, debounce=200, step=10, yield_on_timeout=False):
        events.put(("saved", {Path(p).name for _, p in changes}))


def _read_keys(events: queue.Queue, busy: threading.Event) -> None:
    """Keys from stdin, read with os.read (no Python-level lock is held while it waits, so exiting never
    blocks on it). A q during a long check interrupts the check: watch ends within a second."""
    if sys.stdin is None:
        return
    fd = sys.stdin.fileno()
    while True:
        try:
            data = os.read(fd, 1)
        except OSError:
            return
        if not data:
            return  # stdin closed: watch without keys
        char = data.decode("utf-8", errors="ignore").lower()
        if char.strip():
            events.put(("key", char))
            if char == "q" and busy.is_set():
                _interrupt_main()


def _interrupt_main() -> None:
    """Stop the check that is running: a real SIGINT wakes the supervisor at once even while it waits in
    select() (interrupt_main alone would wait for select's timeout); Windows has only interrupt_main."""
    if hasattr(signal, "pthread_kill"):
        os.kill(os.getpid(), signal.SIGINT)
    else:
        _thread.interrupt_main()


@contextlib.contextmanager
def _single_keys():
    """Keys act without Enter on a terminal; elsewhere (a pipe) they are read line by line."""
    if not sys.stdin or not sys.stdin.isatty():
        yield
        return
    import termios
    import tty

    saved = termios.tcgetattr(sys.stdin)
    tty.setcbreak(sys.stdin.fileno())
    try:
        yield
    finally:
        termios.tcsetattr(sys.stdin, termios.TCSADRAIN, saved)


class Screen:
    """What watch shows. `check(ids)` re-checks katas in the warm session (see run.warm)."""

    def __init__(self, katas: list[manifest.Kata], console: Console, busy: threading.Event, check):
        self.katas, self.console, self.busy, self.check = katas, console, busy, check
        self.results = self._checked([k.id for k in katas])
        self.current = views.next_kata(katas, self.results) or katas[-1]
        self.hint_level = 0

    def _checked(self, ids: list[str]) -> dict:
        self.busy.set()
        try:
            return self.check(ids)
        finally:
            self.busy.clear()

    def recheck(self, kata: manifest.Kata) -> None:
        self.results.update(self._checked([kata.id]))

    def draw(self, note: str = "") -> None:
        if self.console.is_terminal:
            self.console.clear()
        views.show_progress(self.console, self.katas, self.results)
        views.show_kata(self.console, self.current, self.results[self.current.id])
        if self.results[self.current.id].status == "passed":
            self.console.print(f"\n  [green]{self.current.id} passes.[/] Press n for the next kata when you are ready.")
        for n, hint in enumerate(self.current.hints[:self.hint_level], start=1):
            views.say(self.console, f"  Hint {n}: {escape(hint)}")
        if note:
            self.console.print(f"\n  {note}")
        self.console.print(f"\n{FOOTER}", style="dim")

    def on_saved(self, names: set[str]) -> None:
        saved = [k for k in self.katas if set(k.files) & names]
        for kata in saved:
            self.recheck(kata)
        if saved:
            if self.current not in saved:
                self.hint_level = 0
            self.current = saved[-1]
            self.draw()

    def on_key(self, key: str) -> bool:
        if key == "q":
            return False
        if key == "n":
            later = self.katas[self.katas.index(self.current) + 1:] + self.katas
            self.current = next((k for k in later if self.results[k.id].status != "passed"), self.current)
            self.hint_level = 0
            self.draw()
        elif key == "h":
            self.hint_level = min(self.hint_level + 1, len(self.current.hints))
            self.draw()
        elif key == "l":
            views.show_list(self.console, self.katas, self.results)
            self.console.print(f"\n{FOOTER}", style="dim")
        elif key == "r":
            self.recheck(self.current)
            self.draw(note=f"re-checked {self.current.id} at {time.strftime('%H:%M:%S')}")
        return True


def main(root: Path, katas: list[manifest.Kata], console: Console) -> int:
    console = Console(file=sys.stdout, highlight=False, soft_wrap=not views.wraps())  # the terminal, not pytest's capture
    console.katas_watching = True  # reports name watch's keys, not commands
    events: queue.Queue = queue.Queue()
    stop, busy = threading.Event(), threading.Event()
    threading.Thread(target=_read_keys, args=(events, busy), daemon=True).start()

    def watch(check) -> None:
        def guarded(ids: list[str]) -> dict:  # no pass while the tests or the checker are edited, as in `katas check`
            return shipped.refuse(check(ids), shipped.judged(root))

        screen = Screen(katas, console, busy, guarded)
        screen.draw()
        threading.Thread(target=_watch_files, args=(root / "katas", events, stop), daemon=True).start()
        while True:
            kind, value = events.get()
            if kind == "saved":
                screen.on_saved(value)
            elif not screen.on_key(value):
                return

    with _single_keys():
        try:
            run.warm(watch, root=root, extra_args=TIMEOUT)
        except KeyboardInterrupt:  # Ctrl+C, or q during a check: the supervisor has stopped its workers
            pass
        finally:
            stop.set()
    console.print("Stopped watching.")
    return 0
