"""q17 · A positive derivative: which way?"""

from katakit import written

# The written part: katas/q17_positive_derivative.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("A positive derivative means the loss rises when the weight is increased slightly.",
                     "what a positive derivative says"),
        written.false("A positive derivative means the loss falls when the weight is increased slightly.",
                      "what a positive derivative says"),
        written.false("A positive derivative means the weight itself is positive.", "what a positive derivative says"),
        written.false("A positive derivative means you should increase the weight, following the gradient.",
                      "which way to move the weight"),
        written.true("With a positive `w.grad` and a small positive learning rate, `w -= lr * w.grad` moves the weight "
                     "the way that makes the loss fall.", "which way to move the weight"),
        written.true("The sign of the derivative says whether the loss rises or falls as the weight grows.",
                     "what the sign of a derivative tells"),
        written.false("The sign of the derivative says nothing about direction; only its size matters.",
                      "what the sign of a derivative tells"),
        written.true("A weight can have a positive derivative now and a negative one later: the sign depends on the "
                     "current values of all the weights.", "whether the sign stays the same"),
        written.false("A weight whose derivative is positive at the start keeps a positive derivative until training "
                      "ends.", "whether the sign stays the same"),
    ),
    blanks=(
        written.Blank("The derivative of the loss w.r.t. a weight element is positive. To get a lower loss, do you "
                      "increase or decrease that element slightly?",
                      accept=("decrease", "decreasing", "decrease it", "reduce", "reduce it", "lower", "lower it",
                              "make it smaller", "smaller", "down", "move it down"),
                      reject=("increase", "increase it", "raise", "larger", "neither", "either",
                              "increase, not decrease", "increase or decrease"),
                      about="which way to move a weight with a positive derivative", form="one word"),
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
