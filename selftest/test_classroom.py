"""For a class: the GitHub Classroom workflow matches the manifest, `katas report --junit` writes valid JUnit
XML, `katas roster` turns many learners' reports into one table (skipping bad files by name), and a fork's
CI judges edits to the tests against the commit the fork started from."""

import json
import re
import subprocess
import sys
from xml.etree import ElementTree as ET

import pytest

from katakit import cli, manifest

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


def test_report_junit_writes_a_suite_per_kata_and_a_case_per_check(tmp_path, capsys, monkeypatch):
    code, _ = katas("report", "--junit", str(tmp_path / "katas.xml"), capsys=capsys, monkeypatch=monkeypatch)
    suites = ET.parse(tmp_path / "katas.xml").getroot()
    assert code == 0 and suites.tag == "testsuites" and len(suites) == len(KATAS)
    for suite in suites:
        cases = suite.findall("testcase")
        assert cases and int(suite.get("tests")) == len(cases)
        assert int(suite.get("skipped")) == sum(c.find("skipped") is not None for c in cases)
        assert all(c.get("classname") and c.get("name") for c in cases)


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
    return tmp_path


def test_roster_prints_the_class_and_names_the_files_it_skipped(reports, capsys, monkeypatch):
    code, out = katas("roster", str(reports), capsys=capsys, monkeypatch=monkeypatch)
    text = " ".join(re.sub("[│┃]", " ", out).split())
    assert code == 0
    assert "ada 44/44 done" in text and "bo 22/44 q23" in text and "cy-katas 0/44 q01" in text, out
    assert "Skipped broken.json: not valid JSON" in text and "Skipped foreign.json: not a `katas report --json`" in text
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


def test_fork_ci_sees_edited_tests_even_when_the_checksums_were_rewritten(make_copy, katas_in):
    copy = make_copy()
    git = ["git", "-c", "user.email=learner@example.com", "-c", "user.name=learner"]
    subprocess.run([*git, "init", "-q"], cwd=copy, check=True)
    subprocess.run([*git, "add", "-A"], cwd=copy, check=True)
    subprocess.run([*git, "commit", "-qm", "the fork starts here"], cwd=copy, check=True)
    start = subprocess.run(["git", "rev-parse", "HEAD"], cwd=copy, capture_output=True, text=True).stdout.strip()
    test = copy / "tests" / "test_q13_mse.py"
    test.write_text(test.read_text() + "\n# the learner's edit\n")
    subprocess.run([sys.executable, "-m", "katakit.shipped", "--write"], cwd=copy, check=True, capture_output=True)
    out = katas_in(copy, fresh=True, plain=["ci"], based=["ci", "--base", start])  # the copy's own shipped.json
    assert out["plain"][0] == 0, "the rewritten checksums hide the edit from a plain `katas ci` (expected)"
    code, text = out["based"]
    assert code == 1 and "tests/test_q13_mse.py" in text and "katakit/shipped.json" in text, text[-600:]
