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
