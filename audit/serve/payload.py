"""What a request asks for: its articles, read from a JSON body or the editor's form.

A JSON body is one article, ``{"text": ..., "source_language": ..., "id": ...,
"reference": ...}``, or several: a list of such objects, or ``{"articles":
[...]}``. The body is decoded and parsed as ``audit check --jsonl`` reads a
record, so a malformed body gets the CLI's words for it (``not valid JSON:
...``, ``the record has no 'text' string to audit``), at the place
``request body`` (``request body[2]`` for the third of a list). An article
without an ``id`` is ``text`` (``text:3``, the third of a list), and its
path is its id.

The limits (``Limits``) are the server's: a body over ``body_bytes`` is
refused before it is read whole (413), a text over ``text_chars`` or a list
over ``articles`` is refused unchecked (422).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from audit.errors import AuditError, InputError
from audit.text.ingest import Article, decode, json_object

PLACE = "request body"
DEFAULT_ID = "text"
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")
FORM_FIELDS = ("text", "source_language", "token")


class LimitError(AuditError):
    """A request over one of the server's limits; ``status`` is its HTTP status."""

    def __init__(self, place: str | None, problem: str, status: int) -> None:
        super().__init__(place, problem)
        self.status = status

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.place, self.problem, self.status))


@dataclass(frozen=True)
class Limits:
    """The most a request may hold: bytes of body, characters per text, articles per request."""

    body_bytes: int = 1_048_576
    text_chars: int = 200_000
    articles: int = 100

    def check_body_size(self, size: int) -> None:
        if size > self.body_bytes:
            raise LimitError(
                PLACE,
                f"{size:,} bytes or more; this server reads at most {self.body_bytes:,} "
                "(--max-body-bytes)",
                413,
            )

    def check_text(self, text: str, place: str) -> None:
        if len(text) > self.text_chars:
            raise LimitError(
                place,
                f"the text has {len(text):,} characters; this server checks at most "
                f"{self.text_chars:,} (--max-text-chars)",
                422,
            )

    def check_count(self, count: int) -> None:
        if count > self.articles:
            raise LimitError(
                PLACE,
                f"{count:,} articles; this server checks at most {self.articles:,} per "
                "request (--max-articles)",
                422,
            )


@dataclass(frozen=True)
class Request:
    """The articles of a request; ``single`` when the body was one object, not a list."""

    articles: tuple[Article, ...]
    single: bool


def from_json(body: bytes, limits: Limits) -> Request:
    """The articles of a JSON body; an ``InputError`` (400) or ``LimitError`` when it is bad."""
    data = _parse(decode(body, PLACE))
    if isinstance(data, Mapping) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if not isinstance(data, list):
        return Request((_article(data, PLACE, limits),), single=True)
    if not data:
        raise InputError(PLACE, "an empty list: give an object with a 'text' field, or a list")
    limits.check_count(len(data))
    articles = (
        _article(record, f"{PLACE}[{index}]", limits, f"{DEFAULT_ID}:{index + 1}")
        for index, record in enumerate(data)
    )
    return Request(tuple(articles), single=False)


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json_object(text, PLACE)  # raises the CLI's error for this text


def _article(record: Any, place: str, limits: Limits, default_id: str = DEFAULT_ID) -> Article:
    if not isinstance(record, Mapping):
        raise InputError(place, "a JSONL record must be a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(place, "the record has no 'text' string to audit")
    if _LONE_SURROGATE_RE.search(text):
        raise InputError(place, "the record's text holds a lone UTF-16 surrogate escape")
    limits.check_text(text, place)
    source = _optional_string(record, "source_language", place, 'a string such as "fr"')
    reference = _optional_string(record, "reference", place, "a string: a reference translation")
    article_id = str(record.get("id", default_id))
    return Article(article_id, article_id, text, source_language=source, reference=reference)


def _optional_string(record: Mapping[str, Any], name: str, place: str, what: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise InputError(place, f"'{name}' must be {what}")
    return value


@dataclass(frozen=True)
class Form:
    """The editor page's form: the pasted text (line breaks as typed), its source, the token."""

    text: str = ""
    source_language: str = ""
    token: str = ""

    def article(self, limits: Limits) -> Article:
        if not self.text.strip():
            raise InputError("text", "paste an article to check")
        limits.check_text(self.text, "text")
        source = self.source_language.strip() or None
        return Article(DEFAULT_ID, DEFAULT_ID, self.text, source_language=source)


def from_form(body: bytes) -> Form:
    """The fields of a URL-encoded form; browsers send CRLF line breaks, read as LF."""
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=16)
    except (UnicodeDecodeError, ValueError):
        raise InputError(PLACE, "not a form of the editor page") from None
    values: dict[str, str] = {name: _first(fields.get(name, ())) for name in FORM_FIELDS}
    values["text"] = values["text"].replace("\r\n", "\n")
    return Form(**values)


def _first(values: Sequence[str]) -> str:
    return values[0] if values else ""
