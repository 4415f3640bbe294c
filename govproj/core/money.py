"""Money: one exact amount that always carries its unit, so that no rule compares a bare number with a threshold.

Internally an amount is an exact Decimal in 元 (a budget is exact to 分: two decimals in 元, six in 万元);
`Money.wan("100")` and `Money.yuan("1000000")` are the same amount. 元 ↔ 万元 is a shift of four decimal places
(`Decimal.scaleb`), never a division that could round. Comparing or adding a Money with a bare number raises
TypeError: a threshold is written as Money too (`Money.wan(100)` for "100万元"), so its unit is explicit.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

UNITS = ("万元", "元")
_SHIFT = {"万元": 4, "元": 0}  # powers of ten from the unit to 元
_CENT_WAN = Decimal("0.01")


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError("金额不用浮点数或布尔值")  # floats are inexact: never money
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, str):
        return Decimal(value)
    raise TypeError(f"不是金额：{value!r}")


class Money:
    """An exact amount of money (internally 元). Immutable, hashable, ordered against other Money only."""

    __slots__ = ("_yuan",)
    _yuan: Decimal

    def __init__(self, amount: Any, unit: str = "万元") -> None:
        if unit not in _SHIFT:
            raise ValueError(f"不认识的金额单位“{unit}”（可用：万元、元）")
        object.__setattr__(self, "_yuan", _decimal(amount).scaleb(_SHIFT[unit]))

    # ---- construction -----------------------------------------------------------------------------------------
    @classmethod
    def wan(cls, amount: Any) -> "Money":
        return cls(amount, "万元")

    @classmethod
    def yuan(cls, amount: Any) -> "Money":
        return cls(amount, "元")

    @classmethod
    def zero(cls) -> "Money":
        return cls(0, "元")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Money 不可修改")

    def __reduce__(self) -> tuple:  # pickling (the process pool and the cache carry findings and projects)
        return (Money, (self._yuan, "元"))

    # ---- reading (for printing and exports only: rules compare Money with Money) ---------------------------------
    @property
    def in_yuan(self) -> Decimal:
        return self._yuan

    @property
    def in_wan(self) -> Decimal:
        return self._yuan.scaleb(-4)

    def in_unit(self, unit: str) -> Decimal:
        return self._yuan.scaleb(-_SHIFT[unit])

    def shown(self) -> Decimal:
        """The amount in 万元 as messages print it: exact, with the digits it was written with (186.5 stays 186.5),
        and an amount written in 元 without the four zeros the shift adds (1805000元 is 180.50, 1805001元 180.5001)."""
        value = self._yuan.scaleb(-4)
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            normal = value.normalize()
            normal_exponent = normal.as_tuple().exponent
            value = normal if isinstance(normal_exponent, int) and normal_exponent < -2 else value.quantize(_CENT_WAN)
        return value

    def text(self) -> str:
        """万元 with at least two decimals and as many more as the value carries (1 元 = 0.0001 万元): never rounded."""
        value = self.shown()
        exponent = value.as_tuple().exponent
        places = max(2, -exponent) if isinstance(exponent, int) else 2
        return f"{value:.{places}f}"

    def __str__(self) -> str:
        return self.text() + "万元"

    def __repr__(self) -> str:
        return f"Money('{self.in_wan:f}万元')"

    def __format__(self, spec: str) -> str:
        # f"{total:f} 万元" (the idiom of the Decimal days) prints the amount in 万元, exactly
        return format(self.shown(), spec) if spec else str(self)

    # ---- arithmetic ---------------------------------------------------------------------------------------------
    @staticmethod
    def _other(other: Any, what: str) -> Decimal:
        if isinstance(other, Money):
            return other._yuan
        raise TypeError(f"金额只能与金额{what}（写成 Money.wan(…) 或 Money.yuan(…)），不能与 {type(other).__name__}")

    def __add__(self, other: Any) -> "Money":
        return Money(self._yuan + self._other(other, "相加"), "元")

    def __radd__(self, other: Any) -> "Money":
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self  # sum() starts from 0
        return Money(self._other(other, "相加") + self._yuan, "元")

    def __sub__(self, other: Any) -> "Money":
        return Money(self._yuan - self._other(other, "相减"), "元")

    def __neg__(self) -> "Money":
        return Money(-self._yuan, "元")

    def __abs__(self) -> "Money":
        return Money(abs(self._yuan), "元")

    def __mul__(self, factor: Any) -> "Money":
        if isinstance(factor, Money):
            raise TypeError("金额不能与金额相乘")
        return Money(self._yuan * _decimal(factor), "元")

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> Any:
        """Money / Money is a ratio (an exact Decimal, 28 digits); Money / number is Money."""
        if isinstance(other, Money):
            return self._yuan / other._yuan
        return Money(self._yuan / _decimal(other), "元")

    def __bool__(self) -> bool:
        return bool(self._yuan)

    def is_negative(self) -> bool:
        return self._yuan < 0

    # ---- comparison ---------------------------------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self._yuan == other._yuan
        if isinstance(other, (int, float, Decimal)) and not isinstance(other, bool):
            raise TypeError("金额只能与金额比较（写成 Money.wan(…) 或 Money.yuan(…)）")
        return False

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(("Money", self._yuan))

    def __lt__(self, other: Any) -> bool:
        return self._yuan < self._other(other, "比较")

    def __le__(self, other: Any) -> bool:
        return self._yuan <= self._other(other, "比较")

    def __gt__(self, other: Any) -> bool:
        return self._yuan > self._other(other, "比较")

    def __ge__(self, other: Any) -> bool:
        return self._yuan >= self._other(other, "比较")


def total(amounts: Any) -> Money:
    """The exact sum of amounts (Money.zero() for none)."""
    return sum(amounts, Money.zero())
