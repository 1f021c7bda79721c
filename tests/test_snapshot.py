"""``audit check --format json seeds/`` gives exactly the report held in ``tests/snapshots``.

The snapshot pins every finding, score and verdict of the seeds, so that a
change of code that was meant to change nothing (a refactoring, a speed-up)
is seen to change nothing. A change to the rules that is meant to change
the findings updates it on purpose, from the repository's root::

    audit check --no-config --format json seeds/ > tests/snapshots/seeds.json
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "snapshots" / "seeds.json"


def test_the_seeds_report_is_the_snapshot():
    command = [sys.executable, "-m", "audit", "check", "--no-config", "--format", "json", "seeds/"]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stderr
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    actual = json.loads(run.stdout)
    assert actual["summary"] == expected["summary"]
    for got, want in zip(actual["articles"], expected["articles"], strict=True):
        assert got == want, f"{got['path']} differs from the snapshot (see this module's doc)"
    assert run.stdout == SNAPSHOT.read_text(encoding="utf-8")
