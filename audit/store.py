"""A per-user cache of what start-up would otherwise rebuild on every run: compiled rule packs
(``audit.engine.packs``) and langdetect's probability table (``audit.text.language``).

Loading the shipped packs means parsing YAML and compiling several hundred
regexes (about half a second); a compiled ``regex`` pattern pickles with its
compiled code, so a pickled pack loads in milliseconds. Each pack file has
its own entry: editing or adding one pack compiles that pack alone. langdetect
builds its table of n-gram probabilities from JSON profiles; the pickled
table loads in about half the time. As with Python's ``__pycache__``, an
entry is keyed by the versions of this tool, Python and ``regex``, by the
size and modification time of every module of this package (the pickled
objects are its classes) and by what was asked for (which pack file, which
languages), and it is used only while every file it was built from (pack
files, the packs they extend, their data files, the language profiles)
keeps its size and modification time; otherwise the value is built again
and the entry rewritten. An entry built after an edit or an upgrade of a
module replaces the entry the older code built for the same pack, so the
cache holds one entry per pack file and language table, not one per version.
Invalid packs are never cached: their errors are raised on every run.

Entries live in ``$AUDIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/translation-audit``,
else ``~/.cache/translation-audit``. They are pickles: the directory must be
writable by its owner only, as a home directory's cache is. ``AUDIT_NO_CACHE=1``
(or ``audit check --no-cache``) turns the cache off. A cache that cannot be
read or written is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import regex

from audit.version import __version__

Manifest = dict[str, tuple[int, int]]
T = TypeVar("T")


def cache_dir() -> Path:
    if "AUDIT_CACHE_DIR" in os.environ:
        return Path(os.environ["AUDIT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "translation-audit"


def enabled() -> bool:
    return os.environ.get("AUDIT_NO_CACHE", "") in ("", "0")


def cached(
    kind: str,
    identity: list[Any],
    build: Callable[[], T],
    sources: Callable[[T], Iterable[str]],
) -> T:
    """``build()``, or its pickled result from an earlier run while that is fresh.

    ``identity`` tells entries of one ``kind`` apart; ``sources(value)`` names
    the files the value was built from. When ``build`` raises, nothing is
    cached."""
    if not enabled():
        return build()
    slot = f"{kind}-{_digest([__version__, sys.version, regex.__version__, identity])}-"
    entry = cache_dir() / f"{slot}{_code_digest()}.pickle"
    value = _read(entry)
    if value is not None:
        return value
    value = build()
    if _write(entry, _manifest(sources(value)), value):
        _prune(entry.parent, slot, keep=entry)
    return value


def code_files() -> frozenset[str]:
    """The Python modules of this package, whose classes the cached packs are made of."""
    return frozenset(str(path) for path in Path(__file__).parent.rglob("*.py"))


@cache
def _code_digest() -> str:
    """A digest of the stamps of ``code_files``, read once per process: every entry of a run
    (one per pack file) is keyed by the code that run has loaded."""
    return _digest(sorted((name, _stamp(name)) for name in code_files()))


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value).encode("utf-8")).hexdigest()[:24]


def _prune(folder: Path, slot: str, keep: Path) -> None:
    """Delete the other entries of ``slot``: the same value built by other code of this
    package, which an edit or an upgrade has made stale for good."""
    with contextlib.suppress(OSError):
        for stale in folder.glob(f"{slot}*.pickle"):
            if stale != keep:
                stale.unlink(missing_ok=True)


def _manifest(files: Iterable[str]) -> Manifest | None:
    try:
        return {name: _stamp(name) for name in sorted(files)}
    except OSError:
        return None


def _stamp(name: str) -> tuple[int, int]:
    status = os.stat(name)
    return (status.st_size, status.st_mtime_ns)


def _read(entry: Path) -> Any:
    try:
        with entry.open("rb") as stream:
            manifest, value = pickle.load(stream)
        fresh = all(_stamp(name) == stamp for name, stamp in manifest.items())
    except (OSError, EOFError, ValueError, TypeError, AttributeError, pickle.UnpicklingError):
        return None
    return value if fresh else None


def _write(entry: Path, manifest: Manifest | None, value: object) -> bool:
    """Write ``entry`` atomically; False when it cannot be written."""
    if manifest is None:
        return False
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as stream:
            pickle.dump((manifest, value), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except (OSError, TypeError, AttributeError, pickle.PicklingError):
        Path(temporary).unlink(missing_ok=True)
        return False
    return True
