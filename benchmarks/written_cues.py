"""How far cheap cues go on the written parts' statements, with no understanding at all.

A test-wise learner who cannot tell true from false still has the statements' surface: their length, their
absolute words ("always", "never", "only", "must"), their hedges ("can", "usually", "about"), their code spans
and numbers. Each strategy below ticks by one such rule; the figure is the share of marks it gets right and
the parts whose whole statement section it passes. Chance is about 50% and no part passed.

    python benchmarks/written_cues.py            # the 32 parts (the keys in tests/)
    python benchmarks/written_cues.py --quiz     # the reserve statements in quiz/*.toml as well

selftest/test_written.py proves the limits (length strategies pass no part; no one-rule cue above 60%; within a
true/false twin no cue picks the true one more than 60% of the time; the quiz's true share, lengths and cues).

Measured on main at fd289c1, before the review: true statements 111 characters on average, false 90; "tick those
longer than the part's median" 68.5% right (passes q01), "the longest half, rounded up" 67.8% (q01, q40); within a
twin the longer statement was the true one in 72% of 107 pairs. Quiz: 50 of 81 statements true (62%), true 118
characters against false 96, "true if longer than 100 characters" 67.9%, a negation in 16 true and 3 false ones.
(The quiz asks one item at a time, so its "passed" column, per part, means little; the flat shares matter.)
"""

from __future__ import annotations

import re
import statistics
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from katakit import loader, manifest, written  # noqa: E402

ABSOLUTE = re.compile(r"\b(always|never|only|must|every|all|none|no|cannot|can't|any|exactly|whole)\b", re.I)
STRICT_ABSOLUTE = re.compile(r"\b(always|never|only|must)\b", re.I)
HEDGE = re.compile(r"\b(can|could|may|might|usually|often|about|roughly|typically|generally|some|most|"
                   r"tends?|likely|sometimes)\b", re.I)
CODE = re.compile(r"`[^`]+`")
NUMBER = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
NEGATION = re.compile(r"\b(not|no|never|n't|nothing|none|without)\b|n't\b", re.I)
BECAUSE = re.compile(r"\b(because|so that|since|so)\b", re.I)


def parts() -> dict[str, list[tuple[str, bool]]]:
    """Each written part's statements as (text, true), in the order reference/ shows them."""
    found = {}
    for kata in manifest.load(ROOT):
        if kata.kind == "code":
            continue
        key = loader.load_module(ROOT / kata.test_file, f"cue_{kata.id}").KEY
        shown = list(written.parse((ROOT / "reference" / f"{kata.name}.md").read_text(encoding="utf-8"),
                                   Path(kata.name)).marks)
        truth = {written._squash(s.text): s for s in key.statements}
        found[kata.id] = [(truth[t].text, truth[t].true) for t in shown if t in truth]
    return found


def quiz_statements() -> dict[str, list[tuple[str, bool]]]:
    found = {}
    for path in sorted((ROOT / "quiz").glob("q*.toml")):
        items = tomllib.loads(path.read_text(encoding="utf-8")).get("item", [])
        found[path.stem[:3]] = [(i["text"], i["true"]) for i in items if i.get("kind") == "statement"]
    return {k: v for k, v in found.items() if v}


def longer_than_median(part: list[tuple[str, bool]]) -> list[bool]:
    median = statistics.median(len(t) for t, _ in part)
    return [len(t) > median for t, _ in part]


def longest_half(part: list[tuple[str, bool]], round_up: bool = False) -> list[bool]:
    k = (len(part) + round_up) // 2
    ranked = sorted(range(len(part)), key=lambda i: -len(part[i][0]))
    chosen = set(ranked[:k])
    return [i in chosen for i in range(len(part))]


def by_rule(rule):
    return lambda part: [bool(rule(t)) for t, _ in part]


STRATEGIES = {
    "tick those longer than the part's median": longer_than_median,
    "tick the longest half (rounded down)": longest_half,
    "tick the longest half (rounded up)": lambda p: longest_half(p, True),
    "tick those longer than 100 characters": by_rule(lambda t: len(t) > 100),
    "tick those longer than the course's median": lambda p: [len(t) > COURSE_MEDIAN[0] for t, _ in p],
    "tick unless always/never/only/must": by_rule(lambda t: not STRICT_ABSOLUTE.search(t)),
    "tick unless an absolute word (all, every, no, any, ...)": by_rule(lambda t: not ABSOLUTE.search(t)),
    "tick if a hedge (can, usually, about, ...)": by_rule(HEDGE.search),
    "tick if a code span": by_rule(CODE.search),
    "tick unless a code span": by_rule(lambda t: not CODE.search(t)),
    "tick if a number": by_rule(NUMBER.search),
    "tick unless a number": by_rule(lambda t: not NUMBER.search(t)),
    "tick unless a negation (not, no, never, without)": by_rule(lambda t: not NEGATION.search(t)),
    "tick if a reason (because, so, since)": by_rule(BECAUSE.search),
    "tick unless a reason (because, so, since)": by_rule(lambda t: not BECAUSE.search(t)),
}


def score(strategy, groups: dict[str, list[tuple[str, bool]]]) -> tuple[float, list[str]]:
    right = total = 0
    passed = []
    for pid, part in groups.items():
        ticks = strategy(part)
        hits = sum(tick == truth for tick, (_, truth) in zip(ticks, part, strict=True))
        right, total = right + hits, total + len(part)
        if hits == len(part):
            passed.append(pid)
    return right / total, passed


def lengths(groups) -> tuple[float, float, int, int]:
    trues = [len(t) for part in groups.values() for t, ok in part if ok]
    falses = [len(t) for part in groups.values() for t, ok in part if not ok]
    return statistics.mean(trues), statistics.mean(falses), len(trues), len(falses)


def cue_shares(groups) -> list[tuple[str, int, int]]:
    """For each cue: in how many true and how many false statements it appears."""
    flat = [(t, ok) for part in groups.values() for t, ok in part]
    cues = {"always/never/only/must": STRICT_ABSOLUTE, "absolute word": ABSOLUTE, "hedge": HEDGE, "code span": CODE,
            "number": NUMBER, "negation": NEGATION, "reason": BECAUSE}
    return [(name, sum(bool(rx.search(t)) for t, ok in flat if ok), sum(bool(rx.search(t)) for t, ok in flat if not ok))
            for name, rx in cues.items()]


COURSE_MEDIAN = [100.0]  # set by report() to the median length over all the statements it measures


def report(title: str, groups) -> None:
    COURSE_MEDIAN[0] = statistics.median(len(t) for part in groups.values() for t, _ in part)
    mean_true, mean_false, n_true, n_false = lengths(groups)
    print(f"\n{title}: {sum(map(len, groups.values()))} statements in {len(groups)} groups; mean length true "
          f"{mean_true:.0f} ({n_true}), false {mean_false:.0f} ({n_false}), ratio {mean_true / mean_false:.2f}")
    for name, strategy in STRATEGIES.items():
        share, passed = score(strategy, groups)
        print(f"  {share:5.1%}  {len(passed):2d} passed  {name}" + (f"  {', '.join(passed)}" if passed else ""))
    print("  cue in (true, false) statements: " + "; ".join(f"{n} {t}/{f}" for n, t, f in cue_shares(groups)))


def twins() -> None:
    """Within each idea's true/false pair: how often picking by one cue finds the true statement (ties count half)."""
    pairs = []
    for kata in manifest.load(ROOT):
        if kata.kind == "code":
            continue
        statements = loader.load_module(ROOT / kata.test_file, f"twin_{kata.id}").KEY.statements
        pairs += [(a.text, b.text) for a in statements if a.true for b in statements if not b.true and b.idea == a.idea]
    picks = {"the longer": len, "the one without always/never/only/must": lambda t: not STRICT_ABSOLUTE.search(t),
             "the one with a hedge": lambda t: bool(HEDGE.search(t)), "the one without a negation":
             lambda t: not NEGATION.search(t), "the one without a reason": lambda t: not BECAUSE.search(t)}
    print(f"\nwithin {len(pairs)} true/false twins, picking")
    for name, feature in picks.items():
        right = sum(0.5 if feature(t) == feature(f) else feature(t) > feature(f) for t, f in pairs) / len(pairs)
        print(f"  {right:5.1%}  {name}")


if __name__ == "__main__":
    report("written parts", parts())
    twins()
    if "--quiz" in sys.argv:
        report("quiz reserve (grouped by part)", quiz_statements())
