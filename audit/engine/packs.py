"""Loading rule packs with the shipped rule kinds, each pack file from the cache while it is fresh.

``load_packs`` is the rulebook's loader (``audit.rulebook.packs``) given
the kinds of ``audit.checks``; ``load_packs_cached`` reads every pack file's
compiled rules from ``audit.store`` while the entry is fresh, so editing or
adding one pack compiles that pack alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from audit import store
from audit.checks import KINDS
from audit.rulebook import packs as rulebook
from audit.rulebook.packs import Pack


def load_pack(path: Path) -> Pack:
    """The pack in the file ``path`` (with the packs it extends), compiled."""
    return rulebook.load_pack(path, KINDS)


def load_packs(paths: Iterable[Path], builtin: bool = True) -> list[Pack]:
    """The shipped packs (when ``builtin``) and the packs at ``paths``, compiled afresh."""
    return rulebook.load_packs(paths, load_pack, builtin)


def load_packs_cached(paths: Iterable[Path], builtin: bool = True) -> list[Pack]:
    """``load_packs(paths, builtin)``, each pack file from the cache while its entry is fresh:
    editing or adding one pack compiles that pack alone."""
    return rulebook.load_packs(paths, load_pack_cached, builtin)


def load_pack_cached(path: Path) -> Pack:
    """``load_pack(path)``, from the cache when it is fresh."""
    return store.cached("pack", [str(path.resolve())], lambda: load_pack(path), _pack_sources)


def _pack_sources(pack: Pack) -> set[str]:
    """The files ``pack`` was built from; for a pack that extends another, every shipped pack
    file too, as a name in ``extends`` is looked up among them."""
    files = rulebook.source_files([pack])
    if pack.extends:
        files.update(str(path) for path in rulebook.pack_files(rulebook.shipped_rules_dir()))
    return files
