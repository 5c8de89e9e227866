"""q36 · nn.Linear."""

import torch
from torch import nn

from katakit import data, oracle, written
from katakit.checks import expect, expect_close, expect_tensor, require
from katakit.describe import value


def _model(kata, n_inputs, n_outputs, seed):
    """Hard preconditions: an nn.Linear with a bias, its inputs and outputs the right way round."""
    __tracebackhide__ = True
    model = kata.make_linear_model(n_inputs, n_outputs, seed)
    called = f"make_linear_model({n_inputs}, {n_outputs}, seed={seed})"
    require(isinstance(model, nn.Linear),
            f"{called} returned {value(model)} ({type(model).__name__}); expected an nn.Linear. Which class of "
            "torch.nn is the linear layer?", cause="not an nn.Linear")
    require(model.bias is not None,
            f"{called} returned a layer that has no bias (model.bias is None). Did you pass bias=False? The lesson's "
            "model adds a bias b to x @ w.t(); nn.Linear creates one unless told not to.", cause="no bias")
    require(tuple(model.weight.shape) != (n_inputs, n_outputs) or n_inputs == n_outputs,
            f"{called}: model.weight has shape {tuple(model.weight.shape)} and model.bias {tuple(model.bias.shape)}; "
            f"expected ({n_outputs}, {n_inputs}) and ({n_outputs},), one row of {n_inputs} weights and one bias per "
            "output. Did you swap n_inputs and n_outputs? Which of nn.Linear's two arguments counts the inputs?",
            cause="inputs and outputs swapped")
    return model, called


def _seeded(n_inputs, n_outputs, seed):
    """The oracle: the layer that torch.manual_seed(seed), then nn.Linear(...), gives."""
    torch.manual_seed(seed)
    return nn.Linear(n_inputs, n_outputs)


def _seeding(kata, seed):
    """What make_linear_model(3, 2, seed) does with PyTorch's global generator, seen from its state before and
    after the call: (message, cause) for a mistake, or None when the starting weights are the seeded ones."""
    torch.manual_seed(10_000 + seed)  # a state that is not the one `seed` gives
    before = torch.get_rng_state()
    model, called = _model(kata, 3, 2, seed)
    after = torch.get_rng_state()
    if tuple(model.weight.shape) != (2, 3) or torch.equal(model.weight, _seeded(3, 2, seed).weight):
        return None
    torch.set_rng_state(before)
    from_the_state_before = nn.Linear(3, 2)
    if torch.equal(model.weight, from_the_state_before.weight):
        if torch.equal(after, torch.manual_seed(seed).get_state()):
            return (f"{called} started from the weights that PyTorch's random generator gave before the call; it "
                    f"was seeded with {seed} only after the layer had drawn them. Seed right before creating the "
                    "layer: a seed fixes only the numbers drawn after it.", "seeds after creating")
        return (f"{called} started from whatever weights PyTorch's random generator gave in the state it was in "
                "before the call, so the seed fixed nothing. Did you forget to seed? Which call sets the "
                "generator's state, and when must it run?", "not seeded")
    other, _ = _model(kata, 3, 2, seed + 1)
    if torch.equal(model.weight, other.weight):
        return (f"{called} and make_linear_model(3, 2, seed={seed + 1}) start from the same weights. Seed with the "
                "seed you were given: a fixed seed gives every caller the same start.", "seed ignored")
    return (f"{called}: the starting weight is not the one that seeding with {seed} just before nn.Linear(3, 2) "
            "gives. Is something else random drawn between the seed and the layer?", "not the seeded weights")


def _fail_seeding(kata, seed, message, cause):
    """Report a failed seeding check under the mistake _seeding sees, if any; else as seen."""
    expect(False, *(_seeding(kata, seed) or (message, cause)))


def test_make_linear_model_returns_an_nn_linear_with_a_bias(kata, seed):
    _model(kata, 3, 2, seed)


def test_the_weight_is_outputs_by_inputs_and_the_bias_has_one_entry_per_output(kata, seed):
    sizes = ((3, 2), (4, 1))
    made = [_model(kata, n_inputs, n_outputs, seed) for n_inputs, n_outputs in sizes]
    seen = [(tuple(model.weight.shape), tuple(model.bias.shape)) for model, _ in made]
    for (n_inputs, n_outputs), (_, called), shapes in zip(sizes, made, seen, strict=True):
        if shapes == ((n_outputs, n_inputs), (n_outputs,)):
            continue
        if seen[0] == seen[1]:  # the same layer whatever it is asked for: numbers written in, not the arguments
            expect(False, f"{called}: model.weight has shape {shapes[0]} and model.bias {shapes[1]}, the same as for "
                          f"make_linear_model({sizes[0][0]}, {sizes[0][1]}, ...): the sizes do not follow the "
                          f"arguments. Build the layer from n_inputs and n_outputs, not from fixed numbers.",
                   cause="hard-coded sizes")
        else:
            expect(False, f"{called}: model.weight has shape {shapes[0]} and model.bias {shapes[1]}; expected "
                          f"({n_outputs}, {n_inputs}) and ({n_outputs},): one row of n_inputs weights and one bias "
                          "per output. Are both of nn.Linear's arguments the ones you were given?", cause="wrong shapes")


def test_the_parameters_are_float32_and_require_grad(kata, seed):
    model, called = _model(kata, 3, 2, seed)
    for name, p in (("weight", model.weight), ("bias", model.bias)):
        expect(p.dtype == torch.float32, f"{called}: model.{name} has dtype {p.dtype}; expected float32. "
                                         "Leave nn.Linear's default dtype alone.", cause="not float32")
        expect(p.requires_grad, f"{called}: model.{name} has requires_grad=False; expected True, so that "
                                "backward() fills its .grad. Do not freeze the parameters.", cause="frozen")


def test_the_same_seed_gives_the_same_starting_weights(kata, seed):
    (first, called), (again, _) = _model(kata, 3, 2, seed), _model(kata, 3, 2, seed)
    if not torch.equal(first.weight, again.weight):
        _fail_seeding(kata, seed, f"{called} gave different weights on two calls; the same seed must give the same "
                                  "start.", "not reproducible")


def test_different_seeds_give_different_weights(kata, seed):
    (first, called), (other, _) = _model(kata, 3, 2, seed), _model(kata, 3, 2, seed + 1)
    if torch.equal(first.weight, other.weight):
        _fail_seeding(kata, seed, f"{called} and make_linear_model(3, 2, seed={seed + 1}) gave the same weights.",
                      "seed ignored")


def test_the_starting_weights_are_the_ones_the_seed_gives(kata, seed):
    model, called = _model(kata, 3, 2, seed)
    expected = _seeded(3, 2, seed)
    if tuple(model.weight.shape) == (2, 3) and not (torch.equal(model.weight, expected.weight)
                                                    and torch.equal(model.bias, expected.bias)):
        _fail_seeding(kata, seed, f"{called}: the starting weight and bias are not the ones that torch.manual_seed"
                                  f"({seed}), then nn.Linear(3, 2), gives.", "not the seeded weights")


def test_the_models_predictions_follow_its_own_weight_and_bias(kata, seed):
    model, called = _model(kata, 3, 2, seed)
    x = data.inputs(15)
    with torch.no_grad():
        preds = model(x)
    expect_tensor(preds, shape=(15, 2), called=f"{called}(inputs of shape (15, 3))",
                  nudge="One row of 2 predictions per input row.")
    expect_close(preds, oracle.predict64(x, model.weight, model.bias), what="the predictions",
                 called=f"{called}(inputs)", rtol=1e-5,
                 nudge="Is what you return the nn.Linear layer itself, not a wrapper around it?")


# The written half: katas/q36_nn_linear.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.true("In `nn.Linear(3, 2)`, 3 is the number of input features and 2 the number of output features.",
                     "what its two numbers mean"),
        written.false("`nn.Linear(3, 2).weight` has shape (3, 2), one row per input.", "the shape of its weight"),
        written.false("`nn.Linear` only multiplies the inputs by its weight; the bias has to be added by hand.",
                      "what the layer computes"),
        written.true("`nn.Linear` creates its weight and bias with random values that already require gradients, so "
                     "we no longer create `w` and `b` by hand.", "what nn.Linear creates for you"),
        written.true("Calling an `nn.Linear` model on inputs `x` computes `x @ weight.t() + bias`.",
                     "what the layer computes"),
        written.false("`nn.Linear(3, 2)` takes inputs with 2 columns and gives 3 outputs for each row.",
                      "what its two numbers mean"),
        written.false("The weight and bias of a new `nn.Linear` do not require gradients until we set "
                      "`requires_grad=True` on them.", "what nn.Linear creates for you"),
    ),
    blanks=(
        written.Blank("How many numbers in all, weights and biases together, does `nn.Linear(3, 2)` learn?",
                      accept=("8", "eight", "8 numbers"), reject=("6", "5", "2", "3"), form="one number",
                      about="how many numbers nn.Linear(3, 2) learns"),
    ),
    snippets=(
        written.Snippet("import torch.nn as nn\nmodel = nn.Linear(3, 2)\nprint(tuple(model.weight.shape))",
                        about="the weight of nn.Linear(3, 2)",
                        nudge="One row of weights per output: how many rows, and how many weights in each?"),
        written.Snippet("import torch.nn as nn\nmodel = nn.Linear(3, 2)\nx = torch.randn(4, 3)\n"
                        "print(torch.allclose(model(x), x @ model.weight.t() + model.bias))",
                        about="nn.Linear against the model written by hand",
                        nudge="Which formula does calling the layer compute, with its own weight and bias?"),
    ),
    ideas=(
        "it is a ready-made linear layer: it computes x @ weight.t() + bias",
        "it creates the weight and the bias for us, with random starting values that require grad, instead of w "
        "and b by hand",
        "its two arguments are the number of input features and of output features (weight shape (out, in))",
        "an example, such as nn.Linear(3, 2) for 3 crop inputs and 2 outputs, with a weight of shape (2, 3)",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
