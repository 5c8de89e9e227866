"""The `katas` command, as a learner and a fork's CI use it.

On this checkout (all katas are stubs) the commands run in this process. Commands that change files or
need solved katas run in a subprocess on a temporary copy, since pytest can hold only one checkout's
test modules per process.
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from katakit import cli, journal, manifest, shipped

ROOT = Path(__file__).resolve().parent.parent
KATAS = manifest.load(ROOT)


def katas(*args, capsys) -> tuple[int, str]:
    code = cli.main(list(args))
    return code, capsys.readouterr().out


@pytest.fixture
def in_root(monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(journal, "JOURNAL", tmp_path / "journal.jsonl")  # hints seen here are no learner's


def test_hint_accepts_13_and_q13_and_prints_the_first_hint(in_root, capsys):
    first = manifest.get("q13", KATAS).hints[0]
    for kata_id in ("13", "q13"):
        code, out = katas("hint", kata_id, capsys=capsys)
        assert code == 0 and first in " ".join(out.split()) and "--level 2" in out


def test_hint_levels_reveal_one_more_hint_each(in_root, capsys):
    code, out = katas("hint", "q13", "--level", "2", capsys=capsys)
    assert "1." in out and "2." in out and "3." not in out


def test_an_unknown_kata_id_gets_a_clear_error(in_root, capsys):
    code, out = katas("hint", "q99", capsys=capsys)
    assert code == 2 and "q01 to q44" in out


def test_a_fresh_checkout_shows_0_of_44_and_points_at_q01(in_root, capsys):
    code, out = katas(capsys=capsys)
    assert code == 0 and "0/44" in out and "q01" in out and "katas/q01_" in out


def test_report_json_lists_44_katas_not_started(in_root, capsys):
    code, out = katas("report", "--json", capsys=capsys)
    report = json.loads(out)
    assert report["total"] == 44 and report["passed"] == 0 and len(report["katas"]) == 44
    assert {k["status"] for k in report["katas"]} == {"not_started"}
    assert all(k["failed_checks"] for k in report["katas"])


def test_ci_on_a_fresh_fork_is_green_with_0_of_44_and_red_naming_any_edited_file(in_root, capsys, monkeypatch):
    code, out = katas("ci", capsys=capsys)
    assert code == 0 and "0/44 passed" in out and "Verdict: green" in out
    monkeypatch.setattr(shipped, "guard", lambda root, base=None: shipped.Guard([".github/workflows/katas.yml"]))
    code, out = katas("ci", capsys=capsys)
    verdict = out.split("Verdict: red")[-1]
    assert code == 1 and "Edited or added: .github/workflows/katas.yml." in verdict and "fail" not in verdict, out


def test_the_notebook_check_prints_the_kata_report(in_root, capsys):
    from katakit import check

    assert check("13") is False
    out = capsys.readouterr().out
    assert "q13" in out and "not started" in out


def test_solution_is_gated_until_the_kata_passes(in_root, capsys):
    code, out = katas("solution", "13", capsys=capsys)
    assert code == 1 and "--force" in out and "def mse" not in out
    code, out = katas("solution", "13", "--force", capsys=capsys)
    assert code == 0 and "def mse" in out and "skip the part where you learn" in out


def test_plot_writes_two_pngs_even_before_q27_is_written(in_root, capsys, tmp_path):
    pytest.importorskip("matplotlib")
    code, out = katas("plot", "--out", str(tmp_path), capsys=capsys)
    pngs = sorted(p.name for p in tmp_path.glob("*.png"))
    assert code == 0 and pngs == ["learning_rates.png", "training_curve.png"], out
    assert all((tmp_path / name).read_bytes().startswith(b"\x89PNG") for name in pngs)


def test_the_shipped_stubs_and_checksums_are_current():
    assert shipped.load()["stubs"] == shipped.record(ROOT)["stubs"], (
        "katakit/shipped.json is stale: run `python -m katakit.shipped --write`")
    assert not shipped.tampered(ROOT), (
        f"guarded files changed since `python -m katakit.shipped --write`: {shipped.tampered(ROOT)}")
    workflows = {f".github/workflows/{name}.yml" for name in ("classroom", "katas", "selftest")}
    assert workflows <= set(shipped.load()["checksums"]), "an edited workflow would not cost a pass"


def test_a_solved_copy_passes_44_of_44_and_reset_keeps_a_backup(make_copy, katas_in):
    solved_copy = make_copy(solved=True)
    learner_file = solved_copy / "katas" / "q13_mse.py"
    learner_text = learner_file.read_text()
    (solved_copy / ".katas").mkdir()
    (solved_copy / ".katas" / "review.toml").write_text('[q17\n"x" = tru')  # corrupt: set aside, plain `katas` goes on
    out = katas_in(solved_copy, ci=["ci", "--report", "report.json"], solution=["solution", "q13"],
                 status=[], review=["review", "17"], reset_without_yes=["reset", "13"],
                 reset=["reset", "13", "--yes"], after=["check", "q13"])
    report = json.loads((solved_copy / "report.json").read_text(encoding="utf-8"))
    assert report["passed"] == 44, [k for k in report["katas"] if k["status"] != "passed"]
    assert out["ci"][0] == 0 and "44/44 passed" in out["ci"][1] and "Verdict: green" in out["ci"][1]
    assert out["solution"][0] == 0 and "def mse" in out["solution"][1]
    assert "All 44 katas pass" in out["status"][1]
    assert [p.read_text() for p in (solved_copy / ".katas" / "backups").glob("review.*.toml")] == ['[q17\n"x" = tru']
    assert out["review"][0] == 0 and "our answer" in out["review"][1] and "Key ideas of a full answer" in out["review"][1]
    assert out["reset_without_yes"][0] == 2 and "--yes" in out["reset_without_yes"][1]
    assert out["reset"][0] == 0 and learner_file.read_text() == shipped.stub("q13_mse.py")
    backups = list((solved_copy / ".katas" / "backups").glob("q13_mse.*.py"))
    assert len(backups) == 1 and backups[0].read_text() == learner_text, "reset lost the learner's file"
    assert out["after"][0] == 1 and "not started" in out["after"][1]


def test_watch_rechecks_a_saved_kata_survives_a_hang_and_quits_within_a_second(make_copy):
    copy = make_copy()
    proc = subprocess.Popen([sys.executable, "-m", "katakit.cli", "watch"], cwd=copy, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "NO_COLOR": "1", "KATAS_TIMEOUT": "1"})

    def screen() -> str:
        lines = []
        while not lines or not lines[-1].startswith("Watching"):
            lines.append(proc.stdout.readline())
            assert lines[-1], "katas watch stopped:\n" + "".join(lines)
        return "".join(lines)

    try:
        screen()
        time.sleep(0.3)
        shutil.copy(ROOT / "reference" / "q13_mse.py", copy / "katas" / "q13_mse.py")
        lines = screen().splitlines()
        assert any("q13" in line and "(passed)" in line for line in lines), "\n".join(lines)
        (copy / "katas" / "q13_mse.py").write_text("def mse(preds, targets):\n    while True:\n        pass\n")
        text = screen()
        assert "(error)" in text and "timed out" in text, text
        (copy / "katas" / "q13_mse.py").write_text("import os\nos.environ['X'] = 1\n")  # TypeError at import
        text = screen()
        assert "(error)" in text and "TypeError" in text, text
        (copy / "katas" / "q13_mse.py").write_text("x = 1\nwhile x:\n    pass\n")  # hangs at import, for 1 s
        time.sleep(0.4)
        asked = time.perf_counter()
        proc.stdin.write("q\n")
        proc.stdin.flush()
        assert proc.wait(timeout=10) == 0
        assert time.perf_counter() - asked < 1.0, "katas watch took more than a second to quit"
    finally:
        proc.kill()


def test_bad_bytes_odd_files_and_white_space_never_cost_work_or_a_traceback(make_copy, katas_in, capsys,
                                                                               monkeypatch):
    copy = make_copy()
    (copy / "katas" / "q13_mse.py").write_bytes(b"def mse(preds, targets):\n    return 'caf\xe9'\n")
    stub = (copy / "katas" / "q19_update_step.py").read_text()
    (copy / "katas" / "q19_update_step.py").write_text(stub.replace("\n", "  \n") + "\n\n")  # white space only
    # an exception message no encoding can print (a lone surrogate) and one that would restyle the terminal
    (copy / "katas" / "q09_predict.py").write_text('def predict(x, w, b):\n    raise ValueError("a \\ud800 b \\x1b[2J c")\n')
    out = katas_in(copy, check=["check", "q13"], ci=["ci"], hostile=["check", "q09"])
    assert out["check"][0] == 1 and "byte 0xe9 is not UTF-8" in out["check"][1], out["check"][1]
    code, text = out["hostile"]
    assert code == 1 and "ValueError: a \\ud800 b \\x1b[2J c" in text and "\x1b" not in text, text
    assert "q09" in out["ci"][1].split("Verdict")[1], out["ci"][1][-300:]
    assert "q19" not in out["ci"][1].split("Verdict")[1], "a white-space-only change counts as touching the kata"
    monkeypatch.chdir(copy)  # `katas reset` runs no checks: it can run here, on the copy
    code, text = katas("reset", "q13", "--yes", capsys=capsys)
    assert code == 0 and (copy / "katas" / "q13_mse.py").read_text() == shipped.stub("q13_mse.py"), text
    backups = list((copy / ".katas" / "backups").glob("q13_mse.*.py"))
    assert len(backups) == 1 and b"\xe9" in backups[0].read_bytes(), "the reset lost the learner's file"
    shutil.rmtree(copy / ".katas")
    (copy / ".katas").write_text("not a folder")
    (copy / "katas" / "q13_mse.py").write_text("def mse(preds, targets):\n    return 0\n")
    code, text = katas("reset", "q13", "--yes", capsys=capsys)
    assert code == 2 and ".katas" in text and "Traceback" not in text, text
    assert (copy / "katas" / "q13_mse.py").read_text().endswith("return 0\n"), "a failed reset changed the file"


def test_links_fifos_and_folders_in_katas_are_refused_by_name_and_nothing_is_written_outside(make_copy, capsys,
                                                                                             monkeypatch):
    import faulthandler

    from katakit import files, notebook

    copy = make_copy()
    monkeypatch.chdir(copy)  # nothing here runs a check: it can run in this process, on the copy
    faulthandler.dump_traceback_later(60, exit=True, file=sys.__stderr__)  # a FIFO that is opened waits forever: fail loudly instead
    kata, reference = copy / "katas" / "q13_mse.py", (copy / "reference" / "q13_mse.py").read_bytes()
    outside = copy.parent / "outside"
    outside.mkdir()

    def refused(*args: str) -> str:
        code, text = katas(*args, capsys=capsys)
        assert code == 2 and "Traceback" not in text and len(text.strip().splitlines()) <= 3, (args, code, text)
        return " ".join(text.split())

    try:
        kata.unlink()
        kata.symlink_to(Path("..") / "reference" / "q13_mse.py")  # the stub would land in reference/
        assert "katas/q13_mse.py is a link (to ../reference/q13_mse.py)" in refused("reset", "q13", "--yes")
        assert notebook.save_cell("q13", "def mse(p, t):\n    return 0\n", ".py") is False
        assert "katas/q13_mse.py is a link" in " ".join(capsys.readouterr().out.split())
        assert "katas/q13_mse.py is a link" in refused("notebook")
        kata.unlink()
        if hasattr(os, "mkfifo"):
            os.mkfifo(kata)
            for args in (("reset", "q13", "--yes"), ("notebook",)):
                assert "katas/q13_mse.py is a FIFO (named pipe)" in refused(*args), args
            kata.unlink()
        kata.mkdir()
        assert "katas/q13_mse.py is a folder, not a file katas can read" in refused("reset", "q13", "--yes")
        kata.rmdir()
        kata.write_text("def mse(p, t):\n    return 0\n")
        (copy / ".katas").symlink_to(outside, target_is_directory=True)  # backups would land outside
        assert ".katas is a link" in refused("reset", "q13", "--yes")
        (copy / ".katas").unlink()
        (copy / "workbook.ipynb").symlink_to(Path("reference") / "q13_mse.py")
        assert "workbook.ipynb is a link or not a regular file" in refused("notebook")
        (copy / "workbook.ipynb").unlink()

        def read_only(root, name, data):
            raise PermissionError(13, "Permission denied", str(root / "katas" / name))

        monkeypatch.setattr(files, "_write", read_only)  # (a read-only katas/: root ignores the file mode)
        assert "Could not read or write" in refused("reset", "q13", "--yes")
        assert notebook.save_cell("q13", "def mse(p, t):\n    return 1\n", ".py") is False
        said = " ".join(capsys.readouterr().out.split())
        assert said.startswith("Could not save katas/q13_mse.py: Permission denied.") and "Traceback" not in said, said
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert (copy / "reference" / "q13_mse.py").read_bytes() == reference, "a write went through a link"
    assert kata.read_text() == "def mse(p, t):\n    return 0\n" and not list(outside.iterdir())


def test_notebook_magics_and_a_corrupt_review_file_get_one_line_each(make_copy, capsys, monkeypatch):
    from katakit import notebook, review, run
    from katakit.results import Check, KataResult

    monkeypatch.chdir(ROOT)
    # the notebook's check refuses a pass on edited tests too (the check itself is faked: only the wiring is new)
    monkeypatch.setattr(run, "run", lambda ids, root=None: {i: KataResult(i, "passed", [Check("ok", "passed")])
                                                            for i in ids})
    monkeypatch.setattr(shipped, "guard", lambda root, base=None: shipped.Guard(["tests/test_q13_mse.py"]))
    monkeypatch.setattr(shipped, "_JUDGED", {})  # (judged again: nothing cached from an earlier test)
    assert notebook.check("q13") is False
    out = " ".join(capsys.readouterr().out.split())
    assert "(error)" in out and "Not counted as a pass: tests/test_q13_mse.py differs" in out, out
    monkeypatch.undo()
    monkeypatch.chdir(ROOT)
    for line, said in (("hint q13'", "No closing quotation"), ("frobnicate", "invalid choice: 'frobnicate'"),
                       ("hint q13 --level x", "invalid int value: 'x'")):
        assert notebook.katas_command(line) == 2
        out = " ".join(capsys.readouterr().out.split())
        assert out.startswith(f"%katas {line}: ") and said in out and "Traceback" not in out, out
    copy = make_copy()
    (copy / ".katas").mkdir()
    corrupt = [b'[q17\n"x" = tru', b"q17 = 5\n", b"\xff"]  # cut short, the wrong shape, not UTF-8
    for data in corrupt:
        (copy / ".katas" / "review.toml").write_bytes(data)
        assert review.load_marks(copy) == {} and not (copy / ".katas" / "review.toml").exists()
        note = capsys.readouterr().err
        assert note.startswith("Note: .katas/review.toml could not be read") and note.count("\n") == 1, note
    outside = copy.parent / "not-a-review.toml"
    outside.write_text("[q17]\n")
    (copy / ".katas" / "review.toml").symlink_to(outside)  # a link and a FIFO are moved aside unopened
    assert review.load_marks(copy) == {} and "is a link" in capsys.readouterr().err
    if hasattr(os, "mkfifo"):
        os.mkfifo(copy / ".katas" / "review.toml")
        assert review.load_marks(copy) == {} and "is a FIFO" in capsys.readouterr().err
    kept = sorted((copy / ".katas" / "backups").glob("review.*.toml"))
    assert sorted(p.read_bytes() for p in kept if p.is_file() and not p.is_symlink()) == sorted(corrupt), kept
    assert len(kept) == 4 + hasattr(os, "mkfifo") and outside.read_text() == "[q17]\n" and not (
        copy / ".katas" / "review.toml").exists()
