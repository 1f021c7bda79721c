"""translation-audit: audit machine-translated news articles before publication.

The public API::

    from audit import Auditor
    auditor = Auditor.from_rules()            # the shipped packs
    article = auditor.check_text(text, source_language="fr")
    article["findings"], article["quality"]["score"], article["verdict"]["passed"]

``check_text`` returns the same data as one article of ``audit check
--format json``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from audit.auditor import Auditor, audit_text
from audit.errors import AuditError
from audit.rulebook import load_packs

__all__ = ["AuditError", "Auditor", "__version__", "audit_text", "load_packs"]
