"""Reading the bytes for the checks: an MTOM package split into its parts, the root part
parsed with the hardened parser, stale namespaces renamed, ``xop:Include`` resolved. Every
defect on the way is a problem at its place, never an exception."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from typing import TypeGuard

from .. import namespaces as ns
from ..errors import MtomError, XmlSyntaxError
from ..rule_ids import DsmRule
from ..safexml import parse_xml
from ..xml_types import XmlElement
from . import walk
from .context import Context
from .source import Source, known_column
from .stale import ASCII_COMPATIBLE, stale_namespaces

__all__ = [
    "announces_package",
    "read_message",
]


def announces_package(content_type: str | None) -> TypeGuard[str]:
    """Whether a Content-Type value is given and announces an MTOM package (the MIME code is
    imported only once one is given: most calls give none)."""
    if content_type is None:
        return False
    from .._mime import is_package

    return is_package(content_type)


# -- reading ---------------------------------------------------------------------------
def read_message(
    context: Context,
    data: bytes | Iterable[bytes],
    content_type: str | None,
    max_bytes: int,
    max_depth: int,
) -> XmlElement | None:
    part_ids: set[str] | None = None
    root_id: str | None = None
    part_offsets: dict[str, int] = {}
    framing_broken = False
    if announces_package(content_type):
        from ..package_parts import split_parts  # (MIME framing: read with the first package)

        context.package = True
        try:
            parts = split_parts(
                data,
                content_type,
                sink=lambda _id: _Discard(),
                tolerant=True,
            )
        except MtomError as exc:
            for defect, offset in exc.defects:
                line, column = context.position(offset)
                context.add(
                    DsmRule.MIME_DEFECT, f"MIME defect: {defect}", line=line, column=column
                )
            line, column = context.position(exc.offset)
            context.add(exc.code, str(exc), line=line, column=column)
            if exc.root_part is None:
                return None
            # the envelope was in whole before the defect: it is checked too, as a reader
            # that reads the envelope first (an Endpoint's) checks it
            root_part, framing_broken = exc.root_part, True
            root_line = exc.root_line
            root_id = exc.root_id  # (a reference to the root part is named all the same)
        else:
            for defect, offset in zip(parts.defects, parts.defect_offsets, strict=True):
                line, column = context.position(offset)
                context.add(
                    DsmRule.MIME_DEFECT, f"MIME defect: {defect}", line=line, column=column
                )
            root_part, part_ids, root_id = parts.root, set(parts.content_types), parts.root_id
            root_line = parts.root_line
            part_offsets = parts.part_offsets
        # lines are counted from the start of the package, not of its root part
        if isinstance(data, bytes):
            at = data.find(root_part) if root_part else -1
            context.line_offset = data[:at].count(b"\n") if at > 0 else 0
        else:  # (read in chunks: the reader counted them)
            context.line_offset = root_line
        data = root_part
    assert isinstance(data, bytes)  # only a package may come in chunks
    try:
        root = parse_xml(data, max_bytes=max_bytes, max_depth=max_depth)
    except XmlSyntaxError as exc:
        code = DsmRule.XML_FORBIDDEN if exc.forbidden else DsmRule.XML_MALFORMED
        context.add(code, exc.reason, line=exc.line, column=known_column(exc.column))
        return None
    encoding = _wide_encoding(data) or (root.getroottree().docinfo.encoding or "").lower()
    context.ascii_bytes = encoding in ASCII_COMPATIBLE
    if not context.ascii_bytes:
        # read as UTF-8, so that the checks that look at the bytes as written (namespace
        # declarations, columns) see what the parser saw
        utf8 = _as_utf8(data, encoding)
        if utf8 is not None:
            # (a document only its own encoding reads is checked as it is)
            with contextlib.suppress(XmlSyntaxError):
                root, data = parse_xml(utf8, max_bytes=max_bytes, max_depth=max_depth), utf8
                context.ascii_bytes = True
    context.source = Source(root, data)
    context.large = len(data) > walk.LARGE
    renames = stale_namespaces(context, root)
    if renames:
        repaired = context.repair.rename_namespaces(data, renames, max_bytes, max_depth)
        if repaired is not None:
            root, renamed = repaired
            context.source = Source(root, renamed)
    if framing_broken:  # which parts the package holds is not known: each is taken as there
        part_ids = {
            (include.get("href") or "").strip()[4:]
            for include in root.iter(f"{{{ns.XOP}}}Include")
        }
    if part_ids is not None:
        context.source.scan()  # columns are of the elements as written, xop:Include included
        try:
            referenced = context.repair.resolve_includes(root, part_ids, root_id)
        except MtomError as exc:
            context.add(exc.code, str(exc), exc.element)
            # the rest of the envelope is checked, as a reader that reads it first does
            for include in list(root.iter(f"{{{ns.XOP}}}Include")):
                parent = include.getparent()
                if parent is not None:
                    parent.remove(include)
        else:
            for part in sorted(part_ids - referenced - {root_id}):
                line, column = context.position(part_offsets.get(part))
                context.add(
                    DsmRule.XOP_UNREFERENCED,
                    f"the package part <{part}> is referred to by no xop:Include",
                    line=line - context.line_offset if line is not None else None,
                    column=column,
                )
    else:
        for include in root.iter(f"{{{ns.XOP}}}Include"):
            context.add(
                DsmRule.XOP_REFERENCE,
                "xop:Include outside an MTOM package refers to nothing",
                include,
            )
            return None
    return root


class _Discard:
    def write(self, data: memoryview, /) -> int:
        return len(data)


#: (compiled, and cached by :mod:`re`, when a document in another encoding first needs it)
_DECLARED_ENCODING = r"""^(\ufeff?<\?xml[^>]*?encoding\s*=\s*["'])[^"']*"""


def _as_utf8(data: bytes, encoding: str) -> bytes | None:
    """``data``, a document in ``encoding``, as UTF-8 (its declaration saying so), or
    ``None`` when Python cannot decode it as the parser did."""
    if encoding == "utf-16" and data[:2] in (b"\x00<", b"<\x00"):  # no byte order mark
        encoding = "utf-16-be" if data[0] == 0 else "utf-16-le"
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    return re.sub(_DECLARED_ENCODING, r"\g<1>UTF-8", text.lstrip("\ufeff"), count=1).encode()


def _wide_encoding(data: bytes) -> str | None:
    """The encoding of a document whose bytes are not ASCII's (UTF-16 or UTF-32, told by its
    byte order mark), which the parser reads without any declaration saying so; ``None``
    for any other."""
    for mark, codec in (
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\xfe\xff", "utf-16"),
        (b"\xff\xfe", "utf-16"),
    ):
        if data.startswith(mark):
            return codec
    return None
