"""The "Elements" section of a message page: the element tree read from our schemas, each
thing said once.

An attribute that several elements carry (WS-Scan's ``MustHonor``, ``Override`` and
``UsedDefault``) is described once, above the tree; an element whose type was already
expanded on the page (``MediaBack`` after ``MediaFront``) points back instead of repeating
it; a wildcard is a remark on its parent ("open to vendor elements"), not a row of its own;
and a description that only restates the element's name is left out.
"""

from __future__ import annotations

import re
from collections import Counter

from dsm_messages.aliases import find_alias

from .schema_tree import Attribute, Node, SimpleType
from .words import esc, label, lit

_WILDCARD_NAMESPACES = {
    "##other": "of other namespaces",
    "##any": "of any namespace",
    "##local": "without a namespace",
    "##targetNamespace": "of this namespace",
}


def describe_simple(text: SimpleType) -> str:
    parts = [" or ".join(text.alternatives) or text.builtin or "text"]
    facets = dict(text.facets)
    if "length" in facets:
        parts.append(f"exactly {facets['length']} characters")
    if "minLength" in facets:
        parts.append(f"at least {facets['minLength']} characters")
    if "maxLength" in facets:
        parts.append(f"at most {facets['maxLength']} characters")
    if "minInclusive" in facets:
        parts.append(f"≥ {facets['minInclusive']}")
    if "maxInclusive" in facets:
        parts.append(f"≤ {facets['maxInclusive']}")
    if "pattern" in facets and not text.values:
        parts.append(f"matching {lit(facets['pattern'])}")
    return ", ".join(parts)


def occurs(low: int, high: int | None) -> str:
    if (low, high) == (1, 1):
        return "required"
    if (low, high) == (0, 1):
        return "optional"
    if high is None:
        return "one or more" if low == 1 else ("any number" if low == 0 else f"{low} or more")
    return f"{low} to {high}"


def values_text(text: SimpleType, element: str = "") -> list[str]:
    """The value set of an element (Clark name) or attribute, aliases marked (decision 5)."""
    namespace, _, local = element[1:].partition("}")
    lines = []
    if text.values:
        shown = []
        for value in text.values:
            alias = find_alias(namespace, local, value) if element else None
            shown.append(
                f"{lit(value)} (another spelling of {lit(alias.canonical)}; accepted, "
                "never written)"
                if alias
                else lit(value)
            )
        lines.append("Well-known values: " + ", ".join(shown) + ".")
    if text.vendor == "keyword":
        lines.append(
            "Extensible: a vendor keyword written ``prefix:Keyword`` is valid too "
            "(``acme:Throttled``, not ``Throttled``)."
        )
    elif text.vendor == "token":
        lines.append("Extensible: a vendor format token is valid too.")
    return lines


def restates(doc: str, *names: str) -> bool:
    """Whether a description says no more than a name: "Job name (wscn:String255ExtType)."
    for ``JobName``."""
    said = re.sub(r"\s*\([^)]*\)\s*$", "", doc.strip().rstrip(".")).strip()
    key = re.sub(r"[\W_]", "", said).lower()
    return any(key == re.sub(r"[\W_]", "", name).lower() for name in names if name)


def _attribute_name(attribute: Attribute) -> str:
    return label(attribute.name) if attribute.name.startswith("{") else attribute.name


def attribute_text(attribute: Attribute) -> str:
    bits = [
        f"{lit(_attribute_name(attribute))}: {describe_simple(attribute.type)}",
        "required" if attribute.required else "optional",
    ]
    if attribute.default is not None:
        bits.append(f"default {lit(attribute.default)} (documented, not applied)")
    line = ", ".join(bits)
    if attribute.doc:
        line += f". {esc(attribute.doc.rstrip('.'))}"
    return " ".join([line, *values_text(attribute.type)]).rstrip(".")


def _elements(node: Node) -> list[Node]:
    found = [node] if node.kind == "element" else []
    for child in node.children:
        found += _elements(child)
    return found


class ElementTree:
    """The nested bullet list of one message's elements."""

    def __init__(self, root: Node) -> None:
        self.root = root
        elements = _elements(root)
        counts = Counter(a for element in elements for a in element.attributes)
        #: Attributes described once above the tree, in the order first met.
        self.shared = [attribute for attribute, count in counts.items() if count > 1]
        #: Most elements accept vendor attributes: said once, and the others marked.
        open_ = sum(e.any_attribute for e in elements)
        self.all_open = len(elements) > 2 and open_ * 4 >= len(elements) * 3
        self._expanded: dict[str, str] = {}

    def lines(self) -> list[str]:
        out = []
        if self.all_open:
            out += [
                "Elements below accept vendor attributes (of other namespaces) unless marked "
                "*no vendor attributes*.",
                "",
            ]
        if self.shared:
            out += ["Attributes that several elements below carry, described once:", ""]
            out += [f"- {attribute_text(attribute)}." for attribute in self.shared]
            out += ["", "The elements:", ""]
        self._expanded = {}
        return out + self._node(self.root, 0)

    def _wildcards(self, node: Node) -> str:
        wildcards = [child for child in node.children if child.kind == "any"]
        if not wildcards:
            return ""
        where = sorted({_WILDCARD_NAMESPACES.get(w.wildcard[0], w.wildcard[0]) for w in wildcards})
        return f"; open to vendor elements {' or '.join(where)}"

    def _node(self, node: Node, depth: int) -> list[str]:
        pad = "  " * depth
        if node.kind == "any":
            return []  # said on the parent
        if node.kind == "choice":
            out = [f"{pad}- *one of the following* ({occurs(node.min, node.max)})", ""]
            for option in node.children:
                out += self._node(option, depth + 1)
            return out
        name = label(node.name) if node.name.startswith("{") else node.name
        head = f"{pad}- {lit(name)} — *{occurs(node.min, node.max)}*"
        if node.text is not None and not node.children:
            head += f"; {describe_simple(node.text)}"
        if node.type_name:
            head += f" (type {lit(label(node.type_name))})"
        head += self._wildcards(node)
        if node.any_attribute and not self.all_open:
            head += "; open to vendor attributes"
        elif not node.any_attribute and self.all_open:
            head += "; *no vendor attributes*"
        out = [head]
        body = []
        doc = node.doc or node.type_doc
        if doc and not restates(doc, node.local, node.type_name.rpartition("}")[2]):
            body.append(esc(doc))
        if node.text is not None:
            body.extend(values_text(node.text, node.name))
        own = [a for a in node.attributes if a not in self.shared]
        shared = [a for a in node.attributes if a in self.shared]
        if own:
            body.append("Attributes: " + "; ".join(attribute_text(a) for a in own) + ".")
        if shared:
            names = ", ".join(lit(_attribute_name(a)) for a in shared)
            body.append(f"Attributes {names}, described above.")
        first = self._expanded.get(node.type_name) if node.children else None
        if first is not None:
            body.append(f"Same content as {lit(first)} above (type {lit(label(node.type_name))}).")
        elif node.recursive:
            body.append("Same content as above (the type contains itself).")
        for paragraph in body:
            out += ["", f"{pad}  {paragraph}"]
        out.append("")
        if first is not None:
            return out
        if node.type_name and node.children:
            self._expanded[node.type_name] = name
        for child in node.children:
            out += self._node(child, depth + 1)
        return out


def tree_lines(node: Node) -> list[str]:
    """The element tree below ``node`` (``node`` included), shared attributes first."""
    return ElementTree(node).lines()
