"""scripts/python runs these tests against the wheel installed in a fresh
virtual environment, from outside the source tree: prove it is that copy."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from conftest import REPO

import wasender_webhook


@pytest.mark.skipif(not os.environ.get("WASENDER_INSTALLED_WHEEL"), reason="only under scripts/python")
def test_the_package_is_the_installed_wheel() -> None:
    where = Path(wasender_webhook.__file__).resolve()
    assert Path(sys.prefix).resolve() in where.parents, where
    assert REPO.resolve() not in where.parents, where
    native = Path(wasender_webhook._native.__file__)
    assert native.name == "_native.abi3.so"
    assert (where.parent / "py.typed").exists()
