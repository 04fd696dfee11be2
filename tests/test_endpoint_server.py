"""What a production scan server needs from an Endpoint: jobs that leave the state once they
are over, events fanned out to many subscribers, requests abandoned when their connection dies,
early end states held by the device, knobs reachable from the Endpoint, and problems drained.

State is counted, never timed."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta

import pytest
from lxml import etree
from xsdata.formats.dataclass.models.generics import AnyElement
from xsdata.models.datatype import XmlDuration

from dsm_messages import (
    Endpoint,
    Envelope,
    FaultError,
    LocalProtocolError,
    RemoteProtocolError,
    Subscriber,
    build_send_image,
    parse,
    serialize,
    validate,
)
from dsm_messages.endpoint import Attachment, ImageChunk
from dsm_messages.faults import Fault
from dsm_messages.models import dsp, soap, wsa, wse
from dsm_messages.session import DEFAULT_WINDOW, JOB_TIMEOUT
from dsm_messages.testing.conversations import (
    cancel_body,
    create_body,
    end_body,
    end_state_body,
    send_image_body,
    status_body,
)

SERVER = "https://scansrv01.example:5362/ScanServer/7"


def sink(number: int) -> str:
    return f"http://127.0.0.1:5357/sink/{number}"


def subscribe(device: Endpoint, server: Endpoint, number: int, tag: str = "") -> Subscriber:
    """The device subscribes with NotifyTo ``sink(number)`` (and a reference parameter)."""
    reference = AnyElement(qname="{urn:example:sink}Who", text=tag or str(number))
    notify_to = wse.NotifyTo(
        address=wsa.AttributedURI(value=sink(number)),
        reference_parameters=wsa.ReferenceParametersType(any_element=[reference]),
    )
    request = server.receive(
        device.request(wse.Subscribe(delivery=wse.DeliveryType(notify_to=notify_to)), to=SERVER)
    )
    response = wse.SubscribeResponse(
        subscription_manager=wsa.EndpointReferenceType(address=wsa.AttributedURI(value=SERVER)),
        expires=wse.ExpirationType(value=XmlDuration("PT1H")),
    )
    device.receive(server.reply(request, response))
    return Subscriber.from_subscribe(request)


def create(device: Endpoint, server: Endpoint, token: str) -> None:
    request = server.receive(device.request(create_body(), to=SERVER))
    device.receive(server.reply(request, dsp.CreatePostScanJobResponse(job_token=token)))


def image(device: Endpoint, server: Endpoint, token: str, document_id: int) -> None:
    content_type, chunks = device.send_image(
        send_image_body(token, document_id), b"%PDF-1.7 page", to=SERVER
    )
    request = server.receive(b"".join(chunks), content_type=content_type)
    device.receive(server.reply(request, dsp.SendImageResponse()))


def end(device: Endpoint, server: Endpoint, token: str) -> None:
    request = server.receive(device.request(end_body(token), to=SERVER))
    device.receive(server.reply(request, dsp.EndPostScanJobResponse()))


def phases(endpoint: Endpoint) -> dict[str, str]:
    return {job.job: job.phase for job in endpoint.session.jobs()}


# -- a job leaves the state once it is over -------------------------------------------------


def test_a_job_ended_with_nobody_subscribed_is_over_without_an_end_state() -> None:
    device, server = Endpoint("device", window=10), Endpoint("scan_server", window=10)
    create(device, server, "t1")
    image(device, server, "t1", 1)
    end(device, server, "t1")
    for endpoint in (device, server):
        assert endpoint.session.finish() == []  # nothing is left open or owed
    for number in range(10):  # the window's messages pass: the job is forgotten
        create(device, server, f"n{number}")
    assert "t1" not in phases(server)
    assert "t1" not in phases(device)


def test_a_canceled_job_with_nobody_subscribed_is_over_once_acknowledged() -> None:
    device, server = Endpoint("device", window=4), Endpoint("scan_server", window=4)
    create(device, server, "t1")
    request = server.receive(device.request(cancel_body("t1"), to=SERVER))
    device.receive(server.reply(request, dsp.CancelPostScanJobResponse()))
    for number in range(4):
        create(device, server, f"n{number}")
    assert "t1" not in phases(server)


def test_a_timed_out_job_leaves_after_the_window_and_the_timeout_is_a_parameter() -> None:
    now = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC)]
    server = Endpoint(
        "scan_server", clock=lambda: now[0], window=3, job_timeout=timedelta(seconds=30)
    )
    device = Endpoint("device", clock=lambda: now[0])
    assert server.session.job_timeout == timedelta(seconds=30)
    assert device.session.job_timeout == JOB_TIMEOUT == timedelta(minutes=10)
    create(device, server, "t1")
    assert server.session.advance(now[0] + timedelta(seconds=29)) == ()
    assert server.session.advance(now[0] + timedelta(seconds=30)) == ("t1",)
    for number in range(3):
        create(device, server, f"n{number}")
    assert "t1" not in phases(server)
    with pytest.raises(ValueError, match="job_timeout"):
        Endpoint("scan_server", job_timeout=timedelta(0))


def test_state_after_many_finished_jobs_is_that_of_the_open_ones() -> None:
    # two hundred jobs, each created, sent an image, ended and reported to the subscriber: the
    # server ends up holding only what is open (two jobs) and the window's short tail
    window = 40
    device, server = Endpoint("device", window=window), Endpoint("scan_server", window=window)
    subscriber = subscribe(device, server, 1)
    create(device, server, "open-1")
    create(device, server, "open-2")
    sizes = []
    for number in range(200):
        token = f"job-{number}"
        create(device, server, token)
        image(device, server, token, 1)
        end(device, server, token)
        ((_, data),) = server.broadcast(end_state_body(token, images=1), subscribers=[subscriber])
        device.receive(data)
        if number % 50 == 49:
            sizes.append(server.session.state_size())
    for endpoint in (device, server):
        jobs = phases(endpoint)
        open_jobs = [job for job, phase in jobs.items() if phase == "open"]
        assert sorted(open_jobs) == ["open-1", "open-2"]
        # jobs are 7 messages long: at most the last window's worth of them are remembered
        assert len(jobs) - len(open_jobs) <= window // 7 + 1
    assert len(set(sizes)) == 1, sizes  # flat: the same after 50 jobs as after 200
    assert sizes[0] <= 4 * window + 2


def test_window_and_every_session_knob_are_reachable_from_the_endpoint() -> None:
    endpoint = Endpoint("scan_server", profile="lenient", window=7, job_timeout=timedelta(hours=1))
    assert (endpoint.session.window, endpoint.session.profile) == (7, "lenient")
    assert endpoint.session.job_timeout == timedelta(hours=1)
    assert Endpoint("device").session.window == DEFAULT_WINDOW
    assert Endpoint("device", window=None).session.window is None
    with pytest.raises(ValueError, match="window"):
        Endpoint("device", window=0)


def test_warnings_are_drained_and_then_forgotten() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    create(device, server, "t1")
    end(device, server, "t1")  # no image: DSP-6, a warning on each side
    drained = server.session.drain_problems()
    assert [(problem.rule, problem.severity) for problem in drained] == [("DSP-6", "warning")]
    assert server.session.warnings == []
    assert server.session.drain_problems() == []
    assert [problem.rule for problem in device.session.drain_problems()] == ["DSP-6"]


# -- fan-out ---------------------------------------------------------------------------------


def ended_for_two(device: Endpoint, server: Endpoint) -> tuple[Subscriber, Subscriber]:
    """Two subscriptions (sinks 1 and 2) and job t1, its one image sent and its end
    answered: the subscribers."""
    first = subscribe(device, server, 1, "first")
    second = subscribe(device, server, 2, "second")
    create(device, server, "t1")
    image(device, server, "t1", 1)
    end(device, server, "t1")
    return first, second


def test_one_event_goes_to_every_subscriber_applied_once() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    first, second = ended_for_two(device, server)
    sent = server.broadcast(end_state_body("t1", images=1), subscribers=[first, second])
    assert [target for target, _ in sent] == [first, second]
    envelopes = [parse(data) for _, data in sent]
    assert [envelope.to for envelope in envelopes] == [sink(1), sink(2)]
    assert [etree.fromstring(e.extra_headers[0]).text for e in envelopes] == ["first", "second"]
    assert len({envelope.message_id for envelope in envelopes}) == 2
    assert all(validate(data).valid for _, data in sent)
    assert phases(server) == {"t1": "finished"}
    # applied once: the same end state again is a second one
    with pytest.raises(LocalProtocolError) as caught:
        server.broadcast(end_state_body("t1", images=1), subscribers=[first])
    assert caught.value.rule == "DSP-25"
    device.receive(sent[0][1])  # the device takes one copy (the other went elsewhere)
    assert phases(device) == {"t1": "finished"}


def test_a_copy_to_another_subscriber_is_the_same_event_sent_again_to_one_a_second() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    first, second = ended_for_two(device, server)
    ((_, to_first),) = server.broadcast(end_state_body("t1", images=1), subscribers=[first])
    # later, one subscriber at a time: the second subscriber's copy is the same end state
    to_second = server.event(end_state_body("t1", images=1), subscriber=second)
    for target in (first, second):  # but either of them once more is a second end state
        with pytest.raises(LocalProtocolError) as caught:
            server.broadcast(end_state_body("t1", images=1), subscribers=[target])
        assert caught.value.rule == "DSP-25"
    # a device holding both subscriptions takes both copies, as one end state
    device.receive(to_second)
    device.receive(to_first)
    assert phases(device) == phases(server) == {"t1": "finished"}
    again = serialize(  # built by hand: the server would refuse to send it
        end_state_body("t1", images=1), to=first.address, headers=first.reference_parameters
    )
    with pytest.raises(RemoteProtocolError) as refused:  # a copy it already had: a second
        device.receive(again)
    assert refused.value.rule == "DSP-25"
    assert device.session.finish() == device.session.drain_problems() == []


def test_subscribers_that_cannot_be_told_apart_get_the_event_once() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    first, second = ended_for_two(device, server)
    # the first subscriber's reference parameter under another prefix, and its address with
    # no reference parameter to tell the subscription: both are the first subscriber again
    again = Subscriber(
        address=first.address,
        reference_parameters=(b'<w:Who xmlns:w="urn:example:sink">first</w:Who>',),
    )
    bare = Subscriber(address=first.address)
    subscribers = [first, again, bare, second]
    sent = server.broadcast(end_state_body("t1", images=1), subscribers=subscribers)
    assert [target for target, _ in sent] == [first, second]
    for copy in (again, bare):  # sent on its own, it would have been a second end state
        with pytest.raises(LocalProtocolError) as caught:
            server.event(end_state_body("t1", images=1), subscriber=copy)
        assert caught.value.rule == "DSP-25"


def test_an_event_broadcast_to_nobody_still_ends_the_job() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    subscribe(device, server, 1)
    create(device, server, "t1")
    image(device, server, "t1", 1)
    end(device, server, "t1")
    assert server.broadcast(end_state_body("t1", images=1), subscribers=[]) == []
    assert phases(server) == {"t1": "finished"}


# -- abandoned requests ------------------------------------------------------------------------


def test_a_send_image_whose_connection_died_can_be_sent_again_and_the_job_ended() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    create(device, server, "t1")
    message_id = "urn:uuid:6f1b2c3d-0000-4000-8000-00000000a001"
    content_type, chunks = device.send_image(
        send_image_body("t1", 1), b"%PDF-1.7 " + bytes(100_000), to=SERVER, message_id=message_id
    )
    package = b"".join(chunks)
    written: list[bytes] = []
    reader = server.package_reader(content_type, store=lambda envelope, part: _Collect(written))
    reader.feed(package[: len(package) // 2])  # the root part is in: applied; then the line died
    assert reader.envelope is not None
    assert reader.abandon() is True  # the server: nothing half-applied
    assert device.abandon(message_id) is True  # the device: no answer will come
    assert device.abandon(message_id) is False  # once
    with pytest.raises(ValueError, match="abandoned"):
        reader.feed(package[len(package) // 2 :])
    # both sides are back where they were before the image: it may go again, same DocumentId
    image(device, server, "t1", 1)
    end(device, server, "t1")
    assert phases(server) == phases(device) == {"t1": "ended"}
    assert server.session.finish() == device.session.finish() == []


def test_an_abandoned_end_may_be_sent_again() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    create(device, server, "t1")
    image(device, server, "t1", 1)
    lost = server.receive(device.request(end_body("t1"), to=SERVER))
    assert server.abandon(lost)
    assert device.abandon(lost)
    assert phases(server) == phases(device) == {"t1": "open"}
    end(device, server, "t1")
    assert phases(server) == {"t1": "ended"}


def test_a_refused_request_whose_connection_died_owes_no_fault() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    create(device, server, "t1")
    data = device.request(end_body("t1"), to=SERVER)  # no image yet: fine for the device
    with pytest.raises(RemoteProtocolError):
        server.receive(data.replace(b">t1<", b">T1<"))
    assert server.abandon(parse(data)) is True
    assert server.abandon(parse(data)) is False


# -- the device holds an early end state -------------------------------------------------------


def ending(device: Endpoint, server: Endpoint) -> tuple[Subscriber, bytes, bytes]:
    """A job with one image whose EndPostScanJob the server answered: the subscriber, the
    response (not yet delivered) and the end state the server sent after it."""
    subscriber = subscribe(device, server, 1)
    create(device, server, "t1")
    image(device, server, "t1", 1)
    request = server.receive(device.request(end_body("t1"), to=SERVER))
    response = server.reply(request, dsp.EndPostScanJobResponse())
    ((_, final),) = server.broadcast(end_state_body("t1", images=1), subscribers=[subscriber])
    return subscriber, response, final


def test_the_device_holds_an_end_state_that_overtook_the_end_response() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    _, response, final = ending(device, server)
    device.receive(final)  # on its own connection, it came first: held, not refused
    assert phases(device) == {"t1": "ending"}
    assert [problem.rule for problem in device.session.finish()] == ["DSP-17-UNANSWERED", "DSP-25"]
    device.receive(response)  # applied, then the held end state
    assert phases(device) == {"t1": "finished"}
    assert device.session.finish() == []
    assert device.session.drain_problems() == []


def test_a_status_event_may_arrive_while_an_end_state_is_held() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    subscriber = subscribe(device, server, 1)
    create(device, server, "t1")
    image(device, server, "t1", 1)
    request = server.receive(device.request(end_body("t1"), to=SERVER))
    response = server.reply(request, dsp.EndPostScanJobResponse())
    status = server.event(status_body("t1", "Processing", images=1), subscriber=subscriber)
    ((_, final),) = server.broadcast(end_state_body("t1", images=1), subscribers=[subscriber])
    device.receive(final)
    device.receive(status)  # sent before the end state, it came after it: still in order
    device.receive(response)
    assert phases(device) == {"t1": "finished"}
    assert device.session.finish() == []


def test_copies_of_an_early_end_state_are_held_as_one() -> None:
    # a device holding two subscriptions: both copies overtook the response to its end
    device, server = Endpoint("device"), Endpoint("scan_server")
    first = subscribe(device, server, 1, "first")
    second = subscribe(device, server, 2, "second")
    create(device, server, "t1")
    image(device, server, "t1", 1)
    request = server.receive(device.request(end_body("t1"), to=SERVER))
    response = server.reply(request, dsp.EndPostScanJobResponse())
    sent = server.broadcast(end_state_body("t1", images=1), subscribers=[first, second])
    for _, data in sent:
        device.receive(data)
    assert [problem.rule for problem in device.session.finish()] == ["DSP-17-UNANSWERED", "DSP-25"]
    device.receive(response)  # then the one end state they are
    assert phases(device) == {"t1": "finished"}
    assert device.session.finish() == device.session.drain_problems() == []


def test_a_second_early_end_state_is_refused() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    _, _, final = ending(device, server)
    device.receive(final)
    again = serialize(end_state_body("t1", images=1), to=sink(1))  # the server would refuse it
    with pytest.raises(RemoteProtocolError) as caught:
        device.receive(again)
    assert caught.value.rule == "DSP-25"


class _Collect:
    def __init__(self, into: list[bytes]) -> None:
        self.into = into

    def write(self, data: memoryview, /) -> None:
        self.into.append(bytes(data))


# -- the image sink -----------------------------------------------------------------------------


def decoy_first(content_type: str, package: bytes) -> bytes:
    """The package with a part nothing refers to placed before the image."""
    boundary = content_type.split('boundary="', 1)[1].split('"', 1)[0].encode()
    image_at = package.index(b"\r\n--" + boundary + b"\r\n", 10)
    decoy = (
        b"\r\n--" + boundary + b"\r\nContent-Type: application/octet-stream\r\n"
        b"Content-Transfer-Encoding: binary\r\nContent-ID: <decoy@device.example>\r\n\r\n"
        b"DECOY"
    )
    return package[:image_at] + decoy + package[image_at:]


def image_package(
    device: Endpoint, token: str, document_id: int, data: bytes
) -> tuple[str, bytes]:
    content_type, chunks = device.send_image(send_image_body(token, document_id), data, to=SERVER)
    return content_type, b"".join(chunks)


def test_the_store_is_told_the_content_id_and_holder_of_the_image_part() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    create(device, server, "t1")
    content_type, package = image_package(device, "t1", 1, b"%PDF-1.7 image")
    asked: list[Attachment] = []
    written: list[bytes] = []

    def store(envelope: Envelope, attachment: Attachment) -> _Collect:
        asked.append(attachment)
        return _Collect(written)

    reader = server.package_reader(content_type, store=store)
    reader.feed(package)
    reader.close()
    (attachment,) = asked
    assert attachment.holder == "dsp:ImageData"
    assert attachment.content_type == "application/octet-stream"
    assert f"cid:{attachment.content_id}".encode() in package
    assert b"".join(written) == b"%PDF-1.7 image"


@pytest.mark.parametrize("pull", [False, True])
def test_a_decoy_part_is_refused_and_never_stored(pull: bool) -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    create(device, server, "t1")
    content_type, package = image_package(device, "t1", 1, b"%PDF-1.7 image")
    written: list[bytes] = []
    reader = server.package_reader(
        content_type, store=None if pull else (lambda envelope, part: _Collect(written))
    )
    with pytest.raises(RemoteProtocolError) as caught:
        reader.feed(decoy_first(content_type, package))
    assert caught.value.rule == "DSM-XOP-UNREFERENCED"
    assert caught.value.fault is not None
    assert caught.value.fault.http_status == 400
    events = []
    while (event := reader.next_event()) is not None:
        events.append(event)
    assert not [event for event in events if isinstance(event, ImageChunk)]
    assert written == []
    # answered with its fault, the request is over: the image may be sent again
    assert parse(server.refuse(caught.value)).relates_to == reader.envelope.message_id  # type: ignore[union-attr]


def test_the_lenient_profile_drops_a_decoy_part_with_a_warning() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server", profile="lenient")
    create(device, server, "t1")
    content_type, package = image_package(device, "t1", 1, b"%PDF-1.7 image")
    written: list[bytes] = []
    reader = server.package_reader(content_type, store=lambda envelope, part: _Collect(written))
    reader.feed(decoy_first(content_type, package))
    reader.close()
    assert b"".join(written) == b"%PDF-1.7 image"
    assert [p.rule for p in server.session.drain_problems()] == ["DSM-XOP-UNREFERENCED"]


def test_a_fault_raised_by_the_store_is_the_fault_answered() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    create(device, server, "t1")
    content_type, package = image_package(device, "t1", 1, b"%PDF-1.7 image")
    full = Fault(code="Receiver", reason="the disk is full")

    def store(envelope: Envelope, attachment: Attachment) -> _Collect:
        raise FaultError(full)

    reader = server.package_reader(content_type, store=store)
    with pytest.raises(FaultError) as caught:
        reader.feed(package)
    assert caught.value.fault is full
    assert reader.envelope is not None
    answer = device.receive(server.reply(reader.envelope, caught.value.fault))
    assert isinstance(answer.body, soap.Fault)
    assert Fault.from_model(answer.body) == full
    assert answer.relates_to == reader.envelope.message_id
    image(device, server, "t1", 1)  # the fault took the image back: it may be sent again


def test_the_caps_are_package_reader_keywords() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    create(device, server, "t1")
    content_type, package = image_package(device, "t1", 1, bytes(4096))
    reader = server.package_reader(content_type, max_package_bytes=1024)
    with pytest.raises(RemoteProtocolError) as caught:
        reader.feed(package)
    assert caught.value.rule == "DSM-XML-FORBIDDEN"
    assert "max_package_bytes=1024" in caught.value.reason
    reader = server.package_reader(content_type, max_parts=1)
    with pytest.raises(RemoteProtocolError, match="max_parts=1"):
        reader.feed(package)
    reader = server.package_reader(content_type, max_root_bytes=100)
    with pytest.raises(RemoteProtocolError, match="max_root_bytes=100"):
        reader.feed(package)


def test_pull_mode_gives_the_envelope_then_the_image_at_the_callers_pace() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    create(device, server, "t1")
    data = bytes(range(256)) * 2048  # 512 KiB
    content_type, package = image_package(device, "t1", 1, data)
    reader = server.package_reader(content_type)
    kinds: list[str] = []
    image_bytes = bytearray()
    held = 0
    for at in range(0, len(package), 65536):
        reader.feed(package[at : at + 65536])
        pending = []
        while (event := reader.next_event()) is not None:
            pending.append(event)
        # what one feed hands on is at most the chunk it was given
        held = max(held, sum(len(e.data) for e in pending if isinstance(e, ImageChunk)))
        for event in pending:
            if isinstance(event, Envelope):
                kinds.append("envelope")
                assert event.body_as(dsp.SendImageRequest).job_token == "t1"
            else:
                kinds.append("image")
                assert event.attachment.holder == "dsp:ImageData"
                image_bytes += event.data
    request = reader.close()
    assert kinds[0] == "envelope"
    assert set(kinds[1:]) == {"image"}
    assert bytes(image_bytes) == data
    assert held <= 65536
    device.receive(server.reply(request, dsp.SendImageResponse()))


def test_send_image_tells_the_package_length() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    create(device, server, "t1")
    _, chunks = device.send_image(send_image_body("t1", 1), bytes(5000), to=SERVER)
    assert chunks.length == len(b"".join(chunks))
    with tempfile.TemporaryFile() as file:
        file.write(b"%PDF" * 1000)
        file.seek(4)
        _, from_file = build_send_image(send_image_body("t1", 2), file, to=SERVER)
        assert from_file.length == len(b"".join(from_file))

    class Pipe:
        def read(self, size: int, /) -> bytes:
            return b""

    _, unknown = build_send_image(send_image_body("t1", 3), Pipe(), to=SERVER)
    assert unknown.length is None


def test_a_content_type_that_announces_no_package_is_refused_with_a_fault() -> None:
    _, server = Endpoint("device"), Endpoint("scan_server")
    with pytest.raises(RemoteProtocolError) as caught:
        server.package_reader('multipart/form-data; boundary="b"')
    assert caught.value.rule == "DSM-MIME-MALFORMED"
    assert caught.value.fault is not None
    assert caught.value.fault.http_status == 400
    assert parse(server.refuse(caught.value)).relates_to is None  # nothing could be read
