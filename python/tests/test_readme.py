"""The README's Python snippets that name a file (`# examples/flask/app.py`)
are whole lines of that file, so what the README shows is what
test_frameworks.py runs (and mypy checks)."""

from __future__ import annotations

import re

from conftest import REPO


def test_python_snippets_are_their_files() -> None:
    text = (REPO / "README.md").read_text()
    checked = 0
    for body in re.findall(r"^```python\n(.*?)^```$", text, flags=re.M | re.S):
        first, _, excerpt = body.partition("\n")
        name = re.fullmatch(r"# (examples/\S+)", first)
        if name is None:
            continue
        content = (REPO / name[1]).read_text()
        assert excerpt.strip() and ("\n" + excerpt) in ("\n" + content), f"{name[1]}: the snippet is not whole lines of it"
        checked += 1
    assert checked >= 3
