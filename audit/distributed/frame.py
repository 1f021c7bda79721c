"""Auditing a column of texts in a pandas partition, for ``dask.dataframe.map_partitions``.

    from audit.distributed import check_frame, result_meta, shipped

    results = frame.map_partitions(check_frame, shipped(config), meta=result_meta())
    failed = results[~results.passed.astype(bool)]

``check_frame`` returns one row per input row, with the same index: the
columns of ``audit.distributed.records.Row`` (``result`` is the article's
JSON, as one line of ``audit check --format jsonl``). ``check_dataframe``
does the above in one call.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any

from audit.distributed.records import ROW_FIELDS, check_items, present, record_item
from audit.distributed.shipment import Shipment, auditor, ship
from audit.gate.config import Config
from audit.text.ingest import Article, Entry

if TYPE_CHECKING:
    import pandas
    from dask.dataframe import DataFrame

DTYPES = {
    "path": "string",
    "id": "string",
    "record": "Int64",
    "passed": "boolean",
    "quality": "Float64",
    "findings": "Int64",
    "error": "string",
    "result": "string",
}
OPTIONAL_COLUMNS = ("source_language", "reference")


def check_frame(
    frame: pandas.DataFrame,
    shipment: Shipment | None = None,
    *,
    text: str = "text",
    id: str = "id",
    path: str | None = None,
) -> pandas.DataFrame:
    """The results of the texts in column ``text``, one row per row of ``frame`` (same index).

    An article's id is column ``id`` when there is one, else the row's index; its path
    (which ``ignore`` entries and baselines match) is column ``path`` when given, else its
    id; columns ``source_language`` and ``reference`` are used when present. A row whose
    path an ``ignore`` entry without rules covers gets empty results. Without a
    ``shipment`` (see ``shipped``) the default configuration is shipped here."""
    shipment = shipment or ship()
    items = _items(frame, text, id, path)
    checker = auditor(shipment)
    skipped = [isinstance(item, Article) and checker.skips(item) for item in items]
    rows = iter(check_items(items, shipment))
    values = [
        _skipped(item) if skip else asdict(next(rows))
        for item, skip in zip(items, skipped, strict=True)
    ]
    columns = {name: [row[name] for row in values] for name in ROW_FIELDS}
    return _typed(frame.__class__(columns, index=frame.index))


def _skipped(article: Article) -> dict[str, Any]:
    return {**dict.fromkeys(ROW_FIELDS), "path": article.path, "id": article.id}


def _items(frame: pandas.DataFrame, text: str, id: str, path: str | None) -> list[Entry]:
    ids = frame[id] if id in frame.columns else frame.index
    optional = [name for name in OPTIONAL_COLUMNS if name in frame.columns]
    items = []
    for number, (label, article_id) in enumerate(zip(frame.index, ids, strict=True), start=1):
        values = {"text": frame.at[label, text], "id": str(article_id)}
        values.update((name, frame.at[label, name]) for name in optional)
        where = str(frame.at[label, path]) if path else str(article_id)
        item = record_item(present(values), where, number, f"{where}: row {label}")
        items.append(replace(item, record=None))
    return items


def result_meta() -> pandas.DataFrame:
    """An empty frame with the columns and types ``check_frame`` returns (Dask's ``meta``)."""
    import pandas

    return _typed(pandas.DataFrame({name: [] for name in DTYPES}))


def _typed(frame: pandas.DataFrame) -> pandas.DataFrame:
    return frame.astype(DTYPES)


def check_dataframe(
    frame: DataFrame,
    config: Config | None = None,
    *,
    text: str = "text",
    id: str = "id",
    path: str | None = None,
    cache: bool = True,
) -> DataFrame:
    """``frame.map_partitions(check_frame, ...)`` with ``config`` shipped once and the meta."""
    from audit.distributed.dataset import shipped

    return frame.map_partitions(
        check_frame, shipped(config, cache), text=text, id=id, path=path, meta=result_meta()
    )
