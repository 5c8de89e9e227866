"""Keep torch.optim's first use from importing torch._dynamo (1–3 s here, about as long as `import torch`).

Several Optimizer methods (__init__ via add_param_group, zero_grad, state_dict, …) are wrapped by
torch._disable_dynamo, which imports the whole torch.compile stack on first call only to mark them
"do not compile". These katas never compile, so we fill the wrapper's cache with the plain method: in
eager mode the result is the same. If a future torch changes the wrapper, this does nothing.

`SGD.step` imports torch._dynamo too (for a graph break). Every check runs in a fresh worker, so a learner
whose code calls opt.step() would pay that import in every run: `eager_sgd_step()` makes SGD.step the same
update written out (EagerSGD.step) for the plain options these katas use, and leaves any other option
(weight decay, dampening, Nesterov, a closure, differentiable) to torch's own step. The self-test proves
the two give the same numbers.
"""

import torch


def skip_dynamo_import() -> None:
    for attr in vars(torch.optim.Optimizer).values():
        code = getattr(attr, "__code__", None)
        if code is not None and code.co_qualname == "_disable_dynamo.<locals>.inner":
            attr.__wrapped__.__dynamo_disable = attr.__wrapped__


TORCH_SGD_STEP = torch.optim.SGD.step


def _sgd_step(self, closure=None):
    plain = closure is None and not any(
        g["weight_decay"] or g["dampening"] or g["nesterov"] or g.get("differentiable") for g in self.param_groups)
    return EagerSGD.step(self) if plain else TORCH_SGD_STEP(self, closure)


def eager_sgd_step() -> None:
    step = torch.optim.SGD.step
    if step is not _sgd_step and getattr(step, "__wrapped__", None) is not _sgd_step:  # (or torch's hooked copy)
        torch.optim.SGD.step = _sgd_step


class EagerSGD(torch.optim.SGD):
    """torch.optim.SGD (with optional momentum) whose step() is written out by hand: the same numbers,
    without the torch._dynamo import that the real step() pays on its first call. For the tests' own
    optimizers, and to take one step with a learner's SGD: `EagerSGD.step(opt)`."""

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            assert not (group["weight_decay"] or group["dampening"] or group["nesterov"]), (
                "this SGD sets weight_decay, dampening or nesterov; the lesson's SGD uses none of them")
            sign = 1 if group.get("maximize") else -1
            for p in group["params"]:
                if p.grad is None:
                    continue
                change = p.grad
                if group["momentum"]:
                    buf = self.state[p].get("momentum_buffer")
                    buf = change.clone() if buf is None else buf.mul_(group["momentum"]).add_(change)
                    self.state[p]["momentum_buffer"] = change = buf
                p.add_(change, alpha=sign * group["lr"])
