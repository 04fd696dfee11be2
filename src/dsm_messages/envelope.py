"""SOAP 1.2 envelopes with WS-Addressing 2004/08 headers: build them, read them, answer them.

>>> from dsm_messages.models import dsp
>>> request = dsp.EndPostScanJobRequest(job_token="264a19bf")
>>> data = serialize(request, to="https://scansrv01.example:5362/ScanServer/1",
...                  message_id="urn:uuid:5eb4f990-0000-4000-8000-000000000001")
>>> envelope = parse(data)
>>> envelope.action
'http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing/EndPostScanJob'
>>> envelope.body == request
True
>>> answer = parse(reply(envelope, dsp.EndPostScanJobResponse()))
>>> answer.relates_to, answer.to
('urn:uuid:5eb4f990-0000-4000-8000-000000000001', 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous')
"""

from __future__ import annotations

import enum
import re
import uuid
from collections.abc import Mapping, Sequence
from copy import deepcopy
from typing import Final, TypeVar

import attrs
from lxml import etree

from ._mime import is_package
from .binding import drop_unused_namespaces, from_xml, to_element
from .element_text import strip_xml, text_of, tokens
from .errors import DsmError
from .errors import EnvelopeError as EnvelopeError  # raised here; defined with the others
from .faults import Fault
from .messages import (
    ANSWERED_TO_SENDER,
    EMPTY_BODY_ACTIONS,
    FAULT_ACTION,
    MessageType,
    by_action,
    by_qname,
    message_type,
)
from .models import soap, wsa, wse
from .namespaces import ANONYMOUS as ANONYMOUS  # re-exported: envelopes are where users look
from .namespaces import SOAP, WSA, WSE
from .package_reader import read_package
from .safexml import clark_name, parse_xml
from .xml_types import XmlElement, first_child

__all__ = [
    "ANONYMOUS",
    "FOR_REQUESTS",
    "Envelope",
    "EnvelopeError",
    "ForRequests",
    "make_envelope",
    "make_reply",
    "new_message_id",
    "parse",
    "read_envelope",
    "reply",
    "salvage_headers",
    "serialize",
]

Body = TypeVar("Body")

_HEADER_TEXT = {
    f"{{{WSA}}}To": "to",
    f"{{{WSA}}}Action": "action",
    f"{{{WSA}}}MessageID": "message_id",
    f"{{{WSA}}}RelatesTo": "relates_to",
    f"{{{WSE}}}Identifier": "identifier",
}
#: The SOAP elements whose attributes an envelope keeps, by their keys in ``soap_attributes``.
_SOAP_ELEMENTS = ("envelope", "header", "body")
_HEADER_EPR = {
    f"{{{WSA}}}ReplyTo": ("reply_to", wsa.ReplyTo),
    f"{{{WSA}}}FaultTo": ("fault_to", wsa.FaultTo),
    f"{{{WSA}}}From": ("from_", wsa.From),
}


@attrs.frozen(kw_only=True)
class Envelope:
    """A parsed message: the addressing headers and the bound body.

    ``body`` is the model instance of the body element (a ``soap.Fault`` for faults) or ``None``
    for an empty body. Header values are the text as written. ``header_attributes`` keeps the
    attributes written on the text headers (``RelationshipType`` on RelatesTo, vendor
    attributes), keyed by field name (``"relates_to"``) and then by attribute name in Clark
    notation; ``soap_attributes`` the attributes written on the SOAP elements themselves
    (``xml:lang``, vendor and ``xsi:`` attributes), keyed ``"envelope"``, ``"header"`` or
    ``"body"``, then by Clark name. ``extra_headers`` holds every other header block (vendor
    blocks, reference parameters) as its exact XML. :meth:`to_bytes` writes all of it back.

    :param action: the ``wsa:Action`` URI.
    :param body: the body's model instance, or ``None`` for an empty body.
    :param to: the ``wsa:To`` address, if written.
    :param message_id: the ``wsa:MessageID``, if written.
    :param relates_to: the ``wsa:RelatesTo`` (the MessageID this answers), if written.
    :param reply_to: the ``wsa:ReplyTo`` endpoint reference, if written.
    :param fault_to: the ``wsa:FaultTo`` endpoint reference, if written.
    :param from\\_: the ``wsa:From`` endpoint reference, if written.
    :param identifier: the WS-Eventing ``wse:Identifier`` header naming a subscription, if
        written.
    :param extra_headers: every other header block, each as its exact XML.
    :param header_attributes: the attributes on the text headers, by field name and then by
        attribute name in Clark notation (``{namespace}name``).
    :param soap_attributes: the attributes on soap:Envelope, Header and Body, keyed
        ``"envelope"``, ``"header"`` or ``"body"``, then by attribute name in Clark notation.
    """

    action: str
    body: object | None
    to: str | None = None
    message_id: str | None = None
    relates_to: str | None = None
    reply_to: wsa.EndpointReferenceType | None = None
    fault_to: wsa.EndpointReferenceType | None = None
    from_: wsa.EndpointReferenceType | None = None
    identifier: str | None = None
    extra_headers: tuple[bytes, ...] = ()
    header_attributes: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    soap_attributes: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)

    def to_bytes(self, *, pretty: bool = False) -> bytes:
        """This envelope as a SOAP message again: every header as parsed, nothing invented
        (no MessageID or To is added when the parsed message had none).

        :param pretty: whether to indent the XML (for people; the wire takes it either way).
        :returns: the envelope's XML, UTF-8 with an XML declaration.
        :raises EnvelopeError: when ``header_attributes`` names a header that is not a text
            header.
        """
        return _build(
            self.body,
            to=self.to,
            action=self.action,
            message_id=self.message_id,
            relates_to=self.relates_to,
            reply_to=self.reply_to,
            fault_to=self.fault_to,
            from_=self.from_,
            identifier=self.identifier,
            headers=self.extra_headers,
            header_attributes=self.header_attributes,
            soap_attributes=self.soap_attributes,
            pretty=pretty,
        )

    def body_as(self, model: type[Body]) -> Body:
        """The body, typed: ``model`` it must be (``EnvelopeError`` names what it is instead).

        :param model: the model class the body is expected to be.
        :returns: the body, typed as ``model``.
        :raises EnvelopeError: when the body is another class, or absent.

        >>> from dsm_messages.models import dsp
        >>> envelope = Envelope(action="", body=dsp.EndPostScanJobResponse())
        >>> envelope.body_as(dsp.EndPostScanJobResponse)
        EndPostScanJobResponse(other_element=[])
        """
        if not isinstance(self.body, model):
            found = "no body" if self.body is None else type(self.body).__name__
            raise EnvelopeError(f"the body is {found}, not {model.__name__}")
        return self.body

    @property
    def message_type(self) -> MessageType | None:
        """The table entry of the body, or ``None`` for an empty body."""
        return None if self.body is None else message_type(type(self.body))

    @property
    def is_fault(self) -> bool:
        return isinstance(self.body, soap.Fault)


def new_message_id() -> str:
    """A fresh ``urn:uuid:`` message identifier."""
    return f"urn:uuid:{uuid.uuid4()}"


def _epr(
    model: type[wsa.EndpointReferenceType], value: str | wsa.EndpointReferenceType | None
) -> wsa.EndpointReferenceType | None:
    if value is None or isinstance(value, model):
        return value
    if isinstance(value, str):
        return model(address=wsa.AttributedURI(value=value))
    fields = {f: getattr(value, f) for f in value.__dataclass_fields__}
    return model(**fields)


class ForRequests(enum.Enum):
    """The type of :data:`FOR_REQUESTS`, ``serialize``'s default ``reply_to``."""

    ANONYMOUS = "anonymous for a request"


#: ``serialize``'s default ``reply_to``: the anonymous address on a request, nothing otherwise.
FOR_REQUESTS: Final = ForRequests.ANONYMOUS


def make_envelope(
    message: object | None,
    *,
    to: str,
    action: str | None = None,
    message_id: str | None = None,
    relates_to: str | None = None,
    reply_to: str | wsa.EndpointReferenceType | ForRequests | None = FOR_REQUESTS,
    fault_to: str | wsa.EndpointReferenceType | None = None,
    from_: str | wsa.EndpointReferenceType | None = None,
    identifier: str | None = None,
    headers: Sequence[bytes] = (),
    header_attributes: Mapping[str, Mapping[str, str]] | None = None,
    soap_attributes: Mapping[str, Mapping[str, str]] | None = None,
) -> Envelope:
    """Wrap a body in a SOAP 1.2 envelope with WS-Addressing headers.

    The action comes from the message table unless given (it must be given for an empty body).
    A fresh ``urn:uuid:`` MessageID is used when none is given. A request gets ReplyTo
    anonymous unless ``reply_to`` says otherwise (``None``: no ReplyTo, which the strict
    profile rejects on a request), a WS-Discovery Probe or Resolve none (it is answered to
    where it came from). ``headers`` are extra header
    blocks, each a complete XML element, written after the addressing headers as given.
    ``header_attributes`` puts attributes on the text headers and ``soap_attributes`` on the
    SOAP elements, as :class:`Envelope` holds them.
    """
    if action is None:
        if message is None:
            raise EnvelopeError("an empty body needs an explicit action")
        try:
            action = message_type(type(message)).action
        except KeyError as exc:
            raise EnvelopeError(str(exc.args[0])) from None
        if action is None:
            raise EnvelopeError(f"{type(message).__name__} is a document, not a message")
    if reply_to is FOR_REQUESTS:
        announced = by_action(action)
        protocol, kind = (
            (announced.protocol, announced.kind)
            if announced is not None
            else EMPTY_BODY_ACTIONS.get(action, (None, None, None))[::2]
        )
        wants = kind == "request" and protocol not in ANSWERED_TO_SENDER
        reply_to = ANONYMOUS if wants else None
    return Envelope(
        action=action,
        body=message,
        to=to,
        message_id=message_id or new_message_id(),
        relates_to=relates_to,
        reply_to=_epr(wsa.ReplyTo, reply_to),
        fault_to=_epr(wsa.FaultTo, fault_to),
        from_=_epr(wsa.From, from_),
        identifier=identifier,
        extra_headers=tuple(headers),
        header_attributes=dict(header_attributes or {}),
        soap_attributes=dict(soap_attributes or {}),
    )


def serialize(
    message: object | None,
    *,
    to: str,
    action: str | None = None,
    message_id: str | None = None,
    relates_to: str | None = None,
    reply_to: str | wsa.EndpointReferenceType | ForRequests | None = FOR_REQUESTS,
    fault_to: str | wsa.EndpointReferenceType | None = None,
    from_: str | wsa.EndpointReferenceType | None = None,
    identifier: str | None = None,
    headers: Sequence[bytes] = (),
    header_attributes: Mapping[str, Mapping[str, str]] | None = None,
    soap_attributes: Mapping[str, Mapping[str, str]] | None = None,
    pretty: bool = False,
) -> bytes:
    """Wrap a body in a SOAP 1.2 envelope with WS-Addressing headers, as UTF-8 bytes.

    The action comes from the message table unless given (it must be given for an empty body).
    A fresh ``urn:uuid:`` MessageID is used when none is given. A request gets ReplyTo
    anonymous unless ``reply_to`` says otherwise; a WS-Discovery Probe or Resolve gets none (it
    is answered to where it came from).

    :param message: the body, a model instance (``dsp.CreatePostScanJobRequest()``), or
        ``None`` for an empty body.
    :param to: the ``wsa:To`` address.
    :param action: the ``wsa:Action``; the message table's action for the body unless given.
    :param message_id: the ``wsa:MessageID``; a fresh ``urn:uuid:`` unless given.
    :param relates_to: the MessageID this message answers (``wsa:RelatesTo``).
    :param reply_to: where the answer goes: an address or an endpoint reference;
        ``FOR_REQUESTS`` (the default, ``dsm_messages.envelope.FOR_REQUESTS``) writes the
        anonymous address on a request and nothing on any other message; ``None`` writes no
        ReplyTo (which the strict profile refuses on a request).
    :param fault_to: where a fault goes, when not to ``reply_to``.
    :param from\\_: the sender's address or endpoint reference (``wsa:From``).
    :param identifier: a WS-Eventing ``wse:Identifier`` header naming a subscription.
    :param headers: more header blocks, each a complete XML element, written after the
        addressing headers as given (reference parameters, vendor blocks).
    :param header_attributes: attributes on the text headers, as :class:`Envelope` holds them.
    :param soap_attributes: attributes on soap:Envelope, Header and Body, as
        :class:`Envelope` holds them.
    :param pretty: whether to indent the XML.
    :returns: the envelope's XML, UTF-8 with an XML declaration.
    :raises EnvelopeError: when the action cannot be found (an empty body, a document rather
        than a message, a class that is not a model) or ``header_attributes`` names no text
        header.
    """
    return make_envelope(
        message,
        to=to,
        action=action,
        message_id=message_id,
        relates_to=relates_to,
        reply_to=reply_to,
        fault_to=fault_to,
        from_=from_,
        identifier=identifier,
        headers=headers,
        header_attributes=header_attributes,
        soap_attributes=soap_attributes,
    ).to_bytes(pretty=pretty)


def _build(
    message: object | None,
    *,
    to: str | None,
    action: str,
    message_id: str | None,
    relates_to: str | None,
    reply_to: wsa.EndpointReferenceType | None,
    fault_to: wsa.EndpointReferenceType | None,
    from_: wsa.EndpointReferenceType | None,
    identifier: str | None,
    headers: Sequence[bytes],
    header_attributes: Mapping[str, Mapping[str, str]],
    soap_attributes: Mapping[str, Mapping[str, str]],
    pretty: bool,
) -> bytes:
    unknown = set(header_attributes) - set(_HEADER_TEXT.values())
    if unknown:
        raise EnvelopeError(f"header_attributes names no text header: {sorted(unknown)}")
    if set(soap_attributes) - set(_SOAP_ELEMENTS):
        unknown = set(soap_attributes) - set(_SOAP_ELEMENTS)
        raise EnvelopeError(f"soap_attributes names no SOAP element: {sorted(unknown)}")
    texts = {
        "to": (wsa.To, to),
        "action": (wsa.Action, action),
        "message_id": (wsa.MessageID, message_id),
        "relates_to": (wsa.RelatesTo, relates_to),
    }
    blocks: list[object] = [
        model(value=value) for model, value in texts.values() if value is not None
    ]
    for model, epr in ((wsa.ReplyTo, reply_to), (wsa.FaultTo, fault_to), (wsa.From, from_)):
        value = _epr(model, epr)
        if value is not None:
            blocks.append(value)
    if identifier is not None:
        blocks.append(wse.Identifier(value=identifier))
    envelope = soap.Envelope(
        header=soap.Header(any_element=blocks),
        body=soap.Body(any_element=[] if message is None else [message]),
    )
    root = to_element(envelope)
    header = root[0]
    names = {key: name for name, key in _HEADER_TEXT.items()}
    for key, attributes in header_attributes.items():
        element = first_child(header, names[key])
        if element is None:
            raise EnvelopeError(f"header_attributes[{key!r}] given, but that header is absent")
        for attribute, text in attributes.items():
            element.set(attribute, text)
    blocks_written = []
    for block in headers:
        try:
            blocks_written.append(etree.tostring(parse_xml(block), encoding="UTF-8"))
        except DsmError as exc:
            raise EnvelopeError(f"extra header block is not an XML element: {exc}") from None
    # where the blocks go: an element no message holds, replaced once written
    place = f"urn:x-dsm-messages:{uuid.uuid4()}" if blocks_written else ""
    if blocks_written:
        etree.SubElement(header, f"{{{place}}}blocks", nsmap={"blocks": place})
    for key, attributes in soap_attributes.items():
        element = root if key == "envelope" else root[_SOAP_ELEMENTS.index(key) - 1]
        for attribute, text in attributes.items():
            element.set(attribute, text)
    if pretty:
        etree.indent(root, space="  ")
    written = etree.tostring(root, encoding="UTF-8")
    # the blocks as they are, prefixes and declarations included: put into the tree, lxml
    # would rename a prefix to the envelope's for the same namespace
    if blocks_written:
        stand_in = f'<blocks:blocks xmlns:blocks="{place}"/>'.encode()
        inside = (b"\n    " if pretty else b"").join(blocks_written)
        written = written.replace(stand_in, inside, 1)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + written


def parse(
    data: bytes,
    *,
    content_type: str | None = None,
    tolerant: bool = False,
    root: XmlElement | None = None,
) -> Envelope:
    """Read a SOAP 1.2 envelope and bind its body, without validating it (the validating
    entry point is :func:`dsm_messages.parse`, in :mod:`dsm_messages.parsing`).

    With a ``multipart/related`` ``content_type`` the bytes are an MTOM package: the envelope
    is its root part, with ``xop:Include`` references resolved (see :mod:`dsm_messages.mtom`).
    Raises :class:`EnvelopeError` (or :class:`~dsm_messages.errors.XmlSyntaxError` for bytes
    that are not well-formed XML) naming what is wrong. ``tolerant`` reads a package as the
    lenient validator does (MIME defects it tolerates accepted, URI values trimmed);
    ``root`` is the package's root part as already read, its ``xop:Include`` taken out (the
    tree the lenient validator repaired), bound in place of the part's own bytes.
    """
    if content_type is not None and is_package(content_type):
        bind = read_envelope if root is None else (lambda _part: read_envelope(root))
        envelope = read_package(data, content_type, bind=bind, tolerant=tolerant).envelope
        if tolerant and root is None:  # as the validator read it: URI values trimmed
            envelope = attrs.evolve(
                envelope,
                action=strip_xml(envelope.action),
                to=_strip(envelope.to),
                message_id=_strip(envelope.message_id),
                relates_to=_strip(envelope.relates_to),
                identifier=_strip(envelope.identifier),
            )
        return envelope
    return read_envelope(parse_xml(data) if root is None else root)


def read_envelope(root: XmlElement) -> Envelope:
    """The :class:`Envelope` a tree parsed by the hardened parser holds: headers read and the
    body bound from the tree itself, which is not changed. Raises :class:`EnvelopeError` as
    :func:`parse` does."""
    name = clark_name(root)
    if name != f"{{{SOAP}}}Envelope":
        raise EnvelopeError(
            f"root element is {name}, not a SOAP 1.2 Envelope (a SOAP node answers "
            "soap:VersionMismatch)"
        )
    values: dict[str, object] = {}
    attributes: dict[str, dict[str, str]] = {}
    extra: list[bytes] = []
    header = first_child(root, f"{{{SOAP}}}Header")
    soap_attributes = {
        key: dict(element.attrib)
        for key, element in zip(
            _SOAP_ELEMENTS, (root, header, first_child(root, f"{{{SOAP}}}Body")), strict=True
        )
        if element is not None and element.attrib
    }
    inherited = {} if header is None else header.nsmap
    for block in [] if header is None else header:
        if not isinstance(block.tag, str):
            continue  # comments and processing instructions carry no header
        block_name = clark_name(block)
        if block_name in _HEADER_TEXT:
            key = _HEADER_TEXT[block_name]
            if key in values:
                raise EnvelopeError(f"header {block_name} appears more than once")
            values[key] = text_of(block)
            if block.attrib:
                attributes[key] = dict(block.attrib)
        elif block_name in _HEADER_EPR:
            key, model = _HEADER_EPR[block_name]
            if key in values:  # two ReplyTo: which one to answer is no choice to make here
                raise EnvelopeError(f"header {block_name} appears more than once")
            values[key] = from_xml(block, model)
        else:
            extra.append(_standalone(block, inherited))
    action = values.get("action")
    if not isinstance(action, str):
        raise EnvelopeError("the envelope has no wsa:Action header")
    announced = by_action(strip_xml(action))
    empty_body = strip_xml(action) in EMPTY_BODY_ACTIONS
    if announced is None and not empty_body and strip_xml(action) != FAULT_ACTION:
        raise EnvelopeError(f"unknown action {strip_xml(action)!r}")
    body_element = first_child(root, f"{{{SOAP}}}Body")
    if body_element is None:
        raise EnvelopeError("the envelope has no soap:Body")
    children = [child for child in body_element if isinstance(child.tag, str)]
    if len(children) > 1:
        raise EnvelopeError(f"the soap:Body holds {len(children)} elements; DSM bodies hold one")
    if empty_body and children:
        raise EnvelopeError(f"action {strip_xml(action)!r} announces an empty soap:Body")
    body: object | None = None
    if children:
        body_name = clark_name(children[0])
        if by_qname(body_name) is None:
            raise EnvelopeError(f"{body_name} is not a known DSM message body")
        body = from_xml(children[0])
    return Envelope(
        body=body,
        extra_headers=tuple(extra),
        header_attributes=attributes,
        soap_attributes=soap_attributes,
        **values,  # type: ignore[arg-type]
    )


# The addressing headers by local name, for messages too broken to read by their namespaces.
_SALVAGED_TEXT = {name.rpartition("}")[2]: key for name, key in _HEADER_TEXT.items()}
_SALVAGED_EPR = {name.rpartition("}")[2]: entry for name, entry in _HEADER_EPR.items()}


def salvage_headers(data: bytes, content_type: str | None = None) -> Envelope:
    """The addressing headers of a message that could not be read whole, as far as they can be
    read (by local name, whatever the SOAP or WS-Addressing version), in an envelope with no
    body, so that the fault refusing it can still be addressed and related to it. An MTOM
    package is searched for its first part, the envelope."""
    try:
        root = parse_xml(_first_part(data, content_type))
    except DsmError:
        return Envelope(action="", body=None)
    values: dict[str, object] = {}
    header = next((child for child in root if _local(child) == "Header"), None)
    for block in [] if header is None else header:
        name = _local(block)
        if name in _SALVAGED_TEXT and _SALVAGED_TEXT[name] not in values:
            values[_SALVAGED_TEXT[name]] = strip_xml(text_of(block))
        elif name in _SALVAGED_EPR and _SALVAGED_EPR[name][0] not in values:
            key, model = _SALVAGED_EPR[name]
            address = next((child for child in block if _local(child) == "Address"), None)
            if address is not None and strip_xml(text_of(address)):
                values[key] = _epr(model, strip_xml(text_of(address)))
    action = values.pop("action", "")
    return Envelope(action=str(action), body=None, **values)  # type: ignore[arg-type]


def _first_part(data: bytes, content_type: str | None) -> bytes:
    """The first MIME part's body of an MTOM package (after its headers, whose Content-ID
    has a ``<`` too); else ``data``."""
    boundary = re.search(r'boundary="?([^";]+)', content_type or "")
    if boundary is None:
        return data
    delimiter = b"--" + boundary.group(1).encode("latin-1", "replace")
    first = data.find(delimiter)
    blank = re.compile(rb"\r?\n\r?\n").search(data, max(first, 0))
    start = blank.end() if first >= 0 and blank is not None else data.find(b"<")
    end = data.find(delimiter, max(start, 0))
    return data[start:end] if 0 <= start < end else data


def _local(element: XmlElement) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _strip(value: str | None) -> str | None:
    return None if value is None else strip_xml(value)


def _standalone(element: XmlElement, inherited: Mapping[str | None, str]) -> bytes:
    """An element's XML with the declarations it uses, not every one it inherits
    (``inherited``: the declarations in scope where it stands, read once for all its
    siblings). Its names keep theirs as lxml copies it; a prefix that starts a value (a QName
    such as ``ns13:Code``) keeps its own. The cost is the element's, however many
    declarations are in scope."""
    copy = deepcopy(element)  # declares the namespaces its names use, and no other
    copy.tail = None
    wanted: dict[str | None, str] = {}
    for node in copy.iter():
        if not isinstance(node.tag, str):
            continue
        for value in (node.text, *node.attrib.values()):
            for token in tokens(value) if value and ":" in value else ():
                prefix = token.partition(":")[0]
                if prefix in inherited and prefix not in wanted:
                    wanted[prefix] = inherited[prefix]
    declared = copy.nsmap
    if any(declared.get(prefix) != uri for prefix, uri in wanted.items()):
        rebuilt = etree.Element(copy.tag, nsmap={**wanted, **declared})
        rebuilt.attrib.update(copy.attrib)
        rebuilt.text = copy.text
        rebuilt.extend(list(copy))
        copy = rebuilt
    drop_unused_namespaces(copy)
    # placed under an element of its own, it loses what it declares twice, as it does when
    # written into an envelope: read again, it is the same bytes
    etree.Element("holder").append(copy)
    return etree.tostring(copy, encoding="UTF-8")


def make_reply(
    request: Envelope, message: object | Fault, *, message_id: str | None = None
) -> Envelope:
    """The response (or fault) to a parsed request, addressed and correlated.

    ``message`` is a response body, a :class:`~dsm_messages.faults.Fault` or a ``soap.Fault``.
    A response goes to the request's ReplyTo (anonymous when absent). A fault goes to FaultTo,
    else ReplyTo, else From, else the anonymous address, with the WS-Addressing fault action.
    Either way RelatesTo is the request's MessageID; without one (a request too broken to
    read it from) a fault still goes back, related to nothing, and a response is refused.
    """
    if isinstance(message, Fault):
        message = message.to_model()
    is_fault = isinstance(message, soap.Fault)
    if request.message_id is None and not is_fault:
        raise EnvelopeError("the request has no wsa:MessageID, so no answer can relate to it")
    candidates: tuple[wsa.EndpointReferenceType | None, ...] = (request.reply_to,)
    if is_fault:
        candidates = (request.fault_to, request.reply_to, request.from_)
    # (an address read leniently may be padded with whitespace: the URI is what it names)
    destination = next(
        (strip_xml(epr.address.value) for epr in candidates if epr is not None), ANONYMOUS
    )
    return make_envelope(
        message,
        to=destination,
        message_id=message_id,
        relates_to=None if request.message_id is None else strip_xml(request.message_id),
    )


def reply(request: Envelope, message: object | Fault, *, message_id: str | None = None) -> bytes:
    """The response (or fault) to a parsed request, addressed and correlated, as UTF-8 bytes.

    A response goes to the request's ReplyTo (anonymous when absent). A fault goes to FaultTo,
    else ReplyTo, else From, else the anonymous address, with the WS-Addressing fault action.
    Either way RelatesTo is the request's MessageID; without one (a request too broken to
    read it from) a fault still goes back, related to nothing, and a response is refused.

    :param request: the request, as parsed.
    :param message: the answer: a response body, a :class:`~dsm_messages.faults.Fault` or a
        ``soap.Fault``.
    :param message_id: the answer's own MessageID; a fresh ``urn:uuid:`` unless given.
    :returns: the answer's envelope, UTF-8 with an XML declaration.
    :raises EnvelopeError: when a response (not a fault) answers a request without a
        MessageID.
    """
    return make_reply(request, message, message_id=message_id).to_bytes()
