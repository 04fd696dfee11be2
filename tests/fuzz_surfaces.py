"""Generated inputs for the property and fuzz tests, and mutations aimed at the surfaces where
a reader can read a byte differently from the schema.

Seeds that need no file: every message body of :data:`dsm_messages.testing.samples.SAMPLES`
in its envelope (or alone, for a document), varied structurally (repeats dropped and doubled,
optional children left out), and MTOM packages built from them, so that a property holds on
generated structures whatever files happen to be beside the checkout.

Mutations that know the surfaces: header values (comments, PIs, whitespace, characters Python
calls whitespace), list values (their separators), attributes on the SOAP elements and on
leaves, vendor elements between repeats of a declared element, names outside ASCII, date and
time edge values, empty lists, other namespace versions.
"""

from __future__ import annotations

import copy
import dataclasses
import random
import re
from collections.abc import Callable
from dataclasses import replace

from dsm_messages import MESSAGE_TYPES, build_send_image, serialize, to_xml
from dsm_messages import namespaces as ns
from dsm_messages.testing.conversations import send_image_body
from dsm_messages.testing.samples import SAMPLES

SERVICE = "https://scansrv01.example:5362/ScanServer/7"
MESSAGE_ID = "urn:uuid:5eb4f990-0000-4000-8000-000000000001"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


# -- structures ------------------------------------------------------------------------------


def vary(obj: object, rng: random.Random, depth: int = 0) -> object:
    """A copy of a model object with its structure varied: list items dropped or repeated,
    optional children left out (the values are the sample's, the shape is new)."""
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type) or depth > 12:
        return obj
    changes: dict[str, object] = {}
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        if isinstance(value, list) and value:
            items = [vary(item, rng, depth + 1) for item in value]
            roll = rng.random()
            if roll < 0.15 and len(items) > 1:
                items.pop(rng.randrange(len(items)))
            elif roll < 0.3:
                items.insert(rng.randrange(len(items) + 1), copy.deepcopy(rng.choice(items)))
            changes[field.name] = items
        elif dataclasses.is_dataclass(value):
            optional = field.default is None
            changes[field.name] = (
                None if optional and rng.random() < 0.1 else vary(value, rng, depth + 1)
            )
        elif field.default is None and value is not None and rng.random() < 0.1:
            changes[field.name] = None
    return dataclasses.replace(obj, **changes)


def enveloped(body: object) -> bytes:
    """A body in the envelope its kind travels in (a document alone)."""
    spec = next(entry for entry in MESSAGE_TYPES if isinstance(body, entry.model))
    if spec.kind == "document":
        return to_xml(body, xml_declaration=True)
    if spec.kind in ("response", "fault"):
        return serialize(body, to=SERVICE, relates_to=MESSAGE_ID)
    return serialize(body, to=SERVICE, message_id=MESSAGE_ID)


def package(image: bytes = b"%PDF-1.7 ...") -> bytes:
    """A SendImage MTOM package as stored in a ``.mime`` file."""
    request = replace(send_image_body("264a19bf", 1), image_data=b"")
    content_type, chunks = build_send_image(request, image, to=SERVICE, message_id=MESSAGE_ID)
    return f"MIME-Version: 1.0\r\nContent-Type: {content_type}\r\n\r\n".encode() + b"".join(chunks)


def generated_seeds() -> list[tuple[str, bytes]]:
    """(name, bytes) of every sample body in its envelope, and a package: no file read."""
    found = [(f"generated/{key}", enveloped(body)) for key, body in sorted(SAMPLES.items())]
    found.append(("generated/send-image.mime", package()))
    return found


def generated_message(key: str, state: int) -> bytes:
    """The sample ``key`` varied by the random ``state``, in its envelope."""
    return enveloped(vary(SAMPLES[key], random.Random(state)))


# -- surfaces --------------------------------------------------------------------------------

_HEADER_TEXT = re.compile(
    rb"<(wsa:(?:To|Action|MessageID|RelatesTo|Address)|wse:Identifier)>([^<]+)</"
)
_LIST_TEXT = re.compile(rb"<((?:wsd|wsdp):(?:Types|Scopes|XAddrs))([^>]*)>([^<]*)</")
_LEAF = re.compile(rb"<([A-Za-z_][\w.\-]*:[A-Za-z_][\w.\-]*)(\s[^<>]*)?>([^<]+)</\1>")
_DATETIME = re.compile(rb">(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^<]*)<")
_OPEN = re.compile(rb"<([A-Za-z_][\w.\-]*:[A-Za-z_][\w.\-]*)[\s>/]")

INSIDE_A_VALUE = [
    b"<!--c-->",
    b"<?pi x?>",
    b"<!--a--><?b?>",
    b" ",
    b"\t",
    b"\r\n ",
    "\u00a0".encode(),
    "\u2028".encode(),
    "\u0085".encode(),
    b"&#x20;",
    b"<![CDATA[ ]]>",
]
SEPARATORS = [b" ", b"\t", b"\r\n", b"\n  ", b"&#x9;", "\u00a0".encode(), "\u2028".encode(), b""]
SOAP_ATTRIBUTES = [
    b' xml:lang="en"',
    b' xml:space="preserve"',
    b' xmlns:v="urn:vendor" v:flag="on"',
    b' xmlns:v="urn:vendor" v:q="v:Thing"',
    b' xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:schemaLocation="urn:v v.xsd"',
    b' xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true"',
    b' xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:type="v:T"',
    b' soap:encodingStyle="http://www.w3.org/2003/05/soap-encoding"',
    b' soap:mustUnderstand="true"',
    b' xmlns:\xc3\xa4="urn:a" \xc3\xa4:\xc3\xbc="1"',
]
VENDOR_ELEMENTS = [
    b'<v:Note xmlns:v="urn:vendor">x</v:Note>',
    b'<v:Note xmlns:v="urn:vendor"/>',
    b'<v:Note xmlns:v="urn:vendor" xmlns:i="' + XSI.encode() + b'" i:nil="true"/>',
    b'<v:N\xc3\xb6te xmlns:v="urn:vendor" v:\xc3\xa4="1">\xc3\xbc</v:N\xc3\xb6te>',
    b'<\xe6\x96\x87:\xe5\xad\x97 xmlns:\xe6\x96\x87="urn:vendor"/>',
    b"<Plain>x</Plain>",
    b'<v:Note xmlns:v="urn:vendor"><v:Deep><v:Deeper>1</v:Deeper></v:Deep></v:Note>',
]
DATETIMES = [
    b"2026-03-02T24:00:00Z",
    b"2026-12-31T24:00:00",
    b"10000-01-01T00:00:00Z",
    b"-0001-01-01T00:00:00Z",
    b"0001-01-01T00:00:00Z",
    b" 2026-03-02T09:15:27Z ",
    b"2026-03-02T09:15:27+14:00",
    b"2026-03-02T09:15:27.1234567890Z",
    b"2026-02-29T00:00:00Z",
    b"PT1H",
    b" P1DT2H ",
]
NAMESPACE_VERSIONS = [
    (ns.WSA.encode(), b"https" + ns.WSA[4:].encode()),
    (ns.WSA.encode(), b"http://www.w3.org/2005/08/addressing"),
    (ns.WSA.encode(), b"http://schemas.xmlsoap.org/ws/2004/03/addressing"),
    (ns.WSE.encode(), b"https" + ns.WSE[4:].encode()),
    (ns.DSP.encode(), b"https" + ns.DSP[4:].encode()),
    (ns.WSD.encode(), b"https" + ns.WSD[4:].encode()),
]


def _pick(pattern: re.Pattern[bytes], data: bytes, rng: random.Random) -> re.Match[bytes] | None:
    found = list(pattern.finditer(data))
    return rng.choice(found) if found else None


def header_values(data: bytes, rng: random.Random) -> bytes:
    """Something inside or around a header value (or a ReplyTo Address)."""
    found = _pick(_HEADER_TEXT, data, rng)
    if found is None:
        return data
    text = found.group(2)
    at = rng.randrange(len(text) + 1)
    return data[: found.start(2) + at] + rng.choice(INSIDE_A_VALUE) + data[found.start(2) + at :]


def list_values(data: bytes, rng: random.Random) -> bytes:
    """An xs:list value's separators changed, or the list emptied or doubled."""
    found = _pick(_LIST_TEXT, data, rng)
    if found is None:
        return data
    text = found.group(3)
    roll = rng.random()
    if roll < 0.2:
        new = b""
    elif roll < 0.4:
        new = text + rng.choice(SEPARATORS[:4]) + text
    else:
        new = re.sub(rb"[ \t\r\n]+", lambda _: rng.choice(SEPARATORS), text)
    return data[: found.start(3)] + new + data[found.end(3) :]


def soap_attributes(data: bytes, rng: random.Random) -> bytes:
    """An attribute on soap:Envelope, Header or Body."""
    tag = rng.choice((b"<soap:Envelope", b"<soap:Header", b"<soap:Body"))
    at = data.find(tag)
    if at < 0:
        return data
    at += len(tag)
    return data[:at] + rng.choice(SOAP_ATTRIBUTES) + data[at:]


def leaf_attributes(data: bytes, rng: random.Random) -> bytes:
    """A vendor attribute, ``xml:lang`` or an ``xsi:`` attribute on a leaf value."""
    found = _pick(_LEAF, data, rng)
    if found is None:
        return data
    at = found.end(1)
    return data[:at] + rng.choice(SOAP_ATTRIBUTES[:7]) + data[at:]


def interleave(data: bytes, rng: random.Random) -> bytes:
    """A vendor element between two repeats of an element (or after any element)."""
    closing = list(re.finditer(rb"</([A-Za-z_][\w.\-]*:[A-Za-z_][\w.\-]*)>", data))
    repeats = [m for m in closing if data.startswith(b"<" + m.group(1), m.end())]
    choices = repeats or closing
    if not choices:
        return data
    at = rng.choice(choices).end()
    return data[:at] + rng.choice(VENDOR_ELEMENTS) + data[at:]


def non_ascii_names(data: bytes, rng: random.Random) -> bytes:
    """A header block, or a vendor element in the body, named outside ASCII."""
    if rng.random() < 0.5 and b"</soap:Header>" in data:
        return data.replace(
            b"</soap:Header>", rng.choice(VENDOR_ELEMENTS[3:5]) + b"</soap:Header>"
        )
    return interleave(data, rng)


def date_times(data: bytes, rng: random.Random) -> bytes:
    found = _pick(_DATETIME, data, rng)
    if found is None:
        found = _pick(re.compile(rb"<wse:Expires>([^<]*)<"), data, rng)
        if found is None:
            return data
    return data[: found.start(1)] + rng.choice(DATETIMES) + data[found.end(1) :]


def namespace_versions(data: bytes, rng: random.Random) -> bytes:
    old, new = rng.choice(NAMESPACE_VERSIONS)
    return data.replace(old, new)


def empty_elements(data: bytes, rng: random.Random) -> bytes:
    """A value emptied, or replaced by whitespace alone (an element that holds nothing)."""
    found = _pick(_LEAF, data, rng)
    if found is None:
        return data
    return data[: found.start(3)] + rng.choice((b"", b" ", b"\n  ")) + data[found.end(3) :]


Mutation = Callable[[bytes, random.Random], bytes]
SURFACES: list[Mutation] = [
    header_values,
    list_values,
    soap_attributes,
    leaf_attributes,
    interleave,
    non_ascii_names,
    date_times,
    namespace_versions,
    empty_elements,
]
