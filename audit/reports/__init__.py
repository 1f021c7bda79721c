"""The reports stage: ArticleResults written out, one module per format.

Receives each article's ``ArticleResult`` as it is ready, then the run's
``Summary``. Adds the text of the report. Formats are listed once in
``FORMATS`` and imported on use; open ``base`` first, then ``text``.

A format module has ``NAME``, ``DESCRIPTION`` and ``writer(context) ->
Writer``. A writer gets each article's result as it is ready and returns the
text to emit at once (streaming formats) or an empty string (formats that
need the whole run, such as JSON and SARIF), then ``finish(summary)``
returns the rest. Only the chosen format's module is imported, so a run
never pays for the others (the XML of JUnit, say).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from audit.reports.base import ReportContext, Summary, Writer

FORMATS: tuple[str, ...] = (
    "text",
    "json",
    "jsonl",
    "sarif",
    "junit",
    "github",
    "markdown",
    "html",
)


def load(name: str) -> ModuleType:
    """The module of the format called ``name`` (one of ``FORMATS``)."""
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"audit.reports.{name}")


__all__ = ["FORMATS", "ReportContext", "Summary", "Writer", "load"]
