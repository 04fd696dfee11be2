"""Which children each element of our schemas holds, and in which order, read from the XSDs.

Every complex type of ``xsd/`` is a sequence or a choice of element particles and wildcards
(no groups, no nesting, no derivation by content): a child's place in a sequence is its
particle's ``rank``, the same for every particle of a choice. Global elements name the type
of a document root, of a body element and of an element a wildcard takes in. Names are in
Clark notation; a child whose type is simple (or built in) has no content model.

>>> from dsm_messages.namespaces import WSCN
>>> model = content_models().types[f"{{{WSCN}}}RetrieveImageRequestType"]
>>> [(particle.rank, particle.name.partition("}")[2]) for particle in model.particles]
[(0, 'JobId'), (1, 'JobToken'), (2, 'DocumentDescription')]
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import attrs
from lxml import etree

from .schema import schema_dir
from .xml_types import XmlElement

__all__ = ["ContentModel", "ContentModels", "Particle", "content_models"]

_XS = "http://www.w3.org/2001/XMLSchema"


@attrs.frozen
class Particle:
    """One child the content model allows: an element (``name``, and its ``type`` when that
    is a complex type) or a wildcard (``name`` ``None``), at ``rank`` in the sequence."""

    rank: int
    name: str | None
    type: str | None
    #: whether it may occur more than once in a row
    repeats: bool
    #: a wildcard's namespace constraint as the schema writes it (``##other``, ``##any``)
    namespaces: str = ""

    def takes(self, namespace: str, target: str) -> bool:
        """Whether this wildcard takes an element of ``namespace`` in a type of ``target``."""
        if self.namespaces == "##other":
            return namespace not in ("", target)
        return self.namespaces in ("", "##any")


@attrs.frozen
class ContentModel:
    """The children of one complex type: ``ordered`` for a sequence, not for a choice."""

    namespace: str
    ordered: bool
    particles: tuple[Particle, ...]
    by_name: Mapping[str, Particle]
    wildcard: Particle | None

    def particle(self, name: str) -> Particle | None:
        """The particle a child called ``name`` (a Clark name) fills, if any."""
        found = self.by_name.get(name)
        if found is not None or self.wildcard is None:
            return found
        namespace = name[1:].partition("}")[0] if name.startswith("{") else ""
        return self.wildcard if self.wildcard.takes(namespace, self.namespace) else None


@attrs.frozen
class ContentModels:
    #: complex type (Clark name) -> its content model; types of simple content are absent
    types: Mapping[str, ContentModel]
    #: global element (Clark name) -> its type (Clark name)
    elements: Mapping[str, str]


def _resolve(node: XmlElement, prefixed: str) -> str:
    prefix, _, local = prefixed.rpartition(":")
    return f"{{{node.nsmap.get(prefix or None, '')}}}{local}"


@cache
def content_models() -> ContentModels:
    """Read once per process from the shipped schemas."""
    roots = [etree.parse(str(path)).getroot() for path in sorted(schema_dir().glob("*.xsd"))]
    elements: dict[str, str] = {}
    for root in roots:
        tns = root.get("targetNamespace", "")
        for node in root.iterchildren(f"{{{_XS}}}element"):
            if node.get("name") and node.get("type"):
                elements[f"{{{tns}}}{node.get('name')}"] = _resolve(node, node.get("type", ""))
    types: dict[str, ContentModel] = {}
    for root in roots:
        tns = root.get("targetNamespace", "")
        for node in root.iterchildren(f"{{{_XS}}}complexType"):
            group = next(node.iterchildren(f"{{{_XS}}}sequence", f"{{{_XS}}}choice"), None)
            if group is None:
                continue  # simple content or empty
            ordered = group.tag == f"{{{_XS}}}sequence"
            members = [child for child in group if child.tag in _PARTICLES]
            particles = tuple(
                _particle(child, tns, index if ordered else 0, elements)
                for index, child in enumerate(members)
            )
            types[f"{{{tns}}}{node.get('name')}"] = ContentModel(
                namespace=tns,
                ordered=ordered,
                particles=particles,
                by_name={p.name: p for p in reversed(particles) if p.name is not None},
                wildcard=next((p for p in particles if p.name is None), None),
            )
    return ContentModels(types=types, elements=elements)


_PARTICLES = (f"{{{_XS}}}element", f"{{{_XS}}}any")


def _particle(node: XmlElement, tns: str, rank: int, elements: Mapping[str, str]) -> Particle:
    repeats = node.get("maxOccurs", "1") != "1"
    if node.tag == f"{{{_XS}}}any":
        return Particle(
            rank=rank, name=None, type=None, repeats=repeats, namespaces=node.get("namespace", "")
        )
    reference = node.get("ref")
    if reference is not None:  # a global element: its type is the declaration's
        name = _resolve(node, reference)
        return Particle(rank=rank, name=name, type=elements.get(name), repeats=repeats)
    type_name = node.get("type")
    return Particle(
        rank=rank,
        name=f"{{{tns}}}{node.get('name')}",
        type=_resolve(node, type_name) if type_name else None,
        repeats=repeats,
    )
