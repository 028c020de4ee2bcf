"""Sizes in the user's words: "1.2 Mo" in French, "1.2 MB" in English."""

from .i18n import tr


def _scaled(size):
    """(divisor, unit) fitting ``size``: bytes up to 1023, then ko/Mo/Go (powers of 1024)."""
    units = (tr("B"), tr("kB"), tr("MB"), tr("GB"))
    divisor = 1
    for unit in units[:-1]:
        if size < 1024 * divisor:
            return divisor, unit
        divisor *= 1024
    return divisor, units[-1]


def _number(size, divisor):
    return f"{size:.0f}" if divisor == 1 else f"{size / divisor:.1f}"


def human_size(size: float) -> str:
    """'512 o', '1.2 Mo' (French) or '512 B', '1.2 MB' (English)."""
    divisor, unit = _scaled(size)
    return f"{_number(size, divisor)} {unit}"


def transfer_size(received: float, expected: float = 0) -> str:
    """'1.2/2.0 Mo': a download's progress in the unit of its whole size; only the received size
    when the server did not say how much would come."""
    if not expected:
        return human_size(received)
    divisor, unit = _scaled(expected)
    return f"{_number(min(received, expected), divisor)}/{_number(expected, divisor)} {unit}"
