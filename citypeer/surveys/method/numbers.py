"""Numbers as cities write them and as the survey keeps them."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

MAX_NUMBER = Decimal("1e15")


def parse_number(raw) -> Decimal | None:
    """A number from what a person typed (12, 12.5, 12,5, " 3 ") or the API sent; None when
    it is none."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | Decimal):
        number = Decimal(raw)
    elif isinstance(raw, float):
        number = Decimal(repr(raw))
    elif isinstance(raw, str):
        text = raw.strip().replace("\u00a0", "").replace(" ", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
    else:
        return None
    if not number.is_finite() or abs(number) >= MAX_NUMBER:
        return None
    return number


def is_whole(number: Decimal | None) -> bool:
    return number is None or number == number.to_integral_value()


def plain_number(number: Decimal | int | None) -> str:
    """12, 12.5, -3: a number as a person writes it (no exponent, no trailing zeros)."""
    if number is None:
        return ""
    number = Decimal(number)
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    return format(number.normalize(), "f")
