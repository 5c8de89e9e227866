"""q37 · The weights and biases of nn.Linear."""

import types

import torch
from torch import nn

from katakit import data
from katakit.checks import expect, require, says
from katakit.describe import value


def _model(seed, n_inputs=3, n_outputs=2):
    """An nn.Linear whose weight and bias are the seeded starting point data.params(seed)."""
    model = nn.Linear(n_inputs, n_outputs)
    w, b = data.params(seed, n_inputs, n_outputs)
    with torch.no_grad():
        model.weight.copy_(w)
        model.bias.copy_(b)
    return model


def _two_layers(seed):
    """A model of two nn.Linear layers, 3 → 4 → 2: four parameter tensors."""
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(3, 4), nn.Linear(4, 2))


def _pair(kata, model):
    """Hard precondition: two tensors. Returns them, the call, and the mistake they show (None if none)."""
    __tracebackhide__ = True
    called = f"weights_and_biases(nn.Linear({model.in_features}, {model.out_features}))"
    result = kata.weights_and_biases(model)
    require(isinstance(result, (tuple, list)) and len(result) == 2 and all(isinstance(t, torch.Tensor) for t in result),
            f"{called} returned {value(result)}; expected a pair of tensors (weight, bias).", cause="not a pair")
    w, b = result
    return w, b, called, _mistake(w, b, model)


def _mistake(w, b, model):
    """(cause, nudge) for what the returned pair shows, or None when it is (model.weight, model.bias) itself."""
    n_out, n_in = model.weight.shape
    if w.shape == model.bias.shape and b.shape == model.weight.shape:
        return "swapped", "Did you swap them? The weight comes first, then the bias."
    if tuple(w.shape) == (n_in, n_out) and n_in != n_out:
        return "transposed", ("Did you transpose the weight? nn.Linear stores it as (out_features, in_features) and "
                              "transposes it itself when it computes; hand it over as it is.")
    for got, own, name in ((w, model.weight, "weight"), (b, model.bias, "bias")):
        if got is own:
            continue
        if got.shape == own.shape and got.data_ptr() == own.data_ptr() and not got.requires_grad:
            return "detached", (f"It shares model.{name}'s numbers but is cut off from autograd (requires_grad=False). "
                                "Did you detach it? Hand over the model's own tensor.")
        if got.shape == own.shape:
            return "a copy", (f"Did you return a copy (.clone(), torch.tensor(...))? A copy does not follow the model as "
                              f"it trains, and changing it does not change the model. Hand over model.{name}'s own tensor.")
        return "not the parameters", "Which two attributes of the model hold its weight and its bias?"
    return None


def _fail(seen: str, called: str, mistake, cause: str, nudge: str = ""):
    """Report what was seen, under the mistake the pair shows (if any: its nudge, its cause)."""
    cause, nudge = mistake or (cause, nudge)
    expect(False, f"{called} {seen}. {nudge}".rstrip(), cause=cause)


def test_weights_and_biases_returns_the_weight_then_the_bias(kata, seed):
    w, b, called, mistake = _pair(kata, _model(seed))
    if (tuple(w.shape), tuple(b.shape)) != ((2, 3), (2,)):
        _fail(f"returned tensors of shapes {tuple(w.shape)} and {tuple(b.shape)}; expected the weight (2, 3) and the "
              "bias (2,)", called, mistake, "wrong shapes")


@says("they are the model's own tensors, not copies")
def test_they_are_the_models_own_tensors_not_copies(kata, seed):
    model = _model(seed)
    w, b, called, mistake = _pair(kata, model)
    for got, own, name in ((w, model.weight, "weight"), (b, model.bias, "bias")):
        if got is not own:
            _fail(f"returned a {name} that is not model.{name} itself", called, mistake, "not the parameters")


def test_they_still_require_grad(kata, seed):
    model = _model(seed)
    w, b, called, mistake = _pair(kata, model)
    for got, name in ((w, "weight"), (b, "bias")):
        if not (got.requires_grad and got.is_leaf):
            _fail(f"returned a {name} with requires_grad={got.requires_grad}, is_leaf={got.is_leaf}; the model's "
                  f"{name} is a leaf that requires grad", called, mistake, "not the parameters")


@says("changing them changes the model's predictions")
def test_changing_them_changes_the_models_predictions(kata, seed):
    model = _model(seed)
    w, b, called, mistake = _pair(kata, model)
    if (tuple(w.shape), tuple(b.shape)) != ((2, 3), (2,)):
        _fail(f"returned tensors of shapes {tuple(w.shape)} and {tuple(b.shape)}; expected (2, 3) and (2,)",
              called, mistake, "wrong shapes")
        return
    with torch.no_grad():
        w.zero_()
        b.fill_(1.0)
        preds = model(data.inputs())
    if not bool((preds == 1).all()):
        _fail(f"returned a weight and a bias that, set to 0 and 1, leave the model predicting "
              f"{[round(v, 4) for v in preds[0].tolist()]} for the first row; expected [1.0, 1.0]", called, mistake,
              "not the parameters", "The tensors you hand over must be the model's own, not copies.")


def test_they_are_the_tensors_the_model_lists_as_its_parameters(kata, seed):
    model = _model(seed)
    w, b, called, mistake = _pair(kata, model)
    params = list(model.parameters())
    if not (w is params[0] and b is params[1]):
        _fail("does not return the two tensors that list(model.parameters()) holds, in the same order (weight first, "
              "bias second)", called, mistake, "not the parameters")


@says("they hold the model's values for any size")
def test_they_hold_the_models_values_for_any_size(kata, seed):
    model = _model(seed, n_inputs=4, n_outputs=1)
    w, b, called, mistake = _pair(kata, model)
    expected_w, expected_b = data.params(seed, 4, 1)
    for got, expected, name in ((w, expected_w, "weight"), (b, expected_b, "bias")):
        if not (got.shape == expected.shape and torch.equal(got.detach(), expected.detach())):
            _fail(f"returned a {name} of shape {tuple(got.shape)} that does not hold the model's {name} "
                  f"{[round(v, 4) for v in expected.flatten().tolist()]} (shape {tuple(expected.shape)})",
                  called, mistake, "not the parameters")


def _listed(kata, model, called):
    """Hard precondition: a list of tensors."""
    __tracebackhide__ = True
    result = kata.parameter_list(model)
    require(not isinstance(result, types.GeneratorType),
            f"{called} returned a generator, not a list. A generator hands out its items one at a time, and only "
            "once: a second pass over it finds nothing. Which built-in collects them into a list?",
            cause="a generator")
    require(isinstance(result, list),
            f"{called} returned {value(result)} ({type(result).__name__}); expected a list of tensors.",
            cause="not a list")
    pairs = all(isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], torch.Tensor) for item in result)
    require(not (result and pairs),
            f"{called} returned a list of (name, tensor) pairs; expected the tensors alone.", cause="named pairs")
    require(all(isinstance(item, torch.Tensor) for item in result),
            f"{called} returned a list holding {', '.join(sorted({type(i).__name__ for i in result}))}; expected "
            "tensors only.", cause="not a list")
    return result


def _expect_own(result, own: list[torch.Tensor], called: str, what: str):
    """The list holds exactly the model's own parameter tensors, in order; else say which way it differs."""
    if len(result) == len(own) and all(got is p for got, p in zip(result, own, strict=True)):
        return
    if len(result) == len(own) and all(got.shape == p.shape for got, p in zip(result, own, strict=True)):
        if all(got.data_ptr() == p.data_ptr() and not got.requires_grad for got, p in zip(result, own, strict=True)):
            expect(False, f"{called} returned tensors that are not the model's own: they share its numbers but are "
                          "detached (requires_grad=False), so an optimizer given them could not train the model. "
                          "Which tensors does the model itself hand out as its parameters?", cause="detached list")
            return
        expect(False, f"{called} returned tensors of the right shapes that are not the model's own (copies?): an "
                      "optimizer given them would train the copies and leave the model unchanged.", cause="copied list")
        return
    expect(False, f"{called} returned {len(result)} tensors of shapes {[tuple(t.shape) for t in result]}; {what} "
                  f"has {len(own)}: {[tuple(p.shape) for p in own]}, in that order.", cause="wrong tensors")


@says("parameter_list gives the weight, then the bias, of nn.Linear")
def test_parameter_list_gives_the_weight_then_the_bias_of_nn_linear(kata, seed):
    model = _model(seed)
    called = "parameter_list(nn.Linear(3, 2))"
    _expect_own(_listed(kata, model, called), [model.weight, model.bias], called, "nn.Linear(3, 2)")


def test_parameter_list_gives_every_parameter_of_a_model_with_two_layers(kata, seed):
    model = _two_layers(seed)
    called = "parameter_list(nn.Sequential(nn.Linear(3, 4), nn.Linear(4, 2)))"
    function = kata.parameter_list
    try:
        function(model)
    except AttributeError as err:
        expect(False, f"{called} raised AttributeError: {err}. A model of two layers has no single weight and bias: "
                      "which method of nn.Module lists every parameter, however many layers there are?",
               cause="only nn.Linear")
        return
    own = [model[0].weight, model[0].bias, model[1].weight, model[1].bias]
    _expect_own(_listed(kata, model, called), own, called, "this model")
