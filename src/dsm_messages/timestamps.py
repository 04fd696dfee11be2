"""xs:dateTime text as points in time, for the checks that compare two of them.

DSM times may carry seven fractional digits (Python keeps six) and no time zone (Windows writes
server-local time); a time with a zone and one without cannot be ordered, so they are not.

>>> before("2026-03-02T09:15:27.5242689Z", "2026-03-02T09:15:28Z")
True
>>> before("2026-03-02T09:15:27", "2026-03-02T09:15:28Z")  # one has no zone: no order
False
"""

from __future__ import annotations

import re
from datetime import datetime

_BEYOND_MICROSECONDS = re.compile(r"(\.\d{6})\d+")


def to_datetime(text: str | None) -> datetime | None:
    """The point in time ``text`` names, or ``None`` when it is absent or not a dateTime."""
    if not text:
        return None
    text = _BEYOND_MICROSECONDS.sub(r"\1", text.strip()).replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None  # the schema names it


def before(first: str | None, second: str | None) -> bool:
    """Whether ``first`` is known to be earlier than ``second``."""
    a, b = to_datetime(first), to_datetime(second)
    if a is None or b is None or (a.tzinfo is None) != (b.tzinfo is None):
        return False
    return a < b
