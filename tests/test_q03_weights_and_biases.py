"""q03 · Weights and biases."""

from katakit import written

# The written part: katas/q03_weights_and_biases.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("The bias is a constant added to the weighted sum of the inputs: it is the prediction when every "
                     "input is zero.", "what the bias does"),
        written.false("The bias multiplies every input by the same amount.", "what the bias does"),
        written.true("A weight says by how much the prediction changes when its input rises by one unit and the other "
                     "inputs stay fixed.", "what a weight does"),
        written.false("Weights must be positive, because a negative weight would make every prediction negative.",
                      "the sign of a weight"),
        written.true("For the crop data, each fruit has its own three weights and its own bias.",
                     "how the weights and biases are laid out"),
        written.false("In the lesson, `w` for the crop data has shape (3, 2): one row per input variable.",
                      "how the weights and biases are laid out"),
        written.true("Weights and biases start as random numbers and are learned from the data during training.",
                     "where their values come from"),
        written.false("The weights are chosen by hand, and only the bias is learned during training.",
                      "where their values come from"),
    ),
    blanks=(
        written.Blank("In apples = w1 · temperature + w2 · rainfall + w3 · humidity + b, which parameter is the "
                      "prediction when all three inputs are zero?", accept=("b", "bias", "bias b", "b, the bias"),
                      reject=("0", "zero", "w1", "w3", "none"), about="the prediction for all-zero inputs"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor([[0.5, -0.25, 0.125]])\nb = torch.tensor([3.0])\n"
                        "x = torch.tensor([[10., 20., 40.]])\nprint((x @ w.t() + b).item())",
                        about="a prediction from given weights and a bias",
                        nudge="Multiply each input by its weight, add the three products, then add the bias."),
    ),
    ideas=(
        "weights multiply the inputs: how much, and in which direction, each input moves the prediction",
        "the bias is a constant added to the weighted sum (the prediction when every input is zero)",
        "both are the model's parameters: they start random and are learned from the data",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
