"""What the pack tests share: the real CLI run on one text with chosen packs alone."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest


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
