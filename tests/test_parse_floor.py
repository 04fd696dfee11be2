"""``bench/parse_floor.py`` times what it says it times: its constructor calls make the very
envelope ``parse`` gives, model objects and all, and its reads visit every element of it."""

from __future__ import annotations

import dataclasses
import gc
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from lxml import etree

from dsm_messages import parse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from parse_floor import _build, _calls, _read  # (bench/parse_floor.py)
from run import messages  # (bench/run.py)

_MESSAGES = messages()


def _model_objects(root: object) -> list[object]:
    """Every dataclass or attrs instance ``root`` holds, itself included, found by following
    the references the garbage collector sees (classes not followed)."""
    seen: dict[int, object] = {}
    waiting = [root]
    while waiting:
        thing = waiting.pop()
        if id(thing) in seen or isinstance(thing, type):
            continue
        seen[id(thing)] = thing
        waiting.extend(gc.get_referents(thing))
    return [
        thing
        for thing in seen.values()
        if dataclasses.is_dataclass(thing) or attrs.has(type(thing))
    ]


@pytest.mark.parametrize("name", sorted(_MESSAGES))
def test_the_calls_make_the_parsed_envelope(name: str) -> None:
    envelope = parse(_MESSAGES[name], validate=True)
    calls = _calls(envelope)
    made = [make(**arguments) for make, arguments in calls]

    assert made[-1] == envelope  # the envelope last, every object in it before it
    assert made[-1] is not envelope
    # each call makes an object of its class holding exactly the values it was given (no
    # default put in their place, no value converted): the object it was taken from
    for (make, arguments), thing in zip(calls, made, strict=True):
        assert type(thing) is make
        assert _calls(thing)[-1] == (make, arguments)
    # one call per object of a model class in the envelope, found by what Python holds
    assert len(calls) == len(_model_objects(envelope))
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
