"""Children out of schema order (DSM-CHILD-ORDER), on generated structures: every sample body
the library knows, serialized in schema order, with the children of one of its DSM or
WS-Scan elements shuffled.

What must hold for every shuffle: strict names each misplaced child once, as an error, and
nothing else; lenient accepts the message, names the same children as warnings, and reads it
to the very objects of the schema-ordered message, through ``validate``, ``parse`` and an
``Endpoint`` alike; written back, it is in schema order again. How many children are
misplaced is computed here from the schema-ordered serialization alone (same-named children
stand together there; vendor elements share the wildcard's place), not by the code under test.
"""

from __future__ import annotations

import random
from bisect import bisect_right

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from dsm_messages import (
    ANONYMOUS,
    RULES,
    Endpoint,
    RemoteProtocolError,
    message_type,
    parse,
    serialize,
    validate,
)
from dsm_messages import namespaces as ns
from dsm_messages.testing.samples import SAMPLES

SERVICE = "http://10.0.4.27:5357/scan"
MESSAGE_ID = "urn:uuid:3c6e0b57-91c4-4f3d-8e26-b4d7a1c9f832"
REQUEST_ID = "urn:uuid:8a41d2c0-6b0e-4c8f-9d21-7e3f5a9c0b16"
DSM = frozenset({ns.DSP, ns.DSD, ns.DSC, ns.WSCN, ns.PSP, ns.EMLF, ns.FSF, ns.SPF, ns.SPX})


def envelope_of(key: str) -> bytes:
    body = SAMPLES[key]
    kind = message_type(type(body)).kind
    if kind == "request":
        return serialize(body, to=SERVICE, reply_to=ANONYMOUS, message_id=MESSAGE_ID)
    if kind in ("response", "fault"):
        return serialize(body, to=ANONYMOUS, relates_to=REQUEST_ID, message_id=MESSAGE_ID)
    return serialize(body, to=SERVICE, message_id=MESSAGE_ID)


def group_key(child: etree._Element) -> str:
    """What decides a child's place: its name, or "vendor" for an element of a namespace no
    DSM schema declares (a wildcard takes those, all at one place)."""
    tag = str(child.tag)
    return tag if tag[1:].partition("}")[0] in DSM else "vendor"


def shufflable(root: etree._Element) -> list[etree._Element]:
    """Elements of a DSM namespace with children of at least two places (outside choices:
    those the schemas declare as a choice hold one child)."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str) or str(element.tag)[1:].partition("}")[0] not in DSM:
            continue
        keys = {group_key(child) for child in element if isinstance(child.tag, str)}
        if len(keys) >= 2:
            found.append(element)
    return found


KEYS = sorted(
    key
    for key, body in SAMPLES.items()
    if message_type(type(body)).kind != "document"
    and shufflable(etree.fromstring(envelope_of(key)))
)


def longest_in_order(ranks: list[int]) -> int:
    tails: list[int] = []
    for rank in ranks:
        at = bisect_right(tails, rank)
        if at == len(tails):
            tails.append(rank)
        else:
            tails[at] = rank
    return len(tails)


def test_the_samples_give_shuffles_in_every_dsm_protocol() -> None:
    protocols = {message_type(type(SAMPLES[key])).protocol for key in KEYS}
    assert {"dsp", "dsd", "dsc", "wscn"} <= protocols


@settings(max_examples=150, derandomize=True, deadline=None, database=None)
@given(st.sampled_from(KEYS), st.integers(0, 2**32 - 1))
def test_shuffled_children_are_named_and_read_as_in_schema_order(key: str, seed: int) -> None:
    ordered = envelope_of(key)
    baseline = validate(ordered)
    assert baseline.valid
    warned = {(p.code, p.message) for p in baseline.problems}  # a zone-less time, say
    rng = random.Random(seed)
    root = etree.fromstring(ordered)
    parent = rng.choice(shufflable(root))
    children = [child for child in parent if isinstance(child.tag, str)]
    places: dict[str, int] = {}
    for child in children:
        places.setdefault(group_key(child), len(places))
    keys = [group_key(child) for child in children]
    while True:  # a new order of places; children of one place keep theirs (a list's order)
        shuffled_keys = rng.sample(keys, len(keys))
        if shuffled_keys != keys:
            break
    queues = {key: [child for child in children if group_key(child) == key] for key in places}
    shuffled = [queues[key].pop(0) for key in shuffled_keys]
    parent[:] = shuffled
    data = etree.tostring(root)
    expected = len(children) - longest_in_order([places[group_key(c)] for c in shuffled])

    strict = attrs.evolve(
        validate(data),
        problems=tuple(p for p in validate(data).problems if (p.code, p.message) not in warned),
    )
    assert {p.code for p in strict.problems} == {"DSM-CHILD-ORDER"}, strict.problems
    assert len(strict.problems) == expected
    assert {p.severity for p in strict.problems} == {"error"}
    assert {problem.line for problem in strict.problems} == {1}  # the message is one line
    assert all(f" in {ns.prefixed(str(parent.tag))}: " in p.message for p in strict.problems)

    lenient = validate(data, profile="lenient")
    assert lenient.valid
    assert [(p.message, p.location) for p in lenient.problems if p.code == "DSM-CHILD-ORDER"] == [
        (p.message, p.location) for p in strict.problems
    ]
    assert {p.severity for p in lenient.problems if p.code == "DSM-CHILD-ORDER"} == {"warning"}

    schema_ordered = parse(ordered, validate=True)
    read = parse(data, validate=True, profile="lenient")
    assert read.body == schema_ordered.body
    assert read.to_bytes() == schema_ordered.to_bytes()  # written in schema order
    assert parse(data).body == schema_ordered.body  # the unvalidated fast path agrees

    refusal: RemoteProtocolError | None = None
    try:
        received = Endpoint("device", profile="lenient", clock=None).receive(data)
    except RemoteProtocolError as refused:  # an ordering rule: the message came alone
        refusal, received = refused, refused.envelope
    assert refusal is None or refusal.rule not in RULES, refusal
    assert received.body == schema_ordered.body
