"""The model with F.linear and the loss with F.mse_loss: both compute the same thing."""

import torch.nn.functional as F


def loss_gradients(inputs, targets, w, b):
    F.mse_loss(F.linear(inputs, w, b), targets).backward()
    return w.grad, b.grad
