"""Checking requests in worker processes, each holding an Auditor built once at start-up.

The HTTP server's event loop only reads requests and writes answers; the
audits, and the reports they are rendered into, run in ``workers``
processes (``concurrent.futures``, started with ``spawn`` so that no thread
or socket of the server is inherited). Each worker builds its Auditor from
the server's configuration when it starts and checks a short warm-up text,
so the first request pays for nothing that loads once, and freezes what
that built out of the garbage collector's sight (``audit.cli.collector``):
no request waits while the collector scans the compiled rules. A request is one
job: its articles, checked in order, and the report asked for, rendered in
the worker (``render``), which returns the body text.

When a worker dies (killed, out of memory), the pool is replaced and the
requests it held get ``WorkerLost``; the next ones go to the new workers.
A worker whose server was killed outright exits by itself.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader

from audit.auditor import Auditor
from audit.cli.collector import pause, settle
from audit.gate.config import Config
from audit.reports import ReportContext, Summary, load
from audit.reports.base import pieces
from audit.reports.html import HtmlWriter, environment
from audit.text.ingest import Article

MEDIA_TYPES = {
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "sarif": "application/sarif+json",
    "junit": "application/xml",
    "html": "text/html",
    "markdown": "text/markdown",
}
PAGE_TEMPLATE = "page.html.j2"
WARM_UP = "The talks ended on Friday. Both sides said they would meet again in March."
ORPHAN_CHECK_SECONDS = 1.0

_auditor: Auditor | None = None


class WorkerLost(Exception):
    """A worker process died while it checked a request."""


@dataclass(frozen=True)
class Job:
    """One request's work: its articles, the report format, and for the editor page its form."""

    articles: tuple[Article, ...]
    format: str = "json"
    single: bool = True
    page: Mapping[str, Any] | None = field(default=None)


@dataclass(frozen=True)
class Rendered:
    body: str
    media_type: str


def media_type(report_format: str) -> str:
    return MEDIA_TYPES.get(report_format, "text/plain")


@cache
def page_environment() -> Environment:
    """The report's templates with the editor page (``page.html.j2``) beside them."""
    return environment(PackageLoader("audit.serve", "templates"))


def render_with(auditor: Auditor, job: Job) -> Rendered:
    """Check the job's articles and render its report, as ``audit check`` would."""
    results = [auditor.check_article(article) for article in job.articles]
    if job.single and job.format == "json":
        body = json.dumps(results[0].to_dict(), ensure_ascii=False)
        return Rendered(body, media_type("json"))
    if job.page is not None:
        writer: Any = HtmlWriter(PAGE_TEMPLATE, page_environment(), job.page)
    else:
        writer = load(job.format).writer(ReportContext(rules=auditor.rules))
    summary = Summary()
    parts: list[str] = []
    for result in results:
        summary.add(result)
        parts.extend(pieces(writer.article(result)))
    parts.extend(pieces(writer.finish(summary)))
    return Rendered("".join(parts), media_type("html" if job.page is not None else job.format))


def render_page(page: Mapping[str, Any]) -> str:
    """The editor page with no article (its first view, or a request that was refused)."""
    return HtmlWriter(PAGE_TEMPLATE, page_environment(), page).finish(Summary())


def _start_worker(config: Config, cache: bool) -> None:
    global _auditor
    pause()  # as in audit.cli.launch: what start-up builds is frozen, not scanned again
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the server, which stops us
    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    _auditor = Auditor.from_config(config, cache)
    _auditor.check_text(WARM_UP)
    settle()


def _exit_when_orphaned(parent: int) -> None:
    """A server killed outright cannot stop its workers: they stop when it is gone."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(0)


def _render(job: Job) -> Rendered:
    assert _auditor is not None, "worker started without its auditor"
    return render_with(_auditor, job)


def _ready() -> bool:
    return _auditor is not None


class WorkerPool:
    """``workers`` processes that check jobs; ``run`` awaits one job's answer."""

    def __init__(self, config: Config, cache: bool, workers: int) -> None:
        self.config = config
        self.cache = cache
        self.workers = workers
        self._executor = self._start(wait=True)

    def _start(self, wait: bool) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.config, self.cache),
        )
        started: list[Future[bool]] = [executor.submit(_ready) for _ in range(self.workers)]
        for future in started if wait else ():
            future.result()  # the workers have built their auditors (or start-up fails here)
        return executor

    async def run(self, job: Job) -> Rendered:
        executor = self._executor
        try:
            return await asyncio.wrap_future(executor.submit(_render, job))
        except BrokenProcessPool:
            self._replace(executor)
            raise WorkerLost() from None

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        if self._executor is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            self._executor = self._start(wait=False)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
