"""For a teacher: the GitHub Classroom autograding workflow (one grader step per kata, one point each),
generated from the manifest, and `katas roster`: one class table from many learners' `katas report --json`.

    katas classroom            # writes .github/workflows/classroom.yml from katas.toml
    katas classroom --check    # exit 1 when the file on disk is not what katas.toml gives (the self-test runs it)
    katas roster reports/      # the class table; --markdown, --csv, or --png heatmap.png (needs .[plot])
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from katakit import files, manifest
from katakit.views import plural

WORKFLOW = Path(".github") / "workflows" / "classroom.yml"
STATUSES = ("passed", "failed", "error", "not_started")


# Actions pinned to a commit (zizmor's unpinned-uses): a tag can be moved to other code, a commit cannot. The
# SHAs were read from public workflows that pin the same version, each seen in two or more of them.
CHECKOUT = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683  # v4.2.2"
SETUP_PYTHON = "actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065  # v5.6.0"
# GitHub Classroom's own grader and reporter publish a moving `v1` tag and no release commits: their commit
# could not be verified offline, so they stay on v1 (see the README's maintainers section).
GRADER = "education/autograding-command-grader@v1  # zizmor: ignore[unpinned-uses] GitHub Classroom's, see README"
REPORTER = "education/autograding-grading-reporter@v1  # zizmor: ignore[unpinned-uses] GitHub Classroom's, see README"
# The first commit of every GitHub Classroom repository is Classroom's "Initial commit" by this bot; a fork or
# a "Use this template" copy starts from the project's or the learner's own commit.
CLASSROOM_BOT = "github-classroom[bot]"


def workflow(katas: list[manifest.Kata]) -> str:
    """The autograding workflow: a job that tells whether this is a Classroom repository, then (only there)
    install once and run `katas check qNN` as a grader step per kata."""
    lines = [
        "# GitHub Classroom autograding: one point per kata, 0-44 per learner. Generated from katas.toml by",
        "# `katas classroom`; do not edit by hand (the self-test checks it matches).",
        "# It grades only in a GitHub Classroom assignment repository. Anywhere else (a fork, a copy made with",
        '# "Use this template") the first job says so and the grading job is skipped: no red beside `katas`.',
        "name: Autograding Tests",
        "on:",
        "  push:",
        "  repository_dispatch:",
        "permissions:",
        "  contents: read",
        "jobs:",
        "  classroom:",
        "    # A Classroom repository starts with Classroom's own commit, by github-classroom[bot]: the one mark",
        "    # GitHub Classroom leaves in every assignment repository (forks and template copies of a learner",
        "    # who is not in a class start from another commit). Skipped on the bot's own set-up pushes.",
        "    runs-on: ubuntu-latest",
        f"    if: github.actor != '{CLASSROOM_BOT}'",
        "    timeout-minutes: 5",
        "    outputs:",
        "      graded: ${{ steps.where.outputs.graded }}",
        "    steps:",
        f"      - uses: {CHECKOUT}",
        "        with:",
        "          fetch-depth: 0  # the first commit tells where this runs",
        "          persist-credentials: false",
        "      - name: Is this a GitHub Classroom assignment repository?",
        "        id: where",
        "        run: |",
        f"          if git log --max-parents=0 --format='%an <%ae>' HEAD | grep -qF '{CLASSROOM_BOT}'; then",
        '            echo "graded=true" >> "$GITHUB_OUTPUT"',
        "          else",
        '            echo "Not a GitHub Classroom assignment repository (its first commit is not Classroom\'s): no grading."',
        '            echo "graded=false" >> "$GITHUB_OUTPUT"',
        "          fi",
        "  run-autograding-tests:",
        "    needs: classroom",
        "    if: needs.classroom.outputs.graded == 'true'",
        "    runs-on: ubuntu-latest",
        "    timeout-minutes: 60",
        "    permissions:",
        "      checks: write  # the grading reporter writes the score as a check run",
        "      actions: read",
        "      contents: read",
        "    steps:",
        "      - name: Checkout code",
        f"        uses: {CHECKOUT}",
        "        with:",
        "          fetch-depth: 0  # `katas check` compares the tests with the repository's first commit",
        "          persist-credentials: false",
        f"      - uses: {SETUP_PYTHON}",
        "        with:",
        '          python-version: "3.11"',
        "          cache: pip",
        "          cache-dependency-path: pyproject.toml",
        "      - name: Install the CPU build of torch and the katas",
        "        run: |",
        "          python -m pip install torch --index-url https://download.pytorch.org/whl/cpu",
        "          python -m pip install -e .",
    ]
    for kata in katas:
        lines += [
            f"      - name: {kata.id}",
            f"        id: {kata.id}",
            f"        uses: {GRADER}",
            "        with:",
            f"          test-name: {kata.id}",
            '          setup-command: ""',
            f"          command: katas check {kata.id}",
            "          timeout: 2",
            "          max-score: 1",
        ]
    lines += ["      - name: Autograding Reporter", f"        uses: {REPORTER}", "        env:"]
    lines += [f'          {kata.id.upper()}_RESULTS: "${{{{steps.{kata.id}.outputs.result}}}}"' for kata in katas]
    lines += ["        with:", f"          runners: {','.join(k.id for k in katas)}"]
    return "\n".join(lines) + "\n"


# The roster -------------------------------------------------------------------------------------------


@dataclass
class Learner:
    name: str
    statuses: dict[str, str]  # kata id -> status
    failing: dict[str, list[tuple[str, str]]]  # kata id -> [(check name, first line of its message)]
    learning: dict[str, dict] = field(default_factory=dict)  # kata id -> {"first_try": {...}, "quiz": {...}}, valid only
    history: dict[str, dict] = field(default_factory=dict)  # kata id -> its well-formed teacher's fields

    @property
    def passed(self) -> int:
        return sum(s == "passed" for s in self.statuses.values())


def _learner_name(path: Path) -> str:
    """reports/ada.json is ada; reports/ada-katas/katas-report.json (as `gh run download` leaves it) is ada-katas."""
    return path.parent.name if path.stem == "katas-report" else path.stem


MAX_REPORT_BYTES = 20 << 20  # a report of 44 katas is a few hundred kB at most


def _problem(data) -> str | None:
    """What makes data not a `katas report --json` report, in a few words; None when it is one."""
    if not isinstance(data, dict):
        return f"the top level is a {type(data).__name__}, not an object"
    if not isinstance(data.get("katas"), list):
        return '"katas" is not a list'
    for n, kata in enumerate(data["katas"]):
        where = f"katas[{n}]"
        if not isinstance(kata, dict):
            return f"{where} is not an object"
        if not isinstance(kata.get("id"), str):
            return f"{where} has no id (a string such as q13)"
        if kata.get("status") not in STATUSES:
            return f"{where} ({kata['id']}) has no status (one of {', '.join(STATUSES)})"
        for key in ("failed_checks", "messages"):
            value = kata.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return f"{where} ({kata['id']}): {key} is not a list of strings"
    return None


def read_reports(folder: Path) -> tuple[list[Learner], list[str]]:
    """Every `katas report --json` file under folder, and a line for each file that was skipped and why: not a
    regular file (a folder named x.json, a FIFO: never opened), too large, not UTF-8, not JSON, nested too
    deep, or JSON of another shape."""
    import stat

    learners, skipped = [], []
    for path in sorted(folder.rglob("*.json")):
        shown = path.relative_to(folder).as_posix()
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):  # a folder named x.json, a FIFO (never opened: it would wait)
                skipped.append(f"{shown}: {files.kind(info.st_mode)}, not a report file")
                continue
            if info.st_size > MAX_REPORT_BYTES:
                skipped.append(f"{shown}: {info.st_size >> 20} MB, too large for a report")
                continue
            data = json.loads(path.read_bytes().decode("utf-8"))
        except OSError as err:
            skipped.append(f"{shown}: could not be read ({err.strerror or err})")
            continue
        except UnicodeDecodeError:
            skipped.append(f"{shown}: not UTF-8 text")
            continue
        except ValueError as err:
            skipped.append(f"{shown}: not valid JSON ({err})")
            continue
        except RecursionError:
            skipped.append(f"{shown}: not a `katas report --json` file (nested too deep)")
            continue
        problem = _problem(data)
        if problem:
            skipped.append(f"{shown}: not a `katas report --json` file ({problem})")
            continue
        katas = data["katas"]
        statuses = {k["id"]: k["status"] for k in katas}
        failing = {k["id"]: [(name, msg.splitlines()[0] if msg.strip() else "")
                             for name, msg in zip(k.get("failed_checks", []),
                                                  k.get("messages") or [""] * len(k.get("failed_checks", [])),
                                                  strict=False)]
                   for k in katas if k["status"] in ("failed", "error")}
        learners.append(Learner(_learner_name(path), statuses, failing, read_learning(katas), read_history(katas)))
    return learners, skipped


def _count(value, most: int = 100_000) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= most


def read_learning(entries: list[dict]) -> dict[str, dict]:
    """Each kata's "first_try" and "quiz" fields from a report someone else wrote: a field that is not what
    `katas report --json` writes (right > of, a box of 9, a date that is no date) is left out, never trusted."""
    found: dict[str, dict] = {}
    for entry in entries:
        kata_id, first, quiz = entry.get("id"), entry.get("first_try"), entry.get("quiz")
        if not isinstance(kata_id, str):
            continue
        if isinstance(first, dict) and _count(first.get("of")) and _count(first.get("right"), first["of"]):
            found.setdefault(kata_id, {})["first_try"] = {"right": first["right"], "of": first["of"]}
        if (isinstance(quiz, dict) and _count(quiz.get("of")) and _count(quiz.get("right"), quiz["of"])
                and _count(quiz.get("box"), 4) and _iso_date(quiz.get("due"))):
            found.setdefault(kata_id, {})["quiz"] = {k: quiz[k] for k in ("right", "of", "box", "due")}
    return found


def _iso_date(value) -> bool:
    if value is None:
        return True
    try:
        return isinstance(value, str) and len(value) == 10 and bool(date.fromisoformat(value))
    except ValueError:
        return False


def learning_rows(learners: list[Learner], katas: list[manifest.Kata], today: date | None = None
                  ) -> tuple[list[list[str]], list[list[str]]]:
    """The written parts: (per learner: name, first try right/of, quiz right/of, parts due for a quiz),
    (per written kata: id, first try right/of over the class, quiz right/of, learners with it in box 3 or 4)."""
    today = today or date.today()

    def total(learning: list[dict], part: str) -> str:
        fields = [v[part] for v in learning if part in v]
        return f"{sum(f['right'] for f in fields)}/{sum(f['of'] for f in fields)}" if fields else "-"

    ids = {k.id for k in katas}  # a report's other entries count nowhere
    people = []
    for p in sorted(learners, key=lambda p: p.name):
        mine = [v for kata_id, v in p.learning.items() if kata_id in ids]
        due = sum(bool(v.get("quiz", {}).get("due")) and date.fromisoformat(v["quiz"]["due"]) <= today for v in mine)
        people.append([p.name, total(mine, "first_try"), total(mine, "quiz"), str(due)])
    per_kata = []
    for kata in katas:
        learning = [p.learning[kata.id] for p in learners if kata.id in p.learning]
        if learning:
            kept = sum(v.get("quiz", {}).get("box", 0) >= 3 for v in learning)
            per_kata.append([kata.id, total(learning, "first_try"), total(learning, "quiz"), f"{kept}/{len(learners)}"])
    return people, per_kata


LEARNING_COLUMNS = (("learner", "first try", "quiz", "due"), ("written part", "first try", "quiz", "box 3+"))


def learning_markdown(learners: list[Learner], katas: list[manifest.Kata]) -> str:
    people, per_kata = learning_rows(learners, katas)
    lines = ["", "### Written parts: first tries and quiz retention", ""]
    for columns, rows in zip(LEARNING_COLUMNS, (people, per_kata), strict=True):
        lines += [f"| {' | '.join(columns)} |", "|" + "---|" * len(columns)] + [f"| {' | '.join(r)} |" for r in rows]
        lines.append("")
    return "\n".join(lines)


def _when(value) -> datetime | None:
    """An ISO 8601 time from someone else's JSON, or None when it is not one."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


def read_history(katas: list) -> dict[str, dict]:
    """Per kata id, the teacher's fields of a report's entries (hints_seen, solution_forced, checks, first_check,
    last_check), each kept only when well formed: these are other people's files, and a field that is missing,
    of the wrong type or out of range is left out rather than trusted or fatal."""
    found = {}
    for entry in katas:
        fields = {}
        level, forced, checks = entry.get("hints_seen"), entry.get("solution_forced"), entry.get("checks")
        if isinstance(level, int) and not isinstance(level, bool) and 0 <= level <= 99:
            fields["hints_seen"] = level
        if isinstance(forced, bool):
            fields["solution_forced"] = forced
        if isinstance(checks, int) and not isinstance(checks, bool) and 0 <= checks <= 1_000_000:
            fields["checks"] = checks
        first, last = _when(entry.get("first_check")), _when(entry.get("last_check"))
        if first and last and first <= last:
            fields["span"] = (last - first).total_seconds()
        if fields:
            found[str(entry.get("id"))] = fields
    return found


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 60}h {minutes % 60:02d}m" if minutes >= 60 else f"{minutes}m"


def effort(learner: Learner, katas: list[manifest.Kata]) -> list[str]:
    """Hint levels seen (summed over katas), solutions opened before a pass, checks (attempts with new content)
    and time (first to last check, summed over katas); '-' where the report said nothing well formed."""
    ids = {k.id for k in katas}
    mine = [fields for kata_id, fields in learner.history.items() if kata_id in ids]

    def total(key):
        values = [f[key] for f in mine if key in f]
        return sum(values) if values else None

    counts = [total("hints_seen"), total("solution_forced"), total("checks")]
    span = total("span")
    return ["-" if v is None else str(int(v)) for v in counts] + ["-" if span is None else _duration(span)]


def effort_rows(learners: list[Learner], katas: list[manifest.Kata]) -> list[list[str]]:
    """Per learner: name, passed, then `effort`."""
    return [[p.name, f"{p.passed}/{len(katas)}", *effort(p, katas)]
            for p in sorted(learners, key=lambda p: (-p.passed, p.name))]


def most_forced(learners: list[Learner], katas: list[manifest.Kata], top: int = 5) -> list[tuple[str, int]]:
    """The katas whose solution most learners opened before passing: (kata id, how many learners)."""
    ids = {k.id for k in katas}
    counts: Counter = Counter(kata_id for p in learners for kata_id, f in p.history.items()
                              if kata_id in ids and f.get("solution_forced") is True)
    return counts.most_common(top)


def common_failures(learners: list[Learner], top: int = 10) -> list[tuple[str, str, int, str]]:
    """The checks that fail most often across the class: (kata id, check, how many learners, a message)."""
    counts: Counter = Counter()
    messages: dict[tuple[str, str], str] = {}
    for learner in learners:
        for kata_id, checks in learner.failing.items():
            for name, message in dict(checks).items():
                counts[(kata_id, name)] += 1
                messages.setdefault((kata_id, name), message)
    return [(k, name, n, messages[(k, name)]) for (k, name), n in counts.most_common(top)]


def table_rows(learners: list[Learner], katas: list[manifest.Kata]) -> tuple[list[list[str]], list[list[str]]]:
    """(per learner: name, passed/total, first kata not passed), (per kata: id, passed by, failing, pass rate)."""
    total = len(katas)
    people = [[p.name, f"{p.passed}/{total}", next((k.id for k in katas if p.statuses.get(k.id) != "passed"), "done")]
              for p in sorted(learners, key=lambda p: (-p.passed, p.name))]
    per_kata = []
    for kata in katas:
        passed = sum(p.statuses.get(kata.id) == "passed" for p in learners)
        failing = sum(p.statuses.get(kata.id) in ("failed", "error") for p in learners)
        rate = f"{100 * passed / len(learners):.0f}%" if learners else "-"
        per_kata.append([kata.id, f"{passed}/{len(learners)}", str(failing), rate])
    return people, per_kata


def markdown(learners: list[Learner], katas: list[manifest.Kata], skipped: list[str]) -> str:
    people, per_kata = table_rows(learners, katas)
    lines = [f"## Class roster: {plural(len(learners), 'learner')}, {plural(len(katas), 'kata')}", ""]
    lines += [f"> Skipped {s}" for s in skipped] + ([""] if skipped else [])
    lines += ["| learner | passed | next kata |", "|---|---|---|"] + [f"| {' | '.join(r)} |" for r in people]
    lines += ["", "| kata | passed by | failing | pass rate |", "|---|---|---|---|"]
    lines += [f"| {' | '.join(r)} |" for r in per_kata]
    lines += ["", "### Hints, solutions and checks", "",
              "| learner | passed | hint levels seen | solutions opened before a pass | checks | time |",
              "|---|---|---|---|---|---|"]
    lines += [f"| {' | '.join(r)} |" for r in effort_rows(learners, katas)]
    forced = most_forced(learners, katas)
    lines += ["", "Opened before a pass most often: " + (", ".join(f"{k} ({n})" for k, n in forced) if forced else "none")]
    lines += ["", "### The checks that fail most often", ""]
    lines += [f"- {k}: {n} of {len(learners)} fail *{name}*: {message}".rstrip(": ")
              for k, name, n, message in common_failures(learners)]
    return "\n".join(lines) + "\n" + learning_markdown(learners, katas)


def csv_text(learners: list[Learner], katas: list[manifest.Kata], today: date | None = None) -> str:
    """One row per learner: statuses, effort, and the written parts' first tries, quiz answers and parts due
    (right/of, as in the Markdown table)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["learner", "passed", *(k.id for k in katas), "hint_levels_seen", "solutions_forced", "checks",
                     "time", "first_try", "quiz", "quiz_due"])
    people, _ = learning_rows(learners, katas, today)  # sorted by name, as here
    for p, learning in zip(sorted(learners, key=lambda p: p.name), people, strict=True):
        writer.writerow([p.name, p.passed, *(p.statuses.get(k.id, "missing") for k in katas), *effort(p, katas),
                         *learning[1:]])
    return out.getvalue()


def heatmap(learners: list[Learner], katas: list[manifest.Kata], path: Path) -> None:
    """A PNG: learners × katas, coloured by status."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap

    order = ["not_started", "failed", "error", "passed"]
    people = sorted(learners, key=lambda p: (-p.passed, p.name))
    grid = [[order.index(p.statuses.get(k.id, "not_started")) for k in katas] for p in people]
    fig, ax = plt.subplots(figsize=(max(8, len(katas) * 0.25), max(2.5, len(people) * 0.3 + 1.5)))
    ax.imshow(grid, cmap=ListedColormap(["#e8e8e8", "#d9534f", "#f0ad4e", "#5cb85c"]), vmin=0, vmax=3, aspect="auto")
    ax.set_xticks(range(len(katas)), [k.id for k in katas], rotation=90, fontsize=7)
    ax.set_yticks(range(len(people)), [f"{p.name} ({p.passed})" for p in people], fontsize=8)
    ax.set_title("Class roster: grey not started, red failed, orange error, green passed")
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
