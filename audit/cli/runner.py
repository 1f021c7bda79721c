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

An input that could not be read (``Unreadable``) goes through in its place,
unchecked. An error in a worker comes back as the exception it raised (an
``AuditError`` stays one; anything else is an internal error of the run,
and so is a worker that dies); the batches not started are cancelled.
Workers end with the run: on a signal they are terminated at once, and each
worker ignores Ctrl-C (the run handles it) and ends when its parent does.
"""

from __future__ import annotations

import importlib
import os
import signal
import threading
import time
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice, repeat
from typing import TYPE_CHECKING

from audit.auditor import ArticleResult, Auditor
from audit.cli.collector import pause, settle
from audit.cli.exits import signals_deferred
from audit.errors import AuditWarning, warn
from audit.gate.config import Config
from audit.text.ingest import Entry, Unreadable

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

SERIAL_HEAD = 16
FIRST_BATCH = 8
BATCH = 16
IN_FLIGHT_PER_JOB = 2
LOCAL_AHEAD = 2
DISTRIBUTED = "audit.distributed.stream"
PARENT_POLL_SECONDS = 1.0
PR_SET_PDEATHSIG = 1

Outcome = ArticleResult | Unreadable
"""What the run yields per input: a result, or the input that could not be read."""

_worker_auditor: Auditor | None = None


def default_jobs() -> int:
    """All the cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def capped_jobs(asked: int | None) -> int:
    """``asked`` (default: all cores), at most the cores this process may use: more
    processes than cores only compete for them."""
    cores = default_jobs()
    if asked is not None and asked > cores:
        warn("--jobs", f"{asked} asked, {cores} cores available: using {cores}")
    return cores if asked is None else min(asked, cores)


def audit_all(
    auditor: Auditor, entries: Iterable[Entry], jobs: int = 1, scheduler: str | None = None
) -> Iterator[Outcome]:
    """Results for the articles the configuration does not skip, and the inputs that could
    not be read, in input order: checked in ``jobs`` processes, or on the Dask cluster at
    ``scheduler``."""
    wanted = (
        entry for entry in entries if isinstance(entry, Unreadable) or not auditor.skips(entry)
    )
    if scheduler is None:
        results = _results(auditor, wanted, jobs)
    else:
        results = importlib.import_module(DISTRIBUTED).results(auditor, wanted, scheduler)
    first = next(results, None)
    settle()  # the first article has loaded all that the run keeps (see audit.cli.collector)
    if first is not None:
        yield first
        yield from results


def checked(auditor: Auditor, entry: Entry) -> Outcome:
    """The result of an article; an unreadable input as it is."""
    return entry if isinstance(entry, Unreadable) else auditor.check_article(entry)


def _results(auditor: Auditor, wanted: Iterator[Entry], jobs: int) -> Iterator[Outcome]:
    if jobs <= 1 or auditor.config is None:
        yield from (checked(auditor, entry) for entry in wanted)
        return
    head = list(islice(wanted, SERIAL_HEAD))
    if len(head) < SERIAL_HEAD:
        yield from (checked(auditor, entry) for entry in head)
        return
    yield from _with_workers(auditor, chain(head, wanted), jobs - 1)


def _with_workers(auditor: Auditor, articles: Iterator[Entry], workers: int) -> Iterator[Outcome]:
    """Results in input order from ``workers`` processes and this one: a batch goes to the
    workers while fewer than ``IN_FLIGHT_PER_JOB`` each are queued, else this process checks
    it between reading articles and writing reports. So ``--jobs N`` keeps N processes busy,
    not N workers and a reader competing for N cores."""
    from concurrent.futures import ProcessPoolExecutor

    queued_limit = workers * IN_FLIGHT_PER_JOB
    pending: deque[Future[list[Outcome]] | list[Outcome]] = deque()
    initargs = (auditor.config, auditor.cache, os.getpid())
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=initargs)
    try:
        for batch in _batches(articles, workers):
            queued = sum(not isinstance(item, list) for item in pending)
            if queued < queued_limit:
                with signals_deferred():  # submit may start a worker
                    pending.append(pool.submit(_check, batch))
            else:
                pending.append([checked(auditor, entry) for entry in batch])
            while pending and (len(pending) > queued_limit + LOCAL_AHEAD or _ready(pending[0])):
                yield from _resolved(pending.popleft())
        while pending:
            yield from _resolved(pending.popleft())
    except Exception:
        # The batches under way finish (the interpreter's exit would wait for them anyway);
        # waiting here lets the pool close its pipes before exit, not while it runs.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    except BaseException:
        _terminate(pool)
        raise
    pool.shutdown()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Cancel what the pool has not started and end its processes now (on a signal; the
    command then ends at once: see ``audit.cli.launch``)."""
    import multiprocessing

    pool.shutdown(wait=False, cancel_futures=True)
    for process in multiprocessing.active_children():
        process.terminate()


def _ready(item: Future[list[Outcome]] | list[Outcome]) -> bool:
    return isinstance(item, list) or item.done()


def _resolved(item: Future[list[Outcome]] | list[Outcome]) -> list[Outcome]:
    """A batch's outcomes; a worker's error raised here (``BrokenProcessPool`` when one
    died: an internal error of the run)."""
    return item if isinstance(item, list) else item.result()


def _batches(articles: Iterator[Entry], workers: int) -> Iterator[list[Entry]]:
    """Batches of ``FIRST_BATCH`` articles until every worker has ``IN_FLIGHT_PER_JOB`` of
    them, then of ``BATCH``: a short stream still spreads over all the workers, and a long
    one makes fewer round trips (each costs this process time it shares with the workers)."""
    sizes = chain(repeat(FIRST_BATCH, workers * IN_FLIGHT_PER_JOB), repeat(BATCH))
    return iter(lambda: list(islice(articles, next(sizes))), [])


def _start_worker(config: Config, cache: bool, parent: int) -> None:
    global _worker_auditor
    pause()  # as in audit.launch: no collections until the first batch has loaded all
    _end_with_parent(parent)
    warnings.simplefilter("ignore", AuditWarning)  # the parent has shown them
    _worker_auditor = Auditor.from_config(config, cache)


def _end_with_parent(parent: int) -> None:
    """Ignore Ctrl-C (the parent handles it and ends the pool) and end when the parent ends:
    at once on Linux (``PR_SET_PDEATHSIG``), else within ``PARENT_POLL_SECONDS``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)):
        if number is not None:
            signal.signal(number, signal.SIG_DFL)
    if not _parent_death_signal():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


def _parent_death_signal() -> bool:
    """Ask Linux to send SIGTERM to this process when its parent ends; False elsewhere."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _check(batch: list[Entry]) -> list[Outcome]:
    assert _worker_auditor is not None, "worker started without its auditor"
    results = [checked(_worker_auditor, entry) for entry in batch]
    settle()
    return results
