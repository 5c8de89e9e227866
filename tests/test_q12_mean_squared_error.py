"""q12 · Mean squared error in words."""

from katakit import written

# The written part: katas/q12_mean_squared_error.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("MSE takes the difference between each prediction and its target, squares it, and averages the "
                     "squares over all elements.", "the order of the steps"),
        written.false("MSE averages the differences between predictions and targets first, then squares that average.",
                      "the order of the steps"),
        written.true("Squaring removes the sign, so a miss of +3 and a miss of -3 add the same amount to the loss.",
                     "why the differences are squared"),
        written.false("The plain average of `preds - targets`, without squaring, would measure the error just as well.",
                      "why the differences are squared"),
        written.true("MSE is never negative, and it is 0 only when every prediction equals its target.",
                     "the smallest value of MSE"),
        written.true("For predictions of shape (5, 2), `torch.sum(diff * diff) / diff.numel()` divides the sum of "
                     "squares by 10.", "what the mean is taken over"),
        written.false("In `torch.sum(diff * diff) / diff.numel()`, `numel()` counts the rows of `diff`, so for (5, 2) "
                      "predictions it divides by 5.", "what the mean is taken over"),
        written.false("An MSE of 100 means that the predictions are off by 10 on average.", "how to read an MSE value"),
        written.true("An MSE of 100 can come from four misses of 10, or from one miss of 20 and three exact "
                     "predictions.", "how to read an MSE value"),
    ),
    blanks=(
        written.Blank("One prediction misses its target by 6 and the other three are exact. What is the MSE of the "
                      "four?", accept=("9",), reject=("1.5", "36", "3", "6", "0", "12"),
                      about="the MSE of a single large miss", form="one number"),
    ),
    snippets=(
        written.Snippet("preds = torch.tensor([[1., 2.], [3., 4.]])\ntargets = torch.tensor([[1., 4.], [2., 4.]])\n"
                        "diff = preds - targets\nprint((torch.sum(diff * diff) / diff.numel()).item())",
                        about="an MSE by hand", nudge="Write down diff, square each entry, then divide the sum by "
                                                      "the number of entries."),
        written.Snippet("preds = torch.tensor([13., 17.])\ntargets = torch.tensor([10., 20.])\n"
                        "diff = preds - targets\nprint(diff.mean().item(), (diff * diff).mean().item())",
                        about="averaging differences with and without squaring",
                        nudge="What are the two differences, and what happens to their signs when they are squared?"),
    ),
    ideas=(
        "the difference between each prediction and its target",
        "each difference is squared, so misses above and below the target cannot cancel out",
        "the squares are averaged over all elements: one number, never negative, 0 only for perfect predictions",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
