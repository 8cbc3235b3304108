"""Django: a CSRF-exempt view decorator that verifies before your code runs.

    @wasender_webhook.django.webhook(hook)
    def on_event(request: HttpRequest, event: WebhookEvent) -> None: ...

Forged, oversized and malformed deliveries are answered 401/413/400 with
``{"error": {"code", "message"}}``; a view that returns None answers
``{"ok": true, "event": ...}``. The body is read no further than the limit
(``request.body`` is not touched, so DATA_UPLOAD_MAX_MEMORY_SIZE does not apply).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from . import _http
from ._errors import WebhookError
from ._native import WasenderWebhook
from .events import WebhookEvent


def verify_request(request: HttpRequest, hook: WasenderWebhook) -> WebhookEvent:
    """The event of a Django request, or a ``WebhookError``."""
    if request.method != "POST":
        raise _http.not_post()
    _http.check_declared(hook, request.META.get("CONTENT_LENGTH") or None)
    body = _http.read_limited(hook, request.read)
    return hook.handle_webhook_event(body, request.headers)


def webhook(hook: WasenderWebhook) -> Callable[[Callable[..., Any]], Callable[..., HttpResponse]]:
    """Decorate a view ``handler(request, event, *args, **kwargs)``."""

    def decorate(handler: Callable[..., Any]) -> Callable[..., HttpResponse]:
        @functools.wraps(handler)
        def view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                event = verify_request(request, hook)
            except WebhookError as error:
                status, body, headers = _http.error_answer(error)
                return JsonResponse(body, status=status, headers=headers)
            result: HttpResponse | None = handler(request, event, *args, **kwargs)
            return JsonResponse(_http.ok_answer(event.event)) if result is None else result

        # Deliveries come from WasenderAPI's servers, which hold no CSRF token.
        return cast(Callable[..., HttpResponse], csrf_exempt(view))

    return decorate
