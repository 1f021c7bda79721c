"""`--jobs N` gives exactly the output of `--jobs 1`, in input order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from audit.auditor import Auditor
from audit.cli import runner
from audit.gate.config import Config
from audit.text.ingest import read_paths

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """More articles than the serial head, so the worker pool really runs."""
    folder = tmp_path_factory.mktemp("corpus")
    seeds = sorted(SEEDS.glob("*.txt"))
    for copy in range(runner.SERIAL_HEAD // len(seeds) + 4):
        for seed in seeds:
            shutil.copy(seed, folder / f"{copy:02d}-{seed.name}")
    return folder


@pytest.mark.parametrize("output_format", ["json", "text", "sarif"])
def test_two_jobs_give_the_same_output_as_one(run_cli, corpus, output_format):
    one = run_cli("check", "--no-config", "-f", output_format, "-j", "1", corpus)
    two = run_cli("check", "--no-config", "-f", output_format, "-j", "2", corpus)
    assert one.code == two.code
    assert one.stdout == two.stdout
    assert one.stdout.count(str(corpus)) >= len(list(corpus.iterdir()))


def test_an_input_error_in_a_worker_is_a_clean_error(run_cli, corpus, tmp_path):
    folder = tmp_path / "broken"
    shutil.copytree(corpus, folder)
    (folder / "99-zz-broken.txt").write_bytes(b"caf\xe9 au lait")
    result = run_cli("check", "--no-config", "-j", "2", folder)
    assert result.code == 2
    assert result.stderr.strip().endswith(
        "99-zz-broken.txt: not valid UTF-8 (byte 0xe9 at offset 3);"
        " give the encoding with --encoding, e.g. --encoding latin-1"
    )


def test_jobs_must_be_positive(run_cli, corpus):
    result = run_cli("check", "-j", "0", corpus)
    assert result.code == 2 and "--jobs: must be 1 or more" in result.stderr


def test_batches_grow_once_every_worker_has_work():
    first = runner.FIRST_BATCH * 2 * runner.IN_FLIGHT_PER_JOB
    count = first + runner.BATCH + 5
    sizes = [len(batch) for batch in runner._batches(iter(range(count)), workers=2)]
    assert sizes == [runner.FIRST_BATCH] * (2 * runner.IN_FLIGHT_PER_JOB) + [runner.BATCH, 5]
    assert sum(sizes) == count


def test_this_process_checks_a_share_of_the_stream_too(corpus, monkeypatch):
    checked_here = []
    check = Auditor.check_article

    def counting(self, article):
        checked_here.append(article.path)
        return check(self, article)

    auditor = Auditor.from_config(Config())
    articles = list(read_paths([str(corpus)]))
    serial = [result.to_dict() for result in runner.audit_all(auditor, articles, jobs=1)]
    monkeypatch.setattr(Auditor, "check_article", counting)
    parallel = [result.to_dict() for result in runner.audit_all(auditor, articles, jobs=2)]
    assert parallel == serial
    assert 0 < len(checked_here) < len(articles)
