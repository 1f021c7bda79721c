"""Baselines: accept the findings an article already has, so only new ones count.

``audit check --baseline-write FILE`` records a fingerprint of every finding;
``audit check --baseline FILE`` drops the findings whose fingerprint is in
the file. A fingerprint hashes the article path, the rule, the matched text
and which occurrence of that (rule, text) pair in the article it is: it
survives edits elsewhere in the article, since it holds no line or offset.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from audit.engine.engine import Finding
from audit.errors import InputError
from audit.version import __version__

BASELINE_VERSION = 1


def fingerprints(path: str, findings: Sequence[Finding]) -> list[str]:
    """One fingerprint per finding, in the findings' order."""
    seen: Counter[tuple[str, str]] = Counter()
    prints = []
    for finding in findings:
        key = (finding.rule, finding.text.casefold())
        occurrence = seen[key]
        seen[key] += 1
        material = "\x1f".join((path, finding.rule, key[1], str(occurrence)))
        prints.append(hashlib.sha256(material.encode("utf-8")).hexdigest()[:32])
    return prints


@dataclass(frozen=True)
class Baseline:
    """The fingerprints of accepted findings."""

    accepted: frozenset[str] = frozenset()

    @classmethod
    def read(cls, path: Path) -> Baseline:
        place = str(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(place, "no such baseline file") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as bad:
            raise InputError(place, f"not a baseline file: {bad}") from None
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
            raise InputError(place, f"not a version {BASELINE_VERSION} baseline file")
        return cls(frozenset(entry["fingerprint"] for entry in data.get("findings", ())))

    def new_findings(self, path: str, findings: Sequence[Finding]) -> list[Finding]:
        """The findings not accepted by this baseline."""
        if not self.accepted:
            return list(findings)
        prints = fingerprints(path, findings)
        return [f for f, p in zip(findings, prints, strict=True) if p not in self.accepted]


def render(entries: Iterable[tuple[str, Sequence[Finding]]]) -> str:
    """A baseline file's text for ``(path, findings)`` pairs."""
    records = [
        {"path": path, "rule": finding.rule, "text": finding.text, "fingerprint": print_}
        for path, findings in entries
        for finding, print_ in zip(findings, fingerprints(path, findings), strict=True)
    ]
    document = {
        "version": BASELINE_VERSION,
        "tool": {"name": "translation-audit", "version": __version__},
        "findings": records,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
