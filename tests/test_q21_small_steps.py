"""q21 · Why a small step, not the whole gradient."""

from katakit import written

# The written part: katas/q21_small_steps.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("The gradient says which way is downhill at the current weights, not how far away the lowest loss "
                     "is.", "what the gradient says about a step"),
        written.false("Subtracting the whole gradient moves each weight straight to its best value.",
                      "what the gradient says about a step"),
        written.true("From the lesson's random start on the crop data, some gradient elements are in the thousands: "
                     "subtracting the gradient itself would throw the weights far past the minimum, and the loss would "
                     "rise.", "what a step by the whole gradient does"),
        written.false("Subtracting the gradient itself would train fastest; the small factor only makes the result more "
                      "precise.", "what a step by the whole gradient does"),
        written.true("Multiplying the gradient by a small learning rate such as 1e-5 keeps each change small: a small "
                     "step downhill, not a giant leap.", "what the small factor does"),
        written.false("The small factor is there to turn the step around, so that it points downhill.",
                      "what the small factor does"),
        written.false("Any factor below 1 keeps the steps safe, because each step is then smaller than the gradient.",
                      "how big the factor should be"),
        written.true("With a factor that is too small, each step barely moves the weights and training is slow.",
                     "how big the factor should be"),
    ),
    blanks=(
        written.Blank("Subtracting the gradient itself is the same as using a learning rate of which number?",
                      accept=("1",), reject=("0", "1e-5", "0.01", "100", "-1"),
                      about="the learning rate of a step by the whole gradient", form="one number"),
    ),
    snippets=(
        written.Snippet("x = torch.tensor(4.0, requires_grad=True)\n(2 * x ** 2).backward()\n"
                        "with torch.no_grad():\n    x -= x.grad\nprint(x.item())",
                        about="a step by the whole gradient",
                        nudge="What is the gradient of 2x² at x = 4? The lowest value of 2x² is at x = 0: where does "
                              "x land?"),
    ),
    ideas=(
        "the gradient is a local slope: it gives the direction downhill, not the distance to the minimum",
        "the raw gradient can be large (thousands on the crop data): subtracting it overshoots, and the loss grows, "
        "even to inf and then nan",
        "a small learning rate (1e-5) scales it down to a small step downhill, not a giant leap",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
