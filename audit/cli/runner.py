"""Checking a stream of articles, in order, with one or several processes.

``audit_all`` yields one result per article, in input order. With ``jobs``
above 1, fewer than ``SERIAL_HEAD`` articles are checked in this process (a
handful of files never pays for starting workers); a longer stream goes,
from its first article, in batches to ``jobs - 1`` worker processes, each
holding an Auditor built once from the same configuration, and to this
process, which also reads the articles and writes the reports: it checks a
batch itself whenever the workers have ``IN_FLIGHT_PER_JOB`` batches each
queued. Batches grow from ``FIRST_BATCH`` to ``BATCH`` articles once every
worker has work. At most ``LOCAL_AHEAD`` batches checked here wait behind
the workers' queue, so memory stays flat however long the stream is. The
process pool machinery is imported only when a pool starts. With a
``scheduler`` address the articles are checked on a Dask cluster instead, by
``audit.distributed.stream``: a later, optional stage, imported by name when
asked for, so a run without it never loads Dask.
"""

from __future__ import annotations

import importlib
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice, repeat
from typing import TYPE_CHECKING

from audit.auditor import ArticleResult, Auditor
from audit.cli.collector import pause, settle
from audit.gate.config import Config
from audit.text.ingest import Article

if TYPE_CHECKING:
    from concurrent.futures import Future

SERIAL_HEAD = 16
FIRST_BATCH = 8
BATCH = 16
IN_FLIGHT_PER_JOB = 2
LOCAL_AHEAD = 2
DISTRIBUTED = "audit.distributed.stream"

_worker_auditor: Auditor | None = None


def default_jobs() -> int:
    """All the cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def audit_all(
    auditor: Auditor, articles: Iterable[Article], jobs: int = 1, scheduler: str | None = None
) -> Iterator[ArticleResult]:
    """Results for the articles the configuration does not skip, in input order: checked in
    ``jobs`` processes, or on the Dask cluster at ``scheduler``."""
    wanted = (article for article in articles if not auditor.skips(article))
    if scheduler is None:
        results = _results(auditor, wanted, jobs)
    else:
        results = importlib.import_module(DISTRIBUTED).results(auditor, wanted, scheduler)
    first = next(results, None)
    settle()  # the first article has loaded all that the run keeps (see audit.cli.collector)
    if first is not None:
        yield first
        yield from results


def _results(auditor: Auditor, wanted: Iterator[Article], jobs: int) -> Iterator[ArticleResult]:
    if jobs <= 1 or auditor.config is None:
        yield from map(auditor.check_article, wanted)
        return
    head = list(islice(wanted, SERIAL_HEAD))
    if len(head) < SERIAL_HEAD:
        yield from map(auditor.check_article, head)
        return
    yield from _with_workers(auditor, chain(head, wanted), jobs - 1)


def _with_workers(
    auditor: Auditor, articles: Iterator[Article], workers: int
) -> Iterator[ArticleResult]:
    """Results in input order from ``workers`` processes and this one: a batch goes to the
    workers while fewer than ``IN_FLIGHT_PER_JOB`` each are queued, else this process checks
    it between reading articles and writing reports. So ``--jobs N`` keeps N processes busy,
    not N workers and a reader competing for N cores."""
    from concurrent.futures import ProcessPoolExecutor

    queued_limit = workers * IN_FLIGHT_PER_JOB
    pending: deque[Future[list[ArticleResult]] | list[ArticleResult]] = deque()
    initargs = (auditor.config, auditor.cache)
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=initargs) as pool:
        for batch in _batches(articles, workers):
            queued = sum(not isinstance(item, list) for item in pending)
            if queued < queued_limit:
                pending.append(pool.submit(_check, batch))
            else:
                pending.append([auditor.check_article(article) for article in batch])
            while pending and (len(pending) > queued_limit + LOCAL_AHEAD or _ready(pending[0])):
                yield from _resolved(pending.popleft())
        while pending:
            yield from _resolved(pending.popleft())


def _ready(item: Future[list[ArticleResult]] | list[ArticleResult]) -> bool:
    return isinstance(item, list) or item.done()


def _resolved(item: Future[list[ArticleResult]] | list[ArticleResult]) -> list[ArticleResult]:
    return item if isinstance(item, list) else item.result()


def _batches(articles: Iterator[Article], workers: int) -> Iterator[list[Article]]:
    """Batches of ``FIRST_BATCH`` articles until every worker has ``IN_FLIGHT_PER_JOB`` of
    them, then of ``BATCH``: a short stream still spreads over all the workers, and a long
    one makes fewer round trips (each costs this process time it shares with the workers)."""
    sizes = chain(repeat(FIRST_BATCH, workers * IN_FLIGHT_PER_JOB), repeat(BATCH))
    return iter(lambda: list(islice(articles, next(sizes))), [])


def _start_worker(config: Config, cache: bool) -> None:
    global _worker_auditor
    pause()  # as in audit.launch: no collections until the first batch has loaded all
    _worker_auditor = Auditor.from_config(config, cache)


def _check(batch: list[Article]) -> list[ArticleResult]:
    assert _worker_auditor is not None, "worker started without its auditor"
    results = [_worker_auditor.check_article(article) for article in batch]
    settle()
    return results
