"""Verify and parse WasenderAPI (WhatsApp) webhook deliveries.

The Rust core of the ``wasender-webhook`` crate and npm package: constant-time
verification before any parsing, a body limit before any work, and events
whose ``data`` is exactly ``json.loads(body)["data"]``. Framework helpers are
in ``wasender_webhook.flask``, ``.fastapi`` and ``.django``.
"""

from __future__ import annotations

from . import _native
from ._errors import (
    ERROR_CODES,
    BodyTooLargeError,
    ConfigurationError,
    InvalidBodyError,
    InvalidSignatureError,
    MethodNotAllowedError,
    WebhookError,
)
from ._native import WasenderWebhook, handle_webhook_event
from ._views import View
from .events import (
    NormalizedMessage,
    NormalizedReaction,
    StatusUpdate,
    WebhookEvent,
    WebhookEventName,
)

#: The header WasenderAPI puts the signature in.
SIGNATURE_HEADER = "X-Webhook-Signature"
DEFAULT_MAX_BODY_BYTES: int = _native.DEFAULT_MAX_BODY_BYTES
MAX_BODY_BYTES_LIMIT: int = _native.MAX_BODY_BYTES_LIMIT

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "ERROR_CODES",
    "MAX_BODY_BYTES_LIMIT",
    "SIGNATURE_HEADER",
    "BodyTooLargeError",
    "ConfigurationError",
    "InvalidBodyError",
    "InvalidSignatureError",
    "MethodNotAllowedError",
    "NormalizedMessage",
    "NormalizedReaction",
    "StatusUpdate",
    "View",
    "WasenderWebhook",
    "WebhookError",
    "WebhookEvent",
    "WebhookEventName",
    "handle_webhook_event",
]
