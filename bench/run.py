"""Speed, memory and start-up of translation-audit, beside the targets of the performance issue.

The corpus comes from ``bench/corpus.py`` (the seeds replicated with
variations). ``cli_runs`` measures the real ``audit`` command as a
subprocess (throughput, memory, cold start, ``--jobs``, a large lexicon,
proselint on the same files), ``stages`` the library stage by stage in
this process, and ``measure`` holds what they share.

Usage::

    python bench/run.py                   # 1,000 articles; print the results
    python bench/run.py --write           # also rewrite the perf section of bench/RESULTS.md
    python bench/run.py --full            # add 10,000-article runs (several minutes)
    python bench/run.py --profile         # add a cProfile of one in-process pass
    python bench/run.py --articles 200 --no-proselint
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys

import corpus
import results
from cli_runs import (
    big_lexicon,
    cold_start,
    parallel,
    proselint,
    side_by_side,
    streamed_rss,
    throughput,
)
from measure import (
    CHECK,
    FULL_ARTICLES,
    LEXICON_ENTRIES,
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
    lexicon_in_process,
    profile_cold_start,
    profile_pass,
    report_stage,
    required_packages,
    screen_note,
    stage_by_stage,
)

from audit.engine.packs import load_packs


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
