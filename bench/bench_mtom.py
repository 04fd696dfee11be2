"""MTOM package given as bytes: throughput and peak memory, against a comparator in the same run.

Usage: python bench/bench_mtom.py [--size-mib N] [--rounds R]   (default: 256 MiB, 5 rounds)

The package (a SendImage envelope and one image part) is written to a temporary file once.
Every measurement runs in a fresh process, so that its peak memory (VmHWM) belongs to it
alone: it reads a small package once (first use builds the binding's tables), reads the file
into one ``bytes`` object, then reads the package three times; the time is the median of the
three, the memory the peak growth from before the file was read, as a multiple of the package
size (the package itself counts 1.0). Rounds interleave the readers; medians are shown.

Readers:

- ``find-split`` (comparator): the fastest split plain Python offers, ``bytes.find`` for each
  delimiter and each blank line, every part a ``memoryview`` slice, nothing checked;
- ``find-split-copy`` (comparator): the same, every part copied out as ``bytes``;
- ``validate``: :func:`dsm_messages.validate` (what the CLI runs on a ``.mime`` file);
- ``parse-to-sink``: :func:`~dsm_messages.mtom.parse_package` with a sink that drops the image;
- ``parse-in-memory``: ``parse_package`` returning the image in ``dsp:ImageData``. A ``bytes``
  value cannot share the package's memory, so one copy of the image is inherent: it is
  compared with ``find-split-copy``, and its memory goal is 2.2x, not 1.2x.

Goals: at least 1 GB/s and half the comparator's speed; memory at most 1.2x the package.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MIB = 1024 * 1024
GOAL_GB_PER_S = 1.0
GOAL_RATIO_TO_COMPARATOR = 0.5
#: reader: (its comparator, its memory goal); comparators have none
READERS: dict[str, tuple[str, float | None]] = {
    "find-split": ("find-split", None),
    "find-split-copy": ("find-split-copy", None),
    "validate": ("find-split", 1.2),
    "parse-to-sink": ("find-split", 1.2),
    "parse-in-memory": ("find-split-copy", 2.2),
}

ENVELOPE = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"'
    b' xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing"'
    b' xmlns:dsp="http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"'
    b' xmlns:xop="http://www.w3.org/2004/08/xop/include"><soap:Header>'
    b"<wsa:To>https://scansrv01.corp.example:5362/ScanServer/1</wsa:To>"
    b"<wsa:Action>http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing/"
    b"SendImage</wsa:Action>"
    b"<wsa:MessageID>urn:uuid:5eb4f990-8f4b-4b55-b4e0-08e1d8e0c5d3</wsa:MessageID>"
    b"<wsa:ReplyTo><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
    b"</wsa:Address></wsa:ReplyTo></soap:Header><soap:Body><dsp:SendImageRequest>"
    b"<dsp:JobToken>264a19bf-3604-4603-b59d-b47e0f669a1e</dsp:JobToken>"
    b"<dsp:DocumentDescription><dsp:DocumentId>1</dsp:DocumentId><dsp:Format>png</dsp:Format>"
    b'</dsp:DocumentDescription><dsp:ImageData><xop:Include href="cid:image@bench"/>'
    b"</dsp:ImageData></dsp:SendImageRequest></soap:Body></soap:Envelope>"
)


def write_package(path: Path, size: int) -> str:
    """Write a package holding a ``size``-byte image to ``path``; returns its Content-Type."""
    from dsm_messages.mtom import build_package

    pattern = bytes((i * 2654435761 >> 7) & 0xFF for i in range(1 << 20))
    image = (pattern * (size // len(pattern) + 1))[:size]
    content_type, chunks = build_package(
        ENVELOPE, [("image@bench", "application/octet-stream", image)]
    )
    with path.open("wb") as out:
        for chunk in chunks:
            out.write(chunk)
    return content_type


class Discard:
    def write(self, data: memoryview, /) -> int:
        return len(data)


def find_split(data: bytes, content_type: str) -> list[tuple[memoryview, memoryview]]:
    """Every part's headers and body, by ``bytes.find`` alone (no checks at all)."""
    boundary = content_type.split('boundary="', 1)[1].split('"', 1)[0].encode()
    delimiter = b"\r\n--" + boundary
    view = memoryview(data)
    parts = []
    position = data.index(b"--" + boundary) + len(boundary) + 4
    while True:
        blank = data.index(b"\r\n\r\n", position)
        end = data.index(delimiter, blank)
        parts.append((view[position:blank], view[blank + 4 : end]))
        position = end + len(delimiter)
        if data.startswith(b"--", position):
            return parts
        position += 2


def find_split_copy(data: bytes, content_type: str) -> list[tuple[bytes, bytes]]:
    return [(bytes(head), bytes(body)) for head, body in find_split(data, content_type)]


def reader(name: str) -> Callable[[bytes, str], object]:
    if name == "find-split":
        return find_split
    if name == "find-split-copy":
        return find_split_copy
    if name == "validate":
        from dsm_messages import validate

        def run_validate(data: bytes, content_type: str) -> object:
            report = validate(data, content_type=content_type)
            assert report.valid, report
            return report

        return run_validate
    from dsm_messages.mtom import parse_package

    if name == "parse-to-sink":
        return lambda data, content_type: parse_package(
            data, content_type, sink=lambda envelope, content_id: Discard()
        )
    return lambda data, content_type: parse_package(data, content_type)


def peak_memory() -> int:
    """This process's peak resident set (``ru_maxrss`` would carry the parent's over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_one(name: str, path: Path, content_type: str) -> dict[str, float]:
    read = reader(name)
    # first use builds the binding's class tables: a one-off cost per process, not per package
    from dsm_messages.mtom import build_package

    warm_type, warm_chunks = build_package(ENVELOPE, [("image@bench", "image/png", b"IMG")])
    read(b"".join(warm_chunks), warm_type)
    before = peak_memory()
    data = path.read_bytes()
    times = []
    for _ in range(3):
        started = time.perf_counter()
        read(data, content_type)
        times.append(time.perf_counter() - started)
    seconds = statistics.median(times)
    peak = peak_memory()
    return {"gb_per_s": len(data) / seconds / 1e9, "memory": (peak - before) / len(data)}


def verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--one":
        print(json.dumps(run_one(sys.argv[2], Path(sys.argv[3]), sys.argv[4])))
        return
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--size-mib", type=int, default=256)
    options.add_argument("--rounds", type=int, default=5)
    arguments = options.parse_args()
    results: dict[str, list[dict[str, float]]] = {name: [] for name in READERS}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "package.mime"
        content_type = write_package(path, arguments.size_mib * MIB)
        size = os.path.getsize(path)
        for _ in range(arguments.rounds):
            for name in READERS:
                out = subprocess.run(
                    [sys.executable, __file__, "--one", name, str(path), content_type],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                results[name].append(json.loads(out.stdout))
    medians = {
        name: {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        for name, runs in results.items()
    }
    print(f"MTOM package given as bytes: {size / MIB:.0f} MiB, {arguments.rounds} rounds, medians")
    print(f"{'reader':16} {'GB/s':>7} {'vs comparator':>24} {'memory':>7}   goals")
    for name, median in medians.items():
        comparator, memory_goal = READERS[name]
        speed, memory = median["gb_per_s"], median["memory"]
        ratio = speed / medians[comparator]["gb_per_s"]
        line = f"{name:16} {speed:7.3f} {ratio:6.2f}x {comparator:>16} {memory:6.2f}x"
        if memory_goal is not None:
            line += (
                f"  >= {GOAL_GB_PER_S} GB/s: {verdict(speed >= GOAL_GB_PER_S)};"
                f" >= {GOAL_RATIO_TO_COMPARATOR}x: {verdict(ratio >= GOAL_RATIO_TO_COMPARATOR)};"
                f" memory <= {memory_goal}x: {verdict(memory <= memory_goal)}"
            )
        print(line)


if __name__ == "__main__":
    main()
