"""q10 · Why a random model predicts badly."""

import pytest

from katakit.written import check_concepts, check_length

pytestmark = pytest.mark.written

RUBRIC = {
    "that the weights and biases start as random numbers":
        r"random",
    "that the model has not learned anything yet (it is not trained)":
        r"not\s+(yet\s+)?(been\s+)?(trained|learn)|untrained|(nothing|anything)[^.]*(learn|data)|before\s+(any\s+)?training"
        r"|no\s+(training|information|knowledge|relation)|(has|have|had)(n't|\s+not)|know(s)?\s+nothing|arbitrary|no\s+reason",
    "that the predictions are far from the targets (a large loss)":
        r"far|large|big|high|off\b|wrong|differ|bad|poor|miss",
    "that training (gradient descent) adjusts the weights and biases":
        r"train|gradient|adjust|improv|updat|optimi",
}


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
