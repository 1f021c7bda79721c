"""The serve stage: the audit as an HTTP service (``audit serve``, the ``serve`` extra).

Receives the configuration and the options of ``audit serve`` (the same
rule and policy options as ``audit check``), then HTTP requests holding
articles. Adds a Starlette application on uvicorn that checks them in a
pool of worker processes, each with its Auditor built once, and answers
with the JSON of one article (or any report format), the rules, a health
check and an editor page. Open ``command`` first, then ``app`` (the
routes), ``payload`` (requests and limits) and ``pool`` (the workers).
"""
