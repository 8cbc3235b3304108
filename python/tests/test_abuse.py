"""What a careless caller or a hostile sender can hand the binding: wrong
types, huge headers and bodies, floods of failures. Every one is a typed
error (or a TypeError for a wrong signature type), never a crash, and the
hook stays usable; no answer holds a secret, a signature or a sessionId."""

from __future__ import annotations

import array
import pickle
import threading
from typing import Any

import pytest
from conftest import SECRET

import wasender_webhook as ww

BODY = b'{"event":"session.status","sessionId":"SESSION-ID-SECRET","data":{"status":"connected"}}'
LIMIT = 1024
hook = ww.WasenderWebhook(secret=SECRET, max_body_bytes=LIMIT)


def code_of(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(ww.WebhookError) as caught:
        call(*args, **kwargs)
    error = caught.value
    assert ww.ERROR_CODES[error.code] == error.status
    for text in (str(error), repr(error), error.message):
        assert SECRET not in text and "SESSION-ID-SECRET" not in text
    return error.code


@pytest.mark.parametrize("body", [{"event": "x", "data": {}}, ["x"], 5, None, 1.5, object(), array.array("i", [1, 2])])
def test_a_body_that_is_no_raw_bytes_is_refused(body: Any) -> None:
    assert code_of(hook.handle_webhook_event, body, SECRET) == "BODY_ALREADY_PARSED"
    assert code_of(hook.verify, body, SECRET) == "BODY_ALREADY_PARSED"
    with pytest.raises(ww.ConfigurationError, match="raw request bytes"):
        hook.handle_webhook_event(body, SECRET)


@pytest.mark.parametrize("signature", [5, ["x"], 1.0])
def test_a_signature_of_the_wrong_type_is_a_type_error(signature: Any) -> None:
    with pytest.raises(TypeError, match="X-Webhook-Signature"):
        hook.handle_webhook_event(BODY, signature)


def test_a_mapping_is_the_request_headers() -> None:
    # A dict is read as the headers: without the signature header it is
    # missing, and a header value of the wrong type is a TypeError.
    assert code_of(hook.handle_webhook_event, BODY, {"x": 1}) == "MISSING_SIGNATURE"
    with pytest.raises(TypeError, match="x-webhook-signature"):
        hook.handle_webhook_event(BODY, {"X-Webhook-Signature": 1})


def test_missing_and_forged_signatures() -> None:
    assert code_of(hook.handle_webhook_event, BODY, None) == "MISSING_SIGNATURE"
    assert code_of(hook.handle_webhook_event, BODY, "") == "MISSING_SIGNATURE"
    assert code_of(hook.handle_webhook_event, BODY, SECRET + "x") == "INVALID_SIGNATURE"
    assert code_of(hook.handle_webhook_event, BODY, "\ud800") == "INVALID_SIGNATURE"
    assert hook.handle_webhook_event(BODY, SECRET.encode()).session_status == "connected"


@pytest.mark.parametrize("header", ["a" * 10_000_000, "é" * 5_000_000, SECRET * 1_000_000])
def test_a_ten_megabyte_header(header: str) -> None:
    assert code_of(hook.handle_webhook_event, BODY, header) == "INVALID_SIGNATURE"
    assert hook.handle_webhook_event(BODY, SECRET).event == "session.status"


@pytest.mark.parametrize(
    "make",
    [bytes, bytearray, memoryview, lambda b: b.decode(), lambda b: memoryview(bytearray(b))],
    ids=["bytes", "bytearray", "memoryview", "str", "memoryview-of-bytearray"],
)
def test_oversized_bodies_of_each_type(make: Any) -> None:
    for sig in (None, "forged", SECRET):
        assert code_of(hook.handle_webhook_event, make(b" " * (LIMIT + 1)), sig) == "BODY_TOO_LARGE"
    # At the limit the size passes and the body is judged on its merits.
    assert code_of(hook.handle_webhook_event, make(b" " * LIMIT), SECRET) == "INVALID_JSON"
    with pytest.raises(ww.BodyTooLargeError, match="max_body_bytes"):
        hook.verify(make(b" " * 20_000_000), SECRET)


def test_a_str_over_the_limit_only_once_encoded() -> None:
    # 600 characters, 1200 bytes of UTF-8.
    assert code_of(hook.handle_webhook_event, "é" * 600, SECRET) == "BODY_TOO_LARGE"


def test_a_str_that_cannot_be_what_was_sent() -> None:
    assert code_of(hook.handle_webhook_event, '{"event":"\ud800","data":1}', SECRET) == "UNREADABLE_BODY"


def test_a_released_memoryview_is_unreadable() -> None:
    view = memoryview(BODY)
    view.release()
    assert code_of(hook.handle_webhook_event, view, SECRET) == "UNREADABLE_BODY"
    assert hook.handle_webhook_event(BODY, SECRET).event == "session.status"


def test_a_strided_memoryview_is_its_bytes() -> None:
    doubled = bytes(b for c in BODY for b in (c, 0))
    assert hook.handle_webhook_event(memoryview(doubled)[::2], SECRET).event == "session.status"


def test_bad_options_are_typed_errors() -> None:
    new = ww.WasenderWebhook
    assert code_of(new) == "MISSING_SECRET"
    assert code_of(new, secrets=[]) == "MISSING_SECRET"
    assert code_of(new, secret="") == "MISSING_SECRET"
    assert code_of(new, secret=5) == "INVALID_OPTIONS"
    assert code_of(new, secrets="abc") == "INVALID_OPTIONS"
    assert code_of(new, secrets=[SECRET, 5]) == "INVALID_OPTIONS"
    assert code_of(new, secrets=5) == "INVALID_OPTIONS"
    assert code_of(new, secret=SECRET, secrets=[SECRET]) == "INVALID_OPTIONS"
    assert code_of(new, secret=SECRET, scheme="sha1") == "INVALID_OPTIONS"
    assert code_of(new, secret=SECRET, scheme=5) == "INVALID_OPTIONS"
    for limit in (0, -1, 2**64, True, "10", 1.5, ww.MAX_BODY_BYTES_LIMIT + 1):
        assert code_of(new, secret=SECRET, max_body_bytes=limit) == "INVALID_OPTIONS", limit
    assert new(secret=SECRET, max_body_bytes=ww.MAX_BODY_BYTES_LIMIT).max_body_bytes == ww.MAX_BODY_BYTES_LIMIT
    with pytest.raises(TypeError):
        new(SECRET)  # type: ignore[misc]


def test_many_failures_then_a_genuine_delivery() -> None:
    bad = [(b"{", SECRET), (BODY, "forged"), (BODY, None), (b" " * (LIMIT + 1), SECRET), ({}, SECRET), (b"[]", SECRET)]
    for i in range(100_000):
        body, sig = bad[i % len(bad)]
        try:
            hook.handle_webhook_event(body, sig)
        except ww.WebhookError:
            pass
        else:
            raise AssertionError(f"delivery {i} passed")
    event = hook.handle_webhook_event(BODY, SECRET)
    assert (event.event, event.session_status, event.session_id) == ("session.status", "connected", "SESSION-ID-SECRET")


def test_threads_share_one_hook() -> None:
    big = b'{"event":"x","data":{"pad":"' + b"a" * 500_000 + b'"}}'
    shared = ww.WasenderWebhook(secret=SECRET)
    failures: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(20):
                assert shared.handle_webhook_event(big, SECRET).data["pad"] == "a" * 500_000
                assert shared.handle_webhook_event(BODY, SECRET).session_status == "connected"
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_reprs_hold_no_secret_or_session_id() -> None:
    assert SECRET not in repr(hook)
    event = hook.handle_webhook_event(BODY, SECRET)
    assert "SESSION-ID-SECRET" not in repr(event)


def test_errors_pickle_and_answer_as_json() -> None:
    with pytest.raises(ww.InvalidSignatureError) as caught:
        hook.handle_webhook_event(BODY, "forged")
    again = pickle.loads(pickle.dumps(caught.value))
    assert (type(again), again.code, again.status, again.message) == (
        ww.InvalidSignatureError,
        "INVALID_SIGNATURE",
        401,
        caught.value.message,
    )
    assert caught.value.to_json() == {"error": {"code": "INVALID_SIGNATURE", "message": caught.value.message}}


def test_the_one_shot_function() -> None:
    assert ww.handle_webhook_event(BODY, SECRET, secret=SECRET).session_status == "connected"
    assert code_of(ww.handle_webhook_event, BODY, "nope", secret=SECRET) == "INVALID_SIGNATURE"
    assert code_of(ww.handle_webhook_event, BODY, SECRET) == "MISSING_SECRET"


def test_error_codes_are_the_npm_packages() -> None:
    assert ww.ERROR_CODES["INVALID_SIGNATURE"] == 401
    assert ww.ERROR_CODES["BODY_TOO_LARGE"] == 413
    assert ww.ERROR_CODES["INVALID_JSON"] == 400
    assert ww.ERROR_CODES["METHOD_NOT_ALLOWED"] == 405
    assert ww.ERROR_CODES["MISSING_SECRET"] == 500


def test_the_gil_is_released_while_the_core_works() -> None:
    # A thread counts while the main thread verifies a 16 MiB body. With a
    # long switch interval the counter cannot move during the call unless
    # the call lets go of the GIL.
    import hashlib
    import hmac as std_hmac
    import sys

    body = b" " * ww.MAX_BODY_BYTES_LIMIT
    tag = std_hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    big = ww.WasenderWebhook(secret=SECRET, scheme="hmac-sha256", max_body_bytes=ww.MAX_BODY_BYTES_LIMIT)
    count = [0]
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            count[0] += 1

    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.5)
    spinner = threading.Thread(target=spin)
    try:
        spinner.start()
        while count[0] == 0:  # the spinner is running
            pass
        before = count[0]
        assert big.verify(body, tag) == 0
        during = count[0] - before
    finally:
        stop.set()
        spinner.join()
        sys.setswitchinterval(interval)
    assert during > 0
