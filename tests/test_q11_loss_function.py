"""q11 · What a loss function is."""

from katakit import written

# The written part: katas/q11_loss_function.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("A loss function compares the predictions with the targets and returns a single number.",
                     "what a loss function computes"),
        written.false("A loss function looks only at the predictions: the targets are not needed to compute it.",
                      "what a loss function computes"),
        written.true("The loss indicates how bad the model is at predicting the targets: the lower the loss, the better "
                     "the model.", 'what "loss" signifies'),
        written.false("A higher loss means a better model, because the model has learned more.",
                      'what "loss" signifies'),
        written.false("The loss is the fraction of predictions that are exactly right.", 'what "loss" signifies'),
        written.true("Training adjusts the weights and biases to make the loss smaller.",
                     "what training does with the loss"),
        written.false("Once the loss is computed, training changes the targets to bring them closer to the predictions.",
                      "what training does with the loss"),
        written.true("With the lesson's mean squared error, predictions equal to the targets give a loss of 0.",
                     "the loss of perfect predictions"),
    ),
    blanks=(
        written.Blank("When the loss goes down, does the model predict the targets better or worse?",
                      accept=("better",), reject=("worse", "the same", "same"),
                      about="what a falling loss means"),
    ),
    snippets=(
        written.Snippet("preds = torch.zeros(5, 2)\ntargets = torch.ones(5, 2)\n"
                        "loss = ((preds - targets) ** 2).mean()\nprint(loss.numel(), loss.item())",
                        about="how many numbers a loss is, and its value",
                        nudge="How many numbers does .mean() over the whole table leave, and how far is each "
                              "prediction from its target?"),
    ),
    ideas=(
        "a loss function compares the predictions with the targets and sums up the mismatch in a single number",
        '"loss" signifies how bad the model is (information lost): the lower, the better',
        "training adjusts the weights and biases to make the loss smaller",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
