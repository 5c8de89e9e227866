"""q40 · What an optimizer is."""

from katakit import written

# The written part: katas/q40_optimizer.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.false("`opt.step()` computes the gradients of the loss, so `loss.backward()` is no longer needed.",
                      "what the optimizer does"),
        written.false("One call to `opt.step()` moves the parameters straight to the values with the lowest loss.",
                      "how far one step goes"),
        written.true("The learning rate is given to the optimizer when it is created, not to each `opt.step()` call.",
                     "where the learning rate is given"),
        written.true("`opt.zero_grad()` clears the gradients in `.grad` (to None or to zeros, depending on the torch "
                     "version and its `set_to_none` argument) and leaves the weights as they are.", "what opt.zero_grad() resets"),
        written.true("An optimizer changes the parameters it was given, using the gradients that `loss.backward()` "
                     "stored in their `.grad`, each time `opt.step()` is called.", "what the optimizer does"),
        written.false("`opt.zero_grad()` sets the weights and biases to zero.", "what opt.zero_grad() resets"),
        written.true("`opt.step()` and `opt.zero_grad()` replace the manual update under `torch.no_grad()` and the "
                     "manual `.grad.zero_()` calls.", "what the optimizer replaces"),
    ),
    blanks=(
        written.Blank("`w` is 1.0 and `w.grad` holds 4.0 from one backward(). `opt = torch.optim.SGD([w], lr=0.5)` is "
                      "created and `opt.step()` is called twice, with no backward() or zero_grad() in between. What is "
                      "`w` now?",
                      accept=("-3", "-3.0", "-3.00"), reject=("-1", "-1.0", "1", "1.0", "0", "3"), form="one number",
                      about="what two steps on one stored gradient do"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor([1.0, 3.0], requires_grad=True)\nopt = torch.optim.SGD([w], lr=0.25)\n"
                        "(w * w).sum().backward()\nopt.step()\nprint(w.tolist())",
                        about="one opt.step() of SGD",
                        nudge="What is the gradient of the sum of w² at w = [1, 3], and what does the step subtract?"),
        written.Snippet("w = torch.tensor([1.0, 3.0], requires_grad=True)\nopt = torch.optim.SGD([w], lr=0.25)\n"
                        "(w * w).sum().backward()\nopt.zero_grad()\nopt.step()\nprint(w.tolist())",
                        about="opt.zero_grad() called before opt.step()",
                        nudge="What is left in .grad for the step to use, and does zero_grad() touch w itself?"),
    ),
    ideas=(
        "an object from torch.optim that updates the model's parameters using the gradients backward() stored",
        "it is created with the parameters to update and a learning rate",
        "opt.step() and opt.zero_grad() replace the manual update under torch.no_grad() and the manual reset; "
        "zero_grad() clears the gradients, never the weights",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
