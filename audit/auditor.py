"""The pipeline for one article: document, language, rules, scores, verdict.

``Auditor`` holds what is compiled once (the rules, the policy, the scoring
settings) and checks one article at a time; it never prints. Each stage
reads the previous stage's immutable values and adds its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audit import language as language_detection
from audit.document import Document
from audit.engine import Engine, Finding
from audit.gate import Policy, Verdict, judge
from audit.ingest import Article
from audit.quality import QualityMetric, QualityScore
from audit.rulebook import Rule, load_packs
from audit.selection import select


@dataclass(frozen=True)
class ArticleResult:
    """Everything the audit of one article found; ``to_dict`` is its JSON form."""

    article: Article
    doc: Document
    source_language: str | None
    source_given: bool
    findings: tuple[Finding, ...]
    quality: QualityScore
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        doc = self.doc
        return {
            "path": self.article.path,
            "id": self.article.id,
            "language": doc.language.to_dict(),
            "source_language": {"code": self.source_language, "given": self.source_given},
            "stats": {
                "characters": len(doc.text),
                "words": len(doc.words),
                "sentences": len(doc.sentences),
                "paragraphs": len(doc.paragraphs),
            },
            "readability": None,
            "quality": self.quality.to_dict(),
            "verdict": self.verdict.to_dict(),
            "findings": [finding.to_dict() for finding in self.findings],
        }


class Auditor:
    """Checks articles against a fixed set of compiled rules and a policy."""

    def __init__(
        self,
        rules: Sequence[Rule],
        policy: Policy | None = None,
        language: str | None = None,
        source_language: str | None = None,
        metric: QualityMetric | None = None,
    ) -> None:
        self.rules = tuple(rules)
        self.engine = Engine(self.rules)
        self.policy = policy or Policy()
        self.language = language
        self.source_language = source_language
        self.metric = metric or QualityMetric()

    @classmethod
    def from_rules(
        cls,
        paths: Iterable[str | Path] = (),
        *,
        builtin: bool = True,
        enable: Sequence[str] = (),
        disable: Sequence[str] = (),
        **settings: Any,
    ) -> Auditor:
        """An auditor with the shipped packs (unless ``builtin=False``) and those at ``paths``."""
        packs = load_packs([Path(p) for p in paths], builtin=builtin)
        rules = [rule for pack in packs for rule in pack.rules]
        return cls(select(rules, enable, disable), **settings)

    def check_article(self, article: Article) -> ArticleResult:
        source = self.source_language or article.source_language
        doc = Document.from_text(article.text)
        doc = doc.with_language(language_detection.detect(doc, self.language))
        findings = tuple(self.engine.run(doc, source))
        quality = self.metric.score(findings, len(doc.words))
        return ArticleResult(
            article=article,
            doc=doc,
            source_language=source,
            source_given=source is not None,
            findings=findings,
            quality=quality,
            verdict=judge(self.policy, findings, quality),
        )

    def check_text(
        self, text: str, source_language: str | None = None, id: str = "text"
    ) -> dict[str, Any]:
        """Audit ``text``; returns the same data as one article of the JSON report."""
        article = Article(id=id, path=id, text=text, source_language=source_language)
        return self.check_article(article).to_dict()


def audit_text(text: str, source_language: str | None = None) -> dict[str, Any]:
    """Audit ``text`` with the shipped packs (a shortcut for one-off use)."""
    return Auditor.from_rules().check_text(text, source_language=source_language)
