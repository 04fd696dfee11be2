"""The mutations of the fuzz test and ``tools/fuzz.py``: they know XML and MIME (elements
duplicated, dropped, moved between documents; values replaced with awkward ones; comments in
values; namespace declarations and attribute forms changed; MIME headers and references
edited), aim at the surfaces of :mod:`fuzz_surfaces`, and, rarely, flip bytes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from fuzz_surfaces import SURFACES

from dsm_messages import namespaces as ns
from dsm_messages.messages import MESSAGE_TYPES

#: Inputs grow no larger than this (the interesting defects show on small inputs).
MAX_SIZE = 64 * 1024

# -- mutations ---------------------------------------------------------------------------------

_TAG = re.compile(rb"<(/?)([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)([^<>]*?)(/?)>")
_TEXT = re.compile(rb">([^<>]+)<")
_ATTRIBUTE = re.compile(rb"""\s([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)\s*=\s*("[^"]*"|'[^']*')""")
_NAMESPACE_URI = re.compile(rb"""xmlns(?::[\w.\-]+)?\s*=\s*("[^"]*"|'[^']*')""")

STALE = [
    "http://schemas.microsoft.com/windows/2006/01/wdp/scan",
    "https://schemas.microsoft.com/windows/2006/01/wdp/scan",
    "https://schemas.microsoft.com/windows/2006/08/wdp/scan",
    "http://schemas.microsoft.com/windows/2008/02/wdp/repository/processing",
    "http://www.w3.org/2005/08/addressing",
    "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "urn:example:vendor",
    "relative",
    "",
]
NAMESPACES = [ns.DSP, ns.DSD, ns.DSC, ns.WSCN, ns.PSP, ns.EMLF, ns.FSF, ns.SPF, ns.WSA, ns.SOAP]
ACTIONS = sorted({t.action for t in MESSAGE_TYPES if t.action})

VALUES: list[bytes] = [
    b"",
    b" ",
    b"\n",
    b"\r\n  ",
    b" x ",
    b"a b",
    b"x\ny",
    b"http://ex ample.com/",
    b"http://example.com/a\n  /b",
    b"  http://example.com/  ",
    b"DestinationAddress",
    b"uuid:UniqueMsgId",
    b"urn:uuid:0c1b9f64-3d2a-4e8b-9a71-5f2e8d4c6b10",
    b"urn:uuid:not-a-uuid",
    b"264a<!--x-->19bf",
    b"<!--c-->",
    b"<?pi data?>",
    b"<![CDATA[x<y]]>",
    b"&amp;&lt;&gt;",
    b"&#x20;&#xA;",
    b"&undefined;",
    b"&#0;",
    "\u00e9\u20ac\U0001f600".encode(),
    b"\xff\xfe",
    b"x" * 300,
    b"wscn:JobStatus",
    b"wscn:NoSuchElement",
    b"ihv:VendorThing",
    b"undeclared:Thing",
    b"vendor:Throttled",
    b"JobStatus",
    b"true",
    b"false",
    b"1",
    b"0",
    b"-1",
    b"99999999999999999999999",
    b"2026-03-02T09:21:04.5242689Z",
    b"2026-03-02T09:21:04.5242689123Z",
    b"2026-03-02T09:21:04",
    b"2026-13-45T99:99:99Z",
    b"Completed",
    b"Aborted",
    b"Pending-Held",
    b"SendImangeFailed",
    b"soap:Sender",
    b"soap:Nonsense",
    b"dsp:InvalidArgs",
    b"cid:root",
    b"cid:nothing",
    *(uri.encode() for uri in STALE + NAMESPACES),
    *(action.encode() for action in ACTIONS[:: max(1, len(ACTIONS) // 12)]),
]
ATTRIBUTES: list[bytes] = [
    b' xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    b' xsi:nil="false" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    b' xmlns:v="urn:example:vendor" v:flag="v:Throttled"',
    b' Name="wscn:JobStatus" Valid="true"',
    b' wscn:Name="wscn:JobStatus" wscn:Valid="false"',
    b' Id="1"',
    b' soap:mustUnderstand="true"',
    b' xml:lang="en"',
    b' xmlns="urn:example:default"',
    b' xmlns:wsa="http://www.w3.org/2005/08/addressing"',
    b' a="1" a="2"',
    b' xmlns:p=""',
    b" broken",
]


def _tags(data: bytes) -> list[re.Match[bytes]]:
    return list(_TAG.finditer(data))


def _element_span(data: bytes, rng: random.Random) -> tuple[int, int] | None:
    """The byte span of a random element, start tag to matching end tag."""
    tags = _tags(data)
    starts = [i for i, m in enumerate(tags) if not m.group(1)]
    if not starts:
        return None
    first = rng.choice(starts)
    opening = tags[first]
    if opening.group(4):
        return opening.start(), opening.end()
    depth = 0
    for tag in tags[first:]:
        if tag.group(2) != opening.group(2) or tag.group(4):
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return opening.start(), tag.end()
    return None


def _duplicate(data: bytes, rng: random.Random) -> bytes:
    span = _element_span(data, rng)
    if span is None:
        return data
    element = data[span[0] : span[1]]
    times = rng.choice((1, 1, 1, 2, 5, 50))
    return data[: span[1]] + element * times + data[span[1] :]


def _drop(data: bytes, rng: random.Random) -> bytes:
    span = _element_span(data, rng)
    return data if span is None else data[: span[0]] + data[span[1] :]


def _move(data: bytes, rng: random.Random) -> bytes:
    span = _element_span(data, rng)
    if span is None:
        return data
    element = data[span[0] : span[1]]
    rest = data[: span[0]] + data[span[1] :]
    tags = _tags(rest)
    if not tags:
        return data
    at = rng.choice(tags).end()
    return rest[:at] + element + rest[at:]


def _graft(data: bytes, rng: random.Random, donors: list[bytes]) -> bytes:
    """An element of another document put somewhere in this one."""
    donor = rng.choice(donors)
    span = _element_span(donor, rng)
    tags = _tags(data)
    if span is None or not tags:
        return data
    at = rng.choice(tags).end()
    return data[:at] + donor[span[0] : span[1]] + data[at:]


def _replace_text(data: bytes, rng: random.Random) -> bytes:
    texts = [m for m in _TEXT.finditer(data) if m.group(1).strip()]
    if not texts:
        return data
    text = rng.choice(texts)
    value = rng.choice(VALUES)
    if rng.random() < 0.3:
        value = text.group(1) + value if rng.random() < 0.5 else value + text.group(1)
    return data[: text.start(1)] + value + data[text.end(1) :]


def _split_text(data: bytes, rng: random.Random) -> bytes:
    """A comment, PI, line break or reference inside a value."""
    texts = [m for m in _TEXT.finditer(data) if len(m.group(1).strip()) > 1]
    if not texts:
        return data
    text = rng.choice(texts)
    at = rng.randrange(text.start(1) + 1, text.end(1))
    insert = rng.choice(
        (b"<!--x-->", b"<?pi?>", b"\n", b"\r\n   ", b" ", b"<![CDATA[]]>", b"&#x20;", b"\t")
    )
    return data[:at] + insert + data[at:]


def _attribute(data: bytes, rng: random.Random) -> bytes:
    tags = [m for m in _tags(data) if not m.group(1)]
    if not tags:
        return data
    tag = rng.choice(tags)
    attributes = list(_ATTRIBUTE.finditer(data, tag.start(), tag.end()))
    choice = rng.random()
    if attributes and choice < 0.3:  # qualified <-> unqualified
        attribute = rng.choice(attributes)
        name = attribute.group(1)
        new = name.split(b":", 1)[1] if b":" in name else b"wscn:" + name
        return data[: attribute.start(1)] + new + data[attribute.end(1) :]
    if attributes and choice < 0.5:
        attribute = rng.choice(attributes)
        return data[: attribute.start()] + data[attribute.end() :]
    if attributes and choice < 0.7:
        attribute = rng.choice(attributes)
        value = b'"' + rng.choice(VALUES).replace(b'"', b"&quot;").replace(b"<", b"&lt;") + b'"'
        return data[: attribute.start(2)] + value + data[attribute.end(2) :]
    at = tag.end(2)
    return data[:at] + rng.choice(ATTRIBUTES) + data[at:]


def _namespace(data: bytes, rng: random.Random) -> bytes:
    declarations = list(_NAMESPACE_URI.finditer(data))
    if declarations and rng.random() < 0.6:
        declaration = rng.choice(declarations)
        uri = rng.choice(STALE + NAMESPACES).encode()
        return data[: declaration.start(1)] + b'"' + uri + b'"' + data[declaration.end(1) :]
    tags = [m for m in _tags(data) if not m.group(1)]
    if not tags:
        return data
    tag = rng.choice(tags)
    many = b"".join(b' xmlns:n%d="urn:n:%d"' % (i, i) for i in range(rng.choice((1, 10, 200))))
    return data[: tag.end(2)] + many + data[tag.end(2) :]


def _rename_prefix(data: bytes, rng: random.Random) -> bytes:
    tags = [m for m in _tags(data) if b":" in m.group(2)]
    if not tags:
        return data
    tag = rng.choice(tags)
    _, local = tag.group(2).split(b":", 1)
    new = rng.choice((b"undeclared", b"wsa", b"xml", b"xmlns", b"soap", b"wscn", b"dsp"))
    return data[: tag.start(2)] + new + b":" + local + data[tag.end(2) :]


def _encoding(data: bytes, rng: random.Random) -> bytes:
    choice = rng.random()
    if choice < 0.3:
        try:
            return data.decode("utf-8").encode(rng.choice(("utf-16", "utf-16-le", "utf-16-be")))
        except UnicodeError:
            return data
    if choice < 0.6:
        declared = rng.choice((b"UTF-16", b"ISO-8859-1", b"windows-1252", b"ebcdic", b"utf-8"))
        return re.sub(
            rb"encoding=['\"][^'\"]*['\"]", b'encoding="' + declared + b'"', data, count=1
        )
    return rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"", b"  \n")) + data


def _mime(data: bytes, rng: random.Random) -> bytes:
    """Edits of a package's framing: headers, boundaries, Content-IDs, references."""
    start = re.search(rb'start="?<([^>]*)>', data)
    edits: list[tuple[bytes, bytes]] = [
        (b"cid:", b"cid:root."),
        (b'href="cid:', b'href="cid:' + (start.group(1) if start else b"") + b'" x="'),
        (b'href="cid:', b'href="cid:' + rng.choice((b"x", b"", b"<"))),
        (b"Content-ID: <", b"Content-ID: <dup"),
        (b"\r\n", b"\n"),
        (b"boundary=", b"boundary=x"),
        (b'type="application/xop+xml"', b'type="text/xml"'),
        (b"start=", b"start=x"),
        (b"Content-Transfer-Encoding: binary", b"Content-Transfer-Encoding: base64"),
        (b"--\r\n", b"\r\n"),
    ]
    old, new = rng.choice(edits)
    positions = [m.start() for m in re.finditer(re.escape(old), data)]
    if not positions:
        return data
    at = rng.choice(positions)
    if rng.random() < 0.3:  # a part's headers and body repeated
        boundary = data.rfind(b"\n--", 0, at)
        end = data.find(b"\n--", at)
        if boundary >= 0 and end > boundary:
            return data[:end] + data[boundary:end] + data[end:]
    return data[:at] + new + data[at + len(old) :]


def _bytes(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    at = rng.randrange(len(data))
    choice = rng.random()
    if choice < 0.3:
        return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
    if choice < 0.5:
        return data[:at] + data[at + rng.randrange(1, 16) :]
    if choice < 0.7:
        return data[:at]
    return data[:at] + rng.choice((b"<", b">", b"&", b"]]>", b"\x00", b"\r", b"--")) + data[at:]


Mutation = Callable[[bytes, random.Random], bytes]
MUTATIONS: list[Mutation] = [
    _duplicate,
    _drop,
    _move,
    _replace_text,
    _replace_text,
    _split_text,
    _attribute,
    _namespace,
    _rename_prefix,
    _mime,
    _mime,
    *SURFACES,
]
#: Mutations that mostly make the input not well-formed, applied less often.
RARE_MUTATIONS: list[Mutation] = [_encoding, _bytes]


def mutate(data: bytes, rng: random.Random, donors: list[bytes], count: int = 1) -> bytes:
    """``data`` after ``count`` random mutations (grafts take elements from ``donors``)."""
    for _ in range(count):
        choice = rng.random()
        if choice < 0.1:
            data = _graft(data, rng, donors)
        elif choice < 0.15:
            data = rng.choice(RARE_MUTATIONS)(data, rng)
        else:
            data = rng.choice(MUTATIONS)(data, rng)
        if len(data) > MAX_SIZE:
            data = data[:MAX_SIZE]
    return data
