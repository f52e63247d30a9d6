"""Numbers read from the address bar, where anything may have been typed."""

# The largest number a page's filter takes: beyond every id and year the platform stores.
LARGEST = 2**63 - 1


def number_param(value: str | None, *, low: int = 0, high: int = LARGEST) -> int | None:
    """`value` as a whole number within [low, high], or None for anything else (empty,
    words, signs, superscripts, numbers out of range)."""
    value = (value or "").strip()
    if not value.isascii() or not value.isdecimal():
        return None
    # Python refuses to read a number of thousands of digits; none of them is in range anyway.
    digits = value.lstrip("0") or "0"
    if len(digits) > len(str(high)):
        return None
    number = int(digits)
    return number if low <= number <= high else None
