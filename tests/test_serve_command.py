"""``audit serve`` refuses what it cannot serve safely or at all, with one ``error:`` line.

These run the real command line: each case stops before anything listens
(or, for a port in use, when it tries). The last tests check what the
command costs the others (``audit check`` never imports it) and that an
unexpected failure inside the application reaches no client.
"""

from __future__ import annotations

import asyncio
import logging
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from audit.serve.command import is_loopback


def assert_error(result, place: str, problem: str) -> None:
    assert result.code == 2, result
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"error: {place}: "), result.stderr
    assert problem in result.stderr


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.7", "example.org"])
def test_beyond_loopback_a_token_is_required(run_cli, host):
    result = run_cli("serve", "--no-config", "--host", host)
    assert_error(result, f"--host {host}", "needs --token-file FILE (or --insecure-no-token")


def test_the_explicit_flag_lets_it_past_the_token_check(run_cli):
    # An out-of-range port stops it at the next check, before anything listens.
    args = ("--host", "0.0.0.0", "--insecure-no-token", "--port", "70000")
    assert_error(run_cli("serve", "--no-config", *args), "--port", "must be 0 to 65535")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.9.1", True), ("::1", True), ("[::1]", True),
     ("localhost", True), ("0.0.0.0", False), ("10.0.0.1", False), ("host.example", False)],
)  # fmt: skip
def test_what_counts_as_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_token_file_problems(run_cli, tmp_path):
    missing = tmp_path / "missing"
    assert_error(
        run_cli("serve", "--token-file", missing), f"--token-file {missing}", "no such file"
    )
    empty = tmp_path / "empty"
    empty.write_text("\n  \n", encoding="utf-8")
    assert_error(run_cli("serve", "--token-file", empty), f"--token-file {empty}", "is empty")


@pytest.mark.parametrize(
    ("args", "place", "problem"),
    [
        (["--workers", "0"], "--workers", "must be 1 or more"),
        (["--max-text-chars", "0"], "--max-text-chars", "must be 1 or more"),
        (["--fail-on", "majr"], "--fail-on", "did you mean 'major'"),
        (["--rules", "no-such-pack.yaml"], "no-such-pack.yaml", "no such file"),
        (["--port", "eighty"], "Invalid value for '--port'", "'eighty' is not a valid int"),
    ],
)
def test_bad_options_are_one_line_errors(run_cli, args, place, problem):
    result = run_cli("serve", "--no-config", *args)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and place in result.stderr and problem in result.stderr


def test_a_port_in_use_is_an_error(run_cli):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--no-config", "--port", port)
    assert_error(result, f"--host 127.0.0.1 --port {port}", "cannot listen there")


def test_without_the_serve_extra_it_says_what_to_install(run_cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = run_cli("serve", "--no-config")
    assert_error(result, "serve", "needs uvicorn: pip install 'translation-audit[serve]'")


def test_help_lists_the_options_and_the_readme_documents_them(run_cli):
    result = run_cli("serve", "--help")
    assert result.code == 0 and result.stdout.startswith("Usage: audit serve [OPTIONS]")
    options = set(re.findall(r"(--[a-z-]+)", result.stdout)) - {"--help"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = readme[readme.index("## Command line") :]
    assert options and options <= set(re.findall(r"(--[a-z-]+)", usage))
    assert "serve" in run_cli("--help").stdout


def test_audit_check_does_not_import_the_service():
    code = (
        "import sys\n"
        "from audit.cli.app import main\n"
        f"main(['check', '--no-config', '--quiet', {str(next(SEEDS.glob('*.txt')))!r}])\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'jinja2')"
        " or m.startswith('audit.serve')]\n"
        "print(loaded, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stderr.strip().splitlines()[-1] == "[]", done.stderr


def test_an_unexpected_failure_reaches_no_client(caplog):
    import httpx

    from audit.serve.app import Service, create_app
    from audit.serve.payload import Limits

    class FailingPool:
        """A pool whose check fails as a bug would, with details a client must not see."""

        workers = 1

        async def run(self, job):
            raise RuntimeError(f"secret detail at {Path('/srv/internal.py')}")

    app = create_app(Service(pool=FailingPool(), rules=(), limits=Limits()))  # type: ignore[arg-type]

    async def ask() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.post("/v1/check", json={"text": "The talks ended."})

    with caplog.at_level(logging.ERROR, logger="audit.serve"):
        answer = asyncio.run(ask())
    assert answer.status_code == 500
    assert answer.json()["error"].startswith("error: internal error")
    assert "secret" not in answer.text and "Traceback" not in answer.text
    assert "secret detail" in caplog.text and "RuntimeError" in caplog.text
