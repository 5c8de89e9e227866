"""q26 · What an epoch is."""

import pytest

from katakit.written import check_concepts, check_length

pytestmark = pytest.mark.written

RUBRIC = {
    "that an epoch is one pass over the whole training data": r"(one|a|single|complete|full|entire) (complete |full |whole |entire )?(pass|run|sweep|iteration|cycle|loop|time)|whole (training )?(data|set)|entire (training )?(data|set)|all (of )?the (training )?(data|samples|examples|rows)",
    "that every sample is seen once per epoch": r"(every|each|all)\b.{0,40}\b(sample|example|row|data point|input|record|observation)s?.{0,40}\b(once|one time)|exactly once|once each",
    "that with batches one epoch holds several updates (one per batch)": r"batch",
    "that training runs for many epochs": r"(many|several|multiple|more|number of|repeat\w*|again|hundreds|thousands)\W+(\w+\W+){0,3}epochs|\d+ epochs|epochs\W+(\w+\W+){0,4}(repeat|again|many)|over and over",
}


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
