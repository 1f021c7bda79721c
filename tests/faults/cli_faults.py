"""What the fault tests share: the real ``audit`` command as a child process, and what to
assert of its end (the fixtures are in ``conftest.py``).

Every case runs ``python -m audit`` (the console script's code) in a child
process, with the test session's private cache, and checks the exit code,
the ``error:`` lines on standard error, that no traceback is printed, and
that no file was left half-written or clobbered. ``inject.py`` beside this
file runs the same entry point with a fault injected (an exception, a
crash, a slow article), for the paths that no input can reach.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEEDS = ROOT / "seeds"
TIMEOUT = 120
PACK = """\
pack: t
rules:
  - id: bagdad
    kind: lexicon
    message: "French spelling: '{match}'."
    severity: major
    category: locale-convention/name-format
    entries: {Bagdad: Baghdad, Kerbala: Karbala}
    examples: {flag: [They met in Bagdad.]}
"""
GOOD = "The minister spoke in Bagdad on Friday about the talks.\n"


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.strip().splitlines()


def audit(
    *args: str | Path,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    inject: Sequence[str] = (),
    unset: Sequence[str] = (),
) -> Run:
    """Run ``audit ARGS`` (through ``inject.py INJECT -- ARGS`` when faults are injected), with
    ``env`` added to this environment and the variables ``unset`` taken out of it."""
    command = [sys.executable, "-m", "audit"]
    if inject:
        command = [sys.executable, str(HERE / "inject.py"), *inject, "--"]
    done = subprocess.run(
        [*command, *map(str, args)],
        input=stdin,
        capture_output=True,
        env={k: v for k, v in {**os.environ, **(env or {})}.items() if k not in unset},
        cwd=cwd,
        timeout=TIMEOUT,
        check=False,
    )
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode())


def assert_clean_end(run: Run, code: int, *fragments: str, lines: int | None = 1) -> None:
    """Exit ``code``, no traceback, and (unless ``lines`` is None) exactly that many lines on
    standard error, each ``error:`` or ``warning:``, holding every fragment between them."""
    assert run.code == code, run
    assert "Traceback" not in run.stderr + run.stdout, run.stderr
    if lines is not None:
        assert len(run.lines) == lines, run.stderr
    assert all(line.startswith(("error: ", "warning: ")) for line in run.lines), run.stderr
    for fragment in fragments:
        assert fragment in run.stderr, (fragment, run.stderr)


def listing(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) and its bytes: nothing added, nothing
    changed is ``listing(folder) == before``."""
    return {
        str(path.relative_to(folder)): path.read_bytes() if path.is_file() else b"<link>"
        for path in sorted(folder.rglob("*"))
        if path.is_file() or path.is_symlink()
    }
