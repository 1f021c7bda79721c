"""Comparing an article with a reference translation, with sacrebleu.

When a human translation or a post-edited version of the article exists
(a JSONL record's ``reference`` field, or ``--references DIR`` holding files
named like the articles), the article is scored against it with sacrebleu's
chrF++, BLEU and TER, the article taken as one segment. Each score carries
sacrebleu's own signature, so the figures can be reproduced. sacrebleu is
imported only when a reference is present.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class ReferenceScores:
    """chrF++, BLEU and TER of an article against its reference, with their signatures."""

    chrf: float
    bleu: float
    ter: float
    signatures: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "chrf": round(self.chrf, 2),
            "bleu": round(self.bleu, 2),
            "ter": round(self.ter, 2),
            "signatures": dict(self.signatures),
        }


@cache
def _metrics() -> dict[str, Any]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    # chrF++ (word n-grams up to 2, Popović 2017) and sentence-level BLEU with
    # effective n-gram order, as sacrebleu recommends for single segments.
    return {"chrf": CHRF(word_order=2), "bleu": BLEU(effective_order=True), "ter": TER()}


def compare(hypothesis: str, reference: str) -> ReferenceScores:
    """Score ``hypothesis`` (the article) against ``reference``."""
    metrics = _metrics()
    scores = {
        name: metric.sentence_score(hypothesis, [reference]).score
        for name, metric in metrics.items()
    }
    signatures = {name: str(metric.get_signature()) for name, metric in metrics.items()}
    return ReferenceScores(signatures=signatures, **scores)


@dataclass(frozen=True)
class SegmentScores:
    """chrF++, BLEU (effective order) and TER of one segment against its references."""

    chrf: float
    bleu: float
    ter: float


@dataclass(frozen=True)
class CorpusComparison:
    """Corpus and per-segment scores of aligned hypotheses against one or more references."""

    chrf: float
    bleu: float
    ter: float
    segments: tuple[SegmentScores, ...]
    signatures: dict[str, str]
    """sacrebleu's signature of each corpus metric and, as ``segment_bleu``, of the
    sentence-level BLEU (effective order); chrF++ and TER use the same settings for both."""


def compare_corpus(
    hypotheses: Sequence[str], references: Sequence[Sequence[str]]
) -> CorpusComparison:
    """Score ``hypotheses`` against ``references`` (one sequence per reference translation,
    each aligned with the hypotheses) with sacrebleu's metric classes, corpus and segments."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    chrf, bleu, ter = CHRF(word_order=2), BLEU(), TER()
    segment_bleu = _metrics()["bleu"]
    streams = [list(stream) for stream in references]
    rows = [list(refs) for refs in zip(*streams, strict=True)]
    segments = tuple(
        SegmentScores(
            chrf=chrf.sentence_score(hypothesis, refs).score,
            bleu=segment_bleu.sentence_score(hypothesis, refs).score,
            ter=ter.sentence_score(hypothesis, refs).score,
        )
        for hypothesis, refs in zip(hypotheses, rows, strict=True)
    )
    return CorpusComparison(
        chrf=chrf.corpus_score(list(hypotheses), streams).score,
        bleu=bleu.corpus_score(list(hypotheses), streams).score,
        ter=ter.corpus_score(list(hypotheses), streams).score,
        segments=segments,
        signatures={
            "chrf": str(chrf.get_signature()),
            "bleu": str(bleu.get_signature()),
            "ter": str(ter.get_signature()),
            "segment_bleu": str(segment_bleu.get_signature()),
        },
    )
