"""q36 · nn.Linear."""

import pytest
import torch
from torch import nn

from katakit import data, oracle
from katakit.checks import expect, expect_close, expect_tensor
from katakit.describe import value
from katakit.written import check_concepts, check_length


def _model(kata, n_inputs, n_outputs, seed):
    """Hard precondition: an nn.Linear."""
    __tracebackhide__ = True
    model = kata.make_linear_model(n_inputs, n_outputs, seed)
    assert isinstance(model, nn.Linear), (
        f"make_linear_model({n_inputs}, {n_outputs}, seed={seed}) returned {value(model)} "
        f"({type(model).__name__}); expected an nn.Linear. Create it with nn.Linear(...) from torch.nn.")
    return model


def _has_bias(model, called):
    """Hard precondition: the layer has a bias."""
    __tracebackhide__ = True
    assert model.bias is not None, (
        f"{called} returned a layer that has no bias (model.bias is None). Did you pass bias=False? "
        "The lesson's model adds a bias b to x @ w.t(); nn.Linear creates one unless told not to.")


def test_make_linear_model_returns_an_nn_linear(kata, seed):
    _model(kata, 3, 2, seed)


def test_the_weight_is_outputs_by_inputs_and_the_bias_has_one_entry_per_output(kata, seed):
    model = _model(kata, 3, 2, seed)
    called = f"make_linear_model(3, 2, seed={seed})"
    shape = tuple(model.weight.shape)
    nudge = ("Did you swap n_inputs and n_outputs? nn.Linear takes (in_features, out_features), and stores the "
             "weight as (out_features, in_features)." if shape == (3, 2) else "")
    expect(shape == (2, 3), f"{called}: model.weight has shape {shape}; expected (2, 3), one row of 3 weights "
                            f"per output. {nudge}")
    _has_bias(model, called)
    expect(tuple(model.bias.shape) == (2,),
           f"{called}: model.bias has shape {tuple(model.bias.shape)}; expected (2,), one bias per output. {nudge}")


def test_other_sizes_give_other_shapes(kata, seed):
    model = _model(kata, 4, 1, seed)
    called = f"make_linear_model(4, 1, seed={seed})"
    _has_bias(model, called)
    expect(tuple(model.weight.shape) == (1, 4) and tuple(model.bias.shape) == (1,),
           f"{called}: weight {tuple(model.weight.shape)} and bias {tuple(model.bias.shape)}; expected (1, 4) "
           "and (1,). Pass n_inputs and n_outputs on, in the order nn.Linear(in_features, out_features).")


def test_the_parameters_are_float32_and_require_grad(kata, seed):
    model = _model(kata, 3, 2, seed)
    called = f"make_linear_model(3, 2, seed={seed})"
    _has_bias(model, called)
    for name, p in (("weight", model.weight), ("bias", model.bias)):
        expect(p.dtype == torch.float32, f"{called}: model.{name} has dtype {p.dtype}; expected float32. "
                                         "Leave nn.Linear's default dtype alone.")
        expect(p.requires_grad, f"{called}: model.{name} has requires_grad=False; expected True, so that "
                                "backward() fills its .grad. Do not freeze the parameters.")


def test_the_same_seed_gives_the_same_starting_weights(kata, seed):
    first, again = _model(kata, 3, 2, seed), _model(kata, 3, 2, seed)
    expect(torch.equal(first.weight, again.weight),
           f"make_linear_model(3, 2, seed={seed}) gave different weights on two calls; the same seed must give "
           "the same start. Did you forget to seed? Call torch.manual_seed(seed) just before nn.Linear(...).")


def test_different_seeds_give_different_weights(kata, seed):
    first, other = _model(kata, 3, 2, seed), _model(kata, 3, 2, seed + 1)
    expect(not torch.equal(first.weight, other.weight),
           f"make_linear_model(3, 2, seed={seed}) and make_linear_model(3, 2, seed={seed + 1}) gave the same "
           "weights. Seed with the seed you were given, right before creating the layer: torch.manual_seed(seed), "
           "then nn.Linear(...).")


def test_the_weights_are_the_ones_torch_manual_seed_gives(kata, seed):
    model = _model(kata, 3, 2, seed)
    torch.manual_seed(seed)
    expected = nn.Linear(3, 2)
    expect(tuple(model.weight.shape) != (2, 3) or torch.equal(model.weight, expected.weight),
           f"make_linear_model(3, 2, seed={seed}): the starting weight is not the one torch.manual_seed({seed}) "
           "then nn.Linear(3, 2) gives. Seed right before creating the layer, with nothing random in between.")


def test_the_model_maps_crop_inputs_to_x_times_w_transposed_plus_b(kata, seed):
    model = _model(kata, 3, 2, seed)
    called = f"make_linear_model(3, 2, seed={seed})"
    _has_bias(model, called)
    assert tuple(model.weight.shape) == (2, 3), (
        f"{called}: model.weight has shape {tuple(model.weight.shape)}, so the layer cannot take the crop inputs "
        "(15, 3). Did you swap n_inputs and n_outputs? nn.Linear takes (in_features, out_features).")
    x = data.inputs(15)
    with torch.no_grad():
        preds = model(x)
    expect_tensor(preds, shape=(15, 2), called=f"{called}(inputs of shape (15, 3))",
                  nudge="One row of 2 predictions per input row.")
    expect_close(preds, oracle.predict64(x, model.weight, model.bias), what="the predictions",
                 called=f"{called}(inputs)", rtol=1e-5,
                 nudge="nn.Linear computes x @ weight.t() + bias; return the layer itself, not a wrapper.")


RUBRIC = {
    "what it computes (x @ w.t() + b, a linear transformation of the inputs)":
        r"@|matmul|multipl|\bxw|w\s*x|x\s*\*?\s*w|linear (transformation|function|map|combination|model|regression)"
        r"|weighted sum",
    "that it creates (and randomly initialises) the weights and the bias for you":
        r"(creat|initiali[sz]|make|hold|keep|store|own|contain)\w*.{0,60}(weight|bias|parameter)"
        r"|(weight|bias|parameter)\w*.{0,60}(creat|initiali[sz]|random)",
    "what its arguments mean (the number of input features and of output features)":
        r"in_features|out_features|inputs?.{0,40}outputs?|(number|count) of (inputs?|features|outputs?)",
    "an example (in code, such as model = nn.Linear(3, 2) and model(inputs), or in words)":
        r"nn\.linear\s*\(\s*\d|linear\(\d|for (example|instance)|e\.g\.|example",
}


@pytest.mark.written
def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


@pytest.mark.written
def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
