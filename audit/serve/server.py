"""Running the service: the worker pool, the application and uvicorn on a bound socket.

uvicorn serves the application on the socket ``audit.serve.command`` bound
and stops on SIGINT or SIGTERM, finishing the requests under way; the
workers are stopped after it, and the command ends with status 0 (uvicorn
passes the signal on to the handler it found, which here only notes it).
Its log, the access log included, goes to standard error; the line that
says where the service listens goes to standard output once the workers
have started, so a script can wait for it.
"""

from __future__ import annotations

import copy
import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
import uvicorn

from audit.auditor import Auditor
from audit.cli.collector import settle
from audit.gate.config import Config
from audit.serve.app import Service, create_app
from audit.serve.payload import Limits
from audit.serve.pool import WorkerPool


def address_of(listening: socket.socket) -> str:
    host, port = listening.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def log_config() -> dict[str, Any]:
    """uvicorn's logging, with the access log on standard error like the rest."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    return config


@contextmanager
def stop_signals_noted() -> Iterator[list[int]]:
    """While inside, SIGINT and SIGTERM are noted, not fatal: the server stops on them."""
    noted: list[int] = []
    stops = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, lambda n, _: noted.append(n)) for number in stops}
    try:
        yield noted
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def run(
    listening: socket.socket,
    settings: Config,
    auditor: Auditor,
    workers: int,
    limits: Limits,
    token: str | None,
    access_log: bool,
) -> None:
    """Serve until the process is told to stop."""
    pool = WorkerPool(settings, auditor.cache, workers)
    settle()  # the command started with the collector paused (audit.cli.launch)
    try:
        service = Service(pool=pool, rules=auditor.rules, limits=limits, token=token)
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(service),
                lifespan="off",
                access_log=access_log,
                server_header=False,
                log_level="info",
                log_config=log_config(),
            )
        )
        enabled = sum(rule.enabled for rule in auditor.rules)
        typer.echo(
            f"serving {enabled} rules on {address_of(listening)} with {workers} worker"
            f"{'s' if workers != 1 else ''}{' (token required)' if token else ''}"
        )
        with stop_signals_noted():
            server.run(sockets=[listening])
    finally:
        pool.close()
        listening.close()
