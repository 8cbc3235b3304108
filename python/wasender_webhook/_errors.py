"""The error every failure is raised as, with a subclass per HTTP status.

``code`` is the same stable string the npm package and the Rust crate use
(``INVALID_SIGNATURE``, ``BODY_TOO_LARGE`` ...), ``status`` the HTTP status a
webhook endpoint should answer with. Messages describe the input by its
shape, never by its value: no secret, signature or ``sessionId`` appears.
"""

from __future__ import annotations

from . import _native

#: Every error code and its HTTP status, from the core.
ERROR_CODES: dict[str, int] = dict(_native.ERROR_CODES)


class WebhookError(Exception):
    """A failure to configure, verify or parse, with ``code``, ``status`` and ``message``."""

    code: str
    status: int
    message: str

    def __init__(self, code: str, status: int, message: str) -> None:
        super().__init__(code, status, message)
        self.code = code
        self.status = status
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def to_json(self) -> dict[str, dict[str, str]]:
        """The answer's body, as the npm package's adapters send it."""
        return {"error": {"code": self.code, "message": self.message}}


class InvalidSignatureError(WebhookError):
    """401: the signature header is missing, or matches no configured secret."""


class MethodNotAllowedError(WebhookError):
    """405: webhooks are delivered with POST."""


class BodyTooLargeError(WebhookError):
    """413: the body is over ``max_body_bytes``."""


class InvalidBodyError(WebhookError):
    """400: the body is not JSON, not a webhook envelope, or arrived incomplete."""


class ConfigurationError(WebhookError):
    """500: a server-side mistake (no secret, bad options, a parsed body passed)."""


_BY_STATUS: dict[int, type[WebhookError]] = {
    401: InvalidSignatureError,
    405: MethodNotAllowedError,
    413: BodyTooLargeError,
    400: InvalidBodyError,
    500: ConfigurationError,
}


def from_core(code: str, status: int, message: str) -> WebhookError:
    """The exception for an error the core reported (called by the native module)."""
    return _BY_STATUS.get(status, WebhookError)(code, status, message)


def core_error(code: str, message: str | None = None) -> WebhookError:
    """A ``WebhookError`` for ``code`` (its status from the core), for helpers."""
    error: WebhookError = _native.core_error(code, message)
    return error
