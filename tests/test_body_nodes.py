"""The readers generated per model class find what a plain walk over the class's fields finds:
the first child of each name, every child, and the searched elements at any depth, in
document order, with vendor elements in the wildcards (whose names may be any, those of the
class's own fields included), values given as tuples, and derived elements."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from xsdata.formats.dataclass.models.generics import AnyElement, DerivedElement

from dsm_messages.body_nodes import (
    SEARCHED,
    Node,
    child,
    children,
    descendants,
    first_children,
    layout_of,
    unwrap,
)
from dsm_messages.testing.samples import SAMPLES

# -- the plain walk, written here as the models' field metadata reads --------------------------


def _as_node(item: object) -> Node | None:
    """A wildcard's value as an element (text between vendor elements is none)."""
    if isinstance(item, AnyElement | DerivedElement):
        if not item.qname:
            return None
        if not item.qname.startswith("{"):
            return "", item.qname, item
        namespace, _, local = item.qname[1:].partition("}")
        return namespace, local, item
    layout = layout_of(item)
    return None if layout is None else (layout.namespace, layout.local, item)


def walk_children(node: Node) -> list[Node]:
    value = unwrap(node[2])
    if isinstance(value, AnyElement):
        return [found for item in value.children if (found := _as_node(item)) is not None]
    layout = layout_of(value)
    if layout is None:
        return []
    out: list[Node] = []
    for name, namespace, local, _ in layout.children:
        items = getattr(value, name)
        if items is None:
            continue
        for item in items if isinstance(items, list | tuple) else (items,):
            if local is None:
                found = _as_node(item)
                if found is not None:
                    out.append(found)
            else:
                out.append((namespace, local, item))
    return out


def walk_first(node: Node) -> dict[str, Node]:
    first: dict[str, Node] = {}
    if isinstance(unwrap(node[2]), AnyElement):
        # (a vendor element's fields are read as its class lays them out, as before)
        value = unwrap(node[2])
        layout = layout_of(value)
        assert layout is not None
        for name, namespace, local, _ in layout.children:
            items = getattr(value, name)
            if items is None:
                continue
            if local is None:
                for item in items:
                    found = _as_node(item)
                    if found is not None:
                        first.setdefault(found[1], found)
            elif not isinstance(items, list | tuple):
                first.setdefault(local, (namespace, local, items))
            elif items:
                first.setdefault(local, (namespace, local, items[0]))
        return first
    for found in walk_children(node):
        first.setdefault(found[1], found)
    return first


def walk_searched(node: Node) -> list[Node]:
    out = [node] if node[1] in SEARCHED else []
    for found in walk_children(node):
        out += walk_searched(found)
    return out


def every_node(node: Node) -> Iterator[Node]:
    yield node
    for found in walk_children(node):
        yield from every_node(found)


def body_node(body: object) -> Node:
    layout = layout_of(body)
    assert layout is not None
    return layout.namespace, layout.local, body


def agree(body: object) -> None:
    for node in every_node(body_node(body)):
        assert children(node) == walk_children(node), node
        assert first_children(node) == walk_first(node), node
        for local in {found[1] for found in walk_children(node)} | {"JobToken", "Nothing"}:
            assert children(node, local) == [n for n in walk_children(node) if n[1] == local]
            expected = walk_first(node).get(local)
            if not isinstance(unwrap(node[2]), AnyElement):
                assert child(node, local) == expected, (node, local)
    top = body_node(body)
    assert descendants(top) == walk_searched(top)


# -- bodies ------------------------------------------------------------------------------------

BODIES = [body for body in SAMPLES.values() if layout_of(body) is not None]


@pytest.mark.parametrize("body", BODIES, ids=[key for key, b in SAMPLES.items() if b in BODIES])
def test_every_sample_body(body: object) -> None:
    agree(body)


_NAMES = [
    "JobToken",
    "Filter",
    "ElementData",
    "JobStatus",
    "JobState",
    "Dialect",
    "MetadataReference",
    "Vendor",
]


def _vendor(rng: random.Random, depth: int = 0) -> AnyElement:
    inner: list[object] = []
    if depth < 2:
        inner += [_vendor(rng, depth + 1) for _ in range(rng.randrange(3))]
    if inner and rng.random() < 0.5:
        inner.insert(1, "text between")
    return AnyElement(
        qname=f"{{urn:vendor}}{rng.choice(_NAMES)}",
        text="7" if not inner else None,
        children=inner,
    )


def _disturbed(body: object, seed: int) -> object:
    """``body`` with vendor elements added to some wildcards, some lists made tuples and
    some model values wrapped as derived elements."""
    rng = random.Random(seed)
    body = copy.deepcopy(body)
    for node in list(every_node(body_node(body))):
        value = unwrap(node[2])
        layout = layout_of(value)
        if layout is None or isinstance(value, AnyElement):
            continue
        for name, _, local, _ in layout.children:
            items = getattr(value, name)
            if local is None and isinstance(items, list) and rng.random() < 0.5:
                items.extend(_vendor(rng) for _ in range(rng.randrange(1, 3)))
            elif isinstance(items, list) and items and rng.random() < 0.3:
                setattr(value, name, tuple(items))
            elif (
                local is not None
                and layout_of(items) is not None
                and not isinstance(items, list)
                and rng.random() < 0.2
            ):
                setattr(value, name, DerivedElement(qname=f"{{urn:d}}{local}", value=items))
    return body


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(BODIES), st.integers(0, 2**32))
def test_disturbed_bodies(body: object, seed: int) -> None:
    agree(_disturbed(body, seed))


def test_a_vendor_element_before_a_field_of_its_name_is_the_first_of_that_name() -> None:
    # a metadata section holds its content in a wildcard written before its reference: an
    # element of the reference's name there comes first in the document, so it is the first
    from dsm_messages.models import wsa, wsx

    vendor = AnyElement(qname="{urn:vendor}MetadataReference", text="7")
    section = wsx.MetadataSectionType(
        dialect="urn:dialect",
        other_element=vendor,
        metadata_reference=wsa.EndpointReferenceType(
            address=wsa.AttributedURI(value="urn:uuid:1")
        ),
    )
    node = body_node(section)
    assert first_children(node)["MetadataReference"][2] is vendor
    assert child(node, "MetadataReference") == first_children(node)["MetadataReference"]
    assert [found[2] for found in children(node, "MetadataReference")] == [
        vendor,
        section.metadata_reference,
    ]
    agree(section)
