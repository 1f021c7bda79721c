"""The progress indicator: on a terminal's standard error only, never with --quiet."""

from __future__ import annotations

import io
import sys

from audit.cli.progress import progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(enabled: bool, stream: io.StringIO, monkeypatch) -> str:
    monkeypatch.setattr(sys, "stderr", stream)
    with progress(enabled) as advance:
        for _ in range(3):
            advance()
    return stream.getvalue()


def test_shown_on_a_terminal(monkeypatch):
    assert "articles" in run(True, FakeTerminal(), monkeypatch)


def test_silent_when_quiet_or_not_a_terminal(monkeypatch):
    assert run(False, FakeTerminal(), monkeypatch) == ""
    assert run(True, io.StringIO(), monkeypatch) == ""


def test_standard_output_is_never_touched(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The talks ended on Friday in the capital after a week.", encoding="utf-8")
    result = run_cli("check", "--no-config", "--format", "json", "--quiet", article)
    assert result.stdout.lstrip().startswith("{") and result.stderr == ""
