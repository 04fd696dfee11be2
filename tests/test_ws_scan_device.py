"""The reference WS-Scan device on its own (``examples/http/ws_scan_device.py --port 0 OUTDIR``):
a client scans from it as sane-airscan does (its requests' children in sane-airscan's order),
from the platen and from the feeder, cancels a job, asks about jobs and listens to job events;
the device's transcript is a conversation ``check-sequence`` (lenient) finds no fault with,
and every message the device sent is valid in the strict profile."""

from __future__ import annotations

import io
import json
import queue
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree.ElementTree import QName

import attrs
import pytest
from commands import installed_command
from lxml import etree
from PIL import Image

from dsm_messages import Endpoint, Envelope, Fault, LocalProtocolError, parse
from dsm_messages import namespaces as ns
from dsm_messages.faults import WSCN_NO_IMAGES_AVAILABLE
from dsm_messages.models import soap, wsa, wscn, wse
from dsm_messages.ws_scan import Region, default_scan_ticket

ROOT = Path(__file__).resolve().parent.parent
DEVICE = ROOT / "examples" / "http" / "ws_scan_device.py"
ACTION_DIALECT = "http://schemas.xmlsoap.org/ws/2006/02/devprof/Action"
SMALL = Region(0, 0, 2000, 1000)  # two inches by one: small images


def sane_airscan_order(data: bytes) -> bytes:
    """The request with its children in the orders sane-airscan writes them."""
    orders = {
        "DocumentParameters": ["Format", "ImagesToTransfer", "InputSize", "InputSource"],
        "MediaFront": ["ColorProcessing", "Resolution", "ScanRegion"],
        "RetrieveImageRequest": ["DocumentDescription", "JobId", "JobToken"],
    }
    root = etree.fromstring(data)
    for parent, order in orders.items():
        for element in root.iter(f"{{{ns.WSCN}}}{parent}"):
            rank = {name: at for at, name in enumerate(order)}
            children = sorted(element, key=lambda c: rank.get(etree.QName(c).localname, 99))
            element[:] = children
    return etree.tostring(root)


class Client:
    """A WS-Scan client on the library: requests to the device, answers and events back."""

    def __init__(self, service: str) -> None:
        self.service = service
        self.endpoint = Endpoint("control_point", clock=None)
        self.events: queue.Queue[Envelope] = queue.Queue()
        self._lock = threading.Lock()
        client = self

        class Sink(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                data = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with client._lock:
                    client.events.put(client.endpoint.receive(data))
                self.send_response(202)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                return

        self.sink = ThreadingHTTPServer(("127.0.0.1", 0), Sink)
        threading.Thread(target=self.sink.serve_forever, daemon=True).start()

    def call(self, body: object, *, reorder: bool = False) -> Envelope:
        with self._lock:
            data = self.endpoint.request(body, to=self.service)
        if reorder:
            data = sane_airscan_order(data)
        post = urllib.request.Request(
            self.service, data=data, headers={"Content-Type": "application/soap+xml"}
        )
        try:
            with urllib.request.urlopen(post, timeout=60) as answer:
                content_type, reply = answer.headers.get("Content-Type", ""), answer.read()
        except urllib.error.HTTPError as fault:
            content_type, reply = fault.headers.get("Content-Type", ""), fault.read()
        with self._lock:
            return self.endpoint.receive(reply, content_type=content_type)

    def subscribe(self) -> None:
        host, port = self.sink.server_address[:2]
        actions = f"{ns.WSCN}/JobStatusEvent {ns.WSCN}/JobEndStateEvent"
        self.call(
            wse.Subscribe(
                delivery=wse.DeliveryType(
                    notify_to=wse.NotifyTo(
                        address=wsa.AttributedURI(value=f"http://{host!s}:{port}/")
                    )
                ),
                filter=wse.FilterType(value=actions, dialect=ACTION_DIALECT),
            )
        )

    def create(self, source: str, *, reorder: bool = True) -> wscn.CreateScanJobResponse:
        ticket = default_scan_ticket(
            input_source=source, format="png", color="Grayscale8", resolution=100, region=SMALL
        )
        request = wscn.CreateScanJobRequest(scan_ticket=ticket)
        return self.call(request, reorder=reorder).body_as(wscn.CreateScanJobResponse)

    def retrieve(self, job: wscn.CreateScanJobResponse, *, reorder: bool = True) -> Envelope:
        request = wscn.RetrieveImageRequest(
            job_id=job.job_id,
            job_token=job.job_token,
            document_description=wscn.DocumentDescriptionType(document_name="IMAGE000.PNG"),
        )
        return self.call(request, reorder=reorder)

    def close(self) -> None:
        self.sink.shutdown()
        self.sink.server_close()


@attrs.define
class Seen:
    """What the client got from the device."""

    service: str = ""
    exit: int | None = None
    elements: list[bool] = attrs.field(factory=list)
    platen: wscn.CreateScanJobResponse | None = None
    platen_image: bytes = b""
    feeder: wscn.CreateScanJobResponse | None = None
    feeder_answers: list[object] = attrs.field(factory=list)
    after_cancel: str = ""
    job_elements: wscn.GetJobElementsResponse | None = None
    active: wscn.GetActiveJobsResponse | None = None
    history: wscn.GetJobHistoryResponse | None = None
    events: list[object] = attrs.field(factory=list)


@pytest.fixture(scope="module")
def transcript(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Seen]:
    out = tmp_path_factory.mktemp("device") / "out"
    device = subprocess.Popen(
        [sys.executable, str(DEVICE), "--port", "0", "--feeder", "2", str(out)],
        stdout=subprocess.PIPE,
        text=True,
    )
    seen = Seen()
    try:
        assert device.stdout is not None
        seen.service = device.stdout.readline().strip()
        client = Client(seen.service)
        try:
            scan(client, seen)
        finally:
            client.close()
    finally:
        device.send_signal(signal.SIGINT)
        seen.exit = device.wait(timeout=30)
    return out, seen


def wscn_names(*locals_: str) -> list[QName]:
    return [QName(ns.WSCN, name) for name in locals_]


def scan(client: Client, seen: Seen) -> None:
    client.subscribe()
    names = wscn_names(
        "ScannerConfiguration", "ScannerDescription", "ScannerStatus", "DefaultScanTicket"
    )
    asked = wscn.GetScannerElementsRequest(
        requested_elements=wscn.RequestedScannerElementsType(
            name=[*names, QName("http://vendor.example/x", "Toner")]
        )
    )
    elements = client.call(asked).body_as(wscn.GetScannerElementsResponse)
    seen.elements = [bool(e.valid) for e in elements.scanner_elements.element_data]
    # from the platen: one image
    seen.platen = client.create("Platen")
    image = client.retrieve(seen.platen).body_as(wscn.RetrieveImageResponse)
    seen.platen_image = image.scan_data
    # from the feeder, until it is empty
    seen.feeder = client.create("ADF")
    answers = [client.retrieve(seen.feeder) for _ in range(3)]
    seen.feeder_answers = [a.body if a.is_fault else "image" for a in answers]
    # a feeder job cancelled after its first page
    cancelled = client.create("ADF")
    client.retrieve(cancelled)
    client.call(wscn.CancelJobRequest(job_id=cancelled.job_id))
    with pytest.raises(LocalProtocolError) as refused:  # our own endpoint will not ask again
        client.retrieve(cancelled)
    seen.after_cancel = refused.value.rule
    job = wscn.GetJobElementsRequest(
        job_id=seen.platen.job_id,
        requested_elements=wscn.RequestedJobElementsType(
            name=wscn_names("JobStatus", "ScanTicket", "Documents")
        ),
    )
    seen.job_elements = client.call(job).body_as(wscn.GetJobElementsResponse)
    seen.active = client.call(wscn.GetActiveJobsRequest()).body_as(wscn.GetActiveJobsResponse)
    seen.history = client.call(wscn.GetJobHistoryRequest()).body_as(wscn.GetJobHistoryResponse)
    while len(seen.events) < 6:  # a status and an end state per job
        seen.events.append(client.events.get(timeout=30).body)


def test_the_device_prints_its_scan_service_and_stops_on_sigint(
    transcript: tuple[Path, Seen],
) -> None:
    _, seen = transcript
    assert seen.service.startswith("http://127.0.0.1:")
    assert seen.service.endswith("/WSDScanner")
    assert seen.exit == 0


def test_the_device_answers_each_scanner_element_it_has(transcript: tuple[Path, Seen]) -> None:
    _, seen = transcript
    assert seen.elements == [True, True, True, True, False]


def test_the_images_are_drawn_as_the_ticket_asks(transcript: tuple[Path, Seen]) -> None:
    _, seen = transcript
    assert seen.platen is not None
    info = seen.platen.image_information.media_front_image_info
    assert (info.pixels_per_line, info.number_of_lines) == (200, 100)
    image = Image.open(io.BytesIO(seen.platen_image))
    assert (image.format, image.size, image.mode) == ("PNG", (200, 100), "L")
    announced = seen.platen.document_final_parameters.images_to_transfer
    assert announced is not None
    assert announced.value == 1  # ImagesToTransfer 0 from the platen: one image


def test_the_feeder_gives_its_sheets_then_no_images_available(
    transcript: tuple[Path, Seen],
) -> None:
    _, seen = transcript
    assert seen.feeder_answers[:2] == ["image", "image"]
    fault = seen.feeder_answers[2]
    assert isinstance(fault, soap.Fault)
    assert Fault.from_model(fault) == WSCN_NO_IMAGES_AVAILABLE
    assert seen.feeder is not None
    asked = seen.feeder.document_final_parameters.images_to_transfer
    assert asked is not None
    assert asked.value == 0  # until the feeder is empty, as the ticket asked


def test_jobs_are_reported_and_their_events_sent(transcript: tuple[Path, Seen]) -> None:
    _, seen = transcript
    assert seen.after_cancel == "WSCN-9"
    assert seen.job_elements is not None
    data = seen.job_elements.job_elements.element_data
    assert [e.valid for e in data] == [True, True, False]
    status = data[0].job_status
    assert status is not None
    assert (str(status.job_state), status.scans_completed) == ("Completed", 1)
    assert seen.active is not None
    assert list(seen.active.active_jobs.job_summary) == []
    assert seen.history is not None
    summaries = seen.history.job_history.job_summary
    assert [(s.job_id, str(s.job_state), s.scans_completed) for s in summaries] == [
        (1, "Completed", 1),
        (2, "Completed", 2),
        (3, "Canceled", 1),
    ]
    ends = [e.job_end_state for e in seen.events if isinstance(e, wscn.JobEndStateEvent)]
    assert sorted((end.job_id, str(end.job_completed_state)) for end in ends) == [
        (1, "Completed"),
        (2, "Completed"),
        (3, "Canceled"),
    ]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_command("dsm-messages"), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_the_transcript_is_a_conversation_without_violations(
    transcript: tuple[Path, Seen],
) -> None:
    out, _ = transcript
    result = cli("check-sequence", "--profile", "lenient", "--format", "json", str(out))
    report = json.loads(result.stdout)
    assert result.returncode == 0, report["violations"]
    assert report["warnings"] == []
    assert [(job["id"], job["state"], job["phase"]) for job in report["jobs"]] == [
        ("1", "Completed", "finished"),
        ("2", "Completed", "finished"),
        ("3", "Canceled", "finished"),
    ]


def test_every_message_the_device_sent_is_strict_valid(transcript: tuple[Path, Seen]) -> None:
    out, _ = transcript
    files = sorted(path for path in out.iterdir() if path.suffix in (".xml", ".mime"))
    sent = [str(path) for path in files if "-request." not in path.name]
    received = [str(path) for path in files if "-request." in path.name]
    assert len(sent) == len(received) + 6  # every request answered, and six events
    strict = json.loads(cli("validate", "--format", "json", *sent).stdout)["files"]
    assert all(item["valid"] and not item["problems"] for item in strict), strict
    # what the client sent in sane-airscan's order: lenient reads it, naming each child
    lenient = json.loads(
        cli("validate", "--profile", "lenient", "--format", "json", *received).stdout
    )
    assert all(item["valid"] for item in lenient["files"])
    codes = {p["code"] for item in lenient["files"] for p in item["problems"]}
    assert codes == {"DSM-CHILD-ORDER"}


# -- two clients subscribed to job events ------------------------------------------------------


@pytest.fixture(scope="module")
def watched(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[object]]]:
    """Two clients subscribed to job events, each scanning a job (in schema order): the
    device's transcript and the events each client took, in order."""
    out = tmp_path_factory.mktemp("two-clients") / "out"
    device = subprocess.Popen(
        [sys.executable, str(DEVICE), "--port", "0", "--feeder", "2", str(out)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert device.stdout is not None
        service = device.stdout.readline().strip()
        clients = [Client(service), Client(service)]
        try:
            received = scan_watched(clients)
        finally:
            for client in clients:
                client.close()
    finally:
        device.send_signal(signal.SIGINT)
        assert device.wait(timeout=30) == 0
    return out, received


def scan_watched(clients: list[Client]) -> list[list[object]]:
    received: list[list[object]] = [[] for _ in clients]

    def each_takes_one() -> None:  # (one event at a time: nothing overtakes another)
        for events, client in zip(received, clients, strict=True):
            events.append(client.events.get(timeout=30).body)

    first, second = clients
    for client in clients:
        client.subscribe()
    platen = first.create("Platen", reorder=False)
    each_takes_one()  # its status
    first.retrieve(platen, reorder=False)  # its one image
    each_takes_one()  # its end state
    feeder = second.create("ADF", reorder=False)
    each_takes_one()
    for _ in range(3):  # two sheets, then none left
        second.retrieve(feeder, reorder=False)
    each_takes_one()
    return received


def test_two_clients_subscribed_to_job_events_each_get_every_event(
    watched: tuple[Path, list[list[object]]],
) -> None:
    _, (first, second) = watched
    assert first == second  # a copy of each event, the same body
    seen = []
    for event in first:
        if isinstance(event, wscn.JobStatusEvent):
            status = event.job_status
            seen.append(("status", status.job_id, str(status.job_state)))
        else:
            assert isinstance(event, wscn.JobEndStateEvent)
            end = event.job_end_state
            seen.append(("end", end.job_id, str(end.job_completed_state)))
    assert seen == [
        ("status", 1, "Processing"),
        ("end", 1, "Completed"),
        ("status", 2, "Processing"),
        ("end", 2, "Completed"),
    ]


@pytest.mark.parametrize("profile", ["strict", "lenient"])
def test_the_transcript_with_two_subscribers_has_no_violation(
    watched: tuple[Path, list[list[object]]], profile: str
) -> None:
    out, _ = watched
    events = [path for path in out.iterdir() if path.name.endswith("Event.xml")]
    sinks = {parse(path.read_bytes()).to for path in events}
    assert len(events) == 8  # four events, a copy to each client
    assert len(sinks) == 2
    result = cli("check-sequence", "--profile", profile, "--format", "json", str(out))
    report = json.loads(result.stdout)
    assert result.returncode == 0, report["violations"]
    assert report["violations"] == report["warnings"] == []
    assert [(job["id"], job["state"], job["phase"]) for job in report["jobs"]] == [
        ("1", "Completed", "finished"),
        ("2", "Completed", "finished"),
    ]
