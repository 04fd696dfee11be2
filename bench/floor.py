"""How low the validate() row can go in CPython: the costs no Python validator of these rules
escapes, each as a ratio to the same comparator as ``bench/run.py`` (lxml's hardened parse
plus XSD validation, in batches of its own, so that it runs with its code and the compiled
schema in the processor's caches).

Usage: python bench/floor.py [--rounds N]

For each of ``bench/run.py``'s three messages, each row against that comparator:

- ``lxml, after other work``: the comparator's own parse and XSD check, each call preceded
  by one ``validate()`` of the same message (not timed): what libxml2's part costs once any
  Python work runs between messages, as it does inside every validator;
- ``reads``: the parse and XSD check, then one pass reading every element's name and the
  text of every element that holds an ``xs:anyURI`` (DSM-URI-WHITESPACE can only be seen in
  Python: ``xs:anyURI`` collapses whitespace before any facet is applied), and a report;
- ``a flat subset``: a validator of part of the rules, written in one function with no
  structure at all: the reads, then a plan per element name made once, padded or relative
  URIs, the Action against the body, the MessageID's form, the order of children in a
  sequence with a wildcard, keyword values, a filter's dialect against its instructions and
  the stale-namespace byte screen. It reports nothing and leaves out every other rule
  (leaf attributes, header values, times, aliases, dual forms, base64, faults, job statuses,
  ElementData, locations, repairs);
- ``validate()``: the library.

The goal of the validate() row is 2x. The subset above 2x for a message says that no
validator of all the rules, written in Python over lxml, meets the goal for it.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from lxml import etree
from run import messages, ratio

from dsm_messages import load_schema, validate
from dsm_messages.declarations import declarations
from dsm_messages.element_text import XML_WHITESPACE
from dsm_messages.messages import by_action, by_qname
from dsm_messages.namespaces import PSP, WSA
from dsm_messages.report import Report
from dsm_messages.safexml import parse_xml
from dsm_messages.validator.addressing import _URN_UUID  # (the rules' own patterns)
from dsm_messages.validator.stale import ASCII_COMPATIBLE, may_declare_stale
from dsm_messages.validator.uris import ABSOLUTE_URI
from dsm_messages.validator.values import _KEYWORD
from dsm_messages.validator.walk import LARGE

__all__ = ["main"]

_ACTION, _MESSAGE_ID = f"{{{WSA}}}Action", f"{{{WSA}}}MessageID"
_FILTER = f"{{{PSP}}}Filter"


def _reads(blob: bytes, schema: etree.XMLSchema, uri_names: tuple[str, ...]) -> Report:
    root = parse_xml(blob)
    schema.validate(root)
    if len(blob) <= LARGE:  # (above, libxml2 finds the elements by name: no walk)
        for element in root.iter():
            element.tag  # noqa: B018 (the read is what is timed)
    for element in root.iter(*uri_names):
        element.text  # noqa: B018
    return Report(profile="strict", message=None, action=None, problems=())


class _Plans:
    """What the subset looks at, per element name, made the first time a name is met."""

    def __init__(self) -> None:
        facts = declarations()
        self.facts = facts
        self.uri_children = frozenset(child for _, child in facts.uri_children)
        self.plans: dict[str, tuple[bool, bool, bool, bool]] = {}
        self.orders: dict[str, dict[str, int]] = {}
        self.names = tuple(
            sorted(
                facts.uri_elements
                | self.uri_children
                | set(facts.wildcard_sequences)
                | set(facts.keyword_elements)
                | {_FILTER}
            )
        )

    def plan(self, tag: str) -> tuple[bool, bool, bool, bool]:
        """(holds a URI, has a sequence with a wildcard, holds a keyword, is a filter)."""
        facts = self.facts
        made = self.plans[tag] = (
            tag in facts.uri_elements or tag in self.uri_children,
            tag in facts.wildcard_sequences,
            tag in facts.keyword_elements,
            tag == _FILTER,
        )
        return made

    def order(self, tag: str) -> dict[str, int]:
        sequence = self.facts.wildcard_sequences[tag]
        made = self.orders[tag] = {
            child: sequence.index(child) for child in sequence if child is not None
        }
        return made


def _subset(blob: bytes, schema: etree.XMLSchema, known: _Plans) -> list[object]:
    facts = known.facts
    found: list[object] = []  # what the rules would name (not made into problems here)
    root = parse_xml(blob)
    may_declare_stale(
        blob, (root.getroottree().docinfo.encoding or "").lower() in ASCII_COMPATIBLE
    )
    uris, sequences, keywords, filters = [], [], [], []
    plans = known.plans
    visit = root.iter(etree.Element) if len(blob) <= LARGE else root.iter(*known.names)
    for element in visit:
        tag: str = element.tag  # type: ignore[assignment]
        plan = plans.get(tag) or known.plan(tag)
        if plan[0]:
            uris.append(element)
        if plan[1]:
            sequences.append((element, tag))
        if plan[2]:
            keywords.append((element, tag))
        if plan[3]:
            filters.append(element)
    for element in uris:
        raw = element.text or ""
        value = raw.strip(XML_WHITESPACE)
        if value != raw or not ABSOLUTE_URI.match(value):
            found.append(element)
    headers = {block.tag: block for block in root[0].iterchildren(etree.Element)}
    body_tag: str = root[1][0].tag  # type: ignore[assignment]
    action = headers.get(_ACTION)
    written = "" if action is None else (action.text or "").strip(XML_WHITESPACE)
    if by_action(written) is not by_qname(body_tag):
        found.append(action)
    message_id = headers.get(_MESSAGE_ID)
    if message_id is not None and not _URN_UUID.match(
        (message_id.text or "").strip(XML_WHITESPACE)
    ):
        found.append(message_id)
    orders = known.orders
    for element, tag in sequences:
        order = orders.get(tag) or known.order(tag)
        place = 0
        for child in element.iterchildren(etree.Element):
            at = order.get(child.tag)  # type: ignore[arg-type]
            if at is not None:
                if at < place:
                    found.append(child)
                place = at
    for element, tag in keywords:
        value = (element.text or "").strip(XML_WHITESPACE)
        if value not in facts.keyword_elements[tag] and not _KEYWORD.match(value):
            found.append(element)
    for element in filters:
        dialect, instructions = element[0], element[1]
        namespace = str(instructions[0].tag)[1:].partition("}")[0]
        if (dialect.text or "").strip(XML_WHITESPACE) != namespace:
            found.append(element)
    if not schema.validate(root):
        found.append(root)
    return found


def _after_ratio(
    work: Callable[[], object], timed: Callable[[], object], rounds: int, number: int = 200
) -> float:
    """``timed``'s median time when each call of it follows one of ``work`` (not timed), over
    its median time called back to back."""
    alone, after = [], []
    for _ in range(rounds):
        spent = 0.0
        for _ in range(number):
            work()
            started = time.perf_counter()
            timed()
            spent += time.perf_counter() - started
        after.append(spent / number)
        started = time.perf_counter()
        for _ in range(number):
            timed()
        alone.append((time.perf_counter() - started) / number)
    return statistics.median(after) / statistics.median(alone)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=9)
    rounds = options.parse_args().rounds
    schema = load_schema()
    facts = declarations()
    uri_names = tuple(sorted(facts.uri_elements | {child for _, child in facts.uri_children}))
    known = _Plans()
    print("| message | lxml, after other work | reads | a flat subset | validate() |")
    print("|---|---|---|---|---|")
    for name, blob in messages().items():
        assert validate(blob).valid
        assert not _subset(blob, schema, known)

        def lxml(blob: bytes = blob) -> object:
            return schema.validate(parse_xml(blob))

        def ours(blob: bytes = blob) -> object:
            return validate(blob)

        def reads(blob: bytes = blob) -> object:
            return _reads(blob, schema, uri_names)

        def subset(blob: bytes = blob) -> object:
            return _subset(blob, schema, known)

        figures = (
            _after_ratio(ours, lxml, rounds),
            ratio(reads, lxml, rounds),
            ratio(subset, lxml, rounds),
            ratio(ours, lxml, rounds),
        )
        print(f"| {name} | " + " | ".join(f"{figure:.2f}x" for figure in figures) + " |")


if __name__ == "__main__":
    main()
