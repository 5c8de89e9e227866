"""q18 · A negative derivative: which way?"""

from katakit import written

# The written part: katas/q18_negative_derivative.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("A negative derivative means the loss falls as the weight grows slightly.",
                     "what a negative derivative says"),
        written.false("A negative derivative means the loss rises as the weight grows slightly.",
                      "what a negative derivative says"),
        written.false("A negative derivative means you should move the weight the way its sign points: make it "
                      "smaller.", "which way to move the weight"),
        written.true("With `w.grad` = -4 and `lr` = 0.1, the update `w -= lr * w.grad` adds 0.4 to `w`.",
                     "what the update does with a negative gradient"),
        written.false("The update `w -= lr * w.grad` always subtracts from `w`, so no weight can grow during training.",
                      "what the update does with a negative gradient"),
        written.true("In `w -= lr * w.grad`, a derivative of -1000 moves the weight 1000 times as far as a derivative "
                     "of -1.", "what the size of a derivative does to the step"),
        written.false("In `w -= lr * w.grad`, a derivative of -0.001 and a derivative of -1000 change the weight by the "
                      "same amount.",
                      "what the size of a derivative does to the step"),
        written.true("When a weight's derivative is 0, `w -= lr * w.grad` leaves that weight where it is.",
                     "a derivative of zero"),
    ),
    blanks=(
        written.Blank("The derivative of the loss w.r.t. a weight element is negative. To get a lower loss, do you "
                      "increase or decrease that element slightly?",
                      accept=("increase", "increasing", "increase it", "raise", "raise it", "make it larger", "larger",
                              "bigger", "up", "move it up"),
                      reject=("decrease", "decrease it", "reduce", "lower", "smaller", "neither", "either",
                              "decrease, not increase", "increase or decrease"),
                      about="which way to move a weight with a negative derivative", form="one word"),
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
