"""A reference WS-DSP scan server over the standard library's HTTP server, on 127.0.0.1.

Everything DSM is the library's: the server decides what to do with each request and nothing
else. Images are streamed to files as they arrive, under their JobToken and DocumentId, and a
SendImage the conversation refuses writes nothing.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO

import attrs
from transcript import SOAP_CONTENT_TYPE, Transcript, answered_with, posted_to
from xsdata.models.datatype import XmlDuration

from dsm_messages import Endpoint, Envelope, RemoteProtocolError, Subscriber, about
from dsm_messages.endpoint import ImageChunk
from dsm_messages.faults import ACTION_NOT_SUPPORTED
from dsm_messages.models import dsp, wsa, wse

CHUNK = 1 << 16
#: How long a subscription lasts: the scan server answers every Subscribe with this.
SUBSCRIPTION = XmlDuration("PT1H")
_SUFFIX = {"pdf-a": ".pdf", "png": ".png", "jfif": ".jpg", "tiff-single-g4": ".tif"}


@attrs.define
class Job:
    """What the server keeps of a post-scan job to report on it."""

    token: str
    psp_identifier: str
    dialects: list[str]
    user: str
    created: datetime
    images: int = 0


class ScanServer:
    """Serves ``/ScanServer`` on an ephemeral port; ``images`` is where received images go."""

    def __init__(self, transcript: Transcript, images: Path) -> None:
        self.transcript = transcript
        self.images = images
        images.mkdir(parents=True, exist_ok=True)
        self.endpoint = Endpoint("scan_server")
        #: an endpoint is called by one thread at a time (handler threads take turns)
        self._lock = threading.RLock()
        self.subscribers: list[Subscriber] = []
        self.jobs: dict[str, Job] = {}
        self.refused: list[RemoteProtocolError] = []
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}/ScanServer"

    def __enter__(self) -> ScanServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._http.shutdown()
        self._http.server_close()

    # -- one HTTP request ----------------------------------------------------------------
    def handle(
        self, content_type: str, body: BinaryIO, length: int
    ) -> tuple[int, bytes, Callable[[], None]]:
        """Answer one POST: (HTTP status, SOAP answer, what to do once it is sent).

        Requests are read and images written concurrently, one thread each; the lock is held
        only while the endpoint is called, never across reading or writing."""
        remaining = length
        file: BinaryIO | None = None
        try:
            if content_type.lower().startswith("multipart/related"):
                with self._lock:
                    reader = self.endpoint.package_reader(content_type)
                while remaining:
                    chunk = body.read(min(CHUNK, remaining))
                    if not chunk:
                        break
                    remaining -= len(chunk)
                    with self._lock:
                        reader.feed(chunk)
                        events = []
                        while (event := reader.next_event()) is not None:
                            events.append(event)
                    for event in events:  # written with no lock held
                        if isinstance(event, ImageChunk):
                            if file is not None:
                                file.write(event.data)
                        else:
                            file = self._store(event)
                with self._lock:
                    request = reader.close()
            else:
                remaining = 0
                data = body.read(length)
                with self._lock:
                    request = self.endpoint.receive(data)
        except RemoteProtocolError as error:
            _drain(body, remaining)
            with self._lock:
                self.refused.append(error)
                if error.fault is None:  # no request: nobody answers it
                    return 202, b"", _nothing
                answer = self.endpoint.refuse(error)
            return self._answer("Fault", answer, error.fault.http_status)
        finally:
            if file is not None:
                file.close()
        with self._lock:
            return self._dispatch(request)

    def _store(self, envelope: Envelope) -> BinaryIO:
        """Where a SendImage's image goes, chosen with its envelope in hand."""
        body = envelope.body
        assert isinstance(body, dsp.SendImageRequest)
        description = body.document_description
        suffix = _SUFFIX.get(str(description.format), ".bin")
        return (self.images / f"{body.job_token}-{description.document_id}{suffix}").open("wb")

    def _dispatch(self, request: Envelope) -> tuple[int, bytes, Callable[[], None]]:
        body = request.body
        if isinstance(body, wse.Subscribe):
            self.subscribers.append(Subscriber.from_subscribe(request))
            manager = wsa.EndpointReferenceType(address=wsa.AttributedURI(value=self.url))
            answer: object = wse.SubscribeResponse(
                subscription_manager=manager, expires=wse.ExpirationType(value=SUBSCRIPTION)
            )
            return self._reply(request, answer)
        if isinstance(body, dsp.CreatePostScanJobRequest):
            token = str(uuid.uuid4())
            filters = body.post_scan_instructions.filters_to_process.filter
            self.jobs[token] = Job(
                token=token,
                psp_identifier=body.psp_identifier,
                dialects=[item.dialect for item in filters],
                user=body.user_identifier,
                created=datetime.now(UTC),
            )
            return self._reply(request, dsp.CreatePostScanJobResponse(job_token=token))
        if isinstance(body, dsp.SendImageRequest):
            self.jobs[body.job_token].images += 1
            return self._reply(request, dsp.SendImageResponse())
        if isinstance(body, dsp.EndPostScanJobRequest):
            job = self.jobs[body.job_token]
            status, end = self._reply(request, dsp.EndPostScanJobResponse())[:2]
            return status, end, lambda: self._finish(job, "Completed")
        if isinstance(body, dsp.CancelPostScanJobRequest):
            job = self.jobs[body.job_token]
            status, end = self._reply(request, dsp.CancelPostScanJobResponse())[:2]
            return status, end, lambda: self._finish(job, "Canceled")
        # GetPostScanJobElements, vendor operations: not served by this reference server
        fault = ACTION_NOT_SUPPORTED
        return self._answer("Fault", self.endpoint.reply(request, fault), fault.http_status)

    def _reply(self, request: Envelope, answer: object) -> tuple[int, bytes, Callable[[], None]]:
        data = self.endpoint.reply(request, answer)
        return self._answer(about(request).operation + "-response", data, 200)

    def _answer(
        self, operation: str, data: bytes, status: int
    ) -> tuple[int, bytes, Callable[[], None]]:
        self.transcript.record(operation, data, answered_with(status))
        return status, data, _nothing

    # -- events ---------------------------------------------------------------------------
    def _finish(self, job: Job, state: str) -> None:
        """The job is delivered (or canceled): report it to every subscriber."""
        final = "CompletedSuccessfully" if state == "Completed" else "Canceled"
        reason = (
            "PostScanJobCompletedSuccessfully" if state == "Completed" else "PostScanJobCanceled"
        )
        if state == "Completed":
            processing = dsp.PostScanJobStatusEvent(
                job_status=dsp.JobStatusType(
                    job_token=job.token,
                    job_state=dsp.JobStateWKVType.PROCESSING,
                    job_state_reasons=dsp.JobStateReasonsType(job_state_reason=["None"]),
                    filter_statuses=dsp.FilterStatusesType(
                        filter_status=_filters(job, dsp.FilterStateWKVType.PROCESSING)
                    ),
                    images_received=job.images,
                    job_created_time=job.created,
                )
            )
            self._notify("PostScanJobStatusEvent", processing)
        end = dsp.PostScanJobEndStateEvent(
            post_scan_job_end_state=dsp.PostScanJobEndStateType(
                job_token=job.token,
                psp_identifier=job.psp_identifier,
                psp_display_name="Scan to the reference server",
                job_originating_user_name=job.user,
                job_completed_state=state,
                job_completed_state_reasons=dsp.JobCompletedStateReasonsType(
                    job_state_reason=[reason]
                ),
                filter_completed_statuses=dsp.FilterCompletedStatusesType(
                    filter_status=_filters(job, final)
                ),
                images_received=job.images,
                job_completed_time=datetime.now(UTC),
            )
        )
        self._notify("PostScanJobEndStateEvent", end)

    def _notify(self, operation: str, event: object) -> None:
        """One event to every subscriber: applied once, posted to each with no lock held."""
        with self._lock:
            sent = self.endpoint.broadcast(event, subscribers=self.subscribers)
        for subscriber, data in sent:
            self.transcript.record(operation, data, posted_to(subscriber.address))
            post = urllib.request.Request(
                subscriber.address, data=data, headers={"Content-Type": SOAP_CONTENT_TYPE}
            )
            try:
                with urllib.request.urlopen(post, timeout=30) as answer:
                    answer.read()
            except urllib.error.HTTPError as refused:  # the subscriber refused it: its fault
                answer = refused.read()
                with self._lock:
                    try:
                        self.endpoint.receive(answer)
                    except RemoteProtocolError as error:
                        self.refused.append(error)


def _filters(job: Job, state: str) -> list[dsp.FilterStatusType]:
    return [dsp.FilterStatusType(dialect=dialect, filter_state=state) for dialect in job.dialects]


def _nothing() -> None:
    return None


def _drain(body: BinaryIO, remaining: int) -> None:
    """Read what is left of a refused request's body, so the connection stays in step."""
    while remaining > 0:
        chunk = body.read(min(CHUNK, remaining))
        if not chunk:
            return
        remaining -= len(chunk)


def _handler(server: ScanServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            content_type = self.headers.get("Content-Type", "")
            status, data, then = server.handle(content_type, self.rfile, length)  # type: ignore[arg-type]
            self.send_response(status)
            if data:
                self.send_header("Content-Type", SOAP_CONTENT_TYPE)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
            then()

        def log_message(self, format: str, *args: object) -> None:
            return  # quiet: the transcript is the log

    return Handler
