"""q12 · Mean squared error in words."""

import pytest

from katakit.written import check_concepts, check_length

pytestmark = pytest.mark.written

RUBRIC = {
    "the difference between each prediction and its target":
        r"differen|subtract|minus|residual|\berrors?\b|\bdiff\b",
    "that each difference is squared":
        r"squar",
    "why squaring helps (misses in both directions count, big misses count more)":
        r"sign|negative|cancel|both\s+directions|above\s+and\s+below|(big|large|bigger|larger)\w*\s+(errors|misses|differences)"
        r"|penali[sz]|weigh|more\s+than\s+small|outlier",
    "that the squares are averaged over all elements":
        r"averag|divid|the\s+mean\s+of|mean\s+over|\.mean\(|numel|number\s+of\s+(elements|entries|values|predictions)",
    "its smallest value (never negative; zero only for perfect predictions)":
        r"never\s+negative|non-?negative|not\s+negative|zero|\b0\b|perfect|exact",
}


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
