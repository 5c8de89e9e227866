"""q17 · A positive derivative: which way?"""

from katakit import written

# The written part: katas/q17_positive_derivative.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("A positive derivative means the loss rises when the weight is increased slightly.",
                     "what a positive derivative says"),
        written.false("A positive derivative means the loss falls when the weight is increased slightly.",
                      "what a positive derivative says"),
        written.true("To lower the loss, a weight with a positive derivative should be decreased slightly.",
                     "which way to move the weight"),
        written.false("A positive derivative means you should increase the weight, following the gradient.",
                      "which way to move the weight"),
        written.true("The sign of the derivative tells which way the loss goes as the weight grows: up if positive, "
                     "down if negative.", "what the sign of a derivative tells"),
        written.false("The sign of the derivative says nothing about direction; only its size matters.",
                      "what the sign of a derivative tells"),
        written.true("The update `w -= lr * w.grad` makes a weight with a positive gradient smaller.",
                     "what the update does with a positive gradient"),
        written.false("A positive derivative means the weight itself is positive.", "what a positive derivative says"),
    ),
    blanks=(
        written.Blank("The derivative of the loss w.r.t. a weight element is positive. To get a lower loss, do you "
                      "increase or decrease that element slightly?",
                      accept=("decrease", "decrease it", "decreasing", "reduce", "lower", "make it smaller",
                              "smaller"),
                      reject=("increase", "increase it", "raise", "larger", "neither", "either"),
                      about="which way to move a weight with a positive derivative"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor(3.0, requires_grad=True)\nloss = (w - 1) ** 2\nloss.backward()\n"
                        "with torch.no_grad():\n    w -= 0.1 * w.grad\nprint(w.item())",
                        about="one update of a weight with a positive gradient",
                        nudge="What is the slope of (w - 1)² at w = 3, and which way does `w -= 0.1 * w.grad` move w?"),
    ),
    ideas=(
        "decrease the weight slightly",
        "because a positive derivative means the loss rises as the weight rises, so it falls as the weight falls",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
