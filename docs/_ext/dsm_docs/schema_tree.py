"""Read our XSDs into element trees the reference pages are drawn from.

Everything a message page says about an element (where it may occur, how often, its type, its
length limits, its well-known values, its ``xs:documentation``) comes from here, read from the
schema files at build time, so the pages follow every change to ``xsd/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

XS = "http://www.w3.org/2001/XMLSchema"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_KEYWORD_PATTERN = "KeywordNsExtensionPatternType"
_MIME_PATTERN = "MimeExtensionPatternType"
_MAX_DEPTH = 14


def _xs(local: str) -> str:
    return f"{{{XS}}}{local}"


@dataclass(frozen=True)
class SimpleType:
    """What the text of an element or attribute may be."""

    #: The XML Schema built-in type it comes down to (``string``, ``int``...), or "".
    builtin: str = ""
    #: Named type it is declared with (Clark notation), or "".
    name: str = ""
    facets: tuple[tuple[str, str], ...] = ()
    #: Well-known values, in schema order.
    values: tuple[str, ...] = ()
    #: ``"keyword"`` when vendor keywords (``prefix:Keyword``) are allowed, ``"token"`` when a
    #: vendor token is (document formats), else "".
    vendor: str = ""
    #: For a union of built-in types with no value set (``dateTime`` or ``duration``): each
    #: of them, in schema order; ``builtin`` is then the first.
    alternatives: tuple[str, ...] = ()
    doc: str = ""


@dataclass(frozen=True)
class Attribute:
    name: str  # Clark notation for qualified attributes, else the local name
    required: bool
    type: SimpleType
    doc: str = ""
    default: str | None = None


@dataclass(frozen=True)
class Node:
    """One particle of a content model: an element, a wildcard or a choice between particles."""

    kind: str  # "element", "any" or "choice"
    name: str = ""  # Clark notation of an element
    min: int = 1
    max: int | None = 1  # None: unbounded
    type_name: str = ""  # the complex or simple type declared, Clark notation
    type_doc: str = ""
    doc: str = ""
    text: SimpleType | None = None  # simple content
    attributes: tuple[Attribute, ...] = ()
    any_attribute: bool = False
    children: tuple[Node, ...] = ()
    #: For a wildcard: its namespace constraint and processContents.
    wildcard: tuple[str, str] = ("", "")
    #: True when the type recurs inside itself and is not expanded again.
    recursive: bool = False

    @property
    def local(self) -> str:
        return self.name.rpartition("}")[2]

    @property
    def namespace(self) -> str:
        return self.name[1:].partition("}")[0] if self.name.startswith("{") else ""


def _doc(node: etree._Element) -> str:
    for annotation in node.iterchildren(_xs("annotation")):
        for doc in annotation.iterchildren(_xs("documentation")):
            return " ".join("".join(doc.itertext()).split())
    return ""


def _occurs(node: etree._Element) -> tuple[int, int | None]:
    low = int(node.get("minOccurs", "1"))
    high = node.get("maxOccurs", "1")
    return low, None if high == "unbounded" else int(high)


@dataclass
class SchemaSet:
    """Every global declaration of every ``*.xsd`` in one directory."""

    directory: Path
    elements: dict[str, etree._Element] = field(default_factory=dict)
    complex_types: dict[str, etree._Element] = field(default_factory=dict)
    simple_types: dict[str, etree._Element] = field(default_factory=dict)
    attributes: dict[str, etree._Element] = field(default_factory=dict)
    #: What each namespace's schema file says it is (its first comment), by targetNamespace.
    descriptions: dict[str, str] = field(default_factory=dict)
    #: Per schema file (its URL as lxml reports it): targetNamespace, elementFormDefault.
    target: dict[str, str] = field(default_factory=dict)
    qualified_elements: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path) -> SchemaSet:
        found = cls(directory)
        for path in sorted(directory.glob("*.xsd")):
            document = etree.parse(str(path))
            root = document.getroot()
            tns = root.get("targetNamespace", "")
            comments = [
                node.text or ""
                for node in root.itersiblings(preceding=True)
                if isinstance(node, etree._Comment)
            ]
            if comments:  # the first comment of the file says what the namespace holds
                found.descriptions[tns] = " ".join(comments[-1].split())
            url = str(root.getroottree().docinfo.URL)
            found.target[url] = tns
            found.qualified_elements[url] = root.get("elementFormDefault") == "qualified"
            for child in root:
                name = child.get("name") if isinstance(child.tag, str) else None
                if name is None:
                    continue
                key = f"{{{tns}}}{name}"
                table = {
                    _xs("element"): found.elements,
                    _xs("complexType"): found.complex_types,
                    _xs("simpleType"): found.simple_types,
                    _xs("attribute"): found.attributes,
                }.get(str(child.tag))
                if table is not None:
                    table[key] = child
        return found

    # -- names --------------------------------------------------------------------------

    def _url(self, node: etree._Element) -> str:
        return str(node.getroottree().docinfo.URL)

    def _tns(self, node: etree._Element) -> str:
        return self.target[self._url(node)]

    def resolve(self, node: etree._Element, prefixed: str) -> str:
        prefix, _, local = prefixed.rpartition(":")
        if prefix == "xml":  # bound in every document without a declaration
            return f"{{{XML_NS}}}{local}"
        return f"{{{node.nsmap.get(prefix or None, '')}}}{local}"

    # -- simple types -------------------------------------------------------------------

    def simple(self, type_name: str, seen: frozenset[str] = frozenset()) -> SimpleType:
        """The facts about a simple type given by name (Clark notation)."""
        if type_name.startswith(f"{{{XS}}}"):
            return SimpleType(builtin=type_name.rpartition("}")[2], name=type_name)
        node = self.simple_types.get(type_name)
        if node is None or type_name in seen:
            return SimpleType(name=type_name)
        found = self._simple_node(node, seen | {type_name})
        return SimpleType(
            builtin=found.builtin,
            name=type_name,
            facets=found.facets,
            values=found.values,
            vendor=found.vendor,
            doc=_doc(node),
            alternatives=found.alternatives,
        )

    def _simple_node(self, node: etree._Element, seen: frozenset[str]) -> SimpleType:
        restriction = node.find(_xs("restriction"))
        if restriction is not None:
            base = restriction.get("base")
            inner = restriction.find(_xs("simpleType"))
            if base:
                below = self.simple(self.resolve(restriction, base), seen)
            elif inner is not None:
                below = self._simple_node(inner, seen)
            else:
                below = SimpleType()
            facets = dict(below.facets)
            values: list[str] = []
            for facet in restriction:
                if not isinstance(facet.tag, str) or facet.tag in (
                    _xs("annotation"),
                    _xs("simpleType"),
                ):
                    continue
                local = etree.QName(facet).localname
                if local == "enumeration":
                    values.append(facet.get("value", ""))
                else:
                    facets[local] = facet.get("value", "")
            return SimpleType(
                builtin=below.builtin,
                facets=tuple(sorted(facets.items())),
                values=tuple(values) or below.values,
                vendor=below.vendor,
            )
        union = node.find(_xs("union"))
        if union is not None:
            members = [
                self.resolve(union, name) for name in (union.get("memberTypes") or "").split()
            ]
            parts = [self.simple(member, seen) for member in members]
            parts += [
                self._simple_node(inner, seen) for inner in union.iterchildren(_xs("simpleType"))
            ]
            vendor = ""
            for member in members:
                if member.endswith("}" + _KEYWORD_PATTERN):
                    vendor = "keyword"
                elif member.endswith("}" + _MIME_PATTERN):
                    vendor = "token"
            union_values = tuple(value for part in parts for value in part.values)
            builtins = tuple(dict.fromkeys(part.builtin for part in parts if part.builtin))
            return SimpleType(
                builtin=builtins[0] if builtins else "",
                facets=parts[0].facets if parts and parts[0].values else (),
                values=union_values,
                vendor=vendor or next((part.vendor for part in parts if part.vendor), ""),
                alternatives=builtins if len(builtins) > 1 and not union_values else (),
            )
        listed = node.find(_xs("list"))
        if listed is not None:
            item_name = listed.get("itemType")
            item = (
                self.simple(self.resolve(listed, item_name), seen) if item_name else SimpleType()
            )
            return SimpleType(builtin=f"list of {item.builtin or 'values'}", values=item.values)
        return SimpleType()

    # -- elements -----------------------------------------------------------------------

    def element(self, name: str) -> Node:
        """The tree below a global element, given in Clark notation."""
        return self._element(self.elements[name], name, (1, 1), frozenset(), 0)

    def _element(
        self,
        node: etree._Element,
        name: str,
        occurs: tuple[int, int | None],
        seen: frozenset[str],
        depth: int,
    ) -> Node:
        doc = _doc(node)
        type_attr = node.get("type")
        if type_attr:
            type_name = self.resolve(node, type_attr)
            if type_name in self.complex_types:
                if type_name in seen or depth > _MAX_DEPTH:
                    return Node(
                        "element", name, *occurs, type_name=type_name, doc=doc, recursive=True
                    )
                content = self._complex(self.complex_types[type_name], seen | {type_name}, depth)
                return replace(
                    content,
                    name=name,
                    min=occurs[0],
                    max=occurs[1],
                    type_name=type_name,
                    type_doc=_doc(self.complex_types[type_name]),
                    doc=doc,
                )
            text = self.simple(type_name)
            return Node(
                "element",
                name,
                *occurs,
                type_name=type_name,
                type_doc=text.doc,
                doc=doc,
                text=text,
            )
        inner_complex = node.find(_xs("complexType"))
        if inner_complex is not None:
            content = self._complex(inner_complex, seen, depth)
            return replace(content, name=name, min=occurs[0], max=occurs[1], doc=doc)
        inner_simple = node.find(_xs("simpleType"))
        if inner_simple is not None:
            return Node(
                "element", name, *occurs, doc=doc, text=self._simple_node(inner_simple, seen)
            )
        return Node("element", name, *occurs, doc=doc, text=SimpleType(builtin="anyType"))

    def _complex(self, node: etree._Element, seen: frozenset[str], depth: int) -> Node:
        """The content of a complex type, as an element node still to be named."""
        children: list[Node] = []
        attributes: list[Attribute] = []
        any_attribute = False
        text: SimpleType | None = None
        holders = [node]
        for wrapper in (_xs("simpleContent"), _xs("complexContent")):
            inner = node.find(wrapper)
            if inner is None:
                continue
            for derivation in inner.iterchildren(_xs("extension"), _xs("restriction")):
                base = self.resolve(derivation, derivation.get("base", ""))
                if base in self.complex_types:
                    inherited = self._complex(self.complex_types[base], seen, depth)
                    children.extend(inherited.children)
                    attributes.extend(inherited.attributes)
                    any_attribute = any_attribute or inherited.any_attribute
                    text = inherited.text
                elif wrapper == _xs("simpleContent"):
                    text = self.simple(base)
                holders.append(derivation)
        if node.get("mixed") == "true":
            text = SimpleType(builtin="string")
        for holder in holders:
            for child in holder:
                if child.tag in (_xs("sequence"), _xs("choice"), _xs("all")):
                    children.extend(self._particles(child, seen, depth + 1, (1, 1)))
                elif child.tag == _xs("attribute"):
                    attributes.append(self._attribute(child))
                elif child.tag == _xs("anyAttribute"):
                    any_attribute = True
        return Node(
            "element",
            children=tuple(children),
            attributes=tuple(attributes),
            any_attribute=any_attribute,
            text=text,
        )

    def _particles(
        self,
        group: etree._Element,
        seen: frozenset[str],
        depth: int,
        outer: tuple[int, int | None],
    ) -> Iterator[Node]:
        low, high = _occurs(group)
        low *= outer[0]
        high = None if high is None or outer[1] is None else high * outer[1]
        if group.tag == _xs("choice"):
            options = tuple(self._group_items(group, seen, depth, (1, 1)))
            yield Node("choice", min=low, max=high, children=options)
            return
        yield from self._group_items(group, seen, depth, (low, high))

    def _group_items(
        self,
        group: etree._Element,
        seen: frozenset[str],
        depth: int,
        outer: tuple[int, int | None],
    ) -> Iterator[Node]:
        for child in group:
            if child.tag == _xs("element"):
                low, high = _occurs(child)
                occurs = (
                    low * outer[0],
                    None if high is None or outer[1] is None else high * outer[1],
                )
                ref = child.get("ref")
                if ref:
                    name = self.resolve(child, ref)
                    yield self._element(self.elements[name], name, occurs, seen, depth)
                    continue
                tns = self._tns(child)
                qualified = child.get("form") == "qualified" or (
                    child.get("form") is None and self.qualified_elements[self._url(child)]
                )
                name = f"{{{tns}}}{child.get('name')}" if qualified else child.get("name", "")
                yield self._element(child, name, occurs, seen, depth)
            elif child.tag == _xs("any"):
                low, high = _occurs(child)
                yield Node(
                    "any",
                    min=low * outer[0],
                    max=None if high is None or outer[1] is None else high * outer[1],
                    wildcard=(
                        child.get("namespace", "##any"),
                        child.get("processContents", "strict"),
                    ),
                    doc=_doc(child),
                )
            elif child.tag in (_xs("sequence"), _xs("choice")):
                yield from self._particles(child, seen, depth, outer)

    def _attribute(self, node: etree._Element) -> Attribute:
        ref = node.get("ref")
        if ref:
            name = self.resolve(node, ref)
            declared = self.attributes.get(name)
            type_attr = declared.get("type") if declared is not None else None
            text = (
                self.simple(self.resolve(declared, type_attr))
                if declared is not None and type_attr
                else SimpleType()
            )
            if (
                declared is not None
                and type_attr is None
                and declared.find(_xs("simpleType")) is not None
            ):
                text = self._simple_node(declared.find(_xs("simpleType")), frozenset())  # type: ignore[arg-type]
            return Attribute(
                name=name,
                required=node.get("use") == "required",
                type=text,
                doc=_doc(node) or (_doc(declared) if declared is not None else ""),
                default=node.get("default")
                or (declared.get("default") if declared is not None else None),
            )
        local = node.get("name", "")
        name = f"{{{self._tns(node)}}}{local}" if node.get("form") == "qualified" else local
        type_attr = node.get("type")
        if type_attr:
            text = self.simple(self.resolve(node, type_attr))
        elif node.find(_xs("simpleType")) is not None:
            text = self._simple_node(node.find(_xs("simpleType")), frozenset())  # type: ignore[arg-type]
        else:
            text = SimpleType(builtin="anySimpleType")
        return Attribute(
            name=name,
            required=node.get("use") == "required",
            type=text,
            doc=_doc(node),
            default=node.get("default"),
        )
