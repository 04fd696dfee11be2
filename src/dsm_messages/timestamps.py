"""xs:dateTime values: read as ``datetime``, written back exactly as they were read.

DSM times may carry seven fractional digits (Python keeps six) and no time zone (Windows writes
server-local time). A value read from XML is a :class:`Timestamp`: a ``datetime`` (compare it,
subtract it, format it) that also remembers its text, so it is written back unchanged. A
``datetime`` built in code is written in the ISO form (``Z`` for UTC).

>>> stamp = Timestamp.from_xml("2026-03-02T09:15:27.5242689Z")
>>> stamp.microsecond, str(stamp)
(524268, '2026-03-02T09:15:27.5242689Z')
>>> from datetime import UTC, datetime
>>> stamp < datetime(2026, 3, 2, 9, 16, tzinfo=UTC)
True
>>> to_xml_text(datetime(2026, 3, 2, 9, 15, 27, tzinfo=UTC))
'2026-03-02T09:15:27Z'

A time with a zone and one without cannot be ordered, so :func:`before` says neither is first:

>>> before("2026-03-02T09:15:27.5242689Z", "2026-03-02T09:15:28Z")
True
>>> before("2026-03-02T09:15:27", "2026-03-02T09:15:28Z")  # one has no zone: no order
False
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

__all__ = [
    "TimeRangeError",
    "Timestamp",
    "before",
    "to_datetime",
    "to_xml_text",
]

_XS_DATETIME = re.compile(
    r"(?P<year>-?[0-9]{4,})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"
    r"T(?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2})(?P<fraction>\.[0-9]+)?"
    r"(?P<zone>Z|[+-][0-9]{2}:[0-9]{2})?"
)
#: The years Python's ``datetime`` holds; XML Schema allows any (but 0000).
FIRST_YEAR, LAST_YEAR = 1, 9999


class TimeRangeError(ValueError):
    """An ``xs:dateTime`` XML Schema allows that names a moment outside the years 0001 to
    9999, which a Python ``datetime`` cannot hold (a year 0000 or 10000, or the 24:00 that
    ends 9999-12-31)."""


class Timestamp(datetime):
    """A ``datetime`` read from XML that remembers its lexical form (``str()`` gives it back).

    Equality and ordering are ``datetime``'s, to the microsecond: a seventh fractional digit is
    kept in the text, not compared.
    """

    lexical: str

    @classmethod
    def from_xml(cls, text: str) -> Timestamp:
        """Read an ``xs:dateTime``; ``ValueError`` when the text is not one Python can hold."""
        stripped = text.strip(" \t\r\n")  # XML whitespace, as the schema trims it
        match = _XS_DATETIME.fullmatch(stripped)
        if match is None:
            raise ValueError(f"{text!r} is not an xs:dateTime")
        if match.end("year") == 4 and stripped[11:13] != "24":
            # a four-digit year and no 24:00: the form Python's own ISO reading takes as XML
            # Schema does (the fraction cut at six digits, Z as UTC); what it refuses, and
            # every other form, is read part by part
            try:
                value = cls.fromisoformat(stripped)
            except ValueError:
                return cls._from_parts(text, stripped, match)
            value.lexical = stripped
            return value
        return cls._from_parts(text, stripped, match)

    @classmethod
    def _from_parts(cls, text: str, stripped: str, match: re.Match[str]) -> Timestamp:
        """The value ``match`` (of ``stripped``, ``text`` trimmed) names, read part by part;
        ``ValueError`` naming what Python cannot hold."""
        year = int(match["year"])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise TimeRangeError(
                f"{text!r}: the year {match['year']} is outside what a Python datetime holds "
                f"({FIRST_YEAR:04} to {LAST_YEAR})"
            )
        fraction = (match["fraction"] or "")[1:7].ljust(6, "0") if match["fraction"] else "0"
        zone = match["zone"]
        hour, minute, second = (int(part) for part in match["time"].split(":"))
        try:
            tzinfo: timezone | None = None
            if zone == "Z":
                tzinfo = UTC
            elif zone:
                sign = -1 if zone[0] == "-" else 1
                hours, minutes = int(zone[1:3]), int(zone[4:6])
                tzinfo = timezone(sign * timedelta(hours=hours, minutes=minutes))
            month, day = int(match["month"]), int(match["day"])
            if hour == 24 and minute == second == int(fraction) == 0:
                # XML Schema 1.0's end of the day: the first instant of the next one
                following = _next_day(text, datetime(year, month, day))
                year, month, day, hour = following.year, following.month, following.day, 0
            value = cls(year, month, day, hour, minute, second, int(fraction), tzinfo=tzinfo)
        except TimeRangeError:
            raise
        except ValueError:
            raise ValueError(
                f"{text!r} names no point in time: its month, day, hour, minute, second or "
                "zone is out of range"
            ) from None
        value.lexical = stripped
        return value

    def __str__(self) -> str:
        return getattr(self, "lexical", None) or to_xml_text(self)

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        return (Timestamp.from_xml, (str(self),))


def _next_day(text: str, day: datetime) -> datetime:
    try:
        return day + timedelta(days=1)
    except OverflowError:  # (the end of 9999-12-31)
        raise TimeRangeError(
            f"{text!r}: the end of the day {day:%Y-%m-%d} is the first instant of the year "
            f"{day.year + 1}, outside what a Python datetime holds ({FIRST_YEAR:04} to "
            f"{LAST_YEAR})"
        ) from None


def to_xml_text(value: datetime) -> str:
    """The ``xs:dateTime`` text of ``value``: as read for a :class:`Timestamp`, else ISO 8601."""
    lexical = getattr(value, "lexical", None)
    if isinstance(lexical, str):
        return lexical
    text = datetime.isoformat(value)
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def to_datetime(text: str | None) -> datetime | None:
    """The point in time ``text`` names, or ``None`` when it is absent or not a dateTime."""
    if not text:
        return None
    try:
        return Timestamp.from_xml(text)
    except ValueError:
        return None  # the schema names it


def before(first: str | datetime | None, second: str | datetime | None) -> bool:
    """Whether ``first`` is known to be earlier than ``second``."""
    a = first if isinstance(first, datetime) else to_datetime(first)
    if a is None:  # (no first time, such as a status's completion time: the second is unread)
        return False
    b = second if isinstance(second, datetime) else to_datetime(second)
    if b is None or (a.tzinfo is None) != (b.tzinfo is None):
        return False
    return a < b
