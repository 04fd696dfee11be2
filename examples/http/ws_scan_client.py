"""A reference WS-Scan client (push scan) over the standard library: ``urllib`` for its requests
and a small HTTP server on 127.0.0.1 for the events it subscribes to.

It reads the device's metadata to find the scan service, registers a scan destination (the
ScanAvailableEvent subscription), subscribes to job end states, and when the device announces a
scan for its destination, creates the job with that destination's token and retrieves every
image. :class:`ScanClient` keeps to the protocol: its :class:`~dsm_messages.Endpoint` would
refuse to do otherwise. (The device writes down every message, both ways.)
"""

from __future__ import annotations

import queue
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from xsdata.models.datatype import XmlDuration

from dsm_messages import Endpoint, Envelope, RemoteProtocolError
from dsm_messages import namespaces as ns
from dsm_messages.discovery import GET_ACTION, service_addresses
from dsm_messages.endpoint import EVENT_REFUSED
from dsm_messages.models import wsa, wscn, wse, wsx
from dsm_messages.transcripts import SOAP_CONTENT_TYPE

#: The WS-Eventing filter dialect DPWS devices read: event action URIs.
ACTION_DIALECT = "http://schemas.xmlsoap.org/ws/2006/02/devprof/Action"


class ScanClient:
    """One scan client of the device whose metadata is at ``xaddr``."""

    def __init__(self, device: str, xaddr: str) -> None:
        self.device = device  # the device's identity: the wsa:To of the metadata Get
        self.xaddr = xaddr
        self.scan_service = ""
        self.endpoint = Endpoint("control_point")
        self._lock = threading.Lock()  # requests and events share one conversation state
        self.announced: queue.Queue[wscn.ScanAvailableEvent] = queue.Queue()
        self.ended: queue.Queue[wscn.JobEndStateType] = queue.Queue()
        #: The events this client refused (each answered with a fault)
        self.refused: list[RemoteProtocolError] = []
        self._events = ThreadingHTTPServer(("127.0.0.1", 0), _event_handler(self))
        self._thread = threading.Thread(target=self._events.serve_forever, daemon=True)

    @property
    def sink(self) -> str:
        host, port = self._events.server_address[:2]
        return f"http://{host!s}:{port}/events"

    def __enter__(self) -> ScanClient:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._events.shutdown()
        self._events.server_close()

    # -- the protocol ------------------------------------------------------------------------
    def find_scan_service(self) -> str:
        """Get the device's metadata; the scan service is the hosted ScannerServiceType."""
        data = self.endpoint.request(None, to=self.device, action=GET_ACTION)
        answer = self._post(self.xaddr, data)
        self.scan_service = service_addresses(answer.body_as(wsx.Metadata))[0]
        return self.scan_service

    def register_destination(self, display_name: str, client_context: str) -> str:
        """Subscribe to ScanAvailableEvent with one scan destination; its DestinationToken."""
        destinations = wscn.ScanDestinations(
            scan_destination=[
                wscn.ScanDestinationType(
                    client_display_name=display_name, client_context=client_context
                )
            ]
        )
        answer = self._subscribe(f"{ns.WSCN}/ScanAvailableEvent", [destinations])
        body = answer.body_as(wse.SubscribeResponse)
        (responses,) = [e for e in body.other_element if isinstance(e, wscn.DestinationResponses)]
        (response,) = responses.destination_response
        assert response.client_context == client_context
        return response.destination_token

    def subscribe_to_job_ends(self) -> None:
        self._subscribe(f"{ns.WSCN}/JobEndStateEvent", [])

    def create_job(
        self,
        announced: wscn.ScanAvailableEvent,
        destination_token: str,
        ticket: wscn.ScanTicketType,
    ) -> wscn.CreateScanJobResponse:
        """The job of an announced scan, created with the destination's token."""
        request = wscn.CreateScanJobRequest(
            scan_identifier=announced.scan_identifier,
            destination_token=destination_token,
            scan_ticket=ticket,
        )
        answer = self._call(request)
        return answer.body_as(wscn.CreateScanJobResponse)

    def retrieve(self, job: wscn.CreateScanJobResponse, document_name: str) -> bytes:
        """The next image of ``job``, which the device sends as MTOM."""
        request = wscn.RetrieveImageRequest(
            job_id=job.job_id,
            job_token=job.job_token,
            document_description=wscn.DocumentDescriptionType(document_name=document_name),
        )
        answer = self._call(request)
        return answer.body_as(wscn.RetrieveImageResponse).scan_data

    def _subscribe(self, action: str, extensions: list[object]) -> Envelope:
        notify_to = wse.NotifyTo(address=wsa.AttributedURI(value=self.sink))
        subscribe = wse.Subscribe(
            delivery=wse.DeliveryType(notify_to=notify_to),
            expires=wse.ExpirationType(value=XmlDuration("PT1H")),
            filter=wse.FilterType(value=action, dialect=ACTION_DIALECT),
            other_element=extensions,
        )
        return self._call(subscribe)

    def _call(self, body: object) -> Envelope:
        with self._lock:
            data = self.endpoint.request(body, to=self.scan_service)
        return self._post(self.scan_service, data)

    def _post(self, url: str, data: bytes) -> Envelope:
        content_type, answer = _post(url, data)
        with self._lock:
            return self.endpoint.receive(answer, content_type=content_type)

    # -- events -----------------------------------------------------------------------------
    def event(self, data: bytes) -> tuple[int, bytes]:
        """Take one event; the HTTP answer to its POST: 202 and no body when it is taken (an
        event is one-way), the fault refusing it when the conversation refuses it."""
        with self._lock:
            try:
                event = self.endpoint.receive(data)
            except RemoteProtocolError as error:
                self.refused.append(error)
                fault = self.endpoint.refuse(error)
                return (error.fault or EVENT_REFUSED).http_status, fault
        if isinstance(event.body, wscn.ScanAvailableEvent):
            self.announced.put(event.body)
        elif isinstance(event.body, wscn.JobEndStateEvent):
            self.ended.put(event.body.job_end_state)
        return 202, b""


def _post(url: str, data: bytes) -> tuple[str, bytes]:
    """POST one SOAP message; the answer's Content-Type and bytes (a fault's too)."""
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": SOAP_CONTENT_TYPE}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as fault:  # a SOAP fault travels with a 4xx or 5xx status
        return fault.headers.get("Content-Type", ""), fault.read()


def _event_handler(client: ScanClient) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            data = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status, answer = client.event(data)
            self.send_response(status)
            if answer:
                self.send_header("Content-Type", SOAP_CONTENT_TYPE)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler
