"""For a class: the GitHub Classroom workflow matches the manifest, `katas report --junit` writes valid JUnit
XML, `katas roster` turns many learners' reports into one table (skipping bad files by name), and a fork's
CI judges edits to the tests against the commit the fork started from."""

import json
import os
import re
import shutil
import subprocess
import sys
from xml.etree import ElementTree as ET

import pytest

from katakit import cli, manifest, shipped

ROOT = manifest.find_root()
KATAS = manifest.load(ROOT)


def katas(*args, capsys, monkeypatch) -> tuple[int, str]:
    monkeypatch.chdir(ROOT)
    code = cli.main(list(args))
    return code, capsys.readouterr().out


def test_the_classroom_workflow_is_generated_from_the_manifest_with_a_point_per_kata(capsys, monkeypatch):
    code, out = katas("classroom", "--check", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0, out
    text = (ROOT / ".github" / "workflows" / "classroom.yml").read_text(encoding="utf-8")
    assert all(f"command: katas check {k.id}\n" in text for k in KATAS) and text.count("max-score: 1") == len(KATAS)
    assert "pull_request_target" not in text and "contents: read" in text


def test_workflows_pin_their_actions_keep_no_credentials_and_run_only_where_their_verdict_is_true(tmp_path):
    workflows = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / ".github" / "workflows").glob("*.yml")}
    assert set(workflows) == {"classroom.yml", "katas.yml", "selftest.yml", "solution-prs.yml"}
    for name, text in workflows.items():
        for action, comment in re.findall(r"uses: (\S+)(.*)", text):
            pinned = re.fullmatch(r"[\w-]+/[\w.-]+@[0-9a-f]{40}", action) and re.fullmatch(r"\s+# v[\d.]+", comment)
            assert pinned or "zizmor: ignore[unpinned-uses]" in comment, f"{name}: {action}{comment} is not pinned"
        assert text.count("persist-credentials: false") == text.count("uses: actions/checkout@"), name
    # selftest: one line names the project's repository, and every other job needs the job that holds it
    selftest = workflows["selftest.yml"]
    jobs = re.findall(r"^  ([\w-]+):\n(?:    #.*\n)*(.*)", selftest.split("\njobs:\n")[1], re.M)
    assert selftest.count("github.repository == ") == 1 and jobs[0][0] == "home", jobs
    assert all(first == "    needs: home" for _, first in jobs[1:]), jobs
    # classroom: grading needs the job that recognises a Classroom repository by its first commit's author.
    # Run that job's script in a Classroom-made repository and in a learner's own one.
    classroom = workflows["classroom.yml"]
    assert "    needs: classroom\n    if: needs.classroom.outputs.graded == 'true'\n" in classroom
    script = classroom.split("        run: |\n", 1)[1].split("\n  run-autograding-tests:", 1)[0]
    graded = {}
    for who in ("github-classroom[bot]", "a learner"):
        repo = tmp_path / who.split("[")[0].replace(" ", "-")
        (repo / "katas").mkdir(parents=True)
        (repo / "katas" / "q01.py").write_text("x = 1\n")
        subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
        subprocess.run(["git", "-c", f"user.name={who}", "-c", "user.email=66690702+bot@users.noreply.github.com",
                        "-c", "commit.gpgsign=false", "commit", "-qm", "Initial commit"], cwd=repo, check=True)
        subprocess.run(["git", "-c", "user.name=learner", "-c", "user.email=l@example.com", "-c", "commit.gpgsign=false",
                        "commit", "-qm", "my work", "--allow-empty"], cwd=repo, check=True)
        output = tmp_path / f"{repo.name}.out"
        subprocess.run(["bash", "-ec", script], cwd=repo, check=True, capture_output=True,
                       env={**os.environ, "GITHUB_OUTPUT": str(output)})
        graded[who] = output.read_text()
    assert graded == {"github-classroom[bot]": "graded=true\n", "a learner": "graded=false\n"}, graded


def test_report_junit_writes_a_suite_per_kata_and_a_case_per_check(tmp_path, capsys, monkeypatch):
    code, _ = katas("report", "--junit", str(tmp_path / "katas.xml"), capsys=capsys, monkeypatch=monkeypatch)
    suites = ET.parse(tmp_path / "katas.xml").getroot()
    assert code == 0 and suites.tag == "testsuites" and len(suites) == len(KATAS)
    for suite in suites:
        cases = suite.findall("testcase")
        assert cases and int(suite.get("tests")) == len(cases)
        assert int(suite.get("skipped")) == sum(c.find("skipped") is not None for c in cases)
        assert all(c.get("classname") and c.get("name") for c in cases)


def test_report_junit_drops_what_xml_forbids_from_a_learners_exception_message():
    from katakit import views
    from katakit.results import Check, Failure, KataResult

    hostile = "bad\x00 nul\x1b[31m esc\x0c ff \ud800\udfff lone \ufffe end\ttab"
    results = {k.id: KataResult(k.id, "not_started") for k in KATAS}
    results["q13"] = KataResult("q13", "failed", [Check(f"mse{hostile}", "failed", [Failure(hostile)]),
                                                  Check("mse errs", "error", [Failure(hostile)])])
    text = views.report_junit(KATAS, results)
    suite = ET.fromstring(text.encode("utf-8"))  # lone surrogates would not even encode; \x00 would not parse
    cases = suite.find("testsuite[@name='q13 " + manifest.get("q13", KATAS).title + "']").findall("testcase")
    assert [c.find("failure").text for c in cases[:1]] == ["bad nul[31m esc ff  lone  end\ttab"], text[-800:]
    assert cases[1].find("error").get("message") == "bad nul[31m esc ff  lone  end\ttab" and cases[0].get("name")


def _report(statuses: dict[str, str]) -> str:
    katas = [{"id": k, "status": s, "failed_checks": ["mse averages over every element"] if s == "failed" else [],
              "messages": ["mse([[1, 2]], [[1, 4]]) returned 4. Did you forget to average?"] if s == "failed" else []}
             for k, s in statuses.items()]
    return json.dumps({"total": len(katas), "passed": sum(s == "passed" for s in statuses.values()), "katas": katas})


@pytest.fixture
def reports(tmp_path):
    ids = [k.id for k in KATAS]
    (tmp_path / "ada.json").write_text(_report(dict.fromkeys(ids, "passed")))
    (tmp_path / "bo.json").write_text(_report({i: "passed" if n < 22 else "failed" if i == "q23" else "not_started"
                                               for n, i in enumerate(ids)}))
    (tmp_path / "cy-katas").mkdir()
    (tmp_path / "cy-katas" / "katas-report.json").write_text(_report(dict.fromkeys(ids, "not_started")))
    (tmp_path / "broken.json").write_text('{"total": 44, "katas": [')
    (tmp_path / "foreign.json").write_text('{"name": "not a report"}')
    # valid JSON of the wrong shape, nesting that overflows the parser, a folder and a FIFO named *.json
    one = {"id": "q01", "status": "failed", "failed_checks": ["x"], "messages": ["y"]}
    for name, data in {"count.json": {"katas": [{**one, "failed_checks": 5}]}, "none.json": {"katas": "none"},
                       "number.json": {"katas": [{**one, "status": 3}]}, "list.json": [one],
                       "nulls.json": {"katas": [{**one, "messages": [None]}]}}.items():
        (tmp_path / name).write_text(json.dumps(data))
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "folder.json").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.json")
    return tmp_path


def test_roster_prints_the_class_and_names_the_files_it_skipped(reports, capsys, monkeypatch):
    code, out = katas("roster", str(reports), capsys=capsys, monkeypatch=monkeypatch)
    text = " ".join(re.sub("[│┃]", " ", out).split())
    assert code == 0
    assert "ada 44/44 done" in text and "bo 22/44 q23" in text and "cy-katas 0/44 q01" in text, out
    assert "Skipped broken.json: not valid JSON" in text and "Skipped foreign.json: not a `katas report --json`" in text
    for line in ("count.json: not a `katas report --json` file (katas[0] (q01): failed_checks is not a list of strings)",
                 'none.json: not a `katas report --json` file ("katas" is not a list)',
                 "number.json: not a `katas report --json` file (katas[0] (q01) has no status",
                 "list.json: not a `katas report --json` file (the top level is a list, not an object)",
                 "nulls.json: not a `katas report --json` file (katas[0] (q01): messages is not a list of strings)",
                 "deep.json: not a `katas report --json` file (nested too deep)",
                 "folder.json: a folder, not a report file") + (
                ("pipe.json: a FIFO (named pipe), not a report file",) if hasattr(os, "mkfifo") else ()):
        assert f"Skipped {line}" in text, (line, out)
    assert "q23: 1 of 3 fail mse averages over every element" in text


def test_roster_writes_csv_markdown_and_a_heat_map(reports, tmp_path, capsys, monkeypatch):
    code, out = katas("roster", str(reports), "--csv", capsys=capsys, monkeypatch=monkeypatch)
    rows = out.splitlines()
    assert code == 0 and rows[0].startswith("learner,passed,q01") and len(rows) == 4
    code, out = katas("roster", str(reports), "--markdown", capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and "| q23 | 1/3 | 1 | 33% |" in out
    pytest.importorskip("matplotlib")
    code, out = katas("roster", str(reports), "--png", str(tmp_path / "class.png"), capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and (tmp_path / "class.png").read_bytes().startswith(b"\x89PNG")


GIT = ["git", "-c", "user.email=learner@example.com", "-c", "user.name=learner", "-c", "commit.gpgsign=false"]


def _commit(copy, message: str, *paths: str) -> str:
    subprocess.run([*GIT, "init", "-q"], cwd=copy, check=True)
    subprocess.run([*GIT, "add", *(paths or ["-A"])], cwd=copy, check=True)
    subprocess.run([*GIT, "commit", "-qm", message], cwd=copy, check=True)
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=copy, capture_output=True, text=True).stdout.strip()


def _edit_the_tests_and_hide_it(copy) -> None:
    """The attack: edit a test, then rewrite shipped.json so the checksums match the edit."""
    test = copy / "tests" / "test_q13_mse.py"
    test.write_text(test.read_text() + "\n# the learner's edit\n")
    subprocess.run([sys.executable, "-m", "katakit.shipped", "--write"], cwd=copy, check=True, capture_output=True)


def test_edited_tests_never_earn_a_pass_even_when_the_checksums_were_rewritten(make_copy, katas_in, monkeypatch):
    # A repository made from the template (Classroom, "Use this template"): its first commit holds shipped.json,
    # so `katas check` (each Classroom grader step) compares with it by git. Run as a learner would, with the
    # copy's own (rewritten) shipped.json.
    template_made = make_copy()
    shutil.copy(ROOT / "reference" / "q13_mse.py", template_made / "katas" / "q13_mse.py")
    _commit(template_made, "Initial commit")
    _edit_the_tests_and_hide_it(template_made)
    code, text = katas_in(template_made, fresh=True, check=["check", "q13"])["check"]
    assert code == 1 and "(error)" in text and "q13 passes" not in text, text
    assert "tests/test_q13_mse.py" in text and "katakit/shipped.json" in text and "git checkout " in text, text
    # The JSON report, status and `katas ci` take the same guard (cli._guarded); here in this process, with the
    # copy's shipped.json. A fork: its first commit is the project's own, without shipped.json; only `--base`
    # (the CI's merge-base with the upstream) knows where it started.
    monkeypatch.setattr(shipped, "SHIPPED", template_made / "katakit" / "shipped.json")
    assert shipped.guard(template_made).changed == ["katakit/shipped.json", "tests/test_q13_mse.py"]
    fork = make_copy()
    _commit(fork, "the project's first commit", "katas.toml")
    start = _commit(fork, "the fork starts here")
    _edit_the_tests_and_hide_it(fork)
    monkeypatch.setattr(shipped, "SHIPPED", fork / "katakit" / "shipped.json")
    assert shipped.guard(fork).changed == [], "a fork's rewritten checksums hide the edit without --base (expected)"
    found = shipped.guard(fork, base=start)
    assert found.changed == ["katakit/shipped.json", "tests/test_q13_mse.py"] and found.base == start, found

    # Without git the checksums judge alone, and the learner is told so (fail open, with a note).
    def no_git(*args, **kwargs):
        raise RuntimeError("git could not run: [Errno 2] No such file or directory: 'git'")

    monkeypatch.setattr(shipped, "_git", no_git)
    monkeypatch.setattr(shipped, "SHIPPED", template_made / "katakit" / "shipped.json")
    found = shipped.guard(template_made)
    assert found.changed == [] and "git is not installed" in found.note, found  # the rewritten checksums hid it
