# The native module's API (python/src/hook.rs, errors.rs, lib.rs). The event
# types it returns are generated from the Rust model into events.pyi.

from collections.abc import Mapping
from typing import Any, Literal, Protocol

from .events import WebhookEvent

Body = bytes | bytearray | memoryview | str
Secret = str | bytes | bytearray
Scheme = Literal["wasender", "hmac-sha256", "standard-webhooks"]
#: Seconds either way, a (past, future) pair, or "unchecked" (Standard Webhooks).
Tolerance = int | tuple[int, int] | Literal["unchecked"]

class HeaderLookup(Protocol):
    """Any headers object with ``get`` (Flask's, Starlette's, Django's)."""
    def get(self, name: str, /) -> Any: ...

#: The signature header's value, or the request's headers (looked up
#: case-insensitively for the headers the scheme signs with).
Signature = str | bytes | Mapping[str, str] | HeaderLookup | None

ERROR_CODES: list[tuple[str, int]]
VIEWS: list[tuple[str, str, list[tuple[str, str]]]]
TYPES: list[tuple[str, str]]
DEFAULT_MAX_BODY_BYTES: int
MAX_BODY_BYTES_LIMIT: int
MAX_SIGNATURE_LEN: int

class WasenderWebhook:
    """A configured verifier and parser: make one at start-up and share it."""

    def __init__(
        self,
        *,
        secret: Secret | None = None,
        secrets: list[Secret] | tuple[Secret, ...] | None = None,
        scheme: Scheme | None = None,
        max_body_bytes: int | None = None,
        tolerance: Tolerance | None = None,
    ) -> None: ...
    def handle_webhook_event(self, body: Body, signature: Signature) -> WebhookEvent:
        """Verify the signature in constant time, then parse; raises WebhookError."""
    def verify(self, body: Body, signature: Signature) -> int:
        """Verify only: the index of the secret that matched; raises WebhookError."""
    def check_body_size(self, length: int) -> None:
        """Raise BODY_TOO_LARGE if `length` bytes are over the limit."""
    @property
    def max_body_bytes(self) -> int: ...
    @property
    def scheme(self) -> Scheme: ...
    @property
    def secret_count(self) -> int: ...

def handle_webhook_event(
    body: Body,
    signature: Signature,
    *,
    secret: Secret | None = None,
    secrets: list[Secret] | tuple[Secret, ...] | None = None,
    scheme: Scheme | None = None,
    max_body_bytes: int | None = None,
    tolerance: Tolerance | None = None,
) -> WebhookEvent:
    """Verify and parse with a hook made for this one call; raises WebhookError."""

def core_error(code: str, message: str | None = None) -> Any: ...
def _stub_text() -> str: ...
