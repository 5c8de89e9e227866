"""Keep torch.optim's first use from importing torch._dynamo (2–3 s here, more than `import torch`).

Several Optimizer methods (__init__ via add_param_group, zero_grad, state_dict, …) are wrapped by
torch._disable_dynamo, which imports the whole torch.compile stack on first call only to mark them
"do not compile". These katas never compile, so we fill the wrapper's cache with the plain method: in
eager mode the result is the same. If a future torch changes the wrapper, this does nothing.
(`Optimizer.step` still imports torch._dynamo; the tests drive the optimizer without calling it.)
"""

import torch


def skip_dynamo_import() -> None:
    for attr in vars(torch.optim.Optimizer).values():
        code = getattr(attr, "__code__", None)
        if code is not None and code.co_qualname == "_disable_dynamo.<locals>.inner":
            attr.__wrapped__.__dynamo_disable = attr.__wrapped__


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
