"""q38 · torch.nn.functional."""

from katakit import written

# The written part: katas/q38_functional.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.false("`nn.MSELoss()(preds, targets)` gives a different value from `F.mse_loss(preds, targets)`.",
                      "the loss as a class and as a function"),
        written.false("`F.mse_loss` returns the sum of the squared differences, not their mean.",
                      "what F.mse_loss computes"),
        written.false("Everything in `torch.nn.functional` is a class that you create first and then call, as with "
                      "`nn.Linear`.", "what torch.nn.functional holds"),
        written.true("Functions in `torch.nn.functional` keep no weights of their own: `F.linear(x, w, b)` uses the "
                     "`w` and `b` you pass, while an `nn.Linear` layer creates and keeps its own.",
                     "what a function of torch.nn.functional keeps"),
        written.false("Calling a function from `torch.nn.functional` creates weights that it keeps and updates from "
                      "call to call, as an `nn` layer does.", "what a function of torch.nn.functional keeps"),
        written.true("`F.mse_loss(preds, targets)` computes the same mean squared error as the hand-written `mse` of "
                     "the lesson.", "what F.mse_loss computes"),
        written.true("`torch.nn.functional` holds ready-made loss functions, such as `F.mse_loss`, and other "
                     "utilities, such as activation functions.", "what torch.nn.functional holds"),
        written.true("With `F.mse_loss` as the loss, `loss.backward()` computes the gradients of the weights just as "
                     "with the hand-written loss.", "gradients through F.mse_loss"),
    ),
    blanks=(
        written.Blank("`F.mse_loss(torch.tensor([2.0, 4.0]), torch.tensor([2.0, 0.0]))`: what number does it return?",
                      accept=("8", "8.0", "tensor(8.)"), reject=("16", "4", "2", "2.83", "0"), form="one number",
                      about="the value F.mse_loss returns"),
    ),
    snippets=(
        written.Snippet("import torch.nn as nn\nimport torch.nn.functional as F\n"
                        "preds = torch.tensor([1.0, 2.0, 3.0])\ntargets = torch.tensor([1.0, 2.0, 6.0])\n"
                        "print(nn.MSELoss()(preds, targets).item(), F.mse_loss(preds, targets).item())",
                        about="nn.MSELoss and F.mse_loss on three numbers",
                        nudge="Square each difference and take the mean. Does the class compute anything else?"),
        written.Snippet("import torch.nn as nn\nimport torch.nn.functional as F\nlayer = nn.Linear(3, 2)\n"
                        "x = torch.ones(4, 3)\nprint(torch.equal(layer(x), F.linear(x, layer.weight, layer.bias)))",
                        about="an nn.Linear layer and F.linear given that layer's weight and bias",
                        nudge="The layer keeps a weight and a bias; F.linear keeps none. What if F.linear is handed "
                              "the layer's own?"),
    ),
    ideas=(
        "it is a module of ready-made utility functions, imported as F",
        "it holds loss functions such as F.mse_loss, and other utilities such as activation functions",
        "its functions keep no state: you pass them everything (F.linear(x, w, b)), while nn layers keep their "
        "parameters; nn.MSELoss and F.mse_loss give the same value",
        "the lesson uses F.mse_loss instead of the hand-written mean squared error",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
