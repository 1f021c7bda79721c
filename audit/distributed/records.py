"""Records in, rows out: the plain-Python work of one partition, with no Dask in it.

A partition is one input file: JSON Lines (``.jsonl``, ``.ndjson``: one
object a line with ``text`` and optionally ``id``, ``source_language``,
``reference``, read by ``audit check --jsonl``'s own reader) or Parquet
(``.parquet``, ``.pq``: columns of those names). Files are opened with
fsspec, so a path may be a URL (``s3://...``) that every worker can reach.
Each record becomes an ``Article`` exactly as the CLI makes it
(``audit.text.ingest``), or an ``Unreadable`` naming the record and what is
wrong with it.

``check_items`` turns them into ``Row``s, in input order. ``Row.result`` is
the entry's line of ``audit check --format jsonl``, written by that report's
own writer: an article's results, or for a record that cannot be read (or
an article whose check fails) its ``{"error": ...}`` line, with ``error``
set on the row. One bad record never stops the run.
"""

from __future__ import annotations

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
from audit.reports.base import Text
from audit.text.ingest import Article, Entry, Unreadable, jsonl_entries, record_article

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
class Row:
    """One article's result (or error) as a row of the results table."""

    path: str
    id: str | None
    record: int | None
    passed: bool | None
    quality: float | None
    findings: int | None
    error: str | None
    result: str
    """The entry's JSON: its line of ``audit check --format jsonl``, without the newline."""


ROW_FIELDS = tuple(field.name for field in fields(Row))


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


def read_source(source: Source, encoding: str | None = None) -> list[Entry]:
    """The entries of one input file, in order; a file that cannot be read is one
    ``Unreadable``."""
    import fsspec

    try:
        with fsspec.open(source.url, "rb") as handle:
            if source.format == "parquet":
                return list(_parquet_entries(handle, source))
            return list(jsonl_entries(handle, source.path, encoding))
    except (OSError, ValueError) as bad:
        return [Unreadable(source.path, source.path, f"cannot read: {bad}")]


def _parquet_entries(handle: Any, source: Source) -> Iterator[Entry]:
    from pyarrow import parquet

    table = parquet.ParquetFile(handle)
    columns = [name for name in RECORD_FIELDS if name in table.schema_arrow.names]
    if "text" not in columns:
        yield Unreadable(source.path, source.path, "no 'text' column")
        return
    for number, values in enumerate(table.read(columns=columns).to_pylist(), start=1):
        yield record_item(present(values), source.path, number, f"{source.path}:row {number}")


def record_item(record: dict[str, Any], path: str, number: int, place: str) -> Entry:
    """The article of a record, made as ``audit check --jsonl`` makes it, or an Unreadable."""
    try:
        return record_article(record, path, number, place)
    except InputError as bad:
        return Unreadable.of(path, bad)


def present(values: dict[str, Any]) -> dict[str, Any]:
    """The values of a table's row that are there: a null or NaN cell is a field left out."""
    return {
        key: value
        for key, value in values.items()
        if value is not None and not (isinstance(value, float) and math.isnan(value))
    }


def check_items(entries: Iterable[Entry], shipment: Shipment) -> list[Row]:
    """The rows of one partition, in input order (articles the configuration skips left out)."""
    checker = auditor(shipment)
    writer = load("jsonl").writer(ReportContext(rules=checker.rules))
    rows = [_row(entry, checker, writer) for entry in entries if not _skipped(entry, checker)]
    settle()  # this process has now loaded all that it keeps (see audit.cli.collector)
    return rows


def _skipped(entry: Entry, checker: Auditor) -> bool:
    return isinstance(entry, Article) and checker.skips(entry)


def _row(entry: Entry, checker: Auditor, writer: Writer) -> Row:
    if isinstance(entry, Unreadable):
        return error_row(entry, writer)
    place = entry.path if entry.record is None else f"{entry.path}:{entry.record}"
    try:
        result = checker.check_article(entry)
    except AuditError as bad:
        return error_row(Unreadable(entry.path, bad.place or place, bad.problem), writer, entry)
    except Exception as bug:  # one article's crash must not stop the run
        problem = f"internal error checking '{entry.id}': {type(bug).__name__}: {bug}"
        return error_row(Unreadable(entry.path, place, problem), writer, entry)
    return Row(
        path=entry.path,
        id=entry.id,
        record=entry.record,
        passed=result.verdict.passed,
        quality=result.quality.score,
        findings=len(result.findings),
        error=None,
        result=_line(writer.article(result)),
    )


def error_row(entry: Unreadable, writer: Writer, article: Article | None = None) -> Row:
    """The row of an entry that could not be audited: the report's error line."""
    return Row(
        path=entry.path,
        id=article.id if article else None,
        record=article.record if article else None,
        passed=None,
        quality=None,
        findings=None,
        error=str(entry.error()),
        result=_line(writer.error(entry)),
    )


def _line(text: Text) -> str:
    return (text if isinstance(text, str) else "".join(text)).removesuffix("\n")


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
