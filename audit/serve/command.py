"""The ``audit serve`` command: load the rules once, start the workers, serve on HOST:PORT.

The options that choose the rules and the policy are those of ``audit
check`` (config file, ``--rules``, ``--enable``, ``--fail-on`` ...); the
Auditor they make is built, and every pack validated, before anything
listens, so a bad pack stops the command with its ``error:`` line. The
socket is bound here too: a port in use is an error, not a traceback, and
``--port 0`` takes a free port, printed on the first line.

Beyond the loopback interface the service answers only requests with the
bearer token read from ``--token-file``; it refuses to start there without
one unless ``--insecure-no-token`` says so. Starlette and uvicorn are
imported only when the command runs (the ``serve`` extra).
"""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from typing import Annotated

import typer

from audit.auditor import Auditor
from audit.cli.exits import ExitCode
from audit.cli.options import (
    ConfigOption,
    DisableOption,
    EnableOption,
    FailOnOption,
    FileOption,
    LanguageOption,
    NoBuiltinOption,
    NoCacheOption,
    NoConfigOption,
    RulesOption,
    SourceLanguageOption,
    configured,
    found_config,
    option,
)
from audit.cli.runner import default_jobs
from audit.errors import UsageError, read_bytes
from audit.serve.payload import Limits

LOOPBACK_NAMES = ("localhost", "localhost.")
EXTRA_HINT = "pip install 'translation-audit[serve]'"
BACKLOG = 128
MAX_PORT = 65_535

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


@app.command()
def serve(
    host: Annotated[str, option("--host", help="Address to listen on.", metavar="HOST")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, option("--port", help="Port (0: any free port).", metavar="PORT")] = 8080,
    workers: Annotated[
        int | None,
        option("--workers", help="Processes that check (default: all cores).", metavar="N"),
    ] = None,
    token_file: Annotated[
        FileOption,
        option("--token-file", help="Require this bearer token (first line).", metavar="FILE"),
    ] = None,
    insecure_no_token: Annotated[
        bool, option("--insecure-no-token", help="Serve beyond loopback with no token.")
    ] = False,
    max_body_bytes: Annotated[
        int, option("--max-body-bytes", help="Largest request body.", metavar="N")
    ] = Limits.body_bytes,
    max_text_chars: Annotated[
        int, option("--max-text-chars", help="Longest text of one article.", metavar="N")
    ] = Limits.text_chars,
    max_articles: Annotated[
        int, option("--max-articles", help="Most articles in one request.", metavar="N")
    ] = Limits.articles,
    rules: RulesOption = None,
    no_builtin: NoBuiltinOption = False,
    enable: EnableOption = None,
    disable: DisableOption = None,
    fail_on: FailOnOption = None,
    language: LanguageOption = None,
    source_language: SourceLanguageOption = None,
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
    no_cache: NoCacheOption = False,
    access_log: Annotated[
        bool, typer.Option("--access-log/--no-access-log", help="Log every request.")
    ] = True,
) -> ExitCode:
    """Serve audits over HTTP: POST /v1/check, GET /v1/rules, GET /healthz, and an editor page
    at /."""
    token = _token(token_file)
    if token is None and not insecure_no_token and not is_loopback(host):
        raise UsageError(
            f"--host {host}",
            "beyond loopback the service needs --token-file FILE "
            "(or --insecure-no-token to serve without one)",
        )
    if not 0 <= port <= MAX_PORT:
        raise UsageError("--port", f"must be 0 to {MAX_PORT}, not {port}")
    limits = _limits(max_body_bytes, max_text_chars, max_articles)
    workers = _at_least_one("--workers", default_jobs() if workers is None else workers)
    settings = configured(
        found_config(config_file, no_config),
        rules=rules,
        no_builtin=no_builtin,
        enable=enable,
        disable=disable,
        language=language,
        source_language=source_language,
        fail_on=fail_on,
    )
    auditor = Auditor.from_config(settings, cache=not no_cache)
    _require_extra()
    listening = bind(host, port)
    from audit.serve.server import run

    run(listening, settings, auditor, workers, limits, token, access_log)
    return ExitCode.PASSED


def command() -> typer.main.TyperCommand:
    """The click command that ``audit serve`` runs."""
    return typer.main.get_command(app)  # type: ignore[return-value]


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port``; a UsageError when that cannot be."""
    place = f"--host {host} --port {port}"
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        listening = socket.socket(family, kind, proto)
    except (OSError, OverflowError) as bad:
        raise UsageError(place, f"cannot listen there: {bad}") from None
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(BACKLOG)
    except OSError as bad:
        listening.close()
        raise UsageError(place, f"cannot listen there: {bad.strerror or bad}") from None
    return listening


def _token(path: Path | None) -> str | None:
    if path is None:
        return None
    place = f"--token-file {path}"
    try:
        lines = read_bytes(path, UsageError, place).decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise UsageError(place, "the token file is not UTF-8 text") from None
    token = lines[0].strip() if lines else ""
    if not token:
        raise UsageError(place, "the token file is empty: put the token on its first line")
    return token


def _limits(body_bytes: int, text_chars: int, articles: int) -> Limits:
    return Limits(
        body_bytes=_at_least_one("--max-body-bytes", body_bytes),
        text_chars=_at_least_one("--max-text-chars", text_chars),
        articles=_at_least_one("--max-articles", articles),
    )


def _at_least_one(name: str, value: int) -> int:
    if value < 1:
        raise UsageError(name, f"must be 1 or more, not {value}")
    return value


def _require_extra() -> None:
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as missing:
        raise UsageError("serve", f"needs {missing.name}: {EXTRA_HINT}") from None
