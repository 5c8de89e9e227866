"""q41 · torch.optim.SGD."""

from katakit import written

# The written part: katas/q41_sgd.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("SGD is called stochastic because each step uses the gradient of a random batch of rows, not of "
                     "the whole dataset.", "where the \"stochastic\" comes from"),
        written.false("SGD is called stochastic because the weights start from random values.",
                      "where the \"stochastic\" comes from"),
        written.false("SGD is called stochastic because each step moves the parameters in a random direction instead "
                      "of against a gradient.", "where the \"stochastic\" comes from"),
        written.true("Created as in the lesson, with only a learning rate, `torch.optim.SGD` makes `opt.step()` do "
                     "`p -= lr * p.grad` for every parameter `p` it was given.", "the update SGD makes"),
        written.false("`opt.step()` of `torch.optim.SGD` adds `lr` times the gradient to each parameter.",
                      "the update SGD makes"),
        written.false("Created as in the lesson, `torch.optim.SGD` follows a different update rule from the manual "
                      "gradient descent we wrote by hand.", "how SGD relates to the update written by hand"),
    ),
    blanks=(
        written.Blank("What does SGD stand for?",
                      accept=("stochastic gradient descent", "stochastic gradient-descent",
                              "stochastic-gradient-descent"),
                      reject=("standard gradient descent", "simple gradient descent", "steepest gradient descent",
                              "sequential gradient descent", "stochastic gradient"),
                      about="what SGD stands for"),
        written.Blank('The word "stochastic" means what, in one word?', accept=("random", "randomly", "randomised",
                                                                                 "randomized"),
                      reject=("standard", "simple", "small", "fast", "steepest"),
                      about="what \"stochastic\" means"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor([2.0, -1.0], requires_grad=True)\nopt = torch.optim.SGD([w], lr=0.5)\n"
                        "(3 * w).sum().backward()\nopt.step()\nprint(w.tolist())",
                        about="one opt.step() of torch.optim.SGD",
                        nudge="What is the gradient of 3 * w for each element, and what does SGD do with lr times it?"),
    ),
    ideas=(
        "SGD stands for stochastic gradient descent",
        "torch.optim.SGD is an optimizer: each opt.step() subtracts lr times the gradient from every parameter",
        "stochastic means random: each step uses the gradient of a random batch, not of the whole dataset",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
