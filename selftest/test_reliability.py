"""Tests that cannot be fooled and cannot be crashed.

- The bad-input matrix: every code kata's functions made to misbehave (return None, a numpy array, a list,
  a float, float64, int64, a wrong shape, NaN; raise an unrelated error; change their inputs; never
  return). Each must fail its kata, never crash the run, with a message that names what came back.
- No flakes: the reference passes under many seeds, in random test order.
- Isolation: three broken katas (a syntax error, an endless loop, a function returning None) in a solved
  copy leave the other 41 passing.
"""

import ast
import json
import os
import signal
import time
from pathlib import Path

import pytest

from katakit import manifest, run, sabotage

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
    if sabotage.KINDS[kind][2]:
        return "torch.Tensor" in types
    return kind != "none" or types != {"None"}


MATRIX = [(k, kind) for k in CODE for kind in sabotage.KINDS if applies(kind, k)]
NO_ALARM = not hasattr(signal, "SIGALRM")  # Windows: no per-check time limit, so a hang would hang the run


@pytest.fixture(scope="module")
def sabotaged():
    """sabotaged(kind): every code kata's result with its functions misbehaving that way (one run per kind)."""
    done: dict[str, dict[str, run.KataResult]] = {}

    def results(kind: str) -> dict[str, run.KataResult]:
        if kind not in done:
            ids = [k.id for k, kd in MATRIX if kd == kind]
            done[kind] = run.run(ids, impl="reference", root=ROOT, extra_args=(
                f"--sabotage={kind}", f"--kata-timeout={0.1 if kind == 'hangs' else 5}"))
        return done[kind]

    return results


@pytest.mark.parametrize(("kata", "kind"), MATRIX, ids=[f"{k.id}-{kind}" for k, kind in MATRIX])
def test_a_misbehaving_function_fails_its_kata_with_a_message_that_names_it(kata, kind, sabotaged):
    if kind == "hangs" and NO_ALARM:
        pytest.skip("no SIGALRM on this platform, so checks have no time limit")
    word = sabotage.KINDS[kind][1]
    result = sabotaged(kind)[kata.id]
    if kind == "mutates" and kata.name not in sabotage.MUTATED:
        pytest.skip(f"{kata.id}'s functions are given no data tensors to change")
    messages = [c.message for c in result.failed_checks]
    assert result.status in ("failed", "error"), f"{kata.id} still passes when its functions {kind}"
    assert any(word.lower() in m.lower() for m in messages), (
        f"{kata.id} fails when its functions {kind}, but no message says '{word}':\n" + "\n".join(messages))
    assert not any("Traceback" in m for m in messages), f"{kata.id}: a raw traceback reached the learner"


@pytest.mark.parametrize("seed", range(SEEDS))
def test_the_reference_passes_under_this_seed_in_a_random_order(seed):
    results = run.run(None, impl="reference", root=ROOT, extra_args=(f"--kata-seed={seed}", f"--kata-shuffle={seed}"))
    failing = {k: [(c.name, c.message) for c in r.failed_checks] for k, r in results.items() if r.status != "passed"}
    assert not failing, f"seed {seed}: {json.dumps(failing, indent=1)}"


@pytest.mark.skipif(NO_ALARM, reason="no SIGALRM on this platform, so checks have no time limit")
def test_three_broken_katas_leave_the_other_41_passing_and_turn_the_fork_ci_red(make_copy, katas_in):
    copy = make_copy(solved=True)
    with open(copy / "tests" / "test_q20_gradient_descent.py", "a") as f:
        f.write("\n# edited by the learner\n")  # does not change a result, but a pass on edited tests is not a pass
    (copy / "katas" / "q08_linear_model.py").write_text("def model(x, w, b)\n    return x\n")  # SyntaxError
    (copy / "katas" / "q13_mse.py").write_text("def mse(preds, targets):\n    while True:\n        pass\n")
    (copy / "katas" / "q37_model_parameters.py").write_text("def weights_and_biases(model):\n    return None\n")
    start = time.perf_counter()
    out = katas_in(copy, env={"KATAS_TIMEOUT": "1"}, report=["report", "--json"], ci=["ci"])
    seconds = time.perf_counter() - start
    report = json.loads(out["report"][1])
    status = {k["id"]: k for k in report["katas"]}
    assert report["passed"] == 41, {k: v["status"] for k, v in status.items() if v["status"] != "passed"}
    assert status["q08"]["status"] == "error" and "line 1" in status["q08"]["messages"][0]
    assert "SyntaxError" in status["q08"]["messages"][0]
    assert status["q13"]["status"] == "error" and "timed out" in status["q13"]["messages"][0]
    assert status["q37"]["status"] == "failed" and "None" in " ".join(status["q37"]["messages"])
    assert seconds < 120, f"the whole report took {seconds:.0f} s"
    code, ci = out["ci"]
    assert code == 1 and "Verdict: red" in ci and "q08, q13, q37" in ci, ci
    assert "tests or references were edited" in ci and "tests/test_q20_gradient_descent.py" in ci, ci
