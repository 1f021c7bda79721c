"""Fixtures of the fault tests: a small rule pack and an article (see ``cli_faults``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from faults.cli_faults import GOOD, PACK


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path
