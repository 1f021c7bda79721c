"""The ``audit`` command: typer commands that call the library and pick a report writer.

Exit codes live in ``ExitCode``: 0 every article passed, 1 the gate failed
(or a rule test failed), 2 a usage, input or configuration error. Errors the
user can cause are printed as one line, ``error: PLACE: problem``; only
``main`` turns them into an exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer

from audit import __version__, checks, ruletest
from audit.auditor import Auditor
from audit.errors import AuditError, UsageError, did_you_mean
from audit.gate import Policy
from audit.ingest import DEFAULT_GLOBS, check_encoding, read_jsonl, read_paths
from audit.mqm import SEVERITIES
from audit.output import open_output
from audit.reports import FORMATS, ReportContext, Summary
from audit.rulebook import Rule, load_packs


class ExitCode(IntEnum):
    PASSED = 0
    GATE_FAILED = 1
    USAGE = 2


FAIL_ON_CHOICES = (*SEVERITIES, "never")
COLOR_CHOICES = ("auto", "always", "never")


def _choice(option: str, value: str, choices: Iterable[str]) -> str:
    """``value`` when it is one of ``choices``; otherwise a UsageError naming ``option``."""
    allowed = tuple(choices)
    if value not in allowed:
        hint = did_you_mean(value, allowed) or f" (choose from: {', '.join(allowed)})"
        raise UsageError(option, f"unknown value '{value}'{hint}")
    return value


app = typer.Typer(
    help="Audit machine-translated news articles before publication.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(help="List, show, validate and test rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

RulesOption = Annotated[
    list[Path] | None,
    typer.Option("--rules", "-r", help="A rule pack file or directory (repeatable)."),
]
NoBuiltinOption = Annotated[
    bool, typer.Option("--no-builtin", help="Do not load the shipped rule packs.")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"translation-audit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Audit machine-translated news articles before publication."""


@app.command()
def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, directories, or - for stdin.")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=f"Report format: {', '.join(FORMATS)}.")
    ] = "text",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file (atomically)."),
    ] = None,
    rules: RulesOption = None,
    no_builtin: NoBuiltinOption = False,
    enable: Annotated[
        list[str] | None, typer.Option("--enable", help="Enable a rule, pack or tag.")
    ] = None,
    disable: Annotated[
        list[str] | None, typer.Option("--disable", help="Disable a rule, pack or tag.")
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            help="Fail an article with a finding of this severity or worse: "
            + ", ".join(FAIL_ON_CHOICES),
        ),
    ] = "major",
    language: Annotated[
        str | None, typer.Option("--language", help="The articles' language (skips detection).")
    ] = None,
    source_language: Annotated[
        str | None,
        typer.Option(
            "--source-language",
            help="The language the articles were translated from ('en' for original English).",
        ),
    ] = None,
    jsonl: Annotated[
        Path | None,
        typer.Option(
            "--jsonl",
            help="Read articles from a JSON Lines file (fields id, text, source_language).",
        ),
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob", help="File name pattern for directories (repeatable; default *.txt, *.md)."
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="Decode files with this encoding instead of UTF-8."),
    ] = None,
    color: Annotated[
        str, typer.Option("--color", help="Colour in the text report: auto, always, never.")
    ] = "auto",
) -> ExitCode:
    """Audit articles and report findings, scores and a pass/fail verdict per article."""
    if not paths and jsonl is None:
        raise UsageError("check", "give at least one file, directory, '-' or --jsonl FILE")
    writer_module = FORMATS[_choice("--format", output_format, FORMATS)]
    policy = Policy(fail_on=_choice("--fail-on", fail_on, FAIL_ON_CHOICES))
    use_color = _use_color(_choice("--color", color, COLOR_CHOICES), output)
    check_encoding(encoding)
    auditor = Auditor.from_rules(
        rules or (),
        builtin=not no_builtin,
        enable=enable or (),
        disable=disable or (),
        policy=policy,
        language=language,
        source_language=source_language,
    )
    articles = read_paths(paths or (), glob or DEFAULT_GLOBS, encoding)
    if jsonl is not None:
        articles = _chain(articles, read_jsonl(jsonl, encoding))
    writer = writer_module.writer(ReportContext(rules=auditor.rules, color=use_color))
    summary = Summary()
    with open_output(output) as out:
        for article in articles:
            result = auditor.check_article(article)
            summary.add(result)
            out.write(writer.article(result))
        out.write(writer.finish(summary))
    return ExitCode.PASSED if summary.failed == 0 else ExitCode.GATE_FAILED


def _chain(*iterables):  # type: ignore[no-untyped-def]
    for iterable in iterables:
        yield from iterable


def _use_color(mode: str, output: Path | None) -> bool:
    if mode != "auto":
        return mode == "always"
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


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
        typer.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
            + "  "
            + row[3]
        )
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
        ("enabled", str(rule.enabled).lower()),
        ("message", rule.message), ("languages", ", ".join(rule.languages) or "any"),
        ("source", ", ".join(rule.source) or "any"), ("suggest", " | ".join(rule.suggest) or "-"),
        ("link", rule.link or "-"), ("description", rule.description or "-"),
    ]  # fmt: skip
    for name, value in fields:
        typer.echo(f"{name + ':':13}{value}")
    for expected in ("flag", "pass"):
        for example in rule.examples[expected]:
            typer.echo(f"{expected + ':':13}{example}")
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
def rules_validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Rule packs (default: the shipped ones).")
    ] = None,
) -> ExitCode:
    """Load and validate rule packs; report the first problem with its file:line."""
    packs = load_packs(paths or (), builtin=not paths)
    count = sum(len(pack.rules) for pack in packs)
    typer.echo(f"ok: {count} rules in {len(packs)} packs")
    return ExitCode.PASSED


@rules_app.command("test")
def rules_test(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Rule packs (default: the shipped ones).")
    ] = None,
) -> ExitCode:
    """Run every rule's examples: flag examples must flag, pass examples must not."""
    rules = [rule for pack in load_packs(paths or (), builtin=not paths) for rule in pack.rules]
    count, failures = ruletest.run(rules)
    for failure in failures:
        typer.echo(str(failure))
    status = "FAILED" if failures else "ok"
    typer.echo(f"{status}: {len(rules)} rules, {count} examples, {len(failures)} failures")
    return ExitCode.GATE_FAILED if failures else ExitCode.PASSED


# typer raises click's exception types, which newer typer releases vendor: find the
# base class through typer's public BadParameter, whichever click it comes from.
CommandLineError = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; the only place that turns errors into exit codes."""
    try:
        code = app(args=argv, prog_name="audit", standalone_mode=False)
    except AuditError as error:
        typer.echo(f"error: {error}", err=True)
        return ExitCode.USAGE
    except CommandLineError as error:
        message = error.format_message()
        if type(error).__name__ == "NoArgsIsHelpError":
            typer.echo(message, err=True)
        else:
            typer.echo(f"error: {_one_line(message)}", err=True)
        return ExitCode.USAGE
    except typer.Abort:
        typer.echo("error: interrupted", err=True)
        return ExitCode.USAGE
    return int(code or 0)


def _one_line(message: str) -> str:
    return " ".join(message.split())


if __name__ == "__main__":
    sys.exit(main())
