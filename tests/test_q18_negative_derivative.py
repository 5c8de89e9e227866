"""q18 · A negative derivative: which way?"""

import pytest

from katakit.written import check_concepts, check_length, check_short_answer

pytestmark = pytest.mark.written

RUBRIC = {
    "what a negative derivative says (the loss falls as the weight rises)":
        r"(loss|it) (goes down|falls|drops|decreases|gets (smaller|lower))|slope|downhill",
    "moving the weight against the sign of the derivative":
        r"opposite|other way|against|subtract(ing)? a negative|minus a negative|increas|larger|bigger",
    "that the step should be small": r"small|slight|little|learning rate|\blr\b",
}


def test_the_short_answer_is_increase(answer):
    check_short_answer(answer, r"increase", choices="increase or decrease",
                       nudge="If the loss falls when the weight rises, which way must the weight move for the loss to fall?")


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
