"""Two float64 clones, each with w[i, j] moved one way, and float() for the result."""


def slope_by_finite_difference(loss_fn, w, i, j, eps=1e-3):
    up = w.detach().double().clone()
    down = up.clone()
    up[i, j] += eps
    down[i, j] -= eps
    return float(loss_fn(up) - loss_fn(down)) / (2 * eps)
