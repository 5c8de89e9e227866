"""The manifest (katas.toml) is consistent with the files: every id has its stub, reference and tests,
there are no orphans, hints are real, and each stub is its reference with the body left out."""

import ast
import re
from pathlib import Path

import pytest

from katakit import manifest

ROOT = Path(__file__).resolve().parent.parent
KATAS = manifest.load(ROOT)
SEED = next((ROOT.parent / "shared" / "seeds").glob("*.txt"), None) if (ROOT.parent / "shared").is_dir() else None


def test_the_manifest_lists_q01_to_q44_in_order():
    assert [k.id for k in KATAS] == [f"q{n:02d}" for n in range(1, 45)]


@pytest.mark.skipif(SEED is None, reason="the lesson's seed file (../shared/seeds) is not beside this checkout")
def test_every_question_is_the_lessons_question_verbatim():
    questions = dict(re.findall(r"^(\d+)\. (.*)$", SEED.read_text(encoding="utf-8"), re.MULTILINE))
    for kata in KATAS:
        expected = questions[str(kata.number)].strip().replace("mWhat", "What")
        assert kata.question == expected, f"{kata.id}: the question differs from the lesson's"


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.id)
def test_the_kata_has_its_files_hints_and_tests(kata):
    expected = {"code": [".py"], "written": [".md"], "both": [".py", ".md"]}[kata.kind]
    assert sorted(Path(f).suffix for f in kata.files) == sorted(expected), f"{kata.id}: files do not match kind"
    for name in kata.files:
        assert name.startswith(kata.name), f"{kata.id}: {name} is not named {kata.name}.*"
        for folder in ("katas", "reference"):
            assert (ROOT / folder / name).is_file(), f"{kata.id}: {folder}/{name} is missing"
    assert (ROOT / kata.test_file).is_file(), f"{kata.id}: {kata.test_file} is missing"
    assert len(kata.hints) >= 2 and all(len(h.split()) >= 6 for h in kata.hints), (
        f"{kata.id}: needs at least two real hints")
    assert kata.concepts and kata.title, f"{kata.id}: needs a title and concepts"


def test_there_are_no_orphan_files():
    known = {name for k in KATAS for name in k.files}
    for folder in ("katas", "reference"):
        for path in (ROOT / folder).iterdir():
            assert path.name in known or path.name.startswith((".", "__")), f"{folder}/{path.name} is in no manifest entry"
    tests = {Path(k.test_file).name for k in KATAS}
    for path in (ROOT / "tests").glob("test_*.py"):
        assert path.name in tests, f"tests/{path.name} belongs to no kata"
    names = {k.name for k in KATAS}
    for path in [*(ROOT / "mutants").iterdir(), *((ROOT / "variants").iterdir() if (ROOT / "variants").is_dir() else [])]:
        assert path.name in names, f"{path.relative_to(ROOT)} belongs to no kata"


def _functions(path: Path) -> dict:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}, ast.get_docstring(tree)


@pytest.mark.parametrize("kata", [k for k in KATAS if k.kind != "written"], ids=lambda k: k.id)
def test_the_stub_is_its_reference_without_the_body(kata):
    stub, stub_doc = _functions(ROOT / "katas" / f"{kata.name}.py")
    ref, ref_doc = _functions(ROOT / "reference" / f"{kata.name}.py")
    assert stub_doc == ref_doc, f"{kata.id}: module docstrings differ"
    assert stub.keys() == ref.keys(), f"{kata.id}: the stub defines {sorted(stub)}, the reference {sorted(ref)}"
    source = (ROOT / "katas" / f"{kata.name}.py").read_text(encoding="utf-8")
    for name, fn in stub.items():
        assert ast.dump(fn.args) == ast.dump(ref[name].args), f"{kata.id}: {name}() signatures differ"
        assert ast.dump(fn.returns) == ast.dump(ref[name].returns) if fn.returns else True, f"{kata.id}: {name}() return types differ"
        assert ast.get_docstring(fn) == ast.get_docstring(ref[name]), f"{kata.id}: {name}() docstrings differ"
        if name.startswith("_"):
            continue
        assert isinstance(fn.body[-1], ast.Raise) and "NotImplementedError" in ast.unparse(fn.body[-1]), (
            f"{kata.id}: the stub's {name}() must end with raise NotImplementedError(...)")
    assert f"# TODO({kata.id})" in source, f"{kata.id}: the stub has no '# TODO({kata.id}): ...' line"


def test_every_code_kata_has_at_least_two_mutants():
    for kata in KATAS:
        if kata.kind != "written" and (ROOT / kata.test_file).is_file():
            count = len(list((ROOT / "mutants" / kata.name).glob("*.py")))
            assert count >= 2, f"{kata.id}: {count} mutants; every code kata needs at least two"


LINK_HOSTS = {"docs.pytorch.org", "pytorch.org", "jovian.com"}
LESSON = "https://jovian.com/aakashns/02-linear-regression"


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.id)
def test_the_kata_links_to_its_reading(kata):
    from urllib.parse import urlsplit

    for url in kata.links:
        parts = urlsplit(url)
        assert parts.scheme == "https" and parts.hostname in LINK_HOSTS and parts.path.startswith("/"), (
            f"{kata.id}: link {url!r} is not an https address on {sorted(LINK_HOSTS)}")
        assert url == url.strip() and " " not in url and parts.path.endswith((".html", "/02-linear-regression")), (
            f"{kata.id}: link {url!r} is not a documentation page or the lesson")
    assert len(set(kata.links)) == len(kata.links), f"{kata.id}: a link is listed twice"
    assert kata.links and kata.links[-1] == LESSON, f"{kata.id}: the last link must be the lesson ({LESSON})"
    if kata.kind != "written":
        docs = [u for u in kata.links if urlsplit(u).hostname in ("docs.pytorch.org", "pytorch.org")]
        assert docs, f"{kata.id}: a code kata needs at least one link to the PyTorch documentation of what it uses"
