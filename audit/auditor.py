"""The pipeline for one article: document, language, rules, scores, verdict.

``Auditor`` holds what is compiled once (the rules, the policy, the scoring
settings, ignores and baseline) and checks one article at a time; it never
prints. Each stage reads the previous stage's immutable values and adds its
own.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from audit.engine.engine import Engine, Finding
from audit.engine.packs import load_packs, load_packs_cached
from audit.gate.baseline import Baseline
from audit.gate.config import Config, Ignore
from audit.gate.policy import Policy, Verdict, judge
from audit.mqm import at_least
from audit.rulebook.packs import Rule
from audit.rulebook.selection import RuleSetting, apply, from_options, names
from audit.scores.quality import QualityMetric, QualityScore
from audit.scores.readability import Readability, ReadabilityMeter
from audit.scores.reference import ReferenceScores, compare
from audit.text import language as language_detection
from audit.text.bilingual.segments import Alignment
from audit.text.document import Document
from audit.text.ingest import Article


@dataclass(frozen=True)
class ArticleResult:
    """Everything the audit of one article found; ``to_dict`` is its JSON form."""

    article: Article
    doc: Document
    source_language: str | None
    source_given: bool
    stats: dict[str, int]
    findings: tuple[Finding, ...]
    readability: Readability
    quality: QualityScore
    verdict: Verdict
    baselined: int = 0
    reference: ReferenceScores | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.article.path,
            "id": self.article.id,
            "language": self.doc.language.to_dict(),
            "source_language": {"code": self.source_language, "given": self.source_given},
            "stats": dict(self.stats),
            "readability": self.readability.to_dict(),
            "quality": self.quality.to_dict(),
            "verdict": self.verdict.to_dict(),
            "baselined": self.baselined,
            "reference": self.reference.to_dict() if self.reference else None,
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
        ignores: Sequence[Ignore] = (),
        baseline: Baseline | None = None,
        meter: ReadabilityMeter | None = None,
        confirmed_severity: str | None = None,
    ) -> None:
        self.rules = tuple(rules)
        self.engine = Engine(self.rules)
        self.policy = policy or Policy()
        self.language = language
        self.source_language = source_language
        self.metric = metric or QualityMetric()
        self.meter = meter or ReadabilityMeter()
        self.ignores = tuple(ignores)
        self.baseline = baseline or Baseline()
        self.confirmed_severity = confirmed_severity
        """The least severity of a finding that its source segment confirms (None: as is)."""
        self.config: Config | None = None
        self.cache = True

    @classmethod
    def from_rules(
        cls,
        paths: Iterable[str | Path] = (),
        *,
        builtin: bool = True,
        enable: Sequence[str] = (),
        disable: Sequence[str] = (),
        rule_settings: Sequence[RuleSetting] = (),
        cache: bool = True,
        **settings: Any,
    ) -> Auditor:
        """An auditor with the shipped packs (unless ``builtin=False``) and those at ``paths``;
        ``rule_settings`` (from a config file) apply first, then ``enable`` and ``disable``.
        Compiled packs come from the cache (``audit.store``) unless ``cache=False``."""
        load = load_packs_cached if cache else load_packs
        packs = load([Path(p) for p in paths], builtin=builtin)
        rules = [rule for pack in packs for rule in pack.rules]
        changes = [*rule_settings, *from_options(enable, disable)]
        return cls(apply(rules, changes), **settings)

    @classmethod
    def from_config(cls, config: Config, cache: bool = True) -> Auditor:
        """An auditor set up as ``config`` says (see ``audit.gate.config``)."""
        auditor = cls.from_rules(
            config.packs,
            builtin=config.builtin,
            cache=cache,
            rule_settings=config.rule_settings,
            policy=config.policy,
            language=config.language,
            source_language=config.source_language,
            metric=QualityMetric(config.weights),
            meter=ReadabilityMeter(**config.readability),
            ignores=config.ignores,
            baseline=Baseline.read(config.baseline) if config.baseline else None,
            confirmed_severity=config.confirmed_severity,
        )
        auditor.config = config
        auditor.cache = cache
        return auditor

    def skips(self, article: Article) -> bool:
        """True when an ignore entry without rules covers the article's path."""
        return any(not i.rules and _matches(article.path, i.paths) for i in self.ignores)

    def check_article(self, article: Article) -> ArticleResult:
        source = self.source_language or article.source_language
        doc = Document.from_text(article.text, _in_source_language(article.segments, source))
        doc = doc.with_language(language_detection.detect(doc, self.language))
        found = self._raised(self._unignored(article, self.engine.run(doc, source)))
        findings = tuple(self.baseline.new_findings(article.path, found))
        quality = self.metric.score(findings, len(doc.word_starts))
        readability = self.meter.measure(doc)
        return ArticleResult(
            article=article,
            doc=doc,
            source_language=source,
            source_given=source is not None,
            stats=_stats(doc),
            findings=findings,
            readability=readability,
            quality=quality,
            verdict=judge(self.policy, findings, quality, readability.scores, doc.language.code),
            baselined=len(found) - len(findings),
            reference=compare(article.text, article.reference) if article.reference else None,
        )

    def _unignored(self, article: Article, findings: list[Finding]) -> list[Finding]:
        ignored = [
            selector
            for entry in self.ignores
            if entry.rules and _matches(article.path, entry.paths)
            for selector in entry.rules
        ]
        if not ignored:
            return findings
        return [f for f in findings if not any(names(s, f.rule) for s in ignored)]

    def _raised(self, findings: list[Finding]) -> list[Finding]:
        """The findings, those the source confirms raised to ``confirmed_severity``."""
        least = self.confirmed_severity
        if least is None:
            return findings
        return [
            replace(f, severity=least)
            if f.confirmed_by_source and not at_least(f.severity, least)
            else f
            for f in findings
        ]

    def check_text(
        self,
        text: str,
        source_language: str | None = None,
        id: str = "text",
        path: str | None = None,
    ) -> dict[str, Any]:
        """Audit ``text``; returns the same data as one article of the JSON report."""
        article = Article(id=id, path=path or id, text=text, source_language=source_language)
        return self.check_article(article).to_dict()


def _in_source_language(segments: Alignment | None, source: str | None) -> Alignment | None:
    """The segments, their source language the one the audit uses (the user's or the file's)."""
    if segments is None or source is None or segments.source_language == source:
        return segments
    return replace(segments, source_language=source)


def _stats(doc: Document) -> dict[str, int]:
    return {
        "characters": len(doc.text),
        "words": len(doc.word_starts),
        "sentences": len(doc.sentences),
        "paragraphs": len(doc.paragraphs),
    }


def _matches(path: str, patterns: Iterable[str]) -> bool:
    posix = Path(path).as_posix()
    return any(fnmatch.fnmatch(posix, pattern) for pattern in patterns)


def audit_text(text: str, source_language: str | None = None) -> dict[str, Any]:
    """Audit ``text`` with the shipped packs (a shortcut for one-off use)."""
    return Auditor.from_rules().check_text(text, source_language=source_language)
