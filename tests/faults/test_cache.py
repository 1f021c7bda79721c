"""The cache loads pickles only from a private directory, and rebuilds what it cannot load."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from faults.cli_faults import assert_clean_end, audit


class Planted:
    """A pickle that, when loaded, creates the file ``marker``: code run by the cache."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (Path.touch, (self.marker,))


def entry_names(tmp_path: Path, article: Path) -> list[str]:
    """The cache entries a run writes, learnt from a run with a private cache."""
    private = tmp_path / "private"
    assert audit("check", "--no-config", article, env={"AUDIT_CACHE_DIR": str(private)}).code == 0
    names = sorted(path.name for path in private.glob("*.pickle"))
    assert names, "the run cached nothing"
    return names


def planted(folder: Path, names: list[str], marker: Path) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_bytes(pickle.dumps(Planted(marker)))


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757])
def test_a_directory_others_can_write_is_not_loaded_from(tmp_path, article, mode):
    names = entry_names(tmp_path, article)
    shared, marker = tmp_path / "shared", tmp_path / "code-ran"
    planted(shared, names, marker)
    shared.chmod(mode)
    run = audit("check", "--no-config", article, env={"AUDIT_CACHE_DIR": str(shared)})
    assert_clean_end(run, 0, "warning: cache: off:", "writable by others")
    assert not marker.exists(), "a planted pickle was loaded"


def test_an_entry_that_is_a_link_is_not_loaded(tmp_path, article):
    names = entry_names(tmp_path, article)
    private, marker = tmp_path / "private", tmp_path / "code-ran"
    elsewhere = tmp_path / "elsewhere"
    planted(elsewhere, names, marker)
    for name in names:
        (private / name).unlink()
        (private / name).symlink_to(elsewhere / name)
    run = audit("check", "--no-config", article, env={"AUDIT_CACHE_DIR": str(private)})
    assert_clean_end(run, 0, lines=0)
    assert not marker.exists(), "a pickle behind a link was loaded"
    assert not any((private / name).is_symlink() for name in names), "the entry was not rebuilt"


def test_a_corrupt_entry_is_rebuilt(tmp_path, article):
    names = entry_names(tmp_path, article)
    private = tmp_path / "private"
    for name in names:
        (private / name).write_bytes(b"\x80\x05 not a pickle at all")
    run = audit("check", "--no-config", article, env={"AUDIT_CACHE_DIR": str(private)})
    assert_clean_end(run, 0, lines=0)
    assert all(pickle.loads((private / name).read_bytes()) for name in names)


def test_a_private_cache_under_a_shared_folder_is_used(tmp_path, article):
    shared = tmp_path / "xdg"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp
    env = {"XDG_CACHE_HOME": str(shared)}
    for _ in range(2):
        run = audit("check", "--no-config", article, env=env, unset=("AUDIT_CACHE_DIR",))
        assert_clean_end(run, 0, lines=0)
    folder = shared / "translation-audit"
    assert folder.stat().st_mode & 0o777 == 0o700 and list(folder.glob("*.pickle"))


def test_an_empty_cache_variable_is_unset_not_the_working_directory(tmp_path, article):
    env = {"AUDIT_CACHE_DIR": "", "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    run = audit("check", "--no-config", article, env=env, cwd=tmp_path)
    assert_clean_end(run, 0, lines=0)
    assert not list(tmp_path.glob("*.pickle")) and list((tmp_path / "xdg").rglob("*.pickle"))
