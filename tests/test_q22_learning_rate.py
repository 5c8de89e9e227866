"""q22 · The learning rate: too small, right, too large."""

import math

import torch

from katakit import data, oracle, written
from katakit.checks import expect, expect_history

# Measured on the 5-row crop data, float32, seeds 0..49 (loss after the last epoch / loss at the start):
#   10 epochs at 1e-6: 0.72–0.85 (slow);  at 1e-5: 0.03–0.43, falling every single epoch (steady);
#   at 5e-4 the loss is 1e19 or more after 10 epochs and first reaches inf at epoch 20 or 21 (diverges).
EPOCHS = 10
DIVERGE_EPOCHS = 25
# On the crop data (inputs 40–135) a bias step is about 100 times smaller than a weight step, so a wrong bias
# update hardly shows in the crop loss. On data of a few units, with targets around 10, both matter: measured
# over seeds 0..999, leaving b (or w) unchanged moves the 10-epoch history at lr 0.01 by at least 3% (0.9%),
# while float32 against float64 differs by under 1e-6.
FEW_UNITS_LR = 0.01


def _few_units(seed):
    return data.random_batch(seed + 7, 5, 3), data.random_batch(seed + 8, 5, 2) + 10


def _runs(kata, lrs, seed, epochs=EPOCHS, inputs=None, targets=None):
    inputs = data.inputs() if inputs is None else inputs
    targets = data.targets() if targets is None else targets
    runs = kata.compare_learning_rates(inputs, targets, lrs, epochs, seed)
    assert isinstance(runs, dict), (
        f"compare_learning_rates(inputs, targets, {lrs}, {epochs}, seed={seed}) returned "
        f"{type(runs).__name__}; expected a dict {{lr: [losses]}}, one entry per learning rate.")
    assert sorted(runs) == sorted(lrs), (
        f"compare_learning_rates(inputs, targets, {lrs}, {epochs}, seed={seed}) returned the keys "
        f"{sorted(runs)}; expected one key per learning rate: {sorted(lrs)}. Use each lr itself as its key.")
    for lr in lrs:
        expect_history(runs[lr], epochs, what=f"loss (lr {lr:g})")
    return runs


def _replay(inputs, targets, seed, lr, epochs, sign=-1.0, accumulate=False, move_w=True, move_b=True) -> list[float]:
    """The loss history of a (possibly wrong) full-batch descent from the seeded model, in float64."""
    gen = torch.Generator().manual_seed(seed)
    w = torch.randn(targets.shape[1], inputs.shape[1], generator=gen).double()
    b = torch.randn(targets.shape[1], generator=gen).double()
    total_w, total_b, losses = torch.zeros_like(w), torch.zeros_like(b), []
    for _ in range(epochs):
        losses.append(oracle.mse64(oracle.predict64(inputs, w, b), targets).item())
        grad_w, grad_b = oracle.grads64(inputs, targets, w, b)
        total_w, total_b = (total_w + grad_w, total_b + grad_b) if accumulate else (grad_w, grad_b)
        w = w + sign * lr * total_w if move_w else w
        b = b + sign * lr * total_b if move_b else b
    return losses


def _gap(got: list[float], want: list[float]) -> float:
    """The largest relative difference, over the epochs where the float64 replay is below 1e12 (beyond that,
    float32 overflows long before float64 does)."""
    gaps = [abs(g - w) / abs(w) if math.isfinite(g) else math.inf
            for g, w in zip(got, want, strict=True) if abs(w) < 1e12]
    return max(gaps, default=0.0)


MISTAKES = {  # cause: (how the replay goes wrong, what the learner reads)
    "gradients never reset": (dict(accumulate=True),
                              "It matches training that does not reset the gradients: each backward() adds to the "
                              "old gradient and the steps keep growing. Do you reset the gradients after each update?"),
    "uphill": (dict(sign=1.0), "It matches training that adds lr × gradient, uphill. Do you step against the gradient?"),
    "b never moves": (dict(move_b=False), "It matches a descent in which b never moves: the weights are updated, the "
                                          "biases are not. Does your update change b too?"),
    "w never moves": (dict(move_w=False), "It matches a descent in which w never moves: the biases are updated, the "
                                          "weights are not. Does your update change w too?"),
}


def _diagnosis(runs, inputs, targets, seed, epochs) -> tuple[str, str] | None:
    """(cause, explanation) of the known mistake the histories show, found by replaying it in float64; else None."""
    start = _replay(inputs, targets, seed, 0.0, 1)[0]
    fresh = {lr: math.isclose(losses[0], start, rel_tol=1e-4) for lr, losses in runs.items()}
    if not all(fresh.values()):
        late = [lr for lr in runs if _gap(runs[lr][:-1], _replay(inputs, targets, seed, lr, epochs)[1:]) < 1e-4]
        if len(late) == len(runs):
            return "one step late", ("Each history starts one epoch late: record the loss before the update of "
                                     "its epoch, not after it.")
        return "not a fresh model", (
            "Did you create a fresh model for each learning rate? Make w and b from the seed inside the loop over "
            "the lrs (w first, then b): a model that kept training, or that diverged, is not a fair start.")
    for lr in sorted(runs):
        right = _replay(inputs, targets, seed, lr, epochs)
        if _gap(runs[lr], right) < 1e-5:
            continue
        for other in runs:
            if other != lr and _gap(runs[lr], _replay(inputs, targets, seed, other, epochs)) < 1e-5:
                return "same lr", (f"The run at lr {lr:g} matches plain gradient descent at lr {other:g}. Is each run "
                                   "using its own lr?")
        gaps = {cause: _gap(runs[lr], _replay(inputs, targets, seed, lr, epochs, **how))
                for cause, (how, _) in MISTAKES.items()}
        cause = min(gaps, key=gaps.get)
        if gaps[cause] < 1e-4 and gaps[cause] < _gap(runs[lr], right):
            return cause, MISTAKES[cause][1]
        return None
    return None


def _fail(seen: str, runs, seed, fallback: str, inputs=None, targets=None, epochs=EPOCHS) -> None:
    """A failure whose cause and nudge come from the diagnosis when a known mistake explains the histories."""
    inputs = data.inputs() if inputs is None else inputs
    targets = data.targets() if targets is None else targets
    cause, why = _diagnosis(runs, inputs, targets, seed, epochs) or ("", fallback)
    expect(False, f"{seen} {why}", cause=cause)


def test_every_learning_rate_gets_a_history_of_one_loss_per_epoch(kata, seed):
    _runs(kata, [5e-4, 1e-5, 1e-6], seed)


def test_every_run_starts_from_a_fresh_copy_of_the_same_seeded_model(kata, seed):
    # 5e-4 comes first: a model reused after it has diverged carries its huge weights into the next run.
    runs = _runs(kata, [5e-4, 1e-5, 1e-6], seed)
    start = oracle.loss64(*data.params(seed))
    wrong = [lr for lr, losses in runs.items() if not math.isclose(losses[0], start, rel_tol=1e-4)]
    if wrong:
        _fail(f"compare_learning_rates(inputs, targets, [0.0005, 1e-05, 1e-06], {EPOCHS}, seed={seed}): the run at lr "
              f"{wrong[0]:g} starts from loss {runs[wrong[0]][0]:.6g}, but the seeded model's loss is {start:.6g}.",
              runs, seed, "Every run starts from the model the seed makes, before any update.")


def test_a_learning_rate_of_1e_5_lowers_the_loss_every_epoch(kata, seed):
    runs = _runs(kata, [1e-5], seed)
    losses = runs[1e-5]
    rises = [epoch for epoch in range(1, EPOCHS) if not losses[epoch] < losses[epoch - 1]]
    if rises:
        e = rises[0]
        _fail(f"compare_learning_rates(inputs, targets, [1e-05], {EPOCHS}, seed={seed}): at lr 1e-5 the loss went "
              f"from {losses[e - 1]:.6g} (epoch {e}) to {losses[e]:.6g} (epoch {e + 1}); at this learning rate it "
              "falls every epoch.", runs, seed, "Each epoch: the loss of the current model, its gradients, one step "
                                                "of every parameter against them, and fresh gradients next time.")


def test_a_learning_rate_of_1e_6_makes_slower_progress_than_1e_5(kata, seed):
    runs = _runs(kata, [1e-6, 1e-5], seed)
    slow, steady = runs[1e-6], runs[1e-5]
    if not slow[-1] < slow[0]:
        _fail(f"compare_learning_rates(inputs, targets, [1e-06, 1e-05], {EPOCHS}, seed={seed}): at lr 1e-6 the loss "
              f"went from {slow[0]:.6g} to {slow[-1]:.6g}; a small learning rate still lowers it, only slowly.",
              runs, seed, "Does every step go against the gradient?")
    elif not slow[-1] > steady[-1]:
        _fail(f"compare_learning_rates(inputs, targets, [1e-06, 1e-05], {EPOCHS}, seed={seed}): after {EPOCHS} epochs "
              f"the loss is {slow[-1]:.6g} at lr 1e-6 and {steady[-1]:.6g} at lr 1e-5; the smaller learning rate "
              "takes smaller steps, so it should still be higher.", runs, seed,
              "Does each run step with its own learning rate?")


def test_a_learning_rate_of_5e_4_makes_the_loss_blow_up(kata, seed):
    runs = _runs(kata, [5e-4], seed, epochs=DIVERGE_EPOCHS)
    losses = runs[5e-4]
    last = losses[-1]
    if math.isfinite(last) and last <= 1e6 * losses[0]:
        _fail(f"compare_learning_rates(inputs, targets, [0.0005], {DIVERGE_EPOCHS}, seed={seed}): at lr 5e-4 the loss "
              f"went from {losses[0]:.6g} to {last:.6g}; with this unnormalised data every step overshoots, and the "
              "loss should grow to inf within about 20 epochs.", runs, seed,
              "Does this run step with lr 5e-4, against the gradient?", epochs=DIVERGE_EPOCHS)


def test_every_parameter_is_updated_on_data_of_a_few_units(kata, seed):
    inputs, targets = _few_units(seed)
    runs = _runs(kata, [FEW_UNITS_LR], seed, inputs=inputs, targets=targets)
    expected = _replay(inputs, targets, seed, FEW_UNITS_LR, EPOCHS)
    epoch = next((k for k, (got, want) in enumerate(zip(runs[FEW_UNITS_LR], expected, strict=True))
                  if not math.isclose(got, want, rel_tol=1e-4)), None)
    if epoch is not None:
        _fail(f"compare_learning_rates(inputs, targets, [{FEW_UNITS_LR}], {EPOCHS}, seed={seed}) on inputs and targets "
              f"of a few units (where the biases matter as much as the weights): the loss before epoch {epoch + 1} is "
              f"{runs[FEW_UNITS_LR][epoch]:.6g}; plain gradient descent from the seeded model gives {expected[epoch]:.6g}.",
              runs, seed, "Each epoch, every parameter, w and b, moves by lr × its own gradient, against it.",
              inputs=inputs, targets=targets)


def test_the_1e_5_history_matches_a_float64_gradient_descent(kata, seed):
    runs = _runs(kata, [1e-5], seed)
    expected = _replay(data.inputs(), data.targets(), seed, 1e-5, EPOCHS)
    # float32 against float64 differs by under 1e-6 (relative) over these epochs
    epoch = next((k for k, (got, want) in enumerate(zip(runs[1e-5], expected, strict=True))
                  if not math.isclose(got, want, rel_tol=1e-4)), None)
    if epoch is not None:
        _fail(f"compare_learning_rates(inputs, targets, [1e-05], {EPOCHS}, seed={seed}): the loss before epoch "
              f"{epoch + 1} is {runs[1e-5][epoch]:.6g}; plain gradient descent from the seeded model gives "
              f"{expected[epoch]:.6g}.", runs, seed,
              "Record the loss of the current model before each update (the mean of the squared differences), then "
              "move every parameter by lr × its gradient, against it.")


# The written half: katas/q22_learning_rate.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("The learning rate multiplies the gradient in the update `w -= lr * w.grad`, so it sets how far "
                     "each step goes.", "what the learning rate is"),
        written.false("The learning rate is how fast the loss falls per epoch, measured during training.",
                      "what the learning rate is"),
        written.true("Changing the learning rate (a positive number) changes how far each weight moves, not which way.",
                     "what the learning rate changes about a step"),
        written.false("A larger learning rate always trains faster, because every step goes further.",
                      "what too large a learning rate does"),
        written.true("With too small a learning rate the loss still falls, but slowly, so training needs many more "
                     "epochs.", "what too small a learning rate does"),
        written.false("The smaller the learning rate, the better: a tiny learning rate cannot hurt training.",
                      "what too small a learning rate does"),
        written.true("With too large a learning rate the steps overshoot, and the loss can grow from epoch to epoch "
                     "instead of falling.", "what too large a learning rate does"),
        written.false("Too large a learning rate only makes training less precise: the loss still falls, just more "
                      "roughly.", "what too large a learning rate does"),
        written.true("The lesson's 1e-5 suits the crop data, whose inputs are in the tens and hundreds; data on another "
                     "scale can need a very different learning rate.", "whether one learning rate suits all data"),
    ),
    blanks=(
        written.Blank("`w.grad` is 300 and the learning rate is 1e-5. By how much does `w -= lr * w.grad` change `w` "
                      "(with its sign)?",
                      accept=("-0.003", "falls by 0.003", "decreases by 0.003", "goes down by 0.003", "down by 0.003"),
                      reject=("0.003", "rises by 0.003", "-300", "300", "-0.0003", "-0.03", "1e-5", "299.99999"),
                      about="how far one step moves a weight", form="one number"),
        written.Blank("A learning rate far too large makes the loss grow to inf, and after that to what value?",
                      accept=("nan", "not a number"), reject=("0", "zero", "inf", "-inf", "infinity", "1e-5"),
                      about="where a diverging loss ends up", form="one word"),
    ),
    snippets=(
        written.Snippet("x = torch.tensor(4.0, requires_grad=True)\n(x ** 2).backward()\n"
                        "print([(x - lr * x.grad).item() for lr in (0.01, 0.25, 1.5)])",
                        about="one step from the same point with three learning rates",
                        nudge="The gradient of x² at x = 4 is the same for all three: how far does each learning rate "
                              "move x, and which one lands farther from 0 than it started?"),
        written.Snippet("x = torch.tensor(4.0, requires_grad=True)\nfor _ in range(3):\n    (x ** 2).backward()\n"
                        "    with torch.no_grad():\n        x -= 1.5 * x.grad\n        x.grad.zero_()\n"
                        "print(x.item())", about="three steps with a learning rate that is too large",
                        nudge="What does one step x - 1.5 × 2x do to x? Apply it three times."),
    ),
    ideas=(
        "the learning rate multiplies the gradient in each update: it sets the size of the step, not its direction",
        "too small: the loss falls, but slowly (many more epochs)",
        "too large: the steps overshoot and the loss grows, even to inf and then nan",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
