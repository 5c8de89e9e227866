"""q38 · torch.nn.functional."""

from katakit import written

# The written part: katas/q38_functional.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("`torch.nn.functional` holds ready-made loss functions, such as `F.mse_loss`.",
                     "what torch.nn.functional holds"),
        written.false("`torch.nn.functional` has no loss functions: a loss always has to be written by hand.",
                      "what torch.nn.functional holds"),
        written.true("Besides loss functions, `torch.nn.functional` holds other utilities, such as activation "
                     "functions.", "what torch.nn.functional holds"),
        written.false("The `nn.Linear` class is defined in `torch.nn.functional`.",
                      "where the nn.Linear class lives"),
        written.true("`F.mse_loss(preds, targets)` computes the same mean squared error as the hand-written `mse` of "
                     "the lesson.", "what F.mse_loss computes"),
        written.false("`F.mse_loss` returns the sum of the squared differences, not their mean.",
                      "what F.mse_loss computes"),
        written.false("With `F.mse_loss` as the loss, `loss.backward()` can no longer compute the gradients of the "
                      "weights.", "gradients through F.mse_loss"),
    ),
    blanks=(
        written.Blank("Which function of `torch.nn.functional` does the lesson use to compute the loss?",
                      accept=("mse_loss", "F.mse_loss", "mse_loss()", "F.mse_loss()", "torch.nn.functional.mse_loss",
                              "nn.functional.mse_loss"),
                      reject=("mse", "MSELoss", "nn.MSELoss", "mean_squared_error", "l1_loss"),
                      about="the loss function the lesson takes from torch.nn.functional"),
    ),
    snippets=(
        written.Snippet("import torch.nn.functional as F\npreds = torch.tensor([1.0, 2.0, 3.0])\n"
                        "targets = torch.tensor([1.0, 2.0, 6.0])\nprint(F.mse_loss(preds, targets).item())",
                        about="F.mse_loss on three numbers",
                        nudge="Square each difference, then: add them up, or take their mean?"),
    ),
    ideas=(
        "it is a module of ready-made utility functions, imported as F",
        "it holds loss functions such as F.mse_loss, and other utilities such as activation functions",
        "the lesson uses F.mse_loss instead of the hand-written mean squared error",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
