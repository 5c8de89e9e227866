"""Never steps: swaps the class of w and b to a tensor subclass of its own, which could redefine what comparing
them means (here it only stands for such a class)."""

import torch

CAUGHT_BY = "changed the class of a tensor it was given"


class Stepped(torch.Tensor):
    pass


def update(w, b, lr):
    w.__class__ = Stepped
    b.__class__ = Stepped
