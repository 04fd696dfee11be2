"""dsm-messages as the judge of a scan server it did not help to write.

A device script plays one conversation against the independent server of
``independent_server.py`` (the standard library and lxml, no ``Endpoint``): it subscribes,
creates a job, sends an image, probes the server twice with requests the protocol has the
server refuse (a DocumentId sent again: rule 7; a JobToken in another case: rule 2), sends a
second image and ends the job. Each side stores what it sends, with its HTTP head, in the
layout ``check-sequence`` reads. The conforming server's transcript shows the device's two
probes and nothing else; each defect of the server adds exactly one problem: the rule the
server broke, at the message it broke it with, blamed on the scan server.
"""

from __future__ import annotations

import json
import subprocess
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from commands import installed_command
from independent_server import IndependentServer

from dsm_messages import (
    ANONYMOUS,
    build_send_image,
    check_sequence,
    parse,
    serialize,
    validate_file,
)
from dsm_messages.models import dsp, wsa, wse
from dsm_messages.testing.conversations import create_body, send_image_body
from dsm_messages.transcripts import read_stored

SOAP_TYPE = "application/soap+xml; charset=utf-8"
IMAGE = b"%PDF-1.7\n" + bytes(2000)


class Recorder:
    """Numbered files in ``folder``, one per message, each with its ``.http`` sidecar (written
    here from the format the documentation gives, not with the library's helpers)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir()
        self.folder = folder
        self._count = 0
        self._lock = threading.Lock()

    def record(self, name: str, data: bytes, head: str, suffix: str = ".xml") -> None:
        with self._lock:
            self._count += 1
            stem = self.folder / f"{self._count:03d}-{name}"
        stem.with_suffix(suffix).write_bytes(data)
        stem.with_suffix(".http").write_text(head)


class EventSink:
    """The device's event listener: takes every event (202) and tells when the end came."""

    def __init__(self) -> None:
        self.ended = threading.Event()
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                data = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if b"PostScanJobEndStateEvent" in data:
                    sink.ended.set()
                self.send_response(202)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                return

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._http.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}/events"

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()


def post(url: str, data: bytes, content_type: str = SOAP_TYPE) -> bytes:
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": content_type}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return bytes(answer.read())
    except urllib.error.HTTPError as fault:
        return bytes(fault.read())


def play(server: IndependentServer, sink: EventSink, recorder: Recorder) -> None:
    """The device's side: every request stored with its request line, then posted."""
    head = f"POST /ScanServer HTTP/1.1\r\nContent-Type: {SOAP_TYPE}\r\n"

    def call(name: str, body: object) -> bytes:
        data = serialize(body, to=server.url, reply_to=ANONYMOUS)
        recorder.record(name, data, head)
        return post(server.url, data)

    def send_image(name: str, token: str, document: int) -> None:
        content_type, chunks = build_send_image(
            send_image_body(token, document), IMAGE, to=server.url, reply_to=ANONYMOUS
        )
        package = b"".join(chunks)
        stored = f"MIME-Version: 1.0\r\nContent-Type: {content_type}\r\n\r\n".encode()
        recorder.record(
            name,
            stored + package,
            f"POST /ScanServer HTTP/1.1\r\nContent-Type: {content_type}\r\n",
            ".mime",
        )
        post(server.url, package, content_type)

    notify_to = wse.NotifyTo(address=wsa.AttributedURI(value=sink.url))
    call("Subscribe-request", wse.Subscribe(delivery=wse.DeliveryType(notify_to=notify_to)))
    created = parse(call("CreatePostScanJob-request", create_body()))
    token = created.body_as(dsp.CreatePostScanJobResponse).job_token
    send_image("SendImage-request", token, 1)
    send_image("SendImage-same-DocumentId-request", token, 1)  # probe: rule 7
    call("EndPostScanJob-wrong-case-request", dsp.EndPostScanJobRequest(job_token=token.upper()))
    send_image("SendImage-request", token, 2)
    call("EndPostScanJob-request", dsp.EndPostScanJobRequest(job_token=token))
    assert sink.ended.wait(30), "the server never reported the end of the job"


def transcript(folder: Path, *defects: str) -> Path:
    out = folder / ("-".join(defects) or "conforming")
    recorder = Recorder(out)
    sink = EventSink()
    try:
        with IndependentServer(recorder.record, defects) as server:
            play(server, sink, recorder)
    finally:
        sink.close()
    return out


def judged(out: Path) -> list[tuple[str, str, str | None]]:
    """Every problem ``dsm-messages check-sequence`` names: (message file, rule, party)."""
    result = subprocess.run(
        [installed_command("dsm-messages"), "check-sequence", "--format", "json", str(out)],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr.decode()
    report = json.loads(result.stdout)
    return [
        (Path(p["path"]).name, p["rule"], p["party"])
        for p in report["violations"] + report["warnings"]
    ]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("judging")


@pytest.fixture(scope="module")
def conforming(folder: Path) -> Path:
    return transcript(folder)


PROBES = [
    ("007-SendImage-same-DocumentId-request.mime", "DSP-7", "device"),
    ("009-EndPostScanJob-wrong-case-request.xml", "DSP-2", "device"),
]


def test_the_conforming_server_leaves_only_the_devices_probes(conforming: Path) -> None:
    stored = sorted(path.name for path in conforming.iterdir() if path.suffix != ".http")
    assert len(stored) == 16  # subscribe, create, 3 images, 2 ends: answered; 2 events
    assert {"008-Fault.xml", "010-Fault.xml"} <= set(stored)  # each probe refused
    assert judged(conforming) == PROBES
    # and every message it sent is valid in strict, as the library reads them
    for path in sorted(conforming.glob("*.xml")):
        assert validate_file(str(path)).valid, path.name


DEFECTS = {
    # a request it had to refuse, accepted: rule 7 broken by the server, at its response
    "accept-refused": ("008-SendImage-response.xml", "DSP-7"),
    # the refusal answered with another fault than dsp:InvalidArgs
    "wrong-subcode": ("010-Fault.xml", "DSM-FAULT-MISMATCH"),
    # the right fault, sent with HTTP status 200
    "fault-with-200": ("010-Fault.xml", "DSM-HTTP-STATUS"),
    # the answer to the second image cut off halfway: one problem, and the job goes on
    "unreadable-answer": ("012-SendImage-response.xml", "DSM-INVALID"),
}


@pytest.mark.parametrize("defect", list(DEFECTS))
def test_check_sequence_names_exactly_the_rule_the_server_broke(folder: Path, defect: str) -> None:
    out = transcript(folder, defect)
    at, rule = DEFECTS[defect]
    expected = sorted([*PROBES, (at, rule, "scan_server")])
    assert sorted(judged(out)) == expected
    # lenient too, as a library call: it tolerates a wrong fault or a fault with status 200,
    # which real devices send, and still names it, as a warning
    stored = sorted(path for path in out.iterdir() if path.suffix in (".xml", ".mime"))
    report = check_sequence([read_stored(path, profile="lenient") for path in stored])
    lenient = [
        (stored[p.index].name, p.rule, p.party)
        for p in report.violations + report.warnings
        if p.index is not None
    ]
    assert sorted(lenient) == expected
