"""What a worker needs to audit as this machine does, shipped as data, and its Auditor.

``ship(config)`` loads the configuration's rule packs here (so a bad pack
fails here, before any work is sent) and packs up a ``Shipment``: the
``Config`` and the bytes of every file the packs were built from (the pack
files, the packs they extend, their data files, the shipped packs included)
and of the baseline. A worker never opens a path of this machine: it writes
those bytes into a private temporary folder, at the same places relative to
one another, builds its Auditor from there and deletes the folder.

``auditor(shipment)`` is that Auditor, built once per worker process and
shipment and kept for every later task (keyed by the shipment's digest). A
worker that runs another version of translation-audit refuses the shipment
rather than audit differently.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path

from audit.auditor import Auditor
from audit.cli.collector import pause
from audit.engine.packs import load_packs, load_packs_cached
from audit.errors import AuditError, InputError, read_bytes
from audit.gate.baseline import Baseline
from audit.gate.config import Config
from audit.rulebook.packs import source_files
from audit.version import __version__

KEPT_AUDITORS = 4

_auditors: OrderedDict[str, Auditor] = OrderedDict()
_building = threading.Lock()
_built = 0


@dataclass(frozen=True, eq=False)
class Shipment:
    """A configuration and the files its rule packs come from, as bytes keyed by path."""

    config: Config
    packs: tuple[str, ...]
    """The pack files to load, in the order this machine loaded them (absolute paths)."""
    files: tuple[tuple[str, bytes], ...]
    version: str
    digest: str


def ship(config: Config | None = None, cache: bool = True) -> Shipment:
    """The shipment of ``config`` (the defaults when None): its packs are loaded and checked
    here, from the pack cache unless ``cache`` is False."""
    config = config or Config()
    load = load_packs_cached if cache else load_packs
    packs = load(list(config.packs), builtin=config.builtin)
    names = set(source_files(packs))
    if config.baseline is not None:
        Baseline.read(config.baseline)  # a bad baseline fails here, as in a local run
        names.add(str(config.baseline))
    files = tuple(
        sorted((os.path.abspath(name), read_bytes(Path(name), InputError)) for name in names)
    )
    pack_paths = tuple(os.path.abspath(pack.path) for pack in packs)
    digest = _digest(config, pack_paths, files)
    return Shipment(config, pack_paths, files, __version__, digest)


def _digest(config: Config, packs: tuple[str, ...], files: tuple[tuple[str, bytes], ...]) -> str:
    hasher = hashlib.sha256(f"{__version__}\0{config!r}\0{packs!r}".encode())
    for name, data in files:
        hasher.update(f"\0{name}\0{len(data)}\0".encode())
        hasher.update(data)
    return hasher.hexdigest()


def auditor(shipment: Shipment) -> Auditor:
    """This process's Auditor for ``shipment``: built on first use, then kept."""
    with _building:
        found = _auditors.get(shipment.digest)
        if found is None:
            found = _auditors[shipment.digest] = build(shipment)
            while len(_auditors) > KEPT_AUDITORS:
                _auditors.popitem(last=False)
        _auditors.move_to_end(shipment.digest)
        return found


def auditors_built() -> int:
    """How many Auditors this process has built from shipments."""
    return _built


def build(shipment: Shipment) -> Auditor:
    """An Auditor built from the shipped files alone, in a temporary folder of its own."""
    global _built
    if shipment.version != __version__:
        raise AuditError(
            "worker",
            f"runs translation-audit {__version__}, the client {shipment.version}: "
            "install the same version on both",
        )
    pause()  # settled after the first partition (see audit.cli.collector)
    with tempfile.TemporaryDirectory(prefix="translation-audit-") as folder:
        root = Path(folder)
        for name, data in shipment.files:
            target = _placed(root, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        config = shipment.config
        local = replace(
            config,
            packs=tuple(_placed(root, name) for name in shipment.packs),
            builtin=False,
            baseline=_placed(root, str(config.baseline)) if config.baseline else None,
        )
        built = Auditor.from_config(local, cache=False)
    _built += 1
    return built


def _placed(root: Path, name: str) -> Path:
    """Where the file ``name`` of the client goes under ``root``: its absolute path, re-rooted."""
    path = Path(os.path.abspath(name))
    return root / path.relative_to(path.anchor)
