"""MTOM/XOP packages: how SendImage (WS-DSP) and RetrieveImageResponse (WS-Scan) carry the
scanned document.

A package is ``multipart/related``: the first (root) part is the SOAP envelope, in which
``dsp:ImageData`` (or ``wscn:ScanData``) holds only ``<xop:Include href="cid:..."/>``; the
referenced part carries the raw image bytes. Building streams the image (never base64, never
held twice).

Reading is push-style: a :class:`PackageReader` is fed the package's bytes as they arrive and
reads the root part first; once the envelope is known it asks the caller where each image goes,
so an image can be stored under its JobToken, or refused before a byte of it is written.
:func:`parse_package` (bytes or an iterable of chunks) and :func:`parse_package_async` (an
async iterable) are built on it.

>>> from dsm_messages.models import dsp
>>> request = dsp.SendImageRequest(
...     job_token="264a19bf",
...     document_description=dsp.DocumentDescriptionType(
...         document_id=1,
...         format=dsp.DocumentFormatWKVType.PNG),
...     image_data=b"")
>>> content_type, chunks = build_send_image(request, b"\\x89PNG...", to="https://scansrv/ScanServer")
>>> content_type.startswith('multipart/related; boundary=')
True
>>> package = b"".join(chunks)
>>> parse_package(package, content_type).envelope.body.image_data
b'\\x89PNG...'

Fed in pieces, with the image's destination chosen once the envelope is in hand:

>>> import io
>>> from dsm_messages import Envelope
>>> images: dict[str, io.BytesIO] = {}
>>> def store(envelope: Envelope, content_id: str) -> io.BytesIO | None:
...     if envelope.action.endswith("/SendImage"):
...         return images.setdefault(envelope.message_id or "", io.BytesIO())
...     return None  # anything else: the part is dropped unwritten
>>> reader = PackageReader(content_type, sink=store)
>>> for at in range(0, len(package), 100):
...     reader.feed(package[at : at + 100])
>>> reader.envelope is not None
True
>>> result = reader.close()
>>> [image.getvalue() for image in images.values()]
[b'\\x89PNG...']
"""

from __future__ import annotations

import copy
import io
import secrets
from collections.abc import AsyncIterable, Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, TypeAlias

import attrs
from lxml import etree

from ._mime import FrameReader, check_boundary, content_type_parameters
from .errors import DsmError, MtomError, MtomLimitError
from .namespaces import ANONYMOUS, DSP, WSCN, XOP, prefixed
from .package_body import PackageBody, size_of
from .rule_ids import DsmRule
from .safexml import parse_xml

if TYPE_CHECKING:  # imported where used: splitting a stored package (the validator) needs neither
    from .envelope import Envelope
    from .models import dsp, wscn

__all__ = [
    "CHUNK_SIZE",
    "MAX_PACKAGE_BYTES",
    "MAX_PARTS",
    "MAX_ROOT_BYTES",
    "ChooseSink",
    "MtomError",
    "MtomLimitError",
    "Package",
    "PackageBody",
    "PackageReader",
    "Parts",
    "Readable",
    "Sink",
    "build_package",
    "build_retrieve_image_response",
    "build_send_image",
    "content_type_parameters",
    "parse_package",
    "parse_package_async",
    "resolve_includes",
    "split_message",
    "split_parts",
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


#: Chooses where an attachment goes, given the parsed envelope and the part's Content-ID:
#: a :class:`Sink`, or ``None`` to drop the part without writing it anywhere.
ChooseSink: TypeAlias = "Callable[[Envelope, str], Sink | None]"


class Readable(Protocol):
    """Where an image comes from (a file opened in binary mode, a stream)."""

    def read(self, size: int, /) -> bytes: ...


@attrs.frozen(kw_only=True)
class Package:
    """A parsed package: the envelope (attachments resolved into ``dsp:ImageData`` unless they
    went to a sink), every part's content type by Content-ID, and the defects tolerated on the
    way.

    :param envelope: the root part's envelope.
    :param content_types: the Content-Type of every part, by Content-ID.
    :param defects: the MIME defects read past in the tolerant mode, each in words.
    """

    envelope: Envelope
    content_types: dict[str, str]
    defects: tuple[str, ...] = ()


# -- building ---------------------------------------------------------------------------------


def build_send_image(
    request: dsp.SendImageRequest,
    image: bytes | Readable,
    *,
    to: str,
    message_id: str | None = None,
    reply_to: str | None = ANONYMOUS,
    boundary: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> tuple[str, PackageBody]:
    """Package a SendImage request with its image as MTOM (ReplyTo anonymous unless given;
    ``None`` leaves it out, which the strict profile rejects).

    Returns the ``Content-Type`` header value and an iterator of byte chunks: the image is read
    from ``image`` (bytes or a binary stream) in ``chunk_size`` pieces while the chunks are
    consumed; its ``length`` is the package's size when the image's is known (bytes, or a
    stream that can tell it: a file). ``request.image_data`` is ignored.

    :param request: the SendImage body (its ``image_data`` is not read).
    :param image: the image: bytes, or a binary stream (a file opened ``"rb"``).
    :param to: the scan server's address (``wsa:To``).
    :param message_id: the request's MessageID; a fresh ``urn:uuid:`` unless given.
    :param reply_to: the ``wsa:ReplyTo`` address; ``None`` writes none.
    :param boundary: the MIME boundary; a random one unless given.
    :param chunk_size: how many bytes of the image each chunk holds (64 KiB unless given).
    :returns: the ``Content-Type`` header value, and the package's body as chunks.
    :raises EnvelopeError: when the request cannot be put in an envelope.
    :raises MtomError: when ``boundary`` is one RFC 2046 does not allow.
    """
    from .envelope import serialize

    shell = copy.copy(request)
    shell.image_data = b""
    envelope = serialize(shell, to=to, message_id=message_id, reply_to=reply_to)
    return _with_image(envelope, f"{{{DSP}}}ImageData", image, boundary, chunk_size)


def build_retrieve_image_response(
    response: wscn.RetrieveImageResponse,
    image: bytes | Readable,
    *,
    relates_to: str,
    to: str = ANONYMOUS,
    message_id: str | None = None,
    content_type: str = "application/octet-stream",
    boundary: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> tuple[str, PackageBody]:
    """Package a WS-Scan RetrieveImage response with its image as MTOM, answering the request
    whose MessageID is ``relates_to``. As :func:`build_send_image`, the image is streamed from
    ``image`` and ``response.scan_data`` is ignored; ``content_type`` is the image part's
    (``image/jpeg`` for a JFIF scan).

    :param response: the RetrieveImageResponse body (its ``scan_data`` is not read).
    :param image: the image: bytes, or a binary stream (a file opened ``"rb"``).
    :param relates_to: the RetrieveImage request's MessageID.
    :param to: where the response goes (``wsa:To``); the anonymous address unless given.
    :param message_id: the response's MessageID; a fresh ``urn:uuid:`` unless given.
    :param content_type: the image part's Content-Type.
    :param boundary: the MIME boundary; a random one unless given.
    :param chunk_size: how many bytes of the image each chunk holds (64 KiB unless given).
    :returns: the ``Content-Type`` header value, and the package's body as chunks.
    :raises MtomError: when ``boundary`` is one RFC 2046 does not allow, or ``content_type``
        is not one line of ASCII.

    >>> from dsm_messages.models import wscn
    >>> content_type, chunks = build_retrieve_image_response(
    ...     wscn.RetrieveImageResponse(scan_data=b""), b"\\xff\\xd8...", relates_to="urn:uuid:1")
    >>> parse_package(b"".join(chunks), content_type).envelope.body.scan_data
    b'\\xff\\xd8...'
    """
    from .envelope import serialize

    shell = copy.copy(response)
    shell.scan_data = b""
    envelope = serialize(shell, to=to, message_id=message_id, relates_to=relates_to)
    return _with_image(
        envelope, f"{{{WSCN}}}ScanData", image, boundary, chunk_size, content_type=content_type
    )


def _with_image(
    envelope: bytes,
    holder: str,
    image: bytes | Readable,
    boundary: str | None,
    chunk_size: int,
    *,
    content_type: str = "application/octet-stream",
) -> tuple[str, PackageBody]:
    """The package of ``envelope`` whose ``holder`` element refers to ``image``."""
    content_id = f"{secrets.token_hex(16)}@dsm-messages"
    root = etree.fromstring(envelope)
    element = root.find(f".//{holder}")
    if element is None:  # pragma: no cover - serialize always writes it
        raise MtomError(f"the message has no {prefixed(holder)} element")
    include = etree.SubElement(element, f"{{{XOP}}}Include", nsmap={"xop": XOP})
    include.set("href", f"cid:{content_id}")
    envelope_bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return build_package(
        envelope_bytes,
        [(content_id, content_type, image)],
        boundary=boundary,
        chunk_size=chunk_size,
    )


def build_package(
    root: bytes,
    attachments: Sequence[tuple[str, str, bytes | Readable]],
    *,
    boundary: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> tuple[str, PackageBody]:
    """A ``multipart/related`` MTOM package: ``root`` (a SOAP envelope with ``xop:Include``
    references) then one part per ``(content_id, content_type, data)`` attachment, as
    chunks made while they are consumed (``length``: the package's size, when every
    attachment's is known).

    A boundary that RFC 2046 does not allow, or a header value outside ASCII, raises
    :class:`MtomError`."""
    boundary = boundary or f"dsm-{secrets.token_hex(24)}"
    check_boundary(boundary)
    for content_id, part_type, _ in attachments:
        for value in (content_id, part_type):
            if not value.isascii() or "\r" in value or "\n" in value:
                raise MtomError(f"MIME header value {value!r} is not one line of ASCII")
    root_id = f"root.{secrets.token_hex(8)}@dsm-messages"
    content_type = (
        f'multipart/related; boundary="{boundary}"; type="application/xop+xml"; '
        f'start="<{root_id}>"; start-info="application/soap+xml"'
    )

    delimiter = f"--{boundary}\r\n".encode()
    root_headers = (
        'Content-Type: application/xop+xml; charset=UTF-8; type="application/soap+xml"\r\n'
        f"Content-Transfer-Encoding: binary\r\nContent-ID: <{root_id}>\r\n\r\n"
    ).encode()
    part_headers = [
        b"\r\n"
        + delimiter
        + (
            f"Content-Type: {part_type}\r\nContent-Transfer-Encoding: binary\r\n"
            f"Content-ID: <{content_id}>\r\n\r\n"
        ).encode()
        for content_id, part_type, _ in attachments
    ]
    closing = f"\r\n--{boundary}--\r\n".encode()

    def chunks() -> Iterator[bytes]:
        yield delimiter
        yield root_headers
        yield root
        for headers, (_, _, data) in zip(part_headers, attachments, strict=True):
            yield headers
            stream = io.BytesIO(data) if isinstance(data, bytes) else data
            while piece := stream.read(chunk_size):
                yield piece
        yield closing

    sizes = [size_of(data) for _, _, data in attachments]
    length = None
    if all(size is not None for size in sizes):
        fixed = len(delimiter) + len(root_headers) + len(root) + len(closing)
        length = fixed + sum(map(len, part_headers)) + sum(size or 0 for size in sizes)
    return content_type, PackageBody(chunks(), length)


# -- reading ----------------------------------------------------------------------------------


class PackageReader:
    """Reads an MTOM package pushed to it in chunks of any size (sans-I/O: it never reads).

    The root part (the SOAP envelope) is parsed as soon as it is complete; from then on
    :attr:`envelope` holds it, and each attachment goes where ``sink(envelope, content_id)``
    says: a :class:`Sink` receives the attachment's bytes as they arrive; ``None`` drops them
    unwritten (a refused SendImage); an exception raised by ``sink`` stops the reading and
    reaches the caller of :meth:`feed`. Without ``sink``, attachments are kept and the one
    ``dsp:ImageData`` (``wscn:ScanData``) refers to becomes its value. Attachments that
    arrive before the root part (the ``start`` parameter may name a later part) are kept in
    memory until it is read (they count towards ``max_root_bytes``).

    Every ``xop:Include`` must be a ``cid:`` reference, inside ``dsp:ImageData`` or
    ``wscn:ScanData``, to an
    attachment of the package. ``tolerant`` accepts the defects of Microsoft's published
    example (LF line ends, whitespace-only separator lines, unquoted or unseparated parameters,
    padded values) and lists each one in :attr:`Package.defects`. The caps are keywords: more
    than ``max_parts`` parts, more than ``max_package_bytes`` bytes in all, or a root part over
    ``max_root_bytes`` raise :class:`MtomLimitError` naming the keyword; nothing past the cap
    is read. ``read_envelope`` turns the root part (its ``xop:Include`` elements taken out)
    into the envelope; by default (``None``) :func:`~dsm_messages.envelope.parse`, and a
    caller that must check the envelope before any attachment is written passes its own (an
    :class:`~dsm_messages.Endpoint` validates it and applies it to the conversation there).
    Every other defect raises :class:`MtomError` or another
    :class:`~dsm_messages.errors.DsmError` (the envelope's own); after one, the reader refuses
    further input.

    :param content_type: the package's ``Content-Type`` header value (``multipart/related``,
        with its boundary).
    :param sink: chooses where each attachment goes, called with the envelope and the part's
        Content-ID: a :class:`Sink` (anything with ``write``), or ``None`` to drop the part;
        without it, attachments are kept and the image becomes the body's value.
    :param tolerant: whether to accept the MIME defects of Microsoft's published example (each
        listed in :attr:`Package.defects`).
    :param max_parts: the most parts read (64 unless given).
    :param max_package_bytes: the most bytes read in all (2 GiB unless given).
    :param max_root_bytes: the most bytes of the root part, and of attachments held before it
        (16 MiB unless given).
    :param read_envelope: turns the root part's bytes into the envelope;
        :func:`~dsm_messages.parse` unless given.
    :raises MtomError: when ``content_type`` announces no package that can be read.
    """

    def __init__(
        self,
        content_type: str,
        *,
        sink: ChooseSink | None = None,
        tolerant: bool = False,
        max_parts: int = MAX_PARTS,
        max_package_bytes: int = MAX_PACKAGE_BYTES,
        max_root_bytes: int = MAX_ROOT_BYTES,
        read_envelope: Callable[[bytes], Envelope] | None = None,
    ) -> None:
        self._assembler = _Assembler(sink, max_root_bytes, read_envelope)
        self._frames = FrameReader(
            content_type,
            self._assembler,
            tolerant=tolerant,
            max_parts=max_parts,
            max_package_bytes=max_package_bytes,
            max_root_bytes=max_root_bytes,
        )

    @property
    def envelope(self) -> Envelope | None:
        """The root part's envelope once it has been read (``dsp:ImageData`` still empty)."""
        return self._assembler.envelope

    @property
    def references(self) -> Mapping[str, str]:
        """Once the root part is read: the Content-ID each ``xop:Include`` refers to, with
        the element holding it (``dsp:ImageData`` or ``wscn:ScanData``), in document order.
        A part missing here is referred to by nothing: not an image."""
        return self._assembler.references

    @property
    def content_types(self) -> Mapping[str, str]:
        """The Content-Type of every part started so far, by Content-ID."""
        return self._assembler.content_types

    @property
    def bytes_copied(self) -> int:
        """How many of the bytes fed the reader has copied so far: header lines and the few
        bytes a chunk boundary cuts off. Part bodies are handed on without a copy (the root
        part and attachments kept in memory are joined once, not counted here)."""
        return self._frames.copied

    def feed(self, data: bytes) -> None:
        """Read the next bytes of the package. They are not copied: sinks receive
        ``memoryview`` pieces of them.

        :param data: the next bytes, any number of them.
        :raises MtomLimitError: when the package goes over a cap.
        :raises MtomError: when the package is malformed, or the reader already failed.
        """
        self._frames.feed(data if type(data) is bytes else bytes(data))

    def close(self) -> Package:
        """The package ended: check it is complete and every reference resolves; returns it."""
        self._frames.close()
        return self._assembler.finish(self._frames.defects)


class _Assembler:
    """Turns the parts the framing reader finds into a :class:`Package`."""

    def __init__(
        self,
        choose: ChooseSink | None,
        max_root_bytes: int,
        read_envelope: Callable[[bytes], Envelope] | None = None,
    ) -> None:
        self.choose = choose
        #: a caller's reader of the root part's bytes; None: the parsed tree is bound as it is
        self.read_envelope = read_envelope
        self.max_root_bytes = max_root_bytes
        self.envelope: Envelope | None = None
        self.content_types: dict[str, str] = {}
        self.attachments: dict[str, bytes] = {}
        self.includes: list[tuple[str, etree._Element]] = []
        self.references: dict[str, str] = {}
        self.root_id: str | None = None
        self.early: list[tuple[str, list[memoryview]]] = []
        self.early_bytes = 0
        self.part_id = ""
        self.is_root = False
        self.pieces: list[memoryview] | None = None
        self.target: Sink | None = None

    def start_part(self, content_id: str, content_type: str, is_root: bool) -> None:
        self.content_types[content_id] = content_type
        self.part_id, self.is_root = content_id, is_root
        self.pieces, self.target = None, None
        if is_root:
            self.root_id = content_id
        if is_root or self.envelope is None or self.choose is None:
            self.pieces = []
        else:
            self.target = self.choose(self.envelope, content_id)

    def part_data(self, piece: memoryview) -> None:
        if self.pieces is not None:
            self.pieces.append(piece)
            if not self.is_root and self.envelope is None and self.choose is not None:
                # a part ahead of the root is held until the envelope says where it goes
                self.early_bytes += len(piece)
                if self.early_bytes > self.max_root_bytes:
                    raise MtomLimitError(
                        f"the parts before the root part hold more than {self.max_root_bytes} "
                        "bytes",
                        limit="max_root_bytes",
                        value=self.max_root_bytes,
                    )
        elif self.target is not None:
            self.target.write(piece)

    def end_part(self) -> None:
        pieces, self.pieces = self.pieces, None
        if pieces is None:
            return
        if self.is_root:
            self.read_root(b"".join(pieces))
            early, self.early = self.early, []
            for content_id, kept in early:
                self.deliver(content_id, kept)
        elif self.envelope is None and self.choose is not None:
            self.early.append((self.part_id, pieces))
        else:
            self.attachments[self.part_id] = b"".join(pieces)

    def deliver(self, content_id: str, pieces: list[memoryview]) -> None:
        assert self.envelope is not None
        assert self.choose is not None
        target = self.choose(self.envelope, content_id)
        if target is not None:
            for piece in pieces:
                target.write(piece)

    def read_root(self, data: bytes) -> None:
        root = parse_xml(data, max_bytes=self.max_root_bytes)
        self.includes = _take_includes(root, self.root_id)
        for content_id, include in self.includes:
            holder = include.get(_HOLDER_ATTRIBUTE, "")
            self.references.setdefault(content_id, holder)
        try:
            if self.read_envelope is None:  # the default: the tree is bound as it is
                from .envelope import read_envelope

                self.envelope = read_envelope(root)
            else:  # a caller's reader takes the root part's bytes
                self.envelope = self.read_envelope(etree.tostring(root, encoding="UTF-8"))
        except DsmError:
            raise
        except (etree.LxmlError, ValueError, TypeError, KeyError) as exc:
            raise MtomError(
                f"the root part cannot be read as a SOAP envelope: {exc}",
                code=DsmRule.XML_MALFORMED,
            ) from None

    def finish(self, defects: list[str]) -> Package:
        assert self.envelope is not None  # the framing reader saw the root part
        for content_id, include in self.includes:
            if content_id not in self.content_types:
                raise _missing_part(content_id, include)
        body = self.envelope.body
        if self.includes and self.choose is None:
            from .models import dsp, wscn

            if isinstance(body, dsp.SendImageRequest):
                body.image_data = self.attachments[self.includes[0][0]]
            elif isinstance(body, wscn.RetrieveImageResponse):
                body.scan_data = self.attachments[self.includes[0][0]]
        return Package(
            envelope=self.envelope, content_types=dict(self.content_types), defects=tuple(defects)
        )


def parse_package(
    data: bytes | Iterable[bytes],
    content_type: str,
    *,
    sink: ChooseSink | None = None,
    tolerant: bool = False,
    max_parts: int = MAX_PARTS,
    max_package_bytes: int = MAX_PACKAGE_BYTES,
    max_root_bytes: int = MAX_ROOT_BYTES,
) -> Package:
    """Parse an MTOM package given as bytes (read in place, never copied) or as an iterable of
    chunks; the keywords are :class:`PackageReader`'s.

    :param data: the package: bytes, or an iterable of byte chunks.
    :param content_type: the package's ``Content-Type`` header value.
    :param sink: chooses where each attachment goes, called with the envelope and the part's
        Content-ID: a :class:`Sink` (anything with ``write``), or ``None`` to drop the part;
        without it, attachments are kept and the image becomes the body's value.
    :param tolerant: whether to accept the MIME defects of Microsoft's published example (each
        listed in :attr:`Package.defects`).
    :param max_parts: the most parts read (64 unless given).
    :param max_package_bytes: the most bytes read in all (2 GiB unless given).
    :param max_root_bytes: the most bytes of the root part, and of attachments held before it
        (16 MiB unless given).
    :returns: the package, its envelope's image resolved (unless it went to a sink).
    :raises MtomLimitError: when the package goes over a cap.
    :raises MtomError: when the package is malformed or a reference does not resolve.
    :raises EnvelopeError: when the root part is no envelope the library reads.
    """
    reader = PackageReader(
        content_type,
        sink=sink,
        tolerant=tolerant,
        max_parts=max_parts,
        max_package_bytes=max_package_bytes,
        max_root_bytes=max_root_bytes,
    )
    if isinstance(data, bytes | bytearray | memoryview):
        reader.feed(bytes(data))
    else:
        for chunk in _coalesced(data):
            reader.feed(chunk)
    return reader.close()


def _coalesced(chunks: Iterable[bytes]) -> Iterator[bytes]:
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


async def parse_package_async(
    chunks: AsyncIterable[bytes],
    content_type: str,
    *,
    sink: ChooseSink | None = None,
    tolerant: bool = False,
    max_parts: int = MAX_PARTS,
    max_package_bytes: int = MAX_PACKAGE_BYTES,
    max_root_bytes: int = MAX_ROOT_BYTES,
) -> Package:
    """:func:`parse_package` for an async iterable of chunks (a request body read by an
    asyncio server), on the event loop itself: reading never blocks, so no thread is needed.

    :param chunks: the package, as an async iterable of byte chunks.
    :param content_type: the package's ``Content-Type`` header value.
    :param sink: chooses where each attachment goes, called with the envelope and the part's
        Content-ID: a :class:`Sink` (anything with ``write``), or ``None`` to drop the part;
        without it, attachments are kept and the image becomes the body's value.
    :param tolerant: whether to accept the MIME defects of Microsoft's published example (each
        listed in :attr:`Package.defects`).
    :param max_parts: the most parts read (64 unless given).
    :param max_package_bytes: the most bytes read in all (2 GiB unless given).
    :param max_root_bytes: the most bytes of the root part, and of attachments held before it
        (16 MiB unless given).
    :returns: the package, as :func:`parse_package` returns it.
    :raises MtomLimitError: when the package goes over a cap.
    :raises MtomError: when the package is malformed or a reference does not resolve.
    :raises EnvelopeError: when the root part is no envelope the library reads.

    >>> import asyncio
    >>> from dsm_messages.models import dsp
    >>> request = dsp.SendImageRequest(
    ...     job_token="264a19bf",
    ...     document_description=dsp.DocumentDescriptionType(
    ...         document_id=1,
    ...         format=dsp.DocumentFormatWKVType.PNG),
    ...     image_data=b"")
    >>> content_type, chunks = build_send_image(request, b"IMG", to="https://scansrv/x")
    >>> async def body():
    ...     for chunk in chunks:
    ...         yield chunk
    >>> asyncio.run(parse_package_async(body(), content_type)).envelope.body.image_data
    b'IMG'
    """
    reader = PackageReader(
        content_type,
        sink=sink,
        tolerant=tolerant,
        max_parts=max_parts,
        max_package_bytes=max_package_bytes,
        max_root_bytes=max_root_bytes,
    )
    async for chunk in chunks:
        reader.feed(chunk)
    return reader.close()


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
            for chunk in _coalesced(data):
                frames.feed(chunk if type(chunk) is bytes else bytes(chunk))
        frames.close()
    except MtomError as exc:
        # what a reader that reads the envelope as soon as it is in (PackageReader) would
        # have read before the defect: the root part, when it ended
        exc.root_part = collector.root if collector.root_ended else None
        exc.root_line = frames.root_line
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
    )


# -- references -------------------------------------------------------------------------------


def resolve_includes(
    root: etree._Element, part_ids: set[str], *, root_id: str | None = None
) -> list[str]:
    """Check every ``xop:Include`` of a root part and take it out of the tree; returns the
    Content-IDs they referred to, in document order. Only ``cid:`` references to parts of the
    package other than the root part (``root_id``), inside ``dsp:ImageData`` or
    ``wscn:ScanData``, are allowed."""
    includes = _take_includes(root, root_id)
    for content_id, include in includes:
        if content_id not in part_ids:
            raise _missing_part(content_id, include)
    return [content_id for content_id, _ in includes]


#: Set on a taken-out ``xop:Include``: the prefixed name of the element that held it.
_HOLDER_ATTRIBUTE = "{urn:dsm-messages:internal}holder"
#: The elements whose content may be an attachment: SendImage's and RetrieveImageResponse's.
#: By local name: the reader takes the references out of whichever namespace the holder is
#: written in (a pre-release or misprinted one), and the envelope's check names the namespace,
#: as it does for a message read whole.
_IMAGE_HOLDERS = frozenset({"ImageData", "ScanData"})


def _take_includes(root: etree._Element, root_id: str | None) -> list[tuple[str, etree._Element]]:
    """Every ``xop:Include`` of a root part with the Content-ID it names, taken out of the
    tree once its form and place are checked (whether the part exists is known later)."""
    found: list[tuple[str, etree._Element]] = []
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
        include.set(_HOLDER_ATTRIBUTE, prefixed(str(parent.tag)))
        parent.remove(include)
        parent.text = None
    return found


def _missing_part(content_id: str, include: etree._Element) -> MtomError:
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
