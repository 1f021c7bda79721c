"""A cache of compiled rule packs, so that start-up does not compile every regex again.

Loading the shipped packs means parsing YAML and compiling several hundred
regexes (about half a second); a compiled ``regex`` pattern pickles with its
compiled code, so a pickled rulebook loads in milliseconds. As with
Python's ``__pycache__``, an entry is keyed by the versions of this tool,
Python and ``regex`` and by the packs asked for, and it is used only while
every file it was built from (pack files, the packs they extend, their data
files) keeps its size and modification time; otherwise the packs are
compiled and the entry rewritten. Invalid packs are never cached: their
errors are raised on every run.

Entries live in ``$AUDIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/translation-audit``,
else ``~/.cache/translation-audit``. They are pickles: the directory must be
writable by its owner only, as a home directory's cache is. ``AUDIT_NO_CACHE=1``
(or ``audit check --no-cache``) turns the cache off. A cache that cannot be
read or written is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import regex

from audit import __version__
from audit.rulebook import Pack, load_packs, pack_files, shipped_rules_dir, source_files

Manifest = dict[str, tuple[int, int]]


def cache_dir() -> Path:
    if "AUDIT_CACHE_DIR" in os.environ:
        return Path(os.environ["AUDIT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "translation-audit"


def enabled() -> bool:
    return os.environ.get("AUDIT_NO_CACHE", "") in ("", "0")


def load_packs_cached(paths: Iterable[Path], builtin: bool = True) -> list[Pack]:
    """``load_packs(paths, builtin)``, from the cache when it is fresh."""
    paths = list(paths)
    if not enabled():
        return load_packs(paths, builtin)
    entry = cache_dir() / f"packs-{_key(paths, builtin)}.pickle"
    cached = _read(entry)
    if cached is not None:
        return cached
    packs = load_packs(paths, builtin)
    files = source_files(packs) | {str(p) for p in pack_files(shipped_rules_dir())}
    _write(entry, _manifest(files), packs)
    return packs


def _key(paths: list[Path], builtin: bool) -> str:
    identity = [
        __version__,
        sys.version,
        regex.__version__,
        str(shipped_rules_dir()),
        builtin,
        [str(path.resolve()) for path in paths],
    ]
    return hashlib.sha256(json.dumps(identity).encode("utf-8")).hexdigest()[:24]


def _manifest(files: Iterable[str]) -> Manifest | None:
    try:
        return {name: _stamp(name) for name in sorted(files)}
    except OSError:
        return None


def _stamp(name: str) -> tuple[int, int]:
    status = os.stat(name)
    return (status.st_size, status.st_mtime_ns)


def _read(entry: Path) -> list[Pack] | None:
    try:
        with entry.open("rb") as stream:
            manifest, packs = pickle.load(stream)
        fresh = all(_stamp(name) == stamp for name, stamp in manifest.items())
    except (OSError, EOFError, ValueError, TypeError, AttributeError, pickle.UnpicklingError):
        return None
    return packs if fresh else None


def _write(entry: Path, manifest: Manifest | None, packs: list[Pack]) -> None:
    if manifest is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as stream:
            pickle.dump((manifest, packs), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except (OSError, TypeError, AttributeError, pickle.PicklingError):
        Path(temporary).unlink(missing_ok=True)
