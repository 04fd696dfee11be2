"""Probes made from the validator's rule table: for each rule a receiver refuses, a way to break
it in a request of each protocol, and the rule's row says which fault must come back.

Rules of this module: a :class:`Breaker` is data (the rule, what the broken message has, the
edit, the requests it applies to); :func:`generated_probes` turns every breaker into one probe
per protocol it applies to, the expected fault read from the rule's row when the probe runs.
A rule a receiver refuses that no breaker covers must be listed in :data:`NOT_PROBED` with
the reason (a test holds the two together). Each edit is checked by the test suite: the
message it makes breaks its rule, in the strict profile.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from typing import Any
from xml.etree.ElementTree import QName

import attrs
from lxml import etree

from .. import namespaces as ns
from ..envelope import new_message_id, serialize
from ..models import dsc, dsd, dsp, wscn
from ..mtom import build_send_image
from ..namespaces import ANONYMOUS
from ..rule_ids import DsmRule
from ..xml_types import XmlElement
from .common import IMAGE, image_request, scan_process, scan_ticket
from .model import PROTOCOLS, Probe, Script
from .play import Play
from .state import SOAP_CONTENT_TYPE

__all__ = [
    "BREAKERS",
    "NOT_PROBED",
    "Breaker",
    "Message",
    "build_carrier",
    "carrier_for",
    "generated_probes",
]

Steps = Generator[Any, Any, Any]


@attrs.frozen(kw_only=True)
class Message:
    """A request as it goes on the wire: its bytes, Content-Type and MessageID."""

    data: bytes
    content_type: str = SOAP_CONTENT_TYPE
    message_id: str


Edit = Callable[[Message], Message]


@attrs.frozen(kw_only=True)
class Breaker:
    """A way to break ``rule``: ``edit`` turns the well-formed ``carrier`` request (``plain``:
    a request any service answers; ``elements``: one that names elements to report;
    ``package``: a WS-DSP SendImage as MTOM; ``create``: a CreatePostScanJob; ``ticket``: a
    request with a scan ticket) into one whose defect is ``what``. ``relates`` is false where
    the defect may keep the target from reading the MessageID (then the fault may relate to
    nothing)."""

    rule: DsmRule
    name: str
    what: str
    edit: Edit
    carrier: str = "plain"
    protocols: tuple[str, ...] = PROTOCOLS
    relates: bool = True


# -- edits -------------------------------------------------------------------------------------
def _replace(old: bytes, new: bytes) -> Edit:
    def edit(message: Message) -> Message:
        if old not in message.data:
            raise ValueError(f"{old!r} is not in the message to break")
        return attrs.evolve(message, data=message.data.replace(old, new, 1))

    return edit


def _tree(change: Callable[[XmlElement], None]) -> Edit:
    def edit(message: Message) -> Message:
        root = etree.fromstring(message.data)
        change(root)
        return attrs.evolve(
            message, data=etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        )

    return edit


def _header(local: str) -> Callable[[XmlElement], XmlElement]:
    def find(root: XmlElement) -> XmlElement:
        found = root.find(f"{{{ns.SOAP}}}Header/{{{ns.WSA}}}{local}")
        if found is None:
            raise ValueError(f"the message has no wsa:{local}")
        return found

    return find


def _remove_header(local: str) -> Edit:
    def change(root: XmlElement) -> None:
        block = _header(local)(root)
        parent = block.getparent()
        assert parent is not None
        parent.remove(block)

    return _tree(change)


def _duplicate_header(local: str) -> Edit:
    def change(root: XmlElement) -> None:
        block = _header(local)(root)
        block.addnext(etree.fromstring(etree.tostring(block)))

    return _tree(change)


def _set_header(local: str, text: Callable[[str], str]) -> Edit:
    def change(root: XmlElement) -> None:
        block = _header(local)(root)
        block.text = text(block.text or "")

    return _tree(change)


def _body(root: XmlElement) -> XmlElement:
    body = root.find(f"{{{ns.SOAP}}}Body")
    assert body is not None, "the message has no body"
    assert len(body), "the message has no body element"
    return body[0]


def _second_body(root: XmlElement) -> None:
    first = _body(root)
    first.addnext(etree.fromstring(etree.tostring(first)))


def _unknown_body(root: XmlElement) -> None:
    first = _body(root)
    first.tag = f"{{{etree.QName(first).namespace}}}NoSuchRequest"


def _other_addressing(root: XmlElement) -> None:
    header = root.find(f"{{{ns.SOAP}}}Header")
    assert header is not None
    wsa10 = "http://www.w3.org/2005/08/addressing"
    block = etree.SubElement(header, f"{{{wsa10}}}From", nsmap={"a": wsa10})
    etree.SubElement(block, f"{{{wsa10}}}Address").text = ANONYMOUS


def _drop_child(root: XmlElement) -> None:
    """Take out the body's first child (JobToken, RequestedElements: required each)."""
    body = _body(root)
    body.remove(body[0])


def _first_child_last(local: str) -> Edit:
    """Move the first child of the first ``local`` element after its last one: two children
    out of the order their schema sequence declares."""

    def change(root: XmlElement) -> None:
        for element in root.iter():
            if isinstance(element.tag, str) and etree.QName(element).localname == local:
                assert len(element) > 1, f"{local} has fewer than two children"
                element.append(element[0])
                return
        raise ValueError(f"the message has no {local}")

    return _tree(change)


def _names(text: Callable[[str], str]) -> Edit:
    def change(root: XmlElement) -> None:
        for element in root.iter():
            if isinstance(element.tag, str) and etree.QName(element).localname == "Name":
                element.text = text(element.text or "")
                return
        raise ValueError("the message requests no element by name")

    return _tree(change)


def _unbound(value: str) -> str:
    return "nosuchprefix:" + value.rpartition(":")[2]


def _unknown_name(value: str) -> str:
    return value.rpartition(":")[0] + ":NoSuchElement"


def _rebind(current: str, stale: str) -> Edit:
    """Bind the prefix of ``current`` to the ``stale`` namespace URI instead."""
    return _replace(f'"{current}"'.encode(), f'"{stale}"'.encode())


def _doctype(message: Message) -> Message:
    head, _, rest = message.data.partition(b"?>\n")
    doctype = b'<!DOCTYPE soap:Envelope [<!ENTITY scan "conformance">]>\n'
    return attrs.evolve(message, data=head + b"?>\n" + doctype + rest)


# MTOM packages: the boundary is in the Content-Type; parts as the package builder writes them
def _boundary(message: Message) -> bytes:
    found = re.search(r'boundary="?([^";]+)', message.content_type)
    assert found is not None
    return found.group(1).encode()


def _no_closing_delimiter(message: Message) -> Message:
    closing = b"--" + _boundary(message) + b"--"
    return attrs.evolve(message, data=message.data[: message.data.rindex(closing)])


def _lf_line_ends(message: Message) -> Message:
    return attrs.evolve(message, data=message.data.replace(b"\r\n", b"\n"))


def _content_ids(message: Message) -> tuple[bytes, bytes]:
    ids = re.findall(rb"Content-ID: <([^>]+)>", message.data)
    assert len(ids) == 2, "a SendImage package has two parts"
    return ids[0], ids[1]


def _attachment_reuses_root_id(message: Message) -> Message:
    root_id, image_id = _content_ids(message)
    old = b"Content-ID: <" + image_id + b">"
    return _replace(old, b"Content-ID: <" + root_id + b">")(message)


def _decoy_part(message: Message) -> Message:
    """A part no xop:Include names, placed between the envelope and the image."""
    delimiter = b"--" + _boundary(message) + b"\r\n"
    at = message.data.index(delimiter, message.data.index(delimiter) + 1)
    decoy = (
        delimiter + b"Content-Type: application/octet-stream\r\n"
        b"Content-Transfer-Encoding: binary\r\n"
        b"Content-ID: <decoy@dsm-messages.invalid>\r\n\r\n"
        b"not the image\r\n"
    )
    return attrs.evolve(message, data=message.data[:at] + decoy + message.data[at:])


def _include_names_no_part(message: Message) -> Message:
    _, image_id = _content_ids(message)
    return _replace(b"cid:" + image_id, b"cid:missing." + image_id)(message)


_STALE_DSP = "http://schemas.microsoft.com/windows/2008/02/wdp/repository/processing"
_STALE_WSCN = "https://schemas.microsoft.com/windows/2006/08/wdp/scan"
_PRERELEASE_WSCN = "http://schemas.microsoft.com/windows/2006/01/wdp/scan"
_SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/"


def _stale(message: Message) -> Message:
    current = ns.DSP if f'"{ns.DSP}"'.encode() in message.data else ns.WSCN
    stale = _STALE_DSP if current == ns.DSP else _STALE_WSCN
    return _rebind(current, stale)(message)


# -- the table ------------------------------------------------------------------------------------
BREAKERS: tuple[Breaker, ...] = (
    # XML and SOAP framing: any request
    Breaker(
        rule=DsmRule.XML_MALFORMED,
        name="",
        what="bytes that are not well-formed XML (the root's end tag is cut)",
        edit=_replace(b"</soap:Envelope>", b"</soap:Envelope"),
        relates=False,
    ),
    Breaker(
        rule=DsmRule.XML_FORBIDDEN,
        name="",
        what="a DOCTYPE declaring an entity",
        edit=_doctype,
        relates=False,
    ),
    Breaker(
        rule=DsmRule.SOAP_VERSION,
        name="",
        what="a SOAP 1.1 envelope",
        edit=_rebind(ns.SOAP, _SOAP_11),
        relates=False,
    ),
    Breaker(
        rule=DsmRule.SOAP_STRUCTURE,
        name="",
        what="a SOAP Body with two elements",
        edit=_tree(_second_body),
    ),
    Breaker(
        rule=DsmRule.ADDRESSING_VERSION,
        name="",
        what="a WS-Addressing 1.0 (2005/08) header block beside the 2004/08 ones",
        edit=_tree(_other_addressing),
    ),
    Breaker(
        rule=DsmRule.HEADER_MISSING,
        name="",
        what="a request without wsa:To",
        edit=_remove_header("To"),
    ),
    Breaker(
        rule=DsmRule.ACTION_MISSING,
        name="",
        what="a request without wsa:Action",
        edit=_remove_header("Action"),
    ),
    Breaker(
        rule=DsmRule.HEADER_DUPLICATE,
        name="",
        what="a request with wsa:To twice",
        edit=_duplicate_header("To"),
    ),
    Breaker(
        rule=DsmRule.ACTION_UNKNOWN,
        name="",
        what="an action no DSM protocol defines",
        edit=_set_header("Action", lambda action: action.rpartition("/")[0] + "/NoSuchOperation"),
    ),
    Breaker(
        rule=DsmRule.ACTION_MISMATCH,
        name="",
        what="a body under the action of another operation",
        edit=_set_header("Action", lambda action: action.rpartition("/")[0] + "/GetJobHistory"),
        protocols=("dsc", "dsd", "wscn"),
    ),
    Breaker(
        rule=DsmRule.ACTION_MISMATCH,
        name="",
        what="a body under the action of another operation",
        edit=_set_header("Action", lambda action: action.rpartition("/")[0] + "/EndPostScanJob"),
        protocols=("dsp",),
    ),
    Breaker(
        rule=DsmRule.REPLY_TO_MISSING,
        name="",
        what="a request without wsa:ReplyTo",
        edit=_remove_header("ReplyTo"),
    ),
    Breaker(
        rule=DsmRule.URI_NOT_ABSOLUTE,
        name="",
        what="a wsa:To that is no absolute URI (the documentation's placeholder)",
        edit=_set_header("To", lambda _: "DestinationAddress"),
    ),
    Breaker(
        rule=DsmRule.URI_WHITESPACE,
        name="",
        what="an action URI padded with line breaks",
        edit=_set_header("Action", lambda action: f"\n      {action}\n    "),
    ),
    Breaker(
        rule=DsmRule.BODY_UNKNOWN,
        name="",
        what="a body element the protocol does not define",
        edit=_tree(_unknown_body),
    ),
    Breaker(
        rule=DsmRule.XSD,
        name="",
        what="a request without a required child (JobToken, RequestedElements)",
        edit=_tree(_drop_child),
        carrier="required",
    ),
    Breaker(
        rule=DsmRule.CHILD_ORDER,
        name="",
        what="a scan ticket with its JobDescription after its DocumentParameters",
        edit=_first_child_last("ScanTicket"),
        carrier="ticket",
        protocols=("dsd", "wscn"),
    ),
    Breaker(
        rule=DsmRule.CHILD_ORDER,
        name="",
        what="a CreatePostScanJob with its UserIdentifier after its PostScanInstructions",
        edit=_first_child_last("CreatePostScanJobRequest"),
        carrier="create",
        protocols=("dsp",),
    ),
    Breaker(
        rule=DsmRule.STALE_NAMESPACE,
        name="",
        what="a misprinted or pre-release version of the protocol's namespace",
        edit=_stale,
        carrier="stale",
        protocols=("dsp", "dsd", "wscn"),
    ),
    Breaker(
        rule=DsmRule.STALE_NAMESPACE_TOLERATED,
        name="",
        what="the pre-release WS-Scan namespace .../2006/01/wdp/scan",
        edit=_rebind(ns.WSCN, _PRERELEASE_WSCN),
        carrier="elements",
        protocols=("dsd", "wscn"),
    ),
    Breaker(
        rule=DsmRule.QNAME_UNBOUND,
        name="",
        what="a requested element name whose prefix is not declared",
        edit=_names(_unbound),
        carrier="elements",
    ),
    Breaker(
        rule=DsmRule.QNAME_UNKNOWN,
        name="",
        what="a requested element name the protocol's namespace does not define",
        edit=_names(_unknown_name),
        carrier="elements",
    ),
    Breaker(
        rule=DsmRule.VENDOR_KEYWORD,
        name="",
        what="a scan ticket InputSource neither well-known nor a vendor prefix:Keyword",
        edit=_replace(b">Platen<", b">Tray9<"),
        carrier="ticket",
        protocols=("dsd", "wscn"),
    ),
    Breaker(
        rule=DsmRule.FILTER_DIALECT,
        name="",
        what="file-share instructions under the e-mail filter's dialect",
        edit=_replace(
            f"<psp:Dialect>{ns.FSF}</psp:Dialect>".encode(),
            f"<psp:Dialect>{ns.EMLF}</psp:Dialect>".encode(),
        ),
        carrier="create",
        protocols=("dsp",),
    ),
    # MTOM packages: WS-DSP SendImage
    Breaker(
        rule=DsmRule.MIME_MALFORMED,
        name="",
        what="an MTOM package without its closing delimiter",
        edit=_no_closing_delimiter,
        carrier="package",
        protocols=("dsp",),
        relates=False,
    ),
    Breaker(
        rule=DsmRule.MIME_DEFECT,
        name="",
        what="an MTOM package with LF line ends instead of CRLF",
        edit=_lf_line_ends,
        carrier="package",
        protocols=("dsp",),
        relates=False,
    ),
    Breaker(
        rule=DsmRule.MIME_DUPLICATE_ID,
        name="",
        what="an image part with the root part's Content-ID",
        edit=_attachment_reuses_root_id,
        carrier="package",
        protocols=("dsp",),
        relates=False,
    ),
    Breaker(
        rule=DsmRule.XOP_REFERENCE,
        name="",
        what="an xop:Include naming no part of the package",
        edit=_include_names_no_part,
        carrier="package",
        protocols=("dsp",),
    ),
    Breaker(
        rule=DsmRule.XOP_UNREFERENCED,
        name="",
        what="a decoy part, named by no xop:Include, before the image",
        edit=_decoy_part,
        carrier="package",
        protocols=("dsp",),
    ),
)

#: The rules a receiver refuses (a row with a fault, an error in the strict profile) that no
#: probe breaks, and why.
NOT_PROBED: dict[str, str] = {
    DsmRule.VALUE_WHITESPACE: (
        "no request carries a value whose padding the schemas refuse (the dates and times of "
        "answers and events do): the kit judges it in every message the target sends"
    ),
    DsmRule.TIME_RANGE: (
        "the dates and times of the protocols are in answers and events (the one a request may "
        "carry, a Subscribe's wse:Expires, is WS-Eventing's, which the kit sends only to set up "
        "its subscriptions): the kit judges them in every message the target sends"
    ),
    DsmRule.FAULT_CODE: (
        "only a fault has a fault code, and the kit sends the target requests: the kit judges "
        "it in every fault the target sends"
    ),
    DsmRule.ELEMENT_DATA: (
        "ElementData is in answers only: the kit judges it in every answer the target sends"
    ),
    DsmRule.ATTRIBUTE_FORM: (
        "the dual-form attributes (Id, Name, Valid) are in answers and events only: the kit "
        "judges them in every message the target sends"
    ),
    DsmRule.ATTRIBUTE_COUNT: (
        "the dual-form attributes (Id, Name, Valid) are in answers and events only: the kit "
        "judges them in every message the target sends"
    ),
    DsmRule.VALID_TICKET: (
        "ValidTicket is in ValidateScanTicketResponse only: the kit judges it in every answer "
        "the target sends"
    ),
    DsmRule.LEAF_ATTRIBUTE: (
        "the schemas allow a vendor attribute there; dsm-messages refuses one only because it "
        "cannot keep it, so a target that accepts it keeps the protocol"
    ),
}


# -- the requests that carry a defect -------------------------------------------------------------
_DSP_NAME = QName(ns.DSP, "JobStatus")
_ELEMENTS: dict[str, Callable[[], object]] = {
    "dsc": lambda: dsc.GetRepositoryElementsRequest(
        requested_elements=dsc.RequestedRepositoryElementsType(
            name=[QName(ns.DSC, "RepositoryConfiguration")]
        )
    ),
    "dsd": lambda: dsd.GetScannerElementsRequest(
        requested_elements=wscn.RequestedScannerElementsType(
            name=[QName(ns.WSCN, "ScannerDescription")]
        )
    ),
    "wscn": lambda: wscn.GetScannerElementsRequest(
        requested_elements=wscn.RequestedScannerElementsType(
            name=[QName(ns.WSCN, "ScannerDescription")]
        )
    ),
}
_ACTIVE_JOBS: dict[str, Callable[[], object]] = {
    "dsc": dsc.GetActiveJobsRequest,
    "dsd": dsd.GetActiveJobsRequest,
    "wscn": wscn.GetActiveJobsRequest,
}


def _serialized(address: str, body: object) -> Message:
    message_id = new_message_id()
    return Message(data=serialize(body, to=address, message_id=message_id), message_id=message_id)


def _body_of(protocol: str, carrier: str, token: str) -> object:
    """The body of the well-formed request a breaker's carrier names (``token``: the job a
    WS-DSP carrier is about)."""
    if protocol == "dsp":
        if carrier == "elements":
            return dsp.GetPostScanJobElementsRequest(
                job_token=token, requested_elements=dsp.RequestedElementsType(name=[_DSP_NAME])
            )
        return dsp.CancelPostScanJobRequest(job_token=token)
    if carrier == "ticket":
        if protocol == "dsd":
            return wscn.ValidateScanTicketRequest(scan_ticket=scan_ticket())
        return wscn.CreateScanJobRequest(scan_ticket=scan_ticket())
    if carrier in ("elements", "required", "stale"):
        return _ELEMENTS[protocol]()
    return _ACTIVE_JOBS[protocol]()


def build_carrier(
    protocol: str,
    carrier: str,
    address: str,
    *,
    token: str = "0d6f3c1e-0000-4000-8000-000000000000",
    create: dsp.CreatePostScanJobRequest | None = None,
) -> Message:
    """The well-formed request a breaker edits, addressed to ``address``."""
    if protocol == "dsp" and carrier == "create":
        return _serialized(address, create)
    if protocol == "dsp" and carrier == "package":
        message_id = new_message_id()
        content_type, chunks = build_send_image(
            image_request(token, 1), IMAGE, to=address, message_id=message_id, reply_to=ANONYMOUS
        )
        return Message(data=b"".join(chunks), content_type=content_type, message_id=message_id)
    return _serialized(address, _body_of(protocol, carrier, token))


def _job(play: Play) -> Steps:
    response = yield from play.call("dsp", scan_process(play))
    token: str = response.body_as(dsp.CreatePostScanJobResponse).job_token
    play.own("dsp", token)
    return token


def carrier_for(play: Play, protocol: str, carrier: str) -> Steps:
    """Set up what a breaker's carrier needs (a job of its own for most WS-DSP ones; for an
    operation not every target offers, that it is offered), then build it."""
    address = play.service(protocol).address
    if protocol == "dsp" and carrier in ("create", "required"):
        return build_carrier(protocol, carrier, address, create=scan_process(play))
    if protocol == "dsp":
        token = yield from _job(play)
        if carrier == "elements":
            yield from play.offered(protocol, _body_of(protocol, carrier, token))
        return build_carrier(protocol, carrier, address, token=token)
    if not (carrier == "ticket" and protocol == "wscn"):
        yield from play.offered(protocol, _body_of(protocol, carrier, ""))
    return build_carrier(protocol, carrier, address)


def generated_probes() -> Iterator[Probe]:
    """One probe per breaker and protocol it applies to: ``<protocol>.<rule>``."""
    for breaker in BREAKERS:
        for protocol in breaker.protocols:
            yield Probe(
                id=f"{protocol}.{breaker.rule}" + (f".{breaker.name}" if breaker.name else ""),
                protocol=protocol,
                summary=f"Refuses {breaker.what}",
                rules=(breaker.rule,),
                play=_script(breaker, protocol),
                steps=_steps(breaker, protocol),
                generated=True,
            )


_CARRIER_TEXT = {
    ("dsp", "plain"): "a CancelPostScanJob of a job it creates",
    ("dsp", "required"): "a CancelPostScanJob",
    ("dsp", "stale"): "a CancelPostScanJob of a job it creates",
    ("dsp", "package"): "a SendImage (MTOM) for a job it creates",
    ("dsp", "elements"): "a GetPostScanJobElements of a job it creates",
    ("dsp", "create"): "a CreatePostScanJob",
    ("dsd", "ticket"): "a ValidateScanTicket",
    ("wscn", "ticket"): "a CreateScanJob",
    ("dsc", "elements"): "a GetRepositoryElements",
    ("dsc", "required"): "a GetRepositoryElements",
}


def _steps(breaker: Breaker, protocol: str) -> str:
    carrier = _CARRIER_TEXT.get((protocol, breaker.carrier))
    if carrier is None:
        carrier = "a GetScannerElements" if breaker.carrier != "plain" else "a GetActiveJobs"
    relation = "related to the request" if breaker.relates else "related to it if it could be read"
    return (
        f"Sends {carrier} with this defect: {breaker.what}. Expects the fault the rule's row "
        f"names, with its HTTP status, {relation}."
    )


def _script(breaker: Breaker, protocol: str) -> Callable[[Play], Script]:
    def script(play: Play) -> Script:
        message = yield from carrier_for(play, protocol, breaker.carrier)
        broken = breaker.edit(message)
        yield from play.refused(
            protocol,
            broken.data,
            content_type=broken.content_type,
            message_id=broken.message_id,
            summary=breaker.what,
            relates=breaker.relates,
        )

    return script
