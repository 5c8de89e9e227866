"""q05 · Why inputs and targets are separate matrices."""

from katakit import written

# The written part: katas/q05_separate_matrices.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("Only the inputs go into the model: the predictions are computed from `inputs`, `w` and `b`.",
                     "what goes into the model"),
        written.false("The targets also go into the model, so that it can compute its predictions from them.",
                      "what goes into the model"),
        written.true("The targets are used in the loss, which compares them with the predictions.",
                     "where the targets are used"),
        written.false("The targets are only needed after training, to report how good the model is; the training steps "
                      "never use them.", "where the targets are used"),
        written.true("The predictions and the targets have the same shape, (5, 2) for the crop data, so the loss can "
                     "compare them element by element.", "the shapes of the matrices"),
        written.false("With `w` of shape (2, 3), `table @ w.t()` also works on the whole 5-column table of inputs and "
                      "targets together.", "the shapes of the matrices"),
        written.true("Row i of `targets` belongs to the same sample as row i of `inputs`.", "how the two matrices line up"),
        written.false("Separate matrices are a PyTorch rule: one tensor cannot hold columns that mean different things.",
                      "why they are separate"),
    ),
    blanks=(
        written.Blank("The crop table holds 5 rows and 5 columns: 3 inputs, then 2 targets. How many of its 25 numbers "
                      "go into the model to compute the predictions?", accept=("15",),
                      reject=("25", "10", "5", "3", "2"), about="what goes into the model", form="one number"),
    ),
    snippets=(
        written.Snippet("inputs = torch.zeros(5, 3)\ntargets = torch.zeros(5, 2)\n"
                        "w, b = torch.zeros(2, 3), torch.zeros(2)\npreds = inputs @ w.t() + b\n"
                        "print(preds.shape == targets.shape)", about="the shapes of the predictions and the targets",
                        nudge="What shape does (5, 3) @ (3, 2) + (2,) give?"),
    ),
    ideas=(
        "only the inputs go into the model to compute the predictions",
        "the targets are the known answers: the loss compares the predictions with them",
        "the two matrices play different roles (and have different shapes), so we operate on them separately",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
