"""Facts the validator reads from our XSDs rather than repeating them: which element names each
DSM namespace declares, which elements hold vendor-extensible keyword values, and which hold
``xs:dateTime`` values.

Names are in Clark notation. Local element names that several types declare with different
types count as keyword or dateTime elements when any declaration is one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import attrs
from lxml import etree

from .schema import schema_dir
from .xml_types import XmlElement

__all__ = [
    "Declarations",
    "declarations",
    "read_declarations",
]

_XS = "http://www.w3.org/2001/XMLSchema"
_KEYWORD_PATTERN_TYPE = "KeywordNsExtensionPatternType"


@attrs.frozen(kw_only=True)
class Declarations:
    #: Every element name declared (globally or locally) per target namespace.
    element_names: dict[str, frozenset[str]]
    #: Elements whose value is a well-known value or a vendor keyword ``prefix:keyword``,
    #: with their well-known values.
    keyword_elements: dict[str, frozenset[str]]
    #: Elements whose value is an ``xs:dateTime``.
    datetime_elements: frozenset[str]
    #: Elements whose value is an ``xs:boolean`` wherever they appear.
    boolean_elements: frozenset[str] = frozenset()
    #: Elements whose value is an ``xs:list`` wherever they appear (their items are separated
    #: by any run of XML whitespace).
    list_elements: frozenset[str] = frozenset()
    #: Elements whose value is an ``xs:QName`` (or a list of them) where some type declares
    #: them (``dsc:Dialect`` is a QName in a Filter, a URI in a FilterStatus).
    qname_elements: frozenset[str] = frozenset()
    #: Elements whose value is ``xs:base64Binary`` (the image of a SendImage).
    base64_elements: frozenset[str] = frozenset()
    #: Elements whose value is an ``xs:anyURI`` wherever they appear.
    uri_elements: frozenset[str] = frozenset()
    #: (parent, child) pairs for names declared as a URI under some parents only
    #: (``dsc:Dialect`` is a URI in a FilterStatus, a QName in a Filter).
    uri_children: frozenset[tuple[str, str]] = frozenset()

    #: (element, attribute) pairs whose attribute value is an ``xs:anyURI``; element ``None``
    #: for a global attribute (``soap:role``), which may appear on any element.
    uri_attributes: frozenset[tuple[str | None, str]] = frozenset()

    #: Elements (Clark names) whose content is a sequence with a wildcard: the sequence, each
    #: declared child's Clark name or ``None`` for the wildcard (which admits the namespaces
    #: other than its type's), for the order libxml2 does not check (a vendor element between
    #: two repeats of a declared one). Only names with one such content, whatever their type.
    wildcard_sequences: dict[str, tuple[str | None, ...]] = attrs.field(factory=dict)

    def holds_uri(self, parent: str | None, element: str) -> bool:
        """Whether ``element`` (under ``parent``, both Clark names) holds an ``xs:anyURI``."""
        return element in self.uri_elements or (parent, element) in self.uri_children


def _resolve(node: XmlElement, prefixed: str) -> str:
    prefix, _, local = prefixed.rpartition(":")
    return f"{{{node.nsmap.get(prefix or None, '')}}}{local}"


@cache
def declarations() -> Declarations:
    """The facts, from the tables generated from the shipped schemas (what
    :func:`read_declarations` reads from them; ``tools/generate_tables.py`` writes them)."""
    from .schema_tables import DECLARATIONS

    return Declarations(**DECLARATIONS)  # type: ignore[arg-type]


def read_declarations() -> Declarations:
    """Read the facts from the shipped schemas (what the generated tables hold)."""
    names: dict[str, set[str]] = {}
    element_types: list[tuple[str, str]] = []  # (element Clark name, type Clark name)
    # (element, its type, the named complex type or element declaring it)
    owned: list[tuple[str, str, str | None]] = []
    lists: set[str] = set()  # the simple types that are lists
    qname_lists: set[str] = set()  # ... of QNames
    sequences: dict[str, tuple[str | None, ...]] = {}  # type -> its sequence with a wildcard
    # (attribute Clark name as written, its type, its owner or None when global)
    attributes: list[tuple[str, str, str | None]] = []
    bases: dict[str, set[str]] = {}  # type -> the types and member types it is built on
    enumerations: dict[str, set[str]] = {}  # type -> its enumeration values
    directory = schema_dir()
    for path in sorted(directory.glob("*.xsd")):
        root = etree.parse(str(path)).getroot()
        tns = root.get("targetNamespace", "")
        qualified = root.get("attributeFormDefault") == "qualified"
        for node in root.iter(f"{{{_XS}}}attribute"):
            name, type_name = node.get("name"), node.get("type")
            if name is None or type_name is None:
                continue
            is_global = node.getparent() is root
            form = node.get("form", "qualified" if qualified or is_global else "unqualified")
            written = f"{{{tns}}}{name}" if form == "qualified" else name
            owner = None if is_global else _owner(node, tns)
            attributes.append((written, _resolve(node, type_name), owner))
        for node in root.iter(
            f"{{{_XS}}}element", f"{{{_XS}}}simpleType", f"{{{_XS}}}complexType"
        ):
            name = node.get("name")
            if node.tag == f"{{{_XS}}}element":
                if name is None:
                    continue
                names.setdefault(tns, set()).add(name)
                if node.get("type"):
                    element_types.append(
                        (f"{{{tns}}}{name}", _resolve(node, node.get("type", "")))
                    )
                    owned.append((*element_types[-1], _owner(node, tns)))
                continue
            if name is None:
                continue
            key = f"{{{tns}}}{name}"
            found = bases.setdefault(key, set())
            for part in node.iter(f"{{{_XS}}}extension", f"{{{_XS}}}restriction"):
                if part.get("base"):
                    found.add(_resolve(part, part.get("base", "")))
            enumerations[key] = {
                value.get("value", "") for value in node.iter(f"{{{_XS}}}enumeration")
            }
            if node.find(f"{{{_XS}}}list") is not None:
                lists.add(key)
                item = node.find(f"{{{_XS}}}list").get("itemType", "")  # type: ignore[union-attr]
                if _resolve(node, item) == f"{{{_XS}}}QName":
                    qname_lists.add(key)
            sequence = _wildcard_sequence(node, tns)
            if sequence is not None:
                sequences[key] = sequence
            for union in node.iter(f"{{{_XS}}}union"):
                for member in (union.get("memberTypes") or "").split():
                    found.add(_resolve(union, member))

    def built_on(type_name: str, wanted: str, seen: frozenset[str] = frozenset()) -> bool:
        if type_name == wanted or type_name.endswith("}" + wanted):
            return True
        return any(
            built_on(base, wanted, seen | {type_name})
            for base in bases.get(type_name, ())
            if base not in seen
        )

    def values(type_name: str, seen: frozenset[str] = frozenset()) -> set[str]:
        found = set(enumerations.get(type_name, ()))
        for base in bases.get(type_name, ()):
            if base not in seen:
                found |= values(base, seen | {type_name})
        return found

    uri_names: dict[str, set[bool]] = {}
    for element, type_name, _ in owned:
        uri_names.setdefault(element, set()).add(built_on(type_name, f"{{{_XS}}}anyURI"))
    elements_of_type: dict[str, set[str]] = {}
    for element, type_name in element_types:
        elements_of_type.setdefault(type_name, set()).add(element)
    uri_children = {
        (parent, element)
        for element, type_name, owner in owned
        if uri_names[element] == {True, False} and built_on(type_name, f"{{{_XS}}}anyURI")
        for parent in elements_of_type.get(owner or "", {owner} if owner else set())
    }

    uri_attributes: set[tuple[str | None, str]] = set()
    for attribute, type_name, owner in attributes:
        if built_on(type_name, f"{{{_XS}}}anyURI"):
            if owner is None:  # a global attribute: on any element
                uri_attributes.add((None, attribute))
            for carrier in elements_of_type.get(owner or "", {owner} if owner else set()):
                uri_attributes.add((carrier, attribute))

    keyword_elements: dict[str, set[str]] = {}
    for element, type_name in element_types:
        if built_on(type_name, _KEYWORD_PATTERN_TYPE):
            keyword_elements.setdefault(element, set()).update(values(type_name))
    return Declarations(
        element_names={tns: frozenset(found) for tns, found in names.items()},
        keyword_elements={name: frozenset(found) for name, found in keyword_elements.items()},
        datetime_elements=frozenset(
            element
            for element, type_name in element_types
            if built_on(type_name, f"{{{_XS}}}dateTime")
        ),
        uri_elements=frozenset(name for name, kinds in uri_names.items() if kinds == {True}),
        boolean_elements=_always(element_types, lambda t: built_on(t, f"{{{_XS}}}boolean")),
        list_elements=_always(
            element_types, lambda t: any(built_on(t, listed) for listed in lists)
        ),
        qname_elements=frozenset(
            element
            for element, type_name in element_types
            if built_on(type_name, f"{{{_XS}}}QName")
            or any(built_on(type_name, listed) for listed in qname_lists)
        ),
        base64_elements=frozenset(
            element
            for element, type_name in element_types
            if built_on(type_name, f"{{{_XS}}}base64Binary")
        ),
        uri_children=frozenset(uri_children),
        uri_attributes=frozenset(uri_attributes),
        wildcard_sequences=_only_sequences(element_types, sequences),
    )


def _always(element_types: list[tuple[str, str]], kind: Callable[[str], bool]) -> frozenset[str]:
    """The elements every declared type of which is of ``kind``."""
    kinds: dict[str, set[bool]] = {}
    for element, type_name in element_types:
        kinds.setdefault(element, set()).add(kind(type_name))
    return frozenset(element for element, found in kinds.items() if found == {True})


def _only_sequences(
    element_types: list[tuple[str, str]], sequences: dict[str, tuple[str | None, ...]]
) -> dict[str, tuple[str | None, ...]]:
    """Each element name whose every declared type has the same wildcard sequence."""
    found: dict[str, set[tuple[str | None, ...] | None]] = {}
    for element, type_name in element_types:
        found.setdefault(element, set()).add(sequences.get(type_name))
    only: dict[str, tuple[str | None, ...]] = {}
    for element, kinds in found.items():
        sequence = kinds.pop() if len(kinds) == 1 else None
        if sequence is not None:
            only[element] = sequence
    return only


def _wildcard_sequence(node: XmlElement, tns: str) -> tuple[str | None, ...] | None:
    """The children of a complex type's own ``xs:sequence`` (``None`` for an ``##other``
    wildcard), when it holds elements and such a wildcard and nothing else."""
    if node.tag != f"{{{_XS}}}complexType":
        return None
    sequence = node.find(f"{{{_XS}}}sequence")
    if sequence is None:
        return None
    found: list[str | None] = []
    for child in sequence:
        if child.tag == f"{{{_XS}}}element" and child.get("name"):
            found.append(f"{{{tns}}}{child.get('name')}")
        elif child.tag == f"{{{_XS}}}element" and child.get("ref"):
            found.append(_resolve(child, child.get("ref", "")))
        elif child.tag == f"{{{_XS}}}any" and child.get("namespace") == "##other":
            found.append(None)
        elif isinstance(child.tag, str) and child.tag != f"{{{_XS}}}annotation":
            return None
    if None not in found or all(entry is None for entry in found):
        return None
    return tuple(found)


def _owner(node: XmlElement, tns: str) -> str | None:
    """The named complex type (or, for an anonymous type, the element) declaring ``node``."""
    parent = node.getparent()
    while parent is not None:
        if parent.tag == f"{{{_XS}}}complexType" and parent.get("name"):
            return f"{{{tns}}}{parent.get('name')}"
        if parent.tag == f"{{{_XS}}}element" and parent.get("name"):
            return f"{{{tns}}}{parent.get('name')}"
        parent = parent.getparent()
    return None
