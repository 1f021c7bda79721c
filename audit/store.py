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
else ``~/.cache/translation-audit``. They are pickles, and loading a pickle
can run code: an entry is loaded only from a directory owned by the user
running the tool and not writable by group or others (the directory is
created so when it does not exist), and only when the entry itself is a
regular file of that user's, not writable by others. Anywhere else the
cache is off, with one warning (``audit.errors.warn``); so it is for a user
without a home directory (no ``HOME``, no passwd entry: a container), who
can set ``AUDIT_CACHE_DIR``. ``AUDIT_NO_CACHE=1`` (or ``audit check
--no-cache``) turns the cache off. An entry that cannot be read or loaded
is built again and rewritten; a cache that cannot be written is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import regex

from audit.errors import warn
from audit.version import __version__

Manifest = dict[str, tuple[int, int]]
T = TypeVar("T")


GROUP_OR_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


class Unsafe(Exception):
    """The cache directory cannot be trusted (or found): the cache is off."""


def cache_dir() -> Path:
    """Where entries live (see the module's docstring); ``Unsafe`` without a home."""
    if os.environ.get("AUDIT_CACHE_DIR"):
        return Path(os.environ["AUDIT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):
            raise Unsafe("no home directory to keep it in (set AUDIT_CACHE_DIR)") from None
    return Path(base) / "translation-audit"


def enabled() -> bool:
    return os.environ.get("AUDIT_NO_CACHE", "") in ("", "0")


def trusted_dir() -> Path | None:
    """The cache directory, created if need be, when it is safe to load pickles from;
    otherwise None, after a warning."""
    try:
        folder = cache_dir()
    except Unsafe as unsafe:
        warn("cache", f"off: {unsafe}")
        return None
    return _vetted(str(folder))


@cache
def _vetted(name: str) -> Path | None:
    """``name`` as a directory of this user's that others cannot write, or None (warned),
    checked once per process."""
    folder = Path(name)
    try:
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _check_private(folder, directory=True)
    except Unsafe as unsafe:
        warn("cache", f"off: {unsafe}")
        return None
    return folder


def _check_private(path: Path, directory: bool) -> None:
    """``Unsafe`` unless ``path`` is this user's, not writable by group or others (and a
    directory, or a regular file that is not a link)."""
    try:
        status = path.stat() if directory else path.lstat()
    except FileNotFoundError:
        raise Unsafe(f"{path} does not exist") from None
    except OSError as bad:
        raise Unsafe(f"{path}: {bad.strerror}") from None
    kind_ok = stat.S_ISDIR(status.st_mode) if directory else stat.S_ISREG(status.st_mode)
    if not kind_ok:
        raise Unsafe(f"{path} is not a {'directory' if directory else 'regular file'}")
    if hasattr(os, "geteuid") and status.st_uid != os.geteuid():
        raise Unsafe(f"{path} belongs to another user")
    if status.st_mode & GROUP_OR_OTHERS_WRITE:
        raise Unsafe(f"{path} is writable by others (chmod go-w, or set AUDIT_CACHE_DIR)")


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
    folder = trusted_dir() if enabled() else None
    if folder is None:
        return build()
    slot = f"{kind}-{_digest([__version__, sys.version, regex.__version__, identity])}-"
    entry = folder / f"{slot}{_code_digest()}.pickle"
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
    """The value of ``entry`` while fresh; None when it is missing, stale, not this user's
    private file, or not a pickle this code can load (it is then built again)."""
    try:
        _check_private(entry, directory=False)
        with entry.open("rb") as stream:
            manifest, value = pickle.load(stream)
        fresh = all(_stamp(name) == stamp for name, stamp in manifest.items())
    except Unsafe:
        return None
    except Exception:  # a truncated, corrupt or foreign entry: rebuilt
        return None
    return value if fresh else None


def _write(entry: Path, manifest: Manifest | None, value: object) -> bool:
    """Write ``entry`` atomically; False when it cannot be written."""
    if manifest is None:
        return False
    try:
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
