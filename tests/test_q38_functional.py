"""q38 · torch.nn.functional."""

import pytest

from katakit.written import check_concepts, check_length

pytestmark = pytest.mark.written

RUBRIC = {
    "what kind of functions it holds (loss functions such as mse_loss, activations such as relu)":
        r"loss|mse|cross.?entropy|activation|relu|sigmoid|tanh|softmax",
    "that these functions keep no parameters or state of their own (unlike nn.Linear)":
        r"no (state|parameters?|weights?|learnable|trainable)|without (any )?(state|parameters?|weights?)|stateless"
        r"|(not|n't|never) (hold|have|store|keep|learn|contain)|nothing (is )?(stored|to learn|learned)|pure function",
    "how it is used (imported as F, called inside a model's forward or to compute the loss)":
        r"\bf\.|as f\b|import|inside|forward|model|compute the loss|as (the|a) loss",
}


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
