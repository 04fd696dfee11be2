"""A reference WS-DSP scan device over the standard library: ``urllib`` for its requests and a
small HTTP server on 127.0.0.1 for the events it subscribes to.

:class:`Device` keeps to the protocol (its :class:`~dsm_messages.Endpoint` would refuse to do
otherwise); :meth:`Device.send_raw` is the way to break it on purpose, for testing a server.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from transcript import SOAP_CONTENT_TYPE, Transcript, answered_with, package_body, posted_to

from dsm_messages import Endpoint, Envelope, RemoteProtocolError, parse
from dsm_messages.endpoint import EVENT_REFUSED
from dsm_messages.models import dsp, fsf, psp, wsa, wse

USER = "S-1-5-21-3623811015-3361044348-30300820-1104"
SCAN_PROCESS = "8d2b7c1e-4f3a-4e61-9b0d-5a7c3e2f1b90"


def scan_process() -> dsp.CreatePostScanJobRequest:
    """The CreatePostScanJob of this device's one scan process: deliver to a file share."""
    to_share = psp.FilterToProcessType(
        dialect=fsf.__NAMESPACE__,
        instructions=psp.FilterInstructionType(
            file_share_config=fsf.FileShareConfig(
                file_shares=fsf.FileShareType(share_unc=[r"\\files01\scans\invoices"])
            )
        ),
    )
    return dsp.CreatePostScanJobRequest(
        user_identifier=USER,
        psp_identifier=SCAN_PROCESS,
        post_scan_instructions=psp.PostScanInstructionsType(
            continue_on_error=True,
            document_root_name="Invoices",
            filters_to_process=psp.FilterToProcessListType(filter=[to_share]),
        ),
    )


def image_request(token: str, document_id: int) -> dsp.SendImageRequest:
    return dsp.SendImageRequest(
        job_token=token,
        document_description=dsp.DocumentDescriptionType(
            document_id=document_id, format=dsp.DocumentFormatWKVType.PDF_A
        ),
        image_data=b"",
    )


class Device:
    """One scan device talking to the scan server at ``server``."""

    def __init__(self, transcript: Transcript, server: str) -> None:
        self.transcript = transcript
        self.server = server
        self.endpoint = Endpoint("device")
        self._lock = threading.Lock()  # requests and events share one conversation state
        self._ended: dict[str, threading.Event] = {}
        #: The events this device refused (each answered with a fault)
        self.refused: list[RemoteProtocolError] = []
        self._events = ThreadingHTTPServer(("127.0.0.1", 0), _event_handler(self))
        self._thread = threading.Thread(target=self._events.serve_forever, daemon=True)

    @property
    def sink(self) -> str:
        host, port = self._events.server_address[:2]
        return f"http://{host!s}:{port}/events"

    def __enter__(self) -> Device:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._events.shutdown()
        self._events.server_close()

    # -- the protocol, kept ------------------------------------------------------------------
    def subscribe(self) -> None:
        notify_to = wse.NotifyTo(address=wsa.AttributedURI(value=self.sink))
        self._call(
            "Subscribe-request", wse.Subscribe(delivery=wse.DeliveryType(notify_to=notify_to))
        )

    def create_job(self, *, message_id: str | None = None) -> str:
        answer = self._call("CreatePostScanJob-request", scan_process(), message_id)
        token = answer.body_as(dsp.CreatePostScanJobResponse).job_token
        with self._lock:  # (its end state may have come first: the session held it)
            self._ended.setdefault(token, threading.Event())
        return token

    def send_image(self, token: str, document_id: int, image: Path) -> None:
        """Stream ``image`` to the server: read from disk as it is sent, never held whole."""
        with image.open("rb") as source, self._lock:
            content_type, chunks = self.endpoint.send_image(
                image_request(token, document_id), source, to=self.server
            )
            stored = self.transcript.record_package(
                "SendImage-request", content_type, chunks, posted_to(self.server, content_type)
            )
        length, body = package_body(stored)
        self._receive(_post(self.server, content_type, body, length))

    def end(self, token: str) -> None:
        self._call("EndPostScanJob-request", dsp.EndPostScanJobRequest(job_token=token))

    def cancel(self, token: str) -> None:
        self._call("CancelPostScanJob-request", dsp.CancelPostScanJobRequest(job_token=token))

    def wait_until_finished(self, token: str, timeout: float = 60) -> None:
        """Until the server's end-state event for ``token`` has arrived (for a job of this
        device, or of another one whose events it gets too)."""
        with self._lock:
            ended = self._ended.setdefault(token, threading.Event())
        if not ended.wait(timeout):
            raise TimeoutError(f"no end state for job {token} within {timeout} s")

    def _call(self, operation: str, body: object, message_id: str | None = None) -> Envelope:
        with self._lock:
            data = self.endpoint.request(body, to=self.server, message_id=message_id)
            self.transcript.record(operation, data, posted_to(self.server))
        return self._receive(_post(self.server, SOAP_CONTENT_TYPE, iter([data]), len(data)))

    def _receive(self, answer: tuple[int, str, bytes]) -> Envelope:
        _, content_type, data = answer
        with self._lock:
            return self.endpoint.receive(data, content_type=content_type)

    # -- the protocol, broken on purpose ----------------------------------------------------
    def send_raw(
        self, operation: str, data: bytes, content_type: str = SOAP_CONTENT_TYPE
    ) -> tuple[int, Envelope]:
        """Send bytes the device's endpoint would refuse to build; returns the HTTP status and
        the answer, read without the conversation state (which never saw the request)."""
        head = posted_to(self.server, content_type)
        if content_type.startswith("multipart/"):
            stored = self.transcript.record_package(operation, content_type, iter([data]), head)
            length, body = package_body(stored)
        else:
            self.transcript.record(operation, data, head)
            length, body = len(data), iter([data])
        status, _, answer = _post(self.server, content_type, body, length)
        return status, parse(answer)

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
                status = (error.fault or EVENT_REFUSED).http_status
                self.transcript.record("Fault", fault, answered_with(status))
                return status, fault
            if isinstance(event.body, dsp.PostScanJobEndStateEvent):
                # (an end state may come before the response that reveals its token)
                token = event.body.post_scan_job_end_state.job_token
                self._ended.setdefault(token, threading.Event()).set()
        return 202, b""


def _post(
    url: str, content_type: str, body: Iterator[bytes], length: int
) -> tuple[int, str, bytes]:
    """POST ``length`` bytes from ``body``; the HTTP status, Content-Type and answer."""
    request = urllib.request.Request(
        url,
        data=body,
        headers={"Content-Type": content_type, "Content-Length": str(length)},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as fault:  # a SOAP fault travels with a 4xx or 5xx status
        return fault.code, fault.headers.get("Content-Type", ""), fault.read()


def _event_handler(device: Device) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            data = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status, answer = device.event(data)
            self.send_response(status)
            if answer:
                self.send_header("Content-Type", SOAP_CONTENT_TYPE)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler
