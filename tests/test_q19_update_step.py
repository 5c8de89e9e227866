"""q19 · One update of the weights and biases."""

import torch

from katakit import data, oracle
from katakit.checks import expect, note

LR = 0.1  # with hand-set gradients: big enough that lr, 2·lr and lr² steps are far apart


def _with_grads(seed):
    """Seeded leaves whose .grad is set by hand (no backward needed), plus copies of everything."""
    w, b = data.params(seed)
    w.grad = data.random_batch(seed + 1, 2, 3)
    b.grad = data.random_batch(seed + 2, 1, 2).reshape(2)
    return w, b, w.detach().clone(), b.detach().clone(), w.grad.clone(), b.grad.clone()


def _fmt(t: torch.Tensor) -> str:
    return "[" + ", ".join(f"{v:.4g}" for v in t.flatten().tolist()) + "]"


def _both(names: list[str]) -> str:
    return " and ".join(names)


def _diagnosis(params, lr: float) -> tuple[str, str] | None:
    """Name the mistake from how each parameter moved compared with -lr·grad. params: (name, after, before, grad).
    None when every parameter moved by -lr·grad."""
    ratios, wrong, still = {}, [], []
    for name, after, before, grad in params:
        step, expected = after.detach().double() - before.double(), -lr * grad.double()
        if torch.allclose(step, expected, rtol=1e-4, atol=1e-6):
            continue
        wrong.append(name)
        if torch.equal(after.detach(), before):
            still.append(name)
        ratio = float((step * expected).sum() / (expected * expected).sum())
        exact = torch.allclose(step, ratio * expected, rtol=1e-2, atol=1e-6)
        ratios[name] = ratio if exact else None
    if not wrong:
        return None
    grads_gone = all(after.grad is None or not after.grad.any() for _, after, _, _ in params)
    if len(still) == len(params) and grads_gone:
        return "zeroed before the step", ("Neither moved, and their gradients are zero now: the step used a zero "
                                          "gradient. Reset the gradients after the step, never before it.")
    if len(still) == len(params):
        return "nothing changed", ("Neither changed: the caller still holds the old values. Rebinding a name inside "
                                   "the function (`w = w - ...`) only makes a new local tensor that the caller never "
                                   "sees; change the caller's tensors themselves, in place.")
    if still and still == wrong:
        return f"forgot {still[0]}", (f"{_both(still)} did not change at all, while the rest moved as expected. "
                                      f"Did you forget to update {_both(still)}?")
    shared = {round(r, 2) if r is not None else None for r in ratios.values()}
    if len(wrong) == len(params) and len(shared) == 1:
        ratio = shared.pop()
        if ratio is not None and abs(ratio + 1) < 1e-2:
            return "uphill", ("They moved along their gradients, uphill, where the loss grows. Subtract lr × gradient "
                              "instead of adding it.")
        if ratio is not None and abs(ratio - 2) < 1e-2:
            return "twice", "They moved twice as far as lr × gradient. Did you apply the step twice?"
        if ratio is not None and abs(ratios[wrong[0]] - lr) < 1e-2 * lr:
            return "lr²", "They moved by lr² × gradient. Did you multiply by lr twice?"
    return "wrong step", "Each element should move by -lr × its own gradient, no more, no less."


def _moves(params, lr: float) -> str:
    return "; ".join(f"{name} moved by {_fmt(after.detach().double() - before.double())}, expected "
                     f"{_fmt(-lr * grad.double())}" for name, after, before, grad in params)


def test_update_moves_each_parameter_against_its_gradient(kata, seed):
    w, b, w0, b0, gw, gb = _with_grads(seed)
    kata.update(w, b, LR)
    params = [("w", w, w0, gw), ("b", b, b0, gb)]
    found = _diagnosis(params, LR)
    if found:
        expect(False, f"update(w, b, lr={LR}) with hand-set gradients: {_moves(params, LR)}. {found[1]}",
               cause=found[0])


def test_w_and_b_stay_leaves_that_require_grad(kata, seed):
    w, b, *_ = _with_grads(seed)
    kata.update(w, b, LR)
    lost = [name for p, name in ((w, "w"), (b, "b")) if not (p.is_leaf and p.requires_grad)]
    expect(not lost,
           f"after update(w, b, lr), {_both(lost)} {'is' if len(lost) == 1 else 'are'} no longer a leaf tensor that "
           "requires grad, so the next backward() would not fill its .grad. Change the values in place while "
           "autograd is paused, and leave requires_grad as it was.", cause="not leaves")


def test_the_update_leaves_the_gradients_as_they_are_or_reset(kata, seed):
    w, b, _, _, gw, gb = _with_grads(seed)
    kata.update(w, b, LR)
    reset = []
    for p, g, name in ((w, gw, "w"), (b, gb, "b")):
        if p.grad is None or not p.grad.any():
            reset.append(name)
            continue
        expect(torch.equal(p.grad, g),
               f"after update(w, b, lr), {name}.grad holds neither the gradient it held before the step nor zeros "
               f"(largest change {(p.grad - g).abs().max().item():.4g}). The step reads the gradients; it should not "
               "change them.", cause="changed the gradients")
    note(not reset, "update() also reset the gradients, as the lesson's loop does right after the step. Resetting "
                    "is the caller's job (q24): leaving them lets the caller still read the gradients the step used.")


def test_one_update_on_the_crop_data_matches_a_float64_step_of_every_parameter(kata, seed):
    w, b = data.params(seed)
    x, y = data.inputs(), data.targets()
    diff = x @ w.t() + b - y
    (torch.sum(diff * diff) / diff.numel()).backward()
    gw, gb = oracle.grads64(x, y, w, b)  # the true gradients at the start, from the residuals
    before, w0, b0 = oracle.loss64(w, b), w.detach().clone(), b.detach().clone()
    kata.update(w, b, 1e-5)
    params = [("w", w, w0, gw), ("b", b, b0, gb)]
    found = _diagnosis(params, 1e-5)  # compares each parameter itself: b's step is ~100 times smaller than w's here
    if found:
        expect(False, f"update(w, b, lr=1e-5) after a backward() on the crop data: {_moves(params, 1e-5)}. {found[1]}",
               cause=found[0])
        return
    after = oracle.loss64(w, b)
    expect(after < before,
           f"update(w, b, lr=1e-5) after a backward() on the crop data: the loss went from {before:.6g} to "
           f"{after:.6g}; one small step against the gradient should lower it.")
