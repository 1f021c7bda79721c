"""The reports of ``audit compare``: text for a person, JSON for a pipeline, Markdown for CI.

Every report gives the corpus chrF++, BLEU and TER with sacrebleu's
signatures, the verdict of the ``--min-*`` / ``--max-ter`` gate, and the
worst segments by chrF++ (the hypothesis beside its references, with the
findings of ``audit check`` in it). JSON also lists every segment's scores
(unrounded, as sacrebleu gives them) and follows
``audit/schemas/compare.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from audit.engine.engine import Finding
from audit.scores.reference import CorpusComparison, SegmentScores
from audit.version import __version__

REPORT_VERSION = 1
METRICS = (("chrf", "chrF++"), ("bleu", "BLEU"), ("ter", "TER"))


@dataclass(frozen=True)
class SegmentRow:
    """One segment: its position and id, its texts, its scores, the findings in it."""

    index: int
    id: str
    hypothesis: str
    references: tuple[str, ...]
    scores: SegmentScores
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "id": self.id,
            "hypothesis": self.hypothesis,
            "references": list(self.references),
            "chrf": self.scores.chrf,
            "bleu": self.scores.bleu,
            "ter": self.scores.ter,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class Comparison:
    """What ``audit compare`` found: scores, segments, the gate's reasons to fail."""

    hypothesis: str
    references: tuple[str, ...]
    unit: str
    scores: CorpusComparison
    rows: tuple[SegmentRow, ...]
    worst: int
    reasons: tuple[str, ...]

    @property
    def worst_rows(self) -> list[SegmentRow]:
        ranked = sorted(self.rows, key=lambda row: (row.scores.chrf, row.index))
        return ranked[: self.worst]

    def to_dict(self) -> dict[str, Any]:
        scores = self.scores
        return {
            "version": REPORT_VERSION,
            "tool": {"name": "translation-audit", "version": __version__},
            "hypothesis": self.hypothesis,
            "references": list(self.references),
            "segmentation": self.unit,
            "corpus": {"chrf": scores.chrf, "bleu": scores.bleu, "ter": scores.ter},
            "signatures": dict(scores.signatures),
            "segments": [row.to_dict() for row in self.rows],
            "worst": [row.index for row in self.worst_rows],
            "verdict": {"passed": not self.reasons, "reasons": list(self.reasons)},
        }


def _verdict(comparison: Comparison) -> str:
    if not comparison.reasons:
        return "PASSED"
    return f"FAILED ({'; '.join(comparison.reasons)})"


def _corpus_line(scores: CorpusComparison | SegmentScores) -> str:
    return " · ".join(f"{name} {getattr(scores, key):.1f}" for key, name in METRICS)


def _finding_text(finding: Finding) -> str:
    return f"{finding.severity} {finding.rule} '{finding.text}'"


def text(comparison: Comparison) -> str:
    refs = ", ".join(comparison.references)
    lines = [
        f"{comparison.hypothesis} against {refs}: {len(comparison.rows)} {comparison.unit}",
        f"    {_corpus_line(comparison.scores)}",
        *(f"    {name}: {value}" for name, value in comparison.scores.signatures.items()),
    ]
    if comparison.worst_rows:
        lines.append(f"worst {comparison.unit} by chrF++:")
    for row in comparison.worst_rows:
        lines.append(f"  {row.index} [{row.id}] {_corpus_line(row.scores)}")
        lines.append(f"      hyp: {row.hypothesis}")
        lines.extend(f"      ref: {reference}" for reference in row.references)
        lines.extend(f"      finding: {_finding_text(f)}" for f in row.findings)
    lines.append(f"verdict: {_verdict(comparison)}")
    return "\n".join(lines) + "\n"


def json_report(comparison: Comparison) -> str:
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _cell(value: str) -> str:
    return " ".join(value.split()).replace("|", "\\|")


def markdown(comparison: Comparison) -> str:
    scores = comparison.scores
    lines = [
        f"**{_cell(comparison.hypothesis)}** against {_cell(', '.join(comparison.references))}"
        f" ({len(comparison.rows)} {comparison.unit}): **{_verdict(comparison)}**",
        "",
        "| metric | corpus | signature |",
        "|---|---:|---|",
        *(
            f"| {name} | {getattr(scores, key):.1f} | `{_cell(scores.signatures[key])}` |"
            for key, name in METRICS
        ),
    ]
    if comparison.worst_rows:
        lines += [
            "",
            "| # | segment | chrF++ | BLEU | TER | hypothesis | reference | findings |",
            "|---:|---|---:|---:|---:|---|---|---|",
        ]
    for row in comparison.worst_rows:
        findings = "; ".join(_cell(_finding_text(f)) for f in row.findings) or "–"
        reference = _cell(row.references[0]) if row.references else ""
        lines.append(
            f"| {row.index} | `{_cell(row.id)}` | {row.scores.chrf:.1f} | {row.scores.bleu:.1f}"
            f" | {row.scores.ter:.1f} | {_cell(row.hypothesis)} | {reference} | {findings} |"
        )
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[Comparison], str]] = {
    "text": text,
    "json": json_report,
    "markdown": markdown,
}
