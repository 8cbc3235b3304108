"""A FastAPI endpoint for WasenderAPI webhooks: `uvicorn app:app`."""

import os

from fastapi import Depends, FastAPI

from wasender_webhook import WasenderWebhook, WebhookEvent
from wasender_webhook.fastapi import WebhookEventDependency, install

app = FastAPI()
install(app)  # a WebhookError answers {"error": {"code", "message"}} with its status
wasender_event = WebhookEventDependency(WasenderWebhook(secret=os.environ["WASENDER_WEBHOOK_SECRET"]))


@app.post("/webhooks/wasender")
async def on_event(event: WebhookEvent = Depends(wasender_event)) -> dict[str, object]:
    if event.event == "messages.upsert" and event.messages:
        return {"ok": True, "messages": len(event.messages)}
    return {"ok": True, "event": event.event}
