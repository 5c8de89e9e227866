"""q41 · torch.optim.SGD."""

import pytest

from katakit.written import check_concepts, check_length, check_short_answer

pytestmark = pytest.mark.written

RUBRIC = {
    "that it is an optimizer (a class in torch.optim)":
        r"optimi[sz]er|torch\.optim",
    "what \"stochastic\" means here (random batches or samples instead of the whole dataset)":
        r"random|shuffl|batch|sample|subset",
    "the gradient-descent step it takes (p -= lr * p.grad for each parameter)":
        r"-=|subtract|minus|against (the|its) gradient|opposite|learning.?rate|\blr\b",
}


def test_the_short_answer_says_what_sgd_stands_for(answer):
    check_short_answer(answer, r"stochastic[ -]+gradient[ -]+descent", choices="three words, one for each letter",
                       nudge="The G and the D are the method of the whole lesson. What does S stand for? "
                             "It is a word meaning random.")


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
