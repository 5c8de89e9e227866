"""The self-test's proof that the kata tests can fail: every stub is red (not started), every mutant
is killed by a message that names its mistake, every correct variant passes.

The reference itself is proven green by running `pytest --impl=reference tests` in the same command.
"""

import ast
import io
from pathlib import Path

import pytest
from rich.console import Console

from katakit import manifest, mistakes, run, views

ROOT = Path(__file__).resolve().parent.parent
KATAS = manifest.load(ROOT)
TESTED = [k for k in KATAS if (ROOT / k.test_file).is_file()]
MUTANTS = sorted(ROOT.glob("mutants/q*/*.py"))
VARIANTS = sorted(ROOT.glob("variants/q*/*.py"))


def rounds(files: list[Path]) -> dict[Path, tuple[Path, ...]]:
    """Each file's round: the n-th file of every kata run together (one pytest run instead of one per file)."""
    nth = {f: sum(g.parent == f.parent for g in files[:i]) for i, f in enumerate(files)}
    return {f: tuple(g for g in files if nth[g] == nth[f]) for f in files}


ROUNDS = {**rounds(MUTANTS), **rounds(VARIANTS)}


def all_runs() -> dict:
    """Every run these proofs need, in one warm pytest session (collected once): the untouched stubs, and
    each round of mutants and of variants laid over the reference. (The self-test's conftest starts it early,
    in the background.)"""

    def body(check) -> dict:
        done = {"stubs": check()}
        for group in sorted(set(ROUNDS.values())):
            done[group] = check(sorted({f.parent.name[:3] for f in group}), impl="reference", mutant=list(group))
        return done

    return run.warm(body, root=ROOT)


@pytest.fixture(scope="module")
def runs(background) -> dict:
    return background["katas"].result() if "katas" in background else all_runs()


@pytest.fixture(scope="module")
def overlaid(runs):
    """overlaid(path): the result of path's kata with path laid over the reference."""
    return lambda path: runs[ROUNDS[path]][path.parent.name[:3]]


def constant(path: Path, name: str, default=None):
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == name:
            return ast.literal_eval(node.value)
    return default


def caught_by(path: Path) -> str:
    """The phrase a failure message must contain to name this mutant's mistake (its CAUGHT_BY)."""
    phrase = constant(path, "CAUGHT_BY")
    assert phrase, f"{path.relative_to(ROOT)} has no CAUGHT_BY = '...' naming the message that catches it"
    return phrase


def shown(kata, result) -> list[str]:
    """What `katas check` prints for this result, as plain lines."""
    console = Console(width=10_000, no_color=True, highlight=False, record=True, file=io.StringIO())
    views.show_kata(console, kata, result)
    return console.export_text().strip("\n").splitlines()


@pytest.fixture(scope="module")
def stubs(runs) -> dict[str, run.KataResult]:
    """Every untouched stub, checked in one run."""
    return runs["stubs"]


@pytest.mark.parametrize("kata", TESTED, ids=lambda k: k.id)
def test_the_untouched_stub_fails_every_check_as_not_started(kata, stubs):
    result = stubs[kata.id]
    passing = [c.name for c in result.checks if c.outcome == "passed"]
    assert not passing, f"{kata.id}: these checks pass on the untouched stub, so they cannot fail: {passing}"
    assert result.status == "not_started", (
        f"{kata.id}: the untouched stub reads as {result.status}, not not_started: "
        f"{[(c.name, c.message) for c in result.checks if c.outcome != 'not_started'][:2]}")


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda p: f"{p.parent.name[:3]}-{p.stem}")
def test_the_mutant_is_killed_by_a_first_message_that_names_its_mistake(mutant, overlaid):
    kata_id = mutant.parent.name[:3]
    phrase = caught_by(mutant)
    result = overlaid(mutant)
    assert result.status != "passed", f"{mutant.relative_to(ROOT)} survives: every check of {kata_id} passes."
    causes = [failure.message for failure, _ in result.causes()]
    assert phrase in causes[0], (
        f"{mutant.relative_to(ROOT)} is caught, but the first message shown does not say '{phrase}'. Messages, "
        "in the order shown:\n" + "\n---\n".join(causes))


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda p: f"{p.parent.name[:3]}-{p.stem}")
def test_one_mistake_gives_one_short_report_that_names_no_other_mistake(mutant, overlaid):
    """At most 12 lines in `katas check`, and no message names the mistake of another mutant of the kata
    (a message that does would send the learner to the wrong fix), unless the mutant makes both (ALSO)."""
    kata = next(k for k in KATAS if k.name == mutant.parent.name)
    result = overlaid(mutant)
    lines = shown(kata, result)
    assert len(lines) <= 12, f"{mutant.relative_to(ROOT)}: `katas check` prints {len(lines)} lines:\n" + "\n".join(lines)
    allowed = {caught_by(mutant), *constant(mutant, "ALSO", ())}
    others = {caught_by(m) for m in MUTANTS if m.parent == mutant.parent} - allowed
    text = "\n".join(lines)
    named = [phrase for phrase in others if phrase in text and not any(phrase in a for a in allowed)]
    assert not named, f"{mutant.relative_to(ROOT)}: the report also names {named}, another mistake:\n{text}"


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda p: f"{p.parent.name[:3]}-{p.stem}")
def test_the_correct_variant_passes(variant, overlaid):
    result = overlaid(variant)
    assert result.status == "passed", (
        f"{variant.relative_to(ROOT)} is a correct solution but fails:\n"
        + "\n".join(f"{c.name}: {c.message}" for c in result.failed_checks))


def test_no_check_breaks_on_what_a_stub_a_mutant_or_a_variant_gives(stubs, overlaid):
    """A check never crashes on a learner's value (round() of a tensor, len() of None): each must first establish
    the value's type and say what it is. A crash outside the learner's code is reported as the check's defect."""
    results = {f"{k}-stub": r for k, r in stubs.items()} | {
        path.relative_to(ROOT).as_posix(): overlaid(path) for path in MUTANTS + VARIANTS}
    broken = {name: [c.message for c in r.failed_checks if mistakes.CHECK_BROKE in c.message][0]
              for name, r in results.items() if any(mistakes.CHECK_BROKE in c.message for c in r.failed_checks)}
    assert not broken, "checks broke on these values:\n" + "\n".join(f"{n}: {m}" for n, m in broken.items())
