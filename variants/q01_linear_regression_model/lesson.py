"""The lesson's own example: crop yields from the weather, its 15 rows via torch.from_numpy.

The lesson's own example of a linear regression problem: crop yields (apples, oranges) from temperature,
rainfall and humidity, its 15 rows as float32 numpy arrays turned into tensors with torch.from_numpy."""

import numpy as np
import torch


def example_problem():
    inputs = np.array([[73, 67, 43], [91, 88, 64], [87, 134, 58], [102, 43, 37], [69, 96, 70],
                       [74, 66, 43], [91, 87, 65], [88, 134, 59], [101, 44, 37], [68, 96, 71],
                       [73, 66, 44], [92, 87, 64], [87, 135, 57], [103, 43, 36], [68, 97, 70]], dtype='float32')
    targets = np.array([[56, 70], [81, 101], [119, 133], [22, 37], [103, 119],
                        [57, 69], [80, 102], [118, 132], [21, 38], [104, 118],
                        [57, 69], [82, 100], [118, 134], [20, 38], [102, 120]], dtype='float32')
    return torch.from_numpy(inputs), torch.from_numpy(targets)
