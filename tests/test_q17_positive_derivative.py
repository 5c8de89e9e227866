"""q17 · A positive derivative: which way?"""

import pytest

from katakit.written import check_concepts, check_length, check_short_answer

pytestmark = pytest.mark.written

RUBRIC = {
    "what a positive derivative says (the loss rises as the weight rises)": r"(loss|it) (goes up|rises|increases|grows|gets (bigger|larger))|slope|uphill",
    "moving the weight against the sign of the derivative": r"opposite|other way|against|subtract|minus|decreas",
    "that the step should be small": r"small|slight|little|learning rate|lr",
}


def test_the_short_answer_is_decrease(answer):
    check_short_answer(answer, r"decrease", choices="increase or decrease",
                       nudge="If the loss rises when the weight rises, which way must the weight move for the loss to fall?")


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
