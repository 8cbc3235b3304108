"""The type stubs: events.pyi is what the Rust model renders (the committed
file and the installed one), mypy --strict (and pyright) narrow on ``event.event`` and
refuses code that does not, and every name the stubs declare exists at run
time."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SECRET, fixture_body

import wasender_webhook
from wasender_webhook import _native, events

GENERATED = _native._stub_text()
REGENERATE = "python -c \"import wasender_webhook._native as n; print(n._stub_text(), end='')\" > python/wasender_webhook/events.pyi"


def test_the_committed_stub_is_the_generated_one() -> None:
    committed = (REPO / "python/wasender_webhook/events.pyi").read_text()
    assert committed == GENERATED, f"events.pyi is stale: regenerate it with {REGENERATE}"


def test_the_installed_stub_is_the_generated_one() -> None:
    installed = Path(wasender_webhook.__file__).parent
    assert (installed / "events.pyi").read_text() == GENERATED
    assert (installed / "_native.pyi").exists() and (installed / "py.typed").exists()


def test_every_declared_name_exists_at_run_time() -> None:
    declared = re.findall(r"^(?:class (\w+)|(\w+)(?:: TypeAlias)? = )", GENERATED, flags=re.M)
    names = {a or b for a, b in declared}
    assert len(names) > 60
    missing = sorted(n for n in names if not hasattr(events, n))
    assert missing == []
    assert events.MessagesUpsertEvent is wasender_webhook.WebhookEvent
    assert events.NormalizedMessage is wasender_webhook.NormalizedMessage


def mypy(cache: Path, target: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(REPO / "python/pyproject.toml"), "--cache-dir", str(cache), target],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")


@pytest.mark.parametrize(
    "target",
    ["python/tests/typed/narrowing.py", "examples/flask/app.py", "examples/fastapi/app.py", "examples/django/app.py"],
)
def test_mypy_strict_accepts(cache: Path, target: str) -> None:
    result = mypy(cache, str(REPO / target), cwd=(REPO / target).parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_accepts_the_package(cache: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(REPO / "python/pyproject.toml"), "--cache-dir", str(cache), "-p", "wasender_webhook"],
        capture_output=True,
        text=True,
        check=False,
        cwd=cache,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_refuses_what_is_not_narrowed(cache: Path) -> None:
    result = mypy(cache, str(REPO / "python/tests/typed/not_narrowed.py"), cwd=REPO / "python/tests/typed")
    assert result.returncode == 1
    assert 'Value of type "list[NormalizedMessage] | None" is not indexable' in result.stdout


# pyright from npm (js-tests/package.json pins it; scripts/setup installs
# it): the PyPI wrapper would download that same package at run time.
PYRIGHT = REPO / "js-tests/node_modules/pyright/index.js"


def pyright(target: Path) -> subprocess.CompletedProcess[str]:
    assert PYRIGHT.exists(), "pyright is not installed: run scripts/setup (js-tests pins it)"
    return subprocess.run(
        ["node", str(PYRIGHT), "--pythonpath", sys.executable, str(target)],
        capture_output=True,
        text=True,
        cwd=target.parent,
    )


def test_pyright_accepts_the_typed_example() -> None:
    result = pyright(REPO / "python/tests/typed/narrowing.py")
    assert result.returncode == 0 and "0 errors" in result.stdout, result.stdout + result.stderr


def test_pyright_refuses_what_is_not_narrowed() -> None:
    result = pyright(REPO / "python/tests/typed/not_narrowed.py")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "reportOptionalSubscript" in result.stdout, result.stdout


def test_the_typed_example_runs() -> None:
    spec = importlib.util.spec_from_file_location("narrowing", REPO / "python/tests/typed/narrowing.py")
    assert spec and spec.loader
    narrowing = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(narrowing)
    hook = wasender_webhook.WasenderWebhook(secret=SECRET)
    assert narrowing.handle(hook, fixture_body("messages.upsert.object"), SECRET).startswith("messages.upsert: 1 message(s)")
    assert narrowing.handle(hook, fixture_body("session.status.lower"), SECRET).startswith("session.status: ")
    assert narrowing.handle(hook, b'{"event":"presence.update","data":{}}', SECRET) == "unknown: presence.update"
