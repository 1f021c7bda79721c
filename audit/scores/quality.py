"""An MQM-style quality score: severity-weighted penalties per word.

Each finding costs the weight of its severity; the penalty total is divided
by the article's word count and the score is ``100 * (1 - penalty / words)``,
floored at 0 (the MQM scoring model's overall quality score with a maximum
of 100, themqm.org, "MQM Scoring Models"). The breakdown by MQM category
sums the same weights. As in sacrebleu, the score carries the signature of
how it was computed, and the signature is a field of the result, so no
report can drop it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from audit.engine.engine import Finding
from audit.mqm import SEVERITIES
from audit.version import __version__


@dataclass(frozen=True)
class QualityScore:
    score: float
    penalty: float
    words: int
    by_category: Mapping[str, float]
    signature: str = field(default="")

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 1),
            "penalty": round(self.penalty, 2),
            "words": self.words,
            "by_category": {k: round(v, 2) for k, v in sorted(self.by_category.items())},
            "signature": self.signature,
        }


class QualityMetric:
    """Severity weights -> a 0-100 score; settings are constructor arguments."""

    # MQM 2.0 default severity multipliers (themqm.org scoring models):
    # neutral 0, minor 1, major 5, critical 25.
    WEIGHTS: Mapping[str, float] = MappingProxyType(
        {"neutral": 0.0, "minor": 1.0, "major": 5.0, "critical": 25.0}
    )
    MAX_SCORE = 100.0

    def __init__(self, weights: Mapping[str, float] | None = None) -> None:
        self.weights = MappingProxyType({**self.WEIGHTS, **(weights or {})})

    @property
    def signature(self) -> str:
        weights = "/".join(f"{self.weights[level]:g}" for level in SEVERITIES)
        return f"mqm|weights:{weights}|per:word|max:{self.MAX_SCORE:g}|version:{__version__}"

    def score(self, findings: Iterable[Finding], words: int) -> QualityScore:
        by_category: dict[str, float] = {}
        for finding in findings:
            weight = self.weights[finding.severity]
            by_category[finding.category] = by_category.get(finding.category, 0.0) + weight
        penalty = sum(by_category.values())
        score = self.MAX_SCORE * (1 - penalty / words) if words else self.MAX_SCORE
        return QualityScore(
            score=max(0.0, score),
            penalty=penalty,
            words=words,
            by_category=by_category,
            signature=self.signature,
        )
