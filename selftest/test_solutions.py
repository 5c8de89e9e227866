"""More after each pass, and what a teacher sees: `katas solution` shows ours and then the other ways that pass
(the lesson's own first, each with its one line), `--diff` against the learner's file, the reading (`links`)
after a pass and with the last hint; the journal's hint, solution and check events reach `katas report --json`
and `katas roster`, whose fields from other people's files are validated."""

import json
import re
from datetime import datetime
from pathlib import Path

from katakit import cli, history, journal, manifest, solutions, views
from katakit.results import KataResult

ROOT = Path(__file__).resolve().parent.parent
KATAS = manifest.load(ROOT)
Q13 = manifest.get("q13", KATAS)
WRONG = "import torch\n\n\ndef mse(preds, targets):\n    return torch.sum((preds - targets) ** 2)  # no mean\n"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_variant_opens_with_one_line_on_what_differs():
    for kata in KATAS:
        for way in solutions.ways(ROOT, kata):
            assert 10 <= len(way.summary) <= 120 and way.summary[-1] in ".)", (
                f"{way.path}: its docstring's first line should say in one line what differs from ours; "
                f"got {way.summary!r}")


def test_solution_is_gated_then_shows_ours_the_lessons_way_first_the_diff_and_the_reading(make_copy, katas_in):
    copy = make_copy()
    first = katas_in(copy, gated=["solution", "13"], hint=["hint", "13"],
                     last_hint=["hint", "13", "--level", str(len(Q13.hints))], forced=["solution", "13", "--force"])
    code, out = first["gated"]
    assert code == 1 and "--force" in out and "def mse" not in out and "variants/" not in out, out
    assert Q13.links[0] not in first["hint"][1], "the reading comes with the last hint, not the first"
    assert all(link in first["last_hint"][1] for link in Q13.links), first["last_hint"][1]
    code, out = first["forced"]
    assert code == 0 and "have not solved" in out and "Ours: reference/q13_mse.py" in out

    (copy / "katas" / "q13_mse.py").write_text(WRONG)
    second = katas_in(copy, failing=["check", "13"], same_again=["check", "13"])
    assert second["failing"][0] == 1 and "katas solution" not in second["failing"][1]
    entry = history.summary(copy, KATAS)["q13"]
    assert entry["checks"] == 1, f"checking the same content twice is one attempt, not {entry['checks']}"
    assert entry["hints_seen"] == len(Q13.hints) and entry["solution_forced"] is True, entry
    assert datetime.fromisoformat(entry["first_check"].replace("Z", "+00:00")).tzinfo is not None, entry

    (copy / "katas" / "q13_mse.py").write_text((ROOT / "reference" / "q13_mse.py").read_text())
    third = katas_in(copy, passing=["check", "13"], solution=["solution", "13"])
    code, out = third["passing"]
    assert code == 0 and "katas solution q13" in _flat(out) and all(link in out for link in Q13.links), out
    code, out = third["solution"]
    ways = solutions.ways(ROOT, Q13)
    assert code == 0 and ways[0].path.endswith("/lesson.py") and len(ways) >= 2
    places = [out.find("Ours: reference/q13_mse.py")] + [out.find(way.path) for way in ways]
    assert -1 not in places and places == sorted(places), f"ours, then lesson.py, then the rest by name: {places}"
    assert all(_flat(way.summary) in _flat(out) for way in ways), "each way comes with its one line"
    assert out.rfind(Q13.links[-1]) > places[-1], "the reading comes last"
    results = {k.id: KataResult(k.id, "passed" if k.id == "q13" else "not_started") for k in KATAS}
    entry = json.loads(views.report_json(KATAS, results, history=history.summary(copy, KATAS)))["katas"][12]
    assert entry["id"] == "q13" and entry["checks"] == 2 and entry["solution_forced"] is True, (
        f"the report carries the journal, and a later pass does not undo an early look: {entry}")

    (copy / "katas" / "q13_mse.py").write_text(WRONG.replace("# no mean", "# no mean, mine"))
    out = katas_in(copy, diff=["solution", "13", "--diff"], forced=["solution", "13", "--force", "--diff"])
    assert out["diff"][0] == 1, "the diff shows ours too, so it waits for the pass as well"
    code, text = out["forced"]
    assert code == 0 and "--- katas/q13_mse.py (yours)" in text and "+++ reference/q13_mse.py (ours)" in text
    assert re.search(r"^-.*no mean, mine$", text, re.MULTILINE) and re.search(r"^\+.*diff\.numel\(\)", text, re.MULTILINE), text


def test_logging_never_breaks_a_command(make_copy, katas_in):
    copy = make_copy()
    (copy / ".katas").write_text("a file where the folder should be")
    out = katas_in(copy, hint=["hint", "13"], forced=["solution", "13", "--force"], check=["check", "13"])
    assert out["hint"][0] == 0 and out["forced"][0] == 0 and "Ours: reference/q13_mse.py" in out["forced"][1]
    assert out["check"][0] == 1 and "not started" in out["check"][1], out["check"][1]


def test_the_report_reads_a_journal_with_damaged_lines(tmp_path):
    journal.log(tmp_path, "hint", "q13", level=2)
    with open(tmp_path / journal.JOURNAL, "a", encoding="utf-8") as out:
        out.write('{"t": 1e300, "event": "check", "kata": "q13"}\nnot json\n{"t": 5, "event": "hint", "kata": "q13", '
                  '"level": true}\n{"t": 5, "event": "solution", "kata": "q13", "forced": "yes"}\n')
    entry = history.summary(tmp_path, KATAS)["q13"]
    assert entry == {"hints_seen": 2, "solution_forced": False, "checks": 1, "first_check": None, "last_check": None}


def _report(name: str, fields: dict[str, dict], passed: int) -> str:
    katas = [{"id": k.id, "status": "passed" if n < passed else "not_started", "failed_checks": [], "messages": [],
              **fields.get(k.id, {})} for n, k in enumerate(KATAS)]
    return json.dumps({"total": 44, "passed": passed, "katas": katas})


def test_roster_shows_hints_solutions_checks_and_time_and_distrusts_the_fields(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    good = {"q13": {"hints_seen": 3, "solution_forced": True, "checks": 4, "first_check": "2026-01-05T10:00:00Z",
                    "last_check": "2026-01-05T11:30:00Z"},
            "q14": {"hints_seen": 1, "solution_forced": False, "checks": 2, "first_check": "2026-01-06T10:00:00+00:00",
                    "last_check": "2026-01-06T10:20:00+00:00"}}
    (tmp_path / "ada.json").write_text(_report("ada", good, 20))
    (tmp_path / "bo.json").write_text(_report("bo", {"q13": {"solution_forced": True, "checks": 1}}, 10))
    hostile = {"q13": {"hints_seen": "3", "solution_forced": "yes", "checks": True, "first_check": "yesterday",
                       "last_check": 7},
               "q14": {"hints_seen": -1, "checks": 10 ** 12, "solution_forced": 1,
                       "first_check": "2026-01-06T10:00:00Z", "last_check": "2026-01-01T10:00:00Z"},
               "q99": {"solution_forced": True}}
    (tmp_path / "cy.json").write_text(_report("cy", hostile, 0))
    assert cli.main(["roster", str(tmp_path)]) == 0
    text = _flat(re.sub("[│┃]", " ", capsys.readouterr().out))
    assert "ada 20/44 4 1 6 1h 50m" in text and "bo 10/44 - 1 1 -" in text and "cy 0/44 - - - -" in text, text
    assert "Opened before a pass most often: q13 (2 of 3)" in text and "q99" not in text, text
    assert cli.main(["roster", str(tmp_path), "--csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].endswith(",hint_levels_seen,solutions_forced,checks,time,first_try,quiz,quiz_due"), rows[0]
    assert rows[1].endswith(",4,1,6,1h 50m,-,-,0"), rows[1]
    assert cli.main(["roster", str(tmp_path), "--markdown"]) == 0
    out = capsys.readouterr().out
    assert "| ada | 20/44 | 4 | 1 | 6 | 1h 50m |" in out and "Opened before a pass most often: q13 (2)" in out


def test_the_solution_pr_workflow_never_runs_the_pull_requests_code():
    text = (ROOT / ".github" / "workflows" / "solution-prs.yml").read_text(encoding="utf-8")
    assert "pull_request_target:" in text and "permissions: {}" in text and "pull-requests: write" in text
    assert "uses:" not in text and "checkout" not in text, (
        "a pull_request_target workflow must not check out or run anything from the pull request")
    script = text.split("run: |", 1)[1]
    assert "${{" not in script, "no expression inside the script: values come in through env"
    assert "github.repository == 'OWNER/gradient-descent-katas'" in text, "it runs only in the project's repository"
    assert (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").is_file()


def test_the_colab_notebook_is_current_and_the_badge_opens_it():
    from katakit import colab

    wanted = colab.text(ROOT)
    assert (ROOT / colab.NOTEBOOK).read_text(encoding="utf-8") == wanted, (
        f"{colab.NOTEBOOK} is stale: run `python -m katakit.colab --write`")
    book = json.loads(wanted)
    setup = "".join(book["cells"][1]["source"])
    assert f"https://github.com/{colab.REPOSITORY}" in setup and "%pip install -q -e ." in setup, setup
    links = re.findall(r"\[Open in Colab\]\(([^)]+)\)", wanted)
    assert links and all(link.startswith(colab.url() + "#scrollTo=q") for link in links), links[:2]
    magics = [("".join(c["source"]).split("\n", 1)[0]) for c in book["cells"] if c["cell_type"] == "code"]
    expected = [f"{'%%kata' if name.endswith('.py') else '%%answer'} {k.id}" for k in KATAS for name in k.files]
    assert [m for m in magics if m.startswith(("%%kata", "%%answer"))] == expected, "a cell per kata file, in order"
    address = colab.url()
    assert re.fullmatch(r"https://colab\.research\.google\.com/github/[\w.-]+/[\w.-]+/blob/main/notebooks/colab\.ipynb",
                        address), address
    assert f"]({address})" in (ROOT / "README.md").read_text(encoding="utf-8"), "the README's badge opens it"
    for workflow in ("solution-prs.yml", "selftest.yml"):
        text = (ROOT / ".github" / "workflows" / workflow).read_text(encoding="utf-8")
        named = re.findall(r"github\.repository == '([^']+)'", text)
        assert all(name == colab.REPOSITORY for name in named), f"{workflow} names another home repository: {named}"


def test_katas_notebook_names_the_command_that_opens_it(tmp_path, capsys, monkeypatch):
    import importlib.util

    monkeypatch.chdir(ROOT)
    real = importlib.util.find_spec
    for installed in (True, False):
        monkeypatch.setattr(importlib.util, "find_spec",
                            lambda name, *a, installed=installed: (real("json") if installed else None)
                            if name == "jupyterlab" else real(name, *a))
        book = tmp_path / f"workbook-{installed}.ipynb"  # a new file each time: nothing to back up in the checkout
        assert cli.main(["notebook", "--out", str(book)]) == 0
        out = _flat(capsys.readouterr().out)
        assert f"jupyter lab {book}" in out, out
        assert ("pip install -e '.[notebook]'" in out) is not installed, out


def test_a_look_after_the_first_pass_is_not_a_forced_one(tmp_path):
    journal.log_many(tmp_path, [{"event": "check", "kata": "q14", "status": "failed", "digest": "a"},
                                {"event": "solution", "kata": "q14", "forced": True},
                                {"event": "check", "kata": "q15", "status": "passed", "digest": "b"},
                                {"event": "check", "kata": "q15", "status": "failed", "digest": "c"},
                                {"event": "solution", "kata": "q15", "forced": True}])
    found = history.summary(tmp_path, KATAS)
    assert found["q14"]["solution_forced"] is True and found["q15"]["solution_forced"] is False
    assert found["q14"]["checks"] == 1 and found["q15"]["checks"] == 2


def test_a_forks_ci_logs_no_attempt_of_its_own(make_copy, monkeypatch):
    from katakit import run

    copy = make_copy()
    (copy / "katas" / "q13_mse.py").write_text(WRONG)
    monkeypatch.setattr(run, "run", lambda ids, root, **options: {"q13": KataResult("q13", "failed")})
    cli._check(copy, ["q13"], record=False)
    assert journal.events(copy) == [], "katas ci reports the learner's journal and adds nothing to it"
    cli._check(copy, ["q13"])
    assert [e["event"] for e in journal.events(copy)] == ["check"]
