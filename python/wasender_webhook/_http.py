"""What the framework helpers share: the answers they give, as the npm
package's adapters give them, and reading a body no further than the limit."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from ._errors import WebhookError, core_error
from ._native import WasenderWebhook

SIGNATURE_HEADER = "X-Webhook-Signature"
logger = logging.getLogger("wasender_webhook")
_logged: set[str] = set()

#: The body of a 5xx answer: the sender did nothing wrong and learns nothing
#: about the server; the reason goes to the server's log.
INTERNAL = {
    "error": {
        "code": "INTERNAL_ERROR",
        "message": "the webhook endpoint cannot verify deliveries; its server log says why",
    }
}


def error_answer(error: WebhookError) -> tuple[int, dict[str, Any], dict[str, str]]:
    """(status, JSON body, headers) for an error. Server-side errors are
    logged once per code and answered generically; the sender's own are
    answered with their code and message (which never hold a secret, a
    signature or a sessionId)."""
    if error.status >= 500:
        if error.code not in _logged:
            _logged.add(error.code)
            logger.error(
                "wasender-webhook: %s: %s (logged once; every delivery is answered 500 until this is fixed)",
                error.code,
                error.message,
            )
        return 500, INTERNAL, {}
    headers = {"Allow": "POST"} if error.status == 405 else {}
    return error.status, error.to_json(), headers


def ok_answer(event_name: str) -> dict[str, Any]:
    """What a handler that returns nothing answers with."""
    return {"ok": True, "event": event_name}


def not_post() -> WebhookError:
    return core_error("METHOD_NOT_ALLOWED")


def check_declared(hook: WasenderWebhook, content_length: str | None) -> None:
    """Refuse at once a body whose Content-Length is over the limit."""
    if content_length is not None and content_length.isascii() and content_length.isdigit():
        hook.check_body_size(int(content_length))


def read_limited(hook: WasenderWebhook, read: Callable[[int], bytes]) -> bytes:
    """Read with ``read(n)`` until it returns b"", refusing the body as soon
    as it is over the limit (a sender that lies about, or omits, its
    Content-Length cannot make us buffer more than the limit)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(min(65536, hook.max_body_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        hook.check_body_size(total)
        chunks.append(chunk)


def join_limited(hook: WasenderWebhook, chunks: Iterable[bytes]) -> bytes:
    """Join chunks, refusing the body as soon as it is over the limit."""
    parts: list[bytes] = []
    total = 0
    for chunk in chunks:
        total += len(chunk)
        hook.check_body_size(total)
        parts.append(chunk)
    return b"".join(parts)
