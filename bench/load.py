"""Load and faults against the reference ASGI scan server (examples/asgi), on 127.0.0.1.

Usage: python bench/load.py [--devices 50] [--jobs 5] [--images 2] [--image-mib 10]
                            [--large-mib 200] [--no-faults]

The server runs in a process of its own (uvicorn, one Endpoint per device); this process runs
the devices (each an Endpoint speaking through httpx) and the app their events are sent to.
Every device subscribes, then runs its jobs one after another, all devices at once: create,
send the images (streamed, with their length), end, wait for the end-state event. Images
are random bytes, as compressed scans are (a short repeating pattern would be a worst case
for the MIME boundary search, and no scan). While they
do, one more device sends a large image (made as it is sent, never held). Then each fault
scenario runs, and is answered with the fault and HTTP status it must be.

Printed: jobs/s and MB/s of the load; the server's peak resident memory (VmHWM) and its
resident memory before and after the load; round-trip time per operation (p50/p99); and the
library's share of the server's CPU: the CPU time of the event loop's thread spent inside
dsm-messages calls (every public method of Endpoint and of the package reader but
``next_event``, a queue's pop, timed with ``time.thread_time``) over the whole server
process's CPU time (``getrusage``, every thread), both over the load alone (from after the
warm-up to the end of the load: start-up and the fault scenarios left out).
Checked: every acknowledged image is on disk bit-exact, no file is left partial, nothing
refused or abandoned was stored. Exit status 0 when every check holds.

tests/test_load.py runs the same code with few devices and small images.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import uvicorn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples" / "asgi"))

from asgi_devices import SOAP_CONTENT_TYPE, Device, SimulatedScan, event_sink  # noqa: E402
from asgi_server import MAX_ENVELOPE_BYTES  # noqa: E402
from load_server import bound, memory, serve  # noqa: E402

from dsm_messages import (  # noqa: E402
    ANONYMOUS,
    Envelope,
    build_send_image,
    parse,
    serialize,
)
from dsm_messages.faults import Fault  # noqa: E402
from dsm_messages.models import dsp, soap  # noqa: E402
from dsm_messages.mtom import build_package  # noqa: E402
from dsm_messages.testing.conversations import send_image_body  # noqa: E402

MIB = 1 << 20


@attrs.frozen(kw_only=True)
class Config:
    devices: int = 50
    jobs: int = 5
    images: int = 2
    image_bytes: int = 10 * MIB
    large_bytes: int = 200 * MIB
    faults: bool = True
    #: how long the server waits for a silent sender (the stalled-sender scenario waits it)
    read_timeout: float = 10.0


@attrs.define
class Results:
    config: Config
    seconds: float = 0.0
    jobs: int = 0
    image_bytes: int = 0
    latencies: dict[str, list[float]] = attrs.field(factory=lambda: defaultdict(list))
    scenarios: list[tuple[str, bool, str]] = attrs.field(factory=list)
    problems: list[str] = attrs.field(factory=list)
    rss_before: int = 0
    rss_after: int = 0
    rss_peak: int = 0
    server: ServerStats | None = None
    #: (path name, SHA-256) of every image the server acknowledged
    acknowledged: dict[str, str] = attrs.field(factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems and all(ok for _, ok, _ in self.scenarios)

    def report(self) -> str:
        c = self.config
        lines = [
            f"load: {c.devices} devices x {c.jobs} jobs x {c.images} images of "
            f"{c.image_bytes / MIB:g} MiB, and one image of {c.large_bytes / MIB:g} MiB",
            f"  {self.jobs} jobs in {self.seconds:.1f} s: {self.jobs / self.seconds:.1f} jobs/s, "
            f"{self.image_bytes / self.seconds / 1e6:.0f} MB/s",
            f"  server RSS: peak {self.rss_peak / MIB:.1f} MiB; before the load "
            f"{self.rss_before / MIB:.1f} MiB, after {self.rss_after / MIB:.1f} MiB",
        ]
        if self.server is not None:
            calls = ", ".join(
                f"{name} {spent:.2f} s"
                for name, spent in sorted(self.server.by_call.items(), key=lambda i: -i[1])
                if spent >= 0.005
            )
            lines += [
                f"  library share of server CPU: {self.library_share:.1%} "
                f"({self.server.library:.2f} s of {self.server.process:.2f} s; garbage "
                f"collection inside library calls {self.server.collecting_inside:.2f} s)",
                f"  library CPU by call: {calls}",
            ]
        for operation, times in sorted(self.latencies.items()):
            lines.append(
                f"  {operation:<18} n={len(times):<5} p50 {percentile(times, 50) * 1e3:8.2f} ms"
                f"  p99 {percentile(times, 99) * 1e3:8.2f} ms"
            )
        for name, ok, detail in self.scenarios:
            lines.append(f"  fault scenario {name}: {'ok' if ok else 'FAILED'} ({detail})")
        lines.extend(f"  PROBLEM: {problem}" for problem in self.problems)
        return "\n".join(lines)

    @property
    def library_share(self) -> float:
        if self.server is None or not self.server.process:
            return 0.0
        return self.server.library / self.server.process


def percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


# -- the server, in a process of its own (bench/load_server.py) -----------------------------


@contextlib.asynccontextmanager
async def server_process(images: Path, read_timeout: float) -> AsyncIterator[tuple[str, int]]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--serve",
        str(images),
        "--read-timeout",
        str(read_timeout),
        stdout=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        async with asyncio.timeout(60):
            port = int((await process.stdout.readline()).decode())
        yield f"http://127.0.0.1:{port}", process.pid
    finally:
        process.terminate()
        async with asyncio.timeout(30):
            await process.wait()


@contextlib.asynccontextmanager
async def events_app(devices: dict[str, Device]) -> AsyncIterator[str]:
    listener = bound()
    config = uvicorn.Config(event_sink(devices), log_level="warning", timeout_keep_alive=60)
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[listener]))
    try:
        while not server.started:
            await asyncio.sleep(0.01)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        await task


# -- the load -----------------------------------------------------------------------------------


async def timed(results: Results, operation: str, work: Awaitable[Any]) -> Any:
    start = time.perf_counter()
    value = await work
    results.latencies[operation].append(time.perf_counter() - start)
    return value


async def run_device(device: Device, config: Config, results: Results, seed: int) -> None:
    await timed(results, "Subscribe", device.subscribe())
    for _ in range(config.jobs):
        token = await timed(results, "CreatePostScanJob", device.create_job())
        for document_id in range(1, config.images + 1):
            image = SimulatedScan(config.image_bytes, seed + document_id)
            answer = await timed(
                results, "SendImage", device.send_image(token, document_id, image)
            )
            acknowledge(results, answer, token, document_id, image)
            results.image_bytes += config.image_bytes
        await timed(results, "EndPostScanJob", device.end(token))
        await timed(results, "end state event", device.finished(token))
        results.jobs += 1


def acknowledge(
    results: Results, answer: Envelope, token: str, document_id: int, image: SimulatedScan
) -> None:
    if isinstance(answer.body, dsp.SendImageResponse):
        results.acknowledged[f"{token}-{document_id}.pdf"] = image.digest
    else:
        results.problems.append(f"image {document_id} of {token} refused: {answer.body!r}")


async def run(config: Config, work: Path) -> Results:
    results = Results(config)
    images = work / "images"
    images.mkdir()
    devices: dict[str, Device] = {}
    limits = httpx.Limits(max_connections=config.devices + 20)
    async with (
        server_process(images, config.read_timeout) as (url, pid),
        events_app(devices) as events,
    ):
        # the memory before and after the load is measured with the devices' connections
        # closed: what the server keeps once the load is over
        async with httpx.AsyncClient(timeout=120) as client:
            warm_up = Results(config)  # its times and counts are not the load's
            small = attrs.evolve(config, jobs=1, images=1, image_bytes=MIB)
            devices["warm-up"] = Device("warm-up", url, client, events)
            await run_device(devices["warm-up"], small, warm_up, 0)
            results.acknowledged.update(warm_up.acknowledged)
            results.problems.extend(warm_up.problems)
        before = await stats(url)
        results.rss_before = memory(pid)[0]
        async with httpx.AsyncClient(timeout=120, limits=limits) as client:

            def device(name: str) -> Device:
                devices[name] = Device(name, url, client, events)
                return devices[name]

            start = time.perf_counter()
            load = [
                run_device(device(f"device-{n}"), config, results, n)
                for n in range(config.devices)
            ]
            await asyncio.gather(*load, large_image(device("large"), config, results))
            results.seconds = time.perf_counter() - start
            results.image_bytes += config.large_bytes
            # the CPU of the load alone: start-up, warm-up and the fault scenarios left out
            results.server = (await stats(url)).since(before)
            if config.faults:
                for name, scenario in SCENARIOS.items():
                    context = Context(url, client, events, device, results, images)
                    ok, detail = await scenario(context)
                    results.scenarios.append((name, ok, detail))
        await stats(url)
        results.rss_after, results.rss_peak = memory(pid)
    check_disk(images, results)
    return results


async def large_image(device: Device, config: Config, results: Results) -> None:
    await device.subscribe()
    token = await device.create_job()
    image = SimulatedScan(config.large_bytes, 7)
    answer = await timed(results, "SendImage (large)", device.send_image(token, 1, image))
    acknowledge(results, answer, token, 1, image)
    await device.end(token)
    await device.finished(token)


@attrs.frozen
class ServerStats:
    """What the server process tells of itself: CPU seconds inside library calls (in all and
    by call), of the whole process, and of garbage collection inside library calls."""

    library: float
    process: float
    collecting_inside: float
    by_call: dict[str, float]

    def since(self, earlier: ServerStats) -> ServerStats:
        return ServerStats(
            library=self.library - earlier.library,
            process=self.process - earlier.process,
            collecting_inside=self.collecting_inside - earlier.collecting_inside,
            by_call={
                name: spent - earlier.by_call.get(name, 0.0)
                for name, spent in self.by_call.items()
            },
        )


async def stats(url: str) -> ServerStats:
    """The server's CPU figures, once the connections it served closed."""
    await asyncio.sleep(0.5)
    async with httpx.AsyncClient() as client:
        answer = (await client.get(f"{url}/_stats")).json()
    return ServerStats(
        library=float(answer["library"]),
        process=float(answer["process"]),
        collecting_inside=float(answer["collecting_inside"]),
        by_call={name: float(spent) for name, spent in answer["by_call"].items()},
    )


def check_disk(images: Path, results: Results) -> None:
    """Every acknowledged image on disk bit-exact; nothing else there, nothing partial."""
    stored = {path.name for path in images.iterdir()}
    for name, digest in results.acknowledged.items():
        if name not in stored:
            results.problems.append(f"acknowledged image {name} is not on disk")
        elif sha256(images / name) != digest:
            results.problems.append(f"acknowledged image {name} is not bit-exact")
    for name in sorted(stored - set(results.acknowledged)):
        results.problems.append(f"{name} is on disk but was never acknowledged")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stored:
        while chunk := stored.read(MIB):
            digest.update(chunk)
    return digest.hexdigest()


# -- the fault scenarios ---------------------------------------------------------------------


@attrs.frozen
class Context:
    url: str
    client: httpx.AsyncClient
    events: str
    new_device: Callable[[str], Device]
    results: Results
    images: Path


Outcome = tuple[bool, str]


async def open_job(context: Context, name: str) -> tuple[Device, str]:
    device = context.new_device(name)
    await device.subscribe()
    return device, await device.create_job()


def fault_of(status: int, data: bytes) -> str:
    """``HTTP <status> <fault code>`` of an answer (its subcode, or its code)."""
    try:
        body = parse(data).body
    except Exception:
        return f"HTTP {status} (no SOAP fault)"
    if not isinstance(body, soap.Fault):
        return f"HTTP {status} {type(body).__name__}"
    return f"HTTP {status} {str(Fault.from_model(body)).split(' ')[0]}"


def expect(got: str, expected: str) -> Outcome:
    return got == expected, got if got == expected else f"expected {expected}, got {got}"


async def post(
    context: Context, device: Device, data: bytes, content_type: str = SOAP_CONTENT_TYPE
) -> tuple[int, bytes]:
    answer = await context.client.post(
        device.url, content=data, headers={"Content-Type": content_type}
    )
    return answer.status_code, answer.content


async def raw(
    url: str, head: bytes, pieces: Iterator[bytes], *, pause: float = 0.0, hang_up: bool = False
) -> tuple[int, bytes]:
    """Send ``head`` then ``pieces`` (``pause`` seconds apart) on a connection of its own;
    ``hang_up``: close it without reading an answer (then ``(0, b"")``)."""
    host, port = url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        writer.write(head)
        for piece in pieces:
            writer.write(piece)
            await writer.drain()
            if pause:
                await asyncio.sleep(pause)
        if hang_up:
            return 0, b""
        status_line = await reader.readline()
        length = 0
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        return int(status_line.split()[1]), await reader.readexactly(length)
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


def request_head(device: Device, content_type: str, length: int) -> bytes:
    path = device.url.split("/", 3)[3]
    return (
        f"POST /{path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()


def package_of(
    device: Device, token: str, document_id: int, size: int, message_id: str
) -> tuple[str, bytes, SimulatedScan]:
    image = SimulatedScan(size, document_id)
    content_type, chunks = device.endpoint.send_image(
        send_image_body(token, document_id), image, to=device.url, message_id=message_id
    )
    return content_type, b"".join(chunks), image


async def retried_image(
    context: Context, device: Device, token: str, document_id: int, size: int
) -> str:
    """Send the image again after a request lost on the way: the server may not have seen the
    connection die yet, and refuses the DocumentId it still holds (a fault that takes the
    device's attempt back); so it is tried a bounded number of times."""
    for _ in range(100):
        image = SimulatedScan(size, document_id)
        answer = await device.send_image(token, document_id, image)
        if isinstance(answer.body, dsp.SendImageResponse):
            context.results.acknowledged[f"{token}-{document_id}.pdf"] = image.digest
            return "stored"
        await asyncio.sleep(0.05)
    return "refused 100 times"


async def disconnect_then_retry(context: Context) -> Outcome:
    device, token = await open_job(context, "fault-disconnect")
    message_id = "urn:uuid:0d15c0de-0000-4000-8000-000000000001"
    content_type, package, _ = package_of(device, token, 1, 2 * MIB, message_id)
    head = request_head(device, content_type, len(package))
    await raw(context.url, head, iter([package[:MIB]]), hang_up=True)
    device.endpoint.abandon(message_id)  # no answer will come on a dead connection
    outcome = await retried_image(context, device, token, 1, 2 * MIB)
    await device.end(token)
    await device.finished(token)
    return expect(outcome, "stored")


async def malformed_xml(context: Context) -> Outcome:
    device = context.new_device("fault-malformed")
    return expect(
        fault_of(*await post(context, device, b"<soap:Envelope><soap:Body>")),
        "HTTP 400 soap:Sender",
    )


async def schema_invalid(context: Context) -> Outcome:
    device = context.new_device("fault-schema")
    valid = serialize(dsp.EndPostScanJobRequest(job_token="t"), to=device.url, reply_to=ANONYMOUS)
    data = valid.replace(b"<dsp:JobToken>t</dsp:JobToken>", b"<dsp:Token>t</dsp:Token>")
    return expect(fault_of(*await post(context, device, data)), "HTTP 400 dsp:InvalidArgs")


async def reused_message_id(context: Context) -> Outcome:
    device, token = await open_job(context, "fault-reused")
    used = device.endpoint.request(dsp.CancelPostScanJobRequest(job_token=token), to=device.url)
    await post(context, device, used)
    return expect(
        fault_of(*await post(context, device, used)),
        "HTTP 400 wsa:InvalidMessageInformationHeader",
    )


async def image_after_end(context: Context) -> Outcome:
    device, token = await open_job(context, "fault-after-end")
    image = SimulatedScan(1000, 1)
    acknowledge(context.results, await device.send_image(token, 1, image), token, 1, image)
    await device.end(token)
    await device.finished(token)
    content_type, chunks = build_send_image(
        send_image_body(token, 2), b"%PDF-1.7 late", to=device.url
    )
    return expect(
        fault_of(*await post(context, device, b"".join(chunks), content_type)),
        "HTTP 400 dsp:InvalidArgs",
    )


async def thousand_parts(context: Context) -> Outcome:
    device, token = await open_job(context, "fault-parts")
    content_type, chunks = device.endpoint.send_image(
        send_image_body(token, 1), b"x", to=device.url
    )
    root = b"".join(chunks)
    envelope = root[root.index(b"<?xml") : root.index(b"</soap:Envelope>") + 16]
    parts = [(f"part-{n}@device.example", "application/octet-stream", b"x") for n in range(1000)]
    content_type, chunks = build_package(envelope, parts)
    got = fault_of(*await post(context, device, b"".join(chunks), content_type))
    return expect(got, "HTTP 400 soap:Sender")


async def decoy_attachment(context: Context) -> Outcome:
    device, token = await open_job(context, "fault-decoy")
    content_type, package, _ = package_of(
        device, token, 1, 1000, "urn:uuid:0d15c0de-0000-4000-8000-000000000002"
    )
    boundary = content_type.split('boundary="', 1)[1].split('"', 1)[0].encode()
    image_at = package.index(b"\r\n--" + boundary + b"\r\n", 10)
    decoy = (
        b"\r\n--" + boundary + b"\r\nContent-Type: application/octet-stream\r\n"
        b"Content-ID: <decoy@device.example>\r\n\r\nDECOY"
    )
    data = package[:image_at] + decoy + package[image_at:]
    return expect(
        fault_of(*await post(context, device, data, content_type)), "HTTP 400 soap:Sender"
    )


async def oversized_envelope(context: Context) -> Outcome:
    device = context.new_device("fault-oversized")
    padding = b"<!-- " + b"x" * (MAX_ENVELOPE_BYTES + 1) + b" -->"
    data = serialize(dsp.EndPostScanJobRequest(job_token="t"), to=device.url).replace(
        b"<soap:Body>", b"<soap:Body>" + padding
    )
    return expect(fault_of(*await post(context, device, data)), "HTTP 400 soap:Sender")


async def slow_sender(context: Context) -> Outcome:
    device, token = await open_job(context, "fault-slow")
    content_type, package, image = package_of(
        device, token, 1, 64 << 10, "urn:uuid:0d15c0de-0000-4000-8000-000000000003"
    )
    pieces = (package[at : at + 4096] for at in range(0, len(package), 4096))
    status, data = await raw(
        context.url, request_head(device, content_type, len(package)), pieces, pause=0.02
    )
    answer = device.endpoint.receive(data)
    acknowledge(context.results, answer, token, 1, image)
    return expect(f"HTTP {status} {type(answer.body).__name__}", "HTTP 200 SendImageResponse")


async def stalled_sender(context: Context) -> Outcome:
    device, token = await open_job(context, "fault-stalled")
    message_id = "urn:uuid:0d15c0de-0000-4000-8000-000000000004"
    content_type, package, _ = package_of(device, token, 1, MIB, message_id)
    head = request_head(device, content_type, len(package))
    status, _ = await raw(context.url, head, iter([package[: len(package) // 2]]))
    device.endpoint.abandon(message_id)
    outcome = await retried_image(context, device, token, 1, MIB)
    return expect(f"HTTP {status}, then {outcome}", "HTTP 408, then stored")


SCENARIOS: dict[str, Callable[[Context], Awaitable[Outcome]]] = {
    "disconnect mid-image then retry": disconnect_then_retry,
    "malformed XML": malformed_xml,
    "schema-invalid request": schema_invalid,
    "reused MessageID": reused_message_id,
    "SendImage after End": image_after_end,
    "1,000 MIME parts": thousand_parts,
    "decoy attachment": decoy_attachment,
    "oversized envelope": oversized_envelope,
    "slow sender": slow_sender,
    "stalled sender": stalled_sender,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=5)
    parser.add_argument("--images", type=int, default=2)
    parser.add_argument("--image-mib", type=float, default=10)
    parser.add_argument("--large-mib", type=float, default=200)
    parser.add_argument("--no-faults", action="store_true")
    parser.add_argument("--read-timeout", type=float, default=10.0)
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve is not None:
        serve(args.serve, args.read_timeout)
        return 0
    config = Config(
        devices=args.devices,
        jobs=args.jobs,
        images=args.images,
        image_bytes=int(args.image_mib * MIB),
        large_bytes=int(args.large_mib * MIB),
        faults=not args.no_faults,
        read_timeout=args.read_timeout,
    )
    with tempfile.TemporaryDirectory() as work:
        results = asyncio.run(run(config, Path(work)))
    print(results.report())
    return 0 if results.ok else 1


if __name__ == "__main__":
    sys.exit(main())
