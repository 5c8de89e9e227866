"""q21 · Why a small step, not the whole gradient."""

import pytest

from katakit.written import check_concepts, check_length

pytestmark = pytest.mark.written

RUBRIC = {
    "that the gradient only describes the loss near the current point (a local slope)":
        r"local|near(by)?|close to|around the current|current (point|value|position)|at this point|small (region|neighbou?rhood)|only (the|a) slope|slope at",
    "that the gradient can be very large (thousands on the unnormalised crop data)":
        r"huge|large|big|thousand|\d{3,}|magnitude|size of the gradient",
    "what a full-gradient step does (overshoots the minimum, the loss grows or diverges)":
        r"overshoot|past the minimum|jump (over|past)|diverg|explod|blow(s)? up|\binf\b|infinity|\bnan\b|(loss|it) (grows|gets (bigger|worse)|increases)",
    "that the learning rate scales the step down": r"learning rate|\blr\b|scale|multipl|small (number|factor|step)",
}


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
