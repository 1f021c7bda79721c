"""Time per stage of the pipeline, called stage by stage in this process, and profiles.

The stages run on the same articles as the CLI runs, after one warm-up
article (what loads once is in the cold start).
"""

from __future__ import annotations

import cProfile
import pstats
import re
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import corpus
from measure import (
    CHECK,
    LEXICON_ENTRIES,
    SAMPLE,
    THROUGHPUT,
    Report,
    Stage,
    executable,
    run_child,
    timed,
)

from audit.auditor import ArticleResult, Auditor
from audit.engine.engine import Engine
from audit.engine.packs import load_packs
from audit.reports import ReportContext, Summary, load
from audit.rulebook.packs import Rule
from audit.scores.readability import ReadabilityMeter
from audit.text import language
from audit.text.document import Document
from audit.text.ingest import Article, read_paths

PROFILE_TOP = 15
OWN, CUMULATIVE = 2, 3

STDLIB_PREFIX = re.compile(r"^.*/lib/python3\.\d+/")


@dataclass
class InProcess:
    """The corpus read and prepared in this process, stage by stage."""

    articles: list[Article]
    docs: list[Document]
    rules: list[Rule]


def segment(text: str) -> Document:
    """The document with what the pipeline segments: paragraphs, sentences and the token
    split (offsets and texts; the pipeline never builds a Span for every token)."""
    doc = Document.from_text(text)
    _ = doc.sentences, doc.token_texts
    return doc


def stage_by_stage(report: Report, directory: Path) -> InProcess:
    """Time each stage of the pipeline over every article, in this process, after one article
    has warmed up what is loaded once (langdetect profiles, word lists)."""
    rules = [rule for pack in load_packs([]) for rule in pack.rules]
    articles, ingest = timed(lambda: list(read_paths([str(directory)])))
    Auditor(rules).check_article(articles[0])
    docs, segmentation = timed(lambda: [segment(article.text) for article in articles])
    docs, detection = timed(lambda: [doc.with_language(language.detect(doc)) for doc in docs])
    engine = Engine(rules)
    _, rules_time = timed(lambda: [engine.run(doc) for doc in docs])
    count = len(articles)
    report.stages += [
        Stage("ingest (read_paths)", ingest, count),
        Stage("segmentation (from_text, sentences, token split)", segmentation, count),
        Stage("language (detect)", detection, count),
        Stage(f"rules (Engine.run, {len(engine.rules)} rules)", rules_time, count),
    ]
    readability(report, docs)
    return InProcess(articles, docs, rules)


def required_packages(report: Report, prepared: InProcess) -> None:
    """What langdetect and nltk's Punkt cost per article at their least, as shipped, beside
    the time per article that the throughput target leaves: one langdetect trial (all its
    profiles) on the article's first ``language.SAMPLE_CHARS`` characters, and an untrained
    Punkt over every paragraph."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(language.SEED)
    punkt = PunktSentenceTokenizer()

    def one_trial(text: str) -> None:
        detector = factory.create()
        detector.n_trial = 1
        detector.append(text[: language.SAMPLE_CHARS])
        detector.get_probabilities()

    def sentences(doc: Document) -> None:
        for paragraph in doc.paragraphs:
            list(punkt.span_tokenize(doc.slice(paragraph)))

    count = len(prepared.docs)
    _, detection = timed(lambda: [one_trial(doc.text) for doc in prepared.docs])
    _, splitting = timed(lambda: [sentences(doc) for doc in prepared.docs])
    budget, least = 1000 / THROUGHPUT.bound, 1000 * (detection + splitting) / count
    report.notes.append(
        f"{THROUGHPUT.bound:g} articles/s leaves {budget:.2f} ms per article. langdetect and "
        f"nltk's Punkt as shipped, at their least, take {least:.2f} ms between them: one "
        f"langdetect trial on the first {language.SAMPLE_CHARS} characters "
        f"{1000 * detection / count:.2f} ms, untrained Punkt over every paragraph "
        f"{1000 * splitting / count:.2f} ms. The language and segmentation stages above are "
        "the pipeline's faster paths for the same work."
    )


def screen_note(report: Report, prepared: InProcess) -> None:
    """How many rules the RE2 screen (``audit.matching.screen``) can skip, and how many it
    lets through."""
    engine = Engine(prepared.rules, screen_after=0)
    copies = {i for i, rule in enumerate(engine.rules) if getattr(rule.check, "screen", None)}
    judged = [
        len(copies & possible)
        for doc in prepared.docs
        if (possible := engine.screen.possible(doc.text)) is not None
    ]
    through = statistics.mean(judged) if judged else float("nan")
    report.notes.append(
        f"RE2 screen: {len(copies)} of {len(engine.rules)} rules have a loose copy of their "
        f"regex; it judged {len(judged):,} of {len(prepared.docs):,} articles and let "
        f"{through:.1f} of those {len(copies)} rules through on average."
    )


def readability(report: Report, docs: list[Document]) -> None:
    meter = ReadabilityMeter()
    _, seconds = timed(lambda: [meter.measure(doc) for doc in docs])
    report.stages.append(Stage("readability (ReadabilityMeter.measure)", seconds, len(docs)))


def report_stage(report: Report, prepared: InProcess) -> None:
    """Time the jsonl writer on whole-pipeline results of the first ``SAMPLE`` articles."""
    auditor = Auditor(prepared.rules)
    sample = prepared.articles[:SAMPLE]
    results, pipeline = timed(lambda: [auditor.check_article(a) for a in sample])
    _, writing = timed(lambda: write_report(results, prepared.rules))
    report.stages.append(Stage("report (jsonl writer)", writing, len(sample)))
    report.notes.append(
        f"Auditor.check_article (the whole pipeline) over the first {len(sample)} articles: "
        f"{1000 * pipeline / len(sample):.2f} ms/article. The stages run after one warm-up "
        "article (what loads once is in the cold start); the rules stage includes the "
        "document caches the rules build (token_index, word offsets, quotations); segmentation "
        "is the paragraphs, the sentences and the token split (token offsets, their texts as "
        "written and lower-cased)."
    )


def write_report(results: list[ArticleResult], rules: list[Rule]) -> int:
    writer = load("jsonl").writer(ReportContext(rules=rules))
    summary = Summary()
    size = 0
    for result in results:
        summary.add(result)
        size += len(writer.article(result))
    return size + len(writer.finish(summary))


def lexicon_in_process(report: Report, prepared: InProcess, pack: Path) -> None:
    """The large lexicon's own load time and its cost per article, in this process."""
    packs, loading = timed(lambda: load_packs([pack], builtin=False))
    engine = Engine([rule for loaded in packs for rule in loaded.rules])
    sample = prepared.docs[:SAMPLE]
    _, scanning = timed(lambda: [engine.run(doc) for doc in sample])
    report.notes.append(
        f"{LEXICON_ENTRIES:,}-entry lexicon ({corpus.LEXICON_MIX}) in-process: loading the "
        f"pack {loading:.2f} s, running its rule {1000 * scanning / len(sample):.2f} ms/article "
        f"(first {len(sample)} articles)."
    )


def profile_pass(report: Report, prepared: InProcess) -> None:
    """cProfile one Auditor.check_article pass; top functions by cumulative and own time."""
    auditor = Auditor(prepared.rules)
    profiler = cProfile.Profile()
    _, total = timed(
        lambda: profiler.runcall(lambda: [auditor.check_article(a) for a in prepared.articles])
    )
    stats = pstats.Stats(profiler)
    report.profile.append(
        f"cProfile of Auditor.check_article over {len(prepared.articles):,} articles "
        f"({total:.1f} s under the profiler); share = time / that total."
    )
    for title, column in (("cumulative", CUMULATIVE), ("own (tottime)", OWN)):
        report.profile += ["", f"Top {PROFILE_TOP} by {title} time:", ""]
        report.profile += profile_table(stats, column, total, _not_bench)


def profile_cold_start(report: Report, one_article: Path) -> None:
    """cProfile ``audit check`` on one article in a fresh interpreter, imports included."""
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "cold.prof"
        profiled = [sys.executable, "-m", "cProfile", "-o", str(output), executable("audit")]
        _, total = timed(lambda: run_child([*profiled, *CHECK, "--jobs", "1", str(one_article)]))
        stats = pstats.Stats(str(output))
    report.profile += [
        "",
        f"Cold start, `audit check` on one article under cProfile ({total:.2f} s): "
        f"top {PROFILE_TOP} project functions and imports by cumulative time:",
        "",
        *profile_table(stats, CUMULATIVE, total, _project_or_import),
    ]


def profile_table(
    stats: pstats.Stats, column: int, total: float, keep: Callable[[str, str], bool]
) -> list[str]:
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][column])
    kept = [(key, row) for key, row in rows if keep(key[0], key[2])][:PROFILE_TOP]
    lines = ["| function | calls | own s | cumulative s | share |", "|---|---|---|---|---|"]
    for (path, line, name), (_, calls, own, cumulative, _) in kept:
        share = (cumulative if column == CUMULATIVE else own) / total
        lines.append(
            f"| `{_short(path)}:{line}({name})` | {calls:,} | {own:.2f} | {cumulative:.2f} "
            f"| {share:.0%} |"
        )
    return lines


def _not_bench(path: str, name: str) -> bool:
    return not path.startswith(str(corpus.ROOT / "bench"))


def _project_or_import(path: str, name: str) -> bool:
    return path.startswith(str(corpus.ROOT / "audit")) or name == "_find_and_load"


def _short(path: str) -> str:
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1]
    if path.startswith(f"{corpus.ROOT}/"):
        return path[len(f"{corpus.ROOT}/") :]
    return STDLIB_PREFIX.sub("", path)
