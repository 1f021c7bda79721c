"""Shared fixtures: run the real CLI entry point, reach the seeds and the shipped packs, run
chosen packs alone on one text (through the CLI or in process)."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from audit import Auditor
from audit.cli import app as cli
from audit.text.bilingual.segments import Alignment
from audit.text.ingest import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., CliResult]:
    """Run ``audit ARGS...`` through ``audit.cli.app.main``; ``stdin`` may be bytes."""

    def run(*args: str | Path, stdin: bytes | None = None) -> CliResult:
        if stdin is not None:
            fake = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
            monkeypatch.setattr(sys, "stdin", fake)
        capsys.readouterr()
        code = cli.main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CliResult(int(code), captured.out, captured.err)

    return run


@dataclass(frozen=True)
class PackWriter:
    """Writes rule packs (and the word lists they name) into a test's temporary folder."""

    folder: Path

    def __call__(self, text: str, name: str = "pack.yaml") -> Path:
        path = self.folder / name
        path.write_text(text, encoding="utf-8")
        return path

    def findings(self, pack: str, text: str, **settings: Any) -> list[dict[str, Any]]:
        """The findings of ``text``, as in the JSON report, audited with ``pack`` alone."""
        auditor = Auditor.from_rules([self(pack)], builtin=False, **settings)
        return auditor.check_text(text)["findings"]

    def pair_findings(
        self,
        pack: str,
        pairs: list[tuple[str, str]],
        source_language: str | None = "fr",
        builtin: bool = False,
        **settings: Any,
    ) -> list[dict[str, Any]]:
        """The findings of a bilingual file of ``pairs`` (source, target), audited with
        ``pack`` (and the shipped packs when ``builtin``)."""
        auditor = Auditor.from_rules([self(pack)] if pack else [], builtin=builtin, **settings)
        segments = Alignment.from_pairs(pairs, source_language)
        article = Article("pairs", "pairs.tsv", segments.text, source_language, segments=segments)
        return auditor.check_article(article).to_dict()["findings"]


@pytest.fixture
def write_pack(tmp_path: Path) -> PackWriter:
    """Write a rule pack file into a temporary directory and return its path."""
    return PackWriter(tmp_path)


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled packs are cached in a folder of the test session, not the user's cache."""
    os.environ["AUDIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("audit-cache"))


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
