"""The pre-publication gate: does an article pass, and if not, why.

A ``Policy`` holds the limits: the severity that fails an article, a minimum
quality score, readability bounds (by formula name), maximum findings per
MQM category, severity or in total, and the languages an article may be in.
``judge`` checks an article against every limit and returns a ``Verdict``
listing each reason it failed, and notes that qualify a pass: an article in
a language no rule is written for passes only because nothing checked it,
and every report says so. The CLI exits 1 when any article fails.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from audit.engine.engine import Finding
from audit.mqm import SEVERITY_RANK, at_least
from audit.scores.quality import QualityScore


@dataclass(frozen=True)
class Policy:
    """Limits an article must stay within to pass."""

    fail_on: str = "major"
    min_quality: float | None = None
    readability: Mapping[str, tuple[float | None, float | None]] = field(default_factory=dict)
    max_findings: Mapping[str, int] = field(default_factory=dict)
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verdict:
    passed: bool
    reasons: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "reasons": list(self.reasons), "notes": list(self.notes)}

    @property
    def remarks(self) -> tuple[str, ...]:
        """The reasons, then the notes: what a report prints beside the verdict."""
        return (*self.reasons, *self.notes)


def judge(
    policy: Policy,
    findings: Sequence[Finding],
    quality: QualityScore,
    readability: Mapping[str, float | None],
    language: str | None,
    language_checked: bool = True,
) -> Verdict:
    """Check one article against ``policy``; ``readability`` maps formula names to scores;
    ``language_checked`` is false when no rule written for ``language`` ran."""
    reasons = [
        *_severity_reasons(policy, findings),
        *_quality_reasons(policy, quality),
        *_readability_reasons(policy, readability),
        *_count_reasons(policy, findings),
        *_language_reasons(policy, language),
    ]
    notes = () if language_checked or language is None else (unchecked_language_note(language),)
    return Verdict(passed=not reasons, reasons=tuple(reasons), notes=notes)


def unchecked_language_note(language: str) -> str:
    return (
        f"no rule applies to language '{language}': only language-independent checks ran; "
        "gate.languages fails such an article"
    )


def _severity_reasons(policy: Policy, findings: Sequence[Finding]) -> list[str]:
    if policy.fail_on not in SEVERITY_RANK:
        return []
    failing = [f for f in findings if at_least(f.severity, policy.fail_on)]
    if not failing:
        return []
    noun = "finding" if len(failing) == 1 else "findings"
    return [f"{len(failing)} {noun} of severity {policy.fail_on} or worse"]


def _quality_reasons(policy: Policy, quality: QualityScore) -> list[str]:
    if policy.min_quality is None or quality.score >= policy.min_quality:
        return []
    return [f"quality score {quality.score:.1f} < {policy.min_quality:g}"]


def _readability_reasons(policy: Policy, readability: Mapping[str, float | None]) -> list[str]:
    reasons = []
    for name, (low, high) in sorted(policy.readability.items()):
        value = readability.get(name)
        if value is None:
            continue
        if low is not None and value < low:
            reasons.append(f"{name} {value:.1f} < {low:g}")
        if high is not None and value > high:
            reasons.append(f"{name} {value:.1f} > {high:g}")
    return reasons


def _count_reasons(policy: Policy, findings: Sequence[Finding]) -> list[str]:
    counts = Counter({"total": len(findings)})
    for finding in findings:
        dimension = finding.category.split("/")[0]
        for key in {finding.severity, finding.category, dimension}:
            counts[key] += 1
    return [
        f"{counts[key]} {key} findings > {limit}"
        for key, limit in sorted(policy.max_findings.items())
        if counts[key] > limit
    ]


def _language_reasons(policy: Policy, language: str | None) -> list[str]:
    if not policy.languages or language is None or language in policy.languages:
        return []
    return [f"language '{language}' is not one of: {', '.join(policy.languages)}"]
