"""The Standard Webhooks scheme through Python: the reference libraries'
signing vector (standard-webhooks/standard-webhooks,
libraries/javascript/src/webhook.test.ts, as js-tests/package uses it),
headers given as a dict (any case) or a framework's headers object, the
freshness window both ways, and a signature made here with hmac + base64 as
a relay would."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import pytest
from wasender_webhook import WasenderWebhook, WebhookError

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
VECTOR_TS = 1614265330
VECTOR_BODY = b'{"test": 2432232314}'
VECTOR_SIG = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
BODY = json.dumps({"event": "session.status", "data": {"status": "connected"}}).encode()


def sign(body: bytes, msg_id: str, ts: int, secret: str = SECRET) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    mac = hmac.new(key, f"{msg_id}.{ts}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def headers(body: bytes, ts: int | None = None, msg_id: str = "msg_1") -> dict[str, str]:
    ts = int(time.time()) if ts is None else ts
    return {"webhook-id": msg_id, "webhook-timestamp": str(ts), "webhook-signature": sign(body, msg_id, ts)}


def hook(**options: object) -> WasenderWebhook:
    return WasenderWebhook(secret=SECRET, scheme="standard-webhooks", **options)  # type: ignore[arg-type]


def code_of(call: object) -> str:
    with pytest.raises(WebhookError) as caught:
        call()  # type: ignore[operator]
    return caught.value.code


def test_the_reference_vector_signs_as_we_do_and_verifies() -> None:
    assert sign(VECTOR_BODY, VECTOR_ID, VECTOR_TS) == VECTOR_SIG
    h = hook(tolerance="unchecked")  # the vector is from 2021
    vector = {"webhook-id": VECTOR_ID, "webhook-timestamp": str(VECTOR_TS), "webhook-signature": VECTOR_SIG}
    assert h.verify(VECTOR_BODY, vector) == 0
    # One bit off in the body, the id or the timestamp is a forgery.
    assert code_of(lambda: h.verify(b'{"test": 2432232315}', vector)) == "INVALID_SIGNATURE"
    assert code_of(lambda: h.verify(VECTOR_BODY, {**vector, "webhook-id": VECTOR_ID + "x"})) == "INVALID_SIGNATURE"
    # Several signatures: one valid is enough; other versions are skipped.
    multi = {**vector, "webhook-signature": "v2,abc v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= " + VECTOR_SIG}
    assert h.verify(VECTOR_BODY, multi) == 0


def test_a_fresh_delivery_parses_with_headers_in_any_case() -> None:
    h = hook()
    given = headers(BODY)
    assert h.handle_webhook_event(BODY, given).event == "session.status"
    upper = {k.upper(): v for k, v in given.items()}
    assert h.handle_webhook_event(BODY, upper).session_status == "connected"


class FrameworkHeaders:
    """A case-insensitive headers object with only ``get``, as frameworks have."""

    def __init__(self, items: dict[str, str]) -> None:
        self._items = {k.lower(): v for k, v in items.items()}

    def get(self, name: str, default: object = None) -> object:
        return self._items.get(name.lower(), default)


def test_a_headers_object_with_get() -> None:
    assert hook().verify(BODY, FrameworkHeaders(headers(BODY))) == 0


def test_the_window_both_ways_and_its_edges() -> None:
    h = hook(tolerance=(60, 10))
    now = int(time.time())
    assert h.verify(BODY, headers(BODY, now - 50)) == 0
    assert code_of(lambda: h.verify(BODY, headers(BODY, now - 120))) == "TIMESTAMP_TOO_OLD"
    assert code_of(lambda: h.verify(BODY, headers(BODY, now + 120))) == "TIMESTAMP_TOO_NEW"
    # A Stripe-style timestamp an hour ahead is refused by default.
    assert code_of(lambda: hook().verify(BODY, headers(BODY, now + 3600))) == "TIMESTAMP_TOO_NEW"


def test_missing_and_malformed_headers_name_the_header_and_echo_nothing() -> None:
    h = hook()
    given = headers(BODY)
    for name in ("webhook-id", "webhook-timestamp", "webhook-signature"):
        partial = {k: v for k, v in given.items() if k != name}
        with pytest.raises(WebhookError) as caught:
            h.verify(BODY, partial)
        assert caught.value.code == "MISSING_SIGNATURE" and name in caught.value.message
    with pytest.raises(WebhookError) as caught:
        h.verify(BODY, {**given, "webhook-timestamp": "soon"})
    assert caught.value.code == "INVALID_SIGNATURE"
    assert "soon" not in caught.value.message and given["webhook-signature"] not in caught.value.message
    # A bare string is only the signature: the id and timestamp are missing.
    assert code_of(lambda: h.verify(BODY, given["webhook-signature"])) == "MISSING_SIGNATURE"
    with pytest.raises(TypeError):
        h.verify(BODY, {**given, "webhook-id": 7})


@pytest.mark.parametrize("tolerance", [0, (0, 0), -1, "off", True, (1, 2, 3), 1.5])
def test_a_tolerance_that_is_not_one_is_refused_at_construction(tolerance: object) -> None:
    assert code_of(lambda: hook(tolerance=tolerance)) == "INVALID_OPTIONS"


def test_the_other_schemes_read_x_webhook_signature_from_headers() -> None:
    h = WasenderWebhook(secret="s3cret")
    assert h.verify(BODY, {"x-webhook-signature": "s3cret"}) == 0
    assert h.verify(BODY, FrameworkHeaders({"X-Webhook-Signature": "s3cret"})) == 0
    assert code_of(lambda: h.verify(BODY, {"webhook-signature": "s3cret"})) == "MISSING_SIGNATURE"
