"""``audit compare HYP --ref REF [--ref REF2]``: a translation scored against references.

Corpus and per-segment chrF++, BLEU and TER come from sacrebleu's metric
classes (``audit.scores.reference``), each with sacrebleu's signature.
Segments are the lines when the hypothesis and every reference have as many
non-blank lines, else the sentences (split as everywhere else in the tool);
a bilingual file (XLIFF, TMX, PO, TSV/CSV) gives its target segments, and a
TSV/CSV file's third column is its reference when no ``--ref`` is given.
Counts that still differ are an error. The hypothesis is audited as ``audit
check`` would (same packs, same configuration) and the worst segments are
listed beside the findings in them. ``--min-chrf``, ``--min-bleu`` and
``--max-ter`` make the command a gate: exit 1 when a corpus score is out
of bounds. Reports: text, JSON and Markdown (``audit.cli.compare_report``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated

import typer

from audit.auditor import Auditor
from audit.cli.compare_report import RENDERERS, Comparison, SegmentRow
from audit.cli.exits import ExitCode
from audit.cli.options import NoBuiltinOption, NoConfigOption, RulesOption, option
from audit.cli.output import open_output
from audit.errors import InputError, UsageError
from audit.gate import config
from audit.scores.reference import compare_corpus
from audit.text.bilingual.formats import INPUT_FORMATS
from audit.text.document import Document
from audit.text.ingest import Article, check_encoding, read_file
from audit.text.spans import Span

WORST = 5


@dataclass(frozen=True)
class Segmented:
    """A file cut into segments: their texts, their spans in the article, their ids."""

    article: Article
    texts: tuple[str, ...]
    spans: tuple[Span, ...]
    ids: tuple[str, ...]
    unit: str


def compare(
    hypothesis: Annotated[Path, typer.Argument(metavar="HYP", help="The translation to score.")],
    ref: Annotated[
        list[Path] | None,
        option("--ref", help="A reference translation (repeatable).", metavar="REF"),
    ] = None,
    output_format: Annotated[
        str, option("--format", "-f", help="text, json or markdown.", metavar="FORMAT")
    ] = "text",
    output: Annotated[
        Path | None, option("--output", "-o", help="Write the report to FILE.", metavar="FILE")
    ] = None,
    min_chrf: Annotated[
        float | None, option("--min-chrf", help="Fail below this corpus chrF++.", metavar="X")
    ] = None,
    min_bleu: Annotated[
        float | None, option("--min-bleu", help="Fail below this corpus BLEU.", metavar="X")
    ] = None,
    max_ter: Annotated[
        float | None, option("--max-ter", help="Fail above this corpus TER.", metavar="X")
    ] = None,
    worst: Annotated[
        int, option("--worst", help="How many of the worst segments to list.", metavar="N")
    ] = WORST,
    input_format: Annotated[
        str, option("--input-format", help="Read files as: auto (by extension), text, ...")
    ] = "auto",
    encoding: Annotated[
        str | None, option("--encoding", help="Decode text files with it.", metavar="NAME")
    ] = None,
    rules: RulesOption = None,
    no_builtin: NoBuiltinOption = False,
    no_config: NoConfigOption = False,
) -> ExitCode:
    """Score a translation against references: corpus and segment chrF++, BLEU, TER."""
    renderer = RENDERERS.get(output_format)
    if renderer is None:
        raise UsageError("--format", f"unknown value '{output_format}' (text, json, markdown)")
    if input_format not in INPUT_FORMATS:
        raise UsageError("--input-format", f"unknown value '{input_format}'")
    if worst < 0:
        raise UsageError("--worst", f"must be 0 or more, not {worst}")
    check_encoding(encoding)
    hyp_article = read_file(hypothesis, encoding, input_format)
    ref_articles = [read_file(path, encoding, input_format) for path in ref or ()]
    hyp, refs = _aligned(hyp_article, ref_articles)
    scores = compare_corpus(hyp.texts, [r.texts for r in refs])
    result = _auditor(rules or [], no_builtin, no_config).check_article(hyp_article)
    rows = tuple(
        SegmentRow(
            index=index + 1,
            id=hyp.ids[index],
            hypothesis=hyp.texts[index],
            references=tuple(r.texts[index] for r in refs),
            scores=scores.segments[index],
            findings=tuple(
                f for f in result.findings if span.start <= f.start <= max(span.end, span.start)
            ),
        )
        for index, span in enumerate(hyp.spans)
    )
    comparison = Comparison(
        hypothesis=str(hypothesis),
        references=tuple(r.article.path for r in refs),
        unit=hyp.unit,
        scores=scores,
        rows=rows,
        worst=worst,
        reasons=_reasons(scores.chrf, scores.bleu, scores.ter, min_chrf, min_bleu, max_ter),
    )
    with open_output(output) as out:
        out.write(renderer(comparison))
    return ExitCode.GATE_FAILED if comparison.reasons else ExitCode.PASSED


def _auditor(rules: list[Path], no_builtin: bool, no_config: bool) -> Auditor:
    found = None if no_config else config.find(Path.cwd())
    settings = config.load(found) if found else config.Config()
    settings = replace(
        settings, packs=(*settings.packs, *rules), builtin=settings.builtin and not no_builtin
    )
    return Auditor.from_config(settings)


def _aligned(hyp: Article, refs: list[Article]) -> tuple[Segmented, list[Segmented]]:
    """The hypothesis and references cut into the same number of segments."""
    if not refs:
        return _with_reference_column(hyp)
    if hyp.segments is not None:
        hyp_segments = _bilingual(hyp)
        return hyp_segments, [_to_count(ref, len(hyp_segments.texts), hyp) for ref in refs]
    lines = [_lines(article) for article in (hyp, *refs)]
    if len({len(segmented.texts) for segmented in lines}) == 1:
        return lines[0], lines[1:]
    sentences = [_sentences(article) for article in (hyp, *refs)]
    for ref in sentences[1:]:
        _same_count(sentences[0], ref)
    return sentences[0], sentences[1:]


def _with_reference_column(hyp: Article) -> tuple[Segmented, list[Segmented]]:
    segments = hyp.segments
    if segments is None or any(s.reference is None for s in segments.segments):
        raise UsageError("--ref", "give a reference file (or a TSV/CSV with a reference column)")
    hyp_segments = _bilingual(hyp)
    texts = tuple(s.reference or "" for s in segments.segments)
    column = replace(hyp, path=f"{hyp.path} [reference column]")
    reference = Segmented(column, texts, hyp_segments.spans, hyp_segments.ids, "segments")
    return hyp_segments, [reference]


def _to_count(ref: Article, count: int, hyp: Article) -> Segmented:
    """A reference cut to ``count`` segments: its own, its lines, or its sentences."""
    candidates = [_bilingual(ref)] if ref.segments is not None else [_lines(ref), _sentences(ref)]
    for candidate in candidates:
        if len(candidate.texts) == count:
            return candidate
    return _same_count(_bilingual(hyp), candidates[0])


def _same_count(hyp: Segmented, ref: Segmented) -> Segmented:
    if len(hyp.texts) != len(ref.texts):
        raise InputError(
            ref.article.path,
            f"{len(ref.texts)} {ref.unit} but the hypothesis {hyp.article.path} has "
            f"{len(hyp.texts)}: the files are not aligned",
        )
    return ref


def _bilingual(article: Article) -> Segmented:
    assert article.segments is not None
    segments = article.segments.segments
    return Segmented(
        article,
        tuple(s.target for s in segments),
        tuple(Span(s.start, s.end) for s in segments),
        tuple(s.id for s in segments),
        "segments",
    )


def _lines(article: Article) -> Segmented:
    if article.segments is not None:
        return _bilingual(article)
    return _segmented(article, Document.from_text(article.text).paragraphs, "lines")


def _sentences(article: Article) -> Segmented:
    if article.segments is not None:
        return _bilingual(article)
    return _segmented(article, Document.from_text(article.text).sentences, "sentences")


def _segmented(article: Article, spans: tuple[Span, ...], unit: str) -> Segmented:
    texts = tuple(article.text[span.start : span.end] for span in spans)
    return Segmented(article, texts, spans, tuple(str(n) for n in range(1, len(spans) + 1)), unit)


def _reasons(
    chrf: float,
    bleu: float,
    ter: float,
    min_chrf: float | None,
    min_bleu: float | None,
    max_ter: float | None,
) -> tuple[str, ...]:
    reasons = []
    if min_chrf is not None and chrf < min_chrf:
        reasons.append(f"chrF++ {chrf:.1f} < {min_chrf:g}")
    if min_bleu is not None and bleu < min_bleu:
        reasons.append(f"BLEU {bleu:.1f} < {min_bleu:g}")
    if max_ter is not None and ter > max_ter:
        reasons.append(f"TER {ter:.1f} > {max_ter:g}")
    return tuple(reasons)
