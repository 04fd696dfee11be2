"""No input class makes the library do more than linear work: each series of
:mod:`growth` (n, 2n, 4n, 8n) is counted, not timed, and 8n may cost at most ten times n
(linear work is eight times, at most; quadratic would be sixty-four)."""

from __future__ import annotations

import pytest
from growth import SERIES, growth, series

#: The smallest size of each series (the others are 2, 4 and 8 times it).
START = 16
LINEAR = 10.0


@pytest.mark.parametrize("name", sorted(SERIES))
def test_work_grows_linearly(name: str) -> None:
    works = series(name, START)
    calls, written = growth(works)
    assert calls <= LINEAR, (name, works)
    assert written <= LINEAR, (name, works)
