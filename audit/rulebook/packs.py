"""Loading rule packs: validate every rule, compile it once, freeze it.

A pack is a YAML file::

    pack: fr-en.false-friends        # rule ids become fr-en.false-friends.<id>
    description: ...
    extends: fr-en.calques           # optional: a shipped pack id, or a path
    defaults: {severity: major, ...} # fields every rule of the pack starts from
    rules:
      - id: conspire
        kind: pattern
        ...

Validation runs in a fixed order, reported as ``file:line:column:
problem``: YAML syntax, the pack's own keys, the rule's ``id`` and
``kind``, unknown fields (with a did-you-mean), field types, required
fields, severity and category, message placeholders, examples, then the
kind's ``compile`` (bad regex ...). A rule's first failing step stops that
rule, not the pack: every rule is validated and every problem of the file
is reported at once (``audit.errors.ErrorList``, up to its limit). Each rule
is then a frozen ``Rule`` holding its compiled check.

A pack that ``extends`` another takes all of its rules; a rule listed in
the child with the full id of a base rule changes only the fields it gives
(``{id: fr-en.calques.put-in-place, enabled: false}``). When both are
loaded, the child replaces the base.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from audit.errors import AuditError, RulebookError, did_you_mean, raise_all
from audit.mqm import KNOWN_CATEGORIES, SEVERITIES
from audit.rulebook import examples, fields
from audit.rulebook.fields import File
from audit.rulebook.kind import (
    COMMON_PLACEHOLDERS,
    Check,
    FieldError,
    Kinds,
    compiling,
    lookup,
    placeholder_problem,
)
from audit.rulebook.yamlsource import Location, YamlMap, read

PACK_FIELDS: dict[str, Any] = {
    "pack": str,
    "description": str,
    "extends": str,
    "defaults": dict,
    "rules": list,
}
COMMON_FIELDS: dict[str, Any] = {
    "id": str,
    "kind": str,
    "message": str,
    "severity": SEVERITIES,
    "category": str,
    "languages": [str],
    "source": [str],
    "suggest": [str],
    "link": str,
    "description": str,
    "tags": [str],
    "enabled": bool,
    "skip_quotes": bool,
    "examples": dict,
}
REQUIRED = ("id", "kind", "message", "severity", "category")
COMMON_DEFAULTS: dict[str, Any] = {
    "languages": (),
    "source": (),
    "suggest": (),
    "link": None,
    "description": None,
    "tags": (),
    "enabled": True,
    "skip_quotes": True,
    "examples": {},
}
_ID_RE = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")


@dataclass(frozen=True)
class Rule:
    """A validated, compiled rule. ``options`` are its kind's fields."""

    id: str
    kind: str
    message: str
    severity: str
    category: str
    languages: tuple[str, ...]
    source: tuple[str, ...]
    suggest: tuple[str, ...]
    link: str | None
    description: str | None
    tags: tuple[str, ...]
    enabled: bool
    skip_quotes: bool
    examples: Mapping[str, tuple[str, ...]]
    options: Mapping[str, Any]
    location: Location
    check: Check = field(repr=False, compare=False)
    spec: YamlMap = field(repr=False, compare=False, default_factory=YamlMap)
    data_files: tuple[str, ...] = field(default=(), compare=False)
    """The data files (``File`` fields) the rule was compiled from."""


@dataclass(frozen=True)
class Pack:
    id: str
    description: str | None
    path: str
    extends: str | None
    rules: tuple[Rule, ...]
    sources: tuple[str, ...] = ()
    """The pack file and the files of the packs it extends."""


def source_files(packs: Iterable[Pack]) -> set[str]:
    """Every file the packs were built from: pack files, the packs they extend, data files."""
    files = {source for pack in packs for source in pack.sources}
    files.update(name for pack in packs for rule in pack.rules for name in rule.data_files)
    return files


def shipped_rules_dir() -> Path:
    """The shipped packs: inside the installed package, or beside it in a source tree."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "rules"
    return installed if installed.is_dir() else package.parent / "rules"


def _is_shipped(path: Path) -> bool:
    return shipped_rules_dir().resolve() in path.resolve().parents


def pack_files(path: Path) -> list[Path]:
    """The YAML files of a pack path: the file itself, or a directory's, recursively, sorted."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    if not path.exists():
        raise RulebookError(str(path), "no such file or directory")
    return [path]


def load_pack(path: Path, kinds: Kinds) -> Pack:
    """Load and compile the pack in the file ``path``, with the packs it extends, its rules
    compiled by the rule kinds of ``kinds``."""
    return _load_pack(path, (), kinds)


def load_packs(
    paths: Iterable[Path], load: Callable[[Path], Pack], builtin: bool = True
) -> list[Pack]:
    """Load the shipped packs (when ``builtin``) and the packs at ``paths``, each file with
    ``load`` (``audit.engine.packs`` passes one that reads compiled packs from its cache)."""
    files = [*(pack_files(shipped_rules_dir()) if builtin else []), *_user_files(paths)]
    packs = [load(path) for path in files]
    replaced = {pack.extends for pack in packs if pack.extends}
    kept = [pack for pack in packs if pack.id not in replaced]
    _check_unique_ids(kept)
    return kept


def _user_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        found = pack_files(path)
        if not found:
            raise RulebookError(str(path), "no .yaml or .yml rule pack in this directory")
        yield from found


def _check_unique_ids(packs: list[Pack]) -> None:
    seen: dict[str, Rule] = {}
    for rule in (rule for pack in packs for rule in pack.rules):
        if rule.id in seen:
            raise RulebookError(
                str(rule.location),
                f"duplicate rule id '{rule.id}' (first at {seen[rule.id].location})",
            )
        seen[rule.id] = rule


@cache
def _shipped_packs() -> dict[str, Path]:
    index = {}
    for path in pack_files(shipped_rules_dir()):
        data = read(path, RulebookError)
        if isinstance(data, dict) and isinstance(data.get("pack"), str):
            index[data["pack"]] = path
    return index


def _resolve_extends(name: str, child: Path, location: Location) -> Path:
    if "/" in name or name.endswith((".yaml", ".yml")):
        return (child.parent / name).resolve()
    shipped = _shipped_packs()
    if name not in shipped:
        raise RulebookError(
            str(location), f"extends unknown pack '{name}'{did_you_mean(name, shipped)}"
        )
    return shipped[name]


def _load_pack(path: Path, chain: tuple[Path, ...], kinds: Kinds) -> Pack:
    if path.resolve() in chain:
        raise RulebookError(str(path), "extends itself (a cycle of 'extends')")
    data = read(path, RulebookError)
    if not isinstance(data, YamlMap):
        raise RulebookError(str(path), "a rule pack must be a mapping with a 'rules' list")
    fields.check_mapping(data, PACK_FIELDS, "pack", RulebookError)
    pack_id = data.get("pack", path.stem)
    _check_id(pack_id, data.where("pack"), "pack id")
    base_pack = _base_pack(data, path, chain, kinds)
    base = {rule.id: rule for rule in base_pack.rules} if base_pack else {}
    defaults = data.get("defaults", YamlMap())
    rules = dict(base)
    own: dict[str, Location] = {}
    problems: list[AuditError] = []
    with compiling(shipped=_is_shipped(path)):
        for index, raw in enumerate(data.get("rules", [])):
            location = data["rules"].where(index)
            try:
                spec = _rule_spec(raw, location, pack_id, base, defaults)
                if spec["id"] in own:
                    raise RulebookError(
                        str(location),
                        f"duplicate rule id '{spec['id']}' (first at {own[spec['id']]})",
                    )
                own[spec["id"]] = location
                rules[spec["id"]] = compile_rule(spec, kinds)
            except AuditError as bad:
                problems.append(bad)
    raise_all(problems)
    extends = base_pack.id if base_pack else None
    sources = (str(path), *(base_pack.sources if base_pack else ()))
    return Pack(
        pack_id, data.get("description"), str(path), extends, tuple(rules.values()), sources
    )


def _base_pack(data: YamlMap, path: Path, chain: tuple[Path, ...], kinds: Kinds) -> Pack | None:
    if "extends" not in data:
        return None
    base_path = _resolve_extends(data["extends"], path, data.where("extends"))
    return _load_pack(base_path, (*chain, path.resolve()), kinds)


def _rule_spec(
    raw: Any, location: Location, pack_id: str, base: dict[str, Rule], defaults: YamlMap
) -> YamlMap:
    """The rule's fields with the pack's defaults, or the base rule's, filled in."""
    if not isinstance(raw, YamlMap):
        raise RulebookError(str(location), "a rule must be a mapping of fields")
    if "id" not in raw:
        raise RulebookError(str(location), "missing required field 'id'")
    rule_id = raw["id"]
    _check_id(rule_id, raw.where("id"), "rule id")
    if rule_id in base:
        return fields.merged(base[rule_id].spec, raw, {"id": rule_id})
    return fields.merged(defaults, raw, {"id": f"{pack_id}.{rule_id}"})


def _check_id(value: Any, location: Location, what: str) -> None:
    if isinstance(value, bool):
        raise RulebookError(
            str(location), f"{what} reads as {str(value).lower()} in YAML: put it in quotes"
        )
    if not isinstance(value, str) or not _ID_RE.fullmatch(value):
        raise RulebookError(
            str(location),
            f"{what} {value!r} must be lower-case letters, digits, '-' and '.'"
            " (like 'fr-en.calques')",
        )


def compile_rule(spec: YamlMap, kinds: Kinds) -> Rule:
    """Validate one rule's fields (pack defaults already filled in) and compile it."""
    kind_name = spec.get("kind")
    if kind_name is None:
        raise RulebookError(str(spec.location), "missing required field 'kind'")
    if not isinstance(kind_name, str):
        raise RulebookError(str(spec.where("kind")), "'kind' must be a string")
    kind = lookup(kinds, kind_name, str(spec.where("kind")))
    schema = {**COMMON_FIELDS, **kind.FIELDS}
    values = fields.check_mapping(spec, schema, f"{kind_name} rule", RulebookError)
    fields.require(spec, (*REQUIRED, *kind.REQUIRED), RulebookError)
    _check_category(spec)
    _check_message(spec, spec["message"], COMMON_PLACEHOLDERS | kind.PLACEHOLDERS)
    common = {**COMMON_DEFAULTS, **{k: v for k, v in values.items() if k in COMMON_FIELDS}}
    options = {**kind.DEFAULTS, **{k: v for k, v in values.items() if k in kind.FIELDS}}
    data_files = _data_files(kind.FIELDS, {**kind.DEFAULTS, **values}, spec)
    options.update(data_files)
    try:
        check = kind.compile(options)
    except FieldError as bad:
        raise RulebookError(str(fields.where(spec, bad.path)), bad.problem) from None
    common["examples"] = examples.read(spec)
    return Rule(
        **common,
        options=options,
        location=spec.location,
        check=check,
        spec=spec,
        data_files=tuple(data_files.values()),
    )


def _data_files(schema: dict[str, Any], values: dict[str, Any], spec: YamlMap) -> dict[str, str]:
    """``File`` fields (given, or a kind's default) as absolute paths: relative to the pack
    file that gives them, or else to the shipped rules directory (so any pack can name a
    shipped data file)."""
    resolved = {}
    for key, value in values.items():
        if schema.get(key) is not File or value is None:
            continue
        path = Path(value).expanduser()
        if not path.is_absolute():
            beside = Path(spec.where(key).path).parent / path
            path = beside if beside.exists() else shipped_rules_dir() / path
        resolved[key] = str(path)
    return resolved


def _check_category(spec: YamlMap) -> None:
    category = spec["category"]
    if category not in KNOWN_CATEGORIES:
        raise RulebookError(
            str(spec.where("category")),
            f"unknown category '{category}'{did_you_mean(category, KNOWN_CATEGORIES)}"
            " (an MQM category such as accuracy/mistranslation, fluency/punctuation, style)",
        )


def _check_message(spec: YamlMap, message: str, allowed: frozenset[str]) -> None:
    problem = placeholder_problem(message, allowed)
    if problem:
        raise RulebookError(str(spec.where("message")), problem)
