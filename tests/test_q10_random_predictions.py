"""q10 · Why a random model predicts badly."""

from katakit import written

# The written part: katas/q10_random_predictions.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("At the start, `w` and `b` are random numbers drawn without looking at the data.",
                     "where the starting parameters come from"),
        written.false("`torch.randn` picks starting weights that already fit the data roughly, so only small "
                      "corrections are needed.", "where the starting parameters come from"),
        written.false("Random starting weights are a bad start that must be replaced by better values before gradient "
                      "descent can begin.", "whether a random start is a problem"),
        written.true("Gradient descent can start from random weights: they are expected to predict badly, and training "
                     "adjusts them.", "whether a random start is a problem"),
        written.false("A randomly initialized model predicts the average of the targets until it is trained.",
                      "what an untrained model predicts"),
        written.false("Running the untrained model on the same inputs a second time gives predictions closer to the "
                      "targets.", "what brings the predictions closer"),
        written.true("With a small enough learning rate, each gradient-descent step lowers the loss, so the predictions "
                     "move closer to the targets overall.", "what brings the predictions closer"),
        written.true("A large loss at the start is expected: it measures how far the random model's predictions are "
                     "from the targets.", "what the first loss shows"),
    ),
    blanks=(
        written.Blank("`torch.randn` draws each starting value from a normal distribution with mean 0 and a standard "
                      "deviation of what number?", accept=("1",), reject=("0", "0.5", "0.1", "10", "100"),
                      about="the spread of torch.randn", form="one number"),
    ),
    snippets=(
        written.Snippet("x = torch.tensor([[1., 2.]])\ny = torch.tensor([[5.]])\n"
                        "w = torch.tensor([[-1., 0.5]], requires_grad=True)\nbefore = (x @ w.t()).item()\n"
                        "((x @ w.t() - y) ** 2).mean().backward()\nwith torch.no_grad():\n    w -= 0.05 * w.grad\n"
                        "print(before, (x @ w.t()).item())",
                        about="one gradient-descent step from an arbitrary start",
                        nudge="The prediction starts at 0 and the target is 5: what is the gradient of each weight, and "
                              "where does one step against it move the prediction?"),
        written.Snippet("x = torch.tensor([[73., 67., 43.]])\nw, b = torch.randn(2, 3), torch.randn(2)\n"
                        "print(torch.equal(x @ w.t() + b, x @ w.t() + b))",
                        about="predicting twice with one random model",
                        nudge="Does computing the predictions change w or b?"),
    ),
    ideas=(
        "the weights and biases start as random numbers, chosen without looking at the data",
        "so the predictions have no reason to match the targets: they are far off and the loss is large",
        "only training (gradient descent adjusting the weights and biases) brings them closer",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
