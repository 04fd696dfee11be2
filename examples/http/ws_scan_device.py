"""A reference WS-Scan device over the standard library's HTTP server, on 127.0.0.1: push scan.

It answers the WS-Transfer Get of its DPWS metadata (which names its scan service), takes
WS-Eventing subscriptions (ScanAvailableEvent with the client's scan destinations, and job
events), and when someone at the device picks a destination and presses Scan, announces the
scan to that client. The client then creates the job and retrieves each image, which travels
back as MTOM; after the last one the job is Completed and its end state goes to the job-event
subscribers. Everything WS-Scan is the library's: this file only decides what to answer.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import attrs
from transcript import SOAP_CONTENT_TYPE, Transcript, answered_with, package_body, posted_to
from xsdata.models.datatype import XmlDuration

from dsm_messages import Endpoint, Envelope, Fault, RemoteProtocolError, Subscriber, about
from dsm_messages import namespaces as ns
from dsm_messages.discovery import GET_ACTION, HOST_RELATIONSHIP, SCANNER_SERVICE_TYPE
from dsm_messages.faults import (
    ACTION_NOT_SUPPORTED,
    WSCN_INVALID_DESTINATION_TOKEN,
    WSCN_INVALID_JOB_TOKEN,
    WSCN_INVALID_SCAN_IDENTIFIER,
    WSCN_JOB_ID_NOT_FOUND,
    WSCN_NO_IMAGES_AVAILABLE,
)
from dsm_messages.models import wsa, wscn, wsdp, wse, wsx

SUBSCRIPTION = XmlDuration("PT1H")
SCAN_AVAILABLE = f"{ns.WSCN}/ScanAvailableEvent"
JOB_END_STATE = f"{ns.WSCN}/JobEndStateEvent"
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
    """A scan job: the pages still to be retrieved, in order."""

    job_id: int
    token: str
    name: str
    user: str
    pages: list[bytes]
    retrieved: int = 0


class ScanDevice:
    """Serves its metadata at ``xaddr`` and its scan service at ``scan_service``."""

    def __init__(self, transcript: Transcript, pages: list[bytes]) -> None:
        self.transcript = transcript
        self.pages = pages
        self.identity = f"urn:uuid:{uuid.uuid4()}"
        self.endpoint = Endpoint("device")
        self._lock = threading.RLock()  # one conversation state, many handler threads
        self.destinations: list[Destination] = []
        self.job_subscribers: list[Subscriber] = []
        self.scans: dict[str, Destination] = {}  # ScanIdentifier announced -> its destination
        self.jobs: dict[int, Job] = {}
        self.refused: list[RemoteProtocolError] = []
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
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
    def handle(self, data: bytes) -> Answer:
        with self._lock:
            try:
                request = self.endpoint.receive(data)
            except RemoteProtocolError as error:
                self.refused.append(error)
                if error.fault is None:  # no request: nobody answers it
                    return 202, SOAP_CONTENT_TYPE, iter(()), _nothing
                return self._soap("Fault", self.endpoint.refuse(error), error.fault.http_status)
            return self._dispatch(request)

    def _dispatch(self, request: Envelope) -> Answer:
        body = request.body
        if body is None and request.action == GET_ACTION:
            return self._reply(request, self._metadata())
        if isinstance(body, wse.Subscribe):
            return self._subscribe(request, body)
        if isinstance(body, wscn.CreateScanJobRequest):
            return self._create(request, body)
        if isinstance(body, wscn.RetrieveImageRequest):
            return self._retrieve(request, body)
        return self._fault(request, ACTION_NOT_SUPPORTED)

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
        wanted = [] if body.filter is None else body.filter.value.split()
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
        if JOB_END_STATE in wanted:
            self.job_subscribers.append(subscriber)
        manager = wsa.EndpointReferenceType(address=_uri(self.scan_service))
        answer = wse.SubscribeResponse(
            subscription_manager=manager,
            expires=wse.ExpirationType(value=SUBSCRIPTION),
            other_element=extensions,
        )
        return self._reply(request, answer)

    def _create(self, request: Envelope, body: wscn.CreateScanJobRequest) -> Answer:
        destination = self.scans.get(body.scan_identifier or "")
        if destination is None:
            return self._fault(request, WSCN_INVALID_SCAN_IDENTIFIER)
        if body.destination_token != destination.token:
            return self._fault(request, WSCN_INVALID_DESTINATION_TOKEN)
        del self.scans[body.scan_identifier or ""]
        ticket = body.scan_ticket
        job = Job(
            job_id=len(self.jobs) + 1,
            token=str(uuid.uuid4()),
            name=ticket.job_description.job_name,
            user=ticket.job_description.job_originating_user_name,
            pages=list(self.pages),
        )
        self.jobs[job.job_id] = job
        page = wscn.MediaSideImageInfoType(
            pixels_per_line=2550, number_of_lines=3300, bytes_per_line=0
        )
        answer = wscn.CreateScanJobResponse(
            job_id=job.job_id,
            job_token=job.token,
            image_information=wscn.ImageInformationType(media_front_image_info=page),
            document_final_parameters=wscn.DocumentFinalParametersType(
                format=wscn.DocumentFormatType(value=wscn.DocumentFormatWKVType.JFIF),
                images_to_transfer=wscn.ImagesToTransferType(value=len(job.pages)),
            ),
        )
        return self._reply(request, answer)

    def _retrieve(self, request: Envelope, body: wscn.RetrieveImageRequest) -> Answer:
        job = self.jobs.get(body.job_id)
        if job is None:
            return self._fault(request, WSCN_JOB_ID_NOT_FOUND)
        if body.job_token != job.token:
            return self._fault(request, WSCN_INVALID_JOB_TOKEN)
        if job.retrieved == len(job.pages):
            return self._fault(request, WSCN_NO_IMAGES_AVAILABLE)
        image = job.pages[job.retrieved]
        job.retrieved += 1
        content_type, chunks = self.endpoint.reply_image(
            request, wscn.RetrieveImageResponse(scan_data=b""), image, image_type="image/jpeg"
        )
        stored = self.transcript.record_package(
            "RetrieveImage-response", content_type, chunks, answered_with(200, content_type)
        )
        _, package = package_body(stored)
        last = job.retrieved == len(job.pages)
        return 200, content_type, package, (lambda: self._end(job)) if last else _nothing

    def _end(self, job: Job) -> None:
        """Every page was retrieved: the job is Completed; its end state goes out."""
        with self._lock:
            end = wscn.JobEndStateEvent(
                job_end_state=wscn.JobEndStateType(
                    job_id=job.job_id,
                    job_completed_state=wscn.JobStateWKVType.COMPLETED,
                    job_completed_state_reasons=wscn.JobStateReasonsType(
                        job_state_reason=[wscn.JobStateReasonWKVType.NONE]
                    ),
                    job_name=job.name,
                    job_originating_user_name=job.user,
                    scans_completed=job.retrieved,
                    job_completed_time=datetime.now(UTC),
                )
            )
            self._notify("JobEndStateEvent", end, self.job_subscribers)

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
        for subscriber in subscribers:
            data = self.endpoint.event(event, subscriber=subscriber)
            self.transcript.record(operation, data, posted_to(subscriber.address))
            post = urllib.request.Request(
                subscriber.address, data=data, headers={"Content-Type": SOAP_CONTENT_TYPE}
            )
            try:
                with urllib.request.urlopen(post, timeout=30) as answer:
                    answer.read()
            except urllib.error.HTTPError as refused:  # the subscriber refused it: its fault
                try:
                    self.endpoint.receive(refused.read())
                except RemoteProtocolError as error:
                    self.refused.append(error)


def _uri(address: str) -> wsa.AttributedURI:
    return wsa.AttributedURI(value=address)


def _nothing() -> None:
    return None


def _handler(device: ScanDevice) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            data = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status, content_type, chunks, then = device.handle(data)
            stored = b"".join(chunks)
            self.send_response(status)
            if stored:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(stored)))
            self.end_headers()
            self.wfile.write(stored)
            self.wfile.flush()
            then()

        def log_message(self, format: str, *args: object) -> None:
            return  # quiet: the transcript is the log

    return Handler
