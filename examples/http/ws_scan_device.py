"""A reference WS-Scan device over the standard library's HTTP server, on 127.0.0.1: pull and push
scan.

Usage: ``python examples/http/ws_scan_device.py [--port PORT] [--formats png,jfif]
[--feeder SHEETS] [--scan-seconds SECONDS] OUTDIR``

It prints the URL of its scan service as the first line of its standard output, writes every
message it receives and sends to OUTDIR in wire order (``NNN-<operation>-request.xml``, ...,
as ``dsm-messages check-sequence`` reads a transcript) and serves until interrupted.
``--port 0`` (the default) takes a free port.

A client scans from it (pull scan) as Windows or sane-airscan do: GetScannerElements for its
description, configuration, status and default ticket; CreateScanJob with a ticket alone;
RetrieveImage for each page until the job's images are transferred (from the feeder, until it
is empty: then ``ClientErrorNoImagesAvailable``); CancelJob while pages are being scanned
(each takes ``--scan-seconds``). The images are drawn for the ticket: the format, colour mode,
resolution and region it asks for. GetJobElements, GetActiveJobs and GetJobHistory report the
jobs. It also answers the WS-Transfer Get of its DPWS metadata (which names its scan service),
takes WS-Eventing subscriptions (job events; ScanAvailableEvent with the client's scan
destinations) and, when someone at the device picks a destination and presses Scan
(:meth:`ScanDevice.press_scan`), announces the scan to that client (push scan).

Everything WS-Scan is the library's: an ``Endpoint`` in the lenient profile reads what real
clients send (children out of schema order, for one) and refuses what breaks the protocol with
the fault to send back; ``dsm_messages.ws_scan`` builds the answers from plain values. This file
only decides what to answer.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import signal
import sys
import threading
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import attrs
from PIL import Image
from transcript import SOAP_CONTENT_TYPE, Transcript, answered_with, package_body, posted_to
from xsdata.models.datatype import XmlDuration

from dsm_messages import (
    Endpoint,
    Envelope,
    Fault,
    HttpHead,
    RemoteProtocolError,
    Subscriber,
    about,
)
from dsm_messages import namespaces as ns
from dsm_messages.discovery import GET_ACTION, HOST_RELATIONSHIP, SCANNER_SERVICE_TYPE
from dsm_messages.faults import (
    ACTION_NOT_SUPPORTED,
    WSCN_FORMAT_NOT_SUPPORTED,
    WSCN_INVALID_DESTINATION_TOKEN,
    WSCN_INVALID_JOB_TOKEN,
    WSCN_INVALID_SCAN_IDENTIFIER,
    WSCN_JOB_CANCELLED,
    WSCN_JOB_ID_NOT_FOUND,
    WSCN_NO_IMAGES_AVAILABLE,
)
from dsm_messages.models import wsa, wscn, wsdp, wse, wsx
from dsm_messages.ws_scan import (
    Source,
    TicketSettings,
    default_scan_ticket,
    final_parameters,
    job_elements,
    scanner_configuration,
    scanner_description,
    scanner_elements,
    scanner_status,
    ticket_settings,
)

SUBSCRIPTION = XmlDuration("PT1H")
SCAN_AVAILABLE = f"{ns.WSCN}/ScanAvailableEvent"
JOB_STATUS = f"{ns.WSCN}/JobStatusEvent"
JOB_END_STATE = f"{ns.WSCN}/JobEndStateEvent"
#: Pillow's image mode and the bytes a pixel takes, per WS-Scan colour mode
COLOR_MODES = {"BlackAndWhite1": ("1", 1 / 8), "Grayscale8": ("L", 1), "RGB24": ("RGB", 3)}
#: Pillow's name and the MIME type of each WS-Scan format this device writes
FORMATS = {"png": ("PNG", "image/png"), "jfif": ("JPEG", "image/jpeg")}
#: (HTTP status, Content-Type, body chunks, what to do once the answer is sent)
Answer = tuple[int, str, Iterator[bytes], Callable[[], None]]


@attrs.define
class Destination:
    """A scan destination a client registered: shown on the panel under its display name."""

    display_name: str
    client_context: str
    token: str
    subscriber: Subscriber


@attrs.define
class Job:
    """A scan job: ``images`` images, each drawn for ``settings`` (or the ``pages`` of a push
    scan); ``settings.images_to_transfer`` is what the device announced (0 from the feeder:
    until it is empty)."""

    job_id: int
    token: str
    settings: TicketSettings
    ticket: wscn.ScanTicketType
    images: int
    pages: list[bytes] | None = None
    retrieved: int = 0
    state: str = "Processing"
    created: datetime = attrs.field(factory=lambda: datetime.now(UTC))
    completed: datetime | None = None
    #: set when the job is cancelled: a page being scanned stops
    cancelled: threading.Event = attrs.field(factory=threading.Event)

    def status(self) -> wscn.JobStatusType:
        return wscn.JobStatusType(
            job_id=self.job_id,
            job_state=self.state,
            job_state_reasons=wscn.JobStateReasonsType(job_state_reason=["None"]),
            scans_completed=self.retrieved,
            job_created_time=self.created,
            job_completed_time=self.completed,
        )

    def summary(self) -> wscn.JobSummaryType:
        return wscn.JobSummaryType(
            job_id=self.job_id,
            job_name=self.settings.job_name,
            job_originating_user_name=self.settings.user,
            job_state=self.state,
            job_state_reasons=wscn.JobStateReasonsType(job_state_reason=["None"]),
            scans_completed=self.retrieved,
        )


class ScanDevice:
    """Serves its metadata at ``xaddr`` and its scan service at ``scan_service``: ``pages``
    are what a push scan sends, ``feeder`` the sheets each job finds in the document feeder,
    ``scan_seconds`` how long a page takes to scan."""

    def __init__(
        self,
        transcript: Transcript,
        pages: list[bytes] | None = None,
        *,
        port: int = 0,
        formats: tuple[str, ...] = ("png", "jfif"),
        feeder: int = 2,
        scan_seconds: float = 0.0,
    ) -> None:
        self.transcript = transcript
        self.pages = pages or []
        self.formats = formats
        self.feeder = feeder
        self.scan_seconds = scan_seconds
        self.identity = f"urn:uuid:{uuid.uuid4()}"
        self.endpoint = Endpoint("device", profile="lenient")
        self._lock = threading.RLock()  # one conversation state, many handler threads
        self.destinations: list[Destination] = []
        self.job_subscribers: list[tuple[Subscriber, frozenset[str]]] = []
        self.scans: dict[str, Destination] = {}  # ScanIdentifier announced -> its destination
        self.jobs: dict[int, Job] = {}
        self.refused: list[RemoteProtocolError] = []
        self.description = scanner_description(
            "Reference scanner", info="dsm-messages reference WS-Scan device", location="here"
        )
        self.configuration = scanner_configuration(formats=formats, adf=Source())
        self.default_ticket = default_scan_ticket(format=formats[0])
        self._http = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    def _url(self, path: str) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}/{path}"

    @property
    def xaddr(self) -> str:
        """Where the device's metadata is fetched (what its ProbeMatches would list)."""
        return self._url("device")

    @property
    def scan_service(self) -> str:
        return self._url("WSDScanner")

    def __enter__(self) -> ScanDevice:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._http.shutdown()
        self._http.server_close()

    # -- at the panel --------------------------------------------------------------------
    def press_scan(self, display_name: str) -> str:
        """Someone chose the destination ``display_name`` and pressed Scan: tell its client.
        Returns the ScanIdentifier announced."""
        with self._lock:
            destination = next(d for d in self.destinations if d.display_name == display_name)
            scan_identifier = str(uuid.uuid4())
            self.scans[scan_identifier] = destination
            event = wscn.ScanAvailableEvent(
                client_context=destination.client_context,
                scan_identifier=scan_identifier,
                input_source=wscn.DocumentInputSourceWKVType.ADF,
            )
        self._notify("ScanAvailableEvent", event, [destination.subscriber])
        return scan_identifier

    # -- one HTTP request ----------------------------------------------------------------
    def handle(self, data: bytes, head: HttpHead) -> Answer:
        """Answer the message ``data`` that came in an HTTP request with ``head``."""
        with self._lock:
            try:
                request = self.endpoint.receive(data)
            except RemoteProtocolError as error:
                self.transcript.record("refused-request", data, head)
                self.refused.append(error)
                if error.fault is None:  # no request: nobody answers it
                    return 202, SOAP_CONTENT_TYPE, iter(()), _nothing
                return self._soap("Fault", self.endpoint.refuse(error), error.fault.http_status)
            self.transcript.record(f"{about(request).operation}-request", data, head)
        if isinstance(request.body, wscn.RetrieveImageRequest):
            self._scan_page(request.body)  # the scanner works; the conversation goes on
        with self._lock:
            return self._dispatch(request)

    def _dispatch(self, request: Envelope) -> Answer:
        body = request.body
        if body is None and request.action == GET_ACTION:
            return self._reply(request, self._metadata())
        if isinstance(body, wse.Subscribe):
            return self._subscribe(request, body)
        if isinstance(body, wscn.GetScannerElementsRequest):
            status = scanner_status("Processing" if self._active() else "Idle")
            return self._reply(
                request,
                scanner_elements(
                    body.requested_elements.name,
                    description=self.description,
                    configuration=self.configuration,
                    status=status,
                    default_ticket=self.default_ticket,
                ),
            )
        if isinstance(body, wscn.CreateScanJobRequest):
            return self._create(request, body)
        if isinstance(body, wscn.RetrieveImageRequest):
            return self._retrieve(request, body)
        if isinstance(body, wscn.CancelJobRequest):
            return self._cancel(request, body)
        if isinstance(body, wscn.GetJobElementsRequest):
            job = self.jobs.get(body.job_id)
            if job is None:
                return self._fault(request, WSCN_JOB_ID_NOT_FOUND)
            answer = job_elements(
                body.requested_elements.name, status=job.status(), ticket=job.ticket
            )
            return self._reply(request, answer)
        if isinstance(body, wscn.GetActiveJobsRequest):
            active = [job.summary() for job in self._active()]
            summaries = wscn.ListOfSummarysType(job_summary=active)
            return self._reply(request, wscn.GetActiveJobsResponse(active_jobs=summaries))
        if isinstance(body, wscn.GetJobHistoryRequest):
            done = [job.summary() for job in self.jobs.values() if job.completed is not None]
            history = wscn.ListOfSummarysType(job_summary=done)
            return self._reply(request, wscn.GetJobHistoryResponse(job_history=history))
        return self._fault(request, ACTION_NOT_SUPPORTED)

    def _active(self) -> list[Job]:
        return [job for job in self.jobs.values() if job.completed is None]

    def _metadata(self) -> wsx.Metadata:
        scanner = wsdp.Hosted(
            endpoint_reference=[wsa.EndpointReference(address=_uri(self.scan_service))],
            types=[SCANNER_SERVICE_TYPE],
            service_id=f"{self.identity}/WSDScanner",
        )
        sections = [
            (
                "ThisModel",
                wsdp.ThisModel(
                    manufacturer=[wsdp.LocalizedStringType(value="dsm-messages")],
                    model_name=[wsdp.LocalizedStringType(value="Reference WS-Scan device")],
                ),
            ),
            (
                "ThisDevice",
                wsdp.ThisDevice(
                    friendly_name=[wsdp.LocalizedStringType(value="Reference scanner")],
                ),
            ),
            ("Relationship", wsdp.Relationship(type_value=HOST_RELATIONSHIP, hosted=[scanner])),
        ]
        return wsx.Metadata(
            metadata_section=[
                wsx.MetadataSectionType(dialect=f"{ns.WSDP}/{dialect}", other_element=content)
                for dialect, content in sections
            ]
        )

    def _subscribe(self, request: Envelope, body: wse.Subscribe) -> Answer:
        subscriber = Subscriber.from_subscribe(request)
        wanted = frozenset([] if body.filter is None else body.filter.value.split())
        extensions: list[object] = []
        if SCAN_AVAILABLE in wanted:
            asked = [e for e in body.other_element if isinstance(e, wscn.ScanDestinations)]
            responses = []
            for destination in (d for item in asked for d in item.scan_destination):
                registered = Destination(
                    display_name=destination.client_display_name,
                    client_context=destination.client_context,
                    token=f"dest-{uuid.uuid4()}",
                    subscriber=subscriber,
                )
                self.destinations.append(registered)
                responses.append(
                    wscn.DestinationResponseType(
                        client_context=registered.client_context,
                        destination_token=registered.token,
                    )
                )
            extensions.append(wscn.DestinationResponses(destination_response=responses))
        if wanted & {JOB_STATUS, JOB_END_STATE}:
            self.job_subscribers.append((subscriber, wanted))
        manager = wsa.EndpointReferenceType(address=_uri(self.scan_service))
        answer = wse.SubscribeResponse(
            subscription_manager=manager,
            expires=wse.ExpirationType(value=SUBSCRIPTION),
            other_element=extensions,
        )
        return self._reply(request, answer)

    def _create(self, request: Envelope, body: wscn.CreateScanJobRequest) -> Answer:
        pages = None
        if body.scan_identifier is not None:  # the scan someone started at the panel
            destination = self.scans.get(body.scan_identifier)
            if destination is None:
                return self._fault(request, WSCN_INVALID_SCAN_IDENTIFIER)
            if body.destination_token != destination.token:
                return self._fault(request, WSCN_INVALID_DESTINATION_TOKEN)
            del self.scans[body.scan_identifier]
            pages = list(self.pages)
        settings = ticket_settings(body.scan_ticket, self.default_ticket)
        if pages is None and settings.format not in self.formats:
            return self._fault(request, WSCN_FORMAT_NOT_SUPPORTED)
        asked = settings.images_to_transfer
        if pages is not None:
            images = asked = len(pages)
        elif settings.input_source.startswith("ADF"):  # 0: every sheet in the feeder
            sheets = self.feeder * (2 if settings.input_source == "ADFDuplex" else 1)
            images = min(asked, sheets) if asked else sheets
        else:  # the platen or film: 0 is one image
            images = asked = asked or 1
        job = Job(
            job_id=len(self.jobs) + 1,
            token=str(uuid.uuid4()),
            settings=attrs.evolve(settings, images_to_transfer=asked),
            ticket=body.scan_ticket,
            images=images,
            pages=pages,
        )
        self.jobs[job.job_id] = job
        width, lines = settings.pixels
        depth = COLOR_MODES.get(settings.color, COLOR_MODES["RGB24"])[1]
        page = wscn.MediaSideImageInfoType(
            pixels_per_line=width, number_of_lines=lines, bytes_per_line=int(width * depth)
        )
        answer = wscn.CreateScanJobResponse(
            job_id=job.job_id,
            job_token=job.token,
            image_information=wscn.ImageInformationType(media_front_image_info=page),
            document_final_parameters=final_parameters(job.settings),
        )
        return self._then(self._reply(request, answer), lambda: self._job_event(job))

    def _scan_page(self, body: wscn.RetrieveImageRequest) -> None:
        """The next page of the job takes ``scan_seconds`` to scan, unless it is cancelled."""
        with self._lock:
            job = self.jobs.get(body.job_id)
        if job is not None and self.scan_seconds:
            job.cancelled.wait(self.scan_seconds)

    def _retrieve(self, request: Envelope, body: wscn.RetrieveImageRequest) -> Answer:
        job = self.jobs.get(body.job_id)
        if job is None:
            return self._fault(request, WSCN_JOB_ID_NOT_FOUND)
        if body.job_token != job.token:
            return self._fault(request, WSCN_INVALID_JOB_TOKEN)
        if job.cancelled.is_set():
            return self._fault(request, WSCN_JOB_CANCELLED)
        if job.retrieved == job.images:  # (from the feeder: it is empty now)
            answer = self._fault(request, WSCN_NO_IMAGES_AVAILABLE)
            return self._then(answer, self._end(job, "Completed"))
        job.retrieved += 1
        image, image_type = self._page(job, job.retrieved)
        content_type, chunks = self.endpoint.reply_image(
            request, wscn.RetrieveImageResponse(scan_data=b""), image, image_type=image_type
        )
        stored = self.transcript.record_package(
            "RetrieveImage-response", content_type, chunks, answered_with(200, content_type)
        )
        _, package = package_body(stored)
        if job.retrieved != job.settings.images_to_transfer:  # (0: the client asks till empty)
            return 200, content_type, package, _nothing
        return 200, content_type, package, self._end(job, "Completed")  # the last one announced

    def _page(self, job: Job, number: int) -> tuple[bytes, str]:
        """Page ``number`` of ``job``: a push scan's, or one drawn as its ticket asks."""
        if job.pages is not None:
            return job.pages[number - 1], "image/jpeg"
        return draw(job.settings, number)

    def _cancel(self, request: Envelope, body: wscn.CancelJobRequest) -> Answer:
        job = self.jobs.get(body.job_id)
        if job is None or job.completed is not None:
            return self._fault(request, WSCN_JOB_ID_NOT_FOUND)
        job.cancelled.set()
        answer = self._reply(request, wscn.CancelJobResponse())
        return self._then(answer, self._end(job, "Canceled"))

    def _end(self, job: Job, state: str) -> Callable[[], None]:
        """The job ended in ``state``; returns what sends its end state to the job-event
        subscribers, once the answer that ended it is sent."""
        job.state, job.completed = state, datetime.now(UTC)
        return lambda: self._end_event(job)

    def _end_event(self, job: Job) -> None:
        with self._lock:
            end = wscn.JobEndStateEvent(
                job_end_state=wscn.JobEndStateType(
                    job_id=job.job_id,
                    job_completed_state=job.state,
                    job_completed_state_reasons=wscn.JobStateReasonsType(
                        job_state_reason=["None"]
                    ),
                    job_name=job.settings.job_name,
                    job_originating_user_name=job.settings.user,
                    scans_completed=job.retrieved,
                    job_completed_time=job.completed,
                )
            )
            wanting = [s for s, wanted in self.job_subscribers if JOB_END_STATE in wanted]
        self._notify("JobEndStateEvent", end, wanting)

    def _job_event(self, job: Job) -> None:
        with self._lock:
            if job.completed is not None:  # it ended first: its end state says it all
                return
            event = wscn.JobStatusEvent(job_status=job.status())
            wanting = [s for s, wanted in self.job_subscribers if JOB_STATUS in wanted]
        self._notify("JobStatusEvent", event, wanting)

    @staticmethod
    def _then(answer: Answer, after: Callable[[], None]) -> Answer:
        """``answer``, with what to do once it is sent."""
        return (*answer[:3], after)

    # -- answers and events ----------------------------------------------------------------
    def _reply(self, request: Envelope, answer: object) -> Answer:
        data = self.endpoint.reply(request, answer)
        return self._soap(about(request).operation + "-response", data, 200)

    def _fault(self, request: Envelope, fault: Fault) -> Answer:
        return self._soap("Fault", self.endpoint.reply(request, fault), fault.http_status)

    def _soap(self, operation: str, data: bytes, status: int) -> Answer:
        self.transcript.record(operation, data, answered_with(status))
        return status, SOAP_CONTENT_TYPE, iter([data]), _nothing

    def _notify(self, operation: str, event: object, subscribers: list[Subscriber]) -> None:
        """One event to each of ``subscribers``: applied once, a copy posted to each with no
        lock held (a client may call the device while it takes the event)."""
        with self._lock:
            sent = self.endpoint.broadcast(event, subscribers=subscribers)
            for subscriber, data in sent:
                self.transcript.record(operation, data, posted_to(subscriber.address))
        for subscriber, data in sent:
            post = urllib.request.Request(
                subscriber.address, data=data, headers={"Content-Type": SOAP_CONTENT_TYPE}
            )
            try:
                with urllib.request.urlopen(post, timeout=30) as answer:
                    answer.read()
            except urllib.error.HTTPError as refused:  # the subscriber refused it: its fault
                answer = refused.read()
                content_type = refused.headers.get("Content-Type", "")
                with self._lock:
                    self.transcript.record(
                        "Fault", answer, answered_with(refused.code, content_type)
                    )
                    try:
                        self.endpoint.receive(answer)
                    except RemoteProtocolError as error:
                        self.refused.append(error)
            except OSError as error:  # the client went away: the event is lost
                print(f"ws-scan device: {operation}: {error}", file=sys.stderr)


def draw(settings: TicketSettings, number: int) -> tuple[bytes, str]:
    """Page ``number`` scanned as ``settings`` ask: the region's pixels at the resolution, in
    the colour mode and format asked for (and its MIME type). Every page differs."""
    width, lines = (max(1, side) for side in settings.pixels)
    mode = COLOR_MODES.get(settings.color, COLOR_MODES["RGB24"])[0]
    ramp = Image.linear_gradient("L").resize((width, lines))
    ring = Image.radial_gradient("L").resize((width, lines)).rotate(number * 37)
    if mode == "RGB":
        flat = Image.new("L", (width, lines), (number * 67) % 256)
        image = Image.merge("RGB", (ramp, ring, flat))
    else:
        image = Image.blend(ramp, ring, 0.5).convert(mode)
    name, mime = FORMATS.get(settings.format, FORMATS["jfif"])
    buffer = io.BytesIO()
    image.save(buffer, name, **({"compress_level": 1} if name == "PNG" else {"quality": 90}))
    return buffer.getvalue(), mime


def _uri(address: str) -> wsa.AttributedURI:
    return wsa.AttributedURI(value=address)


def _nothing() -> None:
    return None


def _handler(device: ScanDevice) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            data = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            head = HttpHead.request(self.path, self.headers.get("Content-Type"))
            status, content_type, chunks, then = device.handle(data, head)
            self.send_response(status)
            if status != 202:
                self.send_header("Content-Type", content_type)
            body = b"".join(chunks)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            then()

        def log_message(self, format: str, *args: object) -> None:
            return  # quiet: the transcript is the log

    return Handler


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="where every message is written")
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: any free)")
    parser.add_argument("--formats", default="png,jfif", help="formats offered, in order")
    parser.add_argument("--feeder", type=int, default=2, help="sheets in the document feeder")
    parser.add_argument("--scan-seconds", type=float, default=0.0, help="time to scan a page")
    args = parser.parse_args(argv)
    formats = tuple(name for name in args.formats.split(",") if name)
    if not formats or set(formats) - set(FORMATS):
        parser.error(f"--formats takes {', '.join(FORMATS)}")
    device = ScanDevice(
        Transcript(args.outdir),
        port=args.port,
        formats=formats,
        feeder=args.feeder,
        scan_seconds=args.scan_seconds,
    )
    for stop in (signal.SIGINT, signal.SIGTERM):  # (SIGINT too: a background job ignores it)
        signal.signal(stop, signal.default_int_handler)
    with device:
        print(device.scan_service, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
