"""What the pack tests share: chosen packs alone run on one text, through the real CLI or
in process."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from audit import Auditor


@pytest.fixture
def findings_of(run_cli: Callable[..., object], tmp_path: Path) -> Callable[..., list[dict]]:
    """``findings_of(text, *packs)``: the JSON findings of ``audit check`` on ``text`` as an
    article, with only ``packs`` (no shipped pack, no configuration)."""

    def findings(text: str, *packs: Path) -> list[dict]:
        article = tmp_path / "article.txt"
        article.write_text(text + "\n", encoding="utf-8")
        options = [f"--rules={pack}" for pack in packs]
        result = run_cli(
            "check", "--no-config", "--no-builtin", *options, "--format", "json", article
        )
        assert result.code in (0, 1), result.stderr
        return json.loads(result.stdout)["articles"][0]["findings"]

    return findings


@cache
def _translation_auditor(packs: tuple[Path, ...]) -> Auditor:
    """An Auditor of ``packs`` alone for English translated from French, built once a run."""
    return Auditor.from_rules(list(packs), builtin=False, language="en", source_language="fr")


@pytest.fixture(scope="session")
def translated_findings() -> Callable[..., list[dict]]:
    """``translated_findings(text, *packs)``: the JSON findings of ``packs`` alone on ``text``,
    in this process, the text taken as English translated from French."""

    def findings(text: str, *packs: Path) -> list[dict]:
        return _translation_auditor(packs).check_text(text)["findings"]

    return findings
