"""Time per stage of the pipeline, called stage by stage in this process, and profiles.

Each corpus is read and prepared once; then every stage runs over all its
articles, in the pipeline's order, once per pass, and a stage's figure is
the median of its passes with their spread. What loads once (packs,
langdetect's table, Punkt) has loaded before the first pass: that is the
cold start. As in the command, the objects loaded by then are frozen out of
the garbage collector's sight before the stages run.
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import corpus
from measure import (
    CHECK,
    LEXICON_ENTRIES,
    SAMPLE,
    Report,
    Spread,
    Stage,
    executable,
    run_child,
    timed,
)

from audit.auditor import ArticleResult, Auditor
from audit.engine.engine import Engine, _hits
from audit.engine.packs import load_packs
from audit.reports import ReportContext, Summary, load
from audit.reports.base import pieces
from audit.rulebook.packs import Rule
from audit.text import language
from audit.text.document import Document
from audit.text.ingest import Article, read_paths

PROFILE_TOP = 15
OWN, CUMULATIVE = 2, 3
PASSES = 5
# A rule whose loose copy lets it run on this share of the articles screens almost nothing.
LEAKY = 0.9
STDLIB_PREFIX = re.compile(r"^.*/lib/python3\.\d+/")
# The stages every article goes through whatever the rules: the budget they leave the rules.
FIXED_STAGES = ("document", "tokens", "sentences", "quotations", "language", "readability")


@dataclass
class InProcess:
    """One corpus read and prepared in this process, and its stage times per pass."""

    name: str
    articles: list[Article]
    docs: list[Document]
    rules: list[Rule]
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))

    def per_article(self, stage: str) -> Spread:
        return Spread.of([1000 * seconds / len(self.docs) for seconds in self.times[stage]])


STAGE_NAMES = {
    "ingest": "ingest (read_paths)",
    "document": "document: lines and paragraphs (Document.from_text)",
    "tokens": "tokens: split, index, words (what the rules read)",
    "sentences": "sentences (Punkt)",
    "quotations": "quotations",
    "language": "language (langdetect, function words, foreign passages)",
    "screens": "screens (languages, Hyperscan or RE2, lexicon anchors)",
    "rules": "rules that run, and their findings",
    "readability": "readability",
    "report": "report (jsonl writer)",
    "whole": "whole pipeline (Auditor.check_article), not summed",
}


def stage_by_stage(report: Report, name: str, directory: Path, passes: int = PASSES) -> InProcess:
    """Time each stage of the pipeline over every article of ``directory``, ``passes`` times,
    and add the stages to ``report``; the rules' time is also split by kind."""
    rules = [rule for pack in load_packs([]) for rule in pack.rules]
    auditor = Auditor(rules)
    articles = list(read_paths([str(directory)]))
    for article in articles[: 2 * len(auditor.rules)]:
        auditor.check_article(article)  # past the engine's unscreened first documents
    prepared = InProcess(name, articles, [], rules)
    by_kind: dict[str, list[float]] = defaultdict(list)
    for _ in range(passes):
        kinds = _one_pass(prepared, auditor)
        for kind, seconds in kinds.items():
            by_kind[kind].append(seconds)
    count = len(articles)
    report.stages += [
        Stage(name, label, count, prepared.per_article(stage))
        for stage, label in STAGE_NAMES.items()
    ]
    ranked = sorted(by_kind.items(), key=lambda item: -sorted(item[1])[len(item[1]) // 2])
    report.stages += [
        Stage(name, f"  rules of kind {kind}", count, Spread.of([1000 * s / count for s in times]))
        for kind, times in ranked
    ]
    return prepared


def _one_pass(prepared: InProcess, auditor: Auditor) -> dict[str, float]:
    """One pass of every stage over the corpus; returns the rules' seconds by kind."""
    times = prepared.times
    engine, meter = auditor.engine, auditor.meter
    articles = _timed(times, "ingest", lambda: list(read_paths([_folder(prepared)])))
    texts = [article.text for article in articles]
    docs = _timed(times, "document", lambda: [Document.from_text(text) for text in texts])
    _timed(times, "tokens", lambda: [_tokens(doc) for doc in docs])
    _timed(times, "sentences", lambda: [(d.sentences, d.paragraph_sentences) for d in docs])
    _timed(times, "quotations", lambda: [doc.quotations for doc in docs])
    docs = _timed(times, "language", lambda: [d.with_language(language.detect(d)) for d in docs])
    candidates = _timed(
        times, "screens", lambda: [list(engine.screens.candidates(d, None)) for d in docs]
    )
    _timed(
        times,
        "rules",
        lambda: [engine.findings(d, c) for d, c in zip(docs, candidates, strict=True)],
    )
    _timed(times, "readability", lambda: [meter.measure(doc) for doc in docs])
    results = _timed(times, "whole", lambda: [auditor.check_article(a) for a in articles])
    _timed(times, "report", lambda: write_report(results, prepared.rules))
    prepared.docs = docs
    return _rules_by_kind(docs, candidates)


def _tokens(doc: Document) -> tuple[object, ...]:
    return doc.token_index, doc.word_starts, doc.paragraph_tokens, doc.paragraph_words


def _folder(prepared: InProcess) -> str:
    return str(Path(prepared.articles[0].path).parent)


def _timed(times: dict[str, list[float]], stage: str, action: Callable[[], Any]) -> Any:
    """``action()``, its CPU time added to ``stage``'s passes; what was built before it is
    frozen out of the collector's sight, as the command freezes what it loaded."""
    gc.collect()
    gc.freeze()
    start = time.process_time()
    value = action()
    times[stage].append(time.process_time() - start)
    gc.unfreeze()
    return value


def _rules_by_kind(
    docs: list[Document], candidates: list[list[tuple[Rule, dict[str, Any]]]]
) -> dict[str, float]:
    """The CPU time of the checks alone (their hits), by kind, over the corpus."""
    seconds: dict[str, float] = defaultdict(float)
    for doc, found in zip(docs, candidates, strict=True):
        for rule, context in found:
            start = time.process_time()
            for _ in _hits(rule, doc, context):
                pass
            seconds[rule.kind] += time.process_time() - start
    return seconds


def fixed_cost(prepared: InProcess) -> float:
    """The median ms per article of the stages every article goes through whatever the
    rules (``FIXED_STAGES``)."""
    return sum(prepared.per_article(stage).median for stage in FIXED_STAGES)


def required_packages(report: Report, prepared: InProcess) -> None:
    """What langdetect and nltk's Punkt cost per article as shipped, at their least: one
    langdetect trial (all its profiles) on the article's first ``language.SAMPLE_CHARS``
    characters, and an untrained Punkt over every paragraph."""
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
    report.notes.append(
        f"{prepared.name}: langdetect and nltk's Punkt as shipped, at their least, take "
        f"{1000 * (detection + splitting) / count:.2f} ms per article between them: one "
        f"langdetect trial on the first {language.SAMPLE_CHARS} characters "
        f"{1000 * detection / count:.2f} ms, untrained Punkt over every paragraph "
        f"{1000 * splitting / count:.2f} ms (one pass). The language and sentences stages "
        "above are the pipeline's faster paths for the same work, and more of it (three "
        "trials, the function-word vote, the paragraphs and sentences in another language)."
    )


def screen_note(report: Report, prepared: InProcess) -> None:
    """How many rules the screens let through on average."""
    engine = Engine(prepared.rules, screen_after=0)
    runs = [[rule for rule, _ in engine.screens.candidates(doc, None)] for doc in prepared.docs]
    screened = Counter(
        rule.id for through in runs for rule in through if getattr(rule.check, "screen", None)
    )
    leaky = [rule for rule, times in screened.most_common() if times >= LEAKY * len(runs)]
    report.notes.append(
        f"{prepared.name}: the screens ({type(engine.screen).__name__} for the loose copies) "
        f"let {sum(map(len, runs)) / len(runs):.1f} of {len(engine.rules)} rules run on an "
        "article on average; rules with a loose copy that still run on "
        f"{LEAKY:.0%} of the articles or more (their regex is worth narrowing): "
        + (", ".join(leaky) or "none")
        + "."
    )


def write_report(results: list[ArticleResult], rules: list[Rule]) -> int:
    writer = load("jsonl").writer(ReportContext(rules=rules))
    summary = Summary()
    size = 0
    for result in results:
        summary.add(result)
        size += sum(map(len, pieces(writer.article(result))))
    return size + sum(map(len, pieces(writer.finish(summary))))


def lexicon_in_process(report: Report, prepared: InProcess, pack: Path) -> None:
    """The large lexicon's own load time and its cost per article, in this process."""
    packs, loading = timed(lambda: load_packs([pack], builtin=False))
    engine = Engine([rule for loaded in packs for rule in loaded.rules])
    sample = prepared.docs[:SAMPLE]
    _, scanning = timed(lambda: [engine.run(doc) for doc in sample])
    report.notes.append(
        f"{LEXICON_ENTRIES:,}-entry lexicon ({corpus.LEXICON_MIX}) in-process: loading the "
        f"pack {loading:.2f} s, running its rule {1000 * scanning / len(sample):.2f} ms/article "
        f"(first {len(sample)} articles, one pass)."
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
        f"({prepared.name}, {total:.1f} s under the profiler); share = time / that total."
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
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][column])  # type: ignore[attr-defined]
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


def kinds_of(rules: Iterable[Rule]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for rule in rules:
        counts[rule.kind] += 1
    return ", ".join(
        f"{count} {kind}" for kind, count in sorted(counts.items(), key=lambda i: -i[1])
    )
