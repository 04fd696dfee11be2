"""MTOM throughput and peak memory for large images.

Usage: python bench/bench_mtom.py [SIZE_MIB ...]   (default: 256 1024)

Each size runs in a fresh process so that peak memory (max RSS) belongs to that size alone.
The image is generated on the fly and the parsed image is streamed to a sink that only hashes
it, so neither side ever holds the whole image: what is measured is the library.
"""

from __future__ import annotations

import hashlib
import io
import json
import resource
import subprocess
import sys
import time

from dsm_messages.models import dsp
from dsm_messages.mtom import build_send_image, parse_package

MIB = 1024 * 1024


class GeneratedImage(io.RawIOBase):
    """``size`` bytes of a repeating pseudo-random pattern, produced as they are read."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.pattern = bytes((i * 2654435761 >> 7) & 0xFF for i in range(1 << 20))

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = self.left if n < 0 else min(n, self.left)
        self.left -= n
        out = (self.pattern * (n // len(self.pattern) + 1))[:n]
        return out


class HashSink:
    def __init__(self) -> None:
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.size += len(data)
        return len(data)


def request() -> dsp.SendImageRequest:
    return dsp.SendImageRequest(
        job_token="264a19bf-3604-4603-b59d-b47e0f669a1e",
        document_description=dsp.DocumentDescriptionType(
            document_id=1,
            format=dsp.DocumentFormatWKVType.TIFF_MULTI_G4,
        ),
        image_data=b"",
    )


def run_one(size_mib: int) -> dict[str, float]:
    size = size_mib * MIB
    # build alone
    started = time.perf_counter()
    content_type, chunks = build_send_image(request(), GeneratedImage(size), to="https://s/x")
    built = sum(len(chunk) for chunk in chunks)
    build_seconds = time.perf_counter() - started
    # build and parse as a stream, image to a hashing sink
    sinks: list[HashSink] = []

    def sink(content_id: str) -> HashSink:
        sinks.append(HashSink())
        return sinks[-1]

    started = time.perf_counter()
    content_type, chunks = build_send_image(request(), GeneratedImage(size), to="https://s/x")
    parse_package(chunks, content_type, sink=sink)
    both_seconds = time.perf_counter() - started
    assert sinks[0].size == size
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "image_mib": size_mib,
        "package_bytes": built,
        "build_mib_per_s": size_mib / build_seconds,
        "build_and_parse_mib_per_s": size_mib / both_seconds,
        "parse_mib_per_s": size_mib / max(both_seconds - build_seconds, 1e-9),
        "peak_rss_mib": peak_mib,
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
        return
    sizes = [int(arg) for arg in sys.argv[1:]] or [256, 1024]
    baseline = subprocess.run(
        [
            sys.executable,
            "-c",
            "import resource, dsm_messages.mtom; "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    print(f"import baseline: {float(baseline.stdout):.1f} MiB max RSS")
    for size in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(out.stdout)
        print(
            f"{size:5d} MiB image: build {result['build_mib_per_s']:7.1f} MiB/s, "
            f"parse {result['parse_mib_per_s']:7.1f} MiB/s, "
            f"peak RSS {result['peak_rss_mib']:6.1f} MiB"
        )


if __name__ == "__main__":
    main()
