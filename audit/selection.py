"""Turning rules on and off by id, pack prefix or tag.

A selector matches a rule when it is the rule's id, a dotted prefix of it
(``fr-en.false-friends`` matches ``fr-en.false-friends.conspire``) or one of
its tags. When several selectors match one rule, the most specific wins:
a longer id prefix beats a shorter one, and any id beats a tag; on a tie,
disabling wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from audit.errors import UsageError, did_you_mean
from audit.rulebook import Rule


def specificity(selector: str, rule: Rule) -> int | None:
    """How specifically ``selector`` names ``rule`` (None: not at all; 0: by tag)."""
    if rule.id == selector or rule.id.startswith(selector + "."):
        return selector.count(".") + 1
    return 0 if selector in rule.tags else None


def check_selectors(selectors: Iterable[str], rules: Sequence[Rule], option: str) -> None:
    names = {rule.id for rule in rules} | {tag for rule in rules for tag in rule.tags}
    for selector in selectors:
        if not any(specificity(selector, rule) is not None for rule in rules):
            raise UsageError(
                option, f"no rule, pack or tag matches '{selector}'{did_you_mean(selector, names)}"
            )


def select(rules: Sequence[Rule], enable: Sequence[str], disable: Sequence[str]) -> list[Rule]:
    """``rules`` with ``enabled`` set by the most specific matching selector."""
    check_selectors(enable, rules, "--enable")
    check_selectors(disable, rules, "--disable")
    return [_decide(rule, enable, disable) for rule in rules]


def _decide(rule: Rule, enable: Sequence[str], disable: Sequence[str]) -> Rule:
    votes = [(specificity(s, rule), 0, True) for s in enable]
    votes += [(specificity(s, rule), 1, False) for s in disable]
    matching = [vote for vote in votes if vote[0] is not None]
    if not matching:
        return rule
    _, _, enabled = max(matching)
    return rule if enabled == rule.enabled else replace(rule, enabled=enabled)
