"""q30 · torch.nn."""

from katakit import written

KEY = written.Key(
    statements=(
        written.true("`torch.nn` is the PyTorch package of building blocks for neural networks, such as layers and "
                     "loss functions.", "what torch.nn is"),
        written.false("`torch.nn` is itself a ready-trained neural network that you call on your data.",
                      "what torch.nn is"),
        written.true("`nn.Linear(3, 2)` creates and initialises its own weights and biases, so you do not create `w` "
                     "and `b` by hand.", "what nn.Linear creates"),
        written.false("`nn.Linear(3, 2).weight` has shape (3, 2).", "the shape of nn.Linear's weight"),
        written.false("The weight of an `nn.Linear` layer has to be switched to `requires_grad=True` by hand before "
                      "training.", "whether nn.Linear's parameters require grad"),
        written.true("`model.parameters()` of an `nn.Linear` model gives its weight and its bias, ready to hand to an "
                     "optimizer.", "what model.parameters() gives"),
        written.true("`torch.nn.functional`, a part of `torch.nn`, provides loss functions such as `F.mse_loss`.",
                     "where the loss functions are"),
        written.false("`torch.nn` only provides layers: a loss such as the mean squared error has to be written by "
                      "hand.", "where the loss functions are"),
    ),
    blanks=(
        written.Blank("How many tensors does `list(nn.Linear(3, 2).parameters())` hold?", accept=("2",),
                      reject=("8", "6", "1", "3", "5"), about="the parameters of nn.Linear(3, 2)"),
    ),
    snippets=(
        written.Snippet("import torch.nn as nn\nmodel = nn.Linear(3, 2)\n"
                        "print(tuple(model.weight.shape), tuple(model.bias.shape))",
                        about="the shapes of nn.Linear's weight and bias",
                        nudge="Like the lesson's w: one row per output, one column per input. And one bias per what?"),
        written.Snippet("import torch.nn as nn\nmodel = nn.Linear(3, 2)\nprint(model(torch.ones(5, 3)).shape)",
                        about="calling an nn.Linear model on a batch",
                        nudge="The model computes x @ weight.t() + bias: one row per sample, one column per what?"),
    ),
    ideas=(
        "torch.nn is PyTorch's package of building blocks for neural networks",
        "ready-made layers such as nn.Linear create and initialise their own weights and biases",
        "loss functions (in torch.nn.functional, e.g. F.mse_loss) and model.parameters() for the optimizer",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
