"""The ``audit`` command: ``audit check``, which calls the library and picks a report
writer, and the ``audit rules`` group of ``audit.cli.rules``.

Exit codes live in ``audit.cli.exits.ExitCode``: 0 every article passed, 1
the gate failed (or a rule test failed), 2 a usage, input, configuration or
output error (or an input of the run that could not be read), 3 an internal
error. Errors the user can cause are printed as one line, ``error: PLACE:
problem``; only ``main`` (through ``audit.cli.exits.guarded``) turns what
escapes a command into an exit code.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer

from audit.auditor import Auditor
from audit.cli.compare import compare as compare_command
from audit.cli.exits import DEBUG_FLAG, EXIT_CODES_HELP, ExitCode, Interrupted, guarded
from audit.cli.optional import add_optional_command
from audit.cli.options import (
    ConfigOption,
    DisableOption,
    EnableOption,
    FailOnOption,
    FileOption,
    LanguageOption,
    NoBuiltinOption,
    NoCacheOption,
    NoConfigOption,
    RulesOption,
    Selectors,
    SourceLanguageOption,
    Text,
    choice,
    configured,
    found_config,
    option,
)
from audit.cli.output import Inputs, check_output
from audit.cli.reporting import Run, write_reports
from audit.cli.rules import rules_app
from audit.cli.runner import audit_all, capped_jobs
from audit.errors import UsageError
from audit.gate import config
from audit.reports import FORMATS, ReportContext, load
from audit.text.bilingual.formats import INPUT_FORMATS
from audit.text.bilingual.formats import globs as bilingual_globs
from audit.text.ingest import (
    DEFAULT_GLOBS,
    STDIN,
    Entry,
    Unreadable,
    check_encoding,
    read_jsonl,
    read_paths,
    with_references,
)
from audit.version import __version__

COLOR_CHOICES = ("auto", "always", "never")

app = typer.Typer(
    help="Audit machine-translated news articles before publication.",
    epilog=EXIT_CODES_HELP,
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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"translation-audit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            DEBUG_FLAG, help="On an internal error, show its traceback (anywhere on the line)."
        ),
    ] = False,
) -> None:
    """Audit machine-translated news articles before publication."""


@app.command(epilog=EXIT_CODES_HELP)
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
    enable: EnableOption = None,
    disable: DisableOption = None,
    fail_on: FailOnOption = None,
    language: LanguageOption = None,
    source_language: SourceLanguageOption = None,
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
    config_file: ConfigOption = None,
    no_config: NoConfigOption = False,
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
    no_cache: NoCacheOption = False,
    fail_fast: Annotated[
        bool,
        option("--fail-fast", help="Stop at the first input that cannot be read, no report."),
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
    writer_module = load(choice("--format", output_format, FORMATS))
    use_color = _use_color(choice("--color", color, COLOR_CHOICES), output)
    check_encoding(encoding)
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs", f"must be 1 or more, not {jobs}")
    if jobs is not None and scheduler is not None:
        raise UsageError("--jobs", "cannot be combined with --scheduler")
    settings = configured(
        found_config(config_file, no_config),
        rules=rules,
        no_builtin=no_builtin,
        enable=enable,
        disable=disable,
        language=language,
        source_language=source_language,
        fail_on=fail_on,
    )
    settings = replace(settings, baseline=baseline_file or settings.baseline)
    input_format = choice("--input-format", input_format, INPUT_FORMATS)
    globs = glob or _globs(input_format)
    inputs = _inputs(paths or (), jsonl, globs, settings, config_file)
    check_output("--output", output, inputs)
    check_output("--baseline-write", baseline_write, inputs)
    if output is not None and baseline_write is not None and _same_path(output, baseline_write):
        raise UsageError("--baseline-write", "must not be the --output file")
    auditor = Auditor.from_config(settings, cache=not no_cache)
    entries = _articles(paths or (), jsonl, globs, encoding, input_format)
    if references is not None:
        entries = with_references(entries, references, encoding)
    if fail_fast:
        entries = _stop_at_unreadable(entries)
    run = Run(
        writer=writer_module.writer(ReportContext(rules=auditor.rules, color=use_color)),
        output=output,
        baseline_write=baseline_write,
        baseline_read=settings.baseline,
        accepted=auditor.baseline.accepted,
        show_progress=not quiet,
    )
    summary = write_reports(audit_all(auditor, entries, capped_jobs(jobs), scheduler), run)
    if summary.errors:
        return ExitCode.USAGE
    if summary.failed == 0 or baseline_write is not None:
        return ExitCode.PASSED
    return ExitCode.GATE_FAILED


def _inputs(
    paths: Iterable[str],
    jsonl: Path | None,
    globs: Iterable[str],
    settings: config.Config,
    config_file: Path | None,
) -> Inputs:
    """What the run reads, that no report may overwrite."""
    named = [Path(name) for name in paths if name != STDIN]
    files = [path for path in named if not path.is_dir()]
    files += [path for path in (jsonl, settings.baseline, config_file) if path is not None]
    directories = tuple(path for path in named if path.is_dir())
    return Inputs(tuple(files), directories, tuple(globs))


def _same_path(first: Path, second: Path) -> bool:
    return Inputs(files=(second,)).holds(first)


def _stop_at_unreadable(entries: Iterable[Entry]) -> Iterator[Entry]:
    for entry in entries:
        if isinstance(entry, Unreadable):
            raise entry.error()
        yield entry


def _articles(
    paths: list[str],
    jsonl: Path | None,
    globs: Iterable[str],
    encoding: str | None,
    input_format: str = "auto",
) -> Iterator[Entry]:
    if paths.count(STDIN) + (str(jsonl) == STDIN) > 1:
        raise UsageError(STDIN, "standard input can be read only once")
    read = read_paths(paths, globs, encoding, input_format)
    return chain(read, read_jsonl(jsonl, encoding)) if jsonl is not None else read


def _globs(input_format: str) -> tuple[str, ...]:
    """The files a directory is walked for: the bilingual format's, or the default."""
    return DEFAULT_GLOBS if input_format in ("auto", "text") else bilingual_globs(input_format)


def _use_color(mode: str, output: Path | None) -> bool:
    if mode != "auto":
        return mode == "always"
    terminal = sys.stdout is not None and sys.stdout.isatty()
    return output is None and terminal and "NO_COLOR" not in os.environ


add_optional_command(app, "serve", "audit.serve.command", help="Serve audits over HTTP.")


# typer raises click's exception types, which newer typer releases vendor: find the
# base class through typer's public BadParameter, whichever click it comes from.
CommandLineError = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; the only place that turns errors into exit codes."""
    return guarded(_run, sys.argv[1:] if argv is None else list(argv))


def _run(argv: list[str]) -> int:
    try:
        code = app(args=argv, prog_name="audit", standalone_mode=False)
    except CommandLineError as error:
        message = error.format_message()
        if type(error).__name__ == "NoArgsIsHelpError":
            typer.echo(message, err=True)
        else:
            typer.echo(f"error: {' '.join(message.split())}", err=True)
        return ExitCode.USAGE
    except typer.Abort:  # click's word for an end of input at a prompt
        raise Interrupted(signal.SIGINT) from None
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
