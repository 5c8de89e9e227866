"""q11 · What a loss function is."""

import pytest

from katakit.written import check_concepts, check_length

pytestmark = pytest.mark.written

RUBRIC = {
    "that a loss is a single number":
        r"\b(one|single|a)\s+(number|value|score|scalar)|scalar",
    "that it measures how far the predictions are from the targets":
        r"(how|measur)[^.]*(bad|far|wrong|off\b|good|close|differ|error)|differen|distance|gap|compar",
    "that lower is better (perfect predictions give the lowest value)":
        r"lower|smaller|\bless\b|small|zero|better|worse",
    "that training tries to minimise it":
        r"minimi[sz]|train|gradient|optimi|reduc|decreas|bring\s+(it\s+)?down|lower\s+(it|the\s+loss)",
    "an example of a loss function, such as mean squared error":
        r"mse|mean\s+squared|squared\s+error|absolute\s+error|cross.?entropy|example|e\.g\.|such\s+as|for\s+instance",
}


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
