"""np.asarray to float32, then torch.from_numpy: no copy of a float32 array.

torch.from_numpy on a float32 array made without a copy (np.asarray): a float32 array given in is shared, not
copied. The lesson's way; sharing memory is a "going further" note, not a failure."""

import numpy as np
import torch


def to_tensor(rows):
    return torch.from_numpy(np.asarray(rows, dtype=np.float32))
