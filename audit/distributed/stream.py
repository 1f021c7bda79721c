"""``audit check --scheduler ADDRESS``: the articles the command reads, checked on a Dask cluster.

The command reads the articles and writes the report as it always does;
only the checking moves to the cluster's workers, in batches of ``BATCH``
articles, at most ``IN_FLIGHT_PER_THREAD`` batches per worker thread at a
time (memory stays flat however long the run), and the results come back
in input order. So every format and option works as in a local run, with
the same bytes out. ``ADDRESS`` is a running scheduler (``tcp://HOST:8786``
or any address ``distributed.Client`` takes; the run waits up to
``WORKER_WAIT`` seconds for its first worker) or ``local:N``, a cluster of N
worker processes on this machine started for the run.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections import deque
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING

from audit.auditor import Auditor
from audit.cli.collector import settle
from audit.cli.runner import Outcome, checked
from audit.distributed.shipment import Shipment, auditor, ship
from audit.errors import AuditError, UsageError
from audit.gate.config import Config
from audit.text.ingest import Entry

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

BATCH = 32
IN_FLIGHT_PER_THREAD = 3
WORKER_WAIT = 60.0
LOCAL_RE = re.compile(r"local:(\d+)")


def results(auditor: Auditor, entries: Iterator[Entry], address: str) -> Iterator[Outcome]:
    """The outcomes of ``entries``, in order, checked on the cluster at ``address``."""
    shipment = ship(auditor.config or Config(), auditor.cache)
    with connect(address) as client:
        _wait_for_a_worker(client, address)
        cargo = client.submit(_unpacked, shipment, key=f"audit-shipment-{shipment.digest}")
        limit = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
        pending: deque[Future] = deque()
        for batch in iter(lambda: list(islice(entries, BATCH)), []):
            pending.append(client.submit(check_batch, cargo, batch, pure=False))
            while pending and (len(pending) >= limit or pending[0].done()):
                yield from gathered(pending.popleft())
        while pending:
            yield from gathered(pending.popleft())


def gathered(future: Future) -> list[Outcome]:
    """A batch's results; the cluster losing it (a scheduler gone, a batch that killed its
    workers again and again) is an AuditError, never a traceback."""
    from concurrent.futures import CancelledError

    from distributed import KilledWorker

    try:
        return future.result()
    except (CancelledError, KilledWorker, OSError) as lost:
        problem = f"the cluster lost a batch: {type(lost).__name__}: {lost}"
        raise AuditError("--scheduler", problem) from None


def _wait_for_a_worker(client: Client, address: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except TimeoutError:
        problem = f"no worker has joined the scheduler at {address} in {WORKER_WAIT:g} s"
        raise AuditError("--scheduler", problem) from None


def _unpacked(shipment: Shipment) -> Shipment:
    return shipment


def check_batch(shipment: Shipment, batch: list[Entry]) -> list[Outcome]:
    """One task: a batch of articles checked by this worker's Auditor (an input that could
    not be read goes back as it came)."""
    checker = auditor(shipment)
    outcomes = [checked(checker, entry) for entry in batch]
    settle()  # this process has now loaded all that it keeps (see audit.cli.collector)
    return outcomes


@contextlib.contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a ``local:N`` cluster started here."""
    try:
        import distributed
    except ImportError:
        raise UsageError(
            "--scheduler", "needs Dask: pip install 'translation-audit[dask]'"
        ) from None
    local = LOCAL_RE.fullmatch(address)
    if local:
        workers = int(local.group(1))
        if workers < 1:
            raise UsageError("--scheduler", "local:N needs 1 worker or more")
        with local_cluster(workers) as cluster, distributed.Client(cluster) as client:
            yield client
        return
    if "://" not in address:
        raise UsageError("--scheduler", f"give tcp://HOST:PORT or local:N, not '{address}'")
    try:
        client = distributed.Client(address)
    except (OSError, TimeoutError) as bad:
        raise UsageError("--scheduler", f"cannot reach {address}: {bad}") from None
    with client:
        yield client


def local_cluster(workers: int) -> LocalCluster:
    """A cluster of ``workers`` processes of one thread each on this machine, its HTTP routes
    on a free port of the loopback, logging only errors (as ``--scheduler local:N`` starts it)."""
    import distributed

    return distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    )
