"""MTOM/XOP packages: how SendImage carries the scanned document.

A package is ``multipart/related``: the first (root) part is the SOAP envelope, in which
``dsp:ImageData`` holds only ``<xop:Include href="cid:..."/>``; the referenced part carries the
raw image bytes. Building streams the image (never base64, never held twice); parsing accepts
the whole package or an iterable of chunks, and can stream the image to a caller's sink.

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
>>> package = parse_package(b"".join(chunks), content_type)
>>> package.envelope.body.image_data
b'\\x89PNG...'
"""

from __future__ import annotations

import copy
import io
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

import attrs
from lxml import etree

from .envelope import Envelope, parse, serialize
from .errors import DsmError
from .models import dsp
from .namespaces import DSP, XOP
from .safexml import parse_xml

CHUNK_SIZE = 64 * 1024
#: The root part is XML and small; anything larger is refused.
MAX_ROOT_BYTES = 16 * 1024 * 1024
_MAX_HEADER_BYTES = 16 * 1024


class MtomError(DsmError):
    """A package that is not a well-formed MTOM/XOP package, or a reference that cannot be
    resolved inside it. ``code`` is the validator's rule code for it."""

    def __init__(
        self,
        message: str,
        *,
        code: str = "DSM-MIME-MALFORMED",
        element: etree._Element | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        #: The element of the root part at fault, when there is one.
        self.element = element


class Sink(Protocol):
    """Where a streamed attachment goes (a file, a socket writer, a hash)."""

    def write(self, data: bytes, /) -> object: ...


class Readable(Protocol):
    """Where an image comes from (a file opened in binary mode, a stream)."""

    def read(self, size: int, /) -> bytes: ...


@attrs.frozen(kw_only=True)
class Package:
    """A parsed package: the envelope (attachments resolved into ``dsp:ImageData`` unless they
    went to a sink), every attachment's content type, and the defects tolerated on the way."""

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
    reply_to: str | None = None,
    boundary: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> tuple[str, Iterator[bytes]]:
    """Package a SendImage request with its image as MTOM.

    Returns the ``Content-Type`` header value and an iterator of byte chunks: the image is read
    from ``image`` (bytes or a binary stream) in ``chunk_size`` pieces while the chunks are
    consumed. ``request.image_data`` is ignored.
    """
    content_id = f"{secrets.token_hex(16)}@dsm-messages"
    shell = copy.copy(request)
    shell.image_data = b""
    root = etree.fromstring(serialize(shell, to=to, message_id=message_id, reply_to=reply_to))
    image_data = root.find(f".//{{{DSP}}}ImageData")
    if image_data is None:  # pragma: no cover - serialize always writes it
        raise MtomError("the request has no dsp:ImageData element")
    include = etree.SubElement(image_data, f"{{{XOP}}}Include", nsmap={"xop": XOP})
    include.set("href", f"cid:{content_id}")
    envelope_bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return build_package(
        envelope_bytes,
        [(content_id, "application/octet-stream", image)],
        boundary=boundary,
        chunk_size=chunk_size,
    )


def build_package(
    root: bytes,
    attachments: Sequence[tuple[str, str, bytes | Readable]],
    *,
    boundary: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> tuple[str, Iterator[bytes]]:
    """A ``multipart/related`` MTOM package: ``root`` (a SOAP envelope with ``xop:Include``
    references) then one part per ``(content_id, content_type, data)`` attachment."""
    boundary = boundary or f"dsm-{secrets.token_hex(24)}"
    root_id = f"root.{secrets.token_hex(8)}@dsm-messages"
    content_type = (
        f'multipart/related; boundary="{boundary}"; type="application/xop+xml"; '
        f'start="<{root_id}>"; start-info="application/soap+xml"'
    )

    def chunks() -> Iterator[bytes]:
        delimiter = f"--{boundary}\r\n".encode()
        yield delimiter
        yield (
            'Content-Type: application/xop+xml; charset=UTF-8; type="application/soap+xml"\r\n'
            f"Content-Transfer-Encoding: binary\r\nContent-ID: <{root_id}>\r\n\r\n"
        ).encode()
        yield root
        for content_id, part_type, data in attachments:
            yield b"\r\n" + delimiter
            yield (
                f"Content-Type: {part_type}\r\nContent-Transfer-Encoding: binary\r\n"
                f"Content-ID: <{content_id}>\r\n\r\n"
            ).encode()
            stream = io.BytesIO(data) if isinstance(data, bytes) else data
            while piece := stream.read(chunk_size):
                yield piece
        yield f"\r\n--{boundary}--\r\n".encode()

    return content_type, chunks()


# -- parsing ----------------------------------------------------------------------------------


_TSPECIALS = set('()<>@,;:\\"/[]?=')


def content_type_parameters(
    value: str, *, tolerant: bool = False, defects: list[str] | None = None
) -> tuple[str, dict[str, str]]:
    """Split a Content-Type value into its lower-cased type and its parameters.

    Strict: parameters are ``;``-separated ``name=value`` or ``name="value"``, and a value with
    a special character (``/``, ``:``, ...) is quoted. Tolerant also accepts parameters
    separated only by whitespace, a dangling ``;`` and unquoted special characters, and appends
    a description of each to ``defects``.
    """
    found: list[str] = [] if defects is None else defects

    def tolerate(defect: str) -> None:
        if not tolerant:
            raise MtomError(f"{defect}: {value!r}")
        if defect not in found:
            found.append(defect)

    parts: list[str] = []
    current = ""
    quoted = False
    for char in value:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    if quoted:
        raise MtomError(f"unbalanced quote in Content-Type {value!r}")
    parts.append(current)
    media_type = parts[0].strip().lower()
    params: dict[str, str] = {}
    for raw in parts[1:]:
        if not raw.strip():
            tolerate("dangling ';' in Content-Type")
            continue
        pieces = raw.split()
        if len(pieces) > 1 and all("=" in piece for piece in pieces):
            tolerate("Content-Type parameters not separated by ';'")
        else:
            pieces = [raw.strip()]
        for piece in pieces:
            name, eq, val = piece.partition("=")
            if not eq:
                raise MtomError(f"parameter {piece!r} has no value in Content-Type {value!r}")
            val = val.strip()
            if len(val) >= 2 and val[0] == val[-1] == '"':
                val = val[1:-1]
            elif any(char in _TSPECIALS for char in val):
                tolerate("unquoted special character in a Content-Type parameter value")
            params[name.strip().lower()] = val
    return media_type, params


class _Reader:
    """Pulls bytes from an iterable of chunks, keeping only what has not been handed out."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self.buffer = b""
        self.exhausted = False

    def fill(self) -> bool:
        """Append at least 64 KiB (or whatever is left); False once nothing is left.

        Coalescing keeps the per-chunk work constant when a caller feeds tiny chunks.
        """
        pieces = [self.buffer]
        added = 0
        for chunk in self._chunks:
            pieces.append(chunk)
            added += len(chunk)
            if added >= CHUNK_SIZE:
                break
        else:
            self.exhausted = True
        self.buffer = b"".join(pieces)
        return added > 0


def _read_line(reader: _Reader, defects: list[str], tolerant: bool) -> bytes:
    while (end := reader.buffer.find(b"\n")) < 0:
        if len(reader.buffer) > _MAX_HEADER_BYTES:
            raise MtomError("a MIME header line is longer than 16 KiB")
        if not reader.fill():
            raise MtomError("the package ends inside a part's headers")
    line, reader.buffer = reader.buffer[:end], reader.buffer[end + 1 :]
    if line.endswith(b"\r"):
        return line[:-1]
    if not tolerant:
        raise MtomError("MIME lines must end with CRLF, found a bare LF")
    if "LF line endings" not in defects:
        defects.append("LF line endings")
    return line


def _read_headers(reader: _Reader, defects: list[str], tolerant: bool) -> dict[str, str]:
    headers: dict[str, str] = {}
    last: str | None = None
    while True:
        line = _read_line(reader, defects, tolerant).decode("latin-1")
        if not line.strip():
            if line and tolerant:
                if "whitespace-only separator line" not in defects:
                    defects.append("whitespace-only separator line")
            elif line:
                raise MtomError("a header/body separator line holds whitespace")
            return headers
        if line[0] in " \t":
            if last is None:
                raise MtomError("a MIME header starts with a continuation line")
            headers[last] += " " + line.strip()
            continue
        name, colon, value = line.partition(":")
        if not colon:
            raise MtomError(f"malformed MIME header line {line!r}")
        last = name.strip().lower()
        if last in headers:
            raise MtomError(f"MIME header {name.strip()} appears twice in one part")
        headers[last] = value.strip()


def _content_id(headers: dict[str, str], defects: list[str], tolerant: bool) -> str:
    raw = headers.get("content-id")
    if raw is None:
        raise MtomError("a part has no Content-ID")
    value = raw.strip()
    if value != raw and not tolerant:
        raise MtomError(f"Content-ID {raw!r} has surrounding whitespace")
    if not (value.startswith("<") and value.endswith(">")):
        raise MtomError(f"Content-ID {raw!r} is not enclosed in angle brackets")
    return value[1:-1].strip()


@attrs.frozen(kw_only=True)
class Parts:
    """A package split into its parts, nothing resolved yet: the root part's bytes, the
    attachments kept in memory (none when they went to a sink), every part's Content-ID and
    Content-Type, and the defects tolerated on the way."""

    root: bytes
    attachments: dict[str, bytes]
    content_types: dict[str, str]
    defects: tuple[str, ...] = ()


def parse_package(
    data: bytes | Iterable[bytes],
    content_type: str,
    *,
    sink: Callable[[str], Sink] | None = None,
    tolerant: bool = False,
) -> Package:
    """Parse an MTOM package given as bytes or as an iterable of chunks.

    The root part is the one named by ``start`` (the first part when ``start`` is absent);
    every ``xop:Include`` must be a ``cid:`` reference to another part of the package. Without
    ``sink`` the referenced bytes become ``dsp:ImageData``; with it, ``sink(content_id)`` is
    called for each attachment and receives its bytes as they arrive (nothing is buffered), and
    ``image_data`` stays empty. ``tolerant`` accepts the defects of Microsoft's published
    example (LF line ends, whitespace-only separator lines, unquoted or unseparated parameters,
    padded values) and lists each one in ``Package.defects``.
    """
    parts = split_parts(data, content_type, sink=sink, tolerant=tolerant)
    root = parse_xml(parts.root)
    resolved = resolve_includes(root, set(parts.content_types))
    envelope = parse(etree.tostring(root))
    body = envelope.body
    if resolved and sink is None and isinstance(body, dsp.SendImageRequest):
        body.image_data = parts.attachments[resolved[0]]
    return Package(
        envelope=envelope, content_types=dict(parts.content_types), defects=parts.defects
    )


def split_parts(
    data: bytes | Iterable[bytes],
    content_type: str,
    *,
    sink: Callable[[str], Sink] | None = None,
    tolerant: bool = False,
) -> Parts:
    """Read a package into its parts (see :func:`parse_package`), without reading the XML."""
    defects: list[str] = []
    media_type, params = content_type_parameters(content_type, tolerant=tolerant, defects=defects)
    if media_type != "multipart/related":
        raise MtomError(f"package Content-Type is {media_type!r}, not multipart/related")
    if params.get("type", "").lower() != "application/xop+xml":
        raise MtomError('package Content-Type lacks type="application/xop+xml"')
    boundary = params.get("boundary")
    if not boundary:
        raise MtomError("package Content-Type has no boundary")
    start = params.get("start")
    start_id = start.strip()[1:-1].strip() if start else None

    reader = _Reader([data] if isinstance(data, bytes) else data)
    opening = b"--" + boundary.encode("latin-1")
    delimiter = b"\n" + opening
    # preamble: everything up to the first delimiter line
    while True:
        at = reader.buffer.find(opening)
        if at >= 0 and (at == 0 or reader.buffer[at - 1 : at] == b"\n"):
            reader.buffer = reader.buffer[at + len(opening) :]
            break
        if len(reader.buffer) > _MAX_HEADER_BYTES:
            raise MtomError("no boundary delimiter found at the start of the package")
        if not reader.fill():
            raise MtomError("the package holds no part")

    root_bytes: bytes | None = None
    attachments: dict[str, bytes] = {}
    content_types: dict[str, str] = {}
    seen_ids: set[str] = set()
    while True:
        while len(reader.buffer) < 2 and reader.fill():
            pass
        if reader.buffer.startswith(b"--"):
            break  # close delimiter
        _read_line(reader, defects, tolerant)  # rest of the delimiter line (transport padding)
        headers = _read_headers(reader, defects, tolerant)
        content_id = _content_id(headers, defects, tolerant)
        if content_id in seen_ids:
            raise MtomError(
                f"two parts have the Content-ID <{content_id}>", code="DSM-MIME-DUPLICATE-ID"
            )
        seen_ids.add(content_id)
        is_root = content_id == start_id if start_id is not None else root_bytes is None
        part_type = headers.get("content-type", "")
        part_media_type, _ = content_type_parameters(part_type, tolerant=tolerant, defects=defects)
        target: Sink | None = None
        collected = io.BytesIO()
        if is_root:
            root_type = part_media_type
            if root_type != "application/xop+xml":
                raise MtomError(
                    f"root part Content-Type is {root_type!r}, not application/xop+xml"
                )
            target = collected
        elif sink is not None and root_bytes is not None:
            target = sink(content_id)
        else:
            target = collected
        _copy_body(
            reader, delimiter, target, defects, tolerant, limit=MAX_ROOT_BYTES if is_root else None
        )
        if is_root:
            root_bytes = collected.getvalue()
        elif target is collected:
            attachments[content_id] = collected.getvalue()
        content_types[content_id] = part_type
        if reader.exhausted and not reader.buffer:
            raise MtomError("the package ends without its closing delimiter")
        reader.buffer = reader.buffer[len(delimiter) :]
    if root_bytes is None:
        raise MtomError(f"no part has the start Content-ID <{start_id}>")
    return Parts(
        root=root_bytes,
        attachments=attachments,
        content_types=content_types,
        defects=tuple(defects),
    )


def _copy_body(
    reader: _Reader,
    delimiter: bytes,
    target: Sink,
    defects: list[str],
    tolerant: bool,
    limit: int | None,
) -> None:
    """Copy a part's body to ``target`` up to (not including) the next delimiter."""
    written = 0
    keep = len(delimiter)  # one more than the delimiter's length less one: room for its CR
    while True:
        at = reader.buffer.find(delimiter)
        if at >= 0:
            body_end = at
            if reader.buffer[at - 1 : at] == b"\r" and at > 0:
                body_end = at - 1
            elif not tolerant:
                raise MtomError("a boundary delimiter is not preceded by CRLF")
            elif "LF line endings" not in defects:
                defects.append("LF line endings")
            piece = reader.buffer[:body_end]
            reader.buffer = reader.buffer[at:]
        else:
            if len(reader.buffer) <= keep:
                if not reader.fill():
                    raise MtomError("the package ends inside a part")
                continue
            piece = reader.buffer[: len(reader.buffer) - keep]
            reader.buffer = reader.buffer[len(reader.buffer) - keep :]
        written += len(piece)
        if limit is not None and written > limit:
            raise MtomError(
                f"the root part is larger than {limit} bytes", code="DSM-XML-FORBIDDEN"
            )
        if piece:
            target.write(piece)
        if at >= 0:
            return
        if not reader.fill() and reader.buffer.find(delimiter) < 0:
            raise MtomError("the package ends inside a part")


def resolve_includes(root: etree._Element, part_ids: set[str]) -> list[str]:
    """Check every ``xop:Include`` of a root part and take it out of the tree; returns the
    Content-IDs they referred to, in document order. Only ``cid:`` references to parts of the
    package, inside ``dsp:ImageData``, are allowed."""
    referred: list[str] = []
    for include in list(root.iter(f"{{{XOP}}}Include")):
        href = (include.get("href") or "").strip()
        where = f"line {include.sourceline}"
        if not href.lower().startswith("cid:"):
            raise MtomError(
                f"xop:Include href {href!r} ({where}) is not a cid: reference into the package",
                code="DSM-XOP-REFERENCE",
                element=include,
            )
        content_id = href[4:]
        if content_id not in part_ids:
            raise MtomError(
                f"xop:Include ({where}) refers to <{content_id}>, which is not in the package",
                code="DSM-XOP-REFERENCE",
                element=include,
            )
        parent = include.getparent()
        if parent is None or parent.tag != f"{{{DSP}}}ImageData":
            raise MtomError(
                f"xop:Include ({where}) outside dsp:ImageData is not supported",
                code="DSM-XOP-REFERENCE",
                element=include,
            )
        referred.append(content_id)
        parent.remove(include)
        parent.text = None
    return referred


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
