"""What the receiver of a refused request does, judged: the fault it answers with, or the
response with which it wrongly accepts the request; a request that failed validation paired
with its fault; and a broken answer followed as its receiver gave it.

The expectations come from the protocol, not from the library: each refusal is answered by the
fault its rule's row names (the protocols' fault tables), a request is answered once, and a
party that accepts what it had to refuse breaks the rule itself (wsdp.md section 10 states the
device's side of each rule; the scan server enforces it by refusing)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dsm_messages import (
    Endpoint,
    Envelope,
    HttpHead,
    LocalProtocolError,
    Problem,
    Recorded,
    RemoteProtocolError,
    Session,
    check_sequence,
    parse,
    serialize,
)
from dsm_messages.faults import DSP_INVALID_ARGS, DSP_OPERATION_FAILED, Fault
from dsm_messages.models import dsp
from dsm_messages.rules import Profile
from dsm_messages.testing.conversations import (
    SCAN_SERVER,
    Conversation,
    create_body,
    send_image_body,
)
from dsm_messages.transcripts import read_recorded

TOKEN = "6f0c5a2e-8d1b-4c47-9a35-2b7e1f04c9d8"
NEVER_MINTED = "0d5e7b21-94c3-4f6a-8e02-b17c3a9d5f64"
Found = list[tuple[int | None, str, str | None]]


def found(problems: tuple[Problem, ...]) -> Found:
    return [(p.index, p.rule, p.party) for p in problems]


def job_with_one_image() -> Conversation:
    c = Conversation()
    c.subscribe()
    c.open_job(TOKEN)
    c.status(TOKEN, "Creating")
    c.image(TOKEN, 1)
    return c


def ends_with(c: Conversation, images: int) -> None:
    c.status(TOKEN, "Processing", images=images, filter_state="Processing")
    c.end_state(TOKEN, "Completed", images=images)


# -- a request the scan server had to refuse --------------------------------------------------


def after_end(c: Conversation) -> Envelope:
    c.answer(c.end(TOKEN))
    return c.send_image(TOKEN, 2)  # rule 10: no SendImage after EndPostScanJob


def wrong_case(c: Conversation) -> Envelope:
    return c.end(TOKEN.upper())  # rule 2: the token byte for byte


def document_id_again(c: Conversation) -> Envelope:
    return c.send_image(TOKEN, 1)  # rule 7: one DocumentId once per job


def message_id_again(c: Conversation) -> Envelope:
    earlier = next(m for m in c.messages if isinstance(m.body, dsp.SendImageRequest))
    assert earlier.message_id is not None
    return c.emit(
        send_image_body(TOKEN, 2), to=SCAN_SERVER, request=True, message_id=earlier.message_id
    )  # rule 19: a MessageID once


PROBES: dict[str, tuple[Callable[[Conversation], Envelope], str]] = {
    "after-end": (after_end, "DSP-10"),
    "wrong-case-token": (wrong_case, "DSP-2"),
    "document-id-again": (document_id_again, "DSP-7"),
    "message-id-again": (message_id_again, "DSP-19"),
}


def probed(
    name: str, answer: Callable[[Conversation, Envelope], object]
) -> tuple[list[Envelope], int]:
    """A job of one image, the probe, its answer, then the rest of the job as the scan server
    that answered so would carry on; the transcript and the probe's index."""
    probe, _ = PROBES[name]
    c = job_with_one_image()
    bad = probe(c)
    at = c.messages.index(bad)
    answer(c, bad)
    accepted = isinstance(c.messages[-1].body, dsp.SendImageResponse | dsp.EndPostScanJobResponse)
    images = 1 + (accepted and isinstance(bad.body, dsp.SendImageRequest))
    ended = any(isinstance(m.body, dsp.EndPostScanJobResponse) for m in c.messages)
    if not ended or (isinstance(bad.body, dsp.EndPostScanJobRequest) and not accepted):
        c.answer(c.end(TOKEN))
    ends_with(c, images)
    return c.messages, at


@pytest.mark.parametrize("name", PROBES)
def test_a_refused_request_answered_with_its_fault_is_the_senders_breach_only(
    name: str,
) -> None:
    messages, at = probed(name, lambda c, bad: c.fault(bad, _owed(name)))
    report = check_sequence(messages)
    assert found(report.violations) == [(at, PROBES[name][1], "device")]
    assert report.warnings == ()


def _owed(name: str) -> Fault:
    if name == "message-id-again":
        from dsm_messages.faults import INVALID_MESSAGE_INFORMATION_HEADER

        return INVALID_MESSAGE_INFORMATION_HEADER
    return DSP_INVALID_ARGS


@pytest.mark.parametrize("name", PROBES)
def test_a_server_that_accepts_a_refused_request_breaks_its_rule_at_its_response(
    name: str,
) -> None:
    messages, at = probed(name, lambda c, bad: c.answer(bad))
    report = check_sequence(messages)
    rule = PROBES[name][1]
    # the device broke the rule with its request, the scan server with its response; the
    # correctly related response is no DSP-18 or DSP-17, and the job goes on as the server
    # took it (the end state's image count agrees with it: no DSP-34)
    assert found(report.violations) == [(at, rule, "device"), (at + 1, rule, "scan_server")]
    assert report.warnings == ()
    assert [(job.state, job.phase) for job in report.jobs] == [("Completed", "finished")]
    assert "accepts" in report.violations[1].message


def test_accepting_a_request_after_a_failed_create_is_accepting_a_token_never_minted() -> None:
    c = Conversation()
    c.subscribe()
    c.fault(c.create(), DSP_OPERATION_FAILED)
    bad = c.send_image(NEVER_MINTED, 1)
    c.answer(bad)
    at = c.messages.index(bad)
    report = check_sequence(c.messages)
    # the device continued a failed attempt (rule 4); the server accepted a JobToken it never
    # minted (rule 1): the server cannot know what the device thought
    assert found(report.violations) == [(at, "DSP-4", "device"), (at + 1, "DSP-1", "scan_server")]


@pytest.mark.parametrize(("profile", "severity"), [("strict", "error"), ("lenient", "warning")])
def test_a_refusal_with_another_fault_than_its_rule_names_is_the_servers_breach(
    profile: Profile, severity: str
) -> None:
    messages, at = probed("after-end", lambda c, bad: c.fault(bad, DSP_OPERATION_FAILED))
    report = check_sequence(messages, profile=profile)
    problems = [
        (p.index, p.rule, p.party, p.severity) for p in report.violations + report.warnings
    ]
    assert sorted(problems, key=lambda p: (p[0], p[1])) == [
        (at, "DSP-10", "device", "error"),
        (at + 1, "DSM-FAULT-MISMATCH", "scan_server", severity),
    ]
    mismatch = next(p for p in report.violations + report.warnings if p.index == at + 1)
    assert "dsp:InvalidArgs (soap:Sender)" in mismatch.message
    assert "dsp:OperationFailed (soap:Receiver)" in mismatch.message


def test_a_fault_relating_to_no_request_breaks_the_same_rule_as_a_response_would() -> None:
    for reply in (dsp.EndPostScanJobResponse(), DSP_INVALID_ARGS.to_model()):
        c = job_with_one_image()
        stray = c.emit(
            reply,
            to="http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous",
            relates_to="urn:uuid:1c0f7e3a-58d2-4b96-a0e4-7d3b9f21c865",
        )
        c.answer(c.end(TOKEN))
        ends_with(c, 1)
        report = check_sequence(c.messages)
        assert found(report.violations) == [(c.messages.index(stray), "DSP-18", "scan_server")]


# -- the endpoint that must refuse -------------------------------------------------------------


def test_a_server_endpoint_refuses_to_accept_what_it_refused_or_to_answer_another_fault() -> None:
    device, server = Endpoint("device"), Endpoint("scan_server")
    create = server.receive(device.request(create_body(), to=SCAN_SERVER))
    device.receive(server.reply(create, dsp.CreatePostScanJobResponse(job_token=TOKEN)))
    wrong = serialize(dsp.EndPostScanJobRequest(job_token=TOKEN.upper()), to=SCAN_SERVER)
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(wrong)
    with pytest.raises(LocalProtocolError) as accepting:
        server.reply(caught.value.envelope, dsp.EndPostScanJobResponse())
    assert accepting.value.rule == "DSP-2"
    with pytest.raises(LocalProtocolError) as other:
        server.reply(caught.value.envelope, DSP_OPERATION_FAILED)
    assert other.value.rule == "DSM-FAULT-MISMATCH"
    fault = parse(server.refuse(caught.value))  # the fault owed still goes out
    assert fault.relates_to == parse(wrong).message_id


def test_a_refused_event_is_answered_with_a_fault_that_pairs_with_it() -> None:
    c = job_with_one_image()
    c.answer(c.end(TOKEN))
    ends_with(c, 1)
    first_end = c.messages[-1]
    second_end = c.end_state(TOKEN, "Completed", images=1)  # rule 25: one end state per job
    device = Endpoint("device", clock=None)
    server = Session("scan_server")
    for message in c.messages[:-1]:
        assert message.message_type is not None
        if message.message_type.kind == "request":
            device.session.send(message)
            server.receive(message)
        else:
            device.session.receive(message)
            server.send(message)
    with pytest.raises(RemoteProtocolError) as caught:
        device.receive(second_end.to_bytes())
    fault = parse(device.refuse(caught.value))  # over HTTP, the answer to the event's POST
    assert fault.relates_to == second_end.message_id
    report = check_sequence([*c.messages, fault])
    assert found(report.violations) == [(c.messages.index(second_end), "DSP-25", "scan_server")]
    # the sender of an event its receiver refuses takes the fault as that event's answer
    refusing_the_first = parse(device.refuse(_as_refused(first_end)))
    server.receive(refusing_the_first)


def _as_refused(event: Envelope) -> RemoteProtocolError:
    return RemoteProtocolError("DSP-25", "refused by its receiver", event)


# -- a request that failed validation ----------------------------------------------------------


def invalid_send_image(message_id: str | None) -> bytes:
    data = serialize(send_image_body(TOKEN, 2), to=SCAN_SERVER, message_id=message_id)
    return data.replace(
        b"<dsp:DocumentId>2</dsp:DocumentId>", b"<dsp:DocumentId>two</dsp:DocumentId>"
    )


def test_a_request_that_failed_validation_pairs_with_the_fault_refusing_it() -> None:
    c = job_with_one_image()
    server = Endpoint("scan_server", clock=None)
    bad = invalid_send_image("urn:uuid:2d0c8a55-6c1e-4e0b-9a37-7f4e2b1c9d08")
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(bad)
    fault = server.refuse(caught.value)  # exactly the fault Endpoint.refuse builds
    transcript: list[Envelope | Recorded] = list(c.messages)
    at = len(transcript)
    transcript += [read_recorded(bad), read_recorded(fault)]
    rest = Conversation()
    rest.answer(rest.end(TOKEN))
    ends_with(rest, 1)
    transcript += rest.messages
    report = check_sequence(transcript)
    assert found(report.violations) == [(at, "DSM-INVALID", "device")]  # once, and no pairing
    assert report.warnings == ()


def test_a_request_without_a_readable_message_id_pairs_with_a_fault_relating_to_none() -> None:
    server = Endpoint("scan_server", clock=None)
    not_xml = b"<dsp:EndPostScanJobRequest><dsp:JobToken>"
    with pytest.raises(RemoteProtocolError) as caught:
        server.receive(not_xml)
    fault = server.refuse(caught.value)
    assert parse(fault).relates_to is None
    c = job_with_one_image()
    at = len(c.messages)
    rest = Conversation()
    rest.answer(rest.end(TOKEN))
    ends_with(rest, 1)
    transcript: list[Envelope | Recorded] = [
        *c.messages,
        read_recorded(not_xml, http=HttpHead.request("/ScanServer")),
        read_recorded(fault, http=HttpHead.response(400)),
        *rest.messages,
    ]
    report = check_sequence(transcript)
    # (who sent bytes that are not XML, nothing in them says)
    assert found(report.violations) == [(at, "DSM-INVALID", None)]
    assert report.warnings == ()
    # the fault relating to nothing is the answer owed, not an unreadable answer of its own
    unpaired = check_sequence(transcript[:at] + transcript[at + 1 :])
    assert found(unpaired.violations) == [(at, "DSM-INVALID", "scan_server")]


# -- an answer that cannot be read -------------------------------------------------------------

SOAP_HEAD = HttpHead.response(200)


def _breaks() -> dict[str, Callable[[bytes], bytes]]:
    return {
        "truncated": lambda data: data[: len(data) // 2],
        "no-RelatesTo": _without("RelatesTo"),
        "no-To": _without("To"),
        "wrong-Action": lambda data: data.replace(
            b"processing/CreatePostScanJobResponse</", b"processing/SendImageResponse</"
        ),
        "wrong-addressing-version": lambda data: data.replace(
            b"http://schemas.xmlsoap.org/ws/2004/08/addressing",
            b"http://www.w3.org/2005/08/addressing",
        ),
    }


def _without(header: str) -> Callable[[bytes], bytes]:
    def drop(data: bytes) -> bytes:
        start = data.index(f"<wsa:{header}>".encode())
        end = data.index(f"</wsa:{header}>".encode()) + len(f"</wsa:{header}>")
        return data[:start] + data[end:]

    return drop


#: What one broken CreatePostScanJobResponse is, profile by profile: in strict every one fails
#: validation; lenient reads a missing RelatesTo or To (Microsoft's examples leave them out),
#: and the pairing that a missing RelatesTo prevents is then the one problem.
ONE_PROBLEM = {
    ("truncated", "strict"): "DSM-INVALID",
    ("no-RelatesTo", "strict"): "DSM-INVALID",
    ("no-To", "strict"): "DSM-INVALID",
    ("wrong-Action", "strict"): "DSM-INVALID",
    ("wrong-addressing-version", "strict"): "DSM-INVALID",
    ("truncated", "lenient"): "DSM-INVALID",
    ("no-RelatesTo", "lenient"): "DSP-18",
    ("no-To", "lenient"): None,
    ("wrong-Action", "lenient"): "DSM-INVALID",
    ("wrong-addressing-version", "lenient"): "DSM-INVALID",
}


@pytest.mark.parametrize(("defect", "profile"), list(ONE_PROBLEM))
def test_one_unreadable_create_response_is_one_problem(defect: str, profile: Profile) -> None:
    c = Conversation()
    c.subscribe()
    create = c.create()
    created = c.created(create, TOKEN)
    c.status(TOKEN, "Creating")
    c.image(TOKEN, 1)
    c.answer(c.end(TOKEN))
    ends_with(c, 1)
    at = c.messages.index(created)
    entries: list[Envelope | Recorded] = [
        Recorded(message=message, http=SOAP_HEAD)
        if message.message_type is not None and message.message_type.kind == "response"
        else message
        for message in c.messages
    ]
    broken = _breaks()[defect](created.to_bytes())
    entries[at] = read_recorded(broken, profile=profile, http=SOAP_HEAD)
    report = check_sequence(entries, profile=profile)
    rule = ONE_PROBLEM[defect, profile]
    expected = [] if rule is None else [(at, rule, "scan_server")]
    # one problem, at the broken answer: the job it created is followed (no DSP-1 for its
    # image, no DSP-3 for its events, no request left unanswered), marked unconfirmed
    assert found(report.violations) + found(report.warnings) == expected
    assert [(job.job, job.phase) for job in report.jobs] == [(TOKEN, "finished")]
    assert report.unconfirmed == (() if rule is None else (("dsp", TOKEN),))


# -- WS-Scan: what an unreadable answer created shows itself later ------------------------------

CONTEXT = "finance-desk-3"
SCAN_ID = "uuid:4f1c9e27-8a3b-4d6e-b512-7c0a9d3e6f81"


@pytest.mark.parametrize("unreadable", ["SubscribeResponse", "CreateScanJobResponse"])
def test_a_push_scan_goes_on_past_one_unreadable_answer(unreadable: str) -> None:
    c = Conversation()
    subscribed = c.scan_subscribe(CONTEXT)  # the response gives the DestinationToken
    c.scan_available(CONTEXT, SCAN_ID)
    create = c.create_scan_job(SCAN_ID, f"dest-{CONTEXT}")
    created = c.scan_job_created(create, 41, "job-41-a9c2e6")
    c.retrieve(41, "job-41-a9c2e6")
    c.scan_end(41)
    broken = subscribed if unreadable == "SubscribeResponse" else created
    at = c.messages.index(broken)
    entries: list[Envelope | Recorded] = list(c.messages)
    entries[at] = read_recorded(broken.to_bytes()[:-80], http=SOAP_HEAD)  # cut off
    report = check_sequence(entries)
    # one problem: the announcement (WSCN-7), the DestinationToken (WSCN-3) and the JobId
    # (WSCN-1) that answer would have given are taken as its when they show themselves
    # (WS-Eventing names no roles: who answers a Subscribe, its messages do not say)
    party = None if unreadable == "SubscribeResponse" else "device"
    assert found(report.violations) + found(report.warnings) == [(at, "DSM-INVALID", party)]
    assert [(job.job, job.phase) for job in report.jobs] == [("41", "finished")]
    expected = (("wscn", "41"),) if unreadable == "CreateScanJobResponse" else ()
    assert report.unconfirmed == expected
