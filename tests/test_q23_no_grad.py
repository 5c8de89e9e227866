"""q23 · torch.no_grad."""

import torch

from katakit import data, oracle, written
from katakit.checks import expect, expect_tensor, require

GRAPH = "the predictions are part of the graph"


def _params_with_grads(seed):
    """Seeded w, b after one backward(), so each holds a gradient that predicting must leave alone."""
    w, b = data.params(seed)
    ((data.inputs() @ w.t() + b - data.targets()) ** 2).mean().backward()
    return w, b


def _predict(kata, x, w, b):
    """Hard precondition: a float32 tensor with one row per sample."""
    preds = kata.predict_no_grad(x, w, b)
    require(isinstance(preds, torch.Tensor),
            f"predict_no_grad(x, w, b) returned {type(preds).__name__}; expected a torch.Tensor. "
            + ("Keep the predictions a tensor: no .numpy() here (q28 converts them for plotting)."
               if type(preds).__module__ == "numpy" else "Build the predictions with torch operations."),
            cause="predict_no_grad: type")
    return expect_tensor(preds, shape=(len(x), 2), called=f"predict_no_grad(x of shape {tuple(x.shape)}, w, b)",
                         nudge="x @ w.t() + b has one row per sample, one column per output.")


def _saving(call):
    """call(), and how many tensors autograd saved for a backward pass meanwhile: it saves them only while it
    records, so a graph built and dropped afterwards (.detach()) still counts."""
    saved = []

    def pack(t):
        saved.append(tuple(t.shape))
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        result = call()
    return result, len(saved)


def _expect_no_graph(preds):
    expect(preds.grad_fn is None and not preds.requires_grad,
           f"predict_no_grad(x, w, b) returned a tensor that is still part of the autograd graph "
           f"(requires_grad={preds.requires_grad}, grad_fn={type(preds.grad_fn).__name__}). Did you forget "
           "`with torch.no_grad():` around the model? Inside it, autograd records nothing, so the predictions "
           "come out as plain numbers.", cause=GRAPH)


def _expect_model(preds, x, w, b):
    # torch.allclose, not torch.testing.assert_close: the latter costs a second of imports on first use
    expected = oracle.predict64(x, w, b)
    got = preds.detach().double()
    expect(torch.allclose(got, expected, rtol=1e-5, atol=1e-4),
           f"predict_no_grad(x of shape {tuple(x.shape)}, w, b) returned "
           f"{[round(v, 3) for v in got[0].tolist()]} for the first sample; x @ w.t() + b gives "
           f"{[round(v, 3) for v in expected[0].tolist()]}. The model is x @ w.t() + b: w has shape "
           "(outputs, inputs), hence the .t().", cause="predict_no_grad: values")


def test_predictions_are_a_float32_tensor_with_one_row_per_sample(kata, seed):
    _predict(kata, data.inputs(), *data.params(seed))


def test_predictions_are_not_part_of_the_autograd_graph(kata, seed):
    _expect_no_graph(_predict(kata, data.inputs(), *data.params(seed)))


def test_nothing_is_recorded_while_predicting(kata, seed):
    w, b = data.params(seed)
    preds, saved = _saving(lambda: _predict(kata, data.inputs(), w, b))
    if preds.grad_fn is not None or preds.requires_grad:
        _expect_no_graph(preds)
        return
    expect(saved == 0,
           f"predict_no_grad(x, w, b) returned a tensor without a graph, but autograd recorded the computation on "
           f"the way: it saved {saved} tensor(s) for a backward() that never comes. The graph was dropped "
           "afterwards (as .detach() or .data do), not avoided. Nothing should be recorded at all: which "
           "with-block keeps autograd from recording in the first place?", cause="recorded, then dropped")


def test_a_single_sample_gets_a_single_row_of_predictions(kata, seed):
    w, b = data.params(seed)
    x = data.inputs()[2:3]
    _expect_model(_predict(kata, x, w, b), x, w, b)


def test_the_parameters_still_require_grad_and_keep_their_values_and_gradients(kata, seed):
    w, b = _params_with_grads(seed)
    params = {"w": w, "b": b}
    before = {name: (p.detach().clone(), p.grad.clone()) for name, p in params.items()}
    kata.predict_no_grad(data.inputs(), w, b)
    off = [name for name, p in params.items() if not (p.requires_grad and p.is_leaf)]
    expect(not off,
           f"after predict_no_grad(x, w, b), {' and '.join(off)} no longer require grad: the parameters themselves "
           "were switched off, so the next backward() cannot fill their gradients. torch.no_grad() pauses "
           "recording only inside the with-block; leave requires_grad of w and b as it is.", cause="switched off")
    moved = [name for name, p in params.items() if not torch.equal(before[name][0], p.detach())]
    expect(not moved, f"predict_no_grad(x, w, b) changed the values of {' and '.join(moved)}. Predicting only "
                      "reads the parameters: work on new tensors, not in place.")
    touched = [name for name, p in params.items() if p.grad is None or not torch.equal(p.grad, before[name][1])]
    expect(not touched, f"predict_no_grad(x, w, b) changed {' and '.join(f'{n}.grad' for n in touched)}. "
                        "Predicting needs no gradients: leave .grad alone and do not call backward() here.")


def test_autograd_is_on_again_after_predicting(kata, seed):
    w, b = data.params(seed)
    kata.predict_no_grad(data.inputs(), w, b)
    still_on = torch.is_grad_enabled()
    torch.set_grad_enabled(True)
    expect(still_on,
           "after predict_no_grad(x, w, b), autograd stays off for the whole program "
           "(torch.is_grad_enabled() is False), so training afterwards records nothing. "
           "Use `with torch.no_grad():`, which switches recording back on when the block ends, "
           "instead of torch.set_grad_enabled(False).")


def test_predictions_match_the_float64_model_on_the_crop_data(kata, seed):
    w, b = data.params(seed)
    x = data.inputs()
    _expect_model(_predict(kata, x, w, b), x, w, b)


# The written half: katas/q23_no_grad.md. The self-test proves reference/ agrees with this key.

KEY = written.Key(
    statements=(
        written.false("`torch.no_grad()` also stops the weights from being updated: `w -= lr * w.grad` inside the "
                      "block leaves `w` as it was.", "what no_grad does to an update"),
        written.true("Inside `with torch.no_grad():`, PyTorch records no operations in the autograd graph.",
                     "what no_grad does to recording"),
        written.true("Predictions `x @ w.t() + b` computed inside `with torch.no_grad():` have `requires_grad=False` "
                     "and no `grad_fn`, although `w` and `b` require grad.", "what predictions computed under no_grad are"),
        written.false("Inside `with torch.no_grad():`, operations are still recorded in the graph; only the gradients "
                      "are not stored.", "what no_grad does to recording"),
        written.false("Inside `with torch.no_grad():`, `w.requires_grad` is False for a `w` created with "
                      "`requires_grad=True`.", "what no_grad does to the parameters themselves"),
        written.true("Without `torch.no_grad()`, the in-place update `w -= lr * w.grad` of a leaf that requires grad "
                     "raises a RuntimeError.", "why the update runs under no_grad"),
        written.false("Predicting while autograd records costs nothing extra: PyTorch builds no graph until "
                      "backward() is called.", "why predictions skip the graph"),
        written.true("Predicting under `torch.no_grad()` saves memory and time: autograd builds no graph and keeps no "
                     "intermediate results for a backward() that will never come.", "why predictions skip the graph"),
        written.false("`torch.no_grad()` deletes the gradients already stored in `.grad`.",
                      "what no_grad does to stored gradients"),
    ),
    snippets=(
        written.Snippet("w = torch.tensor(2.0, requires_grad=True)\nwith torch.no_grad():\n    y = w * 3\nz = w * 3\n"
                        "print(y.grad_fn is None, z.grad_fn is None)",
                        about="a result computed inside the block and one computed after it",
                        nudge="Which of the two multiplications did autograd record?"),
        written.Snippet("w = torch.tensor(1.0, requires_grad=True)\n(w * 4).backward()\nwith torch.no_grad():\n"
                        "    w -= 0.5 * w.grad\nprint(w.item(), w.grad.item(), w.requires_grad)",
                        about="a parameter, its gradient and its requires_grad after an update under no_grad",
                        nudge="d(4w)/dw is 4. Does the with-block stop the update, clear .grad, or switch off "
                              "w.requires_grad?"),
    ),
    ideas=(
        "inside `with torch.no_grad():` autograd records nothing: results computed there, such as predictions, have "
        "no graph",
        "used for the weight update (an in-place change of a leaf that requires grad) and for predictions that need "
        "no gradients, which saves memory and time",
        "the update still happens; the parameters keep requires_grad and their .grad; recording returns to what it "
        "was when the block ends",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
