"""F.linear under no_grad, then .cpu().numpy() (the habit from GPU code)."""

import torch
import torch.nn.functional as F


def predictions_as_numpy(x, w, b):
    with torch.no_grad():
        preds = F.linear(x, w, b)
    return preds.cpu().numpy()
