"""What the Python tests share: the repository's fixtures and signing."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from pathlib import Path
from typing import Any

import pytest

REPO = Path(os.environ.get("WASENDER_REPO", Path(__file__).resolve().parents[2]))
FIXTURES = REPO / "tests" / "fixtures"
SECRET = "whsec-test-secret"


def hmac_hex(secret: str | bytes, body: bytes) -> str:
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def strictly_equal(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (1 is not 1.0, True is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(strictly_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(strictly_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and a != a:
        return b != b
    return bool(a == b)


@pytest.fixture(scope="session")
def expected() -> dict[str, Any]:
    result: dict[str, Any] = json.loads((FIXTURES / "expected.json").read_bytes())
    return result


def fixture_body(name: str) -> bytes:
    return (FIXTURES / "events" / f"{name}.json").read_bytes()
