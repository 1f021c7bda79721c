"""The HTTP service: a Starlette application over a pool of checking workers.

Routes::

    POST /v1/check        one article ({"text": ..., "source_language": ...}) -> the JSON of
                          one article of the JSON report; a list of articles -> the whole
                          report; ?format=sarif|html|markdown|... -> that report instead
    GET  /v1/rules        every rule loaded, with its examples
    GET  /v1/rules/{id}   one rule
    GET  /healthz         {"status": "ok", ...}, never behind the token
    GET  /                the editor page: paste an article, see it highlighted
    POST /                the editor page's form: the same page with the article's report

Every error is JSON ``{"error": "error: PLACE: problem", "status": N}`` (on
the editor page, the message is shown above the form): 400 for a body the
CLI would refuse, with the CLI's words; 401 without the bearer token the
server was started with; 404, 405; 413 for a body over the size limit; 422
for a text or list over its limit, or a rule that ran too long; 503 when a
worker died during the request. An unexpected exception is logged with its
traceback on the server and answered with a 500 that holds none of it.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from audit.errors import AuditError, UsageError, did_you_mean
from audit.reports import FORMATS
from audit.rulebook.packs import Rule
from audit.serve import payload
from audit.serve.pool import Job, Rendered, WorkerLost, WorkerPool, render_page
from audit.version import __version__

LOG = logging.getLogger("audit.serve")
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class ServiceError(Exception):
    """A request refused with ``status``; ``message`` is the ``error: ...`` line."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})

    @classmethod
    def of(cls, error: AuditError, status: int = 400) -> ServiceError:
        return cls(getattr(error, "status", status), f"error: {error}")


@dataclass(frozen=True)
class Service:
    """What the application serves: the workers, the rules, the limits, the token."""

    pool: WorkerPool
    rules: tuple[Rule, ...]
    limits: payload.Limits
    token: str | None = None


def create_app(service: Service) -> Starlette:
    """The Starlette application of ``service``."""
    handlers = Handlers(service)
    routes = [
        Route("/v1/check", handlers.check, methods=["POST"]),
        Route("/v1/rules", handlers.rules, methods=["GET"]),
        Route("/v1/rules/{rule_id:path}", handlers.rule, methods=["GET"]),
        Route("/healthz", handlers.health, methods=["GET"]),
        Route("/", handlers.page, methods=["GET", "POST"]),
    ]
    errors = {HTTPException: _http_error, Exception: _unexpected}
    return Starlette(routes=routes, exception_handlers=errors)  # type: ignore[arg-type]


def json_error(error: ServiceError) -> JSONResponse:
    body = {"error": error.message, "status": error.status}
    return JSONResponse(body, error.status, headers={**HEADERS, **error.headers})


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    message = f"error: {request.url.path}: {error.detail.lower()}"
    return json_error(ServiceError(error.status_code, message, error.headers))


async def _unexpected(request: Request, error: Exception) -> Response:
    LOG.error("%s %s failed", request.method, request.url.path, exc_info=error)
    message = "error: internal error: the request failed on the server (its log says why)"
    return json_error(ServiceError(500, message))


Handler = Callable[[Request], Awaitable[Response]]


def _json_errors(handler: Handler) -> Handler:
    async def wrapped(request: Request) -> Response:
        try:
            return await handler(request)
        except ServiceError as error:
            return json_error(error)

    return wrapped


class Handlers:
    """The route handlers, sharing one ``Service``."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.rule_index = {rule.id: rule for rule in service.rules}
        self.check = _json_errors(self._check)
        self.rules = _json_errors(self._rules)
        self.rule = _json_errors(self._rule)

    async def _check(self, request: Request) -> Response:
        self._authorise(request.headers.get("authorization"))
        report_format = _format(request.query_params.get("format", "json"))
        body = await _body(request, self.service.limits)
        try:
            asked = payload.from_json(body, self.service.limits)
        except AuditError as error:
            raise ServiceError.of(error) from None
        job = Job(asked.articles, report_format, asked.single)
        rendered = await self._run(job)
        return Response(rendered.body, media_type=rendered.media_type, headers=HEADERS)

    async def _rules(self, request: Request) -> Response:
        self._authorise(request.headers.get("authorization"))
        rules = [rule_to_dict(rule) for rule in self.service.rules]
        return JSONResponse({"rules": rules}, headers=HEADERS)

    async def _rule(self, request: Request) -> Response:
        self._authorise(request.headers.get("authorization"))
        rule_id = request.path_params["rule_id"]
        if rule_id not in self.rule_index:
            hint = did_you_mean(rule_id, self.rule_index)
            raise ServiceError(404, f"error: {rule_id}: no such rule{hint}")
        return JSONResponse(rule_to_dict(self.rule_index[rule_id]), headers=HEADERS)

    async def health(self, request: Request) -> Response:
        body = {
            "status": "ok",
            "version": __version__,
            "rules": sum(rule.enabled for rule in self.service.rules),
            "workers": self.service.pool.workers,
        }
        return JSONResponse(body, headers=HEADERS)

    async def page(self, request: Request) -> Response:
        form = payload.Form()
        try:
            if request.method == "POST":
                form = payload.from_form(await _body(request, self.service.limits))
                return await self._checked_page(request, form)
        except ServiceError as error:
            return self._page_response(form, error.message, error.status)
        except AuditError as error:
            refused = ServiceError.of(error)
            return self._page_response(form, refused.message, refused.status)
        return self._page_response(form)

    async def _checked_page(self, request: Request, form: payload.Form) -> Response:
        self._authorise(request.headers.get("authorization") or f"Bearer {form.token}")
        article = form.article(self.service.limits)
        job = Job((article,), "html", single=True, page=self._page_values(form))
        rendered = await self._run(job)
        return HTMLResponse(rendered.body, headers=HEADERS)

    def _page_response(self, form: payload.Form, error: str = "", status: int = 200) -> Response:
        page = self._page_values(form, error)
        return HTMLResponse(render_page(page), status, headers=HEADERS)

    def _page_values(self, form: payload.Form, error: str = "") -> dict[str, Any]:
        return {
            **asdict(form),
            "error": error,
            "token_required": self.service.token is not None,
            "max_text_chars": self.service.limits.text_chars,
            "rules": sum(rule.enabled for rule in self.service.rules),
            "version": __version__,
        }

    async def _run(self, job: Job) -> Rendered:
        try:
            return await self.service.pool.run(job)
        except WorkerLost:
            raise ServiceError(503, "error: a worker stopped during the check; retry") from None
        except AuditError as error:
            raise ServiceError.of(error, 422) from None

    def _authorise(self, authorization: str | None) -> None:
        """Nothing without the token the server was started with, when it has one."""
        token = self.service.token
        if token is None:
            return
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise _unauthorised("a bearer token is required: Authorization: Bearer TOKEN")
        if not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise _unauthorised("the bearer token is not this server's")


def _unauthorised(problem: str) -> ServiceError:
    return ServiceError(401, f"error: Authorization: {problem}", {"WWW-Authenticate": "Bearer"})


def _format(name: str) -> str:
    if name not in FORMATS:
        hint = did_you_mean(name, FORMATS) or f" (choose from: {', '.join(FORMATS)})"
        raise ServiceError.of(UsageError("format", f"unknown value '{name}'{hint}"))
    return name


async def _body(request: Request, limits: payload.Limits) -> bytes:
    """The request's body, refused (413) as soon as it is known to be over the limit."""
    declared = request.headers.get("content-length", "")
    try:
        if declared.isdigit():
            limits.check_body_size(int(declared))
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            limits.check_body_size(size)
            chunks.append(chunk)
    except payload.LimitError as error:
        raise ServiceError.of(error) from None
    return b"".join(chunks)


def rule_to_dict(rule: Rule) -> dict[str, Any]:
    """A rule as ``GET /v1/rules`` lists it."""
    return {
        "id": rule.id,
        "pack": rule.id.rpartition(".")[0],
        "kind": rule.kind,
        "severity": rule.severity,
        "category": rule.category,
        "enabled": rule.enabled,
        "message": rule.message,
        "languages": list(rule.languages),
        "source": list(rule.source),
        "suggest": list(rule.suggest),
        "tags": list(rule.tags),
        "link": rule.link,
        "description": rule.description,
        "examples": {name: list(rule.examples[name]) for name in ("flag", "pass")},
    }
