"""A base for mutable records written as slotted classes: equal when every slot is equal, never hashed."""
from __future__ import annotations


class SlotRecord:
    """What `@dataclass` gave these records, for a fraction of its import cost (dataclasses pulls in inspect)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the non-frozen dataclasses they replace
