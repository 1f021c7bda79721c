"""Commands of the optional stages, known here by their module's name only.

``audit serve`` lives in ``audit.serve``, a stage after the CLI that needs
the ``serve`` extra. The CLI registers it by name: the command's module is
imported when the command runs (or shows its help), so ``audit check`` never
loads it, and the import arrows keep pointing from the later stage to this
one. The module gives ``command()``, the click command; the arguments after
the command's name are passed to it as they are, ``--help`` included.
"""

from __future__ import annotations

import importlib

import typer

PASS_THROUGH = {"allow_extra_args": True, "ignore_unknown_options": True}


def add_optional_command(app: typer.Typer, name: str, module: str, help: str) -> None:
    """Register ``audit NAME``, which runs ``module.command()`` with the remaining arguments."""

    def run(context: typer.Context) -> int:
        command = importlib.import_module(module).command()
        return command.main(list(context.args), prog_name=f"audit {name}", standalone_mode=False)

    app.command(name, help=help, context_settings=PASS_THROUGH, add_help_option=False)(run)
