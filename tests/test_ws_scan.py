"""WS-Scan's own messages: plain ``wscn:`` bodies, the actions they share with WS-DSD, the
RetrieveImage image as MTOM, and the ScanAvailableEvent subscription extension."""

from __future__ import annotations

import copy
import io

import pytest
from lxml import etree

from dsm_messages import (
    ANONYMOUS,
    MESSAGE_TYPES,
    Endpoint,
    Envelope,
    Fault,
    JobSummary,
    LocalProtocolError,
    PackageReader,
    RemoteProtocolError,
    Session,
    about,
    build_retrieve_image_response,
    check_sequence,
    fault_for,
    parse,
    parse_package,
    serialize,
    validate,
)
from dsm_messages import namespaces as ns
from dsm_messages.faults import (
    ALL_FAULTS,
    WSCN_INVALID_ARGS,
    WSCN_INVALID_DESTINATION_TOKEN,
    WSCN_INVALID_JOB_TOKEN,
    WSCN_INVALID_SCAN_IDENTIFIER,
    WSCN_JOB_CANCELLED,
    WSCN_NO_IMAGES_AVAILABLE,
    WSCN_NOT_ACCEPTING_JOBS,
)
from dsm_messages.messages import MessageType
from dsm_messages.models import wscn, wse
from dsm_messages.mtom import MtomError
from dsm_messages.rules import PROFILES, Profile
from dsm_messages.testing.conversations import Conversation
from dsm_messages.testing.samples import (
    DESTINATION_RESPONSES,
    JPEG_BYTES,
    SAMPLES,
    SCAN_AVAILABLE_SUBSCRIBE,
    SCAN_AVAILABLE_SUBSCRIBE_RESPONSE,
)

DEVICE = "http://192.168.1.40:5357/8f3e62a4-1b7c-4c5d-9e0a-6d2f4b8c1a37"
MESSAGE_ID = "urn:uuid:2b8e4c1a-7d3f-4e96-8a05-c1f7e9b2d643"
REQUEST_ID = "urn:uuid:9d1a6f3e-4b2c-4e85-a7f0-3c8e5b1d9a24"
PRERELEASE_HTTP = "http://schemas.microsoft.com/windows/2006/01/wdp/scan"

WS_SCAN = [entry for entry in MESSAGE_TYPES if entry.protocol == "wscn"]


def envelope_of(body: object, kind: str, *, action: str | None = None) -> bytes:
    """The body in a conforming envelope, as a device or a client sends it."""
    if kind == "request":
        return serialize(body, to=DEVICE, action=action, message_id=MESSAGE_ID, pretty=True)
    if kind == "response":
        return serialize(
            body,
            to=ANONYMOUS,
            action=action,
            message_id=MESSAGE_ID,
            relates_to=REQUEST_ID,
            pretty=True,
        )
    return serialize(body, to=DEVICE, action=action, message_id=MESSAGE_ID, pretty=True)


def test_every_ws_scan_operation_and_event_is_registered() -> None:
    # our own list, from the WS-Scan pages: 7 operations (ValidateScanTicket's one body is
    # registered with WS-DSD) and 7 events
    operations = {e.operation for e in WS_SCAN if e.kind != "event"}
    events = {e.operation for e in WS_SCAN if e.kind == "event"}
    assert operations == {
        "CreateScanJob",
        "RetrieveImage",
        "CancelJob",
        "GetScannerElements",
        "GetJobElements",
        "GetActiveJobs",
        "GetJobHistory",
    }
    assert events == {
        "ScanAvailableEvent",
        "ScannerElementsChangeEvent",
        "ScannerStatusSummaryEvent",
        "ScannerStatusConditionEvent",
        "ScannerStatusConditionClearedEvent",
        "JobStatusEvent",
        "JobEndStateEvent",
    }
    for entry in WS_SCAN:
        assert entry.qname.startswith(f"{{{ns.WSCN}}}")
        assert entry.action is not None
        assert entry.action.startswith(ns.WSCN + "/")


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("entry", WS_SCAN, ids=lambda e: e.qname.rpartition("}")[2])
def test_ws_scan_message_is_valid_and_parses_as_ws_scan(
    entry: MessageType, profile: Profile
) -> None:
    data = envelope_of(SAMPLES[ns.prefixed(entry.qname)], entry.kind)
    report = validate(data, profile=profile)
    assert report.valid, report.problems
    assert report.problems == ()
    assert report.message == ns.prefixed(entry.qname)
    envelope = parse(data)
    assert envelope.message_type is entry
    assert envelope.body == SAMPLES[ns.prefixed(entry.qname)]


@pytest.mark.parametrize(
    ("wscn_key", "dsd_key"),
    [
        ("wscn:GetActiveJobsRequest", "dsd:GetActiveJobsRequest"),
        ("wscn:GetScannerElementsResponse", "dsd:GetScannerElementsResponse"),
        ("wscn:JobEndStateEvent", "dsd:JobEndStateEvent"),
    ],
)
def test_one_action_two_protocols_each_validated_as_its_own(wscn_key: str, dsd_key: str) -> None:
    ws_scan, ws_dsd = SAMPLES[wscn_key], SAMPLES[dsd_key]
    ws_scan_entry = next(e for e in WS_SCAN if e.model is type(ws_scan))
    ws_dsd_entry = next(e for e in MESSAGE_TYPES if e.model is type(ws_dsd))
    assert ws_scan_entry.action == ws_dsd_entry.action
    for body, entry in ((ws_scan, ws_scan_entry), (ws_dsd, ws_dsd_entry)):
        data = envelope_of(body, entry.kind)
        assert validate(data).valid
        envelope = parse(data)
        assert envelope.action == entry.action
        assert envelope.message_type is entry


def test_ws_scan_body_under_the_ws_dsd_action_names_what_each_expects() -> None:
    # the WS-DSD namespace form of the action is WS-DSD's alone
    data = envelope_of(
        SAMPLES["wscn:GetActiveJobsRequest"], "request", action=f"{ns.DSD}/GetActiveJobs"
    )
    for profile in PROFILES:
        report = validate(data, profile=profile)
        (problem,) = report.errors
        assert problem.code == "DSM-ACTION-MISMATCH"
        assert "announces dsd:GetActiveJobsRequest (dsd)" in problem.message
        assert "not wscn:GetActiveJobsRequest (wscn" in problem.message
        assert f"expected {ns.WSCN}/GetActiveJobs" in problem.message


def test_shared_action_with_the_wrong_operation_lists_both_protocols() -> None:
    data = envelope_of(
        SAMPLES["wscn:GetJobHistoryRequest"], "request", action=f"{ns.WSCN}/GetActiveJobs"
    )
    (problem,) = validate(data).errors
    assert problem.code == "DSM-ACTION-MISMATCH"
    assert (
        "announces dsd:GetActiveJobsRequest (dsd) or wscn:GetActiveJobsRequest (wscn), "
        "not wscn:GetJobHistoryRequest (wscn" in problem.message
    )


def test_ws_scan_response_with_its_requests_shared_action() -> None:
    # the WS-Scan pages' examples answer with the request's action
    data = envelope_of(
        SAMPLES["wscn:GetScannerElementsResponse"],
        "response",
        action=f"{ns.WSCN}/GetScannerElements",
    )
    (problem,) = validate(data).errors
    assert problem.code == "DSM-ACTION-REPEATS-REQUEST"
    assert problem.message.endswith(f"its own is {ns.WSCN}/GetScannerElementsResponse")


def test_ws_scan_only_operation_has_no_ws_dsd_form() -> None:
    data = envelope_of(
        SAMPLES["wscn:CreateScanJobRequest"], "request", action=f"{ns.DSD}/CreateScanJob"
    )
    unknown = [p for p in validate(data).errors if p.code == "DSM-ACTION-UNKNOWN"]
    assert [p.location for p in unknown] == ["/soap:Envelope/soap:Header/wsa:Action"]


def test_pre_release_namespace_is_tolerated_in_lenient_only() -> None:
    data = envelope_of(SAMPLES["wscn:CreateScanJobRequest"], "request").replace(
        ns.WSCN.encode(), PRERELEASE_HTTP.encode()
    )
    lenient = validate(data, profile="lenient")
    assert lenient.valid, lenient.problems
    assert lenient.message == "wscn:CreateScanJobRequest"
    assert {p.code for p in lenient.warnings} == {"DSM-STALE-NAMESPACE-TOLERATED"}
    strict = validate(data, profile="strict")
    assert {p.code for p in strict.errors} == {"DSM-STALE-NAMESPACE-TOLERATED"}


def test_create_scan_job_without_its_ticket_is_refused_naming_it() -> None:
    data = envelope_of(SAMPLES["wscn:CreateScanJobRequest"], "request")
    root = etree.fromstring(data)
    ticket = root.find(f".//{{{ns.WSCN}}}ScanTicket")
    assert ticket is not None
    ticket.getparent().remove(ticket)  # type: ignore[union-attr]
    for profile in PROFILES:
        report = validate(etree.tostring(root), profile=profile)
        assert not report.valid
        assert any("ScanTicket" in p.message for p in report.errors), report.errors


def test_application_initiated_create_scan_job_needs_only_the_ticket() -> None:
    # createscanjobrequest.md: ScanIdentifier and DestinationToken come only with a scan the
    # user started at the device
    body = copy.deepcopy(SAMPLES["wscn:CreateScanJobRequest"])
    assert isinstance(body, wscn.CreateScanJobRequest)
    body.scan_identifier = None
    body.destination_token = None
    data = envelope_of(body, "request")
    assert validate(data).valid
    assert b"ScanIdentifier" not in data


# -- RetrieveImage: the image as MTOM ---------------------------------------------------------


def retrieve_image_package() -> tuple[str, bytes]:
    content_type, chunks = build_retrieve_image_response(
        wscn.RetrieveImageResponse(scan_data=b""),
        JPEG_BYTES,
        relates_to=REQUEST_ID,
        message_id=MESSAGE_ID,
        content_type="image/jpeg",
    )
    return content_type, b"".join(chunks)


def test_retrieve_image_response_carries_the_image_as_an_attachment() -> None:
    content_type, package = retrieve_image_package()
    assert content_type.startswith("multipart/related;")
    assert JPEG_BYTES in package  # raw, not base64
    root_part = package.split(b"\r\n\r\n", 2)[1]
    assert b"<xop:Include" in root_part
    read = parse_package(package, content_type)
    body = read.envelope.body
    assert isinstance(body, wscn.RetrieveImageResponse)
    assert body.scan_data == JPEG_BYTES
    assert read.envelope.relates_to == REQUEST_ID
    assert "image/jpeg" in read.content_types.values()


@pytest.mark.parametrize("profile", PROFILES)
def test_retrieve_image_package_validates(profile: Profile) -> None:
    content_type, package = retrieve_image_package()
    report = validate(package, profile=profile, content_type=content_type)
    assert report.valid, report.problems
    assert report.message == "wscn:RetrieveImageResponse"


def test_retrieve_image_streams_to_the_sink_chosen_from_the_envelope() -> None:
    content_type, package = retrieve_image_package()
    images: dict[str, io.BytesIO] = {}

    def store(envelope: Envelope, content_id: str) -> io.BytesIO:
        return images.setdefault(envelope.relates_to or "", io.BytesIO())

    reader = PackageReader(content_type, sink=store)
    for at in range(0, len(package), 7):
        reader.feed(package[at : at + 7])
    reader.close()
    assert images[REQUEST_ID].getvalue() == JPEG_BYTES


def test_an_endpoint_answers_retrieve_image_as_mtom_once() -> None:
    client, device = Endpoint("control_point"), Endpoint("device")
    # the job first, started by the application (no scan announced): only its ticket is needed
    create = copy.deepcopy(SAMPLES["wscn:CreateScanJobRequest"])
    assert isinstance(create, wscn.CreateScanJobRequest)
    create.scan_identifier = create.destination_token = None
    created = device.receive(client.request(create, to=DEVICE))
    client.receive(device.reply(created, SAMPLES["wscn:CreateScanJobResponse"]))
    asked = device.receive(client.request(SAMPLES["wscn:RetrieveImageRequest"], to=DEVICE))
    shell = wscn.RetrieveImageResponse(scan_data=b"ignored: the image is given apart")
    content_type, chunks = device.reply_image(asked, shell, JPEG_BYTES, image_type="image/jpeg")
    package = b"".join(chunks)
    assert content_type.startswith("multipart/related;")
    answer = client.receive(package, content_type=content_type)
    assert answer.relates_to == asked.message_id
    assert answer.body_as(wscn.RetrieveImageResponse).scan_data == JPEG_BYTES
    assert "image/jpeg" in parse_package(package, content_type).content_types.values()
    # the session recorded the answer before any chunk was made: a second one is refused
    with pytest.raises(LocalProtocolError):
        device.reply_image(asked, shell, JPEG_BYTES)


def test_xop_include_elsewhere_in_a_ws_scan_body_is_refused() -> None:
    content_type, package = retrieve_image_package()
    moved = package.replace(b"<wscn:ScanData>", b"<wscn:ScanData><wscn:Other>", 1).replace(
        b"</wscn:ScanData>", b"</wscn:Other></wscn:ScanData>", 1
    )
    assert moved != package
    with pytest.raises(MtomError, match="outside dsp:ImageData and wscn:ScanData"):
        parse_package(moved, content_type)


# -- the ScanAvailableEvent subscription ------------------------------------------------------


def test_subscribe_with_scan_destinations_round_trips_and_validates() -> None:
    data = envelope_of(SCAN_AVAILABLE_SUBSCRIBE, "request")
    for profile in PROFILES:
        assert validate(data, profile=profile).valid
    body = parse(data).body
    assert isinstance(body, wse.Subscribe)
    (destinations,) = body.other_element
    assert isinstance(destinations, wscn.ScanDestinations)
    assert [d.client_display_name for d in destinations.scan_destination] == [
        "Finance desk 3",
        "Scan to me",
    ]
    assert body == SCAN_AVAILABLE_SUBSCRIBE


def test_subscribe_response_gives_a_destination_token_per_destination() -> None:
    data = envelope_of(SCAN_AVAILABLE_SUBSCRIBE_RESPONSE, "response")
    assert validate(data).valid
    body = parse(data).body
    assert isinstance(body, wse.SubscribeResponse)
    assert body.other_element == [DESTINATION_RESPONSES]
    tokens = {
        r.client_context: r.destination_token for r in DESTINATION_RESPONSES.destination_response
    }
    assert tokens == {"finance-desk-3": "dest-7731-finance", "me-jsmith": "dest-7732"}


def test_client_display_name_longer_than_127_characters_is_refused() -> None:
    subscribe = copy.deepcopy(SCAN_AVAILABLE_SUBSCRIBE)
    (destinations,) = subscribe.other_element
    assert isinstance(destinations, wscn.ScanDestinations)
    destinations.scan_destination[0].client_display_name = "x" * 128
    data = envelope_of(subscribe, "request")
    for profile in PROFILES:
        report = validate(data, profile=profile)
        assert not report.valid
        assert any("ClientDisplayName" in p.message for p in report.errors), report.errors


def test_scan_available_event_needs_its_scan_identifier() -> None:
    data = envelope_of(SAMPLES["wscn:ScanAvailableEvent"], "event")
    assert validate(data).valid
    broken = etree.fromstring(data)
    identifier = broken.find(f".//{{{ns.WSCN}}}ScanIdentifier")
    assert identifier is not None
    identifier.getparent().remove(identifier)  # type: ignore[union-attr]
    report = validate(etree.tostring(broken))
    assert any("ScanIdentifier" in p.message for p in report.errors), report.errors


# -- faults -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "code", "subcode"),
    [
        (WSCN_NOT_ACCEPTING_JOBS, "Receiver", "ServerErrorNotAcceptingJobs"),
        (WSCN_INVALID_SCAN_IDENTIFIER, "Sender", "ClientErrorInvalidScanIdentifier"),
        (WSCN_INVALID_DESTINATION_TOKEN, "Sender", "ClientErrorInvalidDestinationToken"),
        (WSCN_NO_IMAGES_AVAILABLE, "Sender", "ClientErrorNoImagesAvailable"),
        (WSCN_INVALID_JOB_TOKEN, "Sender", "ClientErrorInvalidJobToken"),
    ],
)
def test_ws_scan_fault_subcodes(fault: Fault, code: str, subcode: str) -> None:
    assert fault in ALL_FAULTS
    assert fault.code == code
    assert fault.subcodes[0].text == f"{{{ns.WSCN}}}{subcode}"


def test_every_ws_scan_subcode_has_a_constant() -> None:
    # the WS-Scan pages' operation error codes (wscn: subcodes), our own list
    documented = {
        "InvalidArgs",
        "OperationFailed",
        "ServerErrorTemporaryError",
        "ServerErrorInternalError",
        "ServerErrorNotAcceptingJobs",
        "ClientErrorJobCancelled",
        "ClientErrorJobIdNotFound",
        "ClientErrorFormatNotSupported",
        "ClientErrorInvalidScanIdentifier",
        "ClientErrorInvalidDestinationToken",
        "ClientErrorNoImagesAvailable",
        "ClientErrorInvalidJobToken",
        "ClientErrorConflictingRequiredParameters",
    }
    named = {
        fault.subcodes[0].text.rpartition("}")[2]
        for fault in ALL_FAULTS
        if fault.subcodes and fault.subcodes[0].text.startswith(f"{{{ns.WSCN}}}")
    }
    assert named == documented


def test_invalid_args_of_ws_scan_is_its_own() -> None:
    assert fault_for("InvalidArgs", "wscn") == WSCN_INVALID_ARGS
    assert fault_for("InvalidArgs", "dsd") == WSCN_INVALID_ARGS


# -- a pull job's end, told by the conversation ------------------------------------------------


@pytest.mark.parametrize(
    ("source", "asked", "announced", "pulled", "then", "state"),
    [
        ("Platen", 0, 1, 1, None, "Completed"),  # ImagesToTransfer 0: one image from the platen
        ("ADF", 2, 2, 2, None, "Completed"),  # every image announced was sent
        ("ADF", 0, 0, 2, WSCN_NO_IMAGES_AVAILABLE, "Completed"),  # the feeder ran empty
        ("ADF", 0, 0, 1, WSCN_JOB_CANCELLED, "Canceled"),  # cancelled at the device
        ("ADF", 0, 0, 1, "cancel", "Canceled"),  # the client's CancelJob was answered
    ],
)
def test_a_pull_job_is_finished_when_the_conversation_shows_its_end(
    source: str, asked: int, announced: int, pulled: int, then: Fault | str | None, state: str
) -> None:
    c = Conversation()
    create = c.create_scan_job(images=asked, source=source)
    c.scan_job_created(create, 7, "job-7", images=announced, source=source)
    for _ in range(pulled):
        c.retrieve(7, "job-7")
    before = check_sequence(c.messages)
    if then is None:
        assert before.jobs == (JobSummary("wscn", "7", state, "finished"),)
    else:
        assert before.jobs == (JobSummary("wscn", "7", None, "open"),)
        if isinstance(then, Fault):
            c.fault(c.retrieve_image(7, "job-7"), then)
        else:
            c.answer(c.cancel_scan_job(7), wscn.CancelJobResponse())
    report = check_sequence(c.messages)
    assert report.ok, report.violations
    assert report.jobs == (JobSummary("wscn", "7", state, "finished"),)
    # and the device, whose Endpoint saw the same, refuses the next RetrieveImage
    device = Session("device")
    for message in c.messages:
        if about(message).sender == "device":
            device.send(message)
        else:
            device.receive(message)
    late = c.retrieve_image(7, "job-7")
    with pytest.raises(RemoteProtocolError) as refused:
        device.receive(late)
    assert refused.value.rule == ("WSCN-9" if state == "Canceled" else "WSCN-10")
    assert refused.value.fault == (
        WSCN_JOB_CANCELLED if state == "Canceled" else WSCN_NO_IMAGES_AVAILABLE
    )


def test_a_pull_job_of_unknown_length_stays_open_until_the_device_says() -> None:
    c = Conversation()
    create = c.create_scan_job(images=0, source="ADF")
    c.scan_job_created(create, 7, "job-7", images=0, source="ADF")
    for _ in range(5):
        c.retrieve(7, "job-7")
    assert check_sequence(c.messages).jobs == (JobSummary("wscn", "7", None, "open"),)
    # its JobEndStateEvent, after the end the conversation showed, is no second end
    c.fault(c.retrieve_image(7, "job-7"), WSCN_NO_IMAGES_AVAILABLE)
    c.scan_end(7, scans=5)
    report = check_sequence(c.messages)
    assert report.ok, report.violations
    assert report.jobs == (JobSummary("wscn", "7", "Completed", "finished"),)
