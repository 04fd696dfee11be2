"""A reference WS-DSP scan server for production loads: Starlette (ASGI) under uvicorn.

One :class:`~dsm_messages.Endpoint` per device (``/ScanServer/{device}``), so devices never
wait on each other; uploads run concurrently. An image is read with the endpoint's pull
reader (``next_event()``) and written by a worker thread, one chunk at a time: the next chunk
is read from the connection only once the last one is on disk, so a slow disk slows the sender
(back-pressure) instead of filling memory. A file is written under a ``.part`` name and takes
its final name only once the whole package was read and checked: no partial file ever looks
complete. A connection that dies or stalls mid-request abandons the request on the endpoint,
so the device may send it again. Memory the C library keeps once freed is handed back to the
system several times a second.

Everything DSM is the library's: the server decides where images go and what a job does, and
nothing else.

Run it: ``python examples/asgi/asgi_server.py IMAGES [--port N]`` (127.0.0.1 only).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import logging
import os
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import attrs
import httpx
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route
from xsdata.models.datatype import XmlDuration

from dsm_messages import (
    Endpoint,
    Envelope,
    FaultError,
    RemoteProtocolError,
    Subscriber,
)
from dsm_messages.endpoint import ImageChunk, IncomingPackage
from dsm_messages.faults import ACTION_NOT_SUPPORTED, Fault
from dsm_messages.models import dsp, wsa, wse

LOG = logging.getLogger("scan_server")
SOAP_CONTENT_TYPE = "application/soap+xml; charset=utf-8"
#: How long a subscription lasts: the scan server answers every Subscribe with this.
SUBSCRIPTION = XmlDuration("PT1H")
#: The largest envelope read (DSM envelopes are a few KiB; an image comes as a package).
MAX_ENVELOPE_BYTES = 1 << 20
#: The answer to a request whose sender stopped sending (no SOAP answer is owed any more).
REQUEST_TIMEOUT = 408
_SUFFIX = {"pdf-a": ".pdf", "png": ".png", "jfif": ".jpg", "tiff-single-g4": ".tif"}
_DISK_FULL = Fault(code="Receiver", reason="the scan server cannot store the image")
#: How often memory freed since is handed back to the system (see ``_return_freed_memory``).
RETURN_MEMORY_EVERY = 0.25


@attrs.define
class Job:
    """What the server keeps of an open post-scan job, to report on it."""

    token: str
    psp_identifier: str
    dialects: list[str]
    user: str
    created: datetime
    images: int = 0


@attrs.define
class Device:
    """One device's conversation, subscriptions and open jobs."""

    endpoint: Endpoint
    subscribers: list[Subscriber] = attrs.field(factory=list)
    jobs: dict[str, Job] = attrs.field(factory=dict)


@attrs.frozen
class Answer:
    """An HTTP answer: status and SOAP bytes (none for a request no SOAP answer is owed)."""

    status: int
    data: bytes = b""


class ScanServer:
    """The scan service: ``app`` is the ASGI application. Images go below ``images``.

    ``read_timeout`` is how long a request may go without sending a byte before it is
    abandoned; ``max_package_bytes`` the largest SendImage package read; ``window`` each
    device endpoint's (see :class:`~dsm_messages.Session`).
    """

    def __init__(
        self,
        images: Path,
        *,
        read_timeout: float = 30.0,
        max_package_bytes: int = 2 << 30,
        window: int = 1_000,
    ) -> None:
        self.images = images
        images.mkdir(parents=True, exist_ok=True)
        self.read_timeout = read_timeout
        self.max_package_bytes = max_package_bytes
        self.window = window
        self.devices: dict[str, Device] = {}
        self.events = httpx.AsyncClient(timeout=30.0)
        self._tasks: set[asyncio.Task[None]] = set()
        self.app = Starlette(
            routes=[Route("/ScanServer/{device}", self.scan_service, methods=["POST"])],
            lifespan=self._lifespan,
        )

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        tickers = [asyncio.create_task(self._time_out_jobs())]
        release = _malloc_trim()
        if release is not None:
            tickers.append(asyncio.create_task(_return_freed_memory(release)))
        try:
            yield
        finally:
            for ticker in tickers:
                ticker.cancel()
            for task in list(self._tasks):
                await task
            await self.events.aclose()

    def device(self, name: str) -> Device:
        if name not in self.devices:
            self.devices[name] = Device(Endpoint("scan_server", window=self.window))
        return self.devices[name]

    # -- one HTTP request ----------------------------------------------------------------
    async def scan_service(self, request: Request) -> Response:
        device = self.device(request.path_params["device"])
        content_type = request.headers.get("content-type", "")
        try:
            if content_type.lower().startswith("multipart/"):
                answer = await self._package(device, request, content_type)
            else:
                answer = await self._envelope(device, request)
        except ClientDisconnect:
            return Response(status_code=400)  # nobody is left to read it
        except TimeoutError:
            return Response(status_code=REQUEST_TIMEOUT)
        media_type = SOAP_CONTENT_TYPE if answer.data else None
        return Response(answer.data, status_code=answer.status, media_type=media_type)

    async def _envelope(self, device: Device, request: Request) -> Answer:
        data = bytearray()
        async for chunk in self._body(request):
            data += chunk
            if len(data) > MAX_ENVELOPE_BYTES:  # enough to be refused for its size
                break
        try:
            envelope = device.endpoint.receive(bytes(data), max_bytes=MAX_ENVELOPE_BYTES)
        except RemoteProtocolError as error:
            return self._refuse(device, error)
        return self._dispatch(device, envelope, str(request.url))

    async def _package(self, device: Device, request: Request, content_type: str) -> Answer:
        """A SendImage: its image streamed to a ``.part`` file, renamed once complete."""
        try:
            reader = device.endpoint.package_reader(
                content_type, max_package_bytes=self.max_package_bytes
            )
        except RemoteProtocolError as error:
            return self._refuse(device, error)
        part: Path | None = None
        file: BinaryIO | None = None
        try:
            async for chunk in self._body(request):
                reader.feed(chunk)
                images: list[memoryview] = []
                while (event := reader.next_event()) is not None:
                    if isinstance(event, ImageChunk):
                        images.append(event.data)
                    else:
                        part = self._path(event).with_suffix(".part")
                        file = await asyncio.to_thread(part.open, "wb")
                if images and file is not None:
                    await asyncio.to_thread(_write, file, images)  # off the event loop
                del chunk, images  # (written: not kept while the next chunk is awaited)
            envelope = reader.close()
            if file is not None and part is not None:
                await asyncio.to_thread(_finish, file, part, self._path(envelope))
                file = None
        except (ClientDisconnect, TimeoutError):
            reader.abandon()  # the answer will never be read: the device may send it again
            raise
        except RemoteProtocolError as error:
            return self._refuse(device, error)
        except OSError:  # (after TimeoutError, which is one)
            return self._fault(device, reader, _DISK_FULL)
        except FaultError as error:
            return self._fault(device, reader, error.fault)
        finally:
            if file is not None and part is not None:  # not complete: never kept
                await asyncio.to_thread(_discard, file, part)
        return self._dispatch(device, envelope, str(request.url))

    async def _body(self, request: Request) -> AsyncIterator[bytes]:
        """The request body, a chunk at a time; a sender silent for ``read_timeout`` seconds
        raises ``TimeoutError``. Read from the ASGI channel itself, so that no chunk is kept
        while the next is awaited (one chunk per upload in memory, not two)."""
        while True:
            async with asyncio.timeout(self.read_timeout):
                message = await request.receive()
            if message["type"] == "http.disconnect":
                raise ClientDisconnect()
            chunk: bytes = message.get("body", b"")
            more = message.get("more_body", False)
            del message
            if chunk:
                yield chunk
            del chunk
            if not more:
                return

    def _path(self, envelope: Envelope) -> Path:
        """Where a SendImage's image goes: under its JobToken and DocumentId."""
        body = envelope.body_as(dsp.SendImageRequest)
        description = body.document_description
        suffix = _SUFFIX.get(str(description.format), ".bin")
        return self.images / f"{body.job_token}-{description.document_id}{suffix}"

    def _refuse(self, device: Device, error: RemoteProtocolError) -> Answer:
        if error.fault is None:  # no request: nobody answers it
            return Answer(202)
        return Answer(error.fault.http_status, device.endpoint.refuse(error))

    def _fault(self, device: Device, reader: IncomingPackage, fault: Fault) -> Answer:
        assert reader.envelope is not None  # the image is written once its envelope is in
        return Answer(fault.http_status, device.endpoint.reply(reader.envelope, fault))

    # -- what the server does with a request it accepted --------------------------------
    def _dispatch(self, device: Device, request: Envelope, url: str) -> Answer:
        endpoint = device.endpoint
        body = request.body
        if isinstance(body, wse.Subscribe):
            device.subscribers.append(Subscriber.from_subscribe(request))
            manager = wsa.EndpointReferenceType(address=wsa.AttributedURI(value=url))
            answer: object = wse.SubscribeResponse(
                subscription_manager=manager, expires=wse.ExpirationType(value=SUBSCRIPTION)
            )
        elif isinstance(body, dsp.CreatePostScanJobRequest):
            token = str(uuid.uuid4())
            filters = body.post_scan_instructions.filters_to_process.filter
            device.jobs[token] = Job(
                token=token,
                psp_identifier=body.psp_identifier,
                dialects=[item.dialect for item in filters],
                user=body.user_identifier,
                created=datetime.now(UTC),
            )
            answer = dsp.CreatePostScanJobResponse(job_token=token)
        elif isinstance(body, dsp.SendImageRequest):
            device.jobs[body.job_token].images += 1
            answer = dsp.SendImageResponse()
        elif isinstance(body, dsp.EndPostScanJobRequest):
            self._later(self._report(device, body.job_token, "Completed"))
            answer = dsp.EndPostScanJobResponse()
        elif isinstance(body, dsp.CancelPostScanJobRequest):
            self._later(self._report(device, body.job_token, "Canceled"))
            answer = dsp.CancelPostScanJobResponse()
        else:  # GetPostScanJobElements, vendor operations: not served here
            return Answer(
                ACTION_NOT_SUPPORTED.http_status, endpoint.reply(request, ACTION_NOT_SUPPORTED)
            )
        return Answer(200, endpoint.reply(request, answer))

    # -- events ---------------------------------------------------------------------------
    def _later(self, work: Coroutine[object, object, None]) -> None:
        """Run ``work`` once the answer is on its way (the server keeps it till it ends)."""
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _report(self, device: Device, token: str, state: str) -> None:
        """The job is delivered (or canceled, or timed out): its end state to every
        subscriber of the device, and the job is forgotten."""
        job = device.jobs.pop(token, None)
        if job is None:
            return
        await self._send(
            device.endpoint.broadcast(_end_state(job, state), subscribers=device.subscribers)
        )

    async def _send(self, events: list[tuple[Subscriber, bytes]]) -> None:
        for subscriber, data in events:
            for attempt in range(3):  # a kept-alive connection may close as it is reused
                try:
                    await self.events.post(
                        subscriber.address,
                        content=data,
                        headers={"Content-Type": SOAP_CONTENT_TYPE},
                    )
                    break
                except httpx.TransportError as error:
                    if attempt == 2:  # a subscriber gone: its loss
                        LOG.warning("event to %s lost: %s", subscriber.address, error)

    async def _time_out_jobs(self) -> None:
        """Every few seconds, end the jobs that went too long without EndPostScanJob."""
        while True:
            await asyncio.sleep(5)
            now = datetime.now(UTC)
            for device in list(self.devices.values()):
                for token in device.endpoint.session.advance(now):
                    await self._report(device, token, "Aborted")


def _end_state(job: Job, state: str) -> dsp.PostScanJobEndStateEvent:
    final, reason = {
        "Completed": ("CompletedSuccessfully", "PostScanJobCompletedSuccessfully"),
        "Canceled": ("Canceled", "PostScanJobCanceled"),
        "Aborted": ("Canceled", "PostScanJobTimedOut"),
    }[state]
    return dsp.PostScanJobEndStateEvent(
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
                filter_status=[
                    dsp.FilterStatusType(dialect=dialect, filter_state=final)
                    for dialect in job.dialects
                ]
            ),
            images_received=job.images,
            job_completed_time=datetime.now(UTC),
        )
    )


# -- memory ------------------------------------------------------------------------------------


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or ``None`` where the C library has none (musl, macOS). Looked
    up among the symbols the process has loaded: the C library is one."""
    try:
        release: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return release


async def _return_freed_memory(release: Callable[[int], int]) -> None:
    """A request body arrives in pieces of up to a socket read (256 KiB), two per upload at a
    time (the one being written, the one uvicorn reads meanwhile). glibc serves pieces that
    size from its heap and keeps them once freed, so with fifty uploads at once what it keeps
    adds up to more than what is live; handed back several times a second (a call costs
    under 0.1 ms), the server's peak memory stays close to what it holds."""
    while True:
        await asyncio.sleep(RETURN_MEMORY_EVERY)
        release(0)


# -- the disk, in a worker thread ---------------------------------------------------------------


def _write(file: BinaryIO, pieces: list[memoryview]) -> None:
    for piece in pieces:
        file.write(piece)


def _finish(file: BinaryIO, part: Path, final: Path) -> None:
    file.close()
    os.replace(part, final)


def _discard(file: BinaryIO, part: Path) -> None:
    file.close()
    part.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("images", type=Path, help="where received images are stored")
    parser.add_argument("--port", type=int, default=5362)
    args = parser.parse_args(argv)
    uvicorn.run(ScanServer(args.images).app, host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
