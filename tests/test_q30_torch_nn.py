"""q30 · torch.nn."""

import pytest

from katakit.written import check_concepts, check_length

pytestmark = pytest.mark.written

RUBRIC = {
    "what it is for (PyTorch's module for building neural networks and models)":
        r"neural|network|deep learning|build(ing)? (a |the )?models?",
    "the ready-made layers it offers, such as nn.Linear":
        r"layers?|linear",
    "the loss functions it offers, such as nn.MSELoss or F.mse_loss":
        r"loss|mse|cross.?entropy",
    "that its modules (nn.Module) keep track of their weights and biases, the parameters":
        r"modules?|parameters?|weights?",
    "what it saves you from (creating w and b, the model and the loss by hand)":
        r"by hand|manual|from scratch|yourself|ourselves|ready.?made|built.?in|pre.?built|sav(e|es|ing)\b"
        r"|instead of|(do|does|did)(n't| not) (have|need) to|no need|less code|convenien|for (you|us)",
}


def test_the_answer_is_a_few_sentences_long(answer):
    check_length(answer)


def test_the_answer_covers_the_key_ideas(answer):
    check_concepts(answer, RUBRIC)
