"""Turning rules on and off, and changing their severity, by id, pack prefix or tag.

A selector matches a rule when it is the rule's id, a dotted prefix of it
(``fr-en.false-friends`` matches ``fr-en.false-friends.conspire``) or one of
its tags. When several settings match one rule, the most specific selector
wins: a longer id prefix beats a shorter one, and any id beats a tag; on a
tie, the later setting wins (the command line comes after the config file,
``--disable`` after ``--enable``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from audit.errors import UsageError, did_you_mean
from audit.rulebook.packs import Rule


@dataclass(frozen=True)
class RuleSetting:
    """One change asked for: ``selector`` -> enabled and/or severity; ``origin`` names it."""

    selector: str
    origin: str
    enabled: bool | None = None
    severity: str | None = None


def names(selector: str, rule_id: str) -> bool:
    """Whether ``selector`` is ``rule_id`` or one of its dotted prefixes (its pack)."""
    return rule_id == selector or rule_id.startswith(selector + ".")


def specificity(selector: str, rule: Rule) -> int | None:
    """How specifically ``selector`` names ``rule`` (None: not at all; 0: by tag)."""
    if names(selector, rule.id):
        return selector.count(".") + 1
    return 0 if selector in rule.tags else None


def from_options(enable: Iterable[str], disable: Iterable[str]) -> list[RuleSetting]:
    """The settings of ``--enable`` and ``--disable`` options, in that order."""
    return [RuleSetting(s, "--enable", enabled=True) for s in enable] + [
        RuleSetting(s, "--disable", enabled=False) for s in disable
    ]


def apply(rules: Sequence[Rule], settings: Sequence[RuleSetting]) -> list[Rule]:
    """``rules`` with each attribute set by the most specific matching setting."""
    _check_selectors(settings, rules)
    return [_decide(rule, settings) for rule in rules]


def _check_selectors(settings: Sequence[RuleSetting], rules: Sequence[Rule]) -> None:
    names = {rule.id for rule in rules} | {tag for rule in rules for tag in rule.tags}
    for setting in settings:
        if not any(specificity(setting.selector, rule) is not None for rule in rules):
            hint = did_you_mean(setting.selector, names)
            raise UsageError(
                setting.origin, f"no rule, pack or tag matches '{setting.selector}'{hint}"
            )


def _decide(rule: Rule, settings: Sequence[RuleSetting]) -> Rule:
    changes = {}
    for attribute in ("enabled", "severity"):
        ranked = [
            (specificity(s.selector, rule), order, getattr(s, attribute))
            for order, s in enumerate(settings)
            if getattr(s, attribute) is not None
        ]
        matching = [vote for vote in ranked if vote[0] is not None]
        if matching:
            changes[attribute] = max(matching)[2]
    return replace(rule, **changes) if changes else rule
