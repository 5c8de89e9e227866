"""Tests that cannot be fooled and cannot be crashed.

- The bad-input matrix: every code kata's functions made to misbehave (return None, a numpy array, a list,
  a float, float64, int64, a wrong shape, NaN, a tensor on the meta device; numbers or tensors inside a returned container turned into
  tensors or numpy arrays; raise an unrelated error; change their inputs; never return). Each must fail its
  kata, never crash the run or a check, with a message that names what came back.
- No flakes: the reference passes under many seeds, in random test order.
- Isolation is proven by the hostile-kata matrix (test_hostile.py).
"""

import ast
import json
import os
from pathlib import Path

import pytest

from katakit import manifest, mistakes, run, sabotage

ROOT = Path(__file__).resolve().parent.parent
KATAS = manifest.load(ROOT)
CODE = [k for k in KATAS if k.kind != "written" and (ROOT / k.test_file).is_file()]
SEEDS = int(os.environ.get("KATAS_SEEDS", "10"))


def return_types(kata) -> set[str]:
    tree = ast.parse((ROOT / "reference" / f"{kata.name}.py").read_text(encoding="utf-8"))
    return {ast.unparse(n.returns) if n.returns else "" for n in tree.body if isinstance(n, ast.FunctionDef)}


def applies(kind: str, kata) -> bool:
    """Tensor misbehaviours need a tensor result; "returns None" needs a function that should return something."""
    types = return_types(kata)
    needs = sabotage.KINDS[kind][2]
    if callable(needs):
        return needs(types)
    if needs:
        return "torch.Tensor" in types
    return kind != "none" or types != {"None"}


MATRIX = [(k, kind) for k in CODE for kind in sabotage.KINDS if applies(kind, k)]


def all_runs() -> dict:
    """Every run these proofs need, in one warm pytest session: each misbehaviour over every kata it applies
    to, and the reference under each seed, in a random order drawn from it. (The self-test's conftest starts it
    early, in the background.)"""

    def body(check) -> dict:
        done = {}
        for kind in sabotage.KINDS:
            ids = [k.id for k, kd in MATRIX if kd == kind]
            done[kind] = check(ids, impl="reference", sabotage=kind, kata_timeout=0.05 if kind == "hangs" else 5)
        for seed in range(SEEDS):
            done[seed] = check(impl="reference", kata_seed=seed, kata_shuffle=seed)
        return done

    return run.warm(body, root=ROOT)


@pytest.fixture(scope="module")
def runs(background) -> dict:
    return background["reliability"].result() if "reliability" in background else all_runs()


@pytest.fixture(scope="module")
def sabotaged(runs):
    """sabotaged(kind): every code kata's result with its functions misbehaving that way."""
    return lambda kind: runs[kind]


@pytest.mark.parametrize(("kata", "kind"), MATRIX, ids=[f"{k.id}-{kind}" for k, kind in MATRIX])
def test_a_misbehaving_function_fails_its_kata_with_a_message_that_names_it(kata, kind, sabotaged):
    word = sabotage.KINDS[kind][1]
    result = sabotaged(kind)[kata.id]
    if kind == "mutates" and "inputs mutated" not in result.facts:
        pytest.skip(f"{kata.id}'s functions are given no data tensors to change")
    messages = [c.message for c in result.failed_checks]
    assert result.status in ("failed", "error"), f"{kata.id} still passes when its functions {kind}"
    assert any(word.lower() in m.lower() for m in messages), (
        f"{kata.id} fails when its functions {kind}, but no message says '{word}':\n" + "\n".join(messages))
    assert not any("Traceback" in m for m in messages), f"{kata.id}: a raw traceback reached the learner"
    broke = [m for m in messages if mistakes.CHECK_BROKE in m]
    assert not broke, f"{kata.id}: a check crashed on the value returned when its functions {kind}:\n{broke[0]}"


@pytest.mark.parametrize("seed", range(SEEDS))
def test_the_reference_passes_under_this_seed_in_a_random_order(seed, runs):
    results = runs[seed]
    failing = {k: [(c.name, c.message) for c in r.failed_checks] for k, r in results.items() if r.status != "passed"}
    assert not failing, f"seed {seed}: {json.dumps(failing, indent=1)}"
