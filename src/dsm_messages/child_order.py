"""Children written out of the order their schema sequence declares: found, one by one, and
the order the schema wants.

The DSM and WS-Scan schemas declare every element's children as an ``xs:sequence``, in the
order of [MS-BDSRR]'s schemas and Microsoft's examples; but the WS-Scan element pages list
children alphabetically and state no order, and real clients and devices write them in
other orders (sane-airscan's CreateScanJob and RetrieveImage requests). Rule
``DSM-CHILD-ORDER`` names each misplaced child (an error in the strict profile, a warning in
the lenient one, which then reads the message as if it were in order); the library always
writes schema order.

Only the children of an element whose type is in a DSM or WS-Scan namespace are judged;
the misplaced children are those outside one longest run of children already in order (a
child the schema does not expect there, or a second one where one is allowed, is left to
the schema check and moves with the child before it).

>>> from lxml import etree
>>> from dsm_messages.namespaces import WSCN
>>> request = etree.fromstring(
...     f'<s:RetrieveImageRequest xmlns:s="{WSCN}"><s:DocumentDescription>'
...     '<s:DocumentName>p1</s:DocumentName></s:DocumentDescription>'
...     '<s:JobId>1</s:JobId><s:JobToken>t</s:JobToken></s:RetrieveImageRequest>')
>>> (found,) = out_of_order(request)[0].misplaced
>>> found.child.tag == f"{{{WSCN}}}DocumentDescription"
True
>>> found.message.partition(": ")[2]
'it stands 1st, before wscn:JobId; the schema puts it 3rd, after wscn:JobToken'
"""

from __future__ import annotations

from bisect import bisect_right

import attrs

from . import namespaces as ns
from .content_models import Particle, content_models
from .xml_types import XmlElement

__all__ = ["Misplaced", "Reordering", "out_of_order"]

#: The vocabularies whose sequences are judged (WS-Addressing, WS-Eventing, SOAP and
#: WS-Discovery keep their own standards' order).
JUDGED = frozenset({ns.DSP, ns.DSD, ns.DSC, ns.WSCN, ns.PSP, ns.EMLF, ns.FSF, ns.SPF, ns.SPX})


@attrs.frozen
class Misplaced:
    """One child out of order, and what its problem says."""

    child: XmlElement
    message: str


@attrs.frozen
class Reordering:
    """The children of ``parent`` that are out of order, and all its child nodes in the
    order the schema wants (comments and processing instructions stay after the element
    they followed)."""

    parent: XmlElement
    misplaced: tuple[Misplaced, ...]
    order: tuple[XmlElement, ...]


def out_of_order(root: XmlElement) -> list[Reordering]:
    """Every element below ``root`` (itself included) with children out of schema order, in
    document order. ``root`` is a global element of the schemas (an envelope, a body, a
    document); a child the schemas do not declare is not looked into."""
    models = content_models()
    found: list[Reordering] = []
    stack: list[tuple[XmlElement, str | None]] = [(root, models.elements.get(str(root.tag)))]
    while stack:
        element, type_name = stack.pop()
        model = models.types.get(type_name) if type_name is not None else None
        if model is None:
            continue
        placed: list[tuple[XmlElement, Particle | None]] = []
        for child in element:
            if not isinstance(child.tag, str):
                continue
            particle = model.particle(str(child.tag))
            placed.append((child, particle))
        for child, particle in reversed(placed):  # popped in document order
            if particle is None:
                continue
            child_type = particle.type if particle.name is not None else None
            stack.append((child, child_type or models.elements.get(str(child.tag))))
        if model.ordered and model.namespace in JUDGED:
            reordering = _reordering(element, placed)
            if reordering is not None:
                found.append(reordering)
    return found


def _reordering(
    parent: XmlElement, placed: list[tuple[XmlElement, Particle | None]]
) -> Reordering | None:
    ranks: dict[XmlElement, int] = {}
    seen: set[int] = set()
    for child, particle in placed:
        if particle is None or (particle.rank in seen and not particle.repeats):
            continue  # not expected here, or one too many: the schema check names it
        seen.add(particle.rank)
        ranks[child] = particle.rank
    ranked = list(ranks)
    kept = _in_order(ranked, [ranks[child] for child in ranked])
    if len(kept) == len(ranked):
        return None
    # Every child node, each with its rank (the rank of the ranked child before it, for the
    # others), sorted stably: the schema's order, everything else left where it was.
    keyed: list[tuple[int, XmlElement]] = []
    rank = -1
    for node in parent:
        rank = ranks.get(node, rank)
        keyed.append((rank, node))
    order = tuple(node for _, node in sorted(keyed, key=lambda item: item[0]))
    written = _Siblings([child for child, _ in placed])
    wanted = _Siblings([node for node in order if isinstance(node.tag, str)])
    misplaced = tuple(
        Misplaced(
            child,
            f"{_name(child)} is out of order in {_name(parent)}: it stands "
            f"{written.place(child)}; the schema puts it {wanted.place(child)}",
        )
        for child in ranked
        if child not in kept
    )
    return Reordering(parent=parent, misplaced=misplaced, order=order)


def _in_order(children: list[XmlElement], ranks: list[int]) -> set[XmlElement]:
    """The children of one longest run whose ranks never go down (patience sorting)."""
    tails: list[int] = []  # the smallest last rank of a run of each length
    ends: list[int] = []  # where that run ends
    before = [-1] * len(ranks)
    for index, rank in enumerate(ranks):
        length = bisect_right(tails, rank)
        if length == len(tails):
            tails.append(rank)
            ends.append(index)
        else:
            tails[length] = rank
            ends[length] = index
        before[index] = ends[length - 1] if length else -1
    kept: set[XmlElement] = set()
    index = ends[-1] if ends else -1
    while index >= 0:
        kept.add(children[index])
        index = before[index]
    return kept


class _Siblings:
    def __init__(self, elements: list[XmlElement]) -> None:
        self.elements = elements
        self.index = {element: number for number, element in enumerate(elements)}

    def place(self, child: XmlElement) -> str:
        """``child``'s position, and the sibling before it (after it, for the first)."""
        index = self.index[child]
        if index > 0:
            return f"{_ordinal(index + 1)}, after {_name(self.elements[index - 1])}"
        if len(self.elements) > 1:
            return f"1st, before {_name(self.elements[1])}"
        return "1st"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def _name(element: XmlElement) -> str:
    return ns.prefixed(str(element.tag))
