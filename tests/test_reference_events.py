"""The reference examples (examples/http) answer every event with an HTTP status: 202 when
they take it, the fault refusing it (and its status) when the conversation refuses it; the
sender of the event takes that fault as the event's answer. The scan server sends each event
to every device subscribed. Run in this process over 127.0.0.1."""

from __future__ import annotations

import importlib.util
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dsm_messages import HttpHead, check_sequence, parse, serialize
from dsm_messages.models import dsp, soap
from dsm_messages.testing.conversations import end_state_body
from dsm_messages.transcripts import read_stored

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "http"


def example(name: str) -> ModuleType:
    if str(EXAMPLES) not in sys.path:
        sys.path.insert(0, str(EXAMPLES))  # the examples import each other by name
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def post(url: str, data: bytes) -> tuple[int, bytes]:
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/soap+xml"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


@pytest.fixture
def parties(tmp_path: Path) -> Iterator[tuple[Any, Any, Path]]:
    transcripts, devices, servers = (
        example("transcript"),
        example("device"),
        example("scan_server"),
    )
    out = tmp_path / "out"
    transcript = transcripts.Transcript(out)
    server = servers.ScanServer(transcript, tmp_path / "images")
    device = devices.Device(transcript, server.url)
    with server, device:
        yield server, device, out


def test_an_event_the_device_refuses_is_answered_with_its_fault_and_taken_by_the_server(
    parties: tuple[Any, Any, Path], tmp_path: Path
) -> None:
    server, device, out = parties
    device.subscribe()
    token = device.create_job()
    image = tmp_path / "page.pdf"
    image.write_bytes(b"%PDF-1.7\n" + bytes(1000))
    device.send_image(token, 1, image)
    # someone cancels the job behind the server's back: the device takes its end state
    canceled = serialize(end_state_body(token, "Canceled", images=1), to=device.sink)
    device.transcript.record("PostScanJobEndStateEvent", canceled, HttpHead.request("/events"))
    assert post(device.sink, canceled) == (202, b"")
    # the server then cancels the job itself and reports it: a second end state, refused
    server._finish(server.jobs[token], "Canceled")
    assert [error.rule for error in device.refused] == ["DSP-25"]
    assert server.refused == []  # (the fault answers its event)
    stored = sorted(path for path in out.iterdir() if path.suffix in (".xml", ".mime"))
    (fault,) = [path for path in stored if path.name.endswith("Fault.xml")]
    assert read_stored(fault).http == HttpHead.response(400)
    second_end = stored[stored.index(fault) - 1]
    assert parse(fault.read_bytes()).relates_to == parse(second_end.read_bytes()).message_id
    report = check_sequence([read_stored(path) for path in stored])
    # the one breach is the second end state; its fault is the answer it is owed
    assert [(p.index, p.rule, p.party) for p in report.violations] == [
        (stored.index(second_end), "DSP-25", "scan_server")
    ]


def test_an_end_state_for_a_token_the_device_does_not_hold_is_taken(
    parties: tuple[Any, Any, Path],
) -> None:
    _, device, _ = parties
    device.subscribe()
    stranger = serialize(
        end_state_body("0d5e7b21-94c3-4f6a-8e02-b17c3a9d5f64", "Aborted"), to=device.sink
    )
    # rule 22: an event may come before the response that reveals its token: held, not lost
    assert post(device.sink, stranger) == (202, b"")
    assert device.refused == []


def test_bytes_that_are_no_event_are_answered_with_a_fault(
    parties: tuple[Any, Any, Path],
) -> None:
    _, device, _ = parties
    status, answer = post(device.sink, b"<dsp:PostScanJobStatusEvent>")
    assert status == 400
    fault = parse(answer)
    assert isinstance(fault.body, soap.Fault)
    assert fault.relates_to is None
    assert not isinstance(fault.body, dsp.PostScanJobStatusEvent)


def test_every_subscribed_device_gets_each_event_and_the_transcript_has_no_violation(
    parties: tuple[Any, Any, Path], tmp_path: Path
) -> None:
    server, scanning, out = parties
    watching = example("device").Device(scanning.transcript, server.url)  # a second subscriber
    with watching:
        scanning.subscribe()
        watching.subscribe()
        image = tmp_path / "page.pdf"
        image.write_bytes(b"%PDF-1.7\n" + bytes(1000))
        for ending in (scanning.end, scanning.cancel):  # one job completed, one canceled
            token = scanning.create_job()
            scanning.send_image(token, 1, image)
            ending(token)
            for device in (scanning, watching):
                device.wait_until_finished(token)
    assert server.refused == scanning.refused == watching.refused == []
    stored = sorted(path for path in out.iterdir() if path.suffix in (".xml", ".mime"))
    events = [parse(path.read_bytes()) for path in stored if "Event" in path.name]
    # the completed job's status and end state, the canceled job's end state: to each device
    assert len(events) == 6
    assert {event.to for event in events} == {scanning.sink, watching.sink}
    for profile in ("strict", "lenient"):
        report = check_sequence([read_stored(path, profile=profile) for path in stored])
        assert report.violations == report.warnings == ()
        assert [(job.state, job.phase) for job in report.jobs] == [
            ("Completed", "finished"),
            ("Canceled", "finished"),
        ]
