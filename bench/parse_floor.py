"""How low the parse(validate=True) row can go in CPython: what binding an envelope costs at
the least, added to ``bench/floor.py``'s flat subset of the rules, each as a ratio to the same
comparator as ``bench/run.py`` (lxml's hardened parse plus XSD validation).

Usage: python bench/parse_floor.py [--rounds N]

For each of ``bench/run.py``'s three messages, each column against that comparator:

- ``binder's reads``: one pass over the envelope's header and body, parsed already, reading
  what any binder of these models must read of each element from Python: its name, its text,
  its tail (text there is refused), its attributes' names and its number of children;
- ``objects``: making the envelope and every model object in it (the body, the endpoint
  references of the header), every one called with its fields' values ready (the calls the
  parsed envelope was made with: no element read, no value converted);
- ``floor``: the flat subset of ``bench/floor.py``, the binder's reads and the objects, one
  after the other: a validating parser that checked only that subset of the rules, and bound
  with no dispatch, no value converted and no check of its own, would still cost this;
- ``the binder``: the library's reader of the envelope (``read_envelope`` on the tree,
  parsed already, as the binder's reads are);
- ``parse(validate=True)``: the library.

The goal of the parse(validate=True) row is 3x.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable

import attrs
from floor import _Plans, _subset
from lxml import etree
from run import messages, ratio

from dsm_messages import load_schema, parse
from dsm_messages.envelope import read_envelope
from dsm_messages.safexml import parse_xml
from dsm_messages.xml_types import XmlElement

__all__ = ["main"]

Calls = list[tuple[Callable[..., object], dict[str, object]]]


def _read(element: XmlElement) -> None:
    element.keys()
    element.text  # noqa: B018 (the read is what is timed)
    for child in element.iterchildren(etree.Element):
        child.tail  # noqa: B018
        child.tag  # noqa: B018
        if len(child):
            _read(child)
        else:
            child.text  # noqa: B018
            child.keys()


def _calls(bound: object) -> Calls:
    """The constructor calls that make ``bound`` and every model object in it, innermost
    first, each with every field's value as ``bound`` holds it."""
    calls: Calls = []

    def visit(value: object) -> None:
        fields: dict[str, object]
        if isinstance(value, list | tuple):
            for item in value:
                visit(item)
            return
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        elif attrs.has(kind := type(value)):
            fields = {a.alias: getattr(value, a.name) for a in attrs.fields(kind)}
        else:
            return
        for field_value in fields.values():
            visit(field_value)
        calls.append((type(value), fields))

    visit(bound)
    return calls


def _build(calls: Calls) -> None:
    for make, arguments in calls:
        make(**arguments)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=9)
    rounds = options.parse_args().rounds
    schema = load_schema()
    known = _Plans()
    print("| message | binder's reads | objects | floor | the binder | parse(validate=True) |")
    print("|---|---|---|---|---|---|")
    for name, blob in messages().items():
        root = parse_xml(blob)
        calls = _calls(parse(blob, validate=True))
        assert not _subset(blob, schema, known)

        def lxml(blob: bytes = blob) -> object:
            return schema.validate(parse_xml(blob))

        def reads(root: XmlElement = root) -> None:
            _read(root)

        def objects(calls: Calls = calls) -> None:
            _build(calls)

        def floor(blob: bytes = blob, root: XmlElement = root, calls: Calls = calls) -> None:
            _subset(blob, schema, known)
            _read(root)
            _build(calls)

        def binder(root: XmlElement = root) -> object:
            return read_envelope(root)

        def ours(blob: bytes = blob) -> object:
            return parse(blob, validate=True)

        figures = [ratio(call, lxml, rounds) for call in (reads, objects, floor, binder, ours)]
        print(f"| {name} | " + " | ".join(f"{figure:.2f}x" for figure in figures) + " |")


if __name__ == "__main__":
    main()
