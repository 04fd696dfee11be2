"""The parts of an MTOM package without SOAP: a package split into its parts
(:func:`split_parts`), ``xop:Include`` references checked and taken out of a root part
(:func:`resolve_includes`), a stored MIME message split into its Content-Type and body
(:func:`split_message`), and the limits every package reader keeps.

Nothing here reads an envelope: the validator splits and resolves packages with this module
alone, and :mod:`dsm_messages.mtom` builds its envelope reader on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

import attrs
from lxml import etree

from ._mime import FrameReader
from .errors import MtomError
from .namespaces import XOP, prefixed
from .rule_ids import DsmRule
from .xml_types import XmlElement

__all__ = [
    "CHUNK_SIZE",
    "HOLDER_ATTRIBUTE",
    "MAX_PACKAGE_BYTES",
    "MAX_PARTS",
    "MAX_ROOT_BYTES",
    "Parts",
    "Sink",
    "coalesced",
    "missing_part",
    "resolve_includes",
    "split_message",
    "split_parts",
    "take_includes",
]

CHUNK_SIZE = 64 * 1024
#: The root part is XML and small; anything larger is refused.
MAX_ROOT_BYTES = 16 * 1024 * 1024
#: A SendImage or RetrieveImage package has two parts; anything beyond this many is refused.
MAX_PARTS = 64
#: The largest package read (2 GiB); raise it for larger scans.
MAX_PACKAGE_BYTES = 2 * 1024 * 1024 * 1024


class Sink(Protocol):
    """Where a streamed attachment goes (a file, a socket writer, a hash). It receives the
    attachment in ``memoryview`` pieces of the bytes fed to the reader, valid as long as the
    sink keeps them."""

    def write(self, data: memoryview, /) -> object: ...


def coalesced(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The chunks, small ones joined into pieces of at least :data:`CHUNK_SIZE`: a source that
    yields tiny pieces costs one call per piece, not per byte. Large chunks pass uncopied."""
    small: list[bytes] = []
    held = 0
    for chunk in chunks:
        if len(chunk) >= CHUNK_SIZE:
            if small:
                yield b"".join(small)
                small, held = [], 0
            yield chunk
            continue
        small.append(chunk)
        held += len(chunk)
        if held >= CHUNK_SIZE:
            yield b"".join(small)
            small, held = [], 0
    if small:
        yield b"".join(small)


# -- the parts alone, for the validator -------------------------------------------------------


@attrs.frozen(kw_only=True)
class Parts:
    """A package split into its parts, nothing resolved yet: the root part's Content-ID and
    bytes, the attachments kept in memory (none when they went to a sink), every part's
    Content-ID and Content-Type, and the defects tolerated on the way."""

    root_id: str
    root: bytes
    attachments: dict[str, bytes]
    content_types: dict[str, str]
    defects: tuple[str, ...] = ()
    #: where in the package each defect was first found (``None``: in the Content-Type value)
    defect_offsets: tuple[int | None, ...] = ()
    #: How many line feeds come before the root part's body in the package.
    root_line: int = 0
    #: Where each part's headers end in the package, by Content-ID.
    part_offsets: dict[str, int] = attrs.field(factory=dict)


class _PartCollector:
    def __init__(self, sink: Callable[[str], Sink] | None) -> None:
        self.sink = sink
        self.root = b""
        self.attachments: dict[str, bytes] = {}
        self.content_types: dict[str, str] = {}
        self.part_id = ""
        self.is_root = False
        self.root_ended = False
        self.pieces: list[memoryview] | None = None
        self.target: Sink | None = None

    def start_part(self, content_id: str, content_type: str, is_root: bool) -> None:
        self.content_types[content_id] = content_type
        self.part_id, self.is_root = content_id, is_root
        if is_root or self.sink is None:
            self.pieces, self.target = [], None
        else:
            self.pieces, self.target = None, self.sink(content_id)

    def part_data(self, piece: memoryview) -> None:
        if self.pieces is not None:
            self.pieces.append(piece)
        elif self.target is not None:
            self.target.write(piece)

    def end_part(self) -> None:
        if self.pieces is None:
            return
        if self.is_root:
            self.root = b"".join(self.pieces)
            self.root_ended = True
        else:
            self.attachments[self.part_id] = b"".join(self.pieces)
        self.pieces = None


def split_parts(
    data: bytes | Iterable[bytes],
    content_type: str,
    *,
    sink: Callable[[str], Sink] | None = None,
    tolerant: bool = False,
    max_parts: int = MAX_PARTS,
    max_package_bytes: int = MAX_PACKAGE_BYTES,
    max_root_bytes: int = MAX_ROOT_BYTES,
) -> Parts:
    """Read a package into its parts without reading the XML (see :class:`PackageReader`);
    ``sink(content_id)``, when given, receives every attachment in turn."""
    collector = _PartCollector(sink)
    frames = FrameReader(
        content_type,
        collector,
        tolerant=tolerant,
        max_parts=max_parts,
        max_package_bytes=max_package_bytes,
        max_root_bytes=max_root_bytes,
    )
    try:
        if isinstance(data, bytes | bytearray | memoryview):
            frames.feed(bytes(data))
        else:
            for chunk in coalesced(data):
                frames.feed(chunk if type(chunk) is bytes else bytes(chunk))
        frames.close()
    except MtomError as exc:
        # what a reader that reads the envelope as soon as it is in (PackageReader) would
        # have read before the defect: the root part, when it ended
        exc.root_part = collector.root if collector.root_ended else None
        exc.root_line = frames.root_line
        exc.root_id = frames.root_id
        exc.defects = tuple((d, frames.defect_offsets.get(d)) for d in frames.defects)
        raise
    assert frames.root_id is not None  # close() refuses a package without its root part
    return Parts(
        root_id=frames.root_id,
        root=collector.root,
        attachments=collector.attachments,
        content_types=collector.content_types,
        defects=tuple(frames.defects),
        defect_offsets=tuple(frames.defect_offsets.get(defect) for defect in frames.defects),
        root_line=frames.root_line,
        part_offsets=frames.part_offsets,
    )


# -- references -------------------------------------------------------------------------------


def resolve_includes(
    root: XmlElement, part_ids: set[str], *, root_id: str | None = None
) -> list[str]:
    """Check every ``xop:Include`` of a root part and take it out of the tree; returns the
    Content-IDs they referred to, in document order. Only ``cid:`` references to parts of the
    package other than the root part (``root_id``), inside ``dsp:ImageData`` or
    ``wscn:ScanData``, are allowed."""
    includes = take_includes(root, root_id)
    for content_id, include in includes:
        if content_id not in part_ids:
            raise missing_part(content_id, include)
    return [content_id for content_id, _ in includes]


#: Set on a taken-out ``xop:Include``: the prefixed name of the element that held it.
HOLDER_ATTRIBUTE = "{urn:dsm-messages:internal}holder"
#: The elements whose content may be an attachment: SendImage's and RetrieveImageResponse's.
#: By local name: the reader takes the references out of whichever namespace the holder is
#: written in (a pre-release or misprinted one), and the envelope's check names the namespace,
#: as it does for a message read whole.
_IMAGE_HOLDERS = frozenset({"ImageData", "ScanData"})


def take_includes(root: XmlElement, root_id: str | None) -> list[tuple[str, XmlElement]]:
    """Every ``xop:Include`` of a root part with the Content-ID it names, taken out of the
    tree once its form and place are checked (whether the part exists is known later)."""
    found: list[tuple[str, XmlElement]] = []
    for include in list(root.iter(f"{{{XOP}}}Include")):
        href = (include.get("href") or "").strip()
        where = f"line {include.sourceline}"
        if not href.lower().startswith("cid:"):
            raise MtomError(
                f"xop:Include href {href!r} ({where}) is not a cid: reference into the package",
                code=DsmRule.XOP_REFERENCE,
                element=include,
            )
        content_id = href[4:]
        if root_id is not None and content_id == root_id:
            raise MtomError(
                f"xop:Include ({where}) refers to <{content_id}>, the root part itself",
                code=DsmRule.XOP_REFERENCE,
                element=include,
            )
        parent = include.getparent()
        if parent is None or etree.QName(parent).localname not in _IMAGE_HOLDERS:
            raise MtomError(
                f"xop:Include ({where}) outside dsp:ImageData and wscn:ScanData is not supported",
                code=DsmRule.XOP_REFERENCE,
                element=include,
            )
        found.append((content_id, include))
        include.set(HOLDER_ATTRIBUTE, prefixed(str(parent.tag)))
        parent.remove(include)
        parent.text = None
    return found


def missing_part(content_id: str, include: XmlElement) -> MtomError:
    return MtomError(
        f"xop:Include (line {include.sourceline}) refers to <{content_id}>, which is not in the "
        "package",
        code=DsmRule.XOP_REFERENCE,
        element=include,
    )


def split_message(data: bytes) -> tuple[str, bytes]:
    """Split a stored MIME message (headers, blank line, body) into its Content-Type value and
    body; LF line ends and a whitespace-only blank line are accepted (stored packages lose
    their CRs easily)."""
    headers: dict[str, str] = {}
    position = 0
    last: str | None = None
    while True:
        end = data.find(b"\n", position)
        if end < 0:
            raise MtomError("no blank line ends the MIME headers")
        line = data[position:end].rstrip(b"\r").decode("latin-1")
        position = end + 1
        if not line.strip():
            break
        if line[0] in " \t" and last is not None:
            headers[last] += " " + line.strip()
            continue
        name, _, value = line.partition(":")
        last = name.strip().lower()
        headers[last] = value.strip()
    if "content-type" not in headers:
        raise MtomError("the MIME headers have no Content-Type")
    return headers["content-type"], data[position:]
