"""``bench/parse_floor.py`` times what it says it times: its constructor calls make the very
envelope ``parse`` gives, model objects and all, and its reads visit every element of it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from dsm_messages import parse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from parse_floor import _build, _calls, _read  # (bench/parse_floor.py)
from run import messages  # (bench/run.py)

_MESSAGES = messages()


@pytest.mark.parametrize("name", sorted(_MESSAGES))
def test_the_calls_make_the_parsed_envelope(name: str) -> None:
    envelope = parse(_MESSAGES[name], validate=True)
    calls = _calls(envelope)
    made = [make(**arguments) for make, arguments in calls]

    assert made[-1] == envelope  # the envelope last, every object in it before it
    assert made[-1] is not envelope
    # one call per model object: the body's objects and the header's endpoint reference
    assert len(calls) > 2
    _build(calls)  # (what the bench times runs)


@pytest.mark.parametrize("name", sorted(_MESSAGES))
def test_the_reads_visit_every_element(name: str) -> None:
    visited: list[etree._Element] = []

    class Counted(etree.ElementBase):
        def iterchildren(  # type: ignore[override]
            self, tag: Any = None, *, reversed: bool = False
        ) -> Iterator[Any]:
            for child in super().iterchildren(tag, reversed=reversed):
                visited.append(child)
                yield child

    parser = etree.XMLParser()
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=Counted))
    root = etree.fromstring(_MESSAGES[name], parser)
    _read(root)

    assert len(visited) == sum(1 for _ in root.iter(etree.Element)) - 1  # all but the root
