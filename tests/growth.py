"""Work counted, not timed: what the library does with an input of size n, 2n, 4n and 8n.

Every input class that could make a reader quadratic (or worse) is a series here: a builder
that makes the input for a size, and the entry points to run on it. :class:`Work` counts
function calls (Python and C, as the profiler sees them) and the bytes lxml serializes and
parses on the way, so a copy of every in-scope declaration per header block, or a rescan per
part, shows as it grows, on any machine and under any load. ``tests/test_growth.py`` holds
each series to linear growth; ``tools/fuzz.py growth`` prints the counts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from types import FrameType
from typing import Any

import attrs
from lxml import etree

from dsm_messages import (
    DsmError,
    Endpoint,
    PackageReader,
    build_send_image,
    check_sequence,
    parse,
    serialize,
    validate,
)
from dsm_messages.models import dsp
from dsm_messages.testing.conversations import send_image_body
from dsm_messages.testing.samples import SAMPLES

SERVICE = "https://scansrv01.example:5362/ScanServer/7"
MESSAGE_ID = "urn:uuid:5eb4f990-0000-4000-8000-000000000001"


@attrs.define
class Work:
    """What one run cost: function calls, and bytes through lxml's serializer and parsers."""

    calls: int = 0
    bytes: int = 0


@contextmanager
def counting() -> Iterator[Work]:
    """Count the work done inside the block (this thread)."""
    work = Work()
    originals = {name: getattr(etree, name) for name in ("tostring", "fromstring", "XML")}

    def measured(name: str) -> Callable[..., Any]:
        original = originals[name]

        def run(data: Any, *args: Any, **kwargs: Any) -> Any:
            result = original(data, *args, **kwargs)
            for value in (data, result):
                if isinstance(value, bytes | str):
                    work.bytes += len(value)
            return result

        return run

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event in ("call", "c_call"):
            work.calls += 1

    for name in originals:
        setattr(etree, name, measured(name))
    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield work
    finally:
        sys.setprofile(previous)
        for name, original in originals.items():
            setattr(etree, name, original)


def measure(run: Callable[[], object]) -> Work:
    # a refusal is an answer too: its cost counts the same
    with counting() as work, suppress(DsmError):
        run()
    return work


# -- the inputs ------------------------------------------------------------------------------


def _end_request() -> bytes:
    return serialize(
        dsp.EndPostScanJobRequest(job_token="264a19bf"), to=SERVICE, message_id=MESSAGE_ID
    )


def _create_request() -> bytes:
    return serialize(SAMPLES["dsp:CreatePostScanJobRequest"], to=SERVICE, message_id=MESSAGE_ID)


def declarations_times_blocks(n: int) -> bytes:
    """n namespace declarations on the root and n vendor header blocks (each with a QName
    value): every block inherits every declaration."""
    declared = b"".join(b' xmlns:n%d="urn:n:%d"' % (i, i) for i in range(n))
    blocks = b"".join(b"<n%d:Hint>n%d:value</n%d:Hint>" % (i, (i + 1) % n, i) for i in range(n))
    data = _end_request().replace(b"<soap:Envelope ", b"<soap:Envelope" + declared + b" ", 1)
    return data.replace(b"</soap:Header>", blocks + b"</soap:Header>")


def header_blocks(n: int) -> bytes:
    blocks = b"".join(b'<v:Hint xmlns:v="urn:v">%d</v:Hint>' % i for i in range(n))
    return _end_request().replace(b"</soap:Header>", blocks + b"</soap:Header>")


def envelope_attributes(n: int) -> bytes:
    attributes = b"".join(b' v:a%d="%d"' % (i, i) for i in range(n))
    return _end_request().replace(
        b"<soap:Envelope ", b'<soap:Envelope xmlns:v="urn:v"' + attributes + b" ", 1
    )


def repeated_children(n: int) -> bytes:
    share = b"<fsf:ShareUNC>\\\\files01\\scans</fsf:ShareUNC>"
    data = _create_request()
    at = data.index(b"<fsf:ShareUNC>")
    return data[:at] + share * n + data[at:]


_SITE = b"<spf:SaveToSharePointSiteURL>https://sp.example/s</spf:SaveToSharePointSiteURL>"
_VENDOR = b'<v:Note xmlns:v="urn:v">x</v:Note>'


def interleaved_wildcards(n: int) -> bytes:
    """n repeats of a declared element, a vendor element between every two (each a problem
    the validator names)."""
    data = _create_request()
    at = data.index(b"<spf:SaveToSharePointSiteURL>")
    return data[:at] + (_SITE + _VENDOR) * n + data[at:]


def wildcards_after_repeats(n: int) -> bytes:
    """n repeats of a declared element, then n vendor elements (valid)."""
    data = _create_request()
    at = data.index(b"<spf:SaveToSharePointSiteURL>")
    end = data.index(b"</spf:SaveToSharePointSites>")
    return data[:at] + _SITE * n + data[at:end] + _VENDOR * n + data[end:]


def comments_in_a_value(n: int) -> bytes:
    """Header values (wsa:To, the ReplyTo address) and a body value (the first share, up to
    its length limit) cut by n comments each."""
    to = SERVICE.encode() + b"<!--c-->/a" * n
    anonymous = b"http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
    data = _create_request().replace(b">" + SERVICE.encode() + b"<", b">" + to + b"<")
    data = data.replace(b">" + anonymous + b"<", b">" + anonymous + b"<!--c-->/a" * n + b"<")
    share = b"\\\\files01\\scans" + b"<!--c-->a" * min(n, 200)
    at = data.index(b"<fsf:ShareUNC>") + len(b"<fsf:ShareUNC>")
    return data[:at] + share + data[data.index(b"<", at) :]


def list_items(n: int) -> bytes:
    from pathlib import Path

    data = Path(__file__).resolve().parent.parent / "examples" / "wsd-05-resolve-matches.xml"
    addresses = b" ".join(b"http://10.0.%d.%d:5357/x" % (i // 250, i % 250) for i in range(n))
    return etree_replace(data.read_bytes(), b"XAddrs", addresses)


def etree_replace(data: bytes, local: bytes, text: bytes) -> bytes:
    start = data.index(b":" + local + b">") + len(local) + 2
    end = data.index(b"</", start)
    return data[:start] + text + data[end:]


def bad_uris(n: int) -> bytes:
    """n problems to report, on siblings of one name (each located by its position)."""
    site = b"<spf:SaveToSharePointSiteURL>Destination Address</spf:SaveToSharePointSiteURL>"
    data = _create_request()
    at = data.index(b"<spf:SaveToSharePointSiteURL>")
    return data[:at] + site * n + data[at:]


def nested_vendor_content(n: int) -> bytes:
    depth = min(n, 100)
    inner = b'<v:e xmlns:v="urn:v">' * depth + b"x" + b"</v:e>" * depth
    wide = inner * max(1, n // depth)
    return _end_request().replace(
        b"</soap:Header>", b"<v:Root xmlns:v='urn:v'>" + wide + b"</v:Root></soap:Header>"
    )


def package_parts(n: int) -> tuple[str, bytes]:
    request = replace(send_image_body("264a19bf", 1), image_data=b"")
    content_type, chunks = build_send_image(request, b"%PDF" * 16 * n, to=SERVICE, boundary="b0")
    package = b"".join(chunks)
    extra = b"".join(  # (n/8 parts: a package has at most 64)
        b"\r\n--b0\r\nContent-Type: text/plain\r\nContent-ID: <extra%d@x>\r\n\r\nx" % i
        for i in range(max(1, n // 8))
    )
    closing = package.rindex(b"\r\n--b0--")
    return content_type, package[:closing] + extra + package[closing:]


# -- the series ------------------------------------------------------------------------------

Runner = Callable[[int], Callable[[], object]]


def _on_message(build: Callable[[int], bytes], *how: str) -> Runner:
    def runner(n: int) -> Callable[[], object]:
        data = build(n)

        def run() -> None:
            for entry in how:
                if entry == "validate":
                    validate(data, profile="lenient")
                elif entry == "parse":
                    parse(data)
                elif entry == "parse-validated":
                    parse(data, validate=True, profile="lenient")
                elif entry == "receive":
                    Endpoint("scan_server", profile="lenient").receive(data)
                elif entry == "write":
                    parse(data).to_bytes()

        return run

    return runner


def _package_runner(chunk: int | None) -> Runner:
    def runner(n: int) -> Callable[[], object]:
        content_type, package = package_parts(n)

        def run() -> None:
            validate(package, content_type=content_type)
            reader = PackageReader(content_type)
            step = chunk or len(package)
            for at in range(0, len(package), step):
                reader.feed(package[at : at + step])
            reader.close()

        return run

    return runner


def _long_line_runner(n: int) -> Callable[[], object]:
    """A header line of 8n bytes fed one byte at a time."""
    content_type = 'multipart/related; boundary="b"; type="application/xop+xml"'
    data = b"--b\r\nX-Long: " + b"x" * (8 * n) + b"\r\n"

    def run() -> None:
        reader = PackageReader(content_type)
        for at in range(len(data)):
            reader.feed(data[at : at + 1])

    return run


def _sequence_runner(n: int) -> Callable[[], object]:
    create = _create_request()
    requests = [
        create.replace(MESSAGE_ID.encode(), b"urn:uuid:5eb4f990-0000-4000-8000-%012d" % i)
        for i in range(n)
    ]

    def run() -> None:
        check_sequence([parse(data) for data in requests])

    return run


SERIES: dict[str, Runner] = {
    "declarations x header blocks": _on_message(
        declarations_times_blocks, "validate", "parse", "parse-validated", "write"
    ),
    "header blocks": _on_message(header_blocks, "validate", "parse-validated", "receive", "write"),
    "attributes on soap:Envelope": _on_message(
        envelope_attributes, "validate", "parse-validated", "write"
    ),
    "repeated children": _on_message(repeated_children, "validate", "parse-validated", "write"),
    "vendor elements between repeats": _on_message(interleaved_wildcards, "validate"),
    "vendor elements after repeats": _on_message(
        wildcards_after_repeats, "validate", "parse-validated", "write"
    ),
    "comments inside a value": _on_message(
        comments_in_a_value, "validate", "parse-validated", "write"
    ),
    "xs:list items": _on_message(list_items, "validate", "parse-validated", "write"),
    "problems on siblings": _on_message(bad_uris, "validate"),
    "nested vendor content": _on_message(
        nested_vendor_content, "validate", "parse-validated", "write"
    ),
    "MIME parts": _package_runner(None),
    "MIME parts, 1-byte chunks": _package_runner(1),
    "a long MIME header line, 1-byte chunks": _long_line_runner,
    "requests in a conversation": _sequence_runner,
}


def series(name: str, n: int) -> list[Work]:
    """The work of ``name`` at n, 2n, 4n and 8n (after one run at n that fills the caches)."""
    runner = SERIES[name]
    measure(runner(n))
    return [measure(runner(size)) for size in (n, 2 * n, 4 * n, 8 * n)]


def growth(works: list[Work]) -> tuple[float, float]:
    """How much more work 8n took than n: (calls, bytes)."""
    first, last = works[0], works[-1]
    return last.calls / max(first.calls, 1), last.bytes / max(first.bytes, 1)
