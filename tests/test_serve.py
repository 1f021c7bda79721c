"""``audit serve`` over real HTTP on 127.0.0.1: answers equal the CLI's, errors are the CLI's words.

One server for the module (the real command, two workers, a bearer token,
small limits), spoken to with httpx; the load run sends 2,000 requests from
32 concurrent clients and compares every answer with the CLI's report of
the same text.
"""

from __future__ import annotations

import json
import signal
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import httpx
import jsonschema
import pytest
import servers
from conftest import SEEDS

TOKEN = "s3cret-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIMITS = {"--max-body-bytes": 65_536, "--max-text-chars": 20_000, "--max-articles": 8}
LOAD_REQUESTS = 2_000
LOAD_CLIENTS = 32
SARIF_SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[servers.Server]:
    folder = tmp_path_factory.mktemp("serve")
    token = folder / "token"
    token.write_text(TOKEN + "\n", encoding="utf-8")
    limits = [str(part) for pair in LIMITS.items() for part in pair]
    running = servers.start(
        folder / "server.log", "--no-config", "--no-access-log", "--workers", "2",
        "--token-file", token, *limits,
    )  # fmt: skip
    yield running
    workers = running.workers()
    assert running.stop() == 0, running.log.read_text()
    assert not any(servers.is_alive(pid) for pid in workers), "workers outlived the server"
    assert "Traceback" not in running.log.read_text()


@pytest.fixture(scope="module")
def client(server: servers.Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, headers=AUTH, timeout=60) as http:
        yield http


def cli_articles(run_cli, tmp_path: Path, records: list[dict]) -> dict[str, dict]:
    """The CLI's JSON report of ``records`` (as a JSONL file), by article id, without paths."""
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = run_cli("check", "--no-config", "--format", "json", "--jsonl", jsonl)
    assert result.code in (0, 1), result.stderr
    return {a["id"]: without_path(a) for a in json.loads(result.stdout)["articles"]}


def without_path(article: dict) -> dict:
    return {key: value for key, value in article.items() if key != "path"}


def cli_error(run_cli, tmp_path: Path, line: bytes) -> str:
    """The problem the CLI reports for ``line`` as a record of a JSONL file (no place)."""
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_bytes(line + b"\n")
    result = run_cli("check", "--no-config", "--fail-fast", "--jsonl", jsonl)
    assert result.code == 2 and result.stdout == ""
    prefix = f"error: {jsonl}:1: "
    assert result.stderr.startswith(prefix), result.stderr
    return result.stderr[len(prefix) :].strip()


def seed_records(source_language: str | None = None) -> list[dict]:
    return [
        {"id": path.stem, "text": path.read_text(encoding="utf-8")}
        | ({"source_language": source_language} if source_language else {})
        for path in sorted(SEEDS.glob("*.txt"))
    ]


def test_health_answers_without_the_token(server):
    answer = httpx.get(f"{server.url}/healthz")
    assert answer.status_code == 200
    from audit import Auditor

    enabled = sum(rule.enabled for rule in Auditor.from_rules().rules)
    assert answer.json() | {"version": None} == {
        "status": "ok", "version": None, "rules": enabled, "workers": 2,
    }  # fmt: skip


@pytest.mark.parametrize("path", ["/v1/check", "/v1/rules", "/v1/rules/en.garbled.a-before-vowel"])
@pytest.mark.parametrize(
    ("headers", "problem"),
    [
        ({}, "a bearer token is required"),
        ({"Authorization": "Bearer wrong"}, "not this server's"),
        ({"Authorization": f"Basic {TOKEN}"}, "a bearer token is required"),
    ],
)
def test_everything_but_health_needs_the_token(server, path, headers, problem):
    method = "POST" if path == "/v1/check" else "GET"
    answer = httpx.request(method, server.url + path, headers=headers, json={"text": "Hello."})
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    assert answer.json()["error"].startswith("error: Authorization: ")
    assert problem in answer.json()["error"]


def test_one_article_is_the_cli_article(client, run_cli, tmp_path):
    for source in (None, "en"):
        records = seed_records(source)
        expected = cli_articles(run_cli, tmp_path, records)
        for record in records:
            answer = client.post("/v1/check", json=record)
            assert answer.status_code == 200
            assert answer.headers["content-type"].startswith("application/json")
            article = answer.json()
            assert article["path"] == record["id"]
            assert without_path(article) == expected[record["id"]]
    assert any(expected[r["id"]]["findings"] for r in records)


def test_a_list_gets_the_whole_json_report(client):
    texts = [{"text": "The minister resigned on Tuesday."}, {"text": "Fans conspired the referee."}]
    report = client.post("/v1/check", json=texts).json()
    schema = json.loads((resources.files("audit") / "schemas" / "report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(report)
    assert [a["id"] for a in report["articles"]] == ["text:1", "text:2"]
    assert report["summary"]["articles"] == 2
    assert (
        client.post("/v1/check", json={"articles": texts}).json()["articles"]
        == (report["articles"])
    )


def test_other_formats_render_the_same_findings(client):
    records = seed_records()[:2]
    report = client.post("/v1/check", json=records).json()
    counts = [len(article["findings"]) for article in report["articles"]]

    sarif = client.post("/v1/check", params={"format": "sarif"}, json=records)
    assert sarif.headers["content-type"].startswith("application/sarif+json")
    log = sarif.json()
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert len(log["runs"][0]["results"]) == sum(counts)

    markdown = client.post("/v1/check", params={"format": "markdown"}, json=records)
    assert markdown.headers["content-type"].startswith("text/markdown")
    rows = [line for line in markdown.text.splitlines() if line.startswith("| `")]
    assert [row.split(" | ")[0] for row in rows] == [f"| `{r['id']}`" for r in records]

    page = client.post("/v1/check", params={"format": "html"}, json=records[0])
    assert page.headers["content-type"].startswith("text/html")
    assert page.text.count('<li class="sev-') == counts[0]


@pytest.mark.parametrize(
    "line",
    [
        b"{bad json",
        b'{"text": 3}',
        b'{"text": "   "}',
        b'{"id": "a"}',
        b'"just a string"',
        b'{"text": "Fine.", "source_language": 5}',
        b'{"text": "Fine.", "reference": ["x"]}',
        b'{"text": "\\ud800 lone"}',
        b"\xc3\x28 not utf-8",
    ],
)
def test_a_malformed_body_gets_400_with_the_cli_words(client, run_cli, tmp_path, line):
    answer = client.post("/v1/check", content=line)
    assert answer.status_code == 400
    assert answer.json() == {
        "error": f"error: request body: {cli_error(run_cli, tmp_path, line)}",
        "status": 400,
    }


def test_a_bad_article_in_a_list_is_named_by_its_place(client, run_cli, tmp_path):
    answer = client.post("/v1/check", json=[{"text": "Fine."}, {"text": 3}, 7])
    assert answer.status_code == 400
    problem = cli_error(run_cli, tmp_path, b'{"text": 3}')
    assert answer.json()["error"] == f"error: request body[1]: {problem}"
    assert client.post("/v1/check", json=[]).status_code == 400


def test_limits_are_413_and_422_json(client):
    over = b'{"text": "' + b"a" * LIMITS["--max-body-bytes"] + b'"}'
    declared = client.post("/v1/check", content=over)
    assert declared.status_code == 413
    assert "--max-body-bytes" in declared.json()["error"]

    def chunks() -> Iterator[bytes]:
        yield over[:1000]
        yield over[1000:]

    streamed = client.post("/v1/check", content=chunks())
    assert streamed.status_code == 413 and streamed.json()["status"] == 413

    long_text = "The talks went on. " * 1100  # 20,900 characters, in a body under 64 KiB
    too_long = client.post("/v1/check", json={"text": long_text})
    assert too_long.status_code == 422
    assert too_long.json()["error"] == (
        "error: request body: the text has 20,900 characters; this server checks at most "
        "20,000 (--max-text-chars)"
    )
    many = client.post("/v1/check", json=[{"text": "One."}] * 9)
    assert many.status_code == 422 and "--max-articles" in many.json()["error"]
    assert client.post("/v1/check", json={"text": "Still here."}).status_code == 200


def test_rules_are_listed_as_the_cli_lists_them(client, run_cli):
    listed = client.get("/v1/rules").json()["rules"]
    cli_lines = run_cli("rules", "list").stdout.splitlines()
    assert cli_lines[-1] == f"{len(listed)} rules"
    assert [line.split()[0] for line in cli_lines[1:-1]] == [rule["id"] for rule in listed]
    one = listed[0]
    assert client.get(f"/v1/rules/{one['id']}").json() == one
    assert one["examples"]["flag"] and one["pack"] == one["id"].rpartition(".")[0]

    missing = client.get("/v1/rules/fr-en.calques.tone-rise")
    cli = run_cli("rules", "show", "fr-en.calques.tone-rise")
    assert missing.status_code == 404
    assert missing.json()["error"] == cli.stderr.strip()


def test_unknown_routes_methods_and_formats_are_json_errors(client, run_cli, tmp_path):
    assert client.get("/v2/check").json() == {"error": "error: /v2/check: not found", "status": 404}
    wrong = client.get("/v1/check")
    assert wrong.status_code == 405 and wrong.json()["error"].endswith("method not allowed")
    bad_format = client.post("/v1/check", params={"format": "xml"}, json={"text": "Hi."})
    article = tmp_path / "a.txt"
    article.write_text("The talks ended.", encoding="utf-8")
    cli = run_cli("check", "--no-config", "--format", "xml", article)
    assert bad_format.status_code == 400
    assert bad_format.json()["error"] == cli.stderr.strip().replace("--format", "format")


def test_malformed_http_gets_no_traceback(server):
    host, port = server.url.removeprefix("http://").split(":")
    for request in (b"NONSENSE\r\n\r\n", b"POST /v1/check HTTP/1.1\r\nContent-Length: x\r\n\r\n"):
        with socket.create_connection((host, int(port)), timeout=10) as raw:
            raw.sendall(request)
            answer = raw.recv(65536)
        assert answer.startswith(b"HTTP/1.1 400"), answer
        assert b"Traceback" not in answer and b'File "' not in answer


def test_load_2000_requests_from_32_clients_equal_the_cli(server, run_cli, tmp_path):
    paragraphs = [
        line.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) >= 4
    ]
    records = [{"id": f"p{number}", "text": text} for number, text in enumerate(paragraphs)]
    expected = cli_articles(run_cli, tmp_path, records)
    assert sum(bool(article["findings"]) for article in expected.values()) >= 20
    answers = _load(server.url, records)
    assert len(answers) == LOAD_REQUESTS
    mismatched = [
        record_id
        for record_id, status, article in answers
        if status != 200 or without_path(article) != expected[record_id]
    ]
    assert not mismatched, f"{len(mismatched)} answers differ from the CLI's: {mismatched[:5]}"


def _load(url: str, records: list[dict]) -> list[tuple[str, int, dict]]:
    """``LOAD_REQUESTS`` requests, cycling through ``records``, from ``LOAD_CLIENTS`` threads
    sharing a pool of as many connections."""
    limits = httpx.Limits(max_connections=LOAD_CLIENTS)
    with httpx.Client(base_url=url, headers=AUTH, timeout=120, limits=limits) as http:

        def ask(number: int) -> tuple[str, int, dict]:
            record = records[number % len(records)]
            answer = http.post("/v1/check", json=record)
            return record["id"], answer.status_code, answer.json()

        with ThreadPoolExecutor(LOAD_CLIENTS) as clients:
            return list(clients.map(ask, range(LOAD_REQUESTS)))


def test_a_killed_worker_is_replaced(server, client):
    [victim, *others] = server.workers()
    servers.os.kill(victim, signal.SIGKILL)
    statuses: list[int] = []
    while len(statuses) < 10:  # the pool learns of the death on a later request, or at once
        answer = client.post("/v1/check", json={"text": "Fans conspired the referee."})
        statuses.append(answer.status_code)
        if answer.status_code == 503:
            assert answer.json()["error"] == "error: a worker stopped during the check; retry"
        elif _replaced(victim, 1 + len(others), server.workers()):
            break
    assert statuses[-1] == 200 and statuses.count(503) <= 1, statuses
    assert _replaced(victim, 1 + len(others), server.workers())


def _replaced(victim: int, count: int, workers: list[int]) -> bool:
    return victim not in workers and len(workers) == count
