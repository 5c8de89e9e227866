"""q40 · What an optimizer is."""

import pytest

from katakit.written import check_concepts, check_length

pytestmark = pytest.mark.written

RUBRIC = {
    "that it updates the parameters using their gradients (its step)":
        r"(step|updat|adjust|change|modif|move)[\s\S]*grad|grad[\s\S]*(step|updat|adjust|change|modif|move)",
    "what it holds: the parameters and the learning rate":
        r"(param|weight)[\s\S]*(learning.?rate|\blr\b)|(learning.?rate|\blr\b)[\s\S]*(param|weight)",
    "that zero_grad resets the gradients":
        r"zero_?grad|reset|clear|zero",
    "that it replaces the manual update (w -= lr * w.grad under torch.no_grad())":
        r"replac|instead|manual|by hand|ourselves|no_grad|-=|for us|for you|automat",
}


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
