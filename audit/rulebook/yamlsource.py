"""Reading YAML (rule packs, configuration) with the place of every key and value.

Mappings load as ``YamlMap`` and sequences as ``YamlList``: plain ``dict`` and
``list`` that also remember where each key and item stood in the file, so a
validation error can say ``rules/x.yaml:12:5: unknown field 'sugest'``.
Duplicate keys, which PyYAML silently overwrites, are an error here. Only
YAML's safe subset is accepted (``yaml.SafeLoader``, in C when available).
PyYAML is imported on the first parse: a run whose rule packs come from the
cache and that has no configuration file never needs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit.errors import AuditError, read_bytes

if TYPE_CHECKING:
    import yaml


@dataclass(frozen=True)
class Location:
    """A place in a file: 1-based line and column (column 0 when unknown)."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return (
            f"{self.path}:{self.line}:{self.column}" if self.column else f"{self.path}:{self.line}"
        )


class YamlMap(dict):  # type: ignore[type-arg]
    """A mapping that knows where it, its keys and its values stand in the file."""

    def __init__(self, *args: Any, location: Location = Location("<none>"), **kwargs: Any) -> None:
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

    def __init__(self, items: Any = (), location: Location = Location("<none>")) -> None:
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


@cache
def _loader_class() -> type:
    """PyYAML's safe loader (the C one when built) building located mappings and lists."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = type("LocatingLoader", (base,), {"source_name": "<string>"})
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
        raise error(str(place), f"invalid YAML: {bad.problem or bad.context}") from None
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
