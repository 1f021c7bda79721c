"""Auditing with Dask collections: a bag of articles, or JSONL and Parquet files, one partition
each, checked where they are read and written back partitioned like the input.

    from audit.distributed import audit_files, check_bag, read_articles

    audit_files("crawl/*.jsonl", "results/")                 # results/<name>.jsonl per input
    audit_files(["a.parquet", "b.parquet"], "s3://bucket/out", output_format="parquet")
    lines = check_bag(read_articles("crawl/*.jsonl"))        # a bag of JSON lines
    lines.to_textfiles("results/*.jsonl", last_endline=True)

Both run on Dask's current scheduler: a ``distributed.Client`` when one is
open, else the local one. The configuration's packs go to the workers once,
as data (``shipped``); each worker builds its Auditor from them once. A task
is one whole partition and writes its file whole or not at all, so a worker
lost mid-run costs only the partitions it held, which Dask runs again: no
record is lost or written twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from audit.distributed.records import (
    Row,
    Source,
    check_items,
    output_paths,
    read_source,
    record_item,
    sources,
    write_rows,
)
from audit.distributed.shipment import Shipment, ship
from audit.gate.config import Config
from audit.text.ingest import Article, Entry, Unreadable

if TYPE_CHECKING:
    from dask.bag import Bag
    from dask.delayed import Delayed


def shipped(config: Config | None = None, cache: bool = True) -> Delayed:
    """The shipment of ``config`` as one Dask key, sent to each worker that needs it once."""
    import dask

    shipment = ship(config, cache)
    return dask.delayed(shipment, name=f"audit-shipment-{shipment.digest}", traverse=False)


def read_articles(inputs: str | Sequence[str], encoding: str | None = None) -> Bag:
    """A bag of the articles of JSONL or Parquet files (paths, URLs, glob patterns), one
    partition per file, in order; a record that cannot be read is an ``Unreadable`` element."""
    import dask
    from dask import bag

    reads = [dask.delayed(read_source)(source, encoding) for source in sources(inputs)]
    return bag.from_delayed(reads)


def check_bag(articles: Bag, config: Config | None = None, cache: bool = True) -> Bag:
    """Each partition's articles checked, in order: a bag of the lines ``audit check --format
    jsonl`` writes for them (without the newline), or an error line for a bad record.

    An element is an ``Article`` (``read_articles``), a record mapping as in ``--jsonl``
    (``text``, ``id``, ``source_language``, ``reference``, and ``path``), or a text."""
    return articles.map_partitions(checked_lines, shipped(config, cache))


def checked_lines(elements: Iterable[Any], shipment: Shipment) -> list[str]:
    """One partition of ``check_bag``."""
    items = [_item(element, number) for number, element in enumerate(elements, start=1)]
    return [row.result for row in check_items(items, shipment)]


def _item(element: Any, number: int) -> Entry:
    if isinstance(element, (Article, Unreadable)):
        return element
    values = {"text": element} if isinstance(element, str) else dict(element)
    path = str(values.pop("path", "bag"))
    return record_item(values, path, number, f"{path}:{number}")


def audit_files(
    inputs: str | Sequence[str],
    output: str,
    config: Config | None = None,
    *,
    output_format: str = "jsonl",
    encoding: str | None = None,
    cache: bool = True,
) -> list[str]:
    """Audit JSONL or Parquet files into ``output`` (a folder or URL), one file per input,
    named after it: ``jsonl`` lines as ``audit check --format jsonl`` writes them, or a
    ``parquet`` table of ``Row``s. Returns the files written, in input order."""
    import dask

    found = sources(inputs)
    targets = output_paths(found, output, output_format)
    shipment = shipped(config, cache)
    tasks = [
        dask.delayed(audit_file)(source, target, shipment, output_format, encoding)
        for source, target in zip(found, targets, strict=True)
    ]
    return list(dask.compute(*tasks))


def audit_file(
    source: Source, target: str, shipment: Shipment, output_format: str, encoding: str | None
) -> str:
    """One partition of ``audit_files``: read, check and write one file, in one task."""
    rows: list[Row] = check_items(read_source(source, encoding), shipment)
    return write_rows(rows, target, output_format)
