"""Reading bilingual files: XLIFF 1.2 (and 1.1) and 2.0, TMX and PO with translate-toolkit, TSV/CSV.

``format_of`` tells a bilingual file by its extension (or the format the
user forces); ``parse`` reads its bytes into an ``Alignment``. XLIFF, TMX
and PO go through translate-toolkit's stores (its XML is lxml's, with
entities left unresolved); the XLIFF version is read from the root
element's namespace. Two-column files (``source<TAB>target``, or
``source,target``, with an optional third column holding a reference
translation and an optional header row) go through Python's ``csv``
module in strict mode.

The source language comes from the file (``source-language``, ``srcLang``,
``srclang``, PO's ``X-Source-Language``); segment ids from the units
(``id``, ``tuid``, ``msgctxt``), else their position (the line of a
TSV/CSV row). A file that cannot be
read is an ``InputError`` at ``FILE:LINE`` when the parser tells the line.
translate-toolkit is the ``bilingual`` extra: without it, reading such a
file says how to install it.
"""

from __future__ import annotations

import csv
import importlib
import io
import re
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import Any

from audit.errors import InputError
from audit.text.bilingual.segments import Alignment, Unit

EXTENSIONS = {
    "xliff": (".xlf", ".xliff"),
    "tmx": (".tmx",),
    "po": (".po", ".pot"),
    "tsv": (".tsv", ".tab"),
    "csv": (".csv",),
}
INPUT_FORMATS = ("auto", "text", *EXTENSIONS)
XLIFF_NAMESPACES = {
    "urn:oasis:names:tc:xliff:document:1.1": "xliff1",
    "urn:oasis:names:tc:xliff:document:1.2": "xliff1",
    "urn:oasis:names:tc:xliff:document:2.0": "xliff2",
}
HEADER_NAMES = ("source", "target", "reference")
INSTALL_HINT = "pip install 'translation-audit[bilingual]'"
_PO_LINE_RE = re.compile(r"^(.*) on line (\d+): (.*)$", re.S)
_NAMESPACE_RE = re.compile(r"^\{([^}]*)\}")
_XML_PLACE_RE = re.compile(r", line \d+, column \d+$")

Decode = Callable[[bytes], str]


def format_of(path: str, forced: str = "auto") -> str | None:
    """The bilingual format of ``path`` (forced, or by extension); None for plain text."""
    if forced != "auto":
        return None if forced == "text" else forced
    suffix = PurePath(path).suffix.lower()
    return next((name for name, suffixes in EXTENSIONS.items() if suffix in suffixes), None)


def globs(format: str) -> tuple[str, ...]:
    """The file patterns of ``format``, for walking a directory."""
    return tuple(f"*{suffix}" for suffix in EXTENSIONS[format])


def all_globs() -> tuple[str, ...]:
    """The globs of every bilingual format."""
    return tuple(pattern for format in EXTENSIONS for pattern in globs(format))


def parse(data: bytes, place: str, format: str, decode: Decode) -> Alignment:
    """The segments of a bilingual file; ``decode`` turns a text file's bytes into text."""
    alignment = _READERS[format](data, place, decode)
    if not alignment.segments:
        raise InputError(place, f"no translation units in this {format.upper()} file")
    return alignment


def _toolkit(module: str, place: str, what: str) -> Any:
    try:
        return importlib.import_module(f"translate.storage.{module}")
    except ImportError:
        raise InputError(place, f"reading {what} needs translate-toolkit: {INSTALL_HINT}") from None


def _xml_store(store_class: Any, data: bytes, place: str, what: str) -> Any:
    from lxml import etree

    try:
        return store_class.parsestring(data)
    except etree.XMLSyntaxError as bad:
        raise _xml_error(bad, place) from None
    except AssertionError:
        raise InputError(f"{place}:1", f"the root element is not that of {what}") from None


def _xml_error(bad: Any, place: str) -> InputError:
    """lxml's syntax error as ``FILE:LINE: problem`` (its message without the place again)."""
    line = bad.position[0] if bad.position else bad.lineno
    problem = _XML_PLACE_RE.sub("", str(bad.msg))
    return InputError(f"{place}:{line}", f"not well-formed XML: {problem}")


def _root_namespace(data: bytes, place: str) -> str:
    """The namespace of the root element, read by lxml's incremental parser."""
    from lxml import etree

    try:
        for _, element in etree.iterparse(io.BytesIO(data), events=("start",)):
            match = _NAMESPACE_RE.match(element.tag)
            return match.group(1) if match else ""
    except etree.XMLSyntaxError as bad:
        raise _xml_error(bad, place) from None
    raise InputError(f"{place}:1", "not well-formed XML: no root element")


def _read_xliff(data: bytes, place: str, decode: Decode) -> Alignment:
    _toolkit("xliff", place, "XLIFF")
    version = XLIFF_NAMESPACES.get(_root_namespace(data, place))
    if version is None:
        raise InputError(f"{place}:1", "not an XLIFF 1.2 or 2.0 file (unknown root namespace)")
    if version == "xliff2":
        module = _toolkit("xliff2", place, "XLIFF 2.0")
        store = _xml_store(module.Xliff2File, data, place, "XLIFF 2.0")
    else:
        module = _toolkit("xliff", place, "XLIFF")
        store = _xml_store(module.xlifffile, data, place, "XLIFF 1.2")
    units = (_xml_unit(unit, n, _xliff_id(unit, version)) for n, unit in _units(store))
    return Alignment.from_units(
        list(units), version, store.getsourcelanguage(), store.gettargetlanguage()
    )


def _xliff_id(unit: Any, version: str) -> str | None:
    if version == "xliff2":
        return unit.getid()
    return unit.xmlelement.get("id")


def _read_tmx(data: bytes, place: str, decode: Decode) -> Alignment:
    module = _toolkit("tmx", place, "TMX")
    store = _xml_store(module.tmxfile, data, place, "TMX")
    units = [_xml_unit(unit, n, unit.xmlelement.get("tuid")) for n, unit in _units(store)]
    return Alignment.from_units(units, "tmx", store.sourcelanguage)


def _units(store: Any) -> Iterator[tuple[int, Any]]:
    """The store's translation units, numbered from 1, without headers and obsolete ones."""
    kept = (u for u in store.units if not u.isheader() and not u.isobsolete())
    return enumerate(kept, start=1)


def _xml_unit(unit: Any, number: int, unit_id: str | None) -> Unit:
    return Unit(
        id=unit_id or str(number),
        source=str(unit.source or ""),
        target=str(unit.target or ""),
        line=unit.xmlelement.sourceline,
        source_tags=_tags(unit.rich_source) if _has_inline(unit, 0) else (),
        target_tags=_tags(unit.rich_target) if _has_inline(unit, 1) else (),
    )


def _has_inline(unit: Any, index: int) -> bool:
    """Whether the unit's source (0) or target (1) element holds inline elements."""
    node = unit.getlanguageNode(lang=None, index=index)
    return node is not None and len(node) > 0


def _tags(rich: list[Any]) -> tuple[str, ...]:
    """The inline tags of a rich string, in order, as ``name#id``."""
    found: list[str] = []
    stack = list(reversed(rich))
    while stack:
        element = stack.pop()
        if isinstance(element, str):
            continue
        tag_id = getattr(element, "id", None)
        if tag_id is not None:
            found.append(f"{_tag_name(element)}#{tag_id}")
        stack.extend(reversed(getattr(element, "sub", [])))
    return tuple(found)


def _tag_name(element: Any) -> str:
    node = getattr(element, "xml_node", None)
    if node is not None:
        return _NAMESPACE_RE.sub("", str(node.tag))
    return type(element).__name__.lower()


def _read_po(data: bytes, place: str, decode: Decode) -> Alignment:
    module = _toolkit("pypo", place, "PO")
    poparser = _toolkit("poparser", place, "PO")
    try:
        store = module.pofile.parsestring(data)
    except poparser.PoParseError as bad:
        match = _PO_LINE_RE.match(str(bad))
        if match is None:
            raise InputError(place, f"not a valid PO file: {bad}") from None
        problem, line, text = match.groups()
        raise InputError(f"{place}:{line}", f"not a valid PO file: {problem}: {text}") from None
    except (UnicodeDecodeError, LookupError) as bad:
        raise InputError(place, f"cannot decode the PO file: {bad}") from None
    units = [_po_unit(unit, number) for number, unit in _units(store)]
    header = store.parseheader()
    source = header.get("X-Source-Language")
    return Alignment.from_units(units, "po", source, store.gettargetlanguage())


def _po_unit(unit: Any, number: int) -> Unit:
    unit_id = unit.getcontext() or str(number)
    return Unit(id=unit_id, source=str(unit.source or ""), target=str(unit.target or ""))


def _columns_reader(delimiter: str, name: str) -> Callable[[bytes, str, Decode], Alignment]:
    def read(data: bytes, place: str, decode: Decode) -> Alignment:
        reader = csv.reader(io.StringIO(decode(data), newline=""), delimiter=delimiter, strict=True)
        units = []
        try:
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if not units and tuple(cell.strip().lower() for cell in row) in _HEADERS:
                    continue
                units.append(_row_unit(row, line, place, name))
        except csv.Error as bad:
            raise InputError(f"{place}:{reader.line_num}", f"not valid {name}: {bad}") from None
        return Alignment.from_units(units, name.lower())

    return read


_HEADERS = {HEADER_NAMES[:2], HEADER_NAMES}


def _row_unit(row: list[str], line: int, place: str, name: str) -> Unit:
    if len(row) not in (2, 3):
        raise InputError(
            f"{place}:{line}",
            f"expected 2 columns (source, target) or 3 (and a reference), got {len(row)}",
        )
    reference = row[2] if len(row) == 3 else None
    return Unit(id=str(line), source=row[0], target=row[1], line=line, reference=reference)


_READERS: dict[str, Callable[[bytes, str, Decode], Alignment]] = {
    "xliff": _read_xliff,
    "tmx": _read_tmx,
    "po": _read_po,
    "tsv": _columns_reader("\t", "TSV"),
    "csv": _columns_reader(",", "CSV"),
}
