"""q05 · Why inputs and targets are separate matrices."""

import pytest

from katakit.written import check_concepts, check_length

pytestmark = pytest.mark.written

RUBRIC = {
    "that only the inputs go into the model to compute the predictions":
        r"(model|predict\w*)[^.]*\binputs?\b|\binputs?\b[^.]*(model|predict|fed|feed|go\s+in|goes\s+in|pass)",
    "that the predictions are compared with the targets by the loss":
        r"(compar|against|measur|differen|distance|close)[^.]*(target|answer|actual|true)"
        r"|(target|answer)[^.]*(compar|against|measur|differen|distance|close)",
    "the loss (the number that says how far off the predictions are)":
        r"loss|error|mse",
    "that inputs and targets play different roles or have different shapes":
        r"differ|role|shape|column|never\s+enter|not\s+(fed|given|passed|part)|only",
}


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
