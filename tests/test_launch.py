"""The console script pauses the garbage collector for start-up; the library never does."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from audit import Auditor
from audit.cli import launch
from audit.cli.runner import audit_all
from audit.text.ingest import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def collector_state():
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_console_script_collects_again_after_the_first_article(
    collector_state, monkeypatch, capsys
):
    seen: list[bool] = []
    check_article = Auditor.check_article

    def recording(self, article):
        seen.append(gc.isenabled())
        return check_article(self, article)

    monkeypatch.setattr(Auditor, "check_article", recording)
    seeds = sorted(str(path) for path in SEEDS.glob("*.txt"))[:3]
    monkeypatch.setattr(sys, "argv", ["audit", "check", "--no-config", "--quiet", *seeds])
    assert launch.main() == 1
    assert seen == [False, True, True]
    assert gc.isenabled() and gc.get_freeze_count() > 0
    assert capsys.readouterr().out


def test_the_console_script_collects_again_after_an_error(collector_state, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["audit", "check", "--no-config", "missing.txt"])
    assert launch.main() == 2
    assert gc.isenabled()
    assert "missing.txt" in capsys.readouterr().err


def test_the_library_leaves_the_collector_alone(collector_state):
    gc.enable()
    frozen = gc.get_freeze_count()
    articles = [Article(id="a", path="a", text="The minister spoke on Friday.")] * 2
    assert len(list(audit_all(Auditor.from_rules(), articles))) == 2
    assert gc.isenabled() and gc.get_freeze_count() == frozen
