"""The one place that changes a checked tree: each change is the fix a reported problem
names (see :class:`Repair`)."""

from __future__ import annotations

from ..element_text import set_text, strip_xml, text_of
from ..errors import XmlSyntaxError
from ..safexml import parse_xml
from ..xml_types import XmlElement

__all__ = [
    "Repair",
]


class Repair:
    """Everything the checks change in the tree, and only that: each change is the fix a
    reported problem names (a URI trimmed, a stale action or namespace renamed, a padded
    value trimmed, ``xop:Include`` resolved), so that the lenient profile reads the message
    as the problems describe it. The checker decides when; this says how, and keeps count
    (a tree no repair touched is the tree as parsed)."""

    def __init__(self) -> None:
        self.count = 0

    def text(self, element: XmlElement, value: str) -> None:
        set_text(element, value)
        self.count += 1

    def drop_text_between(self, element: XmlElement) -> None:
        """Take out the text written directly in ``element`` beside its children (text in a
        soap:Detail, which holds detail entries only)."""
        element.text = None
        for child in element:
            child.tail = None
        self.count += 1

    def attribute(self, element: XmlElement, name: str, value: str) -> None:
        element.set(name, value)
        self.count += 1

    def trim_padded_values(
        self, root: XmlElement, at_fault: list[XmlElement | None]
    ) -> set[XmlElement]:
        """Trim the whitespace around the value of each element the schema found fault with
        (whitespace alone, in an element that holds nothing, goes too); those trimmed."""
        padded = {
            element
            for element in at_fault
            if element is not None
            and not any(isinstance(child.tag, str) for child in element)
            and (text := text_of(element))
            and text != strip_xml(text)
        }
        for element in padded:
            self.text(element, strip_xml(text_of(element)))
        return padded

    def rename_namespaces(
        self, data: bytes, renames: dict[str, str], max_bytes: int, max_depth: int
    ) -> tuple[XmlElement, bytes] | None:
        """The message parsed again with stale namespace URIs replaced by the current ones,
        in the bytes (which keeps line numbers and makes QName text resolve to the current
        namespace, for the schema too); ``None`` when the renamed bytes cannot be read (an
        encoding that is not ASCII-compatible: the bytes as written are checked)."""
        renamed = data
        for old, new in renames.items():
            for quote in (b'"', b"'"):
                renamed = renamed.replace(
                    quote + old.encode() + quote, quote + new.encode() + quote
                )
        try:
            root = parse_xml(renamed, max_bytes=max_bytes, max_depth=max_depth)
        except XmlSyntaxError:
            return None
        self.count += 1
        return root, renamed

    def reorder(self, parent: XmlElement, order: tuple[XmlElement, ...]) -> None:
        """Put the children of ``parent`` in the order the schema wants."""
        parent[:] = order
        self.count += 1

    def resolve_includes(
        self, root: XmlElement, part_ids: set[str], root_id: str | None
    ) -> set[str]:
        """Take the ``xop:Include`` elements out; the Content-IDs they referred to."""
        from ..package_parts import resolve_includes  # (read with the first package)

        referenced = resolve_includes(root, part_ids, root_id=root_id)
        self.count += 1
        return set(referenced)
