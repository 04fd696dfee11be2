"""One call per message: Endpoint builds what goes on the wire and updates the session at once."""

from __future__ import annotations

import io
import pickle
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from lxml import etree
from xsdata.formats.dataclass.models.generics import AnyElement
from xsdata.models.datatype import XmlDuration

from dsm_messages import (
    ANONYMOUS,
    About,
    Endpoint,
    Envelope,
    EnvelopeError,
    LocalProtocolError,
    RemoteProtocolError,
    Subscriber,
    about,
    build_send_image,
    fault_for,
    parse,
    parse_package,
    reply,
    serialize,
    validate,
)
from dsm_messages.faults import DSP_INVALID_ARGS, MESSAGE_INFORMATION_HEADER_REQUIRED, Fault
from dsm_messages.models import dsp, soap, wsa, wse
from dsm_messages.testing.conversations import (
    create_body,
    end_state_body,
    send_image_body,
    status_body,
)

SERVER = "https://scansrv01.example:5362/ScanServer/7"
SINK = "http://127.0.0.1:5357/sink"


def open_job(token: str = "264a19bf") -> tuple[Endpoint, Endpoint]:
    """A device and a scan server that agree a job ``token`` exists."""
    device, server = Endpoint("device"), Endpoint("scan_server")
    request = server.receive(device.request(create_body(), to=SERVER))
    device.receive(server.reply(request, dsp.CreatePostScanJobResponse(job_token=token)))
    return device, server


def test_a_request_has_a_fresh_message_id_and_reply_to_anonymous_and_is_strict_valid() -> None:
    device = Endpoint("device")
    first = parse(device.request(create_body(), to=SERVER))
    second = parse(device.request(create_body(), to=SERVER))
    assert first.message_id is not None
    assert first.message_id.startswith("urn:uuid:")
    assert first.message_id != second.message_id
    assert first.reply_to is not None
    assert first.reply_to.address.value == ANONYMOUS
    assert validate(first.to_bytes()).valid


def test_a_reply_is_addressed_related_and_applied() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    wire = device.request(create_body(), to=SERVER)
    request = server.receive(wire)
    answer = parse(server.reply(request, dsp.CreatePostScanJobResponse(job_token="t1")))
    assert answer.relates_to == parse(wire).message_id
    assert answer.to == ANONYMOUS
    assert ("dsp", "t1") in {(job.protocol, job.job) for job in server.session.jobs()}


@pytest.mark.parametrize("padding", [" ", "<![CDATA[ ]]>", "\n\t"])
def test_a_lenient_server_answers_a_padded_reply_to_at_the_address_it_names(padding: str) -> None:
    # lenient reads a ReplyTo address padded with whitespace (with a warning); the answer,
    # and the fault to a request refused, go to the URI, which holds no whitespace
    device = Endpoint("device")
    server = Endpoint("scan_server", profile="lenient")
    anonymous = f"<wsa:Address>{ANONYMOUS}</wsa:Address>".encode()
    padded = f"<wsa:Address>{padding}{ANONYMOUS}</wsa:Address>".encode()
    wire = device.request(create_body(), to=SERVER).replace(anonymous, padded)
    assert padded in wire
    request = server.receive(wire)
    answer = server.reply(request, dsp.CreatePostScanJobResponse(job_token="t1"))
    assert parse(answer).to == ANONYMOUS
    assert validate(answer).valid
    # (read without validation the address keeps its padding; the answer's To does not)
    as_written = parse(wire)
    assert as_written.reply_to is not None
    assert as_written.reply_to.address.value != ANONYMOUS
    assert parse(reply(as_written, dsp.CreatePostScanJobResponse(job_token="t1"))).to == ANONYMOUS
    refused = serialize(dsp.EndPostScanJobRequest(job_token="t1"), to=SERVER)
    refused = refused.replace(anonymous, padded)  # (a job this server never created)
    assert padded in refused
    other = Endpoint("scan_server", profile="lenient")
    with pytest.raises(RemoteProtocolError) as caught:
        other.receive(refused)
    fault = other.refuse(caught.value)
    assert parse(fault).to == ANONYMOUS
    assert validate(fault).valid


def test_a_package_is_read_leniently_as_its_envelope_alone_would_be() -> None:
    # the root part of a package is read as the lenient checks repaired it, as a plain
    # envelope is: the padded ReplyTo address trimmed, so that the answer (here a fault to a
    # job never created) goes to the URI it names
    content_type, chunks = build_send_image(send_image_body("nope", 1), b"%PDF", to=SERVER)
    anonymous = f"<wsa:Address>{ANONYMOUS}</wsa:Address>".encode()
    padded = f"<wsa:Address><![CDATA[ ]]>{ANONYMOUS}</wsa:Address>".encode()
    package = b"".join(chunks).replace(anonymous, padded)
    assert padded in package
    read = parse(package, content_type=content_type, validate=True, profile="lenient")
    assert read.reply_to is not None
    assert read.reply_to.address.value == ANONYMOUS
    assert read.body_as(dsp.SendImageRequest).image_data == b"%PDF"
    server = Endpoint("scan_server", profile="lenient")
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(package, content_type=content_type)
    assert caught.value.rule == "DSP-1"
    fault = server.refuse(caught.value)
    assert parse(fault).to == ANONYMOUS
    assert validate(fault).valid


def test_answering_twice_is_refused_and_changes_nothing() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    request = server.receive(device.request(create_body(), to=SERVER))
    server.reply(request, dsp.CreatePostScanJobResponse(job_token="t1"))
    before = server.session.jobs()
    with pytest.raises(LocalProtocolError) as caught:
        server.reply(request, dsp.CreatePostScanJobResponse(job_token="t2"))
    assert caught.value.rule == "DSP-17"
    assert server.session.jobs() == before


def test_what_the_endpoint_sends_is_checked_against_the_schemas() -> None:
    device = Endpoint("device")
    with pytest.raises(LocalProtocolError) as caught:
        device.request(dsp.EndPostScanJobRequest(job_token="x" * 256), to=SERVER)
    assert caught.value.rule == "DSM-XSD"
    assert "JobToken" in caught.value.reason
    assert device.session.jobs() == []


def test_a_request_for_a_job_never_created_is_refused_locally() -> None:
    device = Endpoint("device")
    with pytest.raises(LocalProtocolError) as caught:
        device.request(dsp.EndPostScanJobRequest(job_token="nope"), to=SERVER)
    assert caught.value.rule == "DSP-1"
    assert caught.value.fault == DSP_INVALID_ARGS


def test_a_refused_request_is_answered_with_its_fault() -> None:
    _device, server = open_job()
    wrong_case = serialize(dsp.EndPostScanJobRequest(job_token="264A19BF"), to=SERVER)
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(wrong_case)
    error = caught.value
    assert error.rule == "DSP-2"
    assert error.fault == DSP_INVALID_ARGS
    answer = parse(server.refuse(error))
    assert isinstance(answer.body, soap.Fault)
    assert Fault.from_model(answer.body) == DSP_INVALID_ARGS
    assert answer.relates_to == parse(wrong_case).message_id
    # the session counts the request answered: a second answer is refused
    with pytest.raises(LocalProtocolError):
        server.refuse(error)


def test_an_unreadable_request_is_answered_with_the_headers_that_could_be_read() -> None:
    _, server = open_job()
    good = serialize(dsp.EndPostScanJobRequest(job_token="264a19bf"), to=SERVER, fault_to=SINK)
    broken = good.replace(b"<dsp:JobToken>", b"<dsp:JobToken><dsp:Stray/>")
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(broken)
    error = caught.value
    assert error.rule == "DSM-XSD"
    assert error.envelope.message_id == parse(good).message_id
    answer = parse(server.refuse(error))
    assert answer.relates_to == parse(good).message_id
    assert answer.to == SINK  # FaultTo first
    assert isinstance(answer.body, soap.Fault)
    assert Fault.from_model(answer.body) == error.fault


def test_bytes_that_are_not_xml_are_answered_with_a_fault_related_to_nothing() -> None:
    server = Endpoint("scan_server")
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(b"<not xml")
    assert caught.value.rule == "DSM-XML-MALFORMED"
    answer = parse(server.refuse(caught.value))
    assert answer.relates_to is None
    assert answer.to == ANONYMOUS
    assert isinstance(answer.body, soap.Fault)
    assert answer.body.code.value == soap.FaultCodeEnum.SOAP_SENDER


def test_a_request_without_reply_to_is_refused_with_the_addressing_fault() -> None:
    _, server = open_job()
    bare = serialize(dsp.EndPostScanJobRequest(job_token="264a19bf"), to=SERVER, reply_to=None)
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(bare)
    assert caught.value.rule == "DSM-REPLY-TO-MISSING"
    assert caught.value.fault == MESSAGE_INFORMATION_HEADER_REQUIRED


def test_protocol_errors_pickle_with_their_fault() -> None:
    with pytest.raises(RemoteProtocolError) as caught:
        Endpoint("scan_server").receive(b"<not xml")
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is RemoteProtocolError
    assert (again.rule, again.fault, again.reason) == (
        caught.value.rule,
        caught.value.fault,
        caught.value.reason,
    )


def subscribe(
    reference: AnyElement | None = None, clock: Callable[[], datetime] | None = None
) -> tuple[Endpoint, Endpoint, Subscriber]:
    device, server = Endpoint("device", clock=clock), Endpoint("scan_server", clock=clock)
    notify_to = wse.NotifyTo(
        address=wsa.AttributedURI(value=SINK),
        reference_parameters=None
        if reference is None
        else wsa.ReferenceParametersType(any_element=[reference]),
    )
    request = server.receive(
        device.request(wse.Subscribe(delivery=wse.DeliveryType(notify_to=notify_to)), to=SERVER)
    )
    response = wse.SubscribeResponse(
        subscription_manager=wsa.EndpointReferenceType(address=wsa.AttributedURI(value=SERVER)),
        expires=wse.ExpirationType(value=parse_duration("PT1H")),
    )
    device.receive(server.reply(request, response))
    return device, server, Subscriber.from_subscribe(request)


def parse_duration(text: str) -> XmlDuration:
    return XmlDuration(text)


def test_an_event_goes_to_notify_to_and_echoes_its_reference_parameters() -> None:
    reference = AnyElement(qname="{urn:example:sink}Subscriber", text="42")
    device, server, subscriber = subscribe(reference)
    assert subscriber.address == SINK
    request = server.receive(device.request(create_body(), to=SERVER))
    server.reply(request, dsp.CreatePostScanJobResponse(job_token="t1"))
    wire = server.event(status_body("t1", "Processing"), subscriber=subscriber)
    event = parse(wire)
    assert event.to == SINK
    (block,) = event.extra_headers
    assert etree.fromstring(block).tag == "{urn:example:sink}Subscriber"
    assert etree.fromstring(block).text == "42"
    assert validate(wire).valid


def test_send_image_updates_the_session_before_any_chunk_is_made() -> None:
    device, server = open_job()
    image = io.BytesIO(b"%PDF-1.7 " + bytes(range(256)) * 64)
    content_type, chunks = device.send_image(send_image_body("264a19bf", 1), image, to=SERVER)
    assert image.tell() == 0  # nothing read yet
    data = b"".join(chunks)
    received = server.receive(data, content_type=content_type)
    assert isinstance(received.body, dsp.SendImageRequest)
    assert received.body.image_data == image.getvalue()
    assert parse_package(data, content_type).envelope.message_id == received.message_id


def test_send_image_for_an_unknown_job_is_refused_before_reading_the_image() -> None:
    device = Endpoint("device")
    image = io.BytesIO(b"never read")
    with pytest.raises(LocalProtocolError) as caught:
        device.send_image(send_image_body("nope", 1), image, to=SERVER)
    assert caught.value.rule == "DSP-1"
    assert image.tell() == 0


def test_a_job_times_out_ten_minutes_after_its_last_message() -> None:
    now = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC)]
    device, server, subscriber = subscribe(clock=lambda: now[0])
    request = server.receive(device.request(create_body(), to=SERVER))
    device.receive(server.reply(request, dsp.CreatePostScanJobResponse(job_token="t1")))
    now[0] += timedelta(minutes=4)
    content_type, chunks = device.send_image(send_image_body("t1", 1), b"%PDF", to=SERVER)
    image = server.receive(b"".join(chunks), content_type=content_type)
    server.reply(image, dsp.SendImageResponse())
    # the server's clock is first asked long after the image: it counts from the image
    assert server.session.advance(now[0] + timedelta(minutes=9, seconds=59)) == ()
    assert server.session.advance(now[0] + timedelta(minutes=10)) == ("t1",)
    assert [(job.job, job.phase) for job in server.session.jobs()] == [("t1", "open")]
    assert server.session.finish() == []  # a timed-out job is not left open
    # and the end state it owes names the well-known reason
    end = end_state_body("t1", "Aborted", reason="PostScanJobTimedOut", images=1)
    wire = server.event(end, subscriber=subscriber)
    assert validate(wire).valid
    assert b"<dsp:JobStateReason>PostScanJobTimedOut</dsp:JobStateReason>" in wire


def test_an_observer_is_no_endpoint() -> None:
    with pytest.raises(ValueError, match="observer"):
        Endpoint("observer")


def test_subscriber_needs_a_subscribe_request() -> None:
    envelope = parse(serialize(dsp.EndPostScanJobRequest(job_token="t"), to=SERVER))
    with pytest.raises(ValueError, match="Subscribe"):
        Subscriber.from_subscribe(envelope)


def test_about_names_protocol_operation_job_and_sender() -> None:
    device, server = open_job()
    content_type, chunks = device.send_image(send_image_body("264a19bf", 3), b"x", to=SERVER)
    image = server.receive(b"".join(chunks), content_type=content_type)
    assert about(image) == About(
        protocol="dsp",
        operation="SendImage",
        kind="request",
        job="264a19bf",
        document_id="3",
        sender="device",
    )
    answer = parse(server.reply(image, dsp.SendImageResponse()))
    assert (about(answer).kind, about(answer).sender) == ("response", "scan_server")
    fault = parse(server.refuse(_refused(server)))
    assert (about(fault).kind, about(fault).sender) == ("fault", None)


def _refused(server: Endpoint) -> RemoteProtocolError:
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(serialize(dsp.EndPostScanJobRequest(job_token="nope"), to=SERVER))
    return caught.value


def test_what_serialize_and_build_send_image_make_by_default_is_strict_valid() -> None:
    request = serialize(dsp.EndPostScanJobRequest(job_token="264a19bf"), to=SERVER)
    assert validate(request).valid, validate(request).problems
    content_type, chunks = build_send_image(send_image_body("264a19bf", 1), b"%PDF", to=SERVER)
    package = b"".join(chunks)
    assert validate(package, content_type=content_type).valid
    assert parse(package, content_type=content_type).reply_to is not None


def test_body_as_types_the_body_or_names_what_it_is() -> None:
    envelope = parse(serialize(dsp.EndPostScanJobRequest(job_token="t"), to=SERVER))
    assert envelope.body_as(dsp.EndPostScanJobRequest).job_token == "t"
    with pytest.raises(EnvelopeError, match="EndPostScanJobRequest, not SendImageRequest"):
        envelope.body_as(dsp.SendImageRequest)


def test_a_fault_travels_with_the_http_status_of_its_code() -> None:
    assert DSP_INVALID_ARGS.http_status == 400
    receiver = fault_for("soap:Receiver")
    assert receiver is not None
    assert receiver.http_status == 500


def test_an_attribute_the_models_cannot_keep_is_refused_by_the_receiver() -> None:
    _, server = open_job()
    data = serialize(dsp.EndPostScanJobRequest(job_token="264a19bf"), to=SERVER).replace(
        b"<dsp:JobToken>", b'<dsp:JobToken xmlns:acme="urn:acme" acme:queue="2">'
    )
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(data)
    assert caught.value.rule == "DSM-LEAF-ATTRIBUTE"
    assert caught.value.fault is not None
    assert caught.value.fault.code == "Receiver"


def test_a_package_read_as_it_arrives_goes_where_its_envelope_says() -> None:
    device, server = open_job()
    content_type, chunks = device.send_image(
        send_image_body("264a19bf", 2), b"%PDF-1.7 x", to=SERVER
    )
    stores: dict[tuple[str, int], io.BytesIO] = {}

    def store(envelope: Envelope) -> io.BytesIO:
        body = envelope.body_as(dsp.SendImageRequest)
        key = (body.job_token, body.document_description.document_id)
        return stores.setdefault(key, io.BytesIO())

    reader = server.package_reader(content_type, store=store)
    for byte in b"".join(chunks):  # one byte at a time, as slowly as a network may
        reader.feed(bytes([byte]))
    envelope = reader.close()
    assert envelope.body_as(dsp.SendImageRequest).image_data == b""
    assert {key: sink.getvalue() for key, sink in stores.items()} == {
        ("264a19bf", 2): b"%PDF-1.7 x"
    }
    assert server.reply(envelope, dsp.SendImageResponse())  # applied: it can be answered


def test_a_refused_package_writes_nothing() -> None:
    _, server = open_job()
    content_type, chunks = build_send_image(send_image_body("nope", 1), b"secret", to=SERVER)
    asked: list[Envelope] = []
    reader = server.package_reader(content_type, store=lambda envelope: asked.append(envelope))

    def read_all() -> None:
        for chunk in chunks:
            reader.feed(chunk)
        reader.close()

    with pytest.raises(RemoteProtocolError) as caught:
        read_all()
    assert caught.value.rule == "DSP-1"
    assert asked == []
    assert caught.value.fault == DSP_INVALID_ARGS


def test_a_package_given_without_its_content_type_is_named_as_the_likely_cause() -> None:
    device, server = open_job()
    _, chunks = device.send_image(send_image_body("264a19bf", 1), b"%PDF", to=SERVER)
    with pytest.raises(RemoteProtocolError, match="pass its Content-Type as content_type="):
        server.receive(b"".join(chunks))


def test_a_package_refused_whole_is_answered_with_a_fault_related_to_it() -> None:
    # the root part's headers come first, its Content-ID with a "<" of its own: the
    # addressing headers are read from the envelope after them
    device, server = open_job()
    content_type, chunks = device.send_image(send_image_body("264a19bf", 1), b"%PDF", to=SERVER)
    package = b"".join(chunks)
    image_id = re.findall(rb"Content-ID: <([^>]+)>", package)[1]
    broken = package.replace(b"cid:" + image_id, b"cid:missing." + image_id)
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(broken, content_type=content_type)
    assert caught.value.rule == "DSM-XOP-REFERENCE"
    sent = parse_package(package, content_type).envelope
    assert parse(server.refuse(caught.value)).relates_to == sent.message_id


def test_subscriber_takes_the_envelope_and_says_so() -> None:
    with pytest.raises(TypeError, match="takes the received envelope, not a Subscribe"):
        Subscriber.from_subscribe(wse.Subscribe(delivery=wse.DeliveryType()))  # type: ignore[arg-type]
