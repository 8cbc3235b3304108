"""`data` equals json.loads, value for value and type for type, on every
JSONTestSuite document the core accepts (each wrapped as an envelope's
data), and on the cases the issue names: big integers, lone surrogates,
duplicate keys."""

from __future__ import annotations

import json

import pytest
from conftest import REPO, SECRET, strictly_equal

import wasender_webhook as ww

SUITE = sorted((REPO / "tests/data/json-test-suite/test_parsing").glob("*.json"))
hook = ww.WasenderWebhook(secret=SECRET)


def wrap(data: bytes) -> bytes:
    return b'{"event":"x","data":' + data + b"}"


@pytest.mark.parametrize("path", SUITE, ids=[p.name for p in SUITE])
def test_json_test_suite(path: object) -> None:
    raw = path.read_bytes()  # type: ignore[attr-defined]
    name = path.name  # type: ignore[attr-defined]
    try:
        event = hook.handle_webhook_event(wrap(raw), SECRET)
    except ww.WebhookError as error:
        assert not name.startswith("y_"), f"{name} must be accepted: {error}"
        assert error.code in ("INVALID_JSON", "INVALID_PAYLOAD")
        return
    assert not name.startswith("n_"), f"{name} must be refused"
    # What the core accepts, json.loads reads the same (it is laxer: NaN, BOMs).
    assert strictly_equal(event.data, json.loads(raw.decode("utf-8"))), name


@pytest.mark.parametrize(
    "data",
    [
        "123456789012345678901234567890",
        "-9223372036854775809",
        "9007199254740993",
        "[1.0, 1e2, 1E-2, -0, -0.0, 0.1, 1e400, -1e400, 5e-324]",
        '"\\ud83d"',
        '"a\\udc00b\\ud83d\\ude00"',
        '{"\\ud800": 1, "k": 2}',
        '{"a": 1, "b": 2, "a": 3}',
        '{"__proto__": 1, "constructor": {}}',
        '"\\u0000 nul"',
        "[" * 100 + "]" * 100,
    ],
)
def test_what_json_loads_makes_of_it(data: str) -> None:
    for body in (wrap(data.encode()), wrap(data.encode()).decode()):
        event = hook.handle_webhook_event(body, SECRET)
        assert strictly_equal(event.data, json.loads(data)), data
