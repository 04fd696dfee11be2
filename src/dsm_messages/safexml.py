"""Hardened XML parsing for untrusted input.

Every XML byte string dsm-messages reads goes through :func:`parse_xml`: no DTD (a DOCTYPE is an
error), no entity expansion, no network, no XInclude processing, a byte-size cap and a nesting
depth cap. Malformed input raises :class:`~dsm_messages.errors.XmlSyntaxError` with a line and
column; nothing is silently recovered.
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from .errors import XmlSyntaxError
from .xml_types import XmlElement

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "clark_name",
    "parse_xml",
]

#: Largest document accepted by default, in bytes (SOAP parts of MTOM packages are small; the
#: image travels in its own MIME part).
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
#: Deepest element nesting accepted by default. The deepest DSM message nests about 15 levels;
#: libxml2 itself never goes beyond 256.
DEFAULT_MAX_DEPTH = 128
_LIBXML2_MAX_DEPTH = 256
# (the patterns most documents never need, a broken one's message and a byte order mark's
# declared encoding, are compiled, and cached by :mod:`re`, when first used)
_POSITION = r", line \d+, column \d+$"
_XINCLUDE = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")
_XINCLUDE_NAMES = tuple(f"{{{namespace}}}*" for namespace in _XINCLUDE)


class _RefuseEverything(etree.Resolver):
    """Second line of defence: no external resource is ever loaded, whatever the options."""

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> None:
        raise XmlSyntaxError(
            f"external resource {system_url!r} is not allowed in DSM messages", forbidden=True
        )


def _parser() -> etree.XMLParser:
    # Do not pass collect_ids=False: with lxml 6.1 it makes libxml2 read a DOCTYPE's external
    # subset from disk (found by our tests with a DOCTYPE naming /etc/passwd).
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=False,
    )
    parser.resolvers.add(_RefuseEverything())
    return parser


def parse_xml(
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> XmlElement:
    """Parse ``data`` into an lxml element, refusing anything unsafe or malformed: no DTD, no
    entities, no XInclude, no network access, and caps on size and depth.

    :param data: the XML.
    :param max_bytes: the most bytes read (16 MiB unless given).
    :param max_depth: the deepest element nesting read (128 unless given; at most 256).
    :returns: the root element.
    :raises XmlSyntaxError: when the XML is not well-formed, or refused as unsafe (its
        ``forbidden`` is then true).
    :raises TypeError: when ``data`` is not bytes.

    >>> parse_xml(b"<a><b>text</b></a>").findtext("b")
    'text'
    >>> parse_xml(b"<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>")
    Traceback (most recent call last):
    ...
    dsm_messages.errors.XmlSyntaxError: DOCTYPE is not allowed in DSM messages
    """
    if not isinstance(data, bytes):
        raise TypeError(f"parse_xml() takes bytes, not {type(data).__name__}")
    if len(data) > max_bytes:
        raise XmlSyntaxError(
            f"document is {len(data)} bytes, more than the limit of {max_bytes}", forbidden=True
        )
    _check_declared_encoding(data)
    parser = _parser()
    try:
        root = etree.fromstring(data, parser=parser)
        _check_error_log(parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        if "Excessive depth" in exc.msg:
            raise XmlSyntaxError(
                f"elements nest more than {min(max_depth, _LIBXML2_MAX_DEPTH)} levels deep",
                line=line,
                column=column,
                forbidden=True,
            ) from None
        if "entit" in exc.msg.lower():  # amplification, loops: refused, not malformed
            raise XmlSyntaxError(
                f"entity expansion refused: {exc.msg}", line=line, column=column, forbidden=True
            ) from None
        reason = re.sub(_POSITION, "", exc.msg)  # the position is given once, by XmlSyntaxError
        raise XmlSyntaxError(f"not well-formed XML: {reason}", line=line, column=column) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise XmlSyntaxError("DOCTYPE is not allowed in DSM messages", forbidden=True)
    if max_depth <= _LIBXML2_MAX_DEPTH and not _too_few_tags(data, tree, max_depth):
        _check_depth(root, max_depth)  # (deeper, libxml2 has refused it already)
    for include in root.iter(*_XINCLUDE_NAMES):
        raise XmlSyntaxError(
            "XInclude is not allowed in DSM messages",
            line=include.sourceline,
            forbidden=True,
        )
    return root


def _check_error_log(parser: etree.XMLParser) -> None:
    """Raise for any error libxml2 logged. A namespace error (an unbound prefix, say) does not
    stop libxml2, and lxml returns the tree when the *last* message is only a warning (a
    relative namespace URI later on): the tree then holds names like ``wsa:To`` that no
    namespace-aware code can read."""
    for entry in parser.error_log:
        if entry.level >= etree.ErrorLevels.ERROR:
            raise etree.XMLSyntaxError(entry.message, entry.type, entry.line, entry.column)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_UTF16_WITHOUT_BOM = ((b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"))
_DECLARED = r"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']"""


def _check_declared_encoding(data: bytes) -> None:
    """A byte order mark or a UTF-16 start that contradicts the declared encoding is a fatal
    error (XML 1.0, 4.3.3); libxml2 would silently believe the bytes."""
    detected = None
    body = data
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            detected, body = encoding, data[len(mark) :]
            break
    else:
        for start, encoding in _UTF16_WITHOUT_BOM:
            if data.startswith(start):
                detected = encoding
                break
    if detected is None:
        return
    head = body[:400].decode(detected, errors="replace")
    match = re.match(_DECLARED, head)
    if match is None:
        return
    declared = match.group(1).lower().replace("_", "-")
    family = "utf-8" if detected == "utf-8" else "utf-16"
    if not declared.startswith(family) and not (family == "utf-16" and declared == "ucs-2"):
        raise XmlSyntaxError(
            f"the document declares encoding {match.group(1)!r} but is written in "
            f"{detected.upper()}",
            line=1,
        )


def _too_few_tags(data: bytes, tree: etree._ElementTree, max_depth: int) -> bool:
    """Whether the bytes hold too few ``<`` to nest elements more than ``max_depth`` deep
    (each element needs one), in an encoding that writes ``<`` as the byte 0x3C."""
    encoding = (tree.docinfo.encoding or "").lower().replace("_", "-")
    if not encoding.startswith(("utf-8", "utf8", "us-ascii", "ascii", "iso-8859", "utf-16")):
        return False
    return data.count(b"<") <= max_depth


def _check_depth(root: XmlElement, max_depth: int) -> None:
    too_deep = _below(max_depth)(root)
    if isinstance(too_deep, list) and too_deep:
        raise XmlSyntaxError(
            f"elements nest more than {max_depth} levels deep",
            line=too_deep[0].sourceline,
            column=None,
            forbidden=True,
        )


@functools.cache
def _below(depth: int) -> etree.XPath:
    """The first element nested deeper than ``depth`` (the root is at depth 1), found by
    libxml2's XPath engine rather than a walk in Python."""
    return etree.XPath("(" + "/".join(["."] + ["*"] * depth) + ")[1]")


def clark_name(element: XmlElement) -> str:
    """The element's name in Clark notation (``{namespace}local``)."""
    tag = element.tag
    if not isinstance(tag, str):
        raise TypeError(f"not an element: {element!r}")
    return tag
