"""Scan from the reference WS-Scan device with a client nobody here wrote: Debian's
sane-airscan, driven by ``scanimage`` (run from the repository root, as root, on Debian).

    python tools/interop_sane_airscan.py [--keep DIRECTORY]

It installs ``sane-utils`` and ``sane-airscan`` with apt-get when they are missing, then, for
each scan below, starts ``examples/http/ws_scan_device.py`` on 127.0.0.1, points sane-airscan
at it in ``/etc/sane.d/airscan.conf`` (the device under ``[devices]`` as WSD, discovery off;
the file as it was is put back at the end) and runs ``scanimage``:

- a platen scan, colour, 300 dpi, the device sending PNG;
- a grey scan, 150 dpi, from a device that writes JPEG only;
- a batch from the document feeder, two sheets, until it is empty;
- a feeder scan interrupted with SIGINT while the first page is being scanned (CancelJob).

Each scan passes when every image scanimage wrote is the one the device sent (pixel for
pixel for PNG; for JPEG within the rounding of two decoders), ``dsm-messages check-sequence
--profile lenient`` finds no violation in the device's transcript, and every message the
device sent is valid in the strict profile. Every wait is bounded; nothing leaves 127.0.0.1.
Exit status 0 when every scan passed.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
from PIL import Image, ImageChops

from dsm_messages import parse_package
from dsm_messages.models import wscn
from dsm_messages.mtom import split_message

ROOT = Path(__file__).resolve().parent.parent
DEVICE = ROOT / "examples" / "http" / "ws_scan_device.py"
CONFIG = Path("/etc/sane.d/airscan.conf")
NAME = "Reference WSD"
SCANNER = f"airscan:w0:{NAME}"
PACKAGES = ("sane-utils", "sane-airscan")
TIMEOUT = 120  # seconds any one step may take
JPEG_TOLERANCE = 8  # the largest difference two JPEG decoders may make in a sample


@attrs.frozen
class Scan:
    """One scan: the device's options, scanimage's, and what it must yield."""

    title: str
    device: tuple[str, ...]
    scanimage: tuple[str, ...]
    images: int
    exact: bool = True
    interrupt: bool = False


SCANS = (
    Scan(
        "platen, colour, 300 dpi, PNG",
        ("--formats", "png,jfif"),
        ("--source", "Flatbed", "--mode", "Color", "--resolution", "300", "-o", "page1.pnm"),
        images=1,
    ),
    Scan(
        "platen, grey, 150 dpi, JPEG",
        ("--formats", "jfif"),
        ("--source", "Flatbed", "--mode", "Gray", "--resolution", "150", "-o", "page1.pnm"),
        images=1,
        exact=False,
    ),
    Scan(
        "feeder, two sheets, colour, 150 dpi, PNG",
        ("--formats", "png,jfif", "--feeder", "2"),
        ("--source", "ADF", "--mode", "Color", "--resolution", "150", "--batch=page%d.pnm"),
        images=2,
    ),
    Scan(
        "feeder, interrupted (SIGINT) while the first page is scanned",
        ("--formats", "png,jfif", "--feeder", "2", "--scan-seconds", "5"),
        ("--source", "ADF", "--mode", "Gray", "--resolution", "75", "--batch=page%d.pnm"),
        images=0,
        interrupt=True,
    ),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep each scan's transcript and images here")
    args = parser.parse_args(argv)
    install()
    print(f"interop: {versions()}", flush=True)
    failed = 0
    with tempfile.TemporaryDirectory() as scratch, kept_config():
        base = args.keep or Path(scratch)
        for number, scan in enumerate(SCANS, 1):
            work = base / f"scan-{number}"
            shutil.rmtree(work, ignore_errors=True)
            try:
                facts = run(scan, work)
            except ScanError as failure:
                failed += 1
                print(f"interop: FAILED {scan.title}: {failure}", flush=True)
                continue
            print(f"interop: passed {scan.title}: {facts}", flush=True)
    print(f"{len(SCANS) - failed} passed, {failed} failed")
    return 1 if failed else 0


class ScanError(Exception):
    """A scan did not go as it must."""


def install() -> None:
    """apt-get the client when it is missing (as CI does, as root on Debian)."""
    if all(_installed(package) for package in PACKAGES):
        return
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *PACKAGES]):
        subprocess.run(
            command, check=True, env=environment, timeout=900, stdout=subprocess.DEVNULL
        )


def _installed(package: str) -> bool:
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
    )
    return status.stdout.strip() == "install ok installed"


def versions() -> str:
    found = []
    for package in PACKAGES:
        version = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        found.append(f"{package} {version}")
    return ", ".join(found)


@contextmanager
def kept_config() -> Iterator[None]:
    """``/etc/sane.d/airscan.conf`` is put back as it was, whatever happens."""
    before = CONFIG.read_bytes() if CONFIG.exists() else None
    try:
        yield
    finally:
        if before is None:
            CONFIG.unlink(missing_ok=True)
        else:
            CONFIG.write_bytes(before)


def run(scan: Scan, work: Path) -> str:
    transcript, pages = work / "transcript", work / "pages"
    pages.mkdir(parents=True)
    with device(scan, transcript) as url:
        CONFIG.write_text(
            f'[devices]\n"{NAME}" = {url}, WSD\n\n[options]\ndiscovery = disable\n'
            "ws-discovery = off\n",
            encoding="utf-8",
        )
        command = ["scanimage", "-d", SCANNER, "--format=pnm", *scan.scanimage]
        if scan.interrupt:
            interrupted(command, pages, transcript)
        else:
            done = subprocess.run(
                command, cwd=pages, capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
            if done.returncode != 0:
                raise ScanError(f"scanimage exited {done.returncode}: {done.stderr.strip()}")
    sent = images_sent(transcript)
    written = sorted(pages.glob("page*.pnm"), key=lambda path: int(path.stem[4:]))
    if len(sent) != scan.images or len(written) != scan.images:
        raise ScanError(f"{len(sent)} images sent, {len(written)} written, {scan.images} expected")
    sizes = [
        compare(image, page, exact=scan.exact) for image, page in zip(sent, written, strict=True)
    ]
    messages = check(transcript)
    shown = ", ".join(sizes) if sizes else "no image"
    return f"{shown}; {messages}"


@contextmanager
def device(scan: Scan, transcript: Path) -> Iterator[str]:
    """The reference device, running; yields its scan service URL."""
    process = subprocess.Popen(
        [sys.executable, str(DEVICE), "--port", "0", *scan.device, str(transcript)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise ScanError(f"the device printed {url!r}, not its scan service")
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def interrupted(command: list[str], pages: Path, transcript: Path) -> None:
    """scanimage, interrupted once the job exists: it cancels the job (CancelJob), and the
    device answers it before the page being scanned is done."""
    process = subprocess.Popen(
        command, cwd=pages, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        until(lambda: any(transcript.glob("*-CreateScanJob-response.xml")), "the job")
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    if "canceled" not in errors.lower():
        raise ScanError(f"scanimage did not report the cancel: {errors.strip()}")
    until(lambda: any(transcript.glob("*-CancelJob-response.xml")), "the CancelJob answer")
    # the RetrieveImage waiting for the page is answered ClientErrorJobCancelled
    until(lambda: len(list(transcript.glob("*-Fault.xml"))) >= 1, "the cancelled RetrieveImage")


def until(ready: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not ready():
        if time.monotonic() > deadline:
            raise ScanError(f"gave up waiting for {what}")
        time.sleep(0.05)


def images_sent(transcript: Path) -> list[bytes]:
    """The image of every RetrieveImage response the device sent, in order."""
    images = []
    for path in sorted(transcript.glob("*-RetrieveImage-response.mime")):
        content_type, body = split_message(path.read_bytes())
        envelope = parse_package(body, content_type).envelope
        images.append(envelope.body_as(wscn.RetrieveImageResponse).scan_data)
    return images


def compare(sent: bytes, written: Path, *, exact: bool) -> str:
    """The image scanimage wrote holds the pixels of the one the device sent."""
    original = Image.open(io.BytesIO(sent))
    scanned = Image.open(written)
    if original.size != scanned.size:
        raise ScanError(f"{written.name} is {scanned.size}, the device sent {original.size}")
    mode = "RGB" if scanned.mode == "RGB" else "L"
    difference = ImageChops.difference(original.convert(mode), scanned.convert(mode))
    # the largest difference in any band: the highest value its histogram counts
    largest = max(value % 256 for value, count in enumerate(difference.histogram()) if count)
    if largest > (0 if exact else JPEG_TOLERANCE):
        raise ScanError(f"{written.name} differs from the image sent by up to {largest}")
    how = "pixel-identical" if largest == 0 else f"within {largest}"
    return f"{original.format} {original.size[0]}x{original.size[1]} {mode} {how}"


def check(transcript: Path) -> str:
    """check-sequence (lenient) finds no violation; every message the device sent is valid
    in the strict profile."""
    command = Path(sys.executable).parent / "dsm-messages"
    sequence = subprocess.run(
        [command, "check-sequence", "--profile", "lenient", "--format", "json", transcript],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    report = json.loads(sequence.stdout)
    if sequence.returncode != 0 or report["violations"]:
        raise ScanError(f"check-sequence: {report['violations']}")
    files = sorted(path for path in transcript.iterdir() if path.suffix in (".xml", ".mime"))
    sent = [path for path in files if "-request." not in path.name]
    strict = validated(command, sent, "strict")
    if not all(item["valid"] for item in strict):
        raise ScanError(f"device messages invalid in strict: {strict}")
    received = validated(command, [path for path in files if path not in sent], "lenient")
    if not all(item["valid"] for item in received):
        raise ScanError(f"client messages invalid in lenient: {received}")
    tolerated = sorted({p["code"] for item in received for p in item["problems"]})
    return (
        f"{len(files)} messages, check-sequence (lenient) ok, {len(sent)} sent by the device "
        f"strict-valid, {len(received)} from sane-airscan lenient-valid"
        + (f" (warnings: {', '.join(tolerated)})" if tolerated else "")
    )


def validated(command: Path, paths: list[Path], profile: str) -> list[dict[str, Any]]:
    if not paths:
        return []
    result = subprocess.run(
        [command, "validate", "--profile", profile, "--format", "json", *paths],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    files: list[dict[str, Any]] = json.loads(result.stdout)["files"]
    return files


if __name__ == "__main__":
    sys.exit(main())
