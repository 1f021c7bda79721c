"""``--output`` never destroys what is at the path, and keeps the umask's mode."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from faults.cli_faults import assert_clean_end, audit, listing


def check(*args: str | Path, **options: object):
    return audit("check", "--no-config", "-f", "json", *args, **options)  # type: ignore[arg-type]


def test_an_article_is_never_its_own_report(article):
    run = check(article, "-o", article)
    assert_clean_end(run, 2, "is also an input of this run")
    assert article.read_text(encoding="utf-8").startswith("The minister spoke")


def test_a_report_that_a_folder_input_would_read_is_refused(tmp_path, article):
    run = check(tmp_path, "-o", tmp_path / "report.txt")
    assert_clean_end(run, 2, "report.txt", "is also an input")
    assert not (tmp_path / "report.txt").exists()


def test_a_hidden_or_unmatched_report_inside_a_folder_input_is_fine(tmp_path, article):
    run = check(tmp_path, "-o", tmp_path / "report.json")
    assert run.code == 0 and json.loads((tmp_path / "report.json").read_text())["articles"]


@pytest.mark.parametrize("option", ["--jsonl", "--baseline"])
def test_the_jsonl_or_baseline_file_is_never_the_report(tmp_path, option):
    source = tmp_path / "input.json"
    source.write_text('{"text": "The minister spoke in Bagdad on Friday."}\n', encoding="utf-8")
    before = listing(tmp_path)
    run = check(option, source, "-o", source, "-")
    assert_clean_end(run, 2, "is also an input")
    assert listing(tmp_path) == before


def test_the_baseline_written_is_not_the_report(tmp_path, article):
    run = check(article, "-o", tmp_path / "same.json", "--baseline-write", tmp_path / "same.json")
    assert_clean_end(run, 2, "--baseline-write")


def test_a_symbolic_link_keeps_pointing_at_the_report(tmp_path, article):
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert check(article, "-o", link).code == 0
    assert link.is_symlink() and json.loads(target.read_text())["summary"]["articles"] == 1


def test_a_link_to_nothing_is_refused(tmp_path, article):
    link = tmp_path / "dangling.json"
    link.symlink_to(tmp_path / "nowhere" / "x.json")
    assert_clean_end(check(article, "-o", link), 2, "is a symbolic link to nothing")
    assert link.is_symlink()


def test_a_directory_is_refused(tmp_path, article):
    (tmp_path / "folder").mkdir()
    assert_clean_end(check(article, "-o", tmp_path / "folder"), 2, "is a directory")


def test_a_missing_folder_is_refused(tmp_path, article):
    run = check(article, "-o", tmp_path / "missing" / "report.json")
    assert_clean_end(run, 2, "cannot write here")


def a_null_device(tmp_path: Path) -> Path:
    """A device node of our own, like /dev/null (which other processes may be using)."""
    if os.geteuid() != 0:
        return Path("/dev/null")
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.stat("/dev/null").st_rdev or os.makedev(1, 3))
    return node


def test_a_device_stays_a_device(tmp_path, article):
    device = a_null_device(tmp_path)
    before = os.stat(device)
    assert stat.S_ISCHR(before.st_mode)
    assert check(article, "-o", device).code == 0
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@pytest.mark.parametrize("path", ["-", "/dev/stdout"])
def test_standard_output_is_written_through(article, path):
    run = check(article, "-o", path)
    assert run.code == 0 and json.loads(run.stdout)["summary"]["articles"] == 1


def test_a_named_pipe_is_written_through(tmp_path, article):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    run = check(article, "-o", pipe)
    reader.join(timeout=60)
    assert run.code == 0 and json.loads(received[0])["summary"]["articles"] == 1
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_report_gets_the_umasks_mode(tmp_path, article, umask, mode):
    report = tmp_path / "report.json"
    command = [
        sys.executable,
        "-m",
        "audit",
        "check",
        "--no-config",
        "-o",
        str(report),
        str(article),
    ]
    done = subprocess.run(command, capture_output=True, check=False,
                          preexec_fn=lambda: os.umask(umask))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(report.stat().st_mode) == mode


def test_a_replaced_report_keeps_its_mode(tmp_path, article):
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")
    report.chmod(0o640)
    assert check(article, "-o", report).code == 0
    assert stat.S_IMODE(report.stat().st_mode) == 0o640 and report.read_text() != "old"


def test_a_failed_run_leaves_the_previous_report_and_no_temporary_file(tmp_path, article):
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    report.write_text("the previous report", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules: [\n", encoding="utf-8")
    run = check("--rules", bad, article, "-o", report)
    assert_clean_end(run, 2, "invalid YAML")
    assert listing(report.parent) == {"report.json": b"the previous report"}
