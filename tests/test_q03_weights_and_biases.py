"""q03 · Weights and biases."""

from katakit import written

# The written part: katas/q03_weights_and_biases.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("The bias is a constant added to the weighted sum of the inputs.", "what the bias does"),
        written.false("The bias is the model's error: how far its predictions are from the targets on average.",
                      "what the bias does"),
        written.true("A weight says by how much the prediction changes when its input rises by one unit and the other "
                     "inputs stay fixed.", "what a weight does"),
        written.false("The input with the largest weight always matters most to the prediction, whatever unit each "
                      "input is measured in.", "what the size of a weight says"),
        written.true("Measuring rainfall in metres instead of millimetres would change its best weight, although "
                     "rainfall matters just as much as before.", "what the size of a weight says"),
        written.true("For the crop data, each fruit has its own three weights and its own bias.",
                     "how the weights and biases are laid out"),
        written.false("The crop model has one bias, shared by apples and oranges.",
                      "how the weights and biases are laid out"),
        written.true("Weights and biases start as random numbers and are learned from the data during training.",
                     "where their values come from"),
    ),
    blanks=(
        written.Blank("In apples = 0.5 · temperature − 2 · rainfall + 1 · humidity + 30, by how much does the prediction "
                      "change when rainfall rises by 1 and the other inputs stay fixed (with its sign)?",
                      accept=("-2", "falls by 2", "decreases by 2", "goes down by 2", "drops by 2", "down by 2"),
                      reject=("2", "+2", "rises by 2", "30", "28", "-1", "0.5", "-2 · rainfall"),
                      about="what a weight does to the prediction", form="one number"),
    ),
    ideas=(
        "weights multiply the inputs: how much, and in which direction, each input moves the prediction",
        "the bias is a constant added to the weighted sum (the prediction when every input is zero)",
        "both are the model's parameters: they start random and are learned from the data",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
