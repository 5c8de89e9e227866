"""q42 · The inputs to an optimizer."""

import pytest

from katakit.written import check_concepts, check_length

pytestmark = pytest.mark.written

RUBRIC = {
    "the parameters to optimise (model.parameters(): the weights and biases)":
        r"param|weights?\b|bias",
    "the learning rate (lr), which sets the size of each step":
        r"learning.?rate|\blr\b",
    "that other hyper-parameters are optional (for example momentum or weight decay)":
        r"optional|momentum|weight.?decay|hyper.?param|other (settings|options|arguments)|extra|more (settings|options|arguments)",
}


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
