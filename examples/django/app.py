"""A one-file Django project for WasenderAPI webhooks: `python app.py runserver`."""

import os
import sys

from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1", "localhost", "testserver"],
    ROOT_URLCONF=__name__,
    SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", "example-only"),
    MIDDLEWARE=["django.middleware.csrf.CsrfViewMiddleware"],  # the decorator is CSRF-exempt
)

from django.http import HttpRequest, JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402

from wasender_webhook import WasenderWebhook, WebhookEvent  # noqa: E402
from wasender_webhook.django import webhook  # noqa: E402


@webhook(WasenderWebhook(secret=os.environ["WASENDER_WEBHOOK_SECRET"]))
def on_event(request: HttpRequest, event: WebhookEvent) -> JsonResponse | None:
    if event.event == "messages.upsert" and event.messages:
        return JsonResponse({"ok": True, "messages": len(event.messages)})
    return None  # answers {"ok": true, "event": event.event}


urlpatterns = [path("webhooks/wasender", on_event)]

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
