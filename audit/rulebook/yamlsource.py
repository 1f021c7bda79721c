"""Reading YAML (rule packs, configuration) with the place of every key and value.

Mappings load as ``YamlMap`` and sequences as ``YamlList``: plain ``dict`` and
``list`` that also remember where each key and item stood in the file, so a
validation error can say ``rules/x.yaml:12:5: unknown field 'sugest'``.
Duplicate keys, which PyYAML silently overwrites, are an error here. Only
YAML's safe subset is accepted (``yaml.SafeLoader``, in C when available).
Booleans are YAML 1.2's, ``true`` and ``false`` only: YAML 1.1 also reads
``yes``, ``no``, ``on`` and ``off`` as booleans, which turns the language
code ``no`` or the word ``on`` into ``False`` and ``True``; here they stay
strings (``fields`` explains them where a boolean is expected). Syntax
errors that indentation usually causes carry a hint.
PyYAML is imported on the first parse: a run whose rule packs come from the
cache and that has no configuration file never needs it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from audit.errors import AuditError, read_bytes

if TYPE_CHECKING:
    import yaml


class Location(NamedTuple):
    """A place in a file: 1-based line and column (column 0 when unknown). A tuple: the
    compiled packs in the cache hold one for every key and value of a rule."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return (
            f"{self.path}:{self.line}:{self.column}" if self.column else f"{self.path}:{self.line}"
        )


NOWHERE = Location("<none>")


class YamlMap(dict):  # type: ignore[type-arg]
    """A mapping that knows where it, its keys and its values stand in the file."""

    def __init__(self, *args: Any, location: Location = NOWHERE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.location = location
        self.key_locations: dict[Any, Location] = {}
        self.value_locations: dict[Any, Location] = {}

    def where(self, key: Any) -> Location:
        """Where ``key``'s value is (the mapping itself when the key is absent)."""
        return self.value_locations.get(key, self.location)

    def where_key(self, key: Any) -> Location:
        return self.key_locations.get(key, self.location)


class YamlList(list):  # type: ignore[type-arg]
    """A sequence that knows where it and each of its items stand in the file."""

    def __init__(self, items: Any = (), location: Location = NOWHERE) -> None:
        super().__init__(items)
        self.location = location
        self.item_locations: list[Location] = []

    def where(self, index: int) -> Location:
        return self.item_locations[index]


class _DuplicateKey(Exception):
    def __init__(self, key: Any, mark: yaml.Mark) -> None:
        super().__init__(key)
        self.key = key
        self.mark = mark


def _location(loader: Any, mark: yaml.Mark) -> Location:
    return Location(loader.source_name, mark.line + 1, mark.column + 1)


def _construct_map(loader: Any, node: yaml.MappingNode) -> YamlMap:
    loader.flatten_mapping(node)
    result = YamlMap(location=_location(loader, node.start_mark))
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise _DuplicateKey(key, key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_locations[key] = _location(loader, key_node.start_mark)
        result.value_locations[key] = _location(loader, value_node.start_mark)
    return result


def _construct_list(loader: Any, node: yaml.SequenceNode) -> YamlList:
    items = [loader.construct_object(item, deep=True) for item in node.value]
    result = YamlList(items, location=_location(loader, node.start_mark))
    result.item_locations = [_location(loader, item.start_mark) for item in node.value]
    return result


BOOL_TAG = "tag:yaml.org,2002:bool"
YAML_12_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_HINTS = (
    ("found character '\\t'", "YAML indents with spaces, not tabs"),
    ("tab character", "YAML indents with spaces, not tabs"),
    ("mapping values are not allowed", "check the indentation, or quote a value holding ': '"),
    ("did not find expected key", "check the indentation: the items of a mapping or a list "
     "start in the same column"),
    ("expected <block end>", "check the indentation: the items of a mapping or a list "
     "start in the same column"),
    ("could not find expected ':'", "a key needs ': ' after it: check the indentation, "
     "or a quote left open"),
    ("did not find expected '-'", "check the indentation of the list's items"),
)  # fmt: skip


def _hint(problem: str) -> str:
    """``problem``, with a hint for the syntax errors that indentation usually causes."""
    hint = next((hint for start, hint in _HINTS if start in problem), None)
    return f"{problem} ({hint})" if hint else problem


def _yaml_12_resolvers(resolvers: dict[Any, list[Any]]) -> dict[Any, list[Any]]:
    """PyYAML's implicit resolvers with YAML 1.2's booleans: ``true`` and ``false`` only."""
    table = {
        first: [(tag, pattern) for tag, pattern in entries if tag != BOOL_TAG]
        for first, entries in resolvers.items()
    }
    for first in "tTfF":
        table.setdefault(first, []).insert(0, (BOOL_TAG, YAML_12_BOOL_RE))
    return table


@cache
def _loader_class() -> type:
    """PyYAML's safe loader (the C one when built) building located mappings and lists,
    with YAML 1.2's booleans."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolvers = _yaml_12_resolvers(base.yaml_implicit_resolvers)
    attributes = {"source_name": "<string>", "yaml_implicit_resolvers": resolvers}
    loader = type("LocatingLoader", (base,), attributes)
    loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
    loader.add_constructor("tag:yaml.org,2002:seq", _construct_list)
    return loader


def parse(text: str, source_name: str, error: type[AuditError]) -> Any:
    """Parse YAML ``text``; syntax errors and duplicate keys raise ``error(place, problem)``."""
    import yaml

    loader = _loader_class()(text)
    loader.source_name = source_name
    try:
        return loader.get_single_data()
    except _DuplicateKey as duplicate:
        place = _location(loader, duplicate.mark)
        raise error(str(place), f"duplicate key '{duplicate.key}'") from None
    except yaml.MarkedYAMLError as bad:
        mark = bad.problem_mark or bad.context_mark
        place = _location(loader, mark) if mark else Location(source_name)
        raise error(
            str(place), f"invalid YAML: {_hint(bad.problem or bad.context or '')}"
        ) from None
    except yaml.YAMLError as bad:
        raise error(source_name, f"invalid YAML: {bad}") from None
    finally:
        loader.dispose()


def read(path: Path, error: type[AuditError], shown_as: str | None = None) -> Any:
    """Read and parse the YAML file at ``path``; every failure raises ``error``."""
    name = shown_as or str(path)
    try:
        text = read_bytes(path, error, name).decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        raise error(name, f"not valid UTF-8 (byte {bad.start})") from None
    return parse(text, name, error)
