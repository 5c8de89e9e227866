"""What the learner reads: messages wrapped to the width with their indentation kept, commands named as the
learner types them where they are shown (`%katas …` in a notebook), check names that keep their punctuation,
plain pytest output that reads right, and the workbook's Colab links.
"""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from katakit import manifest, notebook, views
from katakit.results import Check, Failure, KataResult, status_of

ROOT = Path(__file__).resolve().parent.parent
KATAS = manifest.load(ROOT)
PATH = "/a/rather/long/path/to/a/folder/that/is/wider/than/any/screen/katas/q44_fit.py"
LONG = (f"fit(2, Linear, F.mse_loss, SGD(lr=1e-05), DataLoader(15 rows, 5 per batch)) returned the history "
        f"[38149.1, 14604.1]: each entry is the loss of the epoch's last batch only; expected the mean of all its "
        f"batch losses, [55130.5, 18406.1]. It was read from {PATH} at step 4.")
COLAB = re.compile(r"https://colab\.research\.google\.com/github/[\w.-]+/[\w.-]+/blob/[\w./-]+/[\w./-]*\.ipynb"
                   r"#scrollTo=q\d\d")


def _narrow(lines_of, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, highlight=False, color_system=None)
    lines_of(console)
    return console.file.getvalue().splitlines()


def _assert_wrapped(lines: list[str], width: int, words: str) -> None:
    """No line wider than the width; every word whole (a word wider than the width is the one exception)."""
    assert all(cell_len(line) <= width for line in lines), [line for line in lines if cell_len(line) > width]
    shown = " ".join(lines).split()
    for word in words.split():
        assert word in shown or cell_len(word) > width - 6, f"{word!r} was broken at {width} columns:\n" + "\n".join(lines)


def _result(notes=()) -> KataResult:
    checks = [Check("fit returns the mean batch loss of each epoch", "failed", [Failure(LONG, "last batch")]),
              Check("fit trains every parameter like a float64 replay", "failed", [Failure(LONG, "last batch")]),
              Check("predict region gives one row of predictions", "passed", notes=list(notes))]
    return KataResult("q44", "failed", checks, seed=7)


@pytest.mark.parametrize("width", [40, 60, 80])
def test_a_long_message_wraps_at_word_boundaries_and_keeps_its_indentation(width):
    kata = manifest.get("q44", KATAS)
    lines = _narrow(lambda console: views.show_kata(console, kata, _result()), width)
    _assert_wrapped(lines, width, LONG)
    start = next(n for n, line in enumerate(lines) if line.lstrip().startswith("fit(2,"))
    indent = len(lines[start]) - len(lines[start].lstrip())
    message = lines[start:next(n for n in range(start, len(lines)) if "also fails" in lines[n])]
    assert len(message) > 2 and all(line.startswith(" " * indent) and line[indent] != " " for line in message), (
        "a continuation line lost its indentation:\n" + "\n".join(message))
    name = next(n for n, line in enumerate(lines) if "✗ fit returns" in line)
    if not lines[name + 1].lstrip().startswith("fit(2,"):  # the check's name wrapped: it hangs under its text
        assert lines[name + 1].startswith(" " * (lines[name].index("✗") + 2)), lines[name:name + 2]


def test_hints_and_notes_hang_under_their_text():
    lines = _narrow(lambda console: views.say(console, "  2. " + LONG), 50)
    _assert_wrapped(lines, 50, LONG)
    assert lines[0].startswith("  2. fit(2,") and all(line.startswith("     ") for line in lines[1:]), lines


def test_a_console_that_does_not_wrap_prints_each_line_whole():
    console = Console(file=io.StringIO(), width=40, soft_wrap=True, highlight=False, color_system=None)
    views.say(console, "      " + LONG)
    assert console.file.getvalue() == "      " + LONG + "\n"


def test_going_further_notes_are_listed_under_one_heading_without_their_own_prefix():
    kata = manifest.get("q44", KATAS)
    result = KataResult("q44", "passed", [Check("x", "passed", notes=["Your fit could also shuffle."])])
    lines = views.kata_lines(kata, result)
    assert "Going further" in lines[-2] and lines[-1].strip() == "• Your fit could also shuffle.", lines
    source = (ROOT / "tests" / "test_q24_reset_gradients.py").read_text(encoding="utf-8")
    assert 'note(False, "Going further' not in source, "q24's note repeats the heading it is shown under"


def test_plural_and_the_roster_of_one_learner(tmp_path):
    from katakit import classroom

    assert [views.plural(n, "learner") for n in (0, 1, 2)] == ["0 learners", "1 learner", "2 learners"]
    assert views.plural(2, "match", "matches") == "2 matches"
    report = {"total": 44, "passed": 0, "katas": [{"id": k.id, "status": "not_started", "failed_checks": []}
                                                  for k in KATAS]}
    (tmp_path / "ada.json").write_text(__import__("json").dumps(report), encoding="utf-8")
    learners, _ = classroom.read_reports(tmp_path)
    assert classroom.markdown(learners, KATAS, []).startswith("## Class roster: 1 learner, 44 katas")


def test_in_a_notebook_a_report_names_magics_and_never_watch():
    kata = manifest.get("q44", KATAS)
    many = KataResult("q44", "failed", _result().checks + [
        Check(f"check {n}", "failed", [Failure(f"cause {n}")]) for n in range(3)], seed=7)
    terminal = "\n".join(views.kata_lines(kata, many, full=False, notebook=False))
    magics = "\n".join(views.kata_lines(kata, many, full=True, notebook=True))
    magics += "\n".join(views.kata_lines(kata, many, full=False, notebook=True))
    assert "katas hint q44" in terminal and "katas watch" in terminal
    assert "%katas hint q44" in magics and "%katas check q44" in magics and "!pytest tests/" in magics
    assert not re.search(r"(?<![%!\w])(katas (hint|check|watch)|pytest tests)", magics), magics
    watching = Text.from_markup("\n".join(views.kata_lines(kata, many, full=False, watching=True))).plain
    assert "press h" in watching and "katas watch" not in watching, watching


def test_after_load_ext_the_checks_own_messages_name_magics_too(monkeypatch, tmp_path):
    from katakit import frontend, loader

    def messages() -> str:
        found = []
        for attempt in (lambda: manifest.get("q99", KATAS), lambda: loader.load_module(tmp_path / "q13_mse.py"),
                        lambda: loader.decode(b"x = 'caf\xe9'", Path("katas/q13_mse.py"))):
            with pytest.raises(Exception) as err:
                attempt()
            found.append(str(err.value))
        return "\n".join(found)

    monkeypatch.delenv(frontend.ENV, raising=False)
    terminal = messages()
    assert "`katas list`" in terminal and "`katas reset`" in terminal and "`katas reset q13`" in terminal, terminal
    monkeypatch.setenv(frontend.ENV, "ipython")  # what %load_ext katakit sets
    magics = messages()
    assert "`%katas list`" in magics and "`%katas reset`" in magics and "`%katas reset q13`" in magics, magics


def test_katas_commands_in_a_notebook_name_magics(monkeypatch, capsys, tmp_path):
    from katakit import journal

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(journal, "JOURNAL", tmp_path / "journal.jsonl")  # hints seen here are no learner's
    notebook.katas_command("hint q13")
    out = capsys.readouterr().out
    assert "%katas hint q13 --level 2" in out and not re.search(r"(?<!%)katas hint", out), out


@pytest.mark.parametrize("remote, found", [
    ("https://github.com/ada/gd-katas.git", ("ada", "gd-katas")),
    ("git@github.com:ada/gd.katas.git", ("ada", "gd.katas")),
    ("https://github.com/ada/gd-katas", ("ada", "gd-katas")),
    ("https://gitlab.com/ada/gd-katas.git", None),
    ("", None),
])
def test_each_kata_links_to_the_workbook_in_colab_from_the_github_remote(monkeypatch, remote, found):
    answers = {"remote": remote, "rev-parse": "learning"}
    monkeypatch.setattr(notebook, "_git", lambda root, *args: answers[args[0]])
    book = notebook.workbook(ROOT, KATAS, ROOT / "notebooks" / "mine.ipynb")
    text = ["".join(cell["source"]) for cell in book["cells"]]
    links = [link for source in text for link in re.findall(r"\]\((https://colab[^)]*)\)", source)]
    assert len(links) == len(KATAS) and all(COLAB.fullmatch(link) for link in links), links[:3]
    owner, repo = found or ("YOU", "gradient-descent-katas")
    branch = "learning" if found else "main"
    assert links[12] == (f"https://colab.research.google.com/github/{owner}/{repo}/blob/{branch}/notebooks/mine.ipynb"
                         "#scrollTo=q13"), links[12]
    assert (f"https://github.com/{owner}/{repo}" in text[1]) and (("replace it" in text[0]) != bool(found))
    ids = {cell.get("id") for cell in book["cells"]}
    assert {k.id for k in KATAS} <= ids, "scrollTo names a cell id the workbook does not have"


def test_the_setup_cell_is_valid_ipython_that_installs_only_outside_a_clone():
    from IPython.core.inputtransformer2 import TransformerManager

    source = notebook.SETUP.format(owner="ada", repo="gd-katas")
    code = TransformerManager().transform_cell(source)
    compile(code, "setup", "exec")
    install = code.index("'pip', 'install -q -e .'")
    assert code.index('if not os.path.exists("katas.toml"):') < code.index("git clone") < install
    assert code.rindex("load_ext") > install and code.splitlines()[-1] == "get_ipython().run_line_magic('katas', '')"


def _pytest_output(forked, args: list[str]) -> str:
    """What `pytest ARGS` prints on this checkout, run in a fork of this process (torch is imported already),
    as `katas_in` runs `katas`."""
    if not hasattr(os, "fork"):
        return subprocess.run([sys.executable, "-m", "pytest", *args], cwd=ROOT, capture_output=True, text=True,
                              timeout=120).stdout

    def run() -> str:
        sys.stdout = out = io.StringIO()
        pytest.main(args)
        return out.getvalue()

    return forked(ROOT, run)


def test_plain_pytest_starts_with_a_line_of_its_own_and_its_progress_only_grows(forked):
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_q[23]*.py"))  # lines of progress
    text = _pytest_output(forked, ["-q", *files])
    lines = text.splitlines()
    assert lines and lines[0] == f"{len(files)} kata test files: collected and checked in worker processes", lines[:2]
    progress = [int(p) for p in re.findall(r"\[\s*(\d+)%\]", text)]
    assert len(progress) > 1 and progress == sorted(progress) and progress[-1] == 100, text[:2000]


def test_a_check_keeps_the_punctuation_of_its_sentence():
    from katakit import supervisor

    class Item:
        def __init__(self, name, marker=None, path=""):
            self.name, self.originalname, self.marker, self.path = name, name.split("[")[0], marker, path

        def get_closest_marker(self, name):
            return self.marker

    assert supervisor.sentence(Item("test_a_learning_rate_of_1e_5")) == "a learning rate of 1e 5"
    said = pytest.mark.sentence("a learning rate of 1e-5").mark
    assert supervisor.sentence(Item("test_a_learning_rate_of_1e_5[3]", said)) == "a learning rate of 1e-5[3]"
    q44 = ROOT / "tests" / "test_q44_fit.py"
    assert supervisor.sentence(Item("test_predict_region_takes_whole_numbers", path=q44)) == (
        "predict_region takes whole numbers"), "the kata's function name lost its underscore"
    names = re.findall(r"def test_(\w+)", "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_q*.py")))
    lost = [n for n in names if re.search(r"(^|_)(\de_\d|nn_linear|data_loader|tensor_dataset|torch_optim|torch_nn"
                                          r"|lessons|loaders|models|regions)(_|$)", n)]
    said = set(re.findall(r'@says\("[^"]*"\)\ndef test_(\w+)', "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_q*.py"))))
    assert set(lost) <= said, f"check names that lose their punctuation: {sorted(set(lost) - said)}"


Q24_NO_NONE_CHECK = '''

def reset_gradients(params):
    for p in params:
        p.grad.zero_()  # fails on a .grad that is still None: a "going further" note, not a failure
'''


def test_katas_check_in_a_narrow_terminal_keeps_lines_words_names_and_notes_whole(make_copy, katas_in):
    """One solved copy: q44 and q22 with a known mistake laid over, q24 without the None check."""
    copy = make_copy(solved=True)
    for name, extra in (("q44_fit", (ROOT / "mutants/q44_fit/last_batch_loss.py").read_text(encoding="utf-8")),
                        ("q22_learning_rate", (ROOT / "mutants/q22_learning_rate/never_resets_gradients.py").read_text(
                            encoding="utf-8")),
                        ("q24_reset_gradients", Q24_NO_NONE_CHECK)):
        path = copy / "katas" / f"{name}.py"
        path.write_text(path.read_text(encoding="utf-8") + "\n\n" + extra, encoding="utf-8")
    code, text = katas_in(copy, env={"COLUMNS": "60"}, check=["check", "q44", "q22", "q24"])["check"]
    lines, joined = text.splitlines(), " ".join(text.split())
    assert code == 1 and "the loss of the epoch's last batch only" in joined, text
    assert all(cell_len(line) <= 60 for line in lines), [line for line in lines if cell_len(line) > 60]
    report = lines[next(n for n, line in enumerate(lines) if line.lstrip().startswith("fit(")):]
    report = report[:next(n for n, line in enumerate(report) if "also fails" in line)]
    assert len(report) > 2 and len({len(line) - len(line.lstrip()) for line in report}) == 1, report
    assert "a learning rate of 1e-5 lowers the loss every epoch" in joined, text
    assert "Going further (not required" in joined and "• Your reset_gradients fails" in joined, text
    assert joined.count("Going further") == 1, text


def _results(statuses: dict[str, dict[str, str]]) -> dict[str, KataResult]:
    """Results with these parts' outcomes ({"q13": {"code": "failed"}}); every other kata passes."""
    results = {}
    for kata in KATAS:
        parts = statuses.get(kata.id, {"code": "passed"})
        checks = [Check(f"{part} check", outcome, [] if outcome == "passed" else [Failure("no")], part=part)
                  for part, outcome in parts.items()]
        results[kata.id] = KataResult(kata.id, status_of(checks), checks)
    return results


def test_hint_with_no_id_hints_the_kata_katas_shows_next(monkeypatch, capsys, tmp_path):
    from katakit import cli, journal

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(journal, "JOURNAL", tmp_path / "journal.jsonl")  # hints seen here are no learner's
    monkeypatch.setattr(cli, "_check", lambda root, ids=None: _results({"q13": {"code": "failed"},
                                                                        "q20": {"code": "failed"}}))
    assert cli.main(["hint"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("q13 · ") and manifest.get("q13", KATAS).hints[0][:30] in out, out
    monkeypatch.setattr(cli, "_check", lambda root, ids=None: _results({}))
    assert cli.main(["hint"]) == 0 and "Every kata passes" in capsys.readouterr().out


def test_plot_uses_a_passing_code_half_while_the_written_half_is_unfinished(monkeypatch):
    from katakit import plot, run, supervisor

    said = []
    console = type("Said", (), {"print": lambda self, text, **kw: said.append(text)})()
    monkeypatch.setattr(supervisor, "call", lambda fn, root, impl, timeout: "your curve")
    half = {"code": "passed", "written": "not_started"}
    monkeypatch.setattr(run, "run", lambda ids, root: _results({"q27": half}))
    assert plot._yours(ROOT, "q27", None, console) == "your curve" and not said
    monkeypatch.setattr(run, "run", lambda ids, root: _results({"q27": {"code": "failed", "written": "passed"}}))
    assert plot._yours(ROOT, "q27", None, console) is None and "q27 code does not pass yet" in said[0]


def test_the_colab_notebook_has_one_setup_cell_and_each_kata_links_to_itself():
    import json

    from katakit import colab

    cells = json.loads(colab.text(ROOT))["cells"]
    sources = ["".join(cell["source"]) for cell in cells]
    links = [link for source in sources for link in re.findall(r"\]\((https://colab[^)]*)\)", source)]
    assert len(links) == len(KATAS) and all(COLAB.fullmatch(link) and "/notebooks/colab.ipynb#" in link
                                            for link in links), links[:2]
    assert sum("%pip install" in source for source in sources) == 1, "more than one setup cell"
    assert {k.id for k in KATAS} <= {cell["id"] for cell in cells}, "a link scrolls to a cell id that is not there"
