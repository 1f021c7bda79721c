"""Speed, memory and start-up of translation-audit, beside the targets of the performance issue.

Two corpora: the seeds replicated with variations (``bench/corpus.py``),
and real machine-translated pages (``mt/*.txt`` of the real-dev corpus,
whose words are not the seeds') copied as many times as it takes to reach
about as many articles, into a temporary folder that is deleted afterwards.
``cli_runs`` measures the real ``audit`` command as a subprocess
(throughput and proselint on the same files, cold start, ``--jobs``, a
large lexicon, memory), ``stages`` the library stage by stage in this
process, and ``measure`` holds what they share. Every timed figure is a
median over alternating pairs of runs (``--pairs``, at least 5) with its
spread; none is a best run.

Usage::

    python bench/run.py                   # 1,000 articles a corpus; print the results
    python bench/run.py --write           # also rewrite the perf section of bench/RESULTS.md
    python bench/run.py --full            # add 10,000-article runs (--jobs 2, memory)
    python bench/run.py --profile         # add a cProfile of one in-process pass
    python bench/run.py --articles 200 --no-proselint --pairs 3
"""

from __future__ import annotations

import argparse
import math
import os
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

import corpus
import results
from cli_runs import big_lexicon, cold_start, one_core, parallel, streamed_rss
from measure import (
    FULL_ARTICLES,
    LEXICON_ENTRIES,
    PAIRS,
    PROSELINT_RATIO,
    RESULTS,
    Figure,
    Report,
    audit_check,
    corpus_bytes,
    machine,
    render,
    run_child,
)
from stages import (
    FIXED_STAGES,
    InProcess,
    fixed_cost,
    kinds_of,
    lexicon_in_process,
    profile_cold_start,
    profile_pass,
    required_packages,
    screen_note,
    stage_by_stage,
)

from audit.engine.packs import load_packs

REAL_DEV = corpus.ROOT.parent / "shared" / "corpus" / "real-dev"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles a corpus (1000)")
    parser.add_argument("--pairs", type=int, default=PAIRS, help=f"pairs of runs ({PAIRS})")
    parser.add_argument("--real-dev", type=Path, default=REAL_DEV, help="the real-dev corpus")
    parser.add_argument("--full", action="store_true", help=f"add {FULL_ARTICLES:,}-article runs")
    parser.add_argument("--no-proselint", action="store_true", help="skip proselint")
    parser.add_argument("--profile", action="store_true", help="cProfile one in-process pass")
    parser.add_argument("--write", action="store_true", help=f"update {RESULTS.name}")
    return parser


def corpora(options: argparse.Namespace, scratch: Path) -> dict[str, Path]:
    """The corpora to measure: ``bench`` (the seeds replicated), and ``real`` (the real-dev
    pages copied until there are about as many) when the real-dev corpus is there."""
    found = {"bench": corpus.write_dir(options.articles)}
    pages = options.real_dev / "mt"
    if pages.is_dir():
        copies = math.ceil(options.articles / len(list(pages.glob("*.txt"))))
        found["real"] = corpus.write_copies(pages, copies, scratch / "real")
    return found


def benchmark(options: argparse.Namespace, scratch: Path) -> Report:
    load_at_start = os.getloadavg()[0]
    folders = corpora(options, scratch)
    pack = corpus.write_lexicon(LEXICON_ENTRIES, scratch / "lexicon")
    rules = [rule for loaded in load_packs([]) for rule in loaded.rules]
    report = Report(context=machine())
    report.context += [
        f"Command: `{shlex.join(['python', 'bench/run.py', *sys.argv[1:]])}`",
        *(_corpus_line(name, folder) for name, folder in folders.items()),
        f"Rules: the {len(rules)} of the shipped packs ({kinds_of(rules)}); CLI runs: "
        "`audit check --no-config --format jsonl --quiet --jobs J DIR > /dev/null`; every "
        f"timed figure is the median of {options.pairs} alternating pairs of runs (5 runs for "
        "the cold start), with the lowest and highest value.",
    ]
    one_article = min(folders["bench"].glob("*.txt"))
    run_child(audit_check("--jobs", "1", str(one_article)))  # fill pack and bytecode caches
    for name, folder in folders.items():
        one_core(report, folder, name, options.pairs, not options.no_proselint)
    cold_start(report, one_article)
    parallel(report, folders["bench"], options.pairs)
    big_lexicon(report, folders["bench"], pack, one_article, options.pairs)
    if options.full:
        full = corpus.write_dir(FULL_ARTICLES, scratch / f"articles-{FULL_ARTICLES}")
        parallel(report, full, options.pairs)
        streamed_rss(report, FULL_ARTICLES)
    prepared = [stage_by_stage(report, name, folder) for name, folder in folders.items()]
    for one in prepared:
        screen_note(report, one)
        required_packages(report, one)
        if not options.no_proselint:
            budget_note(report, one)
    lexicon_in_process(report, prepared[0], pack)
    if options.profile:
        for one in prepared:
            profile_pass(report, one)
        profile_cold_start(report, one_article)
    report.notes.append(
        f"Load average (1 min) {load_at_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the "
        "end: other processes on the machine slow every figure, --jobs 2 most."
    )
    return report


def _corpus_line(name: str, folder: Path) -> str:
    count = len(list(folder.glob("*.txt")))
    size = corpus_bytes(folder)
    where = (
        "`bench/corpus.py` (the seeds replicated)"
        if name == "bench"
        else "the real-dev corpus's `mt/*.txt` pages, copied"
    )
    return (
        f"Corpus `{name}`: {count:,} articles, {size / 1e6:.1f} MB "
        f"({size / count / 1000:.1f} kB an article), from {where}"
    )


def budget_note(report: Report, prepared: InProcess) -> None:
    """What the proselint target leaves an article, beside what the stages every article
    goes through cost, whatever the rules."""
    name = prepared.name
    ratio = _figure(report, "ours / proselint", name)
    ours_ms = 1000 / _figure(report, "articles/s by CPU", name).value
    proselint_ms = ratio.value * ours_ms
    budget = proselint_ms / PROSELINT_RATIO.bound
    fixed = fixed_cost(prepared)
    rules = prepared.per_article("screens").median + prepared.per_article("rules").median
    report.notes.append(
        f"{name}: {PROSELINT_RATIO} proselint leaves {budget:.2f} ms of CPU per article "
        f"(proselint {proselint_ms:.2f} ms / {PROSELINT_RATIO.bound:g}, start-up included); "
        f"we take {ours_ms:.2f} ms. The stages every article goes through whatever the rules "
        f"({', '.join(FIXED_STAGES)}) take {fixed:.2f} ms in-process, "
        f"{fixed / budget:.0%} of that budget; the screens and the rules {rules:.2f} ms."
    )


def _figure(report: Report, start: str, corpus_name: str) -> Figure:
    return next(
        f for f in report.figures if f.label.startswith(start) and f"({corpus_name}," in f.label
    )


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="audit-bench-"))
    try:
        section = render(benchmark(options, scratch))
    finally:
        shutil.rmtree(scratch)
    print(section)
    if options.write:
        results.write_section("perf", section)
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
