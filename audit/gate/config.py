"""The configuration file: ``audit.yaml`` (or ``.audit.yaml``), or ``[tool.audit]`` in
pyproject.toml, found upward from the working directory, or given with ``--config``.

An example with every key::

    packs: [house-rules/]          # extra rule packs, relative to this file
    builtin: true                  # load the shipped packs
    rules:                         # by id, pack prefix or tag; the most specific wins
      fr-en.exonyms: {severity: major}
      fr-en.calques: false
      fr-en.calques.put-in-place: true
    language: en                   # skip detection
    source_language: fr
    gate:
      fail_on: major               # neutral | minor | major | critical | never
      min_quality: 95
      readability:
        flesch_reading_ease: {min: 30}
        flesch_kincaid_grade: {max: 14}
      max_findings: {other/boilerplate: 0, total: 20}
      languages: [en]              # the article must be in one of these
    quality:
      weights: {minor: 1, major: 5, critical: 25}
    readability:
      long_sentence_words: 35
    ignore:
      - paths: ["archive/**"]      # no rules: the files are not audited
      - paths: ["sport/*.txt"]
        rules: [fr-en.exonyms]
    baseline: audit-baseline.json
    confirmed_by_source:           # bilingual files: a finding its source segment confirms
      severity: major              # is at least this severe

It is validated like a rule pack: unknown keys (with a did-you-mean), wrong
types and unknown values are ``ConfigError``s naming ``file:line``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.errors import ConfigError, did_you_mean
from audit.gate.policy import Policy
from audit.mqm import KNOWN_CATEGORIES, SEVERITIES
from audit.rulebook.fields import bool_hint, check_mapping
from audit.rulebook.selection import RuleSetting
from audit.rulebook.yamlsource import Location, YamlMap, read

FILE_NAMES = ("audit.yaml", ".audit.yaml")
TOP_FIELDS: dict[str, Any] = {
    "packs": [str],
    "builtin": bool,
    "rules": dict,
    "language": str,
    "source_language": str,
    "gate": dict,
    "quality": dict,
    "readability": dict,
    "ignore": list,
    "baseline": str,
    "confirmed_by_source": dict,
}
CONFIRMED_FIELDS: dict[str, Any] = {"severity": SEVERITIES}
GATE_FIELDS: dict[str, Any] = {
    "fail_on": (*SEVERITIES, "never"),
    "min_quality": float,
    "readability": dict,
    "max_findings": dict,
    "languages": [str],
}
RULE_FIELDS: dict[str, Any] = {"enabled": bool, "severity": SEVERITIES}
BOUND_FIELDS: dict[str, Any] = {"min": float, "max": float}
IGNORE_FIELDS: dict[str, Any] = {"paths": [str], "rules": [str]}
QUALITY_FIELDS: dict[str, Any] = {"weights": dict}
READABILITY_FIELDS: dict[str, Any] = {
    "formulas": [str],
    "long_sentence_words": int,
    "hot_spots": int,
}


@dataclass(frozen=True)
class Ignore:
    """Files (glob patterns) and the rules not to run on them (all rules when empty)."""

    paths: tuple[str, ...]
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """A validated configuration; every field has the default of an empty file."""

    source: str | None = None
    packs: tuple[Path, ...] = ()
    builtin: bool = True
    rule_settings: tuple[RuleSetting, ...] = ()
    language: str | None = None
    source_language: str | None = None
    policy: Policy = field(default_factory=Policy)
    weights: dict[str, float] = field(default_factory=dict)
    readability: dict[str, Any] = field(default_factory=dict)
    ignores: tuple[Ignore, ...] = ()
    baseline: Path | None = None
    confirmed_severity: str | None = None


def find(start: Path) -> Path | None:
    """The nearest audit.yaml, .audit.yaml, or pyproject.toml with [tool.audit], upward."""
    for directory in (start, *start.parents):
        for name in FILE_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "[tool.audit" in pyproject.read_text(encoding="utf-8"):
            return pyproject
    return None


def load(path: Path) -> Config:
    """Read and validate the configuration file at ``path``."""
    data = _read_toml(path) if path.suffix == ".toml" else read(path, ConfigError)
    if data is None:
        return Config(source=str(path))
    if not isinstance(data, YamlMap):
        raise ConfigError(str(path), "the configuration must be a mapping of settings")
    values = check_mapping(data, TOP_FIELDS, "the configuration", ConfigError)
    base = path.parent
    gate = data.get("gate", YamlMap(location=data.location))
    return Config(
        source=str(path),
        packs=tuple(base / p for p in values.get("packs", ())),
        builtin=values.get("builtin", True),
        rule_settings=_rule_settings(data.get("rules", YamlMap()), str(path)),
        language=values.get("language"),
        source_language=values.get("source_language"),
        policy=_policy(gate),
        weights=_weights(data.get("quality", YamlMap(location=data.location))),
        readability=_readability(data.get("readability", YamlMap(location=data.location))),
        ignores=_ignores(data.get("ignore", []), data),
        baseline=base / values["baseline"] if "baseline" in values else None,
        confirmed_severity=_confirmed_severity(data.get("confirmed_by_source", YamlMap())),
    )


def _confirmed_severity(section: YamlMap) -> str | None:
    values = check_mapping(section, CONFIRMED_FIELDS, "confirmed_by_source", ConfigError)
    return values.get("severity")


def _rule_settings(rules: YamlMap, origin: str) -> tuple[RuleSetting, ...]:
    settings = []
    for selector, value in rules.items():
        place = str(rules.where(selector))
        if isinstance(value, bool):
            settings.append(RuleSetting(str(selector), place, enabled=value))
        elif isinstance(value, YamlMap):
            fields = check_mapping(value, RULE_FIELDS, f"rule '{selector}'", ConfigError)
            settings.append(RuleSetting(str(selector), place, **fields))
        else:
            hint = bool_hint(value)
            raise ConfigError(place, f"'{selector}' must be true, false or a mapping{hint}")
    return tuple(settings)


def _policy(gate: YamlMap) -> Policy:
    values = check_mapping(gate, GATE_FIELDS, "gate", ConfigError)
    bounds = {}
    formulas = _formula_names()
    for name, bound in values.get("readability", {}).items():
        if name not in formulas:
            hint = did_you_mean(str(name), formulas) or f" (known: {', '.join(formulas)})"
            raise ConfigError(
                str(gate["readability"].where_key(name)), f"unknown formula '{name}'{hint}"
            )
        if not isinstance(bound, YamlMap):
            raise ConfigError(str(gate["readability"].where(name)), "give {min: X} or {max: Y}")
        limits = check_mapping(bound, BOUND_FIELDS, f"readability bound '{name}'", ConfigError)
        bounds[str(name)] = (limits.get("min"), limits.get("max"))
    return Policy(
        fail_on=values.get("fail_on", "major"),
        min_quality=values.get("min_quality"),
        readability=bounds,
        max_findings=_max_findings(values.get("max_findings", YamlMap())),
        languages=values.get("languages", ()),
    )


def _formula_names() -> tuple[str, ...]:
    from audit.scores.formulas import FORMULAS

    return tuple(FORMULAS)


def _readability(section: YamlMap) -> dict[str, Any]:
    """The readability meter's settings, checked by building a meter with them."""
    from audit.scores.readability import ReadabilityMeter

    settings = check_mapping(section, READABILITY_FIELDS, "readability", ConfigError)
    try:
        ReadabilityMeter(**settings)
    except ConfigError as bad:
        key = (bad.place or "").rsplit(".", 1)[-1]
        raise ConfigError(str(section.where(key)), bad.problem) from None
    return settings


def _max_findings(limits: YamlMap) -> dict[str, int]:
    known = KNOWN_CATEGORIES | set(SEVERITIES) | {"total"}
    for key, value in limits.items():
        if key not in known:
            hint = did_you_mean(str(key), known) or " (an MQM category, a severity or 'total')"
            raise ConfigError(str(limits.where_key(key)), f"unknown category '{key}'{hint}")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(str(limits.where(key)), f"'{key}' must be a count (0 or more)")
    return dict(limits)


def _weights(quality: YamlMap) -> dict[str, float]:
    values = check_mapping(quality, QUALITY_FIELDS, "quality", ConfigError)
    weights = values.get("weights", YamlMap())
    schema = dict.fromkeys(SEVERITIES, float)
    return check_mapping(weights, schema, "quality weights", ConfigError) if weights else {}


def _ignores(entries: list[Any], data: YamlMap) -> tuple[Ignore, ...]:
    ignores = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, YamlMap):
            raise ConfigError(str(data["ignore"].where(index)), "an ignore entry is a mapping")
        values = check_mapping(entry, IGNORE_FIELDS, "ignore", ConfigError)
        if "paths" not in values:
            raise ConfigError(str(entry.location), "an ignore entry needs 'paths'")
        ignores.append(Ignore(values["paths"], values.get("rules", ())))
    return tuple(ignores)


def _read_toml(path: Path) -> YamlMap | None:
    """``[tool.audit]`` of a pyproject.toml, as located mappings (lines found by key)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    text = path.read_text(encoding="utf-8")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as bad:
        raise ConfigError(str(path), f"invalid TOML: {bad}") from None
    section = document.get("tool", {}).get("audit")
    return None if section is None else _located(section, text.splitlines(), str(path), 0)


def _located(value: Any, lines: list[str], path: str, after: int) -> Any:
    if isinstance(value, list):
        return [_located(item, lines, path, after) for item in value]
    if not isinstance(value, dict):
        return value
    mapping = YamlMap(location=Location(path, after + 1 if after else 0))
    for key, item in value.items():
        line = _line_of(key, lines, after)
        mapping[key] = _located(item, lines, path, line)
        mapping.key_locations[key] = mapping.value_locations[key] = Location(path, line + 1)
    return mapping


def _line_of(key: str, lines: list[str], after: int) -> int:
    for number in range(after, len(lines)):
        stripped = lines[number].strip()
        if stripped.startswith((f"{key} ", f"{key}=", f'"{key}"')) or stripped.endswith(f".{key}]"):
            return number
    return after
