"""An input that cannot be read is an error entry of the run; the other articles are checked."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from faults.cli_faults import GOOD, assert_clean_end, audit

BAD = {
    "empty.txt": b"",
    "latin1.txt": "Le ministre a parl\xe9.".encode("latin-1"),
    "binary.txt": b"\x00\x01\x02 not text \x00" * 10,
    "utf16.txt": "The minister spoke.".encode("utf-16-le"),
}


def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "z-good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def test_a_folder_with_bad_files_reports_them_and_checks_the_rest(tmp_path):
    run = audit("check", "--no-config", "-f", "json", mixed_folder(tmp_path))
    assert_clean_end(run, 2, "empty file", "not valid UTF-8", "binary file", "UTF-16",
                     "no such file", lines=5)  # fmt: skip
    report = json.loads(run.stdout)
    assert [Path(a["path"]).name for a in report["articles"]] == ["a-good.txt", "z-good.txt"]
    assert sorted(Path(e["path"]).name for e in report["errors"]) == sorted([*BAD, "dangling.txt"])
    assert report["summary"]["errors"] == 5


def one_bad(tmp_path: Path) -> tuple[Path, Path]:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    return good, bad


PRESENT = {
    "text": lambda out: (
        "empty.txt: error: empty file" in out and "1 input could not be read" in out
    ),
    "json": lambda out: json.loads(out)["errors"][0]["problem"] == "empty file: nothing to audit",
    "jsonl": lambda out: json.loads(out.splitlines()[1])["error"]["problem"].startswith("empty"),
    "sarif": lambda out: not json.loads(out)["runs"][0]["invocations"][0]["executionSuccessful"],
    "junit": lambda out: ET.fromstring(out).get("errors") == "1",
    "github": lambda out: "::error file=" in out and "empty file" in out,
    "markdown": lambda out: "**error**: empty file" in out,
}


@pytest.mark.parametrize("output_format", sorted(PRESENT))
def test_every_format_carries_the_error_entry(tmp_path, output_format):
    good, bad = one_bad(tmp_path)
    run = audit("check", "--no-config", "-f", output_format, good, bad)
    assert_clean_end(run, 2, "empty.txt: empty file")
    assert PRESENT[output_format](run.stdout), run.stdout


def test_fail_fast_stops_at_the_first_bad_input_without_a_report(tmp_path):
    good, bad = one_bad(tmp_path)
    report = tmp_path / "out.json"
    run = audit("check", "--no-config", "--fail-fast", "-o", report, good, bad)
    assert_clean_end(run, 2, "empty.txt: empty file")
    assert not report.exists()


def test_a_missing_path_is_an_entry_and_the_rest_is_checked(tmp_path):
    good, _ = one_bad(tmp_path)
    run = audit("check", "--no-config", "-f", "json", tmp_path / "missing.txt", good)
    assert_clean_end(run, 2, "missing.txt: no such file or directory")
    assert len(json.loads(run.stdout)["articles"]) == 1


def test_a_bad_jsonl_record_is_an_entry_and_the_others_are_checked(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text('{"text": "One."}\n{broken\n{"id": "x"}\n{"text": "Two."}\n')
    run = audit("check", "--no-config", "-f", "json", "--jsonl", records)
    assert_clean_end(run, 2, "records.jsonl:2: not valid JSON", "records.jsonl:3:", lines=2)
    assert [a["id"] for a in json.loads(run.stdout)["articles"]] == ["records:1", "records:4"]


def test_jsonl_from_standard_input():
    stdin = b'{"id": "a", "text": "The minister spoke in Bagdad."}\n'
    run = audit("check", "--no-config", "-f", "json", "--jsonl", "-", stdin=stdin)
    assert run.code == 0 and json.loads(run.stdout)["articles"][0]["id"] == "a"


def test_standard_input_is_read_once():
    run = audit("check", "--no-config", "-", "--jsonl", "-", stdin=b"x")
    assert_clean_end(run, 2, "standard input can be read only once")


def test_an_endless_device_is_refused_not_read_for_ever():
    run = audit("check", "--no-config", "-f", "json", "/dev/zero")
    assert_clean_end(run, 2, "/dev/zero: more than 128 MB: too large to be an article")


def test_a_folder_without_articles_is_an_entry(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    run = audit("check", "--no-config", tmp_path)
    assert_clean_end(run, 2, "no files matching *.txt, *.md")


def test_the_error_file_a_shell_creates_in_the_folder_does_not_stop_the_run(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "article.txt").write_text(GOOD, encoding="utf-8")
    errors = folder / "err.txt"
    with errors.open("w") as stderr:  # `audit check articles/ 2> articles/err.txt`
        import subprocess
        import sys

        done = subprocess.run([sys.executable, "-m", "audit", "check", "--no-config", "-f",
                               "json", str(folder)], stdout=subprocess.PIPE, stderr=stderr,
                              check=False)  # fmt: skip
    assert done.returncode == 2
    assert [Path(a["path"]).name for a in json.loads(done.stdout)["articles"]] == ["article.txt"]
    assert "err.txt: empty file" in errors.read_text()
