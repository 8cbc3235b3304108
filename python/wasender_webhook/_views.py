"""The normalised views (``event.messages``, ``.statuses``, ``.reactions``).

Their classes are made from the core's own declarations (the native
module's ``VIEWS``: each view's wire keys in order), so no field is spelled
twice: ``chatJid`` is the attribute ``chat_jid``. ``to_dict()`` gives the
object the npm package's event holds (camelCase keys, absent fields left out).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from . import _native


def _snake(wire: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", wire).lower()


class View:
    """A view object: immutable, compared by value."""

    __slots__ = ()
    #: (attribute, wire key) per field, in the core's order.
    _FIELDS: ClassVar[tuple[tuple[str, str], ...]] = ()

    def __init__(self, **fields: Any) -> None:
        names = {attr for attr, _ in self._FIELDS}
        unknown = set(fields) - names
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field(s) {sorted(unknown)}")
        for attr, _ in self._FIELDS:
            object.__setattr__(self, attr, fields.get(attr))

    @classmethod
    def _from_wire(cls, wire: dict[str, Any]) -> View:
        view = cls.__new__(cls)
        for attr, key in cls._FIELDS:
            object.__setattr__(view, attr, wire.get(key))
        return view

    def to_dict(self) -> dict[str, Any]:
        """The JavaScript object: wire keys, absent fields left out."""
        out = {}
        for attr, key in self._FIELDS:
            value = getattr(self, attr)
            if value is not None:
                out[key] = value
        return out

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, a) == getattr(other, a) for a, _ in self._FIELDS)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, a) for a, _ in self._FIELDS))

    def __repr__(self) -> str:
        fields = ", ".join(f"{a}={getattr(self, a)!r}" for a, _ in self._FIELDS if getattr(self, a) is not None)
        return f"{type(self).__name__}({fields})"


_BY_VIEW: dict[str, type[View]] = {}
VIEW_CLASSES: dict[str, type[View]] = {}
for _view, _name, _keys in _native.VIEWS:
    _fields = tuple((_snake(k), k) for k in _keys)
    _cls = type(_name, (View,), {"__slots__": tuple(a for a, _ in _fields), "_FIELDS": _fields, "__module__": "wasender_webhook"})
    _BY_VIEW[_view] = _cls
    VIEW_CLASSES[_name] = _cls


def build(view: str, items: list[dict[str, Any]]) -> list[View]:
    """A view's list as objects (called by the native module)."""
    cls = _BY_VIEW[view]
    return [cls._from_wire(item) for item in items]
