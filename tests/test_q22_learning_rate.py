"""q22 · The learning rate: too small, right, too large."""

import math

import pytest

from katakit import data, oracle
from katakit.checks import expect, expect_history
from katakit.written import check_concepts, check_length

# Measured on the 5-row crop data, float32, seeds 0..49 (loss after the last epoch / loss at the start):
#   10 epochs at 1e-6: 0.72–0.85 (slow);  at 1e-5: 0.03–0.43, falling every single epoch (steady);
#   at 5e-4 the loss is 1e19 or more after 10 epochs and first reaches inf at epoch 20 or 21 (diverges).
EPOCHS = 10
DIVERGE_EPOCHS = 25


def _runs(kata, lrs, seed, epochs=EPOCHS):
    runs = kata.compare_learning_rates(data.inputs(), data.targets(), lrs, epochs, seed)
    assert isinstance(runs, dict), (
        f"compare_learning_rates(inputs, targets, {lrs}, {epochs}, seed={seed}) returned "
        f"{type(runs).__name__}; expected a dict {{lr: [losses]}}, one entry per learning rate.")
    assert sorted(runs) == sorted(lrs), (
        f"compare_learning_rates(inputs, targets, {lrs}, {epochs}, seed={seed}) returned the keys "
        f"{sorted(runs)}; expected one key per learning rate: {sorted(lrs)}. Use each lr itself as its key.")
    for lr in lrs:
        expect_history(runs[lr], epochs, what=f"loss (lr {lr:g})")
    return runs


def test_every_learning_rate_gets_a_history_of_one_loss_per_epoch(kata, seed):
    _runs(kata, [5e-4, 1e-5, 1e-6], seed)


def test_every_run_starts_from_a_fresh_copy_of_the_same_seeded_model(kata, seed):
    # 5e-4 comes first: a model reused after it has diverged carries its huge weights into the next run.
    runs = _runs(kata, [5e-4, 1e-5, 1e-6], seed)
    start = oracle.loss64(*data.params(seed))
    for lr, losses in runs.items():
        expect(math.isclose(losses[0], start, rel_tol=1e-4),
               f"compare_learning_rates(inputs, targets, [0.0005, 1e-05, 1e-06], {EPOCHS}, seed={seed}): the run "
               f"at lr {lr:g} starts from loss {losses[0]:.6g}, but the seeded model's loss is {start:.6g}. "
               "Did you create a fresh model for each learning rate? Re-create w and b from "
               "torch.Generator().manual_seed(seed) inside the loop over the lrs (w first, then b); "
               "a model that kept training, or that diverged, is not a fair start.")


def test_a_learning_rate_of_1e_5_lowers_the_loss_every_epoch(kata, seed):
    losses = _runs(kata, [1e-5], seed)[1e-5]
    for epoch, (before, after) in enumerate(zip(losses, losses[1:], strict=False), start=1):
        if not after < before:
            nudge = ("The very first step went uphill: do you step against the gradient (`w -= lr * w.grad`)?"
                     if epoch == 1 else
                     "It fell at first, then rose: do you reset the gradients after each update? Without a reset "
                     "each backward() adds to the old gradient and the steps keep growing.")
            expect(False, f"compare_learning_rates(inputs, targets, [1e-05], {EPOCHS}, seed={seed}): at lr 1e-5 "
                          f"the loss went from {before:.6g} (epoch {epoch}) to {after:.6g} (epoch {epoch + 1}); "
                          f"at this learning rate it falls every epoch. {nudge}")
            break


def test_a_learning_rate_of_1e_6_makes_slower_progress_than_1e_5(kata, seed):
    runs = _runs(kata, [1e-6, 1e-5], seed)
    slow, steady = runs[1e-6], runs[1e-5]
    expect(slow[-1] < slow[0],
           f"compare_learning_rates(inputs, targets, [1e-06, 1e-05], {EPOCHS}, seed={seed}): at lr 1e-6 the loss "
           f"went from {slow[0]:.6g} to {slow[-1]:.6g}; a small learning rate still lowers it, only slowly. "
           "Do you step against the gradient (`w -= lr * w.grad`)?")
    expect(slow[-1] > steady[-1],
           f"compare_learning_rates(inputs, targets, [1e-06, 1e-05], {EPOCHS}, seed={seed}): after {EPOCHS} epochs "
           f"the loss is {slow[-1]:.6g} at lr 1e-6 and {steady[-1]:.6g} at lr 1e-5; the smaller learning rate "
           "takes smaller steps, so it should still be higher. Is each run using its own lr?")


def test_a_learning_rate_of_5e_4_makes_the_loss_blow_up(kata, seed):
    losses = _runs(kata, [5e-4], seed, epochs=DIVERGE_EPOCHS)[5e-4]
    last = losses[-1]
    expect(not math.isfinite(last) or last > 1e6 * losses[0],
           f"compare_learning_rates(inputs, targets, [0.0005], {DIVERGE_EPOCHS}, seed={seed}): at lr 5e-4 the loss "
           f"went from {losses[0]:.6g} to {last:.6g}; with this unnormalised data every step overshoots, and the "
           "loss should grow to inf within about 20 epochs. Is each run using its own lr, and do you step "
           "against the gradient (`w -= lr * w.grad`)?")


def test_the_1e_5_history_matches_a_float64_gradient_descent(kata, seed):
    losses = _runs(kata, [1e-5], seed)[1e-5]
    inputs, targets = data.inputs(), data.targets()
    w, b = (p.detach().double() for p in data.params(seed))
    expected = []
    for _ in range(EPOCHS):
        expected.append(oracle.mse64(oracle.predict64(inputs, w, b), targets).item())
        grad_w, grad_b = oracle.grads64(inputs, targets, w, b)
        w, b = w - 1e-5 * grad_w, b - 1e-5 * grad_b
    # float32 against float64 differs by under 1e-6 (relative) over these epochs
    for epoch, (got, want) in enumerate(zip(losses, expected, strict=True), start=1):
        if not math.isclose(got, want, rel_tol=1e-4):
            expect(False, f"compare_learning_rates(inputs, targets, [1e-05], {EPOCHS}, seed={seed}): the loss "
                          f"before epoch {epoch} is {got:.6g}; plain gradient descent from the seeded model gives "
                          f"{want:.6g}. Record the loss before each update, with preds = inputs @ w.t() + b and "
                          "the mean of the squared differences; update w and b by exactly -lr * grad.")
            break


# The written half: katas/q22_learning_rate.md

RUBRIC = {
    "that the learning rate scales the step (it multiplies the gradient)": r"scal|multipl|size of (the|each) (step|update)|step size|how (big|large|far)|times the gradient|\* ?(w\.)?grad",
    "what happens when it is too small (slow progress)": r"slow|many (more )?(epochs|steps|iterations)|takes? (a )?long|tiny step|barely",
    "what happens when it is too large (overshoot, the loss grows or diverges)": r"overshoot|diverg|blow(s)? up|explod|inf\b|infinit|nan|jump(s)? (over|past)|grows|increas",
}


@pytest.mark.written
def test_the_written_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_written_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
