"""A Flask endpoint for WasenderAPI webhooks: `flask --app app run`."""

import os

from flask import Flask

from wasender_webhook import WasenderWebhook, WebhookEvent
from wasender_webhook.flask import webhook

app = Flask(__name__)
hook = WasenderWebhook(secret=os.environ["WASENDER_WEBHOOK_SECRET"])


@app.post("/webhooks/wasender")
@webhook(hook)
def on_event(event: WebhookEvent) -> dict[str, object] | None:
    if event.event == "messages.upsert" and event.messages:
        return {"ok": True, "messages": len(event.messages)}
    return None  # answers {"ok": true, "event": event.event}
