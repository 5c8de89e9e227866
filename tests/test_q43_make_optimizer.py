"""q43 · Creating an optimizer."""

import torch
import torch.nn.functional as F

from katakit import data, describe, oracle
from katakit.checks import expect, expect_close
from katakit.loader import LAST_CALL
from katakit.quick_optim import EagerSGD


def _make(kata, *args, **kwargs) -> torch.optim.Optimizer:
    """Call make_optimizer; hard precondition: it returns an optimizer. Names the classic TypeError."""
    try:
        opt = kata.make_optimizer(*args, **kwargs)
    except TypeError as err:
        if "'method' object is not iterable" not in str(err):
            raise
        raise AssertionError(
            f"{LAST_CALL[0]} raised TypeError: {err}. You passed `model.parameters` without parentheses: "
            "it is a method. Call it, `model.parameters()`, to hand the optimizer the tensors.") from None
    assert isinstance(opt, torch.optim.Optimizer), (
        f"{LAST_CALL[0]} returned {describe.value(opt)} ({type(opt).__name__}); expected an optimizer "
        "from torch.optim. Create it and return it.")
    return opt


def _numbers(t: torch.Tensor) -> str:
    return "[" + ", ".join(f"{v:.4g}" for v in t.flatten().tolist()) + "]"


def _held(opt: torch.optim.Optimizer) -> list[torch.Tensor]:
    return [p for group in opt.param_groups for p in group["params"]]


def test_make_optimizer_returns_a_torch_optim_sgd(kata, seed):
    opt = _make(kata, data.linear_model(seed))
    expect(isinstance(opt, torch.optim.SGD),
           f"{LAST_CALL[0]} returned a torch.optim.{type(opt).__name__}; expected torch.optim.SGD. "
           f"{type(opt).__name__} takes a different step; the lesson's optimizer is plain stochastic "
           "gradient descent, p -= lr * p.grad.")


def test_make_optimizer_holds_every_parameter_of_the_model(kata, seed):
    model = data.linear_model(seed)
    held = _held(_make(kata, model))
    missing = [name for name, param in model.named_parameters() if not any(p is param for p in held)]
    strangers = [tuple(p.shape) for p in held if not any(p is q for q in model.parameters())]
    if strangers:
        expect(False, f"{LAST_CALL[0]} returned an optimizer holding tensors of shapes {strangers} that are not "
                      "this model's parameters (a copy, or another model?). opt.step() would train those and "
                      "leave the model you were given unchanged. Pass this model's own model.parameters().")
    elif missing:
        expect(False, f"{LAST_CALL[0]} returned an optimizer that holds only some of the model's parameters: "
                      f"{' and '.join('model.' + name for name in missing)} is missing, so opt.step() would never "
                      "train it. Pass model.parameters(), which gives the weight and the bias.")


def test_make_optimizer_uses_the_lessons_learning_rate_by_default(kata, seed):
    opt = _make(kata, data.linear_model(seed))
    lrs = [group["lr"] for group in opt.param_groups]
    expect(all(lr == 1e-5 for lr in lrs),
           f"{LAST_CALL[0]} returned an optimizer with lr {lrs[0] if len(set(lrs)) == 1 else lrs}; without an lr "
           "argument, expected the default 1e-5. Pass the lr argument on to the optimizer (do not hard-code it).")


def test_make_optimizer_uses_the_learning_rate_it_is_given(kata, seed):
    for args, kwargs, lr in [((3e-4,), {}, 3e-4), ((), {"lr": 0.02}, 0.02)]:
        opt = _make(kata, data.linear_model(seed), *args, **kwargs)
        lrs = [group["lr"] for group in opt.param_groups]
        expect(all(got == lr for got in lrs),
               f"{LAST_CALL[0]} returned an optimizer with lr {lrs[0] if len(set(lrs)) == 1 else lrs}; expected "
               f"{lr:g}. Did you hard-code the learning rate? Pass the lr argument on: lr=lr.")


def test_one_step_moves_each_parameter_by_minus_lr_times_its_gradient(kata, seed):
    model, lr = data.linear_model(seed), 1e-4
    x, y = data.inputs(), data.targets()
    opt = _make(kata, model, lr=lr)
    grad_w, grad_b = oracle.grads64(x, y, model.weight, model.bias)  # signs come from this start's residuals
    weight_before, bias_before = model.weight.detach().clone(), model.bias.detach().clone()
    F.mse_loss(model(x), y).backward()
    EagerSGD.step(opt)  # torch.optim.SGD's own step, written out (its first real call imports torch._dynamo: seconds)
    for name, before, grad in [("weight", weight_before, grad_w), ("bias", bias_before, grad_b)]:
        after = getattr(model, name).detach()
        if torch.equal(after, before):
            expect(False, f"{LAST_CALL[0]}, then loss.backward() and opt.step(): model.{name} did not move at "
                          f"all, although its gradient was {_numbers(grad)}. Does the optimizer hold this "
                          f"model's {name}?")
            continue
        expect_close(after.double() - before.double(), -lr * grad, what=f"the change of model.{name}",
                     called=f"{LAST_CALL[0]}, then loss.backward() and opt.step()", rtol=1e-3, atol=1e-7,
                     nudge="One SGD step moves every parameter by -lr · its gradient. Is it torch.optim.SGD, "
                           "with the lr you were given?")
