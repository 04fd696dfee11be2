"""Where a problem is: the column each element starts at, the namespaces each declares,
the location of an element as a path, and the line and column of a byte of a package.

Lines come from lxml; what lxml does not say cheaply (columns, declarations) is read once,
with expat, only when a problem needs it."""

from __future__ import annotations

import os

from lxml import etree

from ..xml_types import XmlElement
from .walk import name_of

__all__ = [
    "Source",
    "file_position",
    "known_column",
    "position_in",
    "unknown_position",
]


class Source:
    """What lxml does not say cheaply about the parsed elements: the column each starts at and
    the namespaces each declares (``nsmap`` copies every in-scope declaration, per element).
    Read once from the bytes with expat, in document order; columns are unknown when expat
    cannot read the bytes as libxml2 did (an encoding it lacks), and then read from lxml's
    serialization. Locations are built once per element. The bytes are read only when a
    column or the declarations are first asked for (a problem to report, a stale namespace
    to name), so a message without problems is never read twice."""

    def __init__(self, root: XmlElement, data: bytes) -> None:
        self.root = root
        self.data: bytes | None = data
        self.elements: list[XmlElement] = []
        self.index: dict[XmlElement, int] = {}
        self.columns: list[int] | None = None
        self.declared: dict[int, dict[str | None, str]] = {}
        self._locations: dict[XmlElement, str] = {}
        self._positions: dict[XmlElement, dict[XmlElement, tuple[int, int]]] = {}

    def scan(self) -> None:
        """Read the bytes now (before the tree's elements change: xop:Include resolved)."""
        data, self.data = self.data, None
        if data is None:
            return
        root = self.root
        self.elements = [element for element in root.iter() if isinstance(element.tag, str)]
        self.index = {element: number for number, element in enumerate(self.elements)}
        if self._scan(data):
            return
        self.columns = None
        if not self._scan(etree.tostring(root, encoding="UTF-8")):
            self.declared = {}

    def _scan(self, data: bytes) -> bool:
        from xml.parsers import expat  # (read only once a problem needs a column)

        columns: list[int] = []
        declared: dict[int, dict[str | None, str]] = {}
        parser = expat.ParserCreate()

        def start(name: str, attributes: dict[str, str]) -> None:
            number = len(columns)
            columns.append(parser.CurrentColumnNumber + 1)
            here = {
                (key[6:] or None): value
                for key, value in attributes.items()
                if key == "xmlns" or key.startswith("xmlns:")
            }
            if here:
                declared[number] = here

        parser.StartElementHandler = start
        try:
            parser.Parse(data, True)
        except (expat.ExpatError, ValueError, LookupError):
            return False
        if len(columns) != len(self.elements):
            return False
        self.columns, self.declared = columns, declared
        return True

    def column(self, element: XmlElement) -> int | None:
        self.scan()
        number = self.index.get(element)
        return None if number is None or self.columns is None else self.columns[number]

    def declarations(self, number: int) -> dict[str | None, str]:
        self.scan()
        return self.declared.get(number, {})

    def first_declarations(self) -> dict[str, int]:
        """Each namespace URI declared in the document -> the first element declaring it."""
        self.scan()
        first: dict[str, int] = {}
        for number in sorted(self.declared):
            for uri in self.declared[number].values():
                first.setdefault(uri, number)
        return first

    def element(self, number: int) -> XmlElement:
        self.scan()
        return self.elements[number]

    @staticmethod
    def resolve(element: XmlElement, prefix: str | None) -> str | None:
        """The namespace ``prefix`` is bound to where ``element`` is (``None``: unbound; ``""``
        or ``None`` where ``xmlns=""`` undeclares the default namespace). Asked of a few
        elements only (QName values), so lxml's in-scope map serves."""
        if prefix == "xml":
            return "http://www.w3.org/XML/1998/namespace"
        return element.nsmap.get(prefix)

    def location(self, element: XmlElement) -> str:
        """An XPath-like path with conventional prefixes, ``[n]`` where siblings share a name."""
        found = self._locations.get(element)
        if found is not None:
            return found
        parent = element.getparent()
        step = name_of(element)
        if parent is None:
            found = "/" + step
        else:
            position, count = self._siblings(parent)[element]
            if count > 1:
                step += f"[{position}]"
            found = self.location(parent) + "/" + step
        self._locations[element] = found
        return found

    def _siblings(self, parent: XmlElement) -> dict[XmlElement, tuple[int, int]]:
        found = self._positions.get(parent)
        if found is None:
            counts: dict[object, int] = {}
            positions: dict[XmlElement, int] = {}
            for child in parent:
                counts[child.tag] = counts.get(child.tag, 0) + 1
                positions[child] = counts[child.tag]
            found = {child: (at, counts[child.tag]) for child, at in positions.items()}
            self._positions[parent] = found
        return found


def unknown_position(offset: int | None) -> tuple[int | None, int | None]:
    return None, None


def file_position(
    path: str | os.PathLike[str], start: int, offset: int | None
) -> tuple[int | None, int | None]:
    """:func:`position_in` of byte ``offset`` of what a file holds from byte ``start`` on, read
    again in chunks (only for a problem's place, so never more than a few times)."""
    if offset is None:
        return None, None
    from ..package_parts import CHUNK_SIZE  # (a stored package's: read with packages)

    lines, line_start, read = 1, 0, 0
    with open(path, "rb") as stored:
        stored.seek(start)
        while read < offset:
            chunk = stored.read(min(CHUNK_SIZE, offset - read))
            if not chunk:
                break
            found = chunk.rfind(b"\n")
            if found >= 0:
                lines += chunk.count(b"\n")
                line_start = read + found + 1
            read += len(chunk)
    return lines, min(offset, read) - line_start + 1


def position_in(data: bytes, offset: int | None) -> tuple[int | None, int | None]:
    """The line and column of byte ``offset`` of ``data`` (``None``s when it is not known)."""
    if offset is None:
        return None, None
    offset = max(0, min(offset, len(data)))
    start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - start + 1


def known_column(column: int | None) -> int | None:
    return column if column else None  # libxml2 reports 0 when it does not know
