"""Speed, memory and start-up of translation-audit, beside the targets of the performance issue.

The corpus comes from ``bench/corpus.py`` (the seeds replicated with
variations). Whole-run figures come from the real CLI run as a subprocess
(``audit check --no-config --format jsonl --quiet``, output to /dev/null);
wall time, CPU time (user + system, workers included) and peak RSS are
those of that one child (``os.wait4``). One-core ratios compare CPU times,
which other processes on a shared machine disturb far less than wall
time; the ``--jobs 2`` speed-up can only be a wall-time ratio. The time
per stage comes from calling the library stage by stage in this process on
the same articles. proselint reads the same files through its own CLI, in
runs that alternate with ours; the ratio takes the best of each.

Usage::

    python bench/run.py                   # 1,000 articles; print the results
    python bench/run.py --write           # also rewrite the perf section of bench/RESULTS.md
    python bench/run.py --full            # add 10,000-article runs (several minutes)
    python bench/run.py --profile         # add a cProfile of one in-process pass
    python bench/run.py --articles 200 --no-proselint
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, TypeVar

import corpus
import results

from audit import language
from audit.auditor import ArticleResult, Auditor
from audit.document import Document
from audit.engine import Engine
from audit.ingest import Article, read_paths
from audit.readability import ReadabilityMeter
from audit.reports import ReportContext, Summary, load
from audit.rulebook import Rule, load_packs

RESULTS = results.RESULTS
CHECK = ("check", "--no-config", "--format", "jsonl", "--quiet")
FULL_ARTICLES = 10_000
LEXICON_ENTRIES = 20_000
COLD_RUNS = 5
PAIRED_RUNS = 3
SAMPLE = 200
PROFILE_TOP = 15
OWN, CUMULATIVE = 2, 3
STDLIB_PREFIX = re.compile(r"^.*/lib/python3\.\d+/")
T = TypeVar("T")


@dataclass(frozen=True)
class Target:
    """A bound from the issue: ``at_least`` (>=) or not (<=)."""

    bound: float
    at_least: bool

    def met(self, value: float) -> bool:
        return value >= self.bound if self.at_least else value <= self.bound

    def __str__(self) -> str:
        return f"{'>=' if self.at_least else '<='} {self.bound:g}"


THROUGHPUT = Target(500, at_least=True)
PROSELINT_RATIO = Target(5, at_least=True)
LEXICON_RATIO = Target(1.2, at_least=False)
COLD_START = Target(0.5, at_least=False)
PEAK_RSS = Target(150, at_least=False)
JOBS_SPEEDUP = Target(1.8, at_least=True)


@dataclass(frozen=True)
class Figure:
    """One line of the results table."""

    label: str
    value: float
    unit: str
    target: Target | None = None
    note: str = ""

    def cells(self) -> list[str]:
        digits = 0 if self.value >= 100 else 2 if self.value < 10 else 1
        mark = "" if self.target is None else "pass" if self.target.met(self.value) else "**FAIL**"
        return [
            self.label,
            f"{self.value:,.{digits}f} {self.unit}".strip(),
            str(self.target or ""),
            mark,
            self.note,
        ]


@dataclass(frozen=True)
class ChildRun:
    """Wall time, CPU time (with its workers), peak resident memory and exit code of a child."""

    seconds: float
    cpu_seconds: float
    max_rss_mib: float
    code: int


@dataclass(frozen=True)
class Stage:
    """One in-process stage: its time over ``articles`` articles."""

    name: str
    seconds: float
    articles: int

    @property
    def per_article_ms(self) -> float:
        return 1000 * self.seconds / self.articles


@dataclass
class Report:
    """Everything one benchmark run prints: figures, stage times, notes, profiles."""

    context: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profile: list[str] = field(default_factory=list)


def executable(name: str) -> str:
    """A console script of this interpreter's environment, else the one on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"error: '{name}' is not installed in this environment")
    return found


def child_environment() -> dict[str, str]:
    """This environment, but with Python writing and reading bytecode as an installed tool
    does (``pip install`` compiles it; an editable install writes it on the first run)."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def spawn(command: Sequence[str], stdin: IO[bytes] | None = None) -> subprocess.Popen[bytes]:
    """Start ``command`` from the project root, with output to /dev/null."""
    return subprocess.Popen(
        command, stdin=stdin, stdout=subprocess.DEVNULL, cwd=corpus.ROOT, env=child_environment()
    )


def run_child(command: Sequence[str], stdin: IO[bytes] | None = None) -> ChildRun:
    """Run ``command`` with output to /dev/null; exit codes 0 and 1 (findings) are fine."""
    start = time.perf_counter()
    child = spawn(command, stdin)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        sys.exit(f"error: {shlex.join(command)} exited with {child.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    return ChildRun(seconds, cpu, usage.ru_maxrss / 1024, child.returncode)


def audit_check(*arguments: str) -> list[str]:
    return [executable("audit"), *CHECK, *arguments]


def timed(action: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = action()
    return value, time.perf_counter() - start


def corpus_bytes(directory: Path) -> int:
    return sum(path.stat().st_size for path in directory.glob("*.txt"))


def throughput(report: Report, directory: Path, count: int) -> ChildRun:
    """articles/s and MB/s of one core on ``count`` articles, and the run's peak RSS."""
    run = run_child(audit_check("--jobs", "1", str(directory)))
    megabytes = corpus_bytes(directory) / 1e6
    size = f"{count:,} articles"
    report.figures += [
        Figure(f"articles/s, one core ({size})", count / run.seconds, "", THROUGHPUT),
        Figure(f"articles/s by CPU time ({size})", count / run.cpu_seconds, "", THROUGHPUT),
        Figure(f"MB/s, one core ({size})", megabytes / run.seconds, "MB/s"),
        Figure(f"wall time, one core ({size})", run.seconds, "s", note=_cpu_note(run)),
        Figure(f"peak RSS, --jobs 1 ({size})", run.max_rss_mib, "MiB", PEAK_RSS, _rss_note(count)),
    ]
    return run


def _cpu_note(run: ChildRun) -> str:
    return f"CPU time {run.cpu_seconds:.1f} s"


def _rss_note(count: int) -> str:
    return "" if count >= FULL_ARTICLES else f"target is for {FULL_ARTICLES:,}: run --full"


def _full_only(target: Target, count: int) -> Target | None:
    """``target``, which the issue sets for the full corpus only."""
    return target if count >= FULL_ARTICLES else None


def streamed_rss(report: Report, count: int) -> None:
    """Peak RSS with ``count`` articles generated on the fly and piped in as JSON Lines."""
    producer = [sys.executable, str(Path(corpus.__file__)), "--jsonl", "--articles", str(count)]
    with subprocess.Popen(producer, stdout=subprocess.PIPE) as source:
        run = run_child(audit_check("--jobs", "1", "--jsonl", "/dev/stdin"), stdin=source.stdout)
    label = f"peak RSS, --jobs 1, JSONL piped in ({count:,} articles)"
    report.figures += [
        Figure(label, run.max_rss_mib, "MiB", PEAK_RSS, _rss_note(count)),
        Figure(f"articles/s, JSONL piped in ({count:,} articles)", count / run.seconds, ""),
    ]


def cold_start(report: Report, one_article: Path) -> float:
    """Median wall time of checking one article (with the compiled-pack cache warm, and
    without it) and of ``audit --version``; ``benchmark`` has filled the pack and bytecode
    caches first, as they are after an install."""
    warm = audit_check("--jobs", "1", str(one_article))
    check = [run_child(warm) for _ in range(COLD_RUNS)]
    uncached = audit_check("--jobs", "1", "--no-cache", str(one_article))
    compiling = [run_child(uncached) for _ in range(COLD_RUNS)]
    version = [run_child([executable("audit"), "--version"]) for _ in range(COLD_RUNS)]
    check_median = statistics.median(run.seconds for run in check)
    report.figures += [
        Figure("cold start: check 1 article (median of 5)", check_median, "s", COLD_START),
        Figure(
            "cold start: check 1 article, --no-cache (median of 5)",
            statistics.median(run.seconds for run in compiling),
            "s",
            COLD_START,
            "compiles every pack, as the first run after an install does "
            "(after an edit, only the edited pack compiles)",
        ),
        Figure(
            "cold start: audit --version (median of 5)",
            statistics.median(run.seconds for run in version),
            "s",
            COLD_START,
        ),
    ]
    return check_median


def parallel(report: Report, directory: Path, one_core: ChildRun, count: int) -> None:
    run = run_child(audit_check("--jobs", "2", str(directory)))
    cpu = f"CPU time {one_core.cpu_seconds:.1f} s with --jobs 1, {run.cpu_seconds:.1f} s with 2"
    note = cpu if count >= FULL_ARTICLES else f"{cpu}; {_rss_note(count)}"
    report.figures.append(
        Figure(
            f"--jobs 2 speed-up over --jobs 1 ({count:,} articles)",
            one_core.seconds / run.seconds,
            "x",
            _full_only(JOBS_SPEEDUP, count),
            note,
        )
    )


def side_by_side(report: Report, directory: Path, one_core: ChildRun, count: int) -> None:
    """Two independent ``--jobs 1`` runs at once, on a half of the corpus each: what the
    machine's two cores give two processes that share nothing, the ceiling of --jobs 2."""
    files = sorted(str(path) for path in directory.glob("*.txt"))
    halves = (files[: len(files) // 2], files[len(files) // 2 :])
    start = time.perf_counter()
    children = [spawn(audit_check("--jobs", "1", *half)) for half in halves]
    if any(child.wait() not in (0, 1) for child in children):
        sys.exit("error: a side-by-side run failed")
    seconds = time.perf_counter() - start
    report.figures.append(
        Figure(
            f"two --jobs 1 runs side by side, a half each ({count:,} articles): speed-up",
            one_core.seconds / seconds,
            "x",
            None,
            "the ceiling of --jobs 2 on this machine: nothing shared, no results sent back",
        )
    )


def proselint(report: Report, directory: Path) -> None:
    """Our CPU time against proselint's on the same corpus, the best of ``PAIRED_RUNS`` of
    each, alternating, so that a busy minute on the shared host slows both alike."""
    theirs: list[ChildRun] = []
    ours: list[ChildRun] = []
    for _ in range(PAIRED_RUNS):
        command = [executable("proselint"), "check", "--output-format", "json", str(directory)]
        theirs.append(run_child(command))
        ours.append(run_child(audit_check("--jobs", "1", str(directory))))
    best_theirs = min(theirs, key=lambda run: run.cpu_seconds)
    best_ours = min(ours, key=lambda run: run.cpu_seconds)
    report.figures.append(
        Figure(
            f"articles/s ours / proselint (CPU time, best of {PAIRED_RUNS} alternating runs)",
            best_theirs.cpu_seconds / best_ours.cpu_seconds,
            "x",
            PROSELINT_RATIO,
            f"CPU proselint {best_theirs.cpu_seconds:.1f} s, ours {best_ours.cpu_seconds:.1f} s;"
            f" wall {best_theirs.seconds:.1f} s vs {best_ours.seconds:.1f} s",
        )
    )


def big_lexicon(
    report: Report, directory: Path, one_core: ChildRun, pack: Path, one_article: Path
) -> None:
    """CLI time with the shipped packs plus a large lexicon, over the shipped packs alone.

    The lexicon is new, so its first run compiles and caches its pack, as the first run
    after an edit does; that run, on one article, is shown apart, and the ratio is taken
    on the runs after it, as for the shipped packs alone (``throughput`` runs on a warm
    cache too)."""
    first = run_child(audit_check("--jobs", "1", "--rules", str(pack), str(one_article)))
    run = run_child(audit_check("--jobs", "1", "--rules", str(pack), str(directory)))
    report.figures += [
        Figure(
            f"CPU time with a {LEXICON_ENTRIES:,}-entry lexicon / without",
            run.cpu_seconds / one_core.cpu_seconds,
            "x",
            LEXICON_RATIO,
            f"CPU {run.cpu_seconds:.1f} s vs {one_core.cpu_seconds:.1f} s; "
            f"wall {run.seconds:.1f} s vs {one_core.seconds:.1f} s",
        ),
        Figure(
            f"first run with the {LEXICON_ENTRIES:,}-entry lexicon, one article",
            first.seconds,
            "s",
            None,
            "compiles and caches the lexicon's pack (the shipped packs come from the cache), "
            "once after it is written or edited",
        ),
    ]


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
    """How many rules the RE2 screen (audit.screen) can skip, and how many it lets through."""
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


def machine() -> list[str]:
    cpu = _proc_value("/proc/cpuinfo", "model name") or platform.processor() or "unknown CPU"
    memory_kb = _proc_value("/proc/meminfo", "MemTotal")
    memory = f"{int(memory_kb.split()[0]) / 1024**2:.1f} GiB RAM" if memory_kb else "RAM unknown"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"Machine: {cpu}, {cores} cores, {memory}; {platform.platform()}",
        f"Python {platform.python_version()}; "
        f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
    ]


def _proc_value(path: str, key: str) -> str | None:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    found = (line.split(":", 1)[1].strip() for line in lines if line.startswith(key))
    return next(found, None)


def render(report: Report) -> str:
    lines = ["## Performance", "", *(f"- {line}" for line in report.context), ""]
    lines += _table(
        ["Measure", "Result", "Target", "", "Note"], [f.cells() for f in report.figures]
    )
    total = sum(stage.per_article_ms for stage in report.stages)
    lines += ["", "### Time per stage, in-process", ""]
    stage_rows = [
        [
            stage.name,
            f"{stage.articles:,}",
            f"{stage.seconds:.2f}",
            f"{stage.per_article_ms:.2f}",
            f"{stage.per_article_ms / total:.0%}",
        ]
        for stage in report.stages
    ]
    stage_rows.append(["total", "", "", f"{total:.2f}", "100%"])
    lines += _table(["Stage", "articles", "s", "ms/article", "share"], stage_rows)
    lines += ["", *(f"- {note}" for note in report.notes)]
    if report.profile:
        lines += ["", "### Profile", "", *report.profile]
    return "\n".join(lines) + "\n"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--full", action="store_true", help=f"add {FULL_ARTICLES:,}-article runs")
    parser.add_argument("--no-proselint", action="store_true", help="skip the proselint run")
    parser.add_argument("--profile", action="store_true", help="cProfile one in-process pass")
    parser.add_argument("--write", action="store_true", help=f"update {RESULTS.name}")
    return parser


def benchmark(options: argparse.Namespace) -> Report:
    count = options.articles
    load_at_start = os.getloadavg()[0]
    directory = corpus.write_dir(count)
    pack = corpus.write_lexicon(LEXICON_ENTRIES)
    rules = sum(len(p.rules) for p in load_packs([]))
    report = Report(context=machine())
    report.context += [
        f"Command: `{shlex.join(['python', 'bench/run.py', *sys.argv[1:]])}`",
        f"Corpus: {count:,} articles ({corpus_bytes(directory) / 1e6:.1f} MB) from "
        f"`bench/corpus.py`; {rules} rules in the shipped packs; "
        f"CLI runs: `audit {' '.join(CHECK)} --jobs J DIR > /dev/null`",
    ]
    one_article_path = min(directory.glob("*.txt"))
    run_child(audit_check("--jobs", "1", str(one_article_path)))  # fill pack and bytecode caches
    one_core = throughput(report, directory, count)
    one_article = cold_start(report, one_article_path)
    report.figures.append(
        Figure("articles/s after start-up", count / (one_core.seconds - one_article), "")
    )
    parallel(report, directory, one_core, count)
    side_by_side(report, directory, one_core, count)
    big_lexicon(report, directory, one_core, pack, one_article_path)
    if not options.no_proselint:
        proselint(report, directory)
    if options.full:
        full_directory = corpus.write_dir(FULL_ARTICLES)
        full_one_core = throughput(report, full_directory, FULL_ARTICLES)
        parallel(report, full_directory, full_one_core, FULL_ARTICLES)
        side_by_side(report, full_directory, full_one_core, FULL_ARTICLES)
        streamed_rss(report, FULL_ARTICLES)
    prepared = stage_by_stage(report, directory)
    report_stage(report, prepared)
    screen_note(report, prepared)
    required_packages(report, prepared)
    lexicon_in_process(report, prepared, pack)
    if options.profile:
        profile_pass(report, prepared)
        profile_cold_start(report, one_article_path)
    shutil.rmtree(pack.parent)
    report.notes.append(
        f"Load average (1 min) {load_at_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the "
        "end: other processes on the machine slow every figure, --jobs 2 most."
    )
    return report


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    section = render(benchmark(options))
    print(section)
    if options.write:
        results.write_section("perf", section)
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
