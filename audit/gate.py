"""The pre-publication gate: does an article pass, and if not, why.

A ``Policy`` holds the limits; ``judge`` checks an article's findings and
scores against each limit and returns a ``Verdict`` listing every reason it
failed. The CLI exits 1 when any article fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from audit.engine import Finding
from audit.mqm import SEVERITY_RANK, at_least
from audit.quality import QualityScore


@dataclass(frozen=True)
class Policy:
    """Limits an article must stay within to pass."""

    fail_on: str = "major"
    min_quality: float | None = None


@dataclass(frozen=True)
class Verdict:
    passed: bool
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "reasons": list(self.reasons)}


def judge(policy: Policy, findings: Sequence[Finding], quality: QualityScore) -> Verdict:
    reasons = [*_severity_reasons(policy, findings), *_quality_reasons(policy, quality)]
    return Verdict(passed=not reasons, reasons=tuple(reasons))


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
