"""Reading articles: files, directories, standard input and JSONL records.

Bytes are decoded as UTF-8 (with or without BOM), or UTF-16/UTF-32 when a
BOM says so, or with the encoding the user forces. Anything else is an
``InputError`` naming the file: a file with NUL bytes is binary, bytes that
are not UTF-8 ask for ``--encoding``, an empty file has nothing to audit, a
file (or device) of more than ``MAX_ARTICLE_BYTES`` is not an article.
The decoded text is kept as is (CRLF included), so offsets stay true.
Directories are walked lazily, in sorted order, skipping hidden entries.

``read_paths`` and ``read_jsonl`` do not stop at a file or record that
cannot be read: they yield an ``Unreadable`` in its place, which the run
reports as an error entry, and go on.
"""

from __future__ import annotations

import codecs
import fnmatch
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from audit.errors import InputError, UsageError, read_bytes
from audit.text.bilingual import formats as bilingual
from audit.text.bilingual.segments import Alignment
from audit.text.markdown import markdown_prose
from audit.text.prose import Prose, needs_prose, plain_prose

DEFAULT_GLOBS = ("*.txt", "*.md")
MARKDOWN_SUFFIXES = (".md", ".markdown")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f]")  # C0 controls but \t \n \v \f \r
CONTROL_SAMPLE = 4096
MAX_CONTROLS = 8
MAX_ARTICLE_BYTES = 128 << 20
READ_CHUNK = 1 << 20
STDIN = "-"


@dataclass(frozen=True)
class Article:
    """One text to audit, with where it came from."""

    id: str
    path: str
    text: str
    source_language: str | None = None
    record: int | None = None
    """The line of the JSON Lines file the article came from; None for a file or stdin."""
    reference: str | None = None
    """A reference translation of the article (human or post-edited), when one is given."""
    segments: Alignment | None = None
    """The aligned source and target segments of a bilingual file; None for plain text."""
    markdown: bool = False
    """Whether the text is Markdown (a ``.md`` file), of which the rules read only the prose."""

    def prose(self) -> Prose | None:
        """What the rules read instead of the text, if anything (``audit.text.prose``); a
        bilingual file's segments are read as they are."""
        if self.segments is not None:
            return None
        if self.markdown:
            return markdown_prose(self.text)
        return plain_prose(self.text) if needs_prose(self.text) else None


@dataclass(frozen=True)
class Unreadable:
    """A file or JSONL record of the run that could not be read: ``place`` (the path, or
    ``path:line`` for a record) and the ``problem``, as an ``InputError`` would say it."""

    path: str
    place: str
    problem: str

    @classmethod
    def of(cls, path: str, error: InputError) -> Unreadable:
        return cls(path, error.place or path, error.problem)

    def error(self) -> InputError:
        return InputError(self.place, self.problem)

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "place": self.place, "problem": self.problem}


Entry = Article | Unreadable
"""What reading a run's inputs yields: an article, or what could not be read in its place."""


def check_encoding(encoding: str | None) -> None:
    if encoding is None:
        return
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError("--encoding", f"unknown encoding '{encoding}'") from None


def decode(data: bytes, place: str, encoding: str | None = None) -> str:
    """Decode an article's bytes; every failure is an InputError at ``place``."""
    if encoding is None:
        encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
        if encoding is None and b"\x00" in data:
            raise InputError(place, _nul_problem(data))
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as bad:
        raise InputError(place, _decode_problem(bad, encoding)) from None
    if not text.strip():
        raise InputError(place, "empty file: nothing to audit")
    if len(_CONTROL_RE.findall(text, 0, CONTROL_SAMPLE)) > MAX_CONTROLS:
        raise InputError(place, "binary file (control characters), not a text article")
    return text


def _nul_problem(data: bytes) -> str:
    """Explain NUL bytes: UTF-16 without a byte-order mark, or a binary file."""
    sample = data[:4096]
    for parity, name in ((1, "utf-16-le"), (0, "utf-16-be")):
        if sample[parity::2].count(0) > 0.9 * len(sample[parity::2]):
            return f"looks like UTF-16 without a byte-order mark; give --encoding {name}"
    return "binary file (it contains NUL bytes), not a text article"


def _decode_problem(bad: UnicodeDecodeError, encoding: str | None) -> str:
    byte = bad.object[bad.start]
    if encoding:
        return f"cannot decode as {encoding}: byte 0x{byte:02x} at offset {bad.start}"
    return (
        f"not valid UTF-8 (byte 0x{byte:02x} at offset {bad.start}); "
        "give the encoding with --encoding, e.g. --encoding latin-1"
    )


def read_file(path: Path, encoding: str | None = None, input_format: str = "auto") -> Article:
    place = str(path)
    data = read_article(path)
    file_format = bilingual.format_of(place, input_format)
    if file_format is not None:
        return bilingual_article(data, path.stem, place, place, file_format, encoding)
    text = decode(data, place, encoding)
    markdown = path.suffix.lower() in MARKDOWN_SUFFIXES
    return Article(id=path.stem, path=place, text=text, markdown=markdown)


def bilingual_article(
    data: bytes,
    article_id: str,
    path: str,
    place: str,
    file_format: str,
    encoding: str | None = None,
) -> Article:
    """The article a bilingual file makes: its target segments, one per line."""
    alignment = bilingual.parse(data, place, file_format, lambda raw: decode(raw, place, encoding))
    return Article(
        id=article_id,
        path=path,
        text=alignment.text,
        source_language=alignment.source_language,
        segments=alignment,
    )


def read_article(path: Path) -> bytes:
    """The bytes of an article file, device or pipe: at most ``MAX_ARTICLE_BYTES``."""
    place = str(path)
    try:
        with path.open("rb") as stream:
            return _bounded(stream, place)
    except InputError:
        raise
    except OSError:
        return read_bytes(path, InputError)  # the same open again, for its message


def _bounded(stream: BinaryIO, place: str) -> bytes:
    """Read ``stream`` to its end, refusing more than ``MAX_ARTICLE_BYTES`` (``/dev/zero``
    never ends)."""
    chunks, size = [], 0
    while chunk := stream.read(READ_CHUNK):
        size += len(chunk)
        if size > MAX_ARTICLE_BYTES:
            limit = MAX_ARTICLE_BYTES >> 20
            raise InputError(place, f"more than {limit} MB: too large to be an article")
        chunks.append(chunk)
    return b"".join(chunks)


def walk(root: Path, globs: Iterable[str]) -> Iterator[Path]:
    """Files under ``root`` whose name matches one of ``globs``, lazily, in sorted order."""
    patterns = tuple(globs)
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and any(fnmatch.fnmatch(name, p) for p in patterns):
                yield Path(directory) / name


def read_paths(
    paths: Iterable[str],
    globs: Iterable[str] = DEFAULT_GLOBS,
    encoding: str | None = None,
    input_format: str = "auto",
) -> Iterator[Entry]:
    """Articles from files, directories (recursively) and ``-`` (standard input); a
    bilingual file (by extension, or ``input_format``) is one article of its target segments;
    an ``Unreadable`` in the place of each input that cannot be read."""
    patterns = tuple(globs)
    for name in paths:
        if name == STDIN:
            yield _entry(name, _stdin_article, encoding, input_format)
            continue
        path = Path(name)
        if not path.is_dir():
            yield _entry(name, read_file, path, encoding, input_format)
            continue
        found = 0
        for file in walk(path, patterns):
            found += 1
            yield _entry(str(file), read_file, file, encoding, input_format)
        if not found:
            yield Unreadable(name, name, _nothing_matched(path, patterns))


def _nothing_matched(root: Path, patterns: tuple[str, ...]) -> str:
    """Why a directory gave no article, and the ``--glob`` that reads its bilingual files."""
    problem = f"no files matching {', '.join(patterns)} in this directory"
    suffixes = sorted({file.suffix for file in walk(root, bilingual.all_globs())})
    if not suffixes:
        return problem
    options = " ".join(f"--glob '*{suffix}'" for suffix in suffixes)
    return f"{problem}; it holds bilingual files: {options} reads them"


def _entry(path: str, read: Callable[..., Article], *arguments: Any) -> Entry:
    """``read(*arguments)``, or the ``Unreadable`` of ``path`` when it raises an InputError."""
    try:
        return read(*arguments)
    except InputError as bad:
        return Unreadable.of(path, bad)


def _stdin_article(encoding: str | None, input_format: str = "auto") -> Article:
    data = _bounded(sys.stdin.buffer, "<stdin>")
    file_format = bilingual.format_of(STDIN, input_format)
    if file_format is not None:
        return bilingual_article(data, "stdin", STDIN, "<stdin>", file_format, encoding)
    return Article("stdin", STDIN, decode(data, "<stdin>", encoding))


def read_jsonl(path: Path, encoding: str | None = None) -> Iterator[Entry]:
    """Articles from a JSON Lines file (``-``: standard input), one object per line with
    ``text`` (and ``id``, ``source_language``, ``reference``); an ``Unreadable`` in the place
    of the file, or of each record, that cannot be read."""
    name = str(path)
    if name == STDIN:
        yield from jsonl_entries(sys.stdin.buffer, "<stdin>", encoding)
        return
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield Unreadable(name, name, "no such file")
        return
    except OSError as bad:
        yield Unreadable(name, name, f"cannot read: {bad.strerror}")
        return
    with handle:
        yield from jsonl_entries(handle, name, encoding)


def jsonl_entries(handle: BinaryIO, name: str, encoding: str | None) -> Iterator[Entry]:
    """The entries of the JSON Lines records read from ``handle``, the file called ``name``."""
    for number, raw in enumerate(handle, start=1):
        place = f"{name}:{number}"
        try:
            line = decode(raw, place, encoding) if raw.strip() else ""
            if line:
                yield record_article(json_object(line, place), name, number, place)
        except InputError as bad:
            yield Unreadable.of(name, bad)


def json_object(line: str, place: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as bad:
        raise InputError(place, f"not valid JSON: {bad.msg} (column {bad.colno})") from None
    if not isinstance(record, dict):
        raise InputError(place, "a JSONL record must be a JSON object with a 'text' field")
    return record


def record_article(record: dict[str, Any], path: str, number: int, place: str) -> Article:
    """The article of one JSON Lines record, record ``number`` of the file ``path``; a record
    without a ``text`` string (or with fields of the wrong type) is an InputError at ``place``."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(place, "the record has no 'text' string to audit")
    if _LONE_SURROGATE_RE.search(text):
        raise InputError(place, "the record's text holds a lone UTF-16 surrogate escape")
    source = record.get("source_language")
    if source is not None and not isinstance(source, str):
        raise InputError(place, "'source_language' must be a string such as \"fr\"")
    reference = record.get("reference")
    if reference is not None and not isinstance(reference, str):
        raise InputError(place, "'reference' must be a string: a reference translation")
    article_id = record.get("id", f"{Path(path).stem}:{number}")
    return Article(
        str(article_id), path, text, source_language=source, record=number, reference=reference
    )


def with_references(
    entries: Iterable[Entry], directory: Path, encoding: str | None = None
) -> Iterator[Entry]:
    """The articles, each with the reference of the same file name in ``directory``, if any
    (an unreadable reference makes its article ``Unreadable``)."""
    if not directory.is_dir():
        raise InputError(str(directory), "--references needs a directory of reference files")
    for entry in entries:
        if isinstance(entry, Unreadable):
            yield entry
            continue
        candidate = directory / Path(entry.path).name
        if entry.record is None and entry.path != STDIN and candidate.is_file():
            found = _entry(str(candidate), read_file, candidate, encoding)
            if isinstance(found, Unreadable):
                yield found
                continue
            entry = replace(entry, reference=found.text)
        yield entry
