"""The Dask engine on a real LocalCluster of two worker processes: the same bytes as a local run,
packs shipped as data, one Auditor per worker, bad records as error rows, a worker killed mid-run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import dask
import pandas
import pytest
from conftest import ROOT, SEEDS
from dask import bag
from dask import dataframe as dd
from distributed import Client, LocalCluster
from pyarrow import parquet

from audit.cli import app as cli
from audit.distributed import audit_files, check_bag, check_dataframe, read_articles, ship, stream
from audit.distributed.shipment import auditors_built, build
from audit.distributed.stream import gathered, local_cluster
from audit.errors import AuditError, InputError, UsageError
from audit.gate.config import Config

BENCH_FILES = 4
BENCH_ARTICLES = 500
WORKERS = 2
# A partition of BENCH_ARTICLES takes a couple of seconds: the kill lands well inside one.
KILL_AFTER_SECONDS = 0.3
CHECK = ("check", "--no-config", "--quiet", "--format", "jsonl")


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with local_cluster(WORKERS) as cluster, Client(cluster) as client:
        yield client  # the default scheduler of dask.compute for the tests of this module


def local_run(*arguments: str | Path, output: Path) -> bytes:
    """What ``audit check --no-config --format jsonl ARGS`` writes, run in this process."""
    code = cli.main([*CHECK, *map(str, arguments), "-o", str(output)])
    assert code in (0, 1)
    return output.read_bytes()


@pytest.fixture(scope="module")
def bench_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """2,000 articles of ``bench/corpus.py`` in four JSON Lines files."""
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    folder = tmp_path_factory.mktemp("bench")
    articles = list(corpus.articles(BENCH_FILES * BENCH_ARTICLES))
    files = []
    for number in range(BENCH_FILES):
        part = articles[number * BENCH_ARTICLES : (number + 1) * BENCH_ARTICLES]
        path = folder / f"part-{number}.jsonl"
        path.write_text("".join(json.dumps(vars(a)) + "\n" for a in part), encoding="utf-8")
        files.append(path)
    return files


@pytest.fixture(scope="module")
def expected(bench_files: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The local CLI's report of each bench file, by file name."""
    folder = tmp_path_factory.mktemp("expected")
    return {
        path.stem: local_run("--jobs", "2", "--jsonl", path, output=folder / path.name)
        for path in bench_files
    }


def test_check_on_the_cluster_writes_what_a_local_run_writes(run_cli, client, tmp_path):
    address = client.scheduler.address
    bilingual = sorted((SEEDS / "bilingual").iterdir())
    for output_format in ("jsonl", "text", "sarif"):
        here = run_cli("check", "--no-config", "-f", output_format, SEEDS, *bilingual)
        there = run_cli(
            "check", "--no-config", "-f", output_format, "--scheduler", address, SEEDS, *bilingual
        )
        assert (there.code, there.stdout) == (here.code, here.stdout)
        assert there.stdout.count(str(SEEDS)) >= 5 + len(bilingual)


def test_bad_scheduler_options_are_clean_errors(run_cli):
    cases = {
        ("--scheduler", "somewhere"): "error: --scheduler: give tcp://HOST:PORT or local:N",
        ("--scheduler", "local:0"): "error: --scheduler: local:N needs 1 worker or more",
        ("--scheduler", "local:1", "--jobs", "2"): "error: --jobs: cannot be combined",
    }
    for options, message in cases.items():
        result = run_cli("check", "--no-config", *options, SEEDS)
        assert result.code == 2 and result.stderr.startswith(message), result.stderr
        assert result.stdout == ""
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = run_cli("check", "--no-config", "--scheduler", "tcp://127.0.0.1:9", SEEDS)
    assert result.code == 2
    assert result.stderr.startswith("error: --scheduler: cannot reach tcp://127.0.0.1:9: ")


def test_a_scheduler_without_workers_is_a_clean_error(run_cli, monkeypatch):
    monkeypatch.setattr(stream, "WORKER_WAIT", 0.5)
    with LocalCluster(n_workers=0, processes=False, dashboard_address="127.0.0.1:0") as empty:
        result = run_cli("check", "--no-config", "--scheduler", empty.scheduler_address, SEEDS)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr == (
        f"error: --scheduler: no worker has joined the scheduler at {empty.scheduler_address}"
        " in 0.5 s\n"
    )


def test_a_batch_the_cluster_loses_is_a_clean_error(client):
    future = client.submit(time.sleep, 30, pure=False)
    future.cancel()
    with pytest.raises(AuditError, match=r"^--scheduler: the cluster lost a batch: "):
        gathered(future)


def test_a_plain_check_never_imports_dask():
    script = (
        "import sys; from audit.cli.app import main; "
        f"main(['check', '--no-config', '--quiet', '-o', '/dev/null', {str(SEEDS)!r}]); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'pyarrow'}))"
    )
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert shown.stdout.strip().splitlines()[-1] == "[]", shown.stderr


def test_two_thousand_bench_articles_give_the_local_bytes(client, bench_files, expected, tmp_path):
    written = audit_files(str(bench_files[0].parent / "*.jsonl"), str(tmp_path / "out"))
    assert [Path(path).name for path in written] == [path.name for path in bench_files]
    for path in written:
        assert Path(path).read_bytes() == expected[Path(path).stem]
    lines = sum(text.count(b"\n") for text in expected.values())
    assert lines == BENCH_FILES * BENCH_ARTICLES


def test_a_worker_killed_mid_run_loses_and_repeats_nothing(client, bench_files, expected, tmp_path):
    inputs = [str(path) for path in bench_files[:2]]
    killed: dict[str, object] = {}
    killer = threading.Thread(target=_kill_a_busy_worker, args=(client, killed))
    killer.start()
    try:
        written = audit_files(inputs, str(tmp_path / "out"))
    finally:
        killer.join()
        client.wait_for_workers(WORKERS, timeout=60)
    assert killed.get("task", "").startswith("audit_file"), killed
    assert killed["address"] not in client.scheduler_info()["workers"]
    assert sorted(os.listdir(tmp_path / "out")) == ["part-0.jsonl", "part-1.jsonl"]
    for path in written:
        text = Path(path).read_bytes()
        assert text == expected[Path(path).stem]
        ids = [json.loads(line)["id"] for line in text.splitlines()]
        assert len(ids) == len(set(ids)) == BENCH_ARTICLES


def _kill_a_busy_worker(client: Client, killed: dict[str, object]) -> None:
    """SIGKILL a worker process that is still checking its partition, a moment after both
    workers began one."""
    pids = client.run(os.getpid)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if len(_busy(client)) == WORKERS:
            time.sleep(KILL_AFTER_SECONDS)
            still = _busy(client)
            if still:
                address, keys = still[0]
                killed.update(address=address, task=str(keys[0]))
                os.kill(pids[address], signal.SIGKILL)
                return
        time.sleep(0.05)


def _busy(client: Client) -> list[tuple[str, tuple[object, ...]]]:
    """The workers with a task under way, and their tasks, by address."""
    return sorted((address, tuple(keys)) for address, keys in client.processing().items() if keys)


def test_a_bad_record_is_an_error_row_as_in_a_local_run(client, run_cli, tmp_path):
    good = {"id": "good", "text": "The minister resigned on Tuesday.\n"}
    records = tmp_path / "mixed.jsonl"
    lines = [json.dumps(good), "{not json", json.dumps({"id": "empty", "text": " "}), ""]
    records.write_text("\n".join([*lines, json.dumps({**good, "id": "last"})]) + "\n")
    table = tmp_path / "table.parquet"
    pandas.DataFrame({"id": ["a", "b"], "text": [good["text"], None]}).to_parquet(table)
    written = audit_files([str(records), str(table)], str(tmp_path / "out"), output_format="jsonl")
    local = run_cli("check", *CHECK[1:], "--jsonl", records)
    assert local.code == 2 and Path(written[0]).read_text() == local.stdout
    rows = [json.loads(line) for line in local.stdout.splitlines()]
    assert [row.get("id") or row["error"]["place"] for row in rows] == [
        "good",
        f"{records}:2",
        f"{records}:3",
        "last",
    ]
    from_table = [json.loads(line) for line in Path(written[1]).read_text().splitlines()]
    assert from_table[0]["id"] == "a" and from_table[0]["verdict"]["passed"] is True
    assert from_table[1] == {
        "error": {
            "path": str(table),
            "place": f"{table}:row 2",
            "problem": "the record has no 'text' string to audit",
        }
    }
    (as_table,) = audit_files(str(table), str(tmp_path / "parquet"), output_format="parquet")
    errors = [
        (row["id"], row["passed"], row["error"]) for row in parquet.read_table(as_table).to_pylist()
    ]
    assert errors == [
        ("a", True, None),
        (None, None, f"{table}:row 2: the record has no 'text' string to audit"),
    ]


def test_parquet_in_and_out_holds_the_local_results(client, run_cli, tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    table = tmp_path / "seeds.parquet"
    texts = [path.read_text(encoding="utf-8") for path in seeds]
    pandas.DataFrame({"id": [p.stem for p in seeds], "text": texts}).to_parquet(table)
    (written,) = audit_files(str(table), str(tmp_path / "out"), output_format="parquet")
    results = parquet.read_table(written).to_pylist()
    local = run_cli("check", *CHECK[1:], SEEDS).stdout.splitlines()
    assert [r["id"] for r in results] == [p.stem for p in seeds]
    assert [r["record"] for r in results] == [1, 2, 3, 4, 5]
    for row, line in zip(results, local, strict=True):
        assert json.loads(row["result"]) == {**json.loads(line), "path": str(table)}
        assert row["passed"] == json.loads(line)["verdict"]["passed"]
        assert row["findings"] == len(json.loads(line)["findings"]) and row["error"] is None


def test_a_dataframe_column_gives_the_local_lines_by_index(client, run_cli):
    seeds = sorted(SEEDS.glob("*.txt"))
    frame = pandas.DataFrame(
        {
            "id": [path.stem for path in seeds],
            "path": [str(path) for path in seeds],
            "text": [path.read_text(encoding="utf-8") for path in seeds],
        },
        index=[10, 20, 30, 40, 50],
    )
    results = check_dataframe(dd.from_pandas(frame, npartitions=2), path="path").compute()
    local = run_cli("check", *CHECK[1:], SEEDS).stdout.splitlines()
    assert list(results.index) == [10, 20, 30, 40, 50]
    assert list(results["result"]) == local
    assert list(results["passed"]) == [json.loads(line)["verdict"]["passed"] for line in local]


def test_packs_travel_as_data_and_each_worker_builds_one_auditor(client, tmp_path):
    house = tmp_path / "house"
    house.mkdir()
    (house / "banned.txt").write_text("synergy\nleverage\n", encoding="utf-8")
    (house / "pack.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    config = Config(packs=(house / "pack.yaml",), builtin=False)
    before = client.run(auditors_built)
    texts = [f"Story {n} says the teams leverage their synergy.\n" for n in range(12)]
    lines = check_bag(bag.from_sequence(texts, npartitions=6), config)
    for path in house.iterdir():
        path.unlink()
    house.rmdir()  # the workers never read these files: they have the shipped bytes
    results = [json.loads(line) for line in lines.compute()]
    assert [[f["text"] for f in r["findings"]] for r in results] == [["leverage", "synergy"]] * 12
    assert all(f["rule"] == "house.banned" for r in results for f in r["findings"])
    built = {address: n - before[address] for address, n in client.run(auditors_built).items()}
    assert set(built.values()) <= {0, 1} and sum(built.values()) >= 1, built


def test_a_bag_of_records_keeps_each_partition_in_order(client):
    records = [{"id": f"r{n}", "text": f"Article {n} was filed on Monday.\n"} for n in range(9)]
    lines = check_bag(bag.from_sequence(records, npartitions=3)).compute()
    assert [json.loads(line)["id"] for line in lines] == [f"r{n}" for n in range(9)]


def test_read_articles_makes_one_partition_per_file_in_order(client, bench_files):
    articles = read_articles(str(bench_files[0].parent / "part-*.jsonl"))
    assert articles.npartitions == BENCH_FILES
    firsts = articles.map_partitions(lambda part: [part[0].id, part[-1].record]).compute()
    assert firsts[1::2] == [BENCH_ARTICLES] * BENCH_FILES
    assert [first[:5] for first in firsts[::2]] == [f"{n * BENCH_ARTICLES:05d}" for n in range(4)]


def test_inputs_and_outputs_are_checked_before_any_work(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "news.jsonl").write_text('{"text": "Hello."}\n')
    (tmp_path / "notes.txt").write_text("Hello.\n")
    cases = {
        str(tmp_path / "missing.jsonl"): (InputError, "missing.jsonl: no such file$"),
        str(tmp_path / "none-*.jsonl"): (InputError, r"none-\*.jsonl: no file matches$"),
        str(tmp_path / "notes.txt"): (InputError, "notes.txt: not JSON Lines or Parquet"),
        str(tmp_path / "*" / "news.jsonl"): (UsageError, "two inputs would write news.jsonl"),
    }
    for inputs, (error, message) in cases.items():
        with pytest.raises(error, match=message):
            audit_files(inputs, str(tmp_path / "out"))
    assert not (tmp_path / "out").exists()


def test_a_worker_refuses_a_shipment_from_another_version():
    with pytest.raises(AuditError, match="install the same version on both"):
        build(replace(ship(), version="0.0.0"))


HOUSE_PACK = """\
pack: house
rules:
  - id: banned
    kind: wordlist
    list: banned.txt
    message: "'{match}' is on the house list of banned words."
    severity: minor
    category: style
    examples:
      flag: ["They leverage it."]
      pass: ["They use it."]
"""
