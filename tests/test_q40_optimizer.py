"""q40 · What an optimizer is."""

from katakit import written

# The written part: katas/q40_optimizer.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("An optimizer updates the parameters it was given, using their gradients, each time `opt.step()` "
                     "is called.", "what opt.step() does"),
        written.false("`opt.step()` computes the gradients of the loss, so `loss.backward()` is no longer needed.",
                      "what opt.step() does"),
        written.true("`opt.step()` and `opt.zero_grad()` replace the manual update under `torch.no_grad()` and the "
                     "manual `.grad.zero_()` calls.", "what the optimizer replaces"),
        written.false("`opt.zero_grad()` sets the weights and biases to zero.", "what opt.zero_grad() resets"),
        written.true("By default, since torch 2.0, `opt.zero_grad()` resets each gradient by setting `.grad` to None.",
                     "what opt.zero_grad() leaves in .grad"),
        written.false("One call to `opt.step()` moves the parameters straight to the values with the lowest loss.",
                      "how far one step goes"),
        written.true("The learning rate is given to the optimizer when it is created, not to each `opt.step()` call.",
                     "where the learning rate is given"),
    ),
    blanks=(
        written.Blank("Which method of the optimizer moves the parameters against their gradients?",
                      accept=("step", "step()", "opt.step", "opt.step()", "optimizer.step()"),
                      reject=("zero_grad", "opt.zero_grad()", "backward", "update"),
                      about="the method that updates the parameters"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor([1.0, 3.0], requires_grad=True)\nopt = torch.optim.SGD([w], lr=0.25)\n"
                        "(w * w).sum().backward()\nopt.step()\nprint(w.tolist())",
                        about="one opt.step() of SGD",
                        nudge="What is the gradient of the sum of w² at w = [1, 3], and what does the step subtract?"),
        written.Snippet("w = torch.tensor([1.0, 3.0], requires_grad=True)\nopt = torch.optim.SGD([w], lr=0.25)\n"
                        "(w * w).sum().backward()\nopt.zero_grad()\nprint(w.grad)",
                        about="what opt.zero_grad() leaves in .grad",
                        nudge="Since torch 2.0, what does zero_grad() do by default: fill .grad with zeros, "
                              "or drop the tensor? (Its argument set_to_none decides.)"),
    ),
    ideas=(
        "an object from torch.optim that updates the model's parameters using their gradients",
        "it is created with the parameters to update and a learning rate",
        "opt.step() and opt.zero_grad() replace the manual update under torch.no_grad() and the manual reset",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
