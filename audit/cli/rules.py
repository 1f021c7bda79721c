"""The ``audit rules`` commands: list, show, kinds, validate, test.

Every command's exit status is an ``audit.cli.exits.ExitCode``; the packs
are chosen with the options of ``audit.cli.options``, as in ``audit check``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from audit import checks
from audit.cli.exits import ExitCode
from audit.cli.options import NoBuiltinOption, PackPaths, RulesOption
from audit.engine import ruletest
from audit.engine.packs import load_packs
from audit.errors import UsageError, did_you_mean
from audit.rulebook.examples import describe
from audit.rulebook.packs import Rule

rules_app = typer.Typer(help="List, show, validate and test rules.", no_args_is_help=True)


def _rules(paths: list[Path] | None, no_builtin: bool) -> list[Rule]:
    return [rule for pack in load_packs(paths or (), builtin=not no_builtin) for rule in pack.rules]


@rules_app.command("list")
def rules_list(rules: RulesOption = None, no_builtin: NoBuiltinOption = False) -> ExitCode:
    """List every rule: id, kind, severity, category (disabled rules are marked)."""
    loaded = _rules(rules, no_builtin)
    rows = [("ID", "KIND", "SEVERITY", "CATEGORY")]
    rows += [
        (r.id + ("" if r.enabled else " (off)"), r.kind, r.severity, r.category) for r in loaded
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        typer.echo("  ".join([*cells, row[3]]))
    typer.echo(f"{len(loaded)} rules")
    return ExitCode.PASSED


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="A rule id.")],
    rules: RulesOption = None,
    no_builtin: NoBuiltinOption = False,
) -> ExitCode:
    """Show one rule: its fields, examples and the documentation of its kind."""
    loaded = {rule.id: rule for rule in _rules(rules, no_builtin)}
    if rule_id not in loaded:
        raise UsageError(rule_id, f"no such rule{did_you_mean(rule_id, loaded)}")
    rule = loaded[rule_id]
    fields = [
        ("id", rule.id), ("kind", rule.kind), ("defined at", str(rule.location)),
        ("severity", rule.severity), ("category", rule.category),
        ("enabled", str(rule.enabled).lower()), ("message", rule.message),
        ("languages", ", ".join(rule.languages) or "any"),
        ("source", ", ".join(rule.source) or "any"),
        ("suggest", " | ".join(rule.suggest) or "-"),
        ("link", rule.link or "-"), ("description", rule.description or "-"),
    ]  # fmt: skip
    fields += [
        (name, describe(example)) for name in ("flag", "pass") for example in rule.examples[name]
    ]
    for name, value in fields:
        typer.echo(f"{name + ':':13}{value}")
    typer.echo(f"\nKind '{rule.kind}':\n{checks.KINDS[rule.kind].__doc__}")
    return ExitCode.PASSED


@rules_app.command("kinds")
def rules_kinds(
    kind: Annotated[str | None, typer.Argument(help="Show this kind's documentation.")] = None,
) -> ExitCode:
    """List the rule kinds, or document one."""
    if kind is not None:
        typer.echo(checks.get(kind, kind).__doc__)
        return ExitCode.PASSED
    for name, module in sorted(checks.KINDS.items()):
        typer.echo(f"{name:16}{(module.__doc__ or '').strip().splitlines()[0]}")
    return ExitCode.PASSED


@rules_app.command("validate")
def rules_validate(paths: PackPaths = None) -> ExitCode:
    """Load and validate rule packs; report every problem with its file:line:column."""
    packs = load_packs(paths or (), builtin=not paths)
    count = sum(len(pack.rules) for pack in packs)
    typer.echo(f"ok: {count} rules in {len(packs)} packs")
    return ExitCode.PASSED


@rules_app.command("test")
def rules_test(paths: PackPaths = None) -> ExitCode:
    """Run every rule's examples: flag examples must flag, pass examples must not."""
    rules = _rules(paths, no_builtin=bool(paths))
    count, failures = ruletest.run(rules)
    for failure in failures:
        typer.echo(str(failure))
    status = "FAILED" if failures else "ok"
    typer.echo(f"{status}: {len(rules)} rules, {count} examples, {len(failures)} failures")
    return ExitCode.GATE_FAILED if failures else ExitCode.PASSED
