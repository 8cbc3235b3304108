"""FastAPI and Starlette: a dependency that reads the raw body and verifies it.

    app = FastAPI()
    wasender_webhook.fastapi.install(app)   # WebhookError -> its JSON answer
    wasender_event = wasender_webhook.fastapi.WebhookEventDependency(hook)

    @app.post("/webhooks/wasender")
    async def on_event(event: WebhookEvent = Depends(wasender_event)) -> dict: ...

The body is read from the stream no further than the hook's limit.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse

from . import _http
from ._errors import WebhookError, core_error
from ._native import WasenderWebhook
from .events import WebhookEvent


async def read_body(request: Request, hook: WasenderWebhook) -> bytes:
    """The raw body, refused (``BODY_TOO_LARGE``) as soon as it is over the limit."""
    _http.check_declared(hook, request.headers.get("content-length"))
    chunks: list[bytes] = []
    total = 0
    try:
        async for chunk in request.stream():
            total += len(chunk)
            hook.check_body_size(total)
            chunks.append(chunk)
    except ClientDisconnect:
        raise core_error("BODY_INCOMPLETE", "the request's body ended before it was complete (the sender's connection broke?)") from None
    except RuntimeError:
        raise core_error(
            "BODY_ALREADY_READ",
            "the request's body stream was already consumed; use this dependency before anything else reads the body",
        ) from None
    return b"".join(chunks)


async def verify_request(request: Request, hook: WasenderWebhook) -> WebhookEvent:
    """The event of a Starlette/FastAPI request, or a ``WebhookError``."""
    if request.method != "POST":
        raise _http.not_post()
    body = await read_body(request, hook)
    return hook.handle_webhook_event(body, request.headers)


class WebhookEventDependency:
    """A FastAPI dependency giving the verified ``WebhookEvent``."""

    def __init__(self, hook: WasenderWebhook) -> None:
        self.hook = hook

    async def __call__(self, request: Request) -> WebhookEvent:
        return await verify_request(request, self.hook)


async def handle_error(request: Request, error: Exception) -> JSONResponse:
    """The answer for a ``WebhookError``, as the npm package's adapters give it."""
    if not isinstance(error, WebhookError):
        raise error
    status, body, headers = _http.error_answer(error)
    return JSONResponse(body, status_code=status, headers=headers)


def install(app: Any) -> None:
    """Answer every ``WebhookError`` the app raises with its JSON and status."""
    app.add_exception_handler(WebhookError, handle_error)
