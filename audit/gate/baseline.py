"""Baselines: accept the findings an article already has, so only new ones count.

``audit check --baseline-write FILE`` records a fingerprint of every finding;
``audit check --baseline FILE`` drops the findings whose fingerprint is in
the file. A fingerprint hashes the article's path, the rule, the matched
text and which occurrence of that (rule, text) pair in the article it is
(and, for a JSONL record, the record's id): it survives edits elsewhere in
the article, since it holds no line or offset.

The path in a fingerprint is relative to the baseline file's folder, so
the same baseline matches whether the articles are named by an absolute
path or from another working directory. ``split`` says which fingerprints
matched, so that the run can count the entries that matched nothing (fixed
findings, or moved files).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audit.engine.engine import Finding
from audit.errors import InputError
from audit.text.ingest import STDIN, Article
from audit.version import __version__

BASELINE_VERSION = 2


def article_key(article: Article, root: Path) -> str:
    """The article as a baseline names it: its path relative to ``root`` (POSIX), with
    ``#id`` for a JSONL record."""
    path = article.path
    if path != STDIN:
        path = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()
    return path if article.record is None else f"{path}#{article.id}"


def fingerprints(key: str, findings: Sequence[Finding]) -> list[str]:
    """One fingerprint per finding, in the findings' order."""
    seen: Counter[tuple[str, str]] = Counter()
    prints = []
    for finding in findings:
        pair = (finding.rule, finding.text.casefold())
        occurrence = seen[pair]
        seen[pair] += 1
        material = "\x1f".join((key, finding.rule, pair[1], str(occurrence)))
        prints.append(hashlib.sha256(material.encode("utf-8")).hexdigest()[:32])
    return prints


@dataclass(frozen=True)
class Baseline:
    """The fingerprints of accepted findings, and the folder their paths are relative to."""

    accepted: frozenset[str] = frozenset()
    root: Path = Path()

    @classmethod
    def read(cls, path: Path) -> Baseline:
        place = str(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(place, "no such baseline file") from None
        except IsADirectoryError:
            raise InputError(place, "is a directory, not a baseline file") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as bad:
            raise InputError(place, f"not a baseline file: {bad}") from None
        return cls(_fingerprints_of(data, place), path.parent)

    def split(
        self, article: Article, findings: Sequence[Finding]
    ) -> tuple[list[Finding], set[str]]:
        """The findings this baseline does not accept, and the fingerprints it matched."""
        if not self.accepted:
            return list(findings), set()
        prints = fingerprints(article_key(article, self.root), findings)
        new = [f for f, p in zip(findings, prints, strict=True) if p not in self.accepted]
        return new, {p for p in prints if p in self.accepted}


def _fingerprints_of(data: Any, place: str) -> frozenset[str]:
    if not isinstance(data, dict) or "version" not in data:
        raise InputError(place, "not a baseline file (no 'version')")
    if data["version"] == 1:
        raise InputError(
            place, "a version 1 baseline (paths as typed): write it again with --baseline-write"
        )
    if data["version"] != BASELINE_VERSION:
        raise InputError(place, f"not a version {BASELINE_VERSION} baseline file")
    entries = data.get("findings", [])
    if not isinstance(entries, list):
        raise InputError(place, "'findings' must be a list")
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise InputError(place, f"finding {number} has no 'fingerprint' string")
    return frozenset(entry["fingerprint"] for entry in entries)


def render(entries: Iterable[tuple[Article, Sequence[Finding]]], path: Path) -> str:
    """The text of the baseline file ``path`` for ``(article, findings)`` pairs."""
    records = [
        {"path": key, "rule": finding.rule, "text": finding.text, "fingerprint": print_}
        for article, findings in entries
        for key in (article_key(article, path.parent),)
        for finding, print_ in zip(findings, fingerprints(key, findings), strict=True)
    ]
    document = {
        "version": BASELINE_VERSION,
        "tool": {"name": "translation-audit", "version": __version__},
        "findings": records,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
