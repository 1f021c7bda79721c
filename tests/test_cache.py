"""The compiled-pack cache: used while fresh, rebuilt when any source file changes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit import Auditor, store
from audit.engine import packs
from audit.errors import RulebookError
from audit.rulebook import packs as rulebook

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PACK = """\
pack: c
rules:
  - id: words
    kind: wordlist
    list: words.txt
    message: "'{match}' is listed."
    severity: minor
    category: style
    examples: {flag: ["the cenacle met"], pass: ["the circle met"]}
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("AUDIT_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    (tmp_path / "words.txt").write_text("cenacle\n", encoding="utf-8")
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


def no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(spec, kinds):
        raise AssertionError("compiled instead of read from the cache")

    monkeypatch.setattr(rulebook, "compile_rule", refuse)


def rule_ids(packs) -> list[str]:
    return [rule.id for pack in packs for rule in pack.rules]


def test_a_fresh_entry_is_used_without_compiling(cache_dir, pack, monkeypatch):
    first = packs.load_packs_cached([pack], builtin=True)
    shipped = rulebook.pack_files(rulebook.shipped_rules_dir())
    assert len(list(cache_dir.glob("pack-*.pickle"))) == len(shipped) + 1
    no_compiling(monkeypatch)
    assert rule_ids(packs.load_packs_cached([pack], builtin=True)) == rule_ids(first)


def test_changing_one_pack_compiles_that_pack_alone(cache_dir, pack, monkeypatch):
    first = packs.load_packs_cached([pack], builtin=True)
    pack.write_text(PACK.replace("is listed", "is on the list"), encoding="utf-8")
    compiled = []
    compile_rule = rulebook.compile_rule
    monkeypatch.setattr(
        rulebook,
        "compile_rule",
        lambda spec, kinds: compiled.append(spec["id"]) or compile_rule(spec, kinds),
    )
    again = packs.load_packs_cached([pack], builtin=True)
    assert compiled == ["c.words"]
    assert rule_ids(again) == rule_ids(first)
    assert again[-1].rules[0].message == "'{match}' is on the list."


def test_a_pack_that_extends_another_is_rebuilt_when_the_base_changes(cache_dir, pack, tmp_path):
    child = tmp_path / "child.yaml"
    child.write_text("pack: d\nextends: pack.yaml\nrules: []\n", encoding="utf-8")
    packs.load_packs_cached([child], builtin=False)
    pack.write_text(PACK.replace("is listed", "is on the list"), encoding="utf-8")
    [rule] = packs.load_packs_cached([child], builtin=False)[0].rules
    assert rule.message == "'{match}' is on the list."


@pytest.mark.parametrize("changed", ["pack.yaml", "words.txt"])
def test_changing_a_pack_or_its_data_file_rebuilds(cache_dir, pack, changed, monkeypatch):
    packs.load_packs_cached([pack], builtin=False)
    source = pack.parent / changed
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    no_compiling(monkeypatch)
    with pytest.raises(AssertionError, match="compiled instead"):
        packs.load_packs_cached([pack], builtin=False)


def test_the_package_modules_are_sources_of_every_entry():
    modules = {
        Path(name).relative_to(Path(store.__file__).parent).as_posix()
        for name in store.code_files()
    }
    assert {
        "store.py",
        "rulebook/wordlists.py",
        "checks/wordlist.py",
        "checks/pattern.py",
    } <= modules


@pytest.fixture
def module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A stand-in for the package's modules, whose stamps key every entry."""
    path = tmp_path / "module.py"
    path.write_text("class WordList: ...\n", encoding="utf-8")
    monkeypatch.setattr(store, "code_files", lambda: {str(path)})
    store._code_digest.cache_clear()
    yield path
    store._code_digest.cache_clear()


def edit_and_restart(module: Path) -> None:
    """Edit the module; the next run, a new process, reads the stamps again."""
    module.write_text("class WordList:\n    words = frozenset()\n", encoding="utf-8")
    store._code_digest.cache_clear()


def test_changing_a_module_of_the_package_rebuilds(cache_dir, pack, module, monkeypatch):
    packs.load_packs_cached([pack], builtin=False)
    edit_and_restart(module)
    no_compiling(monkeypatch)
    with pytest.raises(AssertionError, match="compiled instead"):
        packs.load_packs_cached([pack], builtin=False)


def test_an_entry_built_by_edited_code_replaces_the_stale_one(cache_dir, pack, module, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text(PACK.replace("pack: c", "pack: d"), encoding="utf-8")
    packs.load_packs_cached([pack, other], builtin=False)
    before = set(cache_dir.glob("pack-*.pickle"))
    edit_and_restart(module)
    packs.load_packs_cached([pack], builtin=False)
    after = set(cache_dir.glob("pack-*.pickle"))
    [removed], [added] = before - after, after - before
    slot = removed.name.rsplit("-", 1)[0]
    assert added.name.startswith(slot)
    assert len(after) == 2  # the other pack's entry waits until that pack is loaded again


def test_a_corrupt_entry_is_rebuilt(cache_dir, pack):
    packs.load_packs_cached([pack], builtin=False)
    [entry] = cache_dir.glob("pack-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert rule_ids(packs.load_packs_cached([pack], builtin=False)) == ["c.words"]
    assert entry.read_bytes() != b"not a pickle"


def test_turned_off_by_the_environment(cache_dir, pack, monkeypatch):
    monkeypatch.setenv("AUDIT_NO_CACHE", "1")
    packs.load_packs_cached([pack], builtin=False)
    assert not cache_dir.exists()


def test_invalid_packs_are_never_cached(cache_dir, pack):
    pack.write_text(PACK.replace("kind: wordlist", "kind: wordlst"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RulebookError, match="unknown kind 'wordlst'"):
            packs.load_packs_cached([pack], builtin=False)
    assert not list(cache_dir.glob("pack-*.pickle"))


def test_an_unwritable_cache_is_ignored(tmp_path, pack, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(blocker / "cache"))
    assert rule_ids(packs.load_packs_cached([pack], builtin=False)) == ["c.words"]


def test_cached_packs_audit_exactly_as_fresh_ones(cache_dir):
    text = (SEEDS / "001_c228d45e3e21097f.txt").read_text(encoding="utf-8")
    fresh = Auditor.from_rules(cache=False).check_text(text)
    Auditor.from_rules().check_text(text)
    cached = Auditor.from_rules().check_text(text)
    assert json.dumps(cached, sort_keys=True) == json.dumps(fresh, sort_keys=True)
    assert os.listdir(cache_dir)
