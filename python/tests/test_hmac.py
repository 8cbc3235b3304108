"""The hmac-sha256 scheme through Python: RFC 4231 and Wycheproof, as
tests/hmac_conformance.rs runs them against the core. Full-length tags
verify exactly as the vectors say; truncated tags never verify."""

from __future__ import annotations

import json

import pytest
from conftest import REPO

import wasender_webhook as ww

RFC4231 = [
    (b"\x0b" * 20, b"Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    (b"Jefe", b"what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    (b"\xaa" * 20, b"\xdd" * 50, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    (
        bytes.fromhex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
        b"\xcd" * 50,
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
    ),
    (
        b"\xaa" * 131,
        b"Test Using Larger Than Block-Size Key - Hash Key First",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    ),
    (
        b"\xaa" * 131,
        b"This is a test using a larger than block-size key and a larger than block-size data. "
        b"The key needs to be hashed before being used by the HMAC algorithm.",
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    ),
]


@pytest.mark.parametrize(("key", "msg", "tag"), RFC4231)
def test_rfc4231(key: bytes, msg: bytes, tag: str) -> None:
    hook = ww.WasenderWebhook(secret=key, scheme="hmac-sha256")
    assert hook.verify(msg, tag) == 0
    assert hook.verify(bytearray(msg), tag.upper()) == 0
    assert hook.verify(memoryview(msg), "sha256=" + tag) == 0
    with pytest.raises(ww.InvalidSignatureError) as caught:
        hook.verify(msg + b"\x00", tag)
    assert caught.value.code == "INVALID_SIGNATURE"


def test_rfc4231_truncated_case_is_refused() -> None:
    hook = ww.WasenderWebhook(secret=b"\x0c" * 20, scheme="hmac-sha256")
    with pytest.raises(ww.InvalidSignatureError):
        hook.verify(b"Test With Truncation", "a3b6167473100ee06e0c796c2955552b")


def test_wycheproof() -> None:
    suite = json.loads((REPO / "tests/data/wycheproof/hmac_sha256_test.json").read_text())
    full = truncated = 0
    for group in suite["testGroups"]:
        for case in group["tests"]:
            hook = ww.WasenderWebhook(secret=bytes.fromhex(case["key"]), scheme="hmac-sha256")
            msg = bytes.fromhex(case["msg"])
            try:
                verdict: int | ww.WebhookError = hook.verify(msg, case["tag"])
            except ww.WebhookError as error:
                verdict = error
            if group["tagSize"] == 256:
                full += 1
                if case["result"] == "valid":
                    assert verdict == 0, case["tcId"]
                else:
                    assert isinstance(verdict, ww.InvalidSignatureError), case["tcId"]
                    assert verdict.code == "INVALID_SIGNATURE"
            else:
                truncated += 1
                assert isinstance(verdict, ww.WebhookError), f"tcId {case['tcId']}: a short tag verified"
    assert (full, truncated) == (87, 87)


def test_the_matched_secret_index() -> None:
    hook = ww.WasenderWebhook(secrets=["old", "new"], scheme="hmac-sha256")
    import hashlib
    import hmac

    body = b'{"event":"x","data":{}}'
    assert hook.verify(body, hmac.new(b"new", body, hashlib.sha256).hexdigest()) == 1
    assert hook.verify(body, hmac.new(b"old", body, hashlib.sha256).hexdigest()) == 0
