"""katakit's shortcuts are exact: the eager SGD step gives torch's own numbers, option for option.

torch's own step imports torch._dynamo (over a second, and a lot of memory), so the comparison runs in a worker
process: the self-test's own process stays small, and its later forks stay cheap."""

import pytest
import torch

from katakit import quick_optim, supervisor

OPTIONS = [{}, {"momentum": 0.9}, {"momentum": 0.85, "maximize": True}, {"weight_decay": 0.1},
           {"momentum": 0.9, "nesterov": True}]


def _both_steps(options: dict) -> tuple[list, list]:
    gen = torch.Generator().manual_seed(0)
    start = [torch.randn(2, 3, generator=gen), torch.randn(2, generator=gen)]
    grads = [[torch.randn_like(p) for p in start] for _ in range(3)]
    final = []
    for step in (quick_optim.TORCH_SGD_STEP, quick_optim._sgd_step):
        params = [p.clone().requires_grad_() for p in start]
        opt = torch.optim.SGD(params, lr=0.1, **options)
        for g in grads:
            for p, gp in zip(params, g, strict=True):
                p.grad = gp.clone()
            step(opt)
        final.append([p.detach().tolist() for p in params])
    return final[0], final[1]


def _all() -> list:
    return [_both_steps(options) for options in OPTIONS]


@pytest.fixture(scope="module")
def steps() -> list:
    return supervisor.call(_all, timeout=60)


@pytest.mark.parametrize("n", range(len(OPTIONS)), ids=[str(o) for o in OPTIONS])
def test_the_eager_sgd_step_gives_torchs_own_numbers(n, steps):
    torchs, ours = steps[n]
    assert ours == torchs, f"with {OPTIONS[n]} the eager step differs from torch's"


def test_the_journal_skips_bad_lines_and_never_reads_or_writes_through_a_link_or_a_fifo(tmp_path):
    import os

    from katakit import journal

    assert journal.log(tmp_path, "hint", "q13", level=1)
    with open(tmp_path / journal.JOURNAL, "a", encoding="utf-8") as out:
        out.write("not json\n" + "[" * 100_000 + "\n" + '{"event": 3, "kata": "q13", "t": 1}\n')
    assert [(e["event"], e["level"]) for e in journal.events(tmp_path)] == [("hint", 1)]
    fifo, link, outside = tmp_path / "fifo", tmp_path / "link", tmp_path / "outside"
    (fifo / ".katas").mkdir(parents=True)
    os.mkfifo(fifo / journal.JOURNAL)
    assert not journal.log(fifo, "hint", "q13") and journal.events(fifo) == []
    (link / ".katas").mkdir(parents=True)
    outside.write_text("")
    (link / journal.JOURNAL).symlink_to(outside)
    assert not journal.log(link, "hint", "q13") and outside.read_text() == ""
