"""q10 · Why a random model predicts badly."""

from katakit import written

# The written part: katas/q10_random_predictions.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("At the start, `w` and `b` are random numbers drawn without looking at the data.",
                     "where the starting parameters come from"),
        written.false("`torch.randn` picks starting weights that already fit the data roughly, so only small "
                      "corrections are needed.", "where the starting parameters come from"),
        written.true("Two models initialized with different random weights make different predictions for the same "
                     "inputs.", "different random starts"),
        written.false("A randomly initialized model predicts the average of the targets until it is trained.",
                      "what an untrained model predicts"),
        written.true("The predictions move closer to the targets as gradient descent adjusts the weights and biases to "
                     "lower the loss.", "what brings the predictions closer"),
        written.false("Running the untrained model on the same inputs a second time gives predictions closer to the "
                      "targets.", "what brings the predictions closer"),
        written.false("The predictions are off only because the inputs are not normalised: with normalised inputs a "
                      "random model would predict well.", "why the predictions are off"),
        written.true("A large loss at the start is expected: it measures how far the random model's predictions are "
                     "from the targets.", "what the first loss shows"),
    ),
    blanks=(
        written.Blank("`torch.randn` draws each starting value from a normal distribution with mean 0 and a standard "
                      "deviation of what number?", accept=("1", "1.0"), reject=("0", "0.5", "0.1", "10"),
                      about="the spread of torch.randn"),
    ),
    snippets=(
        written.Snippet("x = torch.tensor([[73., 67., 43.]])\np1 = x @ torch.randn(2, 3).t() + torch.randn(2)\n"
                        "p2 = x @ torch.randn(2, 3).t() + torch.randn(2)\nprint(torch.equal(p1, p2))",
                        about="two random starts", nudge="Do two calls to torch.randn draw the same numbers?"),
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
