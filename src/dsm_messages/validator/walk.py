"""How the checks find and name elements: the elements a walk visits (found by name, in
Python for a small document, through libxml2's name matching for a large one), and the
element helpers every check shares (children, trimmed text, prefixed names, paths).

The walks read :data:`LARGE` and :func:`named` from this module when they run, so that the
threshold is one place."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from lxml import etree

from .. import namespaces as ns
from ..element_text import XML_WHITESPACE, strip_xml, text_of
from ..leaf_values import Attributed
from ..xml_types import XmlElement

__all__ = [
    "LARGE",
    "Elements",
    "child_elements",
    "name_of",
    "name_sets",
    "named",
    "padding_side",
    "path_of",
    "split_clark",
    "trimmed_text",
]

#: Above this size (bytes), walks let libxml2 match the names they want: a set-up per name
#: and per document, then C speed per element; below it, Python's set lookup is cheaper.
LARGE = 32 * 1024


_ELEMENTS_ONLY = etree.Element  # (as ``iter``'s filter: elements, not comments or PIs)


class Elements:
    """The elements of a small message with their names, read once in document order: each
    walk that wants some of them filters this list instead of walking the tree again (and
    the element objects lxml makes for a walk are made once). Valid while no element is
    added, removed or renamed and no attribute added or removed (the checks that use it
    change text and attribute values only)."""

    __slots__ = ("_pairs", "_root", "_spans")

    def __init__(self, root: XmlElement) -> None:
        pairs: list[tuple[XmlElement, str]] = []
        if (tag := root.tag).__class__ is str:
            pairs.append((root, tag))
        spans: dict[XmlElement, tuple[int, int]] = {}
        for top in root:  # soap:Header and soap:Body, and then their children
            if (tag := top.tag).__class__ is not str:
                continue
            start = len(pairs)
            pairs.append((top, tag))
            for child in top:
                inner = len(pairs)
                if len(child):
                    # (comments and processing instructions are left out by libxml2, so that
                    # each name is read once: lxml makes a new string each time one is read)
                    pairs += [(each, each.tag) for each in child.iter(_ELEMENTS_ONLY)]  # type: ignore[misc]
                elif (tag := child.tag).__class__ is str:  # a leaf (most header blocks)
                    pairs.append((child, tag))
                spans[child] = (inner, len(pairs))
            spans[top] = (start, len(pairs))
        self._root = root
        self._pairs = pairs
        self._spans = spans

    def under(self, scope: XmlElement) -> list[tuple[XmlElement, str]] | None:
        """``scope``'s elements (itself included) with their names, when it is the root, one
        of its children or one of theirs (a header block, the body's message); ``None`` for
        any other element."""
        if scope is self._root:
            return self._pairs
        span = self._span(scope)
        return None if span is None else self._pairs[span[0] : span[1]]

    def _span(self, scope: XmlElement) -> tuple[int, int] | None:
        """Where ``scope``'s elements stand in the list (see :meth:`under`)."""
        return (0, len(self._pairs)) if scope is self._root else self._spans.get(scope)

    def attributed(self, scope: XmlElement, *, among: frozenset[str]) -> list[Attributed] | None:
        """The elements below ``scope`` whose name is one of ``among`` and that carry
        attributes, in document order, each with its name and its attributes' names: what
        libxml2 finds among them (``descendant::*/@*/..``), read from the elements already
        held; ``None`` for a scope :meth:`under` does not answer for."""
        span = self._span(scope)
        if span is None:
            return None
        start, end = span
        return [
            (element, name, keys)
            for element, name in self._pairs[start + 1 : end]
            if name in among and (keys := element.keys())
        ]


def named(
    root: XmlElement, names: tuple[str, ...], large: bool, read: Elements | None = None
) -> list[XmlElement]:
    """The elements of ``root`` (itself included) whose Clark name is in ``names``, in
    document order; ``{*}local`` stands for ``local`` in any namespace or none. ``read`` is
    the message's elements as already read, if they were."""
    if large:
        return list(root.iter(*names))
    exact, locals_, suffixes = name_sets(names)
    pairs = None if read is None else read.under(root)
    if pairs is None:
        pairs = [(element, str(element.tag)) for element in root.iter()]
    if not suffixes:
        return [element for element, tag in pairs if tag in exact]
    return [
        element
        for element, tag in pairs
        if tag in exact or tag.endswith(suffixes) or tag in locals_
    ]


@functools.cache
def name_sets(
    names: tuple[str, ...],
) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """(exact Clark names, local names wanted in any namespace or none, ``}local`` endings)
    of a tuple of names."""
    wild = frozenset(name[3:] for name in names if name.startswith("{*}"))
    exact = frozenset(name for name in names if not name.startswith("{*}"))
    return exact, wild, tuple(sorted("}" + local for local in wild))


def split_clark(name: str) -> tuple[str, str]:
    """(namespace, local name) of a Clark name (namespace ``""`` when it has none)."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def child_elements(element: XmlElement | None) -> Iterator[XmlElement]:
    if element is None:
        return
    for child in element:
        if isinstance(child.tag, str):
            yield child


def trimmed_text(element: XmlElement | None) -> str:
    return "" if element is None else strip_xml(text_of(element))


def name_of(element: XmlElement) -> str:
    return ns.prefixed(element.tag) if isinstance(element.tag, str) else str(element.tag)


def path_of(element: XmlElement) -> str:
    steps: list[str] = []
    node: XmlElement | None = element
    while node is not None:
        parent = node.getparent()
        step = name_of(node)
        if parent is not None:
            same = [child for child in parent if child.tag == node.tag]
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps))


def padding_side(raw: str) -> str:
    """Where whitespace pads ``raw``: before, after, or before and after it."""
    before, after = raw[:1] in XML_WHITESPACE, raw[-1:] in XML_WHITESPACE
    return "before and after" if before and after else ("before" if before else "after")
