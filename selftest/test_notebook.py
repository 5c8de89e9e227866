"""The katas in Jupyter, in a real kernel: `katas notebook` writes a valid workbook, and executing it headless
with nbclient works both ways:

- untouched: every kata is not started, and no file in katas/ changes;
- with the reference solutions pasted into its cells: every kata passes, and the files on disk are the
  references.

The two executions run at once, each in its own copy and kernel. Needs the `notebook` extra.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from katakit import manifest, notebook

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = manifest.find_root()
KATAS = manifest.load(ROOT)
EXECUTE = """
import sys, nbformat
from nbclient import NotebookClient
book = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(book, timeout=120, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}}).execute()
nbformat.write(book, sys.argv[1])
"""


KERNEL_SETTINGS = "import torch\ntorch.set_default_dtype(torch.float64)\ntorch.set_printoptions(precision=8)\n"


def _paste_references(copy: Path) -> None:
    path = copy / "workbook.ipynb"
    book = json.loads(path.read_text(encoding="utf-8"))
    for cell in book["cells"]:
        source = "".join(cell["source"])
        magic = re.match(r"%%(kata|answer) (q\d\d)\n", source)
        if magic:
            kata = manifest.get(magic.group(2), KATAS)
            name = next(f for f in kata.files if f.endswith(".py" if magic.group(1) == "kata" else ".md"))
            cell["source"] = magic.group(0) + (ROOT / "reference" / name).read_text(encoding="utf-8")
    # the kernel's own torch settings are no baseline: every check after this cell must still pass
    book["cells"].insert(2, {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "id": "kernel-settings",
                             "source": KERNEL_SETTINGS})
    path.write_text(json.dumps(book), encoding="utf-8")


QUIZ_CELLS = ("%katas quiz --count 1 --answer t", "%katas quiz --count 1 --all")


def _add_quiz(copy: Path) -> None:
    """A one-item reserve for q12 (a fixture, true), and two quiz cells: answered inline (nbclient cannot type
    into input()), then without an answer, where the kernel refuses input() and the quiz must say what to do."""
    (copy / "quiz").mkdir(exist_ok=True)
    for path in (copy / "quiz").glob("*.toml"):
        path.unlink()  # the shipped reserve is tested in test_quiz.py; here the answer must be known
    (copy / "quiz" / "q12_mean_squared_error.toml").write_text(
        '[[item]]\nid = "fixture"\nkind = "statement"\ntext = "A fixture statement, true."\ntrue = true\n'
        'why = "The fixture says so."\n', encoding="utf-8")
    book = nbformat.read(copy / "workbook.ipynb", as_version=4)
    book.cells += [nbformat.v4.new_code_cell(source) for source in QUIZ_CELLS]
    nbformat.write(book, copy / "workbook.ipynb")


def _printed(cell) -> str:
    return "".join(out.get("text", "") + out.get("data", {}).get("text/plain", "") for out in cell.outputs)


# Cells added after q13's: a call of what %%kata q13 defined, and cells whose checks could not load their code
CALL_MSE = """import torch
try:
    print("mse returned", mse(torch.ones(2, 2), torch.zeros(2, 2)).item())
except NotImplementedError as err:
    print("mse is defined and still raises NotImplementedError:", err)"""
EXITS = "%%kata q13\nimport os\nos._exit(3)\n\ndef mse(preds, targets):\n    return 0"
MAGICS = "%katas hint q13"
FLOAT64 = ("%%kata q13\nimport torch\ntorch.set_default_dtype(torch.float64)\n\ndef mse(preds, targets):\n"
           "    return ((preds - targets) ** 2).mean()\n")


# Last in the pasted workbook: a cell patches torch in the kernel, then q13's correct code is checked again. Workers
# are forks of the kernel, so they carry the patch: no pass may come of it.
PATCH = "import torch\ntorch.Tensor.item = lambda self: 0.0  # a cell that patches torch in the kernel"
PATCHED_KATA = "%%kata q13\n" + (ROOT / "reference" / "q13_mse.py").read_text(encoding="utf-8")


def _after_patch(copy: Path):
    """The cell after PATCH (PATCHED_KATA's source is the pasted q13 cell's too)."""
    cells = nbformat.read(copy / "workbook.ipynb", as_version=4).cells
    return cells[next(n for n, cell in enumerate(cells) if cell.source == PATCH) + 1]


def _append(copy: Path, *sources: str) -> None:
    book = nbformat.read(copy / "workbook.ipynb", as_version=4)
    book.cells += [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(book, copy / "workbook.ipynb")


def _insert(copy: Path, kata_id: str, *sources: str, before: bool = False) -> None:
    """Put code cells right after (or before) the %%kata cell of a kata."""
    path = copy / "workbook.ipynb"
    book = json.loads(path.read_text(encoding="utf-8"))
    last = max(n for n, cell in enumerate(book["cells"]) if "".join(cell["source"]).startswith(f"%%kata {kata_id}\n"))
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": source,
              "id": f"added-{len(book['cells'])}-{n}"} for n, source in enumerate(sources)]
    at = last if before else last + 1
    book["cells"][at:at] = cells
    path.write_text(json.dumps(book), encoding="utf-8")


def _outputs(copy: Path, source: str) -> list[str]:
    """The printed text and the text/plain of every output of the cells with that source."""
    book = nbformat.read(copy / "workbook.ipynb", as_version=4)
    return [out.get("text", "") + out.get("data", {}).get("text/plain", "")
            for cell in book.cells if cell.source == source for out in cell.outputs]


def _statuses(copy: Path) -> dict[str, list[str]]:
    """The statuses each kata's cells reported, in order, read from their HTML output; the same report is
    there as plain text for front ends without HTML."""
    book = nbformat.read(copy / "workbook.ipynb", as_version=4)
    found: dict[str, list[str]] = {}
    for cell in book.cells:
        if cell.source == PATCH:
            break  # what follows is checked in a patched kernel
        if cell.cell_type == "code" and cell.source.startswith("%%"):
            html = "".join(out.get("data", {}).get("text/html", "") for out in cell.outputs)
            text = "".join(out.get("data", {}).get("text/plain", "") for out in cell.outputs)
            errors = [out for out in cell.outputs if out.output_type == "error"]
            assert not errors, f"a cell raised: {errors[0].ename}: {errors[0].evalue}"
            match = re.search(r"(q\d\d) · .*?\((passed|failed|error|not started)\)", html)
            assert match, f"no kata report in the output of:\n{cell.source[:80]}\n{html[:300]}"
            assert f"{match.group(1)} · " in text and "<IPython" not in text, f"no plain-text report: {text[:300]!r}"
            shown = [out for out in cell.outputs if out.output_type == "display_data"]
            assert len(shown) == 1, f"the report came as {len(shown)} outputs, not one"
            found.setdefault(match.group(1), []).append(match.group(2))
    return found


_STARTED: dict = {}


def start(make_copy) -> None:
    """Write both workbooks and start their kernels (untouched, and with the references pasted), once. The
    self-test's conftest calls this as soon as its first test starts, at a lower priority, so the two kernels
    use the cores the other tests leave idle; the fixture below waits for them."""
    if _STARTED:
        return
    untouched, pasted = make_copy(), make_copy()
    for copy in (untouched, pasted):  # what `katas notebook` does, without a process of its own
        notebook.write_workbook(copy, manifest.load(copy), copy / "workbook.ipynb")
    _STARTED["kept"] = notebook.write_workbook(untouched, manifest.load(untouched), untouched / "workbook.ipynb")
    _paste_references(pasted)
    _add_quiz(pasted)
    _insert(untouched, "q13", CALL_MSE, MAGICS)
    _insert(pasted, "q13", EXITS, FLOAT64, before=True)  # then the reference's: the kernel is there, as it was
    _insert(pasted, "q13", CALL_MSE)
    _append(pasted, PATCH, PATCHED_KATA)  # last: after it, the kernel's torch is patched
    nice = (lambda: os.nice(5)) if hasattr(os, "nice") else None
    _STARTED["copies"] = untouched, pasted
    _STARTED["runs"] = [subprocess.Popen([sys.executable, "-c", EXECUTE, str(copy / "workbook.ipynb"), str(copy)],
                                         cwd=copy, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                         preexec_fn=nice) for copy in (untouched, pasted)]


@pytest.fixture(scope="module")
def executed(make_copy):
    start(make_copy)
    kept = _STARTED["kept"]
    assert kept is not None and kept.is_file(), "writing the workbook again did not keep the old one"
    for run in _STARTED["runs"]:
        out, _ = run.communicate(timeout=300)
        assert run.returncode == 0, out[-2000:]
    return _STARTED["copies"]


def test_the_workbook_is_valid_has_a_cell_for_every_file_and_is_never_overwritten_without_a_backup(executed):
    untouched, _ = executed
    book = nbformat.read(untouched / "workbook.ipynb", as_version=4)
    nbformat.validate(book)
    magics = [cell.source.split("\n", 1)[0] for cell in book.cells if cell.source.startswith("%%")]
    assert len(magics) == sum(len(k.files) for k in KATAS)
    assert list((untouched / ".katas" / "backups").glob("workbook.*.ipynb")), "writing it again lost the old one"


def test_a_kata_cell_defines_its_functions_in_the_kernel_and_the_next_cell_calls_them(executed):
    untouched, pasted = executed
    assert any("mse is defined and still raises NotImplementedError: q13: mse is not written yet" in out
               for out in _outputs(untouched, CALL_MSE)), _outputs(untouched, CALL_MSE)
    assert any("mse returned 1.0" in out for out in _outputs(pasted, CALL_MSE)), _outputs(pasted, CALL_MSE)


def test_a_kata_cell_whose_top_level_ends_the_worker_or_changes_settings_leaves_the_kernel_as_it_was(executed):
    _, pasted = executed
    report = "".join(_outputs(pasted, EXITS))
    assert "(error)" in report and "Not defined here" in report, report
    statuses = _statuses(pasted)["q13"]
    assert len(statuses) == 3 and statuses[0] == "error" and statuses[-1] == "passed", statuses
    report = " ".join("".join(_outputs(pasted, FLOAT64)).split())
    # the checks name the change (an error), so the cell is not run in the kernel either
    assert "changed the default dtype from float32 to float64" in report and "Not defined here" in report, report


def test_notebook_output_names_magics_not_shell_commands(executed):
    untouched, _ = executed
    hint = "".join(_outputs(untouched, MAGICS))
    assert "%katas hint q13 --level 2" in hint, hint
    book = nbformat.read(untouched / "workbook.ipynb", as_version=4)
    shown = "".join(out.get("data", {}).get("text/plain", "") for cell in book.cells for out in cell.get("outputs", []))
    assert "%katas hint q13" in shown and "katas watch" not in shown, shown[:500]
    assert not re.search(r"(?<![%!\w])katas (hint|check|solution|reset)", shown), "a shell command in the notebook"


def test_the_untouched_workbook_leaves_every_kata_not_started_and_every_file_as_it_was(executed):
    untouched, _ = executed
    statuses = _statuses(untouched)
    assert set(statuses) == {k.id for k in KATAS}
    assert all(set(s) == {"not started"} for s in statuses.values()), {
        k: s for k, s in statuses.items() if set(s) != {"not started"}}
    changed = [f for k in KATAS for f in k.files if (untouched / "katas" / f).read_bytes() != (ROOT / "katas" / f).read_bytes()]
    assert not changed, f"running untouched cells changed {changed}"


def test_the_workbook_with_the_references_pasted_passes_every_kata_and_writes_the_files(executed):
    _, pasted = executed
    statuses = _statuses(pasted)
    assert all(s[-1] == "passed" for s in statuses.values()), {k: s for k, s in statuses.items() if s[-1] != "passed"}
    differ = [f for k in KATAS for f in k.files
              if (pasted / "katas" / f).read_bytes() != (ROOT / "reference" / f).read_bytes()]
    assert not differ, f"the files on disk are not the references: {differ}"


def test_a_kernel_with_its_own_torch_settings_checks_with_the_shipped_ones_and_says_so(executed):
    """The pasted workbook set float64 and other print options in its kernel before any kata cell: every kata
    passed all the same (above), and each kata's output says the kernel differs."""
    _, pasted = executed
    book = nbformat.read(pasted / "workbook.ipynb", as_version=4)
    q13 = next(cell for cell in book.cells if cell.source.startswith("%%kata q13"))
    html = "".join(out.get("data", {}).get("text/html", "") for out in q13.outputs)
    assert "this kernel&#x27;s default dtype is float64" in html or "this kernel's default dtype is float64" in html, html
    assert "the checks ran with torch&#x27;s defaults" in html or "the checks ran with torch's defaults" in html, html


def test_no_pass_comes_of_a_kernel_whose_cells_patched_torch(executed):
    _, pasted = executed
    cell = _after_patch(pasted)
    assert cell.source == PATCHED_KATA
    report = " ".join(_printed(cell).split())
    assert "(error)" in report and "q13 passes" not in report, report
    assert "a cell of this kernel changed what the checks rely on (added torch.Tensor.item)" in report, report
    assert "Restart the kernel" in report, report


def test_katas_quiz_runs_in_a_real_kernel_with_inline_answers_and_says_what_to_do_without_typed_input(executed):
    _, pasted = executed
    book = nbformat.read(pasted / "workbook.ipynb", as_version=4)
    answered, untyped = (next(c for c in book.cells if c.source == source) for source in QUIZ_CELLS)
    assert "A fixture statement, true." in _printed(answered) and "Right." in _printed(answered), (
        f"`{QUIZ_CELLS[0]}` printed:\n{_printed(answered)}")
    assert "1 of 1 right" in _printed(answered), _printed(answered)
    assert "cannot take typed answers" in _printed(untyped) and not any(
        out.output_type == "error" for out in untyped.outputs), f"`{QUIZ_CELLS[1]}` printed:\n{_printed(untyped)}"
    journal = (pasted / ".katas" / "journal.jsonl").read_text(encoding="utf-8")
    assert '"event": "quiz", "kata": "q12", "item": "fixture", "right": true' in journal, journal[-500:]
