"""q26 · What an epoch is."""

from katakit import written

KEY = written.Key(
    statements=(
        written.true("One epoch is one pass over the whole training data.", "what one epoch covers"),
        written.false("One epoch covers only a single batch of the training data.", "what one epoch covers"),
        written.true("In one epoch, every training sample is used exactly once.",
                     "how often a sample is used in one epoch"),
        written.false("With `shuffle=True`, some rows may be used twice in one epoch and others not at all.",
                      "how often a sample is used in one epoch"),
        written.true("When the data comes in batches, one epoch holds one update of the weights per batch.",
                     "how epochs and updates relate"),
        written.false("When the model trains on all the rows at once, one epoch makes one update for each row.",
                      "how epochs and updates relate"),
        written.false("An epoch is another name for the batch size.", "epochs and batch sizes"),
        written.true("The lesson's loop `for i in range(100):`, with one update on all the rows in each iteration, "
                     "trains for 100 epochs.", "counting epochs"),
    ),
    blanks=(
        written.Blank("In one epoch, how many times is each training sample used?",
                      accept=("once", "1", "exactly once", "one time", "1 time"), reject=("2", "3", "5", "15", "many"),
                      about="how often an epoch uses each sample"),
    ),
    snippets=(
        written.Snippet("from torch.utils.data import DataLoader, TensorDataset\n"
                        "dl = DataLoader(TensorDataset(torch.zeros(15, 3), torch.zeros(15, 2)), batch_size=5, "
                        "shuffle=True)\nupdates = 0\nfor epoch in range(4):\n    for xb, yb in dl:\n"
                        "        updates += 1\nprint(updates)", about="counting updates over several epochs",
                        nudge="How many batches of 5 do 15 rows make, and how many times does the outer loop run?"),
    ),
    ideas=(
        "an epoch is one complete pass over the training data: every sample used once",
        "with batches, one epoch holds one update per batch (full batch: one update per epoch)",
        "training runs for many epochs",
    ),
)


class TestTheWrittenPart(written.Checks):
    key = KEY
