"""The ``audit`` command: ``audit check``, which calls the library and picks a report
writer, and the ``audit rules`` group of ``audit.cli.rules``.

Exit codes live in ``ExitCode``: 0 every article passed, 1 the gate failed
(or a rule test failed), 2 a usage, input or configuration error. Errors the
user can cause are printed as one line, ``error: PLACE: problem``; only
``main`` turns them into an exit code.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated, TextIO

import typer

from audit.auditor import ArticleResult, Auditor
from audit.cli.compare import compare as compare_command
from audit.cli.optional import add_optional_command
from audit.cli.output import open_output
from audit.cli.progress import progress
from audit.cli.rules import ExitCode, NoBuiltinOption, RulesOption, option, rules_app
from audit.cli.runner import audit_all, default_jobs
from audit.errors import AuditError, UsageError, did_you_mean
from audit.gate import baseline, config
from audit.mqm import SEVERITIES
from audit.reports import FORMATS, ReportContext, Summary, Writer, load
from audit.rulebook.selection import from_options
from audit.text.bilingual.formats import INPUT_FORMATS
from audit.text.bilingual.formats import globs as bilingual_globs
from audit.text.ingest import (
    DEFAULT_GLOBS,
    Article,
    check_encoding,
    read_jsonl,
    read_paths,
    with_references,
)
from audit.version import __version__

FAIL_ON_CHOICES = (*SEVERITIES, "never")
COLOR_CHOICES = ("auto", "always", "never")

app = typer.Typer(
    help="Audit machine-translated news articles before publication.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(rules_app, name="rules")
app.command("compare")(compare_command)


Paths = Annotated[
    list[str] | None,
    typer.Argument(metavar="PATH", help="Files, directories, or - for stdin."),
]
Text = str | None
Selectors = list[str] | None
FileOption = Path | None


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
    paths: Paths = None,
    output_format: Annotated[
        str,
        option("--format", "-f", help=f"Report format: {', '.join(FORMATS)}.", metavar="FORMAT"),
    ] = "text",
    output: Annotated[
        Path | None,
        option("--output", "-o", help="Write the report to FILE, atomically.", metavar="FILE"),
    ] = None,
    rules: RulesOption = None,
    no_builtin: NoBuiltinOption = False,
    enable: Annotated[
        Selectors, option("--enable", help="Enable a rule, pack or tag.", metavar="ID|TAG")
    ] = None,
    disable: Annotated[
        Selectors, option("--disable", help="Disable a rule, pack or tag.", metavar="ID|TAG")
    ] = None,
    fail_on: Annotated[
        Text,
        option(
            "--fail-on",
            help="Severity that fails an article: " + ", ".join(FAIL_ON_CHOICES),
            metavar="SEVERITY",
        ),
    ] = None,
    language: Annotated[
        Text, option("--language", help="The articles' language.", metavar="CODE")
    ] = None,
    source_language: Annotated[
        Text,
        option(
            "--source-language", help="Translated from ('en': original English).", metavar="CODE"
        ),
    ] = None,
    jsonl: Annotated[
        FileOption,
        option("--jsonl", help="JSON Lines input (id, text, source_language).", metavar="FILE"),
    ] = None,
    glob: Annotated[
        Selectors,
        option(
            "--glob", help="File pattern in directories (default *.txt, *.md).", metavar="PATTERN"
        ),
    ] = None,
    encoding: Annotated[
        Text, option("--encoding", help="Decode files with it.", metavar="NAME")
    ] = None,
    color: Annotated[
        str, option("--color", help="auto, always or never.", metavar="WHEN")
    ] = "auto",
    config_file: Annotated[
        FileOption,
        option("--config", help="Configuration file (default: found upward).", metavar="FILE"),
    ] = None,
    no_config: Annotated[bool, option("--no-config", help="Ignore configuration files.")] = False,
    baseline_file: Annotated[
        FileOption,
        option("--baseline", help="Report only findings not in this baseline.", metavar="FILE"),
    ] = None,
    baseline_write: Annotated[
        FileOption,
        option("--baseline-write", help="Record current findings as a baseline.", metavar="FILE"),
    ] = None,
    quiet: Annotated[bool, option("--quiet", "-q", help="No progress indicator.")] = False,
    jobs: Annotated[
        int | None,
        option("--jobs", "-j", help="Processes that check articles (default: all cores)."),
    ] = None,
    references: Annotated[
        FileOption,
        option("--references", help="Reference translations, named like the articles."),
    ] = None,
    no_cache: Annotated[
        bool, option("--no-cache", help="Compile the rule packs without the cache.")
    ] = False,
    input_format: Annotated[
        str,
        option(
            "--input-format",
            help=f"Read files as: {', '.join(INPUT_FORMATS)} (auto: by extension).",
            metavar="FORMAT",
        ),
    ] = "auto",
    scheduler: Annotated[
        Text,
        option(
            "--scheduler",
            help="Check on a Dask cluster: tcp://HOST:8786, or local:N worker processes.",
            metavar="ADDRESS",
        ),
    ] = None,
) -> ExitCode:
    """Audit articles and report findings, scores and a pass/fail verdict per article."""
    if not paths and jsonl is None:
        raise UsageError("check", "give at least one file, directory, '-' or --jsonl FILE")
    if baseline_file and baseline_write:
        raise UsageError("--baseline-write", "cannot be combined with --baseline")
    writer_module = load(_choice("--format", output_format, FORMATS))
    use_color = _use_color(_choice("--color", color, COLOR_CHOICES), output)
    check_encoding(encoding)
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs", f"must be 1 or more, not {jobs}")
    if jobs is not None and scheduler is not None:
        raise UsageError("--jobs", "cannot be combined with --scheduler")
    settings = _settings(config_file, no_config)
    settings = replace(
        settings,
        packs=(*settings.packs, *(rules or ())),
        builtin=settings.builtin and not no_builtin,
        rule_settings=(*settings.rule_settings, *from_options(enable or (), disable or ())),
        language=language or settings.language,
        source_language=source_language or settings.source_language,
        baseline=baseline_file or settings.baseline,
    )
    if fail_on is not None:
        policy = replace(settings.policy, fail_on=_choice("--fail-on", fail_on, FAIL_ON_CHOICES))
        settings = replace(settings, policy=policy)
    auditor = Auditor.from_config(settings, cache=not no_cache)
    input_format = _choice("--input-format", input_format, INPUT_FORMATS)
    articles = _articles(paths or (), jsonl, glob or _globs(input_format), encoding, input_format)
    if references is not None:
        articles = with_references(articles, references, encoding)
    writer = writer_module.writer(ReportContext(rules=auditor.rules, color=use_color))
    results = audit_all(auditor, articles, jobs or default_jobs(), scheduler)
    summary = _write_reports(results, writer, output, baseline_write, show_progress=not quiet)
    return ExitCode.PASSED if summary.failed == 0 else ExitCode.GATE_FAILED


def _write_reports(
    results: Iterable[ArticleResult],
    writer: Writer,
    output: Path | None,
    baseline_write: Path | None,
    show_progress: bool,
) -> Summary:
    """Stream each result to the report (and record it for a baseline); return the tally."""
    summary = Summary()
    accepted = []
    with open_output(output) as out, _baseline_output(baseline_write) as baseline_out:
        with progress(show_progress) as advance:
            for result in results:
                summary.add(result)
                out.write(writer.article(result))
                if baseline_out is not None:
                    accepted.append((result.article.path, result.findings))
                advance()
        out.write(writer.finish(summary))
        if baseline_out is not None:
            baseline_out.write(baseline.render(accepted))
    return summary


def _settings(config_file: Path | None, no_config: bool) -> config.Config:
    if config_file is not None:
        return config.load(config_file)
    found = None if no_config else config.find(Path.cwd())
    return config.load(found) if found else config.Config()


def _articles(
    paths: list[str],
    jsonl: Path | None,
    globs: Iterable[str],
    encoding: str | None,
    input_format: str = "auto",
) -> Iterator[Article]:
    yield from read_paths(paths, globs, encoding, input_format)
    if jsonl is not None:
        yield from read_jsonl(jsonl, encoding)


def _globs(input_format: str) -> tuple[str, ...]:
    """The files a directory is walked for: the bilingual format's, or the default."""
    return DEFAULT_GLOBS if input_format in ("auto", "text") else bilingual_globs(input_format)


@contextlib.contextmanager
def _baseline_output(path: Path | None) -> Iterator[TextIO | None]:
    if path is None:
        yield None
        return
    with open_output(path) as stream:
        yield stream


def _choice(option: str, value: str, choices: Iterable[str]) -> str:
    """``value`` when it is one of ``choices``; otherwise a UsageError naming ``option``."""
    allowed = tuple(choices)
    if value not in allowed:
        hint = did_you_mean(value, allowed) or f" (choose from: {', '.join(allowed)})"
        raise UsageError(option, f"unknown value '{value}'{hint}")
    return value


def _use_color(mode: str, output: Path | None) -> bool:
    if mode != "auto":
        return mode == "always"
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


add_optional_command(app, "serve", "audit.serve.command", help="Serve audits over HTTP.")


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
            typer.echo(f"error: {' '.join(message.split())}", err=True)
        return ExitCode.USAGE
    except typer.Abort:
        typer.echo("error: interrupted", err=True)
        return ExitCode.USAGE
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
