"""Run the reference scan server and device against each other, on 127.0.0.1.

Usage: ``python examples/http/demo.py OUTDIR [--image-mib N]``

The device subscribes to the server's events; scans a job of three images (one of N MiB,
50 by default, streamed from disk both ways); scans a job it then cancels; and misbehaves four
times (SendImage after EndPostScanJob, a reused MessageID, a JobToken in the wrong case, bytes
that are not XML), each answered with the fault the protocol asks for. Every message exchanged
is written to OUTDIR in wire order; exit status 0 when every answer was as expected.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import uuid
from pathlib import Path

from device import Device, image_request, scan_process
from scan_server import ScanServer
from transcript import SOAP_CONTENT_TYPE, Transcript, messages

from dsm_messages import build_send_image, fault_for, serialize
from dsm_messages.faults import DSP_INVALID_ARGS, INVALID_MESSAGE_INFORMATION_HEADER
from dsm_messages.models import dsp, soap


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="where the messages exchanged are written")
    parser.add_argument("--image-mib", type=int, default=50, help="size of the large image")
    args = parser.parse_args(argv)
    transcript = Transcript(args.outdir)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        sizes = (64 << 10, args.image_mib << 20, 300 << 10)
        images = [_image(work / f"page-{n}.pdf", size) for n, size in enumerate(sizes, start=1)]
        received = work / "received"
        with ScanServer(transcript, received) as server, Device(transcript, server.url) as device:
            problems = _run(device, server, images, received)
    for problem in problems:
        print(f"demo: {problem}", file=sys.stderr)
    print(f"demo: {len(messages(args.outdir))} messages in {args.outdir}")
    return 1 if problems else 0


def _run(device: Device, server: ScanServer, images: list[Path], received: Path) -> list[str]:
    problems: list[str] = []
    device.subscribe()

    # a job of three images, one of them large
    first_create = f"urn:uuid:{uuid.uuid4()}"
    token = device.create_job(message_id=first_create)
    for document_id, image in enumerate(images, start=1):
        device.send_image(token, document_id, image)
    device.end(token)
    device.wait_until_finished(token)
    for document_id, image in enumerate(images, start=1):
        stored = received / f"{token}-{document_id}.pdf"
        if not stored.exists() or _digest(stored) != _digest(image):
            problems.append(f"image {document_id} of job {token} did not arrive bit-exact")

    # a job canceled after its first image
    canceled = device.create_job()
    device.send_image(canceled, 1, images[0])
    device.cancel(canceled)
    device.wait_until_finished(canceled)

    # misbehaving, built by hand (the device's endpoint refuses to): each request is answered
    # with the fault its rule names, related to it
    late_image = f"urn:uuid:{uuid.uuid4()}"
    content_type, chunks = build_send_image(
        image_request(token, 4), images[0].read_bytes(), to=server.url, message_id=late_image
    )
    _expect(
        problems, device, "SendImage-after-end-request", b"".join(chunks), late_image, content_type
    )
    if (received / f"{token}-4.pdf").exists():
        problems.append("the refused SendImage's image was written")
    again = serialize(scan_process(), to=server.url, message_id=first_create)
    _expect(problems, device, "CreatePostScanJob-reused-MessageID-request", again, first_create)
    open_job = device.create_job()
    wrong_case = f"urn:uuid:{uuid.uuid4()}"
    end = dsp.EndPostScanJobRequest(job_token=open_job.upper())
    _expect(
        problems,
        device,
        "EndPostScanJob-wrong-case-token-request",
        serialize(end, to=server.url, message_id=wrong_case),
        wrong_case,
    )
    status, answer = device.send_raw(
        "not-XML-request", b"<dsp:EndPostScanJobRequest><dsp:JobToken>"
    )
    if status != 400 or not isinstance(answer.body, soap.Fault) or answer.relates_to is not None:
        problems.append(f"bytes that are not XML: HTTP {status}, {answer.body!r}")
    device.cancel(open_job)
    device.wait_until_finished(open_job)

    if device.refused:
        problems.append(f"the device refused the events {[e.rule for e in device.refused]}")
    expected = ["DSP-5", "DSP-19", "DSP-2", "DSM-XML-MALFORMED"]
    refused = [error.rule for error in server.refused]
    if refused != expected:
        problems.append(f"the server refused {refused}, expected {expected}")
    for error in server.refused:
        if error.fault is None or error.fault != _FAULTS[error.rule]:
            problems.append(f"{error.rule} was answered with {error.fault}")
    return problems


_FAULTS = {
    "DSP-5": DSP_INVALID_ARGS,
    "DSP-19": INVALID_MESSAGE_INFORMATION_HEADER,
    "DSP-2": DSP_INVALID_ARGS,
    "DSM-XML-MALFORMED": fault_for("soap:Sender"),
}


def _expect(
    problems: list[str],
    device: Device,
    operation: str,
    data: bytes,
    message_id: str,
    content_type: str = SOAP_CONTENT_TYPE,
) -> None:
    """Send a request that breaks a rule: it must come back as a fault related to it."""
    status, answer = device.send_raw(operation, data, content_type)
    if not isinstance(answer.body, soap.Fault) or status not in (400, 500):
        problems.append(f"{operation}: expected a fault, got HTTP {status} {answer.body!r}")
    elif answer.relates_to != message_id:
        problems.append(f"{operation}: the fault relates to {answer.relates_to}, not the request")


def _image(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that starts like a PDF, written in pieces."""
    with path.open("wb") as out:
        out.write(b"%PDF-1.7\n")
        left = size - 9
        while left > 0:
            piece = os.urandom(min(left, 1 << 20))
            out.write(piece)
            left -= len(piece)
    return path


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


if __name__ == "__main__":
    sys.exit(main())
