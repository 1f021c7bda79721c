"""html: one self-contained page for people: a summary table, then every article highlighted.

The page needs no network: its style and script are inline, and its
Content-Security-Policy allows nothing else (no request, no other script,
no image). It opens with a table of the articles (verdict, quality,
readability, findings by severity), sortable, each row linking to its
article. Each article shows its text line by line with every finding
highlighted in place, coloured by severity, its rule, category and message
on hover; a side list gives each finding's message and suggestions and
links to its place; the paragraphs the readability meter names as the
hardest are shaded. Filters by severity, category and pack hide and show
findings, and ``n`` / ``p`` move between the findings shown.

The page is rendered by Jinja2 with autoescaping on, from the templates in
``audit/reports/templates``: every text the articles, paths, messages and
suggestions bring is escaped, so an article holding ``<script>`` shows it
as text. The articles are collected as they finish and the page is
rendered at the end.

Where findings overlap, marks nest; where they cross, the later one is
split into pieces that carry the same ``data-finding`` key, and a finding
that runs over a line break is split at the break, so each line is one
block of the page. A finding of no text (an empty bilingual target) is an
empty mark, shown as a caret.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from audit.mqm import SEVERITIES
from audit.reports.base import ReportContext, Summary

if TYPE_CHECKING:
    from audit.auditor import ArticleResult
    from audit.engine.engine import Finding
    from audit.text.ingest import Unreadable

NAME = "html"
DESCRIPTION = "one self-contained HTML page: summary table, highlighted articles, filters"
TEMPLATE = "report.html.j2"
SEVERITY_ORDER = tuple(reversed(SEVERITIES))  # most severe first
LINK_SCHEMES = ("https://", "http://")


@dataclass(frozen=True)
class FindingView:
    """One finding as the page shows it; ``key`` is unique in the page."""

    key: str
    rule: str
    pack: str
    severity: str
    category: str
    message: str
    suggestions: tuple[str, ...]
    line: int
    column: int
    text: str
    link: str | None
    segment: str | None
    confirmed_by_source: bool | None

    @classmethod
    def of(cls, finding: Finding, key: str) -> FindingView:
        link = finding.link if finding.link and finding.link.startswith(LINK_SCHEMES) else None
        return cls(
            key=key,
            rule=finding.rule,
            pack=finding.rule.rpartition(".")[0] or finding.rule,
            severity=finding.severity,
            category=finding.category,
            message=finding.message,
            suggestions=finding.suggestions,
            line=finding.line,
            column=finding.column,
            text=finding.text,
            link=link,
            segment=finding.segment,
            confirmed_by_source=finding.confirmed_by_source,
        )

    @property
    def title(self) -> str:
        where = f"segment {self.segment} · " if self.segment is not None else ""
        return f"{where}{self.severity} · {self.category} · {self.rule}: {self.message}"


@dataclass(frozen=True)
class Token:
    """A piece of a line: text, or the opening (``first`` piece or not) or closing of a mark."""

    text: str | None = None
    opens: FindingView | None = None
    first: bool = False


@dataclass(frozen=True)
class LineView:
    """One line of an article; ``hot`` is its readability score when it is a hot spot."""

    number: int
    tokens: tuple[Token, ...]
    hot: float | None = None


@dataclass(frozen=True)
class ArticleView:
    """What the page shows of one article."""

    anchor: str
    path: str
    language: str | None
    words: int
    quality: float
    readability_formula: str | None
    readability: float | None
    passed: bool
    reasons: tuple[str, ...]
    counts: Mapping[str, int]
    findings: tuple[FindingView, ...]
    lines: tuple[LineView, ...]
    hot_spots: tuple[tuple[int, float], ...]
    long_sentences: tuple[tuple[int, int], ...]
    reference: Mapping[str, float] | None

    @classmethod
    def of(cls, result: ArticleResult, number: int) -> ArticleView:
        anchor = f"a{number}"
        views = [FindingView.of(f, f"{anchor}-{i}") for i, f in enumerate(result.findings)]
        readability = result.readability
        formula = readability.hot_spot_formula
        hot = {spot.line: spot.score for spot in readability.hot_spots}
        reference = result.reference.to_dict() if result.reference else None
        return cls(
            anchor=anchor,
            path=result.article.path,
            language=result.doc.language.code,
            words=result.stats["words"],
            quality=round(result.quality.score, 1),
            readability_formula=formula,
            readability=readability.scores.get(formula) if formula else None,
            passed=result.verdict.passed,
            reasons=result.verdict.reasons,
            counts=Counter(f.severity for f in result.findings),
            findings=tuple(views),
            lines=tuple(_lines(result.doc.text, result.findings, views, hot)),
            hot_spots=tuple((spot.line, spot.score) for spot in readability.hot_spots),
            long_sentences=tuple((s.line, s.words) for s in readability.long_sentences),
            reference=reference and {k: reference[k] for k in ("chrf", "bleu", "ter")},
        )


@dataclass(frozen=True)
class Facet:
    """One filter: its name and the values the page's findings take, with their counts."""

    name: str
    label: str
    values: tuple[tuple[str, int], ...]


def _lines(
    text: str,
    findings: Sequence[Finding],
    views: Sequence[FindingView],
    hot: Mapping[int, float],
) -> Iterable[LineView]:
    """Every line of ``text`` as tokens, its findings' marks nested or split."""
    spans = sorted(
        ((f.start, f.end, v) for f, v in zip(findings, views, strict=True)),
        key=lambda span: (span[0], -span[1]),
    )
    active: list[tuple[int, int, FindingView]] = []
    marked: set[str] = set()
    position = start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        end = start + len(line.rstrip("\r"))
        while position < len(spans) and spans[position][0] <= end:
            active.append(spans[position])
            position += 1
        clipped = [(max(s, start), min(e, end), s == e, view) for s, e, view in active]
        inside = [(s, max(s, e), view) for s, e, empty, view in clipped if s < e or empty]
        active = [span for span in active if span[1] > end]
        yield LineView(number, tuple(_marked(text, start, end, inside, marked)), hot.get(number))
        start += len(line) + 1


def _marked(
    text: str,
    start: int,
    end: int,
    spans: Sequence[tuple[int, int, FindingView]],
    marked: set[str],
) -> Iterable[Token]:
    """The tokens of ``text[start:end]`` with a mark around each span: a stack of open
    marks, closed from the top; a mark closed early because an inner one ends is
    opened again (as a further piece) right after. Every span ends by ``end``, so none
    is left open. ``marked`` holds the keys of the findings whose first piece is out."""
    points = sorted({start, end, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    opening: dict[int, list[tuple[int, int, FindingView]]] = {}
    for span in spans:
        opening.setdefault(span[0], []).append(span)
    stack: list[tuple[int, int, FindingView]] = []
    cursor = start
    for point in points:
        if point > cursor:
            yield Token(text=text[cursor:point])
            cursor = point
        ending = [depth for depth, span in enumerate(stack) if span[1] == point]
        reopened = []
        if ending:
            reopened = [span for span in stack[ending[0] :] if span[1] != point]
            yield from (Token() for _ in stack[ending[0] :])
            del stack[ending[0] :]
        for span in sorted([*reopened, *opening.get(point, ())], key=lambda s: -s[1]):
            first = span[2].key not in marked
            marked.add(span[2].key)
            yield Token(opens=span[2], first=first)
            if span[1] > point:
                stack.append(span)
            else:  # an empty span (a target left empty, say): a mark with nothing inside
                yield Token()


def _facets(articles: Sequence[ArticleView]) -> tuple[Facet, ...]:
    findings = [finding for article in articles for finding in article.findings]
    severities = Counter(f.severity for f in findings)
    categories = Counter(f.category for f in findings)
    packs = Counter(f.pack for f in findings)
    return (
        Facet("severity", "Severity", tuple((s, severities[s]) for s in SEVERITY_ORDER)),
        Facet("category", "Category", tuple(sorted(categories.items()))),
        Facet("pack", "Pack", tuple(sorted(packs.items()))),
    )


@cache
def _asset(name: str) -> str:
    return resources.files("audit.reports").joinpath("templates", name).read_text("utf-8")


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def environment(*loaders: BaseLoader) -> Environment:
    """A Jinja2 environment with autoescaping that finds ``loaders``' templates, then these."""
    return Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("audit.reports", "templates")]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _default_environment() -> Environment:
    return environment()


@dataclass
class HtmlWriter:
    """Collects the articles, renders ``template`` with them (and ``page``) at the end."""

    template: str = TEMPLATE
    jinja: Environment | None = None
    page: Mapping[str, Any] = field(default_factory=dict)
    articles: list[ArticleView] = field(default_factory=list)
    errors: list[Unreadable] = field(default_factory=list)

    def article(self, result: ArticleResult) -> str:
        self.articles.append(ArticleView.of(result, len(self.articles) + 1))
        return ""

    def error(self, entry: Unreadable) -> str:
        self.errors.append(entry)
        return ""

    def finish(self, summary: Summary) -> str:
        jinja = self.jinja or _default_environment()
        script = _asset("report.js")
        return jinja.get_template(self.template).render(
            articles=self.articles,
            errors=self.errors,
            summary=summary,
            facets=_facets(self.articles),
            severities=SEVERITY_ORDER,
            style=Markup(_asset("report.css")),
            script=Markup(script),
            script_source=Markup(script_hash(script)),
            page=self.page,
        )


def writer(context: ReportContext) -> HtmlWriter:
    return HtmlWriter()
