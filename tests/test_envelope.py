"""SOAP 1.2 envelopes: every body round-trips with its action; replies are addressed right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from test_roundtrip import sample_key

from dsm_messages import (
    MESSAGE_TYPES,
    BindingError,
    DsmError,
    MessageType,
    XmlSyntaxError,
    load_schema,
)
from dsm_messages.envelope import ANONYMOUS, EnvelopeError, parse, reply, serialize
from dsm_messages.messages import FAULT_ACTION
from dsm_messages.models import dsp, soap
from dsm_messages.testing.samples import SAMPLES

SERVICE = "https://scansrv01.corp.example:5362/ScanServer/6f1c2a4e-93b7-4d0b-8c55-0d2e8b7a1f30"
REQUEST_ID = "urn:uuid:0b6f1d5e-6a43-4b8e-9f3c-2f7d1c9a4e01"
MESSAGES = [entry for entry in MESSAGE_TYPES if entry.kind != "document"]
DSP = dsp.EndPostScanJobRequest.Meta.namespace
END_REQUEST = dsp.EndPostScanJobRequest(job_token="264a19bf")


@pytest.mark.parametrize("entry", MESSAGES, ids=sample_key)
def test_every_body_round_trips_through_an_envelope(entry: MessageType) -> None:
    sample = SAMPLES[sample_key(entry)]
    data = serialize(sample, to=SERVICE, message_id=REQUEST_ID)
    schema = load_schema()
    assert schema.validate(etree.fromstring(data)), [str(e) for e in schema.error_log]
    envelope = parse(data)
    assert envelope.body == sample
    assert envelope.action == entry.action
    assert envelope.message_type is entry
    assert (envelope.to, envelope.message_id) == (SERVICE, REQUEST_ID)


def test_headers_come_in_the_documented_order_with_a_fresh_uuid() -> None:
    data = serialize(END_REQUEST, to=SERVICE, reply_to=ANONYMOUS)
    header = etree.fromstring(data)[0]
    names = [etree.QName(child).localname for child in header]
    assert names == ["To", "Action", "MessageID", "ReplyTo"]
    assert header[2].text is not None
    assert header[2].text.startswith("urn:uuid:")
    assert serialize(END_REQUEST, to=SERVICE) != serialize(END_REQUEST, to=SERVICE)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope')


def test_response_relates_to_the_request_and_goes_to_reply_to() -> None:
    request = parse(
        serialize(
            END_REQUEST,
            to=SERVICE,
            message_id=REQUEST_ID,
            reply_to="http://mfp-3f.corp.example/replies",
        )
    )
    answer = parse(reply(request, dsp.EndPostScanJobResponse()))
    assert answer.relates_to == REQUEST_ID
    assert answer.to == "http://mfp-3f.corp.example/replies"
    assert answer.action.endswith("/processing/EndPostScanJobResponse")
    assert answer.message_id != REQUEST_ID


def test_response_without_reply_to_goes_to_the_anonymous_address() -> None:
    request = parse(serialize(END_REQUEST, to=SERVICE, message_id=REQUEST_ID))
    assert parse(reply(request, dsp.EndPostScanJobResponse())).to == ANONYMOUS


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            {
                "fault_to": "http://a/faults",
                "reply_to": "http://a/replies",
                "from_": "http://a/me",
            },
            "http://a/faults",
        ),
        ({"reply_to": "http://a/replies", "from_": "http://a/me"}, "http://a/replies"),
        ({"from_": "http://a/me"}, "http://a/me"),
        ({}, ANONYMOUS),
    ],
)
def test_fault_destination_preference(headers: dict[str, str], expected: str) -> None:
    request = parse(
        serialize(
            END_REQUEST,
            to=SERVICE,
            message_id=REQUEST_ID,
            fault_to=headers.get("fault_to"),
            reply_to=headers.get("reply_to"),
            from_=headers.get("from_"),
        )
    )
    answer = parse(reply(request, SAMPLES["soap:Fault"]))
    assert answer.to == expected
    assert answer.action == FAULT_ACTION
    assert answer.relates_to == REQUEST_ID
    assert answer.is_fault


def test_reply_needs_a_message_id() -> None:
    data = serialize(END_REQUEST, to=SERVICE)
    request = parse(
        data.replace(b"<wsa:MessageID>", b"<wsa:X>").replace(b"</wsa:MessageID>", b"</wsa:X>")
    )
    with pytest.raises(EnvelopeError, match="no wsa:MessageID"):
        reply(request, dsp.EndPostScanJobResponse())


def test_vendor_header_blocks_are_kept_exactly() -> None:
    block = b'<v:Trace xmlns:v="urn:vendor" v:hop="2">panel-7 <v:id>42</v:id></v:Trace>'
    envelope = parse(serialize(END_REQUEST, to=SERVICE, headers=[block]))
    assert envelope.extra_headers == (block,)


def test_unknown_action_is_reported_by_name() -> None:
    data = serialize(END_REQUEST, to=SERVICE, action="urn:acme:Frobnicate")
    with pytest.raises(EnvelopeError, match="unknown action 'urn:acme:Frobnicate'"):
        parse(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"/>',
            "not a SOAP 1.2 Envelope",
        ),
        (
            b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body/></s:Envelope>',
            "no wsa:Action",
        ),
    ],
)
def test_not_a_dsm_envelope(data: bytes, message: str) -> None:
    with pytest.raises(EnvelopeError, match=message):
        parse(data)


def test_unknown_body_and_two_bodies_are_errors() -> None:
    data = serialize(END_REQUEST, to=SERVICE)
    with pytest.raises(EnvelopeError, match=r"\{urn:x\}Thing is not a known DSM message body"):
        parse(
            data.replace(b"<soap:Body>", b'<soap:Body><x:Thing xmlns:x="urn:x"/>')
            .replace(b"<dsp:EndPostScanJobRequest>", b"<!--")
            .replace(b"</dsp:EndPostScanJobRequest>", b"-->")
        )
    with pytest.raises(EnvelopeError, match="holds 2 elements"):
        parse(data.replace(b"<soap:Body>", b'<soap:Body><x:Thing xmlns:x="urn:x"/>'))


def test_malformed_bytes_raise_the_syntax_error_with_position() -> None:
    with pytest.raises(XmlSyntaxError) as caught:
        parse(b"<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'>\n<a>")
    assert caught.value.line == 2


def test_empty_body_needs_an_explicit_action() -> None:
    with pytest.raises(EnvelopeError, match="explicit action"):
        serialize(None, to=SERVICE)


UNSUBSCRIBE_RESPONSE = "http://schemas.xmlsoap.org/ws/2004/08/eventing/UnsubscribeResponse"


def test_unsubscribe_response_travels_with_an_empty_body() -> None:
    envelope = parse(serialize(None, to=ANONYMOUS, action=UNSUBSCRIBE_RESPONSE))
    assert envelope.body is None
    assert envelope.action == UNSUBSCRIBE_RESPONSE


def test_a_body_under_an_empty_body_action_is_refused() -> None:
    data = serialize(END_REQUEST, to=SERVICE, action=UNSUBSCRIBE_RESPONSE)
    with pytest.raises(EnvelopeError, match="announces an empty soap:Body"):
        parse(data)


def test_unknown_action_is_named() -> None:
    action = "http://example.com/vendor/Frobnicate"
    with pytest.raises(EnvelopeError, match=re.escape(f"unknown action {action!r}")):
        parse(serialize(END_REQUEST, to=SERVICE, action=action))


HEADER_WITH_ATTRIBUTES = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" '
    b'xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
    b'xmlns:dsp="http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing" '
    b'xmlns:v="urn:vendor"><soap:Header>'
    b'<wsa:To v:hop="2">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>'
    b"<wsa:Action>http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing/"
    b"EndPostScanJobResponse</wsa:Action>"
    b"<wsa:MessageID>urn:uuid:00000000-0000-4000-8000-000000000002</wsa:MessageID>"
    b'<wsa:RelatesTo RelationshipType="wsa:Reply">'
    b"urn:uuid:00000000-0000-4000-8000-000000000001</wsa:RelatesTo>"
    b"</soap:Header><soap:Body><dsp:EndPostScanJobResponse/></soap:Body></soap:Envelope>"
)


def test_attributes_on_addressing_headers_are_kept_and_written_back() -> None:
    envelope = parse(HEADER_WITH_ATTRIBUTES)
    assert envelope.header_attributes == {
        "to": {"{urn:vendor}hop": "2"},
        "relates_to": {"RelationshipType": "wsa:Reply"},
    }
    again = parse(envelope.to_bytes())
    assert again == envelope
    written = etree.fromstring(envelope.to_bytes())
    relates_to = written.find(".//{http://schemas.xmlsoap.org/ws/2004/08/addressing}RelatesTo")
    assert relates_to is not None
    # the QName value still resolves: wsa is declared where it is used
    assert relates_to.nsmap[relates_to.get("RelationshipType", "").split(":")[0]] == (
        "http://schemas.xmlsoap.org/ws/2004/08/addressing"
    )


def test_to_bytes_invents_nothing() -> None:
    data = HEADER_WITH_ATTRIBUTES.replace(
        b"<wsa:MessageID>urn:uuid:00000000-0000-4000-8000-000000000002</wsa:MessageID>", b""
    )
    envelope = parse(data)
    assert envelope.message_id is None
    assert b"MessageID" not in envelope.to_bytes()


def test_fault_body_is_typed() -> None:
    envelope = parse(serialize(SAMPLES["soap:Fault"], to=ANONYMOUS))
    assert isinstance(envelope.body, soap.Fault)
    assert envelope.action == FAULT_ACTION


def test_doc_example_request_parses(doc_examples: Path) -> None:
    envelope = parse((doc_examples / "dsp-createpostscanjobrequest.xml").read_bytes())
    assert isinstance(envelope.body, dsp.CreatePostScanJobRequest)
    assert envelope.to == "DestinationAddress"  # the page's placeholder, kept as written
    assert envelope.message_id == "urn:uuid:c7a18640-1e15-48ac-8326-0026a5719d98"


def test_vendor_extensions_in_the_body_survive_parse_and_serialize() -> None:
    event = SAMPLES["dsp:PostScanJobStatusEvent"]
    data = serialize(event, to=SERVICE, message_id=REQUEST_ID).replace(
        b"<dsp:JobStatus>", b'<dsp:JobStatus xmlns:acme="urn:acme" acme:source="panel">'
    )
    data = data.replace(
        b"</dsp:PostScanJobStatusEvent>",
        b'<acme:Queue xmlns:acme="urn:acme">2</acme:Queue></dsp:PostScanJobStatusEvent>',
    )
    envelope = parse(data)
    assert isinstance(envelope.body, dsp.PostScanJobStatusEvent)
    assert envelope.body.job_status.other_attributes == {"{urn:acme}source": "panel"}
    again = serialize(envelope.body, to=SERVICE, message_id=REQUEST_ID)
    assert parse(again).body == envelope.body
    body = etree.fromstring(again).find(f".//{{{DSP}}}PostScanJobStatusEvent")
    assert body is not None
    assert body.findtext("{urn:acme}Queue") == "2"
    status = body.find(f"{{{DSP}}}JobStatus")
    assert status is not None
    assert status.get("{urn:acme}source") == "panel"


def test_an_attribute_on_a_plain_value_is_refused_not_dropped() -> None:
    data = serialize(END_REQUEST, to=SERVICE, message_id=REQUEST_ID).replace(
        b"<dsp:JobToken>",
        b'<dsp:JobToken xmlns:acme="urn:acme" acme:source="panel">',
    )
    with pytest.raises(
        BindingError, match=r"DSM-LEAF-ATTRIBUTE: attribute \{urn:acme\}source on \S*JobToken"
    ):
        parse(data)


def test_a_comment_inside_a_value_is_not_the_end_of_the_value() -> None:
    data = serialize(END_REQUEST, to=SERVICE, message_id=REQUEST_ID).replace(
        b"264a19bf", b"264a<!--x-->19<?pi?>bf"
    )
    body = parse(data).body
    assert isinstance(body, dsp.EndPostScanJobRequest)
    assert body.job_token == "264a19bf"


def test_parse_reads_an_mtom_package_when_given_its_content_type() -> None:
    from dsm_messages.mtom import build_send_image

    request = SAMPLES["dsp:SendImageRequest"]
    assert isinstance(request, dsp.SendImageRequest)
    content_type, chunks = build_send_image(request, b"\x00\x01IMAGE", to=SERVICE)
    envelope = parse(b"".join(chunks), content_type=content_type)
    assert isinstance(envelope.body, dsp.SendImageRequest)
    assert envelope.body.image_data == b"\x00\x01IMAGE"


@pytest.mark.parametrize(
    "written",
    [
        "2026-03-02T09:21:04.5242689Z",  # Windows: seven fractional digits
        "2026-03-02T09:15:27.519",  # server local time, no zone
        "2026-03-02T09:15:27.50+01:00",
        "2026-03-02T09:15:27",
    ],
)
def test_date_times_are_written_back_as_they_were_read(written: str) -> None:
    data = Path(__file__).resolve().parent.parent / "examples" / "dsp-03-job-status-event.xml"
    original = data.read_bytes().replace(b"2026-03-02T09:15:27.519Z", written.encode())
    assert original != data.read_bytes()
    envelope = parse(original)
    again = serialize(envelope.body, to=SERVICE)
    assert f"<dsp:JobCreatedTime>{written}</dsp:JobCreatedTime>".encode() in again
    assert parse(again).body == envelope.body


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        ((b"</dsp:JobToken>", b"</dsp:JobToken>stray"), "text 'stray' inside"),
        ((b"<dsp:EndPostScanJobRequest>", b"<dsp:EndPostScanJobRequest>text"), "text 'text'"),
        (
            (
                b"<wsa:ReplyTo>",
                b"<wsa:ReplyTo><wsa:Address>http://x/</wsa:Address></wsa:ReplyTo><wsa:ReplyTo>",
            ),
            "ReplyTo appears more than once",
        ),
        ((b"</dsp:JobToken>", b"</dsp:JobToken><dsp:JobToken>b</dsp:JobToken>"), "JobToken"),
    ],
    ids=["text-between-elements", "text-before-elements", "two-reply-to", "two-job-tokens"],
)
def test_parse_without_validation_refuses_what_it_cannot_keep(
    edit: tuple[bytes, bytes], expected: str
) -> None:
    """The unvalidated path binds what the schemas may refuse, but never drops text, picks one
    of two ReplyTo headers or one of two JobTokens: it refuses."""
    data = serialize(END_REQUEST, to=SERVICE, message_id=REQUEST_ID).replace(*edit)
    with pytest.raises(DsmError, match=re.escape(expected)):
        parse(data)


def test_a_vendor_attribute_holding_a_prefixed_name_keeps_its_meaning() -> None:
    event = SAMPLES["dsp:PostScanJobStatusEvent"]
    data = serialize(event, to=SERVICE, message_id=REQUEST_ID).replace(
        b"<dsp:JobStatus>",
        b'<dsp:JobStatus xmlns:vnd="urn:example:vendor" vnd:state="vnd:Throttled">',
    )
    envelope = parse(data)
    assert isinstance(envelope.body, dsp.PostScanJobStatusEvent)
    value = envelope.body.job_status.other_attributes["{urn:example:vendor}state"]
    assert value == "{urn:example:vendor}Throttled"
    again = etree.fromstring(envelope.to_bytes()).find(f".//{{{DSP}}}JobStatus")
    assert again is not None
    written = again.get("{urn:example:vendor}state")
    assert written is not None
    prefix, _, local = written.partition(":")
    assert (again.nsmap[prefix], local) == ("urn:example:vendor", "Throttled")
    assert parse(envelope.to_bytes()) == envelope
