"""The three examples (examples/flask, fastapi, django) run against their
real frameworks' test clients: genuine 200, forged 401, oversized 413 (also
when no Content-Length announces it), malformed 400, each with the npm
package's JSON error body and nothing secret in any answer."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from conftest import REPO, fixture_body

SECRET = "example-secret-do-not-echo"
SESSION = "SESSION-ID-DO-NOT-ECHO"
os.environ["WASENDER_WEBHOOK_SECRET"] = SECRET
PATH = "/webhooks/wasender"
MIB = 1 << 20


def load(framework: str) -> ModuleType:
    file = REPO / "examples" / framework / "app.py"
    spec = importlib.util.spec_from_file_location(f"example_{framework}", file)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# (status, parsed JSON, headers) for post(body, headers)
Post = Callable[[Any, dict[str, str]], tuple[int, Any, dict[str, str], str]]


def flask_client() -> Post:
    client = load("flask").app.test_client()

    def post(body: Any, headers: dict[str, str]) -> tuple[int, Any, dict[str, str], str]:
        r = client.post(PATH, data=body, headers=headers)
        return r.status_code, r.get_json(silent=True), dict(r.headers), r.get_data(as_text=True)

    return post


def fastapi_client() -> Post:
    from starlette.testclient import TestClient

    client = TestClient(load("fastapi").app)

    def post(body: Any, headers: dict[str, str]) -> tuple[int, Any, dict[str, str], str]:
        r = client.post(PATH, content=body, headers=headers)
        return r.status_code, r.json() if r.content else None, dict(r.headers), r.text

    return post


def django_client() -> Post:
    load("django")
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    def post(body: Any, headers: dict[str, str]) -> tuple[int, Any, dict[str, str], str]:
        r = client.post(PATH, data=body, content_type="application/json", headers=headers)
        text = r.content.decode()
        return r.status_code, json.loads(text) if text else None, dict(r.headers), text

    return post


CLIENTS = {"flask": flask_client, "fastapi": fastapi_client, "django": django_client}


@pytest.fixture(scope="module", params=list(CLIENTS))
def post(request: pytest.FixtureRequest) -> Iterator[Post]:
    yield CLIENTS[request.param]()


def genuine(session: bool = True) -> bytes:
    sent = json.loads(fixture_body("messages.upsert.object"))
    if session:
        sent["sessionId"] = SESSION
    return json.dumps(sent).encode()


def check_quiet(text: str) -> None:
    for secret in (SECRET, SESSION, "forged-signature-value"):
        assert secret not in text


def test_genuine_deliveries_answer_200(post: Post) -> None:
    status, body, _, text = post(genuine(), {"X-Webhook-Signature": SECRET})
    assert (status, body) == (200, {"ok": True, "messages": 1})
    check_quiet(text)
    status, body, _, _ = post(b'{"event":"session.status","data":{"status":"connected"}}', {"X-Webhook-Signature": SECRET})
    assert (status, body) == (200, {"ok": True, "event": "session.status"})


def test_a_delivery_of_exactly_the_limit_answers_200(post: Post) -> None:
    head = b'{"event":"session.status","data":{"status":"connected","pad":"'
    tail = b'"}}'
    body = head + b"a" * (MIB - len(head) - len(tail)) + tail
    assert len(body) == MIB
    status, answer, _, _ = post(body, {"X-Webhook-Signature": SECRET})
    assert (status, answer) == (200, {"ok": True, "event": "session.status"})


@pytest.mark.parametrize(
    ("headers", "code"),
    [({"X-Webhook-Signature": "forged-signature-value"}, "INVALID_SIGNATURE"), ({}, "MISSING_SIGNATURE")],
)
def test_forged_deliveries_answer_401(post: Post, headers: dict[str, str], code: str) -> None:
    status, body, _, text = post(genuine(), headers)
    assert status == 401
    assert body["error"]["code"] == code and set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    check_quiet(text)


def test_oversized_deliveries_answer_413(post: Post) -> None:
    for signature in (SECRET, "forged-signature-value"):
        status, body, _, text = post(b" " * (MIB + 1), {"X-Webhook-Signature": signature})
        assert (status, body["error"]["code"]) == (413, "BODY_TOO_LARGE")
        check_quiet(text)


@pytest.mark.parametrize(
    ("raw", "code"),
    [(b"{", "INVALID_JSON"), (b"[]", "INVALID_PAYLOAD"), (b'{"event":"call","data":{"call":{"from":5}}}', "INVALID_PAYLOAD")],
)
def test_malformed_deliveries_answer_400(post: Post, raw: bytes, code: str) -> None:
    status, body, _, text = post(raw, {"X-Webhook-Signature": SECRET})
    assert (status, body["error"]["code"]) == (400, code)
    check_quiet(text)


def test_fastapi_refuses_a_streamed_oversized_body_while_reading() -> None:
    from starlette.testclient import TestClient

    client = TestClient(load("fastapi").app)
    sent = 0

    def chunks() -> Iterator[bytes]:
        nonlocal sent
        for _ in range(64):  # 4 MiB offered, no Content-Length
            sent += 1
            yield b" " * 65536

    r = client.post(PATH, content=chunks(), headers={"X-Webhook-Signature": SECRET})
    assert (r.status_code, r.json()["error"]["code"]) == (413, "BODY_TOO_LARGE")
    assert "content-length" not in {k.lower() for k in r.request.headers}


def test_django_answers_405_with_allow_and_a_generic_500() -> None:
    load("django") if "example_django" not in sys.modules else None
    from django.test import Client

    r = Client().get(PATH)
    assert (r.status_code, r.headers["Allow"], r.json()["error"]["code"]) == (405, "POST", "METHOD_NOT_ALLOWED")


def test_server_side_mistakes_answer_a_generic_500(caplog: pytest.LogCaptureFixture) -> None:
    from wasender_webhook import WebhookError, _http

    error = WebhookError("BODY_ALREADY_PARSED", 500, "details for the operator")
    status, body, _ = _http.error_answer(error)
    assert (status, body["error"]["code"]) == (500, "INTERNAL_ERROR")
    assert "details for the operator" not in json.dumps(body)
    assert "details for the operator" in caplog.text
