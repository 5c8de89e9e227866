"""q18 · A negative derivative: which way?"""

from katakit import written

# The written part: katas/q18_negative_derivative.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("A negative derivative means the loss falls when the weight is increased slightly.",
                     "what a negative derivative says"),
        written.false("A negative derivative means the loss rises when the weight is increased slightly.",
                      "what a negative derivative says"),
        written.true("To lower the loss, a weight with a negative derivative should be increased slightly.",
                     "which way to move the weight"),
        written.false("A negative derivative means you should decrease the weight, moving the way its sign points.",
                      "which way to move the weight"),
        written.true("The sign of the derivative tells which way the loss goes as the weight grows: up if positive, "
                     "down if negative.", "what the sign of a derivative tells"),
        written.false("The sign of the derivative says nothing about direction; only its size matters.",
                      "what the sign of a derivative tells"),
        written.true("The update `w -= lr * w.grad` makes a weight with a negative gradient larger.",
                     "what the update does with a negative gradient"),
        written.false("The update `w -= lr * w.grad` makes a weight with a negative gradient smaller, because it "
                      "subtracts.", "what the update does with a negative gradient"),
    ),
    blanks=(
        written.Blank("The derivative of the loss w.r.t. a weight element is negative. To get a lower loss, do you "
                      "increase or decrease that element slightly?",
                      accept=("increase", "increase it", "increasing", "raise", "make it larger", "larger",
                              "bigger"),
                      reject=("decrease", "decrease it", "reduce", "lower", "smaller", "neither", "either"),
                      about="which way to move a weight with a negative derivative"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor(1.0, requires_grad=True)\nloss = (w - 4) ** 2\nloss.backward()\n"
                        "with torch.no_grad():\n    w -= 0.1 * w.grad\nprint(w.item())",
                        about="one update of a weight with a negative gradient",
                        nudge="What is the slope of (w - 4)² at w = 1, and what does subtracting 0.1 times a negative "
                              "number do to w?"),
    ),
    ideas=(
        "increase the weight slightly",
        "because a negative derivative means the loss falls as the weight rises",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
