"""The pipeline for one article: document, language, rules, scores, verdict.

``Auditor`` holds what is compiled once (the rules, the policy, the scoring
settings, ignores and baseline) and checks one article at a time; it never
prints. Each stage reads the previous stage's immutable values and adds its
own. The rules read the article's prose (``audit.text.prose``: NFC, LF line
ends, a Markdown file's prose only) and their findings are moved back to
the file's offsets. A text longer than ``BLOCK_CHARS`` is checked in blocks
of whole lines, one Document each, so that time and memory grow with the
text's length and stay those of a block: a rule that compares the parts of
a text (a paragraph printed twice, a word capitalised elsewhere) compares
them within a block.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from audit.engine.engine import Engine, Finding, applies
from audit.engine.packs import load_packs, load_packs_cached
from audit.engine.suppress import Suppressions
from audit.gate.baseline import Baseline
from audit.gate.config import Config, Ignore
from audit.gate.policy import Policy, Verdict, judge
from audit.mqm import at_least
from audit.rulebook.packs import Rule
from audit.rulebook.selection import RuleSetting, apply, from_options, names
from audit.scores.quality import QualityMetric, QualityScore
from audit.scores.readability import Readability, ReadabilityMeter
from audit.scores.readings import Shift
from audit.scores.reference import ReferenceScores, compare
from audit.text import language as language_detection
from audit.text.bilingual.segments import Alignment
from audit.text.document import Document, Language, ParagraphLanguage
from audit.text.ingest import Article
from audit.text.prose import Prose
from audit.text.spans import Span

BLOCK_CHARS = 500_000
"""A text longer than this is checked in blocks of lines of at most this many characters."""


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
    baseline_matched: frozenset[str] = frozenset()
    """The fingerprints of the baseline that this article's findings matched."""
    warnings: tuple[str, ...] = ()
    """Problems that do not stop the audit (``PLACE: problem``), e.g. an unknown rule id in
    a suppression marker."""

    def to_dict(self, findings: bool = True) -> dict[str, Any]:
        """The JSON form; without the ``findings`` key when ``findings`` is false (a report
        that streams them one by one)."""
        data = {
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
        }
        if findings:
            data["findings"] = [finding.to_dict() for finding in self.findings]
        return data


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
        self.rule_ids = frozenset(rule.id for rule in self.rules)
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
        prose = article.prose()
        text = article.text if prose is None else prose.text
        segments = _in_source_language(article.segments, source)
        if len(text) > BLOCK_CHARS and segments is None:
            checked = self._check_blocks(text, source)
        else:
            checked = self._check_whole(text, source, segments)
        doc, found, readability = checked.doc, checked.findings, checked.readability
        found = self._raised(self._unignored(article, found))
        if prose is not None:
            doc, found = _in_file(article, prose, doc, found)
            readability = _readability_in_file(readability, prose, doc)
        new, matched = self.baseline.split(article, found)
        findings = tuple(new)
        quality = self.metric.score(findings, checked.stats["words"])
        return ArticleResult(
            article=article,
            doc=doc,
            source_language=source,
            source_given=source is not None,
            stats=checked.stats,
            findings=findings,
            readability=readability,
            quality=quality,
            verdict=judge(
                self.policy,
                findings,
                quality,
                readability.scores,
                doc.language.code,
                self._language_checked(doc.language.code, source),
            ),
            baselined=len(found) - len(findings),
            reference=compare(article.text, article.reference) if article.reference else None,
            baseline_matched=frozenset(matched),
            warnings=self._marker_warnings(article, doc),
        )

    def _check_whole(
        self, text: str, source: str | None, segments: Alignment | None = None
    ) -> _Checked:
        doc = Document.from_text(text, segments)
        doc = doc.with_language(language_detection.detect(doc, self.language))
        findings = self.engine.run(doc, source)
        return _Checked(doc, findings, self.meter.measure(doc), _stats(doc))

    def _check_blocks(self, text: str, source: str | None) -> _Checked:
        """``_check_whole`` of a text longer than ``BLOCK_CHARS``, block by block, each a
        Document of its own that is dropped once checked: memory stays that of one block."""
        language: Language | None = None
        findings: list[Finding] = []
        strings: dict[str, str] = {}
        parts: list[tuple[Readability, Shift]] = []
        stats = dict.fromkeys(("characters", "words", "sentences", "paragraphs"), 0)
        foreign: list[ParagraphLanguage] = []
        shift = Shift()
        for block in _blocks(text, BLOCK_CHARS):
            doc = Document.from_text(text[block.start : block.end])
            found = language_detection.detect(doc, self.language)
            language = language or found  # the first block holds the article's sample
            foreign.extend(
                replace(p, paragraph=p.paragraph + shift.paragraphs) for p in found.paragraphs
            )
            doc = doc.with_language(replace(language, paragraphs=found.paragraphs))
            findings.extend(_shifted(f, shift, strings) for f in self.engine.run(doc, source))
            parts.append((self.meter.measure(doc), shift))
            for name, value in _stats(doc).items():
                stats[name] += value
            shift = Shift(
                block.end, shift.lines + text.count("\n", block.start, block.end),
                shift.paragraphs + len(doc.paragraphs),
            )  # fmt: skip
        assert language is not None, "a long text has blocks"
        whole = Document.from_text(text).with_language(replace(language, paragraphs=tuple(foreign)))
        readability = self.meter.combine(language.code, parts)
        return _Checked(whole, findings, readability, stats)

    def _marker_warnings(self, article: Article, doc: Document) -> tuple[str, ...]:
        """The unknown rule ids of the article's suppression markers, as warnings."""
        unknown = Suppressions.parse(doc).unknown(self.rule_ids)
        return tuple(
            f"{article.path}:{':'.join(map(str, doc.line_col(offset)))}: {problem}"
            for offset, problem in unknown
        )

    def _language_checked(self, language: str | None, source: str | None) -> bool:
        """False when rules are written for some languages (they name them) and none of
        those that run on the article is written for ``language``."""
        written_for_some = [rule for rule in self.engine.rules if rule.languages]
        return (
            language is None
            or not written_for_some
            or any(applies(rule, language, source) for rule in written_for_some)
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


@dataclass(frozen=True)
class _Checked:
    """What the rules and the meter found in the text they read (the file's, or its prose)."""

    doc: Document
    findings: list[Finding]
    readability: Readability
    stats: dict[str, int]


def _blocks(text: str, limit: int) -> Iterator[Span]:
    """Consecutive spans of ``text`` of at most ``limit`` characters, each ending after a
    line break where there is one (after a blank line where there is one near the end)."""
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n\n", start + limit // 2, start + limit)
        cut = cut + 2 if cut >= 0 else text.rfind("\n", start + 1, start + limit) + 1
        if cut <= start:
            cut = start + limit
        yield Span(start, cut)
        start = cut
    yield Span(start, len(text))


def _shifted(finding: Finding, shift: Shift, strings: dict[str, str]) -> Finding:
    """A finding of a block, placed in the whole text (blocks start at a line's start); its
    message and text shared with the findings that have the same (a long text repeats)."""
    return replace(
        finding,
        start=finding.start + shift.offset,
        end=finding.end + shift.offset,
        line=finding.line + shift.lines,
        end_line=finding.end_line + shift.lines,
        message=strings.setdefault(finding.message, finding.message),
        text=strings.setdefault(finding.text, finding.text),
    )


def _in_file(
    article: Article, prose: Prose, doc: Document, findings: list[Finding]
) -> tuple[Document, list[Finding]]:
    """The file's Document (with the language found in the prose) and the findings at the
    file's offsets, lines and columns."""
    original = Document.from_text(article.text).with_language(doc.language)
    return original, [_moved(finding, prose, original) for finding in findings]


def _moved(finding: Finding, prose: Prose, original: Document) -> Finding:
    span = prose.original_span(finding.start, finding.end)
    line, column = original.line_col(span.start)
    end_line, end_column = original.line_col(span.end)
    return replace(
        finding,
        start=span.start,
        end=span.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=original.slice(span),
    )


def _readability_in_file(readability: Readability, prose: Prose, original: Document) -> Readability:
    """``readability`` with its long sentences at the file's offsets, lines and columns."""
    moved = []
    for sentence in readability.long_sentences:
        span = prose.original_span(*sentence.span)
        line, column = original.line_col(span.start)
        moved.append(replace(sentence, span=span, line=line, column=column))
    return replace(readability, long_sentences=tuple(moved))


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
