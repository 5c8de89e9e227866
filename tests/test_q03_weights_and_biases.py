"""q03 · Weights and biases."""

import pytest

from katakit.written import check_concepts, check_length

pytestmark = pytest.mark.written

RUBRIC = {
    "that each weight multiplies one input (how much that input matters)":
        r"multipl|scal(e|es|ing)|times|how\s+(much|strongly)|importan|strength|influen|coefficient",
    "that the bias is added on top, an offset (the prediction when all inputs are zero)":
        r"(bias|intercept)[^.]*(add|offset|constant|shift|zero|baseline|independent|regardless|no\s+matter)"
        r"|(add|offset|constant|shift|plus)[^.]*(bias|intercept)",
    "that both are learned from the data (adjusted during training)":
        r"learn|train|adjust|gradient\s+descent|optimi|fitted|updat|tun(e|ed|ing)",
}


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
