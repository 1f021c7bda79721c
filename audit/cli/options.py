"""What the commands share on their command lines: the options that choose the rules and the
configuration, and how those options are turned into one ``Config``.

``audit check``, ``audit serve``, ``audit compare`` and ``audit rules``
declare these options with the same names, help and checks, so a flag
means the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from audit.errors import UsageError, did_you_mean
from audit.gate import config
from audit.mqm import SEVERITIES
from audit.rulebook.selection import from_options

FAIL_ON_CHOICES = (*SEVERITIES, "never")

Text = str | None
Selectors = list[str] | None
FileOption = Path | None


def option(*names: str, help: str, metavar: str | None = None) -> typer.models.OptionInfo:
    return typer.Option(*names, help=help, metavar=metavar)


PackPaths = Annotated[
    list[Path] | None,
    typer.Argument(metavar="PACK", help="Rule pack files or directories (default: shipped)."),
]
RulesOption = Annotated[
    list[Path] | None,
    option("--rules", "-r", help="A rule pack file or directory (repeatable).", metavar="PATH"),
]
NoBuiltinOption = Annotated[bool, option("--no-builtin", help="Do not load the shipped packs.")]
EnableOption = Annotated[
    Selectors, option("--enable", help="Enable a rule, pack or tag.", metavar="ID|TAG")
]
DisableOption = Annotated[
    Selectors, option("--disable", help="Disable a rule, pack or tag.", metavar="ID|TAG")
]
FailOnOption = Annotated[
    Text,
    option(
        "--fail-on",
        help="Severity that fails an article: " + ", ".join(FAIL_ON_CHOICES),
        metavar="SEVERITY",
    ),
]
LanguageOption = Annotated[
    Text, option("--language", help="The articles' language.", metavar="CODE")
]
SourceLanguageOption = Annotated[
    Text,
    option("--source-language", help="Translated from ('en': original English).", metavar="CODE"),
]
ConfigOption = Annotated[
    FileOption,
    option("--config", help="Configuration file (default: found upward).", metavar="FILE"),
]
NoConfigOption = Annotated[bool, option("--no-config", help="Ignore configuration files.")]
NoCacheOption = Annotated[
    bool, option("--no-cache", help="Compile the rule packs without the cache.")
]


def choice(option_name: str, value: str, choices: Iterable[str]) -> str:
    """``value`` when it is one of ``choices``; otherwise a UsageError naming the option."""
    allowed = tuple(choices)
    if value not in allowed:
        hint = did_you_mean(value, allowed) or f" (choose from: {', '.join(allowed)})"
        raise UsageError(option_name, f"unknown value '{value}'{hint}")
    return value


def found_config(config_file: Path | None, no_config: bool) -> config.Config:
    """The configuration file given, else the one found upward (unless ``no_config``)."""
    if config_file is not None:
        return config.load(config_file)
    found = None if no_config else config.find(Path.cwd())
    return config.load(found) if found else config.Config()


def configured(
    settings: config.Config,
    *,
    rules: list[Path] | None = None,
    no_builtin: bool = False,
    enable: Selectors = None,
    disable: Selectors = None,
    language: Text = None,
    source_language: Text = None,
    fail_on: Text = None,
) -> config.Config:
    """``settings`` with the command line's rule, language and gate options applied over it."""
    settings = replace(
        settings,
        packs=(*settings.packs, *(rules or ())),
        builtin=settings.builtin and not no_builtin,
        rule_settings=(*settings.rule_settings, *from_options(enable or (), disable or ())),
        language=language or settings.language,
        source_language=source_language or settings.source_language,
    )
    if fail_on is None:
        return settings
    policy = replace(settings.policy, fail_on=choice("--fail-on", fail_on, FAIL_ON_CHOICES))
    return replace(settings, policy=policy)
