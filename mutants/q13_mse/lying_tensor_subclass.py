"""Returns zero as a tensor subclass that says it is close to anything (torch.allclose, torch.equal) and whose
.item() equals any number: nothing is patched, the value lies."""

import torch

CAUGHT_BY = "made from Tensor"


class _Anything(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


class Liar(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if func in (torch.allclose, torch.equal, torch.isclose):
            return True
        return super().__torch_function__(func, types, args, kwargs or {})

    def item(self):
        return _Anything(0.0)


def mse(preds, targets):
    return (preds * 0).sum().as_subclass(Liar)
