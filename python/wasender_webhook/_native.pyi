# The native module's API (python/src/hook.rs, errors.rs, lib.rs). The event
# types it returns are generated from the Rust model into events.pyi.

from typing import Any, Literal

from .events import WebhookEvent

Body = bytes | bytearray | memoryview | str
Secret = str | bytes | bytearray

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
        scheme: Literal["wasender", "hmac-sha256"] | None = None,
        max_body_bytes: int | None = None,
    ) -> None: ...
    def handle_webhook_event(self, body: Body, signature: str | bytes | None) -> WebhookEvent:
        """Verify the signature in constant time, then parse; raises WebhookError."""
    def verify(self, body: Body, signature: str | bytes | None) -> int:
        """Verify only: the index of the secret that matched; raises WebhookError."""
    def check_body_size(self, length: int) -> None:
        """Raise BODY_TOO_LARGE if `length` bytes are over the limit."""
    @property
    def max_body_bytes(self) -> int: ...
    @property
    def scheme(self) -> Literal["wasender", "hmac-sha256"]: ...
    @property
    def secret_count(self) -> int: ...

def handle_webhook_event(
    body: Body,
    signature: str | bytes | None,
    *,
    secret: Secret | None = None,
    secrets: list[Secret] | tuple[Secret, ...] | None = None,
    scheme: Literal["wasender", "hmac-sha256"] | None = None,
    max_body_bytes: int | None = None,
) -> WebhookEvent:
    """Verify and parse with a hook made for this one call; raises WebhookError."""

def core_error(code: str, message: str | None = None) -> Any: ...
def _stub_text() -> str: ...
