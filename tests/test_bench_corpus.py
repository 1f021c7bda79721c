"""The benchmark corpus builder: same bytes on every run, valid UTF-8 articles, a valid pack."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT, SEEDS

BUILDER = ROOT / "bench" / "corpus.py"


@pytest.fixture(scope="module")
def corpus() -> Iterator[ModuleType]:
    """``bench/corpus.py`` imported from its path (``bench`` is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_corpus", BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def files(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_two_builds_write_the_same_bytes(corpus, tmp_path):
    first = files(corpus.write_dir(12, tmp_path / "a"))
    second = files(corpus.write_dir(12, tmp_path / "b"))
    assert len(first) == 12
    assert first == second


def test_articles_are_utf8_text_made_of_seed_paragraphs(corpus, tmp_path):
    seed_paragraphs = {
        line
        for path in SEEDS.glob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    built = files(corpus.write_dir(10, tmp_path / "corpus"))
    for name, data in built.items():
        text = data.decode("utf-8", errors="strict")
        assert name.endswith(".txt") and text.strip()
        paragraphs = [line for line in text.splitlines() if line.strip()]
        assert len(paragraphs) > 3
        shared = sum(paragraph in seed_paragraphs for paragraph in paragraphs)
        assert shared >= len(paragraphs) // 2, f"{name} strays from its seed"


def test_variants_of_one_seed_differ(corpus):
    seed = corpus.load_seeds()[0]
    texts = {corpus.variant(seed, number) for number in range(0, 50, 5)}
    assert len(texts) == 10
    first_lines = {text.splitlines()[0].split()[0] for text in texts}
    assert first_lines == {seed.paragraphs[0].split()[0]}, "the lede stays first"


def test_jsonl_stream_matches_the_files(corpus, tmp_path):
    built = files(corpus.write_dir(7, tmp_path / "corpus"))
    stream = subprocess.run(
        [sys.executable, str(BUILDER), "--jsonl", "--articles", "7"],
        capture_output=True,
        check=True,
    ).stdout
    records = [json.loads(line) for line in stream.decode("utf-8").splitlines()]
    assert {f"{r['id']}.txt": r["text"].encode("utf-8") for r in records} == built


def test_lexicon_pack_is_valid_and_its_examples_pass(corpus, tmp_path, run_cli):
    pack = corpus.write_lexicon(500, tmp_path)
    assert run_cli("rules", "validate", pack).stdout.startswith("ok: 1 rules")
    tested = run_cli("rules", "test", pack)
    assert tested.code == 0, tested.stdout
    assert len(corpus.lexicon_entries(500)) == 500
    assert corpus.lexicon_entries(500) == corpus.lexicon_entries(500)


def test_lexicon_entries_are_found_in_a_text(corpus, tmp_path, run_cli):
    pack = corpus.write_lexicon(300, tmp_path)
    phrases = list(corpus.lexicon_entries(300))
    article = tmp_path / "article.txt"
    article.write_text(f"Officials said {phrases[5]} and {phrases[-1]} were late.\n")
    found = run_cli(
        "check", "--no-builtin", "--no-config", "--rules", pack, "--format", "json", article
    )
    rules = [f["rule"] for a in json.loads(found.stdout)["articles"] for f in a["findings"]]
    assert rules == ["bench.big-lexicon.invented"] * 2


def test_real_pages_are_copied_as_many_times_as_asked(corpus, tmp_path):
    source = tmp_path / "pages"
    source.mkdir()
    for name in ("a.txt", "b.txt"):
        (source / name).write_text(f"Page {name}.\n", encoding="utf-8")
    (source / "notes.tsv").write_text("not a page\n", encoding="utf-8")
    copied = files(corpus.write_copies(source, 3, tmp_path / "corpus"))
    assert sorted(copied) == ["0_a.txt", "0_b.txt", "1_a.txt", "1_b.txt", "2_a.txt", "2_b.txt"]
    assert copied["2_b.txt"] == (source / "b.txt").read_bytes()
