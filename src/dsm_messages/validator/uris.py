"""Checks that look at URIs: every value the schemas type ``xs:anyURI`` (elements and
attributes) is an absolute URI, trimmed of padding (reported, then repaired)."""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs
from lxml import etree

from .. import namespaces as ns
from ..aliases import PLACEHOLDERS
from ..declarations import declarations
from ..element_text import strip_xml, text_of
from ..rule_ids import DsmRule
from ..xml_types import XmlElement
from . import walk
from .context import Context
from .walk import name_of, padding_side, split_clark

__all__ = [
    "ABSOLUTE_URI",
    "check_absolute_uri",
    "check_absolute_uri_attribute",
    "check_uris",
    "is_absolute_uri",
    "uri_defect",
    "uri_text",
]

ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")


#: (compiled, and cached by :mod:`re`, when a value that is no URI first needs it)
_SCHEME = r"^[A-Za-z][A-Za-z0-9+.\-]*:"


_NOT_IN_URIS = frozenset('<>"{}|\\^`')


_ACTION = f"{{{ns.WSA}}}Action"


def uri_text(context: Context, element: XmlElement) -> str:
    """The URI an element holds, trimmed; padding is reported and trimmed in the tree."""
    raw = text_of(element)
    value = strip_xml(raw)
    if raw != value:
        context.add(
            DsmRule.URI_WHITESPACE,
            f"{name_of(element)} {value!r} is padded with whitespace {padding_side(raw)} it",
            element,
        )
        context.repair.text(element, value)
    return value


def check_uris(context: Context, root: XmlElement) -> None:
    """Every value the schemas type ``xs:anyURI`` is an absolute URI, the Action aside
    (an action that is not a URI is named once, as an unknown action). Only elements whose
    name can hold one are visited, unless a global URI attribute (``soap:role``) stands on
    another element: then every element is."""
    facts = declarations()
    holders = _uri_holders()
    # the attributes with a global URI attribute's local name, found by libxml2 (none, in
    # almost every message: then only the elements that carry a URI attribute of their own
    # can hold one)
    found = holders.candidates(root)
    assert isinstance(found, list)
    stray = bool(found) and holders.stray_global(found)
    visit = (
        root.iter() if stray else walk.named(root, holders.names, context.large, context.elements)
    )
    for element in visit:
        tag = element.tag
        if tag.__class__ is not str or tag == _ACTION:
            continue
        if tag in facts.uri_elements or facts.holds_uri(_parent_name(element), tag):
            check_absolute_uri(context, element)
        if (found or tag in holders.carriers) and element.attrib:
            for attribute in holders.attributes.intersection(map(str, element.attrib)):
                if {(tag, attribute), (None, attribute)} & facts.uri_attributes:
                    check_absolute_uri_attribute(context, element, attribute)


def _parent_name(element: XmlElement) -> str | None:
    parent = element.getparent()
    return None if parent is None else str(parent.tag)


def check_absolute_uri_attribute(context: Context, element: XmlElement, attribute: str) -> None:
    raw = element.get(attribute, "")
    value = strip_xml(raw)
    defect = uri_defect(value)
    if raw == value and defect is None:
        return
    name = f"{name_of(element)}/@{ns.prefixed(attribute) if '}' in attribute else attribute}"
    location = context.source.location(element) if context.source is not None else None
    if location is not None:
        location += name[name.index("/@") :]
    if raw != value:
        context.add(
            DsmRule.URI_WHITESPACE,
            f"{name} {value!r} is padded with whitespace {padding_side(raw)} it",
            element,
            location=location,
        )
        context.repair.attribute(element, attribute, value)
    if defect is not None:
        context.uri_lines.add(element.sourceline)
        context.add(
            DsmRule.URI_NOT_ABSOLUTE, f"{name} {value!r} {defect}", element, location=location
        )


def check_absolute_uri(context: Context, element: XmlElement) -> None:
    value = uri_text(context, element)
    defect = uri_defect(value)
    if defect is not None:
        # one problem per defect: the schema's xs:anyURI complaint about it is not repeated
        context.uri_lines.add(element.sourceline)
        context.add(DsmRule.URI_NOT_ABSOLUTE, f"{name_of(element)} {value!r} {defect}", element)


@attrs.frozen
class _UriHolders:
    #: Names of the elements that hold a URI or carry a URI attribute of their own.
    names: tuple[str, ...]
    #: The same names, as a set.
    named: frozenset[str]
    #: Every URI attribute name.
    attributes: frozenset[str]
    #: The elements that carry a URI attribute of their own (not a global one).
    carriers: frozenset[str]
    #: The global URI attributes (which may stand on any element), by Clark name.
    spread: frozenset[str]
    #: The attributes with a global URI attribute's local name, found by libxml2.
    candidates: etree.XPath

    def stray_global(self, found: list[Any]) -> bool:
        """Whether a global URI attribute stands on an element not named in ``names``, of
        the attributes ``candidates`` found."""
        return any(
            getattr(attribute, "attrname", None) in self.spread
            and getattr(attribute.getparent(), "tag", None) not in self.named
            for attribute in found
        )


@functools.cache
def _uri_holders() -> _UriHolders:
    facts = declarations()
    carriers = frozenset(carrier for carrier, _ in facts.uri_attributes if carrier is not None)
    names = set(facts.uri_elements) | {child for _, child in facts.uri_children} | carriers
    spread = {attribute for carrier, attribute in facts.uri_attributes if carrier is None}
    locals_ = sorted({split_clark(name)[1] for name in spread})
    condition = " or ".join(f"local-name()='{local}'" for local in locals_) or "false()"
    return _UriHolders(
        names=tuple(sorted(names)),
        named=frozenset(names),
        attributes=frozenset(attribute for _, attribute in facts.uri_attributes),
        carriers=carriers,
        spread=frozenset(spread),
        candidates=etree.XPath(f"descendant-or-self::*/@*[{condition}]"),
    )


@functools.lru_cache(maxsize=4096)  # the same few addresses and actions, message after message
def uri_defect(value: str) -> str | None:
    """What keeps ``value`` (trimmed) from being an absolute URI, or ``None``."""
    if ABSOLUTE_URI.match(value):
        return None  # uuid:UniqueMsgId too: a URI, whose form DSM-MESSAGE-ID-FORM names
    if value in PLACEHOLDERS:
        return "is a documentation placeholder"
    inside = next((c for c in value if c.isspace()), None)
    if inside is not None:
        what = "a line break" if inside in "\r\n" else "whitespace"
        return f"has {what} inside it; a URI holds none"
    if not re.match(_SCHEME, value):
        return "is not an absolute URI: it has no scheme"
    bad = next(c for c in value if c in _NOT_IN_URIS)
    return f"holds {bad!r}, which a URI does not allow"


def is_absolute_uri(value: str) -> bool:
    """Whether ``value`` (trimmed of XML whitespace) is an absolute URI, as the URI rules read
    it, that the schema takes as an ``xs:anyURI`` too (a reply can relate to such a MessageID,
    and be sent to such an address, and to no other).

    >>> is_absolute_uri("urn:uuid:5eb4f990-0000-4000-8000-000000000001"), is_absolute_uri("x y")
    (True, False)
    >>> is_absolute_uri("http:/]example.com/")  # absolute, but no URI a schema reads
    False
    """
    trimmed = strip_xml(value)
    return uri_defect(trimmed) is None and _any_uri(trimmed)


@functools.cache
def _any_uri_schema() -> etree.XMLSchema:
    return etree.XMLSchema(
        etree.fromstring(
            b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
            b'<xs:element name="u" type="xs:anyURI"/></xs:schema>'
        )
    )


def _any_uri(value: str) -> bool:
    """Whether libxml2's schema check takes ``value`` as an ``xs:anyURI``."""
    element = etree.Element("u")
    try:
        element.text = value
    except ValueError:  # a character XML cannot hold
        return False
    return bool(_any_uri_schema().validate(element))
