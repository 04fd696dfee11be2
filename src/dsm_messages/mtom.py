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
from typing import TYPE_CHECKING, Protocol

from lxml import etree

from ._mime import FrameReader, check_boundary, content_type_parameters
from .errors import MtomError, MtomLimitError
from .namespaces import ANONYMOUS, DSP, WSCN, XOP, prefixed
from .package_body import PackageBody, size_of
from .package_parts import (
    CHUNK_SIZE,
    MAX_PACKAGE_BYTES,
    MAX_PARTS,
    MAX_ROOT_BYTES,
    Parts,
    Sink,
    coalesced,
    resolve_includes,
    split_message,
    split_parts,
)
from .package_reader import Assembler, ChooseSink, Package
from .xml_types import XmlElement

if TYPE_CHECKING:  # imported where used: building and reading need them, the rest not
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


class Readable(Protocol):
    """Where an image comes from (a file opened in binary mode, a stream)."""

    def read(self, size: int, /) -> bytes: ...


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
        from .envelope import read_envelope as bind  # (imported when used: see above)

        if read_envelope is not None:  # a caller's reader takes the root part's bytes
            read_bytes = read_envelope

            def bind(root: XmlElement) -> Envelope:
                return read_bytes(etree.tostring(root, encoding="UTF-8"))

        self._assembler = Assembler(sink, max_root_bytes, bind)
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
        for chunk in coalesced(data):
            reader.feed(chunk)
    return reader.close()


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
