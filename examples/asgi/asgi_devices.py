"""Simulated WS-DSP scan devices for the ASGI scan server: each an :class:`~dsm_messages.Endpoint`
speaking through ``httpx``, and one small ASGI app (:func:`event_sink`) that takes the events
the server sends them, all on 127.0.0.1.

A :class:`Device` keeps to the protocol (its endpoint would refuse to do otherwise); what
breaks it on purpose is built by hand with the envelope-level API.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncIterator, Iterator
from typing import Protocol

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from dsm_messages import Endpoint, Envelope
from dsm_messages.models import dsp, wsa, wse
from dsm_messages.testing.conversations import create_body, send_image_body

SOAP_CONTENT_TYPE = "application/soap+xml; charset=utf-8"


class Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


class SimulatedScan:
    """``size`` bytes of a scan that is never held whole: made as it is read (a seekable
    stream, so that its size is known), with the SHA-256 of what was read (``digest``).

    The bytes are random, as a compressed scan's (PDF, JPEG) look: cut from a pool of 4 MiB
    made once, from an offset that ``seed`` chooses."""

    _pool = b""

    def __init__(self, size: int, seed: int = 0) -> None:
        if not SimulatedScan._pool:
            SimulatedScan._pool = os.urandom(4 << 20)
        self.size = size
        self._start = (seed * 65_537) % len(self._pool)
        self._position = 0
        self._hash = hashlib.sha256()

    def read(self, size: int, /) -> bytes:
        pool = self._pool
        at = (self._start + self._position) % len(pool)
        take = min(size, self.size - self._position, len(pool) - at)
        data = b"%PDF-1.7\n"[: min(take, 9)] if self._position == 0 else pool[at : at + take]
        self._position += len(data)
        self._hash.update(data)
        return data

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = 0, /) -> int:
        self._position = {0: offset, 1: self._position + offset, 2: self.size + offset}[whence]
        return self._position

    @property
    def digest(self) -> str:
        return self._hash.hexdigest()


class Device:
    """One device of the scan server at ``server`` (its ``/ScanServer/{name}`` URL), its
    requests sent with ``client``; ``events`` is where it subscribes to have its events sent
    (an :func:`event_sink`)."""

    def __init__(self, name: str, server: str, client: httpx.AsyncClient, events: str) -> None:
        self.name = name
        self.url = f"{server}/ScanServer/{name}"
        self.events = f"{events}/events/{name}"
        self.client = client
        self.endpoint = Endpoint("device")
        self._ended: dict[str, asyncio.Event] = {}

    async def subscribe(self) -> None:
        notify_to = wse.NotifyTo(address=wsa.AttributedURI(value=self.events))
        await self.call(wse.Subscribe(delivery=wse.DeliveryType(notify_to=notify_to)))

    async def create_job(self) -> str:
        answer = await self.call(create_body())  # the shipped sample's scan process
        token = answer.body_as(dsp.CreatePostScanJobResponse).job_token
        self._ended[token] = asyncio.Event()
        return token

    async def send_image(
        self,
        token: str,
        document_id: int,
        image: bytes | Readable,
        *,
        message_id: str | None = None,
    ) -> Envelope:
        """Stream ``image`` to the server, read as it is sent, with its Content-Length."""
        content_type, chunks = self.endpoint.send_image(
            send_image_body(token, document_id), image, to=self.url, message_id=message_id
        )
        headers = {"Content-Type": content_type}
        if chunks.length is not None:
            headers["Content-Length"] = str(chunks.length)
        answer = await self.client.post(self.url, content=_async(chunks), headers=headers)
        return self.endpoint.receive(
            answer.content, content_type=answer.headers.get("content-type")
        )

    async def end(self, token: str) -> None:
        await self.call(dsp.EndPostScanJobRequest(job_token=token))

    async def cancel(self, token: str) -> None:
        await self.call(dsp.CancelPostScanJobRequest(job_token=token))

    async def finished(self, token: str, timeout: float = 120) -> None:
        """Until the server's end-state event for ``token`` has arrived."""
        async with asyncio.timeout(timeout):
            await self._ended[token].wait()
        del self._ended[token]

    async def call(self, body: object) -> Envelope:
        data = self.endpoint.request(body, to=self.url)
        answer = await self.client.post(
            self.url, content=data, headers={"Content-Type": SOAP_CONTENT_TYPE}
        )
        return self.endpoint.receive(answer.content)

    def event(self, data: bytes) -> None:
        event = self.endpoint.receive(data)
        if isinstance(event.body, dsp.PostScanJobEndStateEvent):
            ended = self._ended.get(event.body.post_scan_job_end_state.job_token)
            if ended is not None:
                ended.set()


def event_sink(devices: dict[str, Device]) -> Starlette:
    """The app that takes the events the server sends to ``devices`` (``/events/{name}``)."""

    async def take(request: Request) -> Response:
        devices[request.path_params["device"]].event(await request.body())
        return Response(status_code=202)  # an event is one-way: accepted, no SOAP answer

    return Starlette(routes=[Route("/events/{device}", take, methods=["POST"])])


async def _async(chunks: Iterator[bytes]) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk
