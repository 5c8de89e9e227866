"""q41 · torch.optim.SGD."""

from katakit import written

# The written part: katas/q41_sgd.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("Created as in the lesson, with only a learning rate, `torch.optim.SGD` makes `opt.step()` do "
                     "`p -= lr * p.grad` for each parameter `p` it was given that has a gradient.", "the update SGD makes"),
        written.false("SGD is called stochastic because the weights start from random values.",
                      "where the \"stochastic\" comes from"),
        written.false("`torch.optim.SGD` picks a random batch of rows each time `opt.step()` is called.",
                      "where the randomness comes from"),
        written.false("`opt.step()` of `torch.optim.SGD` adds `lr` times the gradient to each parameter.",
                      "the update SGD makes"),
        written.true("In the algorithm's name, \"stochastic\" (random) refers to the batches: each step follows the "
                     "gradient of a randomly drawn sample or batch instead of the whole dataset.",
                     "where the \"stochastic\" comes from"),
        written.false("SGD is called stochastic because each step moves the parameters in a random direction instead "
                      "of against a gradient.", "where the \"stochastic\" comes from"),
        written.false("Created as in the lesson, `torch.optim.SGD` follows a different update rule from the manual "
                      "gradient descent we wrote by hand.", "how SGD relates to the update written by hand"),
        written.true("`torch.optim.SGD` draws nothing at random itself: the random batches come from the DataLoader, "
                     "and given the whole dataset at every step it does plain gradient descent.",
                     "where the randomness comes from"),
    ),
    blanks=(
        written.Blank("What does SGD stand for?",
                      accept=("stochastic gradient descent", "stochastic gradient-descent",
                              "stochastic-gradient-descent"),
                      reject=("standard gradient descent", "simple gradient descent", "steepest gradient descent",
                              "sequential gradient descent", "stochastic gradient"),
                      form="a few words", about="what SGD stands for"),
        written.Blank("Which keyword argument of `DataLoader`, set to True, makes the batches that reach "
                      "`torch.optim.SGD` random?", accept=("shuffle", "shuffle=True", "shuffle = True"),
                      reject=("random", "batch_size", "drop_last", "stochastic", "sampler"), form="one word",
                      about="where the random batches come from"),
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
        "stochastic means random: the algorithm follows the gradient of random batches; in PyTorch the randomness "
        "comes from the DataLoader (shuffle=True), not from the optimizer",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
