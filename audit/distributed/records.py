"""Records in, rows out: the plain-Python work of one partition, with no Dask in it.

A partition is one input file: JSON Lines (``.jsonl``, ``.ndjson``: one
object a line with ``text`` and optionally ``id``, ``source_language``,
``reference``, as ``audit check --jsonl`` reads) or Parquet (``.parquet``,
``.pq``: columns of those names). Files are opened with fsspec, so a path
may be a URL (``s3://...``) that every worker can reach. Each record becomes
an ``Article`` exactly as the CLI makes it (``audit.text.ingest``), or a
``Rejected`` naming the record and what is wrong with it.

``check_items`` turns them into ``Row``s, in input order. ``Row.result`` is
the article's line of ``audit check --format jsonl``, written by that
report's own writer; the other fields are what a table of results needs. A
rejected record, or an article whose check fails, is a row with ``error``
set and those fields as its JSON: one bad record never stops the run.
"""

from __future__ import annotations

import json
import math
import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from audit.auditor import Auditor
from audit.cli.collector import settle
from audit.distributed.shipment import Shipment, auditor
from audit.errors import AuditError, InputError, UsageError
from audit.reports import ReportContext, Writer, load
from audit.text.ingest import Article, decode, json_object, record_article

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
OUTPUT_FORMATS = ("jsonl", "parquet")
RECORD_FIELDS = ("id", "text", "source_language", "reference")


@dataclass(frozen=True)
class Source:
    """One input file: the path results name (as the CLI would) and the URL to open."""

    path: str
    url: str
    format: str

    @property
    def stem(self) -> str:
        return Path(self.path).name.rsplit(".", 1)[0]


@dataclass(frozen=True)
class Rejected:
    """A record (or a whole file) that cannot be audited, and why."""

    path: str
    id: str
    record: int | None
    error: str


@dataclass(frozen=True)
class Row:
    """One article's result (or error) as a row of the results table."""

    path: str
    id: str
    record: int | None
    passed: bool | None
    quality: float | None
    findings: int | None
    error: str | None
    result: str
    """The article's JSON: its line of ``audit check --format jsonl``, without the newline."""


ROW_FIELDS = tuple(field.name for field in fields(Row))
Item = Article | Rejected


def sources(inputs: str | Sequence[str]) -> list[Source]:
    """The files of ``inputs`` (paths, URLs or glob patterns), in order, each glob sorted."""
    import fsspec

    found = []
    for pattern in [inputs] if isinstance(inputs, str) else inputs:
        filesystem, stripped = fsspec.core.url_to_fs(pattern)
        paths = sorted(filesystem.glob(stripped)) if fsspec.core.has_magic(pattern) else [stripped]
        if not paths or not all(filesystem.isfile(path) for path in paths):
            raise InputError(pattern, "no such file" if paths else "no file matches")
        found.extend(_source(filesystem, path, pattern) for path in paths)
    return found


def _source(filesystem: Any, path: str, pattern: str) -> Source:
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in FORMATS:
        raise InputError(path, f"not JSON Lines or Parquet (give {', '.join(FORMATS)} files)")
    local = "file" in filesystem.protocol
    url = filesystem.unstrip_protocol(path)
    if not local:
        return Source(url, url, FORMATS[suffix])
    shown = path if os.path.isabs(pattern) else os.path.relpath(path)
    return Source(shown, url, FORMATS[suffix])


def read_source(source: Source, encoding: str | None = None) -> list[Item]:
    """The records of one input file, in order; a file that cannot be read is one Rejected."""
    import fsspec

    try:
        with fsspec.open(source.url, "rb") as handle:
            if source.format == "parquet":
                return list(_parquet_items(handle, source))
            return [
                _jsonl_item(raw, source, number, encoding)
                for number, raw in enumerate(handle, start=1)
                if raw.strip()
            ]
    except (OSError, ValueError) as bad:
        return [Rejected(source.path, source.stem, None, f"{source.path}: cannot read: {bad}")]


def _jsonl_item(raw: bytes, source: Source, number: int, encoding: str | None) -> Item:
    place = f"{source.path}:{number}"
    try:
        record = json_object(decode(raw, place, encoding), place)
    except InputError as bad:
        return Rejected(source.path, f"{source.stem}:{number}", number, str(bad))
    return record_item(record, source.path, number, place)


def _parquet_items(handle: Any, source: Source) -> Iterator[Item]:
    from pyarrow import parquet

    table = parquet.ParquetFile(handle)
    columns = [name for name in RECORD_FIELDS if name in table.schema_arrow.names]
    if "text" not in columns:
        yield Rejected(source.path, source.stem, None, f"{source.path}: no 'text' column")
        return
    for number, values in enumerate(table.read(columns=columns).to_pylist(), start=1):
        yield record_item(present(values), source.path, number, f"{source.path}:row {number}")


def record_item(record: dict[str, Any], path: str, number: int, place: str) -> Item:
    """The article of a record, made as ``audit check --jsonl`` makes it, or a Rejected."""
    try:
        return record_article(record, path, number, place)
    except InputError as bad:
        return Rejected(
            path, str(record.get("id", f"{Path(path).stem}:{number}")), number, str(bad)
        )


def present(values: dict[str, Any]) -> dict[str, Any]:
    """The values of a table's row that are there: a null or NaN cell is a field left out."""
    return {
        key: value
        for key, value in values.items()
        if value is not None and not (isinstance(value, float) and math.isnan(value))
    }


def check_items(items: Iterable[Item], shipment: Shipment) -> list[Row]:
    """The rows of one partition, in input order (articles the configuration skips left out)."""
    checker = auditor(shipment)
    writer = load("jsonl").writer(ReportContext(rules=checker.rules))
    rows = [_row(item, checker, writer) for item in items if not _skipped(item, checker)]
    settle()  # this process has now loaded all that it keeps (see audit.cli.collector)
    return rows


def _skipped(item: Item, checker: Auditor) -> bool:
    return isinstance(item, Article) and checker.skips(item)


def _row(item: Item, checker: Auditor, writer: Writer) -> Row:
    if isinstance(item, Rejected):
        return error_row(item)
    try:
        result = checker.check_article(item)
    except AuditError as bad:
        return error_row(Rejected(item.path, item.id, item.record, str(bad)))
    except Exception as bug:  # one article's crash must not stop the run
        problem = f"{item.path}: internal error checking '{item.id}': {type(bug).__name__}: {bug}"
        return error_row(Rejected(item.path, item.id, item.record, problem))
    return Row(
        path=item.path,
        id=item.id,
        record=item.record,
        passed=result.verdict.passed,
        quality=result.quality.score,
        findings=len(result.findings),
        error=None,
        result=writer.article(result).removesuffix("\n"),
    )


def error_row(rejected: Rejected) -> Row:
    """The row of a record that could not be audited; its JSON holds the same fields."""
    record = {
        "path": rejected.path,
        "id": rejected.id,
        "record": rejected.record,
        "error": rejected.error,
    }
    text = json.dumps(record, ensure_ascii=False)
    return Row(rejected.path, rejected.id, rejected.record, None, None, None, rejected.error, text)


def output_paths(found: Sequence[Source], output: str, output_format: str) -> list[str]:
    """One output file per input file, named after it, in the folder (or URL) ``output``."""
    if output_format not in OUTPUT_FORMATS:
        raise UsageError("output format", f"'{output_format}' is not one of {OUTPUT_FORMATS}")
    names = [f"{source.stem}.{output_format}" for source in found]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise UsageError(output, f"two inputs would write {repeated[0]}: give files named apart")
    return [f"{output.rstrip('/')}/{name}" for name in names]


def write_rows(rows: Sequence[Row], target: str, output_format: str) -> str:
    """Write one partition's rows to ``target`` whole or not at all (a temporary file renamed
    into place), so a task that runs again after a worker died never leaves half a file."""
    import fsspec

    filesystem, path = fsspec.core.url_to_fs(target)
    folder, name = path.rsplit("/", 1) if "/" in path else (".", path)
    filesystem.makedirs(folder, exist_ok=True)
    temporary = f"{folder}/.{name}.{uuid.uuid4().hex}.tmp"
    try:
        with filesystem.open(temporary, "wb") as stream:
            if output_format == "parquet":
                _write_parquet(rows, stream)
            else:
                stream.write("".join(f"{row.result}\n" for row in rows).encode("utf-8"))
        filesystem.mv(temporary, path)
    finally:
        if filesystem.exists(temporary):
            filesystem.rm(temporary)
    return target


def _write_parquet(rows: Sequence[Row], stream: Any) -> None:
    import pyarrow
    from pyarrow import parquet

    table = pyarrow.Table.from_pylist([asdict(row) for row in rows], result_schema())
    parquet.write_table(table, stream)


def result_schema() -> Any:
    """The Parquet schema of the results: the fields of ``Row``."""
    import pyarrow

    return pyarrow.schema(
        [
            ("path", pyarrow.string()),
            ("id", pyarrow.string()),
            ("record", pyarrow.int64()),
            ("passed", pyarrow.bool_()),
            ("quality", pyarrow.float64()),
            ("findings", pyarrow.int64()),
            ("error", pyarrow.string()),
            ("result", pyarrow.string()),
        ]
    )
