"""`katas quiz` and the first-try record.

The shipped reserve (quiz/<stem>.toml, one per written part): every file parses and belongs to a written
part, has at least four items, every prediction's key is what its code prints, every blank accepts its
answers and rejects its tempting wrong ones, and no item appears in katas/ or reference/.

End to end, on a copy with fixture reserves and a fixture journal (the clock injected by KATAS_NOW): the quiz
asks only passed and due parts, reads one answer per line from a pipe, records every answer, moves parts
between Leitner boxes, ends cleanly at EOF; `katas report --json` carries first_try and quiz; and a written
part passed after two wrong marks is recorded as N-2 of N on the first try.
"""

import json
import os
import random
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from katakit import loader, manifest, quiz, views, written

ROOT = manifest.find_root()
KATAS = manifest.load(ROOT)
WRITTEN = [k for k in KATAS if quiz.written_stem(k)]
FILES = sorted((ROOT / quiz.QUIZ).glob("*.toml"))


def _reserve() -> dict[str, list[quiz.Item]]:
    return {path.stem: quiz.parse_reserve(path.read_text(encoding="utf-8"), path.name) for path in FILES}


# The shipped reserve ----------------------------------------------------------------------------------


def test_every_reserve_file_parses_and_belongs_to_a_written_part():
    stems = {quiz.written_stem(k) for k in WRITTEN}
    orphans = [path.name for path in FILES if path.stem not in stems]
    assert not orphans, f"quiz/ holds {orphans}, which match no .md file of a kata in katas.toml"
    _reserve()  # raises ReserveError naming the file and item


def test_every_written_part_has_a_reserve_of_at_least_four_items():
    reserve = _reserve()
    short = [f"{quiz.written_stem(k)} ({len(reserve.get(quiz.written_stem(k), []))})" for k in WRITTEN
             if len(reserve.get(quiz.written_stem(k), [])) < 4]
    assert not short, f"{len(short)} written parts have fewer than 4 reserve items in quiz/<stem>.toml: {short}"


def test_every_prediction_key_is_what_its_code_prints():
    wrong = []
    for stem, items in _reserve().items():
        for item in items:
            if item.kind == "predict":
                printed = written.run_snippet(item.ask)
                if not written.same_output(item.output, printed):
                    wrong.append(f"{stem}/{item.id}: key {item.output!r}, prints {printed!r}")
    assert not wrong, "reserve predictions whose key is not what the code prints:\n" + "\n".join(wrong)


def test_every_blank_accepts_its_answers_and_rejects_its_tempting_wrong_ones():
    wrong = []
    for stem, items in _reserve().items():
        for item in (i for i in items if i.kind == "blank"):
            wrong += [f"{stem}/{item.id}: rejects {a!r}" for a in item.accept if not quiz.judge(item, a)]
            wrong += [f"{stem}/{item.id}: accepts {r!r}" for r in item.reject if quiz.judge(item, r)]
    assert not wrong, "\n".join(wrong)


def test_no_reserve_item_appears_in_a_kata_file_or_a_reference():
    seen = " ".join(" ".join(path.read_text(encoding="utf-8").split())
                    for folder in ("katas", "reference") for path in sorted((ROOT / folder).iterdir()) if path.is_file())
    leaked = [f"{stem}/{item.id}" for stem, items in _reserve().items() for item in items
              if " ".join(item.ask.split()) in seen]
    assert not leaked, f"reserve items that a learner can read in katas/ or reference/: {leaked}"


# The reader, the judge and the schedule, in this process --------------------------------------------


@pytest.mark.parametrize(("text", "complaint"), [
    ('[[item]]\nid = "a"\nkind = "statement"\ntext = "x"\ntrue = 1\nwhy = "y"\n', "true must be"),
    ('[[item]]\nid = "a"\nkind = "guess"\nwhy = "y"\n', "kind is 'guess'"),
    ('[[item]]\nid = "a"\nkind = "blank"\nprompt = "x"\naccept = []\nwhy = "y"\n', "accept must be"),
    ('[[item]]\nid = "a"\nkind = "predict"\ncode = "print(1)"\noutput = "1"\nwhy = "y"\nanswer = 1\n', "unknown field"),
    ('[[item]]\nid = "a"\nkind = "predict"\ncode = "print(1)"\noutput = "1"\n', "why must be"),
    ('[[item]]\nid = "a"\nkind = "statement"\ntext = "x"\ntrue = true\nwhy = "y"\n' * 2, "used twice"),
    ("[item]\nid = 3\n", "wants [[item]]"),
])
def test_a_reserve_file_that_a_quiz_could_not_use_is_refused_with_its_reason(text, complaint):
    with pytest.raises(quiz.ReserveError, match=complaint.replace("[", r"\[")):
        quiz.parse_reserve(text, "quiz/x.toml")


def test_answers_are_judged_as_the_kata_judges_them():
    statement = quiz.Item("s", "statement", "x", "why", true=False)
    blank = quiz.Item("b", "blank", "How many?", "why", accept=("2",), form="one number")
    predict = quiz.Item("p", "predict", "print(1)", "why", output="tensor(4.)")
    cases = [(statement, "f", True), (statement, "False", True), (statement, "y", False), (statement, "maybe", None),
             (blank, "two", True), (blank, "3", False), (blank, "", False),
             (predict, "tensor(4.0)", True), (predict, "4", True), (predict, "tensor(5.)", False), (predict, "", False)]
    wrong = [(item.kind, reply, quiz.judge(item, reply), want) for item, reply, want in cases
             if quiz.judge(item, reply) is not want]
    assert not wrong, f"(kind, answer, judged, expected): {wrong}"


def test_a_part_moves_up_a_box_when_all_right_and_back_to_box_one_on_any_wrong_answer():
    start = datetime(2026, 3, 2, 12)

    def session(days: int, *right: bool) -> list[dict]:
        t = (start + timedelta(days=days)).timestamp()
        return [{"t": t, "session": t, "item": f"i{n}", "right": r} for n, r in enumerate(right)]

    events, boxes = [], []
    for days, answers in ((0, (True, True)), (1, (True,)), (4, (True, True)), (11, (True, False)), (12, (True,))):
        events += session(days, *answers)
        state = quiz.retention(events)
        boxes.append((state.box, (state.due(start.date()) - start.date()).days))
    assert boxes == [(1, 1), (2, 4), (3, 11), (1, 12), (2, 15)], f"(box, due in days) after each session: {boxes}"
    assert quiz.retention(events).right == 7 and quiz.retention(events).of == 8
    odd = [{"t": 1.0, "session": [1], "item": "x", "right": True}, {"t": 2.0, "session": True, "item": "y", "right": 1}]
    assert quiz.retention(odd).box == 1, "an edited journal's odd session or answer was not ignored"


def test_the_roster_shows_first_tries_and_quizzes_and_leaves_out_fields_not_as_a_report_writes_them(tmp_path):
    good = {"id": "q12", "status": "passed", "first_try": {"right": 5, "of": 8},
            "quiz": {"right": 3, "of": 4, "box": 3, "due": "2026-03-01"}}
    bad = [{"id": "q12", "status": "passed", "first_try": {"right": 9, "of": 8}, "quiz": {"right": 1, "of": 1, "box": 9,
                                                                                       "due": "soon"}},
           {"id": "q17", "status": "passed", "first_try": {"right": True, "of": 1}, "quiz": "all right"},
           {"id": "q99", "status": "passed", "first_try": {"right": 50, "of": 50}}]
    (tmp_path / "ada.json").write_text(json.dumps({"katas": [good]}))
    (tmp_path / "bob.json").write_text(json.dumps({"katas": bad}))
    from katakit import classroom

    learners, skipped = classroom.read_reports(tmp_path)
    people, per_kata = classroom.learning_rows(learners, KATAS, today=date(2026, 3, 2))
    assert people == [["ada", "5/8", "3/4", "1"], ["bob", "-", "-", "0"]], people
    assert per_kata == [["q12", "5/8", "3/4", "1/2"]], per_kata
    rows = classroom.csv_text(learners, KATAS, today=date(2026, 3, 2)).splitlines()
    assert rows[0].endswith(",first_try,quiz,quiz_due") and rows[1].endswith(",5/8,3/4,1"), rows[:2]
    assert rows[2].startswith("bob,") and rows[2].endswith(",-,-,0"), rows[2]


def test_items_not_asked_yet_come_before_any_item_asked_again():
    items = [quiz.Item(f"i{n}", "statement", f"s{n}", "why") for n in range(5)]
    asked = {"q12": [{"t": 1.0, "item": "i0"}, {"t": 2.0, "item": "i3"}]}
    for seed in range(20):
        first = [item.id for _, item in quiz.choose({"q12": items}, asked, 3, random.Random(seed))]
        assert set(first) == {"i1", "i2", "i4"}, f"seed {seed}: asked {first} although i1, i2 and i4 were unseen"
    again = quiz.choose({"q12": items}, asked, 5, random.Random(0))
    assert len({item.id for _, item in again}) == 5, "a quiz asked one item twice"


def test_the_progress_view_says_what_is_due_and_the_first_tries_so_far():
    learned = {"q12": {"first_try": {"right": 5, "of": 8}, "quiz": {"right": 0, "of": 0, "box": 0, "due": "2026-03-02"}},
               "q17": {"first_try": {"right": 2, "of": 2}, "quiz": {"right": 3, "of": 3, "box": 2, "due": "2026-03-09"}}}
    due = quiz.due_parts(learned, date(2026, 3, 2))
    lines = views.learning_lines(learned, due)
    assert due == ["q12"], f"due on 2026-03-02: {due}"
    assert lines == ["First tries of written parts: 7/10 right (2 parts; the first time you filled each item in)",
                     "1 written part is due for a quiz: [bold]katas quiz[/]"], lines


# End to end, on a copy ------------------------------------------------------------------------------

NOW = datetime(2026, 3, 2, 12)
A, B, C, D = "q12", "q17", "q18", "q21"  # quizzed; quizzed an hour ago; not passed; passed after two wrong marks


def _fixture_reserve(kata_id: str) -> str:
    """Four true statements: any answer pattern of t and f is a known score."""
    return "".join(f'[[item]]\nid = "{kata_id}-{n}"\nkind = "statement"\ntext = "Fixture statement {n} of '
                   f'{kata_id}."\ntrue = true\nwhy = "Fixture {n}."\n\n' for n in range(4))


def _katas(katas_in, copy: Path, when: datetime, stdin: str = "", **commands) -> dict:
    """Run `katas` commands in a fork inside copy, with stdin a pipe holding `stdin` and the clock at `when`."""
    return katas_in(copy, env={"KATAS_NOW": when.isoformat()}, stdin=stdin, **commands)


def _quizzed(copy: Path) -> list[dict]:
    lines = (copy / ".katas" / "journal.jsonl").read_text(encoding="utf-8").splitlines()
    return [e for e in map(json.loads, lines) if e["event"] == "quiz"]


@pytest.fixture(scope="module")
def copy(make_copy):
    if not hasattr(os, "fork"):
        pytest.skip("the end-to-end quiz runs in a fork")
    copy = make_copy()  # stubs, but A, B and D solved (unsolved katas keep the full checks quick)
    for kata_id in (A, B, D):
        shutil.copy(ROOT / "reference" / f"{manifest.get(kata_id, KATAS).name}.md", copy / "katas")
    (copy / "quiz").mkdir(exist_ok=True)
    for path in (copy / "quiz").glob("*.toml"):
        path.unlink()  # the shipped reserve is tested above; here the answers must be known
    for kata_id in (A, B, C):
        (copy / "quiz" / f"{manifest.get(kata_id, KATAS).name}.toml").write_text(_fixture_reserve(kata_id))
    earlier = (NOW - timedelta(hours=1)).timestamp()
    (copy / ".katas").mkdir(exist_ok=True)
    (copy / ".katas" / "journal.jsonl").write_text("".join(
        json.dumps({"t": earlier, "event": "quiz", "kata": B, "item": f"{B}-{n}", "right": True, "session": earlier})
        + "\n" for n in range(2)))
    return copy


def test_the_first_try_keeps_two_wrong_marks_of_a_part_passed_at_the_second_check(copy, katas_in):
    name = manifest.get(D, KATAS).name
    reference = (ROOT / "reference" / f"{name}.md").read_text(encoding="utf-8").splitlines()
    marks = [n for n, line in enumerate(reference) if line.lstrip().startswith(("- [ ]", "- [x]"))]
    flipped = list(reference)
    for n in marks[:2]:
        flipped[n] = flipped[n].replace("[x]", "[?]").replace("[ ]", "[x]").replace("[?]", "[ ]")
    (copy / "katas" / f"{name}.md").write_text("\n".join(flipped) + "\n", encoding="utf-8")
    runs = _katas(katas_in, copy, NOW, ci=["ci", "--report", "ci.json"], check=["check", D])
    first = runs["check"]
    assert first[0] == 1 and "2 of your" in first[1], f"`katas check {D}` with two flipped marks: {first}"
    recorded = {e["kata"] for e in map(json.loads, (copy / ".katas" / "journal.jsonl").read_text().splitlines())
                if e["event"] == "first_try"}
    assert recorded == {D}, f"first tries recorded for {sorted(recorded)}: `katas ci` (a CI run, no try) recorded some"
    ci = {k["id"]: k for k in json.loads((copy / "ci.json").read_text())["katas"]}
    assert ci[A]["first_try"] == {"right": 0, "of": 0} and "quiz" in ci[A], f"`katas ci --report` gives {ci[A]}"
    (copy / "katas" / f"{name}.md").write_text("\n".join(reference) + "\n", encoding="utf-8")
    done = _katas(katas_in, copy, NOW, check=["check", D], report=["report", "--json"])
    key = loader.load_module(ROOT / manifest.get(D, KATAS).test_file, "key_for_first_try").KEY
    n = len(key.statements) + len(key.blanks) + len(key.snippets)
    entry = next(k for k in json.loads(done["report"][1])["katas"] if k["id"] == D)
    assert done["check"][0] == 0 and entry["status"] == "passed", f"`katas check {D}` after the fix: {done['check']}"
    assert entry["first_try"] == {"right": n - 2, "of": n}, (
        f"`katas report --json` gives {D} first_try {entry['first_try']}; expected {n - 2} right of {n}")


def test_the_quiz_asks_passed_due_parts_records_answers_moves_boxes_and_ends_cleanly_at_eof(copy, katas_in):
    a_title, b_title = manifest.get(A, KATAS).title, manifest.get(B, KATAS).title
    first = _katas(katas_in, copy, NOW, "t\nf\n", quiz=["quiz", "--count", "3", "--seed", "1"], again=["quiz"])
    code, out = first["quiz"]
    assert code == 0 and "1 of 2 right" in out, f"`katas quiz` with 2 answers for 3 questions, then EOF:\n{out}"
    assert f"· {A} ·" in out and f"· {B} ·" not in out and f"· {C} ·" not in out, (
        f"asked about a part that is not due ({B}) or not passed ({C}):\n{out}")
    answers = _quizzed(copy)[2:]
    assert [(e["kata"], e["right"]) for e in answers] == [(A, True), (A, False)], f"recorded: {answers}"
    assert "Nothing is due today" in first["again"][1], f"a second quiz the same day: {first['again']}"

    later = NOW + timedelta(days=1)  # A (a wrong answer) and B (all right, box 1) are both due
    second = _katas(katas_in, copy, later, "t\n" * 4, status=[], quiz=["quiz", "--count", "4", "--seed", "2"],
                    report=["report", "--json"])
    assert "2 written parts are due for a quiz: katas quiz" in second["status"][1], second["status"][1]
    asked = _quizzed(copy)[4:]
    assert second["quiz"][0] == 0 and {e["kata"] for e in asked} == {A, B}, f"asked {asked}:\n{second['quiz'][1]}"
    unseen_a = {f"{A}-{n}" for n in range(4)} - {e["item"] for e in answers}
    assert unseen_a <= {e["item"] for e in asked}, f"items of {A} not seen yet ({unseen_a}) were not asked first"
    assert a_title in second["quiz"][1] and b_title in second["quiz"][1]
    report = {k["id"]: k for k in json.loads(second["report"][1])["katas"]}
    in_three = (later.date() + timedelta(days=3)).isoformat()
    a_asked = sum(e["kata"] == A for e in asked)
    assert report[A]["quiz"] == {"right": 1 + a_asked, "of": 2 + a_asked, "box": 2, "due": in_three}, report[A]
    assert report[B]["quiz"]["box"] == 2 and report[B]["quiz"]["due"] == in_three, report[B]
    assert report[C]["quiz"]["due"] is None and report[C]["first_try"] == {"right": 0, "of": 0}, report[C]
    assert report["q13"].keys().isdisjoint({"first_try", "quiz"}), "a code-only kata got written-part fields"
    tried = {k["id"] for k in report.values() if k.get("first_try", {}).get("of")}
    assert tried == {A, B, D}, f"first tries recorded for {sorted(tried)}; expected the parts filled in: {A}, {B}, {D}"
