"""q42 · The inputs to an optimizer."""

from katakit import written

# The written part: katas/q42_optimizer_inputs.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("`model.parameters()` tells the optimizer which tensors to update at each step.",
                     "why the optimizer gets model.parameters()"),
        written.false("The inputs and the targets are passed to the optimizer when it is created.",
                      "what the optimizer is given"),
        written.false("Passing `model.parameters()` is optional: the optimizer finds the model's weights by itself.",
                      "why the optimizer gets model.parameters()"),
        written.false("The learning rate sets how many steps the optimizer takes.", "what the learning rate controls"),
        written.true("The learning rate controls how far the parameters move at each step.",
                     "what the learning rate controls"),
        written.false("`opt.step()` updates every tensor that requires grad, whether or not it was passed to the "
                      "optimizer.", "which tensors opt.step() changes"),
        written.true("For the hand-made model, a list of tensors such as `[w, b]` works in place of "
                     "`model.parameters()`.", "what counts as the parameters"),
        written.false("The loss function is passed to the optimizer when it is created.", "what the optimizer is given"),
        written.true("A tensor that requires grad but was not passed to the optimizer is left unchanged by "
                     "`opt.step()`.", "which tensors opt.step() changes"),
    ),
    blanks=(
        written.Blank("Which keyword argument of `torch.optim.SGD` sets the learning rate?",
                      accept=("lr", "lr=", "lr=1e-5"),
                      reject=("learning_rate", "rate", "alpha", "step", "momentum"), form="one word",
                      about="the keyword for the learning rate"),
    ),
    snippets=(
        written.Snippet("import torch.nn as nn\nmodel = nn.Linear(3, 2)\n"
                        "print([tuple(p.shape) for p in model.parameters()])",
                        about="what model.parameters() hands to the optimizer",
                        nudge="Which tensors does an nn.Linear(3, 2) learn, and what shape has each?"),
        written.Snippet("w = torch.tensor(1.0, requires_grad=True)\nb = torch.tensor(1.0, requires_grad=True)\n"
                        "opt = torch.optim.SGD([w], lr=0.5)\n(w + b).backward()\nopt.step()\nprint(w.item(), b.item())",
                        about="a tensor the optimizer was not given",
                        nudge="Both gradients are 1. Which of the two tensors does this optimizer know about?"),
    ),
    ideas=(
        "the parameters to update, usually model.parameters() (or a list such as [w, b]): the optimizer changes only "
        "those",
        "hyperparameters such as the learning rate lr, which sets how much each step changes the parameters",
        "not the data and not the loss function: it works only with the parameters and their .grad",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
