"""Run the reference WS-Scan device and client against each other, on 127.0.0.1: a push scan.

Usage: ``python examples/http/ws_scan_demo.py OUTDIR [--pages N]``

The client reads the device's metadata to find its scan service, registers a scan destination
and subscribes to job end states. Someone at the device picks that destination and presses
Scan: the device announces the scan (ScanAvailableEvent), the client creates the job with the
destination's token and retrieves each of the N pages (3 by default), which come back as MTOM;
the device then reports the job Completed (JobEndStateEvent). Every message exchanged is
written to OUTDIR in wire order; exit status 0 when every page arrived bit-exact and the job
ended Completed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from transcript import Transcript, messages
from ws_scan_client import ScanClient
from ws_scan_device import ScanDevice

from dsm_messages.models import wscn

DESTINATION = "Scan to dsm-messages"
CLIENT_CONTEXT = "reference-client"
TIMEOUT = 60


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="where the messages exchanged are written")
    parser.add_argument("--pages", type=int, default=3, help="pages the scan produces")
    args = parser.parse_args(argv)
    transcript = Transcript(args.outdir)
    pages = [_jpeg(64 << 10) for _ in range(args.pages)]
    with (
        ScanDevice(transcript, pages) as device,
        ScanClient(device.identity, device.xaddr) as client,
    ):
        problems = _run(device, client, pages)
    for problem in problems:
        print(f"ws-scan demo: {problem}", file=sys.stderr)
    print(f"ws-scan demo: {len(messages(args.outdir))} messages in {args.outdir}")
    return 1 if problems else 0


def _run(device: ScanDevice, client: ScanClient, pages: list[bytes]) -> list[str]:
    problems: list[str] = []
    if client.find_scan_service() != device.scan_service:
        problems.append(f"the metadata named {client.scan_service}, not {device.scan_service}")
    token = client.register_destination(DESTINATION, CLIENT_CONTEXT)
    client.subscribe_to_job_ends()

    scan_identifier = device.press_scan(DESTINATION)
    announced = client.announced.get(timeout=TIMEOUT)
    if (announced.scan_identifier, announced.client_context) != (scan_identifier, CLIENT_CONTEXT):
        problems.append(f"the scan announced is {announced}")
    ticket = wscn.ScanTicketType(
        job_description=wscn.JobDescriptionType(
            job_name="Push scan", job_originating_user_name="reference-client"
        ),
        document_parameters=wscn.DocumentParametersType(
            format=wscn.DocumentFormatType(value=wscn.DocumentFormatWKVType.JFIF),
            images_to_transfer=wscn.ImagesToTransferType(value=len(pages)),
        ),
    )
    job = client.create_job(announced, token, ticket)
    final = job.document_final_parameters.images_to_transfer
    count = len(pages) if final is None else final.value
    for number in range(1, count + 1):
        image = client.retrieve(job, f"page-{number}.jpg")
        if image != pages[number - 1]:
            problems.append(f"page {number} did not arrive bit-exact")

    end = client.ended.get(timeout=TIMEOUT)
    if (end.job_id, str(end.job_completed_state), end.scans_completed) != (
        job.job_id,
        "Completed",
        count,
    ):
        problems.append(f"the job ended {end}")
    if device.refused:
        problems.append(f"the device refused {[error.rule for error in device.refused]}")
    if client.refused:
        problems.append(f"the client refused the events {[e.rule for e in client.refused]}")
    return problems


def _jpeg(size: int) -> bytes:
    """``size`` bytes framed as a JPEG (start and end of image markers)."""
    return b"\xff\xd8\xff\xe0" + os.urandom(size - 6) + b"\xff\xd9"


if __name__ == "__main__":
    sys.exit(main())
