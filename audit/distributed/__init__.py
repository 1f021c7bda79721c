"""The distributed stage: audits on a Dask cluster, for runs beyond one machine.

Receives what the CLI and the pipeline have: a Config, its rule packs, and
articles, from the ``audit`` command (``--scheduler``) or as Dask
collections (bags, JSONL or Parquet files, dataframe partitions). Adds
nothing to the results, which are a local run's, byte for byte: it ships
the packs and the Config to the workers as data (``shipment``), where each
worker process builds its Auditor once, and checks each partition there,
in order. Needs the ``dask`` extra (``pip install 'translation-audit[dask]'``);
Dask is imported only when a function here runs. Open ``shipment`` first,
then ``records`` (one partition's work), ``dataset`` (bags and files),
``frame`` (dataframes) and ``stream`` (``audit check --scheduler``).

The public API::

    from audit.distributed import audit_files, check_bag, check_frame, read_articles
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    "audit_files": "audit.distributed.dataset",
    "check_bag": "audit.distributed.dataset",
    "read_articles": "audit.distributed.dataset",
    "shipped": "audit.distributed.dataset",
    "check_frame": "audit.distributed.frame",
    "check_dataframe": "audit.distributed.frame",
    "result_meta": "audit.distributed.frame",
    "ship": "audit.distributed.shipment",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'audit.distributed' has no attribute '{name}'")
    value = getattr(importlib.import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
