"""q37 · The weights and biases of nn.Linear."""

import torch
from torch import nn

from katakit import data
from katakit.checks import expect
from katakit.describe import value


def _model(seed, n_inputs=3, n_outputs=2):
    """An nn.Linear whose weight and bias are the seeded starting point data.params(seed)."""
    model = nn.Linear(n_inputs, n_outputs)
    w, b = data.params(seed, n_inputs, n_outputs)
    with torch.no_grad():
        model.weight.copy_(w)
        model.bias.copy_(b)
    return model


def _pair(kata, model, called):
    """Hard precondition: two tensors."""
    __tracebackhide__ = True
    result = kata.weights_and_biases(model)
    assert isinstance(result, (tuple, list)) and len(result) == 2 and all(
        isinstance(t, torch.Tensor) for t in result), (
        f"{called} returned {value(result)}; expected a pair of tensors (weight, bias).")
    return result


def _nudge(w, b, n_inputs=3, n_outputs=2):
    if tuple(w.shape) == (n_outputs,) and tuple(b.shape) == (n_outputs, n_inputs):
        return "Did you swap them? The weight comes first, then the bias: (model.weight, model.bias)."
    if tuple(w.shape) == (n_inputs, n_outputs):
        return ("Did you transpose the weight? nn.Linear stores it as (out_features, in_features); return it as it "
                "is and let the model do the .t() inside.")
    return "Return the model's own attributes, model.weight and model.bias."


def test_weights_and_biases_returns_the_weight_then_the_bias(kata, seed):
    called = "weights_and_biases(nn.Linear(3, 2))"
    w, b = _pair(kata, _model(seed), called)
    expect(tuple(w.shape) == (2, 3) and tuple(b.shape) == (2,),
           f"{called} returned tensors of shapes {tuple(w.shape)} and {tuple(b.shape)}; expected the weight (2, 3) "
           f"and the bias (2,). {_nudge(w, b)}")


def test_they_are_the_models_own_tensors_not_copies(kata, seed):
    model = _model(seed)
    called = "weights_and_biases(nn.Linear(3, 2))"
    w, b = _pair(kata, model, called)
    for got, own, name in ((w, model.weight, "weight"), (b, model.bias, "bias")):
        why = (f"Did you return a copy (.clone(), .detach(), torch.tensor(...))? A copy does not follow the model "
               f"as it trains, and changing it does not change the model. Return model.{name} as it is."
               if got.shape == own.shape else _nudge(w, b))
        expect(got is own, f"{called} returned a tensor that is not model.{name} itself "
                           f"(result is model.{name}: False). {why}")


def test_they_still_require_grad(kata, seed):
    called = "weights_and_biases(nn.Linear(3, 2))"
    model = _model(seed)
    w, b = _pair(kata, model, called)
    for got, own, name in ((w, model.weight, "weight"), (b, model.bias, "bias")):
        why = (f"Did you detach it, or return a copy? Return model.{name} as it is." if got.shape == own.shape
               else _nudge(w, b))
        expect(got.requires_grad and got.is_leaf,
               f"{called} returned a {name} with requires_grad={got.requires_grad}, is_leaf={got.is_leaf}; the "
               f"model's {name} is a leaf that requires grad. {why}")


def test_changing_them_changes_the_models_predictions(kata, seed):
    model = _model(seed)
    called = "weights_and_biases(nn.Linear(3, 2))"
    w, b = _pair(kata, model, called)
    assert tuple(w.shape) == (2, 3) and tuple(b.shape) == (2,), (
        f"{called} returned tensors of shapes {tuple(w.shape)} and {tuple(b.shape)}; expected (2, 3) and (2,). "
        + _nudge(w, b))
    with torch.no_grad():
        w.zero_()
        b.fill_(1.0)
        preds = model(data.inputs())
    expect(bool((preds == 1).all()),
           f"after setting the weight from {called} to 0 and the bias to 1, the model still predicts "
           f"{[round(v, 4) for v in preds[0].tolist()]} for the first row; expected [1.0, 1.0]. The tensors you return must be the "
           "model's own, not a copy: return model.weight and model.bias.")


def test_they_are_the_tensors_model_parameters_lists(kata, seed):
    model = _model(seed)
    called = "weights_and_biases(nn.Linear(3, 2))"
    w, b = _pair(kata, model, called)
    params = list(model.parameters())
    expect(w is params[0] and b is params[1],
           f"{called} does not return the two tensors that list(model.parameters()) holds, in the same order "
           f"(weight first, bias second). {_nudge(w, b)}")


def test_they_hold_the_models_values_for_any_size(kata, seed):
    model = _model(seed, n_inputs=4, n_outputs=1)
    called = "weights_and_biases(nn.Linear(4, 1))"
    w, b = _pair(kata, model, called)
    expected_w, expected_b = data.params(seed, 4, 1)
    expect(w.shape == expected_w.shape and torch.equal(w.detach(), expected_w.detach()),
           f"{called} returned a weight of shape {tuple(w.shape)} that does not hold the model's weight "
           f"{[round(v, 4) for v in expected_w.flatten().tolist()]} (shape (1, 4)). {_nudge(w, b, 4, 1)}")
    expect(b.shape == expected_b.shape and torch.equal(b.detach(), expected_b.detach()),
           f"{called} returned a bias of shape {tuple(b.shape)} that does not hold the model's bias "
           f"{[round(v, 4) for v in expected_b.tolist()]} (shape (1,)). {_nudge(w, b, 4, 1)}")
