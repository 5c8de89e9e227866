"""q26 · What an epoch is."""

from katakit import written

KEY = written.Key(
    statements=(
        written.false("An epoch is a single update of the weights, whatever the batch size.", "what an epoch covers"),
        written.true("An epoch is a full pass over the training data.", "what an epoch covers"),
        written.true("When the data comes in batches, each batch gives its own update, so an epoch holds as many "
                     "updates as there are batches.", "how epochs and updates relate"),
        written.false("With `shuffle=True`, some rows may be used twice in one epoch and others not at all.",
                      "how often a sample is used in an epoch"),
        written.true("Every epoch goes over the same training rows; what changes from epoch to epoch is the weights "
                     "(and, with shuffling, the order of the rows).", "what changes from epoch to epoch"),
        written.false("When the model trains on all the rows at once, an epoch makes an update for each row.",
                      "how epochs and updates relate"),
        written.true("With `shuffle=True` and the default `drop_last=False`, an epoch still goes through every row; "
                     "only their order changes.", "how often a sample is used in an epoch"),
        written.true("The lesson's loop `for i in range(100):`, which updates the weights on all the rows in each "
                     "iteration, trains for 100 epochs.", "counting epochs"),
        written.false("Each epoch trains on a new random sample of rows, so over many epochs the model sees rows it "
                      "has not seen before.", "what changes from epoch to epoch"),
    ),
    blanks=(
        written.Blank("With a DataLoader at its default `drop_last=False`, how many times is each training sample "
                      "used in an epoch?",
                      accept=("once", "1", "exactly once", "one time", "exactly one time", "1 time", "just once",
                              "only once"),
                      reject=("2", "twice", "3", "5", "15", "many", "0", "at least once"), form="one word",
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
        "an epoch is one complete pass over the training data: every sample used once (unless drop_last=True "
        "leaves out an incomplete last batch)",
        "with batches, one epoch holds one update per batch (full batch: one update per epoch)",
        "every epoch goes over the same rows again; training runs for many epochs",
    ),
)



class TestTheWrittenPart(written.Checks):
    key = KEY
