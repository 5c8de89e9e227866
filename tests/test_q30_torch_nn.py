"""q30 · torch.nn."""

from katakit import written

KEY = written.Key(
    statements=(
        written.false("A layer from `torch.nn` trains itself: calling the model on data also updates its weights.",
                      "what calling a torch.nn model does"),
        written.false("`torch.nn` is meant for deep networks; a linear regression model cannot be built from its "
                      "parts.", "what torch.nn is"),
        written.true("`model.parameters()` yields the model's own weight and bias tensors: changing them in place "
                     "changes the model.", "what model.parameters() gives"),
        written.false("With `torch.nn`, autograd is no longer involved: the layers compute their own gradients "
                      "instead of `loss.backward()`.", "where an nn model's gradients come from"),
        written.true("Calling an `nn` model only computes predictions; its weights change only when an update runs "
                     "after backward(), by hand or by an optimizer.", "what calling a torch.nn model does"),
        written.false("`model.parameters()` returns copies of the weights, so changing them in place leaves the model "
                      "as it was.", "what model.parameters() gives"),
        written.true("`torch.nn` is PyTorch's package of building blocks for neural networks: layers such as "
                     "`nn.Linear`, loss functions, and the functions in `torch.nn.functional`.", "what torch.nn is"),
        written.true("The parameters of an `nn.Linear` model get their gradients from `loss.backward()`, through "
                     "autograd, like the hand-made `w` and `b`.", "where an nn model's gradients come from"),
    ),
    blanks=(
        written.Blank("How many tensors does `list(nn.Linear(3, 2).parameters())` hold?",
                      accept=("2", "two", "2 tensors", "two tensors"), reject=("8", "6", "1", "3", "5"),
                      form="one number", about="the parameters of nn.Linear(3, 2)"),
    ),
    snippets=(
        written.Snippet("import torch.nn as nn\nmodel = nn.Linear(3, 2)\nbefore = model.weight.clone()\n"
                        "model(torch.ones(5, 3))\nprint(torch.equal(before, model.weight))",
                        about="what calling an nn.Linear model does to its weight",
                        nudge="Does computing predictions change the weight, or does that take an update?"),
        written.Snippet("import torch.nn as nn\nmodel = nn.Linear(1, 1)\nmodel(torch.ones(4, 1)).sum().backward()\n"
                        "print(model.weight.grad)", about="backward() through an nn.Linear model",
                        nudge="Each of the 4 outputs is weight * 1 + bias. What is the derivative of their sum "
                              "with respect to the weight, and who stores it?"),
    ),
    ideas=(
        "torch.nn is PyTorch's package of building blocks for neural networks: layers, loss functions, functional",
        "ready-made layers such as nn.Linear hold their own parameters; model.parameters() gives those very tensors",
        "calling a model only predicts: gradients still come from loss.backward() (autograd) and the weights change "
        "only in an update",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
