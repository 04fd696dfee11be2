"""A small index over our XSD files, so tests can ask what the schemas declare.

It understands exactly the constructs our schemas use: named simple and complex types, global
and local element declarations (local ones qualified), ``ref`` to global elements and
attributes, simple-content extensions, restrictions, unions and lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

XS = "http://www.w3.org/2001/XMLSchema"
_BUILTIN_NS = XS


def _q(tag: str) -> str:
    return f"{{{XS}}}{tag}"


@dataclass(frozen=True)
class Child:
    """An element particle of a complex type, in document order."""

    qname: str  # Clark notation
    type: str | None  # Clark notation of the named type
    min: int
    max: int | str  # an int or "unbounded"
    in_choice: bool


class XsdIndex:
    def __init__(self, directory: Path) -> None:
        self.types: dict[str, etree._Element] = {}
        self.elements: dict[str, etree._Element] = {}
        self.attributes: dict[str, etree._Element] = {}
        self.files: list[Path] = sorted(directory.glob("*.xsd"))
        for path in self.files:
            root = etree.parse(str(path)).getroot()
            tns = root.get("targetNamespace")
            for node in root:
                if not isinstance(node.tag, str) or node.get("name") is None:
                    continue
                key = f"{{{tns}}}{node.get('name')}"
                if node.tag in (_q("complexType"), _q("simpleType")):
                    self.types[key] = node
                elif node.tag == _q("element"):
                    self.elements[key] = node
                elif node.tag == _q("attribute"):
                    self.attributes[key] = node

    # -- names -------------------------------------------------------------------------------
    @staticmethod
    def resolve(node: etree._Element, prefixed: str) -> str:
        prefix, _, local = prefixed.rpartition(":")
        if prefix == "xml":  # bound by definition, never declared
            return f"{{http://www.w3.org/XML/1998/namespace}}{local}"
        namespace = node.nsmap.get(prefix or None)
        return f"{{{namespace}}}{local}"

    @staticmethod
    def tns(node: etree._Element) -> str:
        root = node.getroottree().getroot()
        return str(root.get("targetNamespace"))

    # -- content -----------------------------------------------------------------------------
    def children(self, type_name: str) -> list[Child]:
        node = self.types[type_name]
        out: list[Child] = []
        for ext in node.iter(_q("extension")):
            base = self.resolve(ext, ext.get("base", ""))
            if base in self.types and self.types[base].tag == _q("complexType"):
                out.extend(self.children(base))
        for decl in node.iter(_q("element")):
            parent = decl.getparent()
            in_choice = parent is not None and parent.tag == _q("choice")
            mn = int(decl.get("minOccurs", "1"))
            mx_text = decl.get("maxOccurs", "1")
            mx: int | str = mx_text if mx_text == "unbounded" else int(mx_text)
            if decl.get("ref"):
                qname = self.resolve(decl, decl.get("ref", ""))
                target = self.elements[qname]
                type_ = self.resolve(target, target.get("type", ""))
            else:
                qname = f"{{{self.tns(decl)}}}{decl.get('name')}"
                type_ = self.resolve(decl, decl.get("type", ""))
            out.append(Child(qname, type_, mn, mx, in_choice))
        return out

    def child(self, type_name: str, qname: str) -> Child | None:
        for candidate in self.children(type_name):
            if candidate.qname == qname:
                return candidate
        return None

    def has_wildcard(self, type_name: str) -> bool:
        return any(True for _ in self.types[type_name].iter(_q("any")))

    def attribute_names(self, type_name: str) -> set[str]:
        """Clark names of the attributes a complex type declares (qualified or not)."""
        names: set[str] = set()
        node = self.types[type_name]
        for ext in node.iter(_q("extension")):
            base = self.resolve(ext, ext.get("base", ""))
            if base in self.types and self.types[base].tag == _q("complexType"):
                names |= self.attribute_names(base)
        for decl in node.iter(_q("attribute")):
            if decl.get("ref"):
                names.add(self.resolve(decl, decl.get("ref", "")))
            elif decl.get("form") == "qualified":
                names.add(f"{{{self.tns(decl)}}}{decl.get('name')}")
            else:
                names.add(str(decl.get("name")))
        return names

    # -- simple values -----------------------------------------------------------------------
    def _value_nodes(
        self, type_name: str, seen: set[str] | None = None
    ) -> Iterator[etree._Element]:
        """Every restriction/union/list/extension node that shapes a type's text."""
        seen = set() if seen is None else seen
        if type_name in seen or type_name not in self.types:
            return
        seen.add(type_name)
        node = self.types[type_name]
        for part in node.iter(_q("restriction"), _q("extension"), _q("union"), _q("list")):
            yield part
            refs = []
            if part.get("base"):
                refs.append(part.get("base", ""))
            if part.get("itemType"):
                refs.append(part.get("itemType", ""))
            refs.extend((part.get("memberTypes") or "").split())
            for ref in refs:
                yield from self._value_nodes(self.resolve(part, ref), seen)

    def builtins(self, type_name: str) -> set[str]:
        """XML Schema built-in types a value of this type is drawn from."""
        if type_name.startswith(f"{{{XS}}}"):
            return {type_name}
        found: set[str] = set()
        for part in self._value_nodes(type_name):
            refs = [
                part.get("base"),
                part.get("itemType"),
                *(part.get("memberTypes") or "").split(),
            ]
            for ref in refs:
                if ref:
                    clark = self.resolve(part, ref)
                    if clark.startswith(f"{{{XS}}}"):
                        found.add(clark)
        return found

    def facets(self, type_name: str, facet: str) -> set[str]:
        """Values of one facet (enumeration, maxLength, pattern, ...) anywhere in the type."""
        return {
            str(f.get("value"))
            for part in self._value_nodes(type_name)
            for f in part.findall(_q(facet))
        }
