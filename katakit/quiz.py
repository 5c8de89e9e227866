"""`katas quiz`: retrieval practice on items the learner has not seen, spaced over days; and the first-try
record of the written parts. Both are read from the journal (.katas/journal.jsonl), the one store.

Reserve items live in quiz/<stem>.toml, one file per written part (quiz/q12_mean_squared_error.toml for
katas/q12_mean_squared_error.md), and appear in no kata file:

    [[item]]
    id = "rmse-unit"        # unique in the file
    kind = "statement"      # "statement" (true/false), "blank" (a word or a number) or "predict" (what code prints)
    text = "..."            # statement: text and true; blank: prompt, accept, reject, form; predict: code, output
    true = false
    why = "..."             # shown after every answer

Only parts whose written part passes are asked. Each part moves through Leitner boxes: all answers of a
session right moves it up a box (back after 1, 3, 7, 21 days for boxes 1 to 4); any wrong answer puts it in
box 1 (back tomorrow). A part never quizzed is due at once.
"""

from __future__ import annotations

import os
import random
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from katakit import journal, manifest

QUIZ = Path("quiz")
DAYS = (1, 3, 7, 21)  # how long a part rests in box 1, 2, 3, 4
FIELDS = {"statement": {"text": str, "true": bool}, "blank": {"prompt": str, "accept": list},
          "predict": {"code": str, "output": str}}
OPTIONAL = {"blank": {"reject": list, "form": str}}
YES, NO = {"t", "true", "y", "yes"}, {"f", "false", "n", "no"}
ITEM_ID = re.compile(r"[sbp]:[0-9a-f]{12}")  # a written item's id as written.item_id makes it


class ReserveError(ValueError):
    """A quiz/<stem>.toml that cannot be used: says which file, which item and what is wrong."""


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    ask: str  # the statement, the blank's prompt or the snippet's code
    why: str
    true: bool = False
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    form: str = ""
    output: str = ""


# The reserve --------------------------------------------------------------------------------------


def parse_reserve(text: str, name: str) -> list[Item]:
    """The items of one reserve file; ReserveError on anything a quiz could not use."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ReserveError(f"{name}: not valid TOML ({err})") from None
    entries = data.get("item")
    if set(data) != {"item"} or not isinstance(entries, list) or not entries:
        raise ReserveError(f"{name}: wants [[item]] tables and nothing else")
    items, seen = [], set()
    for n, entry in enumerate(entries, start=1):
        where = f"{name}, item {n}"
        kind = entry.get("kind")
        if kind not in FIELDS:
            raise ReserveError(f"{where}: kind is {kind!r}; use one of {', '.join(FIELDS)}")
        wanted = {"id": str, "kind": str, "why": str, **FIELDS[kind]}
        allowed = {**wanted, **OPTIONAL.get(kind, {})}
        for key, kind_of in allowed.items():
            value = entry.get(key)
            if value is None and key not in wanted:
                continue
            if not isinstance(value, kind_of) or (kind_of is not bool and not value):
                raise ReserveError(f"{where}: {key} must be a non-empty {kind_of.__name__}")
            if kind_of is list and not all(isinstance(v, str) and v.strip() for v in value):
                raise ReserveError(f"{where}: {key} must hold non-empty strings")
        strange = set(entry) - set(allowed)
        if strange:
            raise ReserveError(f"{where}: unknown field(s) {', '.join(sorted(strange))}")
        if entry["id"] in seen:
            raise ReserveError(f"{where}: id {entry['id']!r} is used twice")
        seen.add(entry["id"])
        items.append(Item(entry["id"], kind, entry.get("text") or entry.get("prompt") or entry["code"], entry["why"],
                          entry.get("true", False), tuple(entry.get("accept", ())), tuple(entry.get("reject", ())),
                          entry.get("form", ""), entry.get("output", "")))
    return items


def written_stem(kata: manifest.Kata) -> str | None:
    return next((f[:-3] for f in kata.files if f.endswith(".md")), None)


def reserve(root: Path, kata: manifest.Kata) -> list[Item]:
    """A written part's reserve items ([] when it has none or its file cannot be used: the self-test
    proves every shipped file can)."""
    stem = written_stem(kata)
    path = root / QUIZ / f"{stem}.toml"
    if stem is None or not path.is_file():
        return []
    try:
        return parse_reserve(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())
    except (ReserveError, OSError, UnicodeDecodeError):
        return []


# Judging --------------------------------------------------------------------------------------------


def judge(item: Item, reply: str) -> bool | None:
    """True or False for an answer; None when a true/false statement got something else ("maybe")."""
    from katakit import written

    reply = reply.strip()
    if item.kind == "statement":
        word = reply.lower().rstrip(".!")
        return None if word not in YES | NO else (word in YES) == item.true
    if item.kind == "blank":  # judged exactly as a kata's blank is
        blank = written.Blank(item.ask, item.accept, "this blank", item.reject, item.form)
        answer = written.Answer(QUIZ, "", blanks={" ".join(item.ask.split()): reply})
        return not written.judge_blanks(answer, (blank,))
    return bool(reply) and written.same_output(reply, item.output)


def right_answer(item: Item) -> str:
    if item.kind == "statement":
        return "It is true." if item.true else "It is false."
    if item.kind == "blank":
        return f"Accepted: {item.accept[0]}."
    return f"It prints: {item.output}"


# The schedule, derived from the journal --------------------------------------------------------------


def now() -> datetime:
    """The quiz's clock: KATAS_NOW (an ISO date or time, for tests) or the real time."""
    fixed = os.environ.get("KATAS_NOW")
    return datetime.fromisoformat(fixed) if fixed else datetime.now()


@dataclass
class Retention:
    right: int = 0  # quiz answers right, of
    of: int = 0  # all quiz answers about this part
    box: int = 0  # 0: never quizzed; 1 to 4: Leitner box
    last: datetime | None = None  # when the part was last quizzed

    def due(self, today: date) -> date:
        return self.last.date() + timedelta(days=DAYS[self.box - 1]) if self.last else today


def retention(events: list[dict]) -> Retention:
    """A part's box from its quiz answers: each session (one `katas quiz` run) all right moves it up a box,
    any wrong answer puts it back in box 1."""
    state, sessions = Retention(), {}
    for event in events:
        if isinstance(event.get("right"), bool):
            session = event.get("session")  # an edited journal may hold anything here: only a number is one
            key = session if isinstance(session, (int, float)) and not isinstance(session, bool) else event["t"]
            sessions.setdefault(key, []).append(event)
    for answers in sessions.values():  # in the order they were written
        all_right = all(e["right"] for e in answers)
        state.box = min(state.box + 1, len(DAYS)) if all_right else 1
        state.right += sum(e["right"] for e in answers)
        state.of += len(answers)
        state.last = datetime.fromtimestamp(max(e["t"] for e in answers))
    return state


def first_try(events: list[dict]) -> tuple[int, int]:
    """(right, of): the first recorded try of each written item of a part."""
    first: dict[str, bool] = {}
    for event in events:
        if isinstance(event.get("item"), str) and isinstance(event.get("right"), bool):
            first.setdefault(event["item"], event["right"])
    return sum(first.values()), len(first)


def record_first_tries(root: Path, found: dict[str, list]) -> None:
    """Log a `first_try` event for each item filled in for the first time (main process only: `found` comes
    from the workers' checks, kata id -> [{"item": id, "right": bool}]); items already recorded stay as they were."""
    if not found:
        return
    known = {(e["kata"], e.get("item")) for e in journal.events(root, "first_try")}
    new = []
    for kata_id, items in found.items():
        for entry in items if isinstance(items, list) else []:
            item = entry.get("item") if isinstance(entry, dict) else None
            if (isinstance(item, str) and ITEM_ID.fullmatch(item) and isinstance(entry.get("right"), bool)
                    and (kata_id, item) not in known):
                known.add((kata_id, item))
                new.append({"event": "first_try", "kata": kata_id, "item": item, "right": entry["right"]})
    journal.log_many(root, new)


def written_passed(result) -> bool:
    return result is not None and result.parts().get("written") == "passed"


def learning(root: Path, katas: list[manifest.Kata], results: dict, when: datetime | None = None) -> dict[str, dict]:
    """Per kata with a written part: {"first_try": {"right", "of"}, "quiz": {"right", "of", "box", "due"}}, for
    the report. `due` is an ISO date, or None when the written part does not pass or has no reserve."""
    today = (when or now()).date()
    firsts, answers = journal.events(root, "first_try"), journal.events(root, "quiz")
    found = {}
    for kata in katas:
        if written_stem(kata) is None:
            continue
        right, of = first_try([e for e in firsts if e["kata"] == kata.id])
        state = retention([e for e in answers if e["kata"] == kata.id])
        due = state.due(today).isoformat() if written_passed(results.get(kata.id)) and reserve(root, kata) else None
        found[kata.id] = {"first_try": {"right": right, "of": of},
                          "quiz": {"right": state.right, "of": state.of, "box": state.box, "due": due}}
    return found


def due_parts(learned: dict[str, dict], today: date) -> list[str]:
    return [k for k, v in learned.items() if v["quiz"]["due"] and date.fromisoformat(v["quiz"]["due"]) <= today]


def choose(parts: dict[str, list[Item]], asked: dict[str, list[dict]], count: int, rng: random.Random
           ) -> list[tuple[str, Item]]:
    """Up to `count` items, spread over the parts: in each part the items asked least (then longest ago) first,
    so no item comes twice while another is unseen; then in a random order."""
    queues = {}
    for kata_id, items in parts.items():
        times = {item.id: [e["t"] for e in asked.get(kata_id, []) if e.get("item") == item.id] for item in items}
        queues[kata_id] = sorted(items, key=lambda i: (len(times[i.id]), max(times[i.id], default=0), rng.random()))
    order = sorted(queues)
    rng.shuffle(order)
    chosen: list[tuple[str, Item]] = []
    while len(chosen) < count and any(queues.values()):
        for kata_id in order:
            if queues[kata_id] and len(chosen) < count:
                chosen.append((kata_id, queues[kata_id].pop(0)))
    rng.shuffle(chosen)
    return chosen


# The quiz -------------------------------------------------------------------------------------------


def _question(console: Console, item: Item) -> str:
    if item.kind == "statement":
        console.print(f"  {escape(item.ask)}")
        return "  True or false? [t/f] "
    if item.kind == "blank":
        console.print(f"  {escape(item.ask)}" + (f" [dim]({escape(item.form)})[/]" if item.form else ""))
        return "  Your answer: "
    console.print("  What does this print?")
    for line in item.ask.strip("\n").splitlines():
        console.print(f"    [cyan]{escape(line)}[/]")
    return "  It prints: "


def run(root: Path, katas: list[manifest.Kata], results: dict, console: Console, count: int = 5,
        seed: int | None = None, everything: bool = False, answers: list[str] | None = None,
        when: datetime | None = None, ask=input, echo: bool = False) -> int:
    """Ask up to `count` reserve items of the passed, due written parts; record each answer as it is given.
    `answers` (from --answer) are used first; then `ask` (input(): a terminal, a pipe, a notebook). `echo`
    shows each answer read (from a pipe nothing else would show it)."""
    when = when or now()
    today = when.date()
    passed = {k.id: reserve(root, k) for k in katas if written_passed(results.get(k.id))}
    passed = {kata_id: items for kata_id, items in passed.items() if items}
    if not passed:
        console.print("Nothing to quiz yet: the quiz asks about written parts you have passed (that have reserve "
                      "questions). Pass one first: `katas`.")
        return 0
    quizzed = journal.events(root, "quiz")
    asked = {kata_id: [e for e in quizzed if e["kata"] == kata_id] for kata_id in passed}
    states = {kata_id: retention(asked[kata_id]) for kata_id in passed}
    due = {k: items for k, items in passed.items() if everything or states[k].due(today) <= today}
    if not due:
        soon = min(passed, key=lambda k: states[k].due(today))
        console.print(f"Nothing is due today. Next: {soon} on {states[soon].due(today).isoformat()}. "
                      "`katas quiz --all` asks anyway.")
        return 0
    chosen = choose(due, asked, count, random.Random(seed))
    titles = {k.id: k.title for k in katas}
    session, given = when.timestamp(), list(answers or [])
    console.print(f"Quiz: {len(chosen)} question(s) on {len(due)} written part(s) you have passed. "
                  "Ctrl-D stops; answers given so far are kept.")
    score: dict[str, list[bool]] = {}
    for n, (kata_id, item) in enumerate(chosen, start=1):
        console.print(f"\n[bold]{n}/{len(chosen)} · {kata_id} · {escape(titles[kata_id])}[/]")
        prompt = _question(console, item)
        verdict = None
        while verdict is None:
            try:
                if given:
                    reply = given.pop(0)
                    console.print(f"{escape(prompt)}{escape(reply)}")
                else:
                    reply = ask(prompt)
                    if echo:
                        console.print(escape(reply), markup=False)
            except (EOFError, KeyboardInterrupt, NotImplementedError) as err:  # NotImplementedError: no stdin here
                if isinstance(err, NotImplementedError):
                    console.print("This frontend cannot take typed answers: pass them, e.g. "
                                  "`%katas quiz --count 1 --answer t`.")
                return _summary(console, score, root, today)
            verdict = judge(item, reply)
            if verdict is None:
                console.print("  Answer t (true) or f (false).")
        if not journal.log(root, "quiz", kata_id, item=item.id, right=verdict, session=session, t=when.timestamp()):
            console.print(f"  [yellow]Could not write {journal.JOURNAL.as_posix()}: this answer is not recorded.[/]")
        score.setdefault(kata_id, []).append(verdict)
        console.print("  [green]Right.[/]" if verdict else f"  [red]Not right.[/] {escape(right_answer(item))}")
        console.print(f"  [dim]{escape(item.why)}[/]")
    return _summary(console, score, root, today)


def _summary(console: Console, score: dict[str, list[bool]], root: Path, today: date) -> int:
    answered = sum(len(v) for v in score.values())
    if not answered:
        console.print("\nQuiz ended: no answers given, nothing recorded.")
        return 0
    right = sum(sum(v) for v in score.values())
    console.print(f"\n{right} of {answered} right, recorded in {journal.JOURNAL.as_posix()}.")
    quizzed = journal.events(root, "quiz")
    for kata_id in score:
        state = retention([e for e in quizzed if e["kata"] == kata_id])
        console.print(f"  {kata_id}: box {state.box}, back on {state.due(today).isoformat()}")
    return 0
