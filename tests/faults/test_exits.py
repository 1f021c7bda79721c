"""A crash is never a verdict: internal errors exit 3, user errors 2, signals 128 + N."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from faults.cli_faults import GOOD, HERE, SEEDS, assert_clean_end, audit


def test_a_paragraph_of_digits_is_checked_not_a_crash():
    run = audit("check", "--no-config", "-", stdin=b"The minister resigned.\n\n2024\n\nHe left.\n")
    assert_clean_end(run, 0, lines=0)


def test_an_internal_error_exits_3_with_one_line_and_a_hint(article):
    run = audit("check", "--no-config", article, inject=["raise"])
    assert_clean_end(run, 3, "error: internal: RuntimeError: injected fault", "--debug")


def test_debug_shows_the_traceback_of_an_internal_error(article):
    run = audit("check", "--no-config", article, "--debug", inject=["raise"])
    assert run.code == 3
    assert "Traceback" in run.stderr and "injected fault" in run.stderr
    assert run.stderr.strip().splitlines()[-1].startswith("error: internal:")


def test_an_internal_error_leaves_no_report(article, tmp_path):
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    run = audit("check", "--no-config", "-o", report, article, inject=["raise"])
    assert_clean_end(run, 3, "internal")
    assert list(report.parent.iterdir()) == []


def many_articles(folder: Path, count: int = 24) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"{number:02d}.txt").write_text(GOOD, encoding="utf-8")
    return folder


def test_an_internal_error_in_a_worker_exits_3(tmp_path):
    folder = many_articles(tmp_path / "many")
    run = audit("check", "--no-config", "--jobs", "2", folder, inject=["worker-raise"])
    assert_clean_end(run, 3, "error: internal: RuntimeError: injected fault in a worker")


def test_a_user_error_in_a_worker_stays_a_user_error(tmp_path):
    folder = many_articles(tmp_path / "many")
    run = audit("check", "--no-config", "--jobs", "2", folder, inject=["input-error"])
    assert_clean_end(run, 2, "injected input error")


def test_a_worker_that_dies_is_an_internal_error(tmp_path):
    folder = many_articles(tmp_path / "many")
    run = audit("check", "--no-config", "--jobs", "2", folder, inject=["worker-exit"])
    assert_clean_end(run, 3, "error: internal:")


def test_too_many_jobs_are_capped_at_the_cores_with_a_warning(article):
    run = audit("check", "--no-config", "--jobs", "1000", article)
    assert_clean_end(run, 0, "warning: --jobs: 1000 asked", "cores available")


def test_zero_jobs_is_a_usage_error(article):
    assert_clean_end(audit("check", "--jobs", "0", article), 2, "--jobs")


def test_a_closed_stdout_is_an_error_not_a_crash():
    command = [sys.executable, "-m", "audit", "check", "--no-config", str(SEEDS)]
    reader = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.close()  # before the report is written: its first write meets a closed pipe
    stderr = reader.stderr.read().decode()
    assert reader.wait(timeout=60) == 2
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert stderr.strip().splitlines() == [
        "error: <stdout>: closed before the report was written (broken pipe)"
    ]


def test_no_standard_output_at_all_is_an_error(article):
    command = [sys.executable, "-m", "audit", "check", "--no-config", str(article)]
    done = subprocess.run(command, stdout=None, stderr=subprocess.PIPE, check=False,
                          preexec_fn=lambda: os.close(1))  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode().strip().startswith("error: <stdout>:")


def test_a_full_disk_under_stdout_is_an_error(article):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "audit", "check", str(article)],
                              stdout=full, stderr=subprocess.PIPE, check=False)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode().strip().splitlines() == [
        "error: <stdout>: cannot write: No space left on device"
    ]


def test_a_full_disk_under_output_is_an_error(article):
    run = audit("check", "--no-config", "-o", "/dev/full", article)
    assert_clean_end(run, 2, "--output /dev/full: cannot write: No space left on device")


def slow_run(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen[bytes], Path]:
    folder = many_articles(tmp_path / "slow", 40)
    report = tmp_path / "report.json"
    report.write_text("the previous report", encoding="utf-8")
    command = [sys.executable, str(HERE / "inject.py"), "slow", "0.1", "--", "check",
               "--no-config", "-f", "json", "-o", str(report), *extra, str(folder)]  # fmt: skip
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".report.json.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    return child, report


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_ends_the_run_and_removes_the_temporary_report(tmp_path, name):
    child, report = slow_run(tmp_path)
    assert list(tmp_path.glob(".report.json.*.tmp")), "the run never started its report"
    number = getattr(signal, name)
    child.send_signal(number)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 128 + number
    assert stderr.decode().strip().splitlines() == [f"error: interrupted by {name}"]
    assert report.read_text(encoding="utf-8") == "the previous report"
    assert not list(tmp_path.glob(".report.json.*")), "the temporary report was left behind"


def workers_of(marker: str) -> list[int]:
    """The processes still alive whose command line holds ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(os.getpid()):
            try:
                if marker in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.parametrize("name", ["SIGTERM", "SIGKILL"])
def test_workers_end_with_the_run(tmp_path, name):
    child, _ = slow_run(tmp_path, "--jobs", "2")
    marker = str(tmp_path / "slow")
    deadline = time.monotonic() + 30
    while len(workers_of(marker)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers_of(marker)) >= 2, "no worker started"
    child.send_signal(getattr(signal, name))
    child.communicate(timeout=60)
    deadline = time.monotonic() + 10
    while workers_of(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers_of(marker) == [], "a worker outlived the run"


def test_a_user_without_home_or_passwd_entry_runs_with_the_cache_off(article, tmp_path):
    unset = ("AUDIT_CACHE_DIR", "XDG_CACHE_HOME", "HOME")
    env = {name: value for name, value in os.environ.items() if name not in unset}
    command = [sys.executable, str(HERE / "inject.py"), "no-home", "--", "check",
               "--no-config", "-f", "json", str(article)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, env=env, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().strip().splitlines() == [
        "warning: cache: off: no home directory to keep it in (set AUDIT_CACHE_DIR)"
    ]
    assert json.loads(done.stdout)["summary"]["articles"] == 1
