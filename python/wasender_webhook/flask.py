"""Flask: a view decorator that verifies the delivery before your code runs.

    @app.post("/webhooks/wasender")
    @wasender_webhook.flask.webhook(hook)
    def on_event(event: WebhookEvent) -> None: ...

Forged, oversized and malformed deliveries are answered 401/413/400 with
``{"error": {"code", "message"}}``; a handler that returns None answers
``{"ok": true, "event": ...}``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import Request, jsonify, request

from . import _http
from ._errors import WebhookError
from ._native import WasenderWebhook
from .events import WebhookEvent


def verify_request(hook: WasenderWebhook, req: Request | None = None) -> WebhookEvent:
    """The event of the current (or given) request, or a ``WebhookError``.

    Reads the raw body itself, no further than the hook's limit. Call it
    before anything reads ``request.json`` or ``request.form``."""
    req = req if req is not None else request
    if req.method != "POST":
        raise _http.not_post()
    _http.check_declared(hook, req.headers.get("Content-Length"))
    cached = req.__dict__.get("_cached_data")  # get_data() ran already: the exact bytes
    body = cached if isinstance(cached, bytes) else _http.read_limited(hook, req.stream.read)
    return hook.handle_webhook_event(body, req.headers)


def webhook(hook: WasenderWebhook) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a view ``handler(event, **view_args)``; see the module's docs."""

    def decorate(handler: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(handler)
        def view(*args: Any, **kwargs: Any) -> Any:
            try:
                event = verify_request(hook)
            except WebhookError as error:
                status, body, headers = _http.error_answer(error)
                return jsonify(body), status, headers
            result = handler(event, *args, **kwargs)
            return jsonify(_http.ok_answer(event.event)) if result is None else result

        return view

    return decorate
