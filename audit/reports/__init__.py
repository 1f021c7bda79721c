"""Report formats, one module each, listed once in ``FORMATS``.

A format module has ``NAME``, ``DESCRIPTION`` and ``writer(context) ->
Writer``. A writer gets each article's result as it is ready and returns the
text to emit at once (streaming formats) or an empty string (formats that
need the whole run, such as JSON and SARIF), then ``finish(summary)``
returns the rest.
"""

from __future__ import annotations

from types import ModuleType

from audit.reports import github, json, jsonl, junit, markdown, sarif, text
from audit.reports.base import ReportContext, Summary, Writer

FORMATS: dict[str, ModuleType] = {
    module.NAME: module for module in (text, json, jsonl, sarif, junit, github, markdown)
}

__all__ = ["FORMATS", "ReportContext", "Summary", "Writer"]
