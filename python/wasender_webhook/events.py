"""The event types: what ``events.pyi`` declares for type checkers, as run
time knows them. Every per-event class (``MessagesUpsertEvent`` …) is the one
native ``WebhookEvent`` class; the wire objects' TypedDicts are ``dict``; the
views are their classes. Type checkers read ``events.pyi`` (generated from
the Rust model) and narrow the ``WebhookEvent`` union on ``event.event``."""

from __future__ import annotations

from typing import Any

from . import _native
from ._views import VIEW_CLASSES

WebhookEvent = _native.WebhookEvent
WebhookEventName = str
ErrorCode = str

_RUNTIME: dict[str, Any] = {"event": _native.WebhookEvent, "dict": dict, "alias": object}
for _name, _kind in _native.TYPES:
    globals()[_name] = VIEW_CLASSES[_name] if _kind == "view" else _RUNTIME[_kind]
