"""q43 · Creating an optimizer."""

import torch
import torch.nn.functional as F

from katakit import data, describe, oracle
from katakit.checks import KataFailure, expect, expect_close, require, says
from katakit.loader import LAST_CALL
from katakit.quick_optim import EagerSGD

GIVEN_LR = 0.02  # an lr far from the default, to see whether the argument reaches the optimizer


def _make(kata, *args, **kwargs) -> torch.optim.Optimizer:
    """Call make_optimizer; hard precondition: it returns an optimizer. Names the classic TypeError."""
    __tracebackhide__ = True
    try:
        opt = kata.make_optimizer(*args, **kwargs)
    except TypeError as err:
        if "'method' object is not iterable" not in str(err):
            raise
        raise KataFailure(
            f"{LAST_CALL[0]} raised TypeError: {err}: the optimizer was given a method, not the tensors it hands "
            "out. Did you pass model.parameters without parentheses?", cause="a method, not its tensors") from None
    require(isinstance(opt, torch.optim.Optimizer),
            f"{LAST_CALL[0]} returned {describe.value(opt)} ({type(opt).__name__}); expected an optimizer from "
            "torch.optim. Create it and return it.", cause="not an optimizer")
    return opt


def _require_sgd(opt: torch.optim.Optimizer, called: str) -> None:
    __tracebackhide__ = True
    require(isinstance(opt, torch.optim.SGD),
            f"{called} returned a torch.optim.{type(opt).__name__}; expected torch.optim.SGD. {type(opt).__name__} "
            "takes a different step; the lesson's optimizer is plain stochastic gradient descent, p -= lr * p.grad.",
            cause="not SGD")


def _lrs(opt: torch.optim.Optimizer) -> list[float]:
    return [group["lr"] for group in opt.param_groups]


def _shown(lrs: list[float]):
    return lrs[0] if len(set(lrs)) == 1 else lrs


def _lr_mistake(kata, seed) -> tuple[str, str] | None:
    """(message, cause) for what make_optimizer does with lr, seen with and without an lr argument; None if right."""
    default = _lrs(_make(kata, data.linear_model(seed)))
    given = _lrs(_make(kata, data.linear_model(seed), lr=GIVEN_LR))
    if any(lr != GIVEN_LR for lr in given):
        return (f"make_optimizer(Linear, lr={GIVEN_LR}) returned an optimizer with lr {_shown(given)}, and "
                f"make_optimizer(Linear) one with lr {_shown(default)}: the lr you give never reaches the optimizer. "
                "Did you hard-code the learning rate?", "lr ignored")
    if any(lr != 1e-5 for lr in default):
        return (f"make_optimizer(Linear) returned an optimizer with lr {_shown(default)}; without an lr argument, "
                "expected the default 1e-5, the lesson's learning rate (given an lr, it does use it). Which default "
                "does your signature give lr?", "wrong default lr")
    return None


def _held_mistake(opt: torch.optim.Optimizer, model, called: str) -> tuple[str, str] | None:
    """(message, cause) when the optimizer does not hold exactly the model's own parameters; None if it does."""
    held = [p for group in opt.param_groups for p in group["params"]]
    strangers = [tuple(p.shape) for p in held if not any(p is q for q in model.parameters())]
    missing = [name for name, param in model.named_parameters() if not any(p is param for p in held)]
    if strangers:
        return (f"{called} returned an optimizer holding tensors of shapes {strangers} that are not this model's "
                "parameters (a copy, or another model's?). opt.step() would train those and leave the model you "
                "were given unchanged. Are they the parameters of the model you were given?", "not this model's")
    if missing:
        return (f"{called} returned an optimizer that holds only some of the model's parameters: "
                f"{' and '.join('model.' + name for name in missing)} is missing, so opt.step() would never train "
                "it. Which method of the model hands out every one of its parameters?", "some parameters missing")
    return None


def _numbers(t: torch.Tensor) -> str:
    return "[" + ", ".join(f"{v:.4g}" for v in t.flatten().tolist()) + "]"


@says("make_optimizer returns a torch.optim.SGD")
def test_make_optimizer_returns_a_torch_optim_sgd(kata, seed):
    _require_sgd(_make(kata, data.linear_model(seed)), LAST_CALL[0])


def test_make_optimizer_holds_every_parameter_of_the_model(kata, seed):
    model = data.linear_model(seed)
    mistake = _held_mistake(_make(kata, model), model, LAST_CALL[0])
    if mistake:
        expect(False, *mistake)


@says("make_optimizer uses the lesson's learning rate by default")
def test_make_optimizer_uses_the_lessons_learning_rate_by_default(kata, seed):
    lrs = _lrs(_make(kata, data.linear_model(seed)))
    if any(lr != 1e-5 for lr in lrs):
        expect(False, *(_lr_mistake(kata, seed) or (f"{LAST_CALL[0]} returned an optimizer with lr {_shown(lrs)}; "
                                                    "expected the default 1e-5.", "wrong default lr")))


def test_make_optimizer_uses_the_learning_rate_it_is_given(kata, seed):
    for args, kwargs, lr in [((3e-4,), {}, 3e-4), ((), {"lr": GIVEN_LR}, GIVEN_LR)]:
        lrs = _lrs(_make(kata, data.linear_model(seed), *args, **kwargs))
        if any(got != lr for got in lrs):
            expect(False, *(_lr_mistake(kata, seed) or (f"{LAST_CALL[0]} returned an optimizer with lr "
                                                        f"{_shown(lrs)}; expected {lr:g}.", "lr ignored")))


@says("one step moves each parameter by -lr × its gradient")
def test_one_step_moves_each_parameter_by_minus_lr_times_its_gradient(kata, seed):
    model, lr = data.linear_model(seed), 1e-4
    x, y = data.inputs(), data.targets()
    opt = _make(kata, model, lr=lr)
    called = LAST_CALL[0]
    _require_sgd(opt, called)
    mistake = _held_mistake(opt, model, called) or (
        _lr_mistake(kata, seed) if any(got != lr for got in _lrs(opt)) else None)
    if mistake:
        expect(False, *mistake)
        return
    grad_w, grad_b = oracle.grads64(x, y, model.weight, model.bias)  # signs come from this start's residuals
    weight_before, bias_before = model.weight.detach().clone(), model.bias.detach().clone()
    F.mse_loss(model(x), y).backward()
    EagerSGD.step(opt)  # torch.optim.SGD's own step, written out (its first real call imports torch._dynamo: seconds)
    for name, before, grad in [("weight", weight_before, grad_w), ("bias", bias_before, grad_b)]:
        after = getattr(model, name).detach()
        expect_close(after.double() - before.double(), -lr * grad, what=f"the change of model.{name}",
                     called=f"{called}, then loss.backward() and opt.step()", rtol=1e-3, atol=1e-7,
                     nudge=f"One SGD step moves every parameter by -lr · its gradient; model.{name}'s gradient was "
                           f"{_numbers(grad)}.")
