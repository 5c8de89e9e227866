"""q11 · What a loss function is."""

from katakit import written

# The written part: katas/q11_loss_function.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("A loss function compares the predictions with the targets and returns a single number.",
                     "what a loss function computes"),
        written.false("A loss function looks only at the predictions: the targets are not needed to compute it.",
                      "what a loss function computes"),
        written.true("The lower the loss, the better the model fits the data the loss was computed on.",
                     'what "loss" signifies'),
        written.false("The loss is the fraction of predictions that are exactly right.", 'what "loss" signifies'),
        written.false("The mean squared error and the mean absolute error always rank two models the same way, so it "
                      "does not matter which one training uses.", "how the choice of loss function matters"),
        written.true("Squaring makes large misses count more: one miss of 4 adds as much to the squared error as 16 "
                     "misses of 1.", "how the choice of loss function matters"),
        written.true("Training adjusts the weights and biases to make the loss smaller.",
                     "what training does with the loss"),
        written.false("The loss is computed only once, after training, to report how good the model is.",
                      "what training does with the loss"),
        written.true("With the lesson's mean squared error, predictions equal to the targets give a loss of 0.",
                     "the loss of perfect predictions"),
    ),
    blanks=(
        written.Blank("During training the loss falls from 900 to 40. Did the predictions, taken together, get closer to "
                      "the targets or further away?", accept=("closer", "closer to the targets", "nearer"),
                      reject=("further", "further away", "farther", "farther away", "neither", "the same"),
                      about="what a falling loss means", form="one word"),
    ),
    snippets=(
        written.Snippet("targets = torch.tensor([10., 10.])\na = torch.tensor([12., 8.])  # misses by 2 and 2\n"
                        "b = torch.tensor([10., 13.])  # misses by 0 and 3\n"
                        "print(((a - targets) ** 2).mean().item(), ((b - targets) ** 2).mean().item())",
                        about="the mean squared error of two models",
                        nudge="Square each miss before averaging: which model comes out lower, the one with one big miss "
                              "or the one with two small ones?"),
    ),
    ideas=(
        "a loss function compares the predictions with the targets and sums up the mismatch in a single number",
        '"loss" signifies how bad the model is: the lower, the better',
        "training adjusts the weights and biases to make the loss smaller",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
