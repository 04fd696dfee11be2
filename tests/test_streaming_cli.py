"""The command reads a stored MTOM package from disk in chunks: the memory `validate` and
`check-sequence` hold does not grow with the image. Counted in bytes allocated (tracemalloc's
peak), never in time.

The transcript is the shipped two-image conversation with its first image grown to 200 MiB,
written in pieces (never whole in memory either)."""

from __future__ import annotations

import contextlib
import io
import shutil
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from dsm_messages import cli

ROOT = Path(__file__).resolve().parent.parent
CONVERSATION = ROOT / "examples" / "conversations" / "dsp-job-two-images"
LARGE = "06-send-image-1-request.mime"
IMAGE_MIB = 200
#: The issue's bound: under 100 MiB for a transcript holding a 200 MiB package.
BOUND = 100 << 20


def grown(stored: bytes, size: int) -> Iterator[bytes]:
    """The stored package with its image part's body replaced by ``size`` bytes, in pieces."""
    href = stored.index(b'href="cid:') + len(b'href="cid:')
    image_id = stored[href : stored.index(b'"', href)]
    headers = stored.index(b"Content-ID: <" + image_id + b">")
    start = stored.index(b"\r\n\r\n", headers) + 4
    end = stored.rindex(b"\r\n--")
    yield stored[:start]
    piece = b"%PDF-1.7\n" + bytes(range(256)) * 4096
    left = size
    while left > 0:
        yield piece[:left]
        left -= len(piece)
    yield stored[end:]


@pytest.fixture(scope="module")
def transcript(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("large") / "dsp-job-two-images"
    shutil.copytree(CONVERSATION, folder)
    large = folder / LARGE
    stored = large.read_bytes()
    with large.open("wb") as out:
        for chunk in grown(stored, IMAGE_MIB << 20):
            out.write(chunk)
    assert large.stat().st_size > IMAGE_MIB << 20
    return folder


def peak_of(*argv: str) -> tuple[int, int, str]:
    """The command's exit status, the peak of the bytes it had allocated, and its output."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        tracemalloc.start()
        try:
            status = cli.main(list(argv))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return status, peak, out.getvalue()


def baseline(*argv: str) -> int:
    """The peak of the same command on the shipped conversation (a 17-byte image), once what
    the first run loads (schema, models) is loaded."""
    peak_of(*argv, str(CONVERSATION))
    status, peak, output = peak_of(*argv, str(CONVERSATION))
    assert status == 0, output
    return peak


@pytest.mark.parametrize(
    ("argv", "summary"),
    [
        (("validate", "--jobs", "1"), "13 files checked (strict): 13 valid"),
        (("check-sequence",), "13 messages checked (strict): ok"),
    ],
)
def test_the_command_holds_a_chunk_not_the_image(
    transcript: Path, argv: tuple[str, ...], summary: str
) -> None:
    small = baseline(*argv)
    status, peak, output = peak_of(*argv, str(transcript))
    assert status == 0, output
    assert summary in output
    assert peak < BOUND, peak
    # 200 MiB more image costs less than a few chunks more memory
    assert peak - small < 2 << 20, (peak, small)


def test_a_defect_in_a_large_package_is_reported_on_the_line_of_the_file(
    transcript: Path, tmp_path: Path
) -> None:
    # the root part's lines count from the start of the file, its MIME headers included
    broken = tmp_path / LARGE
    with (transcript / LARGE).open("rb") as source, broken.open("wb") as out:
        head = source.read(4096)
        out.write(head.replace(b"<dsp:DocumentId>1<", b"<dsp:DocumentId>x<"))
        shutil.copyfileobj(source, out)
    line = head[: head.index(b"<dsp:DocumentId>")].count(b"\n") + 1
    status, peak, output = peak_of("validate", str(broken))
    assert status == 1, output
    assert f"{broken}:{line}:" in output
    assert peak < BOUND
