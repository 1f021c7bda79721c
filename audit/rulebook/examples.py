"""A rule's examples: the texts it must flag and those it must pass, its tests.

An example is a string (a text in the target language), or, for the
bilingual kinds, a mapping of ``source`` and ``target``: one segment pair,
or two lists of the same length for a file of several segments::

    examples:
      flag:
        - {source: "Le budget augmente de 7,5 %.", target: "The budget rises by 5.7%."}
        - source: ["Le Premier ministre.", "Le Premier ministre."]
          target: ["The Prime Minister.", "The First Minister."]
      pass: ["A plain string is a target text with no source."]

A pair example is a ``BilingualExample``: a string (its targets, one per
line, which is what a monolingual reader of it sees) that also holds its
sources and targets.
"""

from __future__ import annotations

from typing import Any

from audit.errors import RulebookError, did_you_mean
from audit.rulebook import fields
from audit.rulebook.yamlsource import Location, YamlList, YamlMap

KEYS = ("flag", "pass")
PAIR_FIELDS: dict[str, Any] = {"source": [str], "target": [str]}


class BilingualExample(str):
    """Segment pairs to check as one bilingual file; its string value is its targets."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]

    def __new__(cls, sources: tuple[str, ...], targets: tuple[str, ...]) -> BilingualExample:
        example = super().__new__(cls, "\n".join(targets))
        example.sources = sources
        example.targets = targets
        return example

    def __reduce__(self) -> tuple[type[BilingualExample], tuple[tuple[str, ...], tuple[str, ...]]]:
        return (type(self), (self.sources, self.targets))

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return list(zip(self.sources, self.targets, strict=True))


def describe(example: str) -> str:
    """An example as a person reads it: ``source => target`` for each pair."""
    if isinstance(example, BilingualExample):
        return " | ".join(f"{source!r} => {target!r}" for source, target in example.pairs)
    return example


def read(spec: YamlMap) -> dict[str, tuple[str, ...]]:
    """The ``flag`` and ``pass`` examples of a rule's ``examples`` field."""
    raw = spec.get("examples") or YamlMap()
    if not isinstance(raw, YamlMap):
        return {"flag": (), "pass": ()}
    for key in raw:
        if key not in KEYS:
            hint = did_you_mean(str(key), KEYS) or f" for examples (known: {', '.join(KEYS)})"
            raise RulebookError(str(raw.where_key(key)), f"unknown field '{key}'{hint}")
    return {key: _examples(raw, key) for key in KEYS}


def _examples(raw: YamlMap, key: str) -> tuple[str, ...]:
    if key not in raw:
        return ()
    value = raw[key]
    items = [value] if isinstance(value, (str, YamlMap)) else value
    if not isinstance(items, list):
        raise RulebookError(
            str(raw.where(key)), f"'{key}' must be a string or a list of strings (or pairs)"
        )
    places = [_where(items, index, raw.where(key)) for index in range(len(items))]
    return tuple(_example(item, place, key) for item, place in zip(items, places, strict=True))


def _where(items: list[Any], index: int, fallback: Location) -> Location:
    return items.where(index) if isinstance(items, YamlList) else fallback


def _example(item: Any, place: Location, key: str) -> str:
    if isinstance(item, str):
        return item
    if not isinstance(item, YamlMap):
        raise RulebookError(
            str(place), f"a '{key}' example is a string or a mapping of source and target"
        )
    values = fields.check_mapping(item, PAIR_FIELDS, "a bilingual example", RulebookError)
    fields.require(item, PAIR_FIELDS, RulebookError)
    sources, targets = values["source"], values["target"]
    if len(sources) != len(targets):
        raise RulebookError(
            str(item.location),
            f"{len(sources)} source segments but {len(targets)} target segments",
        )
    return BilingualExample(sources, targets)
