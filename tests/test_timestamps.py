"""xs:dateTime values are read as XML Schema reads them, however they are written: the
common form (read by Python's ISO reading) and every other (read part by part) agree."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import UTC, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dsm_messages.timestamps import _XS_DATETIME, TimeRangeError, Timestamp, before


def _two(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: f"{n:02}")


_YEARS = st.sampled_from(["0000", "0001", "1969", "2026", "9999", "12026", "-0001", "-2026"])
_FRACTIONS = st.one_of(
    st.just(""), st.text("0123456789", min_size=1, max_size=9).map(".{}".format)
)
_ZONES = st.one_of(
    st.sampled_from(["", "Z"]),
    st.builds(
        lambda sign, h, m: f"{sign}{h}:{m}", st.sampled_from("+-"), _two(0, 15), _two(0, 60)
    ),
)
_TEXTS = st.builds(
    lambda pad, y, mo, d, h, mi, s, f, z: f"{pad}{y}-{mo}-{d}T{h}:{mi}:{s}{f}{z}{pad}",
    st.sampled_from(["", " ", "\t\r\n"]),
    _YEARS,
    _two(0, 13),
    _two(0, 32),
    _two(0, 25),
    _two(0, 60),
    _two(0, 61),
    _FRACTIONS,
    _ZONES,
)


def _read(read: Callable[[str], Timestamp], text: str) -> tuple[object, ...]:
    try:
        value = read(text)
    except ValueError as error:
        return ("refused", str(error))
    return (value, value.utcoffset(), str(value), type(value))


@given(_TEXTS)
def test_every_form_reads_as_it_does_part_by_part(text: str) -> None:
    # the part-by-part reading takes every form the pattern allows; the quick one is used only
    # where it gives the same value, zone, text and error
    stripped = text.strip(" \t\r\n")
    match = _XS_DATETIME.fullmatch(stripped)
    assert match is not None

    def part_by_part(text: str) -> Timestamp:
        return Timestamp._from_parts(text, stripped, match)

    assert _read(Timestamp.from_xml, text) == _read(part_by_part, text)


@pytest.mark.parametrize(
    ("text", "expected", "offset"),
    [
        ("2026-03-02T09:15:27.5242689Z", (2026, 3, 2, 9, 15, 27, 524268), timedelta(0)),
        ("2026-03-02T09:15:27.5+05:30", (2026, 3, 2, 9, 15, 27, 500000), timedelta(minutes=330)),
        ("2026-03-02T09:15:27-00:00", (2026, 3, 2, 9, 15, 27, 0), timedelta(0)),
        ("2026-03-02T09:15:27", (2026, 3, 2, 9, 15, 27, 0), None),
        ("2026-12-31T24:00:00Z", (2027, 1, 1, 0, 0, 0, 0), timedelta(0)),  # the next day
    ],
)
def test_values_and_zones(text: str, expected: tuple[int, ...], offset: timedelta | None) -> None:
    value = Timestamp.from_xml(text)
    assert (
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
    ) == expected
    assert value.utcoffset() == offset
    assert str(value) == text


@pytest.mark.parametrize(
    "text",
    [
        "0000-01-01T00:00:00Z",
        "12026-01-01T00:00:00Z",
        "9999-12-31T24:00:00Z",  # the first instant of 10000
        "9999-12-31T24:00:00.0-14:00",
    ],
)
def test_a_year_python_cannot_hold_is_named(text: str) -> None:
    with pytest.raises(TimeRangeError, match="outside what a Python datetime holds") as refused:
        Timestamp.from_xml(text)
    copy = pickle.loads(pickle.dumps(refused.value))
    assert (type(copy), str(copy)) == (TimeRangeError, str(refused.value))


@pytest.mark.parametrize(
    "text",
    [
        "2026-13-02T09:15:27Z",
        "2026-02-30T09:15:27Z",
        "2026-02-30T24:00:00Z",
        "2026-03-02T25:15:27Z",
        "2026-03-02T09:15:60Z",
        "2026-03-02T09:15:27+24:00",
    ],
)
def test_a_part_out_of_range_is_named_in_our_words(text: str) -> None:
    with pytest.raises(ValueError, match="names no point in time") as refused:
        Timestamp.from_xml(text)
    assert not isinstance(refused.value, TimeRangeError)
    assert str(refused.value) == (
        f"{text!r} names no point in time: its month, day, hour, minute, second or zone is "
        "out of range"
    )


def test_times_compare_by_instant() -> None:
    assert before("2026-03-02T10:15:27+01:00", "2026-03-02T09:15:28Z")
    assert not before("2026-03-02T10:15:28+01:00", "2026-03-02T09:15:28Z")
    assert Timestamp.from_xml("2026-03-02T09:15:27Z").utcoffset() == UTC.utcoffset(None)
