"""The normalised views (``event.messages``, ``.statuses``, ``.reactions``).

Their classes are made from the core's own declarations (the native
module's ``VIEWS``: each view's fields in order, as wire key and Rust
name), so no field is spelled twice: ``chatJid`` is the attribute
``chat_jid``, ``type`` is ``message_type`` as in the Rust crate. A view is an immutable
tuple of its fields in that order (``None`` for an absent one), built by the
native module in one call; ``to_dict()`` gives the object the npm package's
event holds (camelCase keys, absent fields left out).
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, ClassVar

from . import _native


class View(tuple):  # type: ignore[type-arg]
    """A view object: immutable, compared by value, its fields as attributes."""

    __slots__ = ()
    #: (attribute, wire key) per field, in the core's order.
    _FIELDS: ClassVar[tuple[tuple[str, str], ...]] = ()

    def __new__(cls, **fields: Any) -> View:
        unknown = set(fields) - {attr for attr, _ in cls._FIELDS}
        if unknown:
            raise TypeError(f"{cls.__name__} has no field(s) {sorted(unknown)}")
        return tuple.__new__(cls, tuple(fields.get(attr) for attr, _ in cls._FIELDS))

    def to_dict(self) -> dict[str, Any]:
        """The JavaScript object: wire keys, absent fields left out."""
        return {key: value for (_, key), value in zip(self._FIELDS, self) if value is not None}

    def __repr__(self) -> str:
        fields = ", ".join(f"{attr}={value!r}" for (attr, _), value in zip(self._FIELDS, self) if value is not None)
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = tuple.__hash__

    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]:
        return (), {attr: value for (attr, _), value in zip(self._FIELDS, self)}


def _make(name: str, wire_and_attr: list[tuple[str, str]]) -> type[View]:
    fields = tuple((attr, wire) for wire, attr in wire_and_attr)
    members: dict[str, Any] = {"__slots__": (), "_FIELDS": fields, "__module__": "wasender_webhook"}
    for i, (attr, wire) in enumerate(fields):
        members[attr] = property(itemgetter(i), doc=f"`{wire}` in the npm package's event")
    return type(name, (View,), members)


#: The classes by the event attribute they fill, and by name.
BY_VIEW: dict[str, type[View]] = {}
VIEW_CLASSES: dict[str, type[View]] = {}
for _view, _name, _fields in _native.VIEWS:
    BY_VIEW[_view] = VIEW_CLASSES[_name] = _make(_name, _fields)
