"""Seeds a generator in two steps and turns each index into an int one at a time."""

import torch
from torch.utils.data import DataLoader, TensorDataset


def epoch_orders(n, batch_size, epochs, seed, shuffle=True):
    generator = torch.Generator()
    generator.manual_seed(seed)
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size=batch_size, shuffle=shuffle, generator=generator)
    orders = []
    for _ in range(epochs):
        order = []
        for batch in loader:
            order.extend(int(i) for i in batch[0])
        orders.append(order)
    return orders
