"""A handler that narrows on ``event.event``: mypy --strict and pyright check it (the
stubs' union narrows to each event's class), and test_stubs.py runs it."""

from __future__ import annotations

from typing import assert_type

from wasender_webhook import NormalizedMessage, WasenderWebhook, WebhookEvent, WebhookEventName
from wasender_webhook.events import MessagesData, MessagesUpsertEvent, SessionStatus, SessionStatusEvent


def describe(event: WebhookEvent) -> str:
    name: WebhookEventName = event.event
    if event.event == "messages.upsert":
        assert_type(event, MessagesUpsertEvent)
        assert_type(event.messages, list[NormalizedMessage])
        assert_type(event.data, MessagesData)
        texts = [m.text or "" for m in event.messages if not m.from_me]
        return f"{name}: {len(event.messages)} message(s) {texts}"
    if event.event == "session.status":
        assert_type(event, SessionStatusEvent)
        assert_type(event.session_status, SessionStatus)
        return f"{name}: {event.session_status} ({event.data.get('status')})"
    if event.event == "messages.reaction":
        return f"{name}: {[r.emoji for r in event.reactions]}"
    if event.event == "unknown":
        return f"unknown: {event.received_event}"
    return name


def handle(hook: WasenderWebhook, body: bytes, signature: str | None) -> str:
    return describe(hook.handle_webhook_event(body, signature))
