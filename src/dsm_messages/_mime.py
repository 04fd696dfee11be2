"""The MIME framing of an MTOM package, read incrementally.

One reader serves a package given whole and one fed in chunks: it works on offsets into the
bytes it is given and hands part bodies on as ``memoryview`` slices of them, so a package
given as ``bytes`` is never copied. Only what a chunk boundary cuts is kept between chunks: an
unfinished header line, or the few bytes at the end of a body that could be the start of the
next delimiter. Every byte is looked at a bounded number of times, whatever the number of
parts or the size of the chunks.
"""

from __future__ import annotations

import re
from typing import Protocol

from .errors import MtomError, MtomLimitError
from .rule_ids import DsmRule

__all__ = [
    "MAX_BOUNDARY_CHARS",
    "MAX_HEADER_BYTES",
    "FrameReader",
    "PartHandler",
    "check_boundary",
    "content_type_parameters",
    "is_package",
]

#: The longest header line (and the longest preamble) accepted.
MAX_HEADER_BYTES = 16 * 1024
#: RFC 2046: a boundary is 1 to 70 characters.
MAX_BOUNDARY_CHARS = 70

_TSPECIALS = set('()<>@,;:\\"/[]?=')

_PREAMBLE, _DELIMITER, _HEADERS, _BODY, _EPILOGUE = range(5)
_ENDED_IN = {
    _PREAMBLE: "the package holds no part",
    _DELIMITER: "the package ends without its closing delimiter",
    _HEADERS: "the package ends inside a part's headers",
    _BODY: "the package ends inside a part",
}


def is_package(content_type: str) -> bool:
    """Whether a Content-Type value announces an MTOM package (``multipart/...``)."""
    return content_type.strip().lower().startswith("multipart/")


_CONTENT_TYPE_TOKENS = re.compile(r'"[^"]*"|;|[^";]+')


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
            raise MtomError(f"{defect}: {value!r}", code=DsmRule.MIME_DEFECT)
        if defect not in found:
            found.append(defect)

    if value.count('"') % 2:
        raise MtomError(f"unbalanced quote in Content-Type {value!r}")
    # split at each ';' outside quotes (read a quoted string, a ';' or a run of neither at
    # a time)
    parts: list[str] = []
    current: list[str] = []
    for token in _CONTENT_TYPE_TOKENS.findall(value):
        if token == ";":
            parts.append("".join(current))
            current = []
        else:
            current.append(token)
    parts.append("".join(current))
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


def check_boundary(boundary: str) -> bytes:
    """The boundary's bytes, once it is known to be 1-70 printable ASCII characters (RFC 2046)
    not ending in a space."""
    if not boundary:
        raise MtomError("package Content-Type has no boundary")
    if not all(" " <= char <= "~" for char in boundary):
        raise MtomError(f"the boundary {boundary!r} holds a character outside printable ASCII")
    if len(boundary) > MAX_BOUNDARY_CHARS:
        raise MtomError(f"the boundary is {len(boundary)} characters long, more than 70")
    if boundary.endswith(" "):
        raise MtomError(f"the boundary {boundary!r} ends in a space")
    return boundary.encode("ascii")


class PartHandler(Protocol):
    """What the framing reader tells as it reads a package."""

    def start_part(self, content_id: str, content_type: str, is_root: bool) -> None: ...

    def part_data(self, piece: memoryview) -> None: ...

    def end_part(self) -> None: ...


class FrameReader:
    """Reads the framing of a ``multipart/related`` package fed in chunks of any size.

    Checks the package's Content-Type, then tells ``handler`` where each part starts (with its
    Content-ID, its Content-Type and whether it is the root part), hands it the part's body in
    pieces and tells where it ends. Every defect tolerated is listed in ``defects``.
    """

    def __init__(
        self,
        content_type: str,
        handler: PartHandler,
        *,
        tolerant: bool,
        max_parts: int,
        max_package_bytes: int,
        max_root_bytes: int,
    ) -> None:
        try:
            content_type.encode("latin-1")
        except UnicodeEncodeError:
            raise MtomError(
                f"package Content-Type {content_type!r} holds a character outside Latin-1"
            ) from None
        self.defects: list[str] = []
        #: the byte where each defect was first found (``None``: in the Content-Type value)
        self.defect_offsets: dict[str, int | None] = {}
        media_type, params = content_type_parameters(
            content_type, tolerant=tolerant, defects=self.defects
        )
        self.defect_offsets.update(dict.fromkeys(self.defects))
        if media_type != "multipart/related":
            raise MtomError(f"package Content-Type is {media_type!r}, not multipart/related")
        if params.get("type", "").lower() != "application/xop+xml":
            raise MtomError('package Content-Type lacks type="application/xop+xml"')
        boundary = check_boundary(params.get("boundary", ""))
        start = params.get("start")
        #: the Content-ID of the root part, when the package names it
        self.start_id = start.strip()[1:-1].strip() if start else None
        #: the Content-ID of the root part, once it started
        self.root_id: str | None = None
        #: bytes copied from what was fed (held-back tails, header lines), for tests that
        #: bound the reader's work: a body is never copied
        self.copied = 0
        #: where the root part's body starts in the package, and how many line feeds come
        #: before it (a stored package's line numbers count from its start), once it started
        self.root_offset: int | None = None
        self.root_line = 0
        #: where each part's headers end (its blank line), by Content-ID
        self.part_offsets: dict[str, int] = {}
        self._handler = handler
        self._tolerant = tolerant
        self._max_parts = max_parts
        self._max_package_bytes = max_package_bytes
        self._max_root_bytes = max_root_bytes
        self._opening = b"--" + boundary
        self._delimiter = b"\n" + self._opening
        self._state = _PREAMBLE
        self._pending = bytearray()
        self._size = 0
        self._preamble = 0
        self._parts = 0
        self._ids: set[str] = set()
        self._headers: dict[str, str] = {}
        self._last_header: str | None = None
        self._is_root = False
        self._part_bytes = 0
        self._closed = False
        self._failure: str | None = None
        #: where in the package the bytes being read start, and the line being read
        self._at_body_start = False
        self._base = 0
        self._at = 0

    # -- input ----------------------------------------------------------------------------

    def feed(self, chunk: bytes) -> None:
        """Read the next bytes of the package."""
        self._check_usable()
        try:
            self._feed(chunk)
        except Exception as exc:
            self._failure = str(exc) or type(exc).__name__
            if isinstance(exc, MtomError) and exc.offset is None:
                exc.offset = self._at
            raise

    def close(self) -> None:
        """The package ended: raise :class:`MtomError` unless it was complete."""
        self._check_usable()
        try:
            self._close()
        except Exception as exc:
            self._failure = str(exc) or type(exc).__name__
            if isinstance(exc, MtomError) and exc.offset is None:
                exc.offset = self._at
            raise

    def _check_usable(self) -> None:
        if self._failure is not None:
            raise MtomError(f"the package was already refused: {self._failure}")
        if self._closed:
            raise MtomError("the package was already read to its end")

    def _feed(self, chunk: bytes) -> None:
        start = self._size
        self._read_chunk(chunk)
        if self.root_offset is None:
            self.root_line += chunk.count(b"\n")
        elif self.root_offset > start:  # the root part started in this chunk
            self.root_line += chunk.count(b"\n", 0, self.root_offset - start)

    def _read_chunk(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > self._max_package_bytes:
            raise MtomLimitError(
                f"the package is larger than {self._max_package_bytes} bytes",
                limit="max_package_bytes",
                value=self._max_package_bytes,
            )
        if self._state == _EPILOGUE:
            return  # after the closing delimiter: nothing is read
        before = self._size - len(chunk)  # where this chunk starts in the package
        position = 0
        while position < len(chunk):
            if not self._pending:
                self._base = before
                end = self._run(chunk, position)
                if end < len(chunk):
                    self._hold(memoryview(chunk)[end:])
                return
            # Complete what the last chunk left with as few bytes of this one as that needs,
            # then go on in this chunk itself.
            if self._state == _BODY:
                take = min(len(chunk), position + len(self._delimiter) + 1)
            else:
                newline = chunk.find(b"\n", position)
                if newline < 0:
                    self._hold(memoryview(chunk)[position:])
                    if len(self._pending) > MAX_HEADER_BYTES:
                        # read as far as it goes, as if it had come whole: that refuses it,
                        # or keeps what may still be a line
                        joined = bytes(self._pending)
                        self._pending.clear()
                        self._base = self._size - len(joined)
                        self._hold(memoryview(joined)[self._run(joined, 0) :])
                    return
                take = newline + 1
            self._hold(memoryview(chunk)[position:take])
            joined = bytes(self._pending)
            self.copied += len(joined)
            self._pending.clear()
            held = len(joined) - (take - position)  # where this chunk starts in ``joined``
            self._base = before + position - held
            end = self._run(joined, 0)
            if end >= held:
                position += end - held  # the rest is read from the chunk
            else:
                self._hold(memoryview(joined)[end:])
                position = take

    def _close(self) -> None:
        self._closed = True
        if self._pending:
            joined = bytes(self._pending)
            self._pending.clear()
            self._base = self._size - len(joined)
            self._run(joined, 0)
        if self._state != _EPILOGUE:
            raise MtomError(_ENDED_IN[self._state])
        if self.root_id is None:
            raise MtomError(f"no part has the start Content-ID <{self.start_id}>")

    def _hold(self, piece: memoryview) -> None:
        self._pending += piece
        self.copied += len(piece)

    def _refuse_long_line(self) -> None:
        if self._state == _PREAMBLE:
            raise MtomError("no boundary delimiter found at the start of the package")
        raise MtomError("a MIME header line is longer than 16 KiB")

    # -- the reading proper -------------------------------------------------------------------

    def _run(self, data: bytes, position: int) -> int:
        """Read ``data`` from ``position`` as far as it goes; returns where reading stopped (the
        start of what needs more bytes to be understood)."""
        while True:
            self._at = self._base + position
            state = self._state
            if state == _BODY:
                start = position
                position, ended = self._body(data, position)
                if position > start:
                    self._at_body_start = False
                if not ended:
                    return position
                continue
            if state == _EPILOGUE:
                return len(data)
            if state == _DELIMITER and data.startswith(b"--", position):
                self._state = _EPILOGUE  # the closing delimiter: the rest is epilogue
                if self._parts == 0:
                    raise MtomError("the package holds no part")
                return len(data)
            if state == _PREAMBLE:
                # the first delimiter is known by its first bytes, wherever its line ends
                if data.startswith(self._opening, position):
                    position += len(self._opening)
                    self._state = _DELIMITER
                    continue
                if self._opening.startswith(data[position : position + len(self._opening)]):
                    return position  # too few bytes yet to tell
            newline = data.find(b"\n", position)
            if newline < 0:
                if len(data) - position > MAX_HEADER_BYTES:
                    self._refuse_long_line()
                return position
            if state == _PREAMBLE:
                self._preamble += newline + 1 - position
                if self._preamble > MAX_HEADER_BYTES:
                    self._refuse_long_line()
                position = newline + 1
                continue
            if newline - position > MAX_HEADER_BYTES:
                self._refuse_long_line()
            end = self._line_end(data, position, newline)
            if state == _DELIMITER:  # the rest of a delimiter line: transport padding
                self._begin_headers()
            else:
                line = data[position:end]
                self.copied += len(line)
                self._header_line(line.decode("latin-1"))
                if self._is_root and self._state == _BODY and self.root_offset is None:
                    self.root_offset = self._base + newline + 1
            position = newline + 1

    def _line_end(self, data: bytes, start: int, newline: int) -> int:
        if newline > start and data[newline - 1] == 0x0D:
            return newline - 1
        if not self._tolerant:
            raise MtomError(
                "MIME lines must end with CRLF, found a bare LF", code=DsmRule.MIME_DEFECT
            )
        self._defect("LF line endings")
        return newline

    def _defect(self, defect: str) -> None:
        if defect not in self.defects:
            self.defects.append(defect)
            self.defect_offsets[defect] = self._at

    def _begin_headers(self) -> None:
        self._parts += 1
        if self._parts > self._max_parts:
            raise MtomLimitError(
                f"the package has more than {self._max_parts} parts",
                limit="max_parts",
                value=self._max_parts,
            )
        self._headers = {}
        self._last_header = None
        self._state = _HEADERS

    def _header_line(self, line: str) -> None:
        if not line.strip():
            if line:
                if not self._tolerant:
                    raise MtomError(
                        "a header/body separator line holds whitespace", code=DsmRule.MIME_DEFECT
                    )
                self._defect("whitespace-only separator line")
            self._begin_body()
            return
        if line[0] in " \t":
            if self._last_header is None:
                raise MtomError("a MIME header starts with a continuation line")
            # unfolded, as RFC 5322 reads it: a value has no whitespace around it either way
            unfolded = self._headers[self._last_header] + " " + line.strip()
            self._headers[self._last_header] = unfolded.strip()
            return
        name, colon, value = line.partition(":")
        if not colon:
            raise MtomError(f"malformed MIME header line {line!r}")
        key = name.strip().lower()
        if key in self._headers:
            raise MtomError(f"MIME header {name.strip()} appears twice in one part")
        self._headers[key] = value.strip()
        self._last_header = key

    def _begin_body(self) -> None:
        content_id = self._content_id()
        if content_id in self._ids:
            raise MtomError(
                f"two parts have the Content-ID <{content_id}>", code=DsmRule.MIME_DUPLICATE_ID
            )
        self._ids.add(content_id)
        self.part_offsets[content_id] = self._at
        if self.start_id is not None:
            is_root = content_id == self.start_id
        else:
            is_root = self.root_id is None
        part_type = self._headers.get("content-type", "")
        media_type, _ = content_type_parameters(
            part_type, tolerant=self._tolerant, defects=self.defects
        )
        for defect in self.defects:
            self.defect_offsets.setdefault(defect, self._at)
        if is_root:
            if media_type != "application/xop+xml":
                raise MtomError(
                    f"root part Content-Type is {media_type!r}, not application/xop+xml"
                )
            self.root_id = content_id
        self._is_root = is_root
        self._part_bytes = 0
        self._state = _BODY
        self._at_body_start = True  # (the line break before the body was read)
        self._handler.start_part(content_id, part_type, is_root)

    def _content_id(self) -> str:
        raw = self._headers.get("content-id")
        if raw is None:
            raise MtomError("a part has no Content-ID")
        value = raw.strip()
        if value != raw and not self._tolerant:
            raise MtomError(
                f"Content-ID {raw!r} has surrounding whitespace", code=DsmRule.MIME_DEFECT
            )
        if not (value.startswith("<") and value.endswith(">")):
            raise MtomError(f"Content-ID {raw!r} is not enclosed in angle brackets")
        return value[1:-1].strip()

    def _body(self, data: bytes, position: int) -> tuple[int, bool]:
        """Hand on the body in ``data`` from ``position``; returns where it stopped and whether
        the part ended there. One search for the boundary finds both kinds of delimiter: after
        a line break, and with none before it (the Xerox WorkCentre 3025 writes them so, as
        sane-airscan's multipart reader notes), which is a defect: read past with a warning
        by a tolerant reader, refused by a strict one. Boundary text not followed by what
        ends a delimiter line is content."""
        opening = self._opening
        search = position
        while True:
            at = data.find(opening, search)
            if at < 0:
                break
            before = data[at - 1 : at] if at else b""
            if at == position and self._at_body_start:
                before = b"\n"  # the line break ending the part's headers, read before
            if before == b"\n":
                if at > position:
                    return self._delimited(data, position, at - 1)
                search = at + 1  # (its line break was read before: not one here)
                continue
            ends = _ends_delimiter(data, at + len(opening))
            if ends is None:  # what follows is still to come
                self._emit(data, position, at)
                return at, False
            if not ends:
                search = at + 1
                continue
            self._at = self._base + at
            if not self._tolerant:
                raise MtomError(
                    "a boundary delimiter is not at the start of a line", code=DsmRule.MIME_DEFECT
                )
            self._defect("a boundary delimiter not at the start of a line")
            self._emit(data, position, at)
            self._handler.end_part()
            self._state = _DELIMITER
            return at + len(opening), True
        # Hold back what could be the start of the next delimiter (and a CR before it).
        delimiter = self._delimiter
        held = len(data)
        start = data.rfind(b"\n", max(position, len(data) - len(delimiter) + 1))
        if start >= 0 and delimiter.startswith(data[start:]):
            held = start
        else:  # (or of one with no line break before it): the longest end of the data
            # that begins the boundary, found among the places its first byte stands at
            first = opening[:1]
            at = data.find(first, max(position, len(data) - len(opening) + 1))
            while at >= 0:
                if opening.startswith(data[at:]):
                    held = at
                    break
                at = data.find(first, at + 1)
        if held > position and data[held - 1] == 0x0D:
            held -= 1
        self._emit(data, position, held)
        return held, False

    def _delimited(self, data: bytes, position: int, found: int) -> tuple[int, bool]:
        """The part ends at the delimiter whose line break is at ``found``."""
        end = found
        if found > position and data[found - 1] == 0x0D:
            end = found - 1
        elif not self._tolerant:
            self._at = self._base + found
            raise MtomError(
                "a boundary delimiter is not preceded by CRLF", code=DsmRule.MIME_DEFECT
            )
        else:
            self._defect("LF line endings")
        self._emit(data, position, end)
        self._handler.end_part()
        self._state = _DELIMITER
        return found + len(self._delimiter), True

    def _emit(self, data: bytes, start: int, end: int) -> None:
        if end <= start:
            return
        self._part_bytes += end - start
        if self._is_root and self._part_bytes > self._max_root_bytes:
            raise MtomLimitError(
                f"the root part is larger than {self._max_root_bytes} bytes",
                limit="max_root_bytes",
                value=self._max_root_bytes,
            )
        self._handler.part_data(memoryview(data)[start:end])


def _ends_delimiter(data: bytes, at: int) -> bool | None:
    """Whether the bytes of ``data`` from ``at``, right after a boundary, end a delimiter:
    ``--`` (the closing one), or spaces and tabs up to a line break; ``None`` when ``data``
    ends before that can be told."""
    if data[at : at + 2] == b"--":
        return True
    while at < len(data) and data[at] in b" \t":
        at += 1
    if at >= len(data) or (data[at : at + 1] == b"-" and at + 1 >= len(data)):
        return None
    return data[at] in b"\r\n"
