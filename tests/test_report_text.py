"""The text report: findings with the line underlined, colour only when it should be."""

from __future__ import annotations

import sys

import pytest

PACK = """\
rules:
  - id: bagdad
    kind: lexicon
    message: "'{match}' is the French spelling."
    severity: minor
    category: locale-convention/name-format
    entries: {Bagdad: Baghdad}
"""
TEXT = "First line of the article.\nProtests spread from Bagdad to Basra on Friday.\n"


@pytest.fixture
def article(tmp_path, write_pack):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def run_text(run_cli, write_pack, article, *args):
    pack = write_pack(PACK)
    return run_cli("check", "--no-config", "--no-builtin", "--rules", pack, *args, article)


def test_finding_line_excerpt_underline_and_suggestion(run_cli, write_pack, article):
    lines = run_text(run_cli, write_pack, article, "--color", "never").stdout.splitlines()
    assert lines[0] == f"{article}:2:22: minor pack.bagdad 'Bagdad' is the French spelling."
    excerpt, underline = lines[1], lines[2]
    assert excerpt.strip() == "Protests spread from Bagdad to Basra on Friday."
    assert excerpt[underline.index("^") :].startswith("Bagdad")
    assert underline.strip() == "^" * len("Bagdad")
    assert lines[3].strip() == "suggestion: Baghdad"
    assert lines[-1].startswith("1 article: 1 passed, 0 failed")


def test_colour_is_forced_or_refused(run_cli, write_pack, article):
    assert "\x1b[" in run_text(run_cli, write_pack, article, "--color", "always").stdout
    assert "\x1b[" not in run_text(run_cli, write_pack, article, "--color", "never").stdout


def test_automatic_colour_needs_a_terminal_and_no_no_color(
    run_cli, write_pack, article, monkeypatch
):
    assert "\x1b[" not in run_text(run_cli, write_pack, article).stdout, "not a terminal"
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" in run_text(run_cli, write_pack, article).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run_text(run_cli, write_pack, article).stdout
