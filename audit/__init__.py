"""translation-audit: audit machine-translated news articles before publication.

The public API::

    from audit import Auditor
    auditor = Auditor.from_rules()            # the shipped packs
    article = auditor.check_text(text, source_language="fr")
    article["findings"], article["quality"]["score"], article["verdict"]["passed"]

``check_text`` returns the same data as one article of ``audit check
--format json``.

The package is laid out as the data flow, each stage importing only the
stages above it (``tests/test_layout.py`` holds it to that)::

    errors, mqm, version, store   what every stage shares: errors, MQM terms, the cache
    text/        bytes -> Article -> Document (spans, sentences, quotations, language)
    matching/    regex machinery: bounded compiling, required literals, RE2 screen
    rulebook/    YAML packs -> validated Rules (what a rule kind must provide)
    checks/      one module per rule kind
    engine/      compiled Rules x Document -> Findings (suppressions, examples, pack cache)
    scores/      Document + Findings -> readability, MQM quality, reference metrics
    gate/        configuration, policy -> Verdict, baseline
    auditor      the pipeline for one article: ArticleResult
    reports/     ArticleResults -> text, JSON, SARIF, JUnit, ...
    cli/         the ``audit`` command: the only place that prints

The names below are imported when first used, so that importing one stage
(``audit.text``, say) does not load the whole pipeline.
"""

from __future__ import annotations

import importlib
from typing import Any

from audit.version import __version__

_PUBLIC = {
    "Auditor": "audit.auditor",
    "audit_text": "audit.auditor",
    "AuditError": "audit.errors",
    "load_packs": "audit.engine.packs",
}

__all__ = ["AuditError", "Auditor", "__version__", "audit_text", "load_packs"]


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'audit' has no attribute '{name}'")
    value = getattr(importlib.import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
