"""Facts the validator reads from our XSDs rather than repeating them: which element names each
DSM namespace declares, which elements hold vendor-extensible keyword values, and which hold
``xs:dateTime`` values.

Names are in Clark notation. Local element names that several types declare with different
types count as keyword or dateTime elements when any declaration is one.
"""

from __future__ import annotations

from functools import cache

import attrs
from lxml import etree

from .schema import schema_dir

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


def _resolve(node: etree._Element, prefixed: str) -> str:
    prefix, _, local = prefixed.rpartition(":")
    return f"{{{node.nsmap.get(prefix or None, '')}}}{local}"


@cache
def declarations() -> Declarations:
    """Read once per process from the shipped schemas."""
    names: dict[str, set[str]] = {}
    element_types: list[tuple[str, str]] = []  # (element Clark name, type Clark name)
    bases: dict[str, set[str]] = {}  # type -> the types and member types it is built on
    enumerations: dict[str, set[str]] = {}  # type -> its enumeration values
    directory = schema_dir()
    for path in sorted(directory.glob("*.xsd")):
        root = etree.parse(str(path)).getroot()
        tns = root.get("targetNamespace", "")
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
    )
