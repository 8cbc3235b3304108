"""mypy --strict and pyright must refuse this file: without narrowing on ``event.event``
an event may have no ``messages`` (test_stubs.py checks that it does)."""

from __future__ import annotations

from wasender_webhook import WebhookEvent


def first_text(event: WebhookEvent) -> str | None:
    return event.messages[0].text
