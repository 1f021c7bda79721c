"""Checking the fields of a YAML mapping against a small type schema.

A schema maps each allowed key to its type: ``str``, ``bool``, ``int``,
``float``, ``dict``, ``list``, ``Regex`` or ``File`` (a string), ``[str]`` (a string or a
list of strings, returned as a tuple) or a tuple of allowed values. Unknown
keys are errors with a did-you-mean hint, as in yamllint and Vale. Rule
packs and the configuration file share this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from audit.errors import AuditError, did_you_mean, raise_all
from audit.rulebook.yamlsource import Location, YamlMap


class Regex(str):
    """Field type: a string that must compile as a regular expression."""


class File(str):
    """Field type: a path to a data file, relative to the pack file that gives it."""


_TYPE_NAMES = {str: "a string", bool: "true or false", int: "an integer", float: "a number"}
_TYPE_NAMES.update({dict: "a mapping", list: "a list"})
YAML_11_BOOLEANS = {"yes": "true", "on": "true", "no": "false", "off": "false"}


def check_mapping(
    mapping: YamlMap, schema: dict[str, Any], what: str, error: type[AuditError]
) -> dict[str, Any]:
    """Check every key and value of ``mapping``; return the values, normalised. Every
    problem is raised at once (``audit.errors.raise_all``)."""
    values = {}
    problems: list[AuditError] = []
    for key, value in mapping.items():
        if key not in schema:
            hint = did_you_mean(str(key), schema) or f" for {what} (known: {', '.join(schema)})"
            problems.append(error(str(mapping.where_key(key)), f"unknown field '{key}'{hint}"))
            continue
        try:
            values[key] = _checked(key, value, schema[key], mapping.where(key), error)
        except AuditError as bad:
            problems.append(bad)
    raise_all(problems)
    return values


def _checked(key: str, value: Any, expected: Any, place: Location, error: type[AuditError]) -> Any:
    if isinstance(expected, tuple):
        if value not in expected:
            choices = ", ".join(map(str, expected))
            hint = did_you_mean(str(value), map(str, expected))
            raise error(str(place), f"'{key}' must be one of: {choices}; got {value!r}{hint}")
        return value
    if isinstance(expected, list):
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise error(str(place), f"'{key}' must be a string or a list of strings")
        return tuple(items)
    if not _is_instance(value, expected):
        name = _TYPE_NAMES.get(expected, "a string")
        raise error(str(place), f"'{key}' must be {name}, not {_describe(value)}{bool_hint(value)}")
    return value


def bool_hint(value: Any) -> str:
    """For ``yes``/``no``/``on``/``off`` given as a boolean: what to write instead."""
    if not isinstance(value, str) or value.lower() not in YAML_11_BOOLEANS:
        return ""
    return (
        f" (YAML 1.1 read '{value}' as a boolean; here only true and false are: "
        f"write {YAML_11_BOOLEANS[value.lower()]})"
    )


def _is_instance(value: Any, expected: type) -> bool:
    if expected in (Regex, File):
        return isinstance(value, str)
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    return {dict: "a mapping", list: "a list", bool: f"{value}".lower()}.get(
        type(value), repr(value)
    )


def require(mapping: YamlMap, keys: Iterable[str], error: type[AuditError]) -> None:
    for key in keys:
        if key not in mapping:
            raise error(str(mapping.location), f"missing required field '{key}'")


def merged(base: YamlMap, override: YamlMap, extra: dict[str, Any]) -> YamlMap:
    """``base`` updated by ``override`` and ``extra``, each value keeping its own place."""
    result = YamlMap(location=override.location)
    for source in (base, override):
        for key, value in source.items():
            result[key] = value
            result.key_locations[key] = source.where_key(key)
            result.value_locations[key] = source.where(key)
    for key, value in extra.items():
        result[key] = value
        result.value_locations.setdefault(key, override.location)
    return result


def where(mapping: YamlMap, path: tuple[str, ...]) -> Location:
    """The place of a nested field: the value of ``path[0]``, the key of a deeper one."""
    place, node = mapping.location, mapping
    for depth, key in enumerate(path):
        if not isinstance(node, YamlMap) or key not in node:
            break
        place = node.where(key) if depth == 0 else node.where_key(key)
        node = node[key]
    return place
