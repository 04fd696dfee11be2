"""MTOM/XOP packages for SendImage: bit-exact images, streaming, and every rejection."""

from __future__ import annotations

import io
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dsm_messages.models import dsp
from dsm_messages.mtom import (
    MtomError,
    build_package,
    build_send_image,
    parse_package,
    split_message,
)

SERVICE = "https://scansrv01.corp.example:5362/ScanServer/1"
BOUNDARY = "dsm-test-boundary"


def request() -> dsp.SendImageRequest:
    return dsp.SendImageRequest(
        job_token="264a19bf-3604-4603-b59d-b47e0f669a1e",
        document_description=dsp.DocumentDescriptionType(
            document_id=9,
            format=dsp.DocumentFormatWKVType.PNG,
        ),
        image_data=b"",
    )


def rechunk(data: bytes, sizes: list[int]) -> Iterator[bytes]:
    position, index = 0, 0
    while position < len(data):
        size = sizes[index % len(sizes)]
        yield data[position : position + size]
        position += size
        index += 1


@st.composite
def images(draw: st.DrawFn) -> bytes:
    size = draw(st.integers(min_value=0, max_value=8 * 1024 * 1024))
    seed = draw(st.integers(min_value=0, max_value=2**32))
    data = bytearray(random.Random(seed).randbytes(size))
    nasty = [
        b"\r\n",
        b"\n",
        b"\r",
        b"--",
        b"\r\n--",
        b"\r\n--dsm-",
        b"--" + BOUNDARY.encode(),
        b"\r\n\r\n",
        b"Content-ID: <x>\r\n",
    ]
    for run in draw(st.lists(st.sampled_from(nasty), max_size=20)):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        data[at:at] = run
    return bytes(data)


EIGHT_MIB = random.Random(1).randbytes(8 * 1024 * 1024 - 64)
EIGHT_MIB = EIGHT_MIB[:4096] + b"\r\n--" + BOUNDARY.encode() + b"\r\n" + EIGHT_MIB[4096:]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(image=EIGHT_MIB, sizes=[1, 65_536, 7, 300_000])
@example(image=b"", sizes=[1])
@given(
    image=images(),
    sizes=st.lists(st.integers(min_value=1, max_value=300_000), min_size=1, max_size=8),
)
def test_images_round_trip_bit_exact_whole_and_chunked(image: bytes, sizes: list[int]) -> None:
    content_type, chunks = build_send_image(request(), image, to=SERVICE)
    package = b"".join(chunks)
    whole = parse_package(package, content_type)
    assert isinstance(whole.envelope.body, dsp.SendImageRequest)
    assert whole.envelope.body.image_data == image
    assert whole.defects == ()
    pieces = parse_package(rechunk(package, sizes), content_type)
    assert isinstance(pieces.envelope.body, dsp.SendImageRequest)
    assert pieces.envelope.body.image_data == image


def test_image_streams_from_a_file_and_to_a_sink() -> None:
    image = random.Random(7).randbytes(3 * 1024 * 1024 + 17)
    content_type, chunks = build_send_image(
        request(), io.BytesIO(image), to=SERVICE, chunk_size=4096
    )
    sinks: dict[str, io.BytesIO] = {}

    def sink(content_id: str) -> io.BytesIO:
        sinks[content_id] = io.BytesIO()
        return sinks[content_id]

    package = parse_package(chunks, content_type, sink=sink)
    assert isinstance(package.envelope.body, dsp.SendImageRequest)
    assert package.envelope.body.image_data == b""
    (received,) = sinks.values()
    assert received.getvalue() == image
    assert package.envelope.body.document_description.document_id == 9


def test_package_shape() -> None:
    content_type, chunks = build_send_image(request(), b"IMG", to=SERVICE, boundary=BOUNDARY)
    data = b"".join(chunks)
    assert content_type.startswith(
        f'multipart/related; boundary="{BOUNDARY}"; type="application/xop+xml"; start="<'
    )
    assert 'start-info="application/soap+xml"' in content_type
    assert data.startswith(f"--{BOUNDARY}\r\nContent-Type: application/xop+xml".encode())
    assert data.endswith(f"\r\n--{BOUNDARY}--\r\n".encode())
    assert b'<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:' in data
    assert b"\r\n\r\nIMG\r\n--" in data


def envelope_with(href: str) -> bytes:
    return (
        b'<?xml version="1.0"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"'
        b' xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing"'
        b' xmlns:dsp="http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"'
        b' xmlns:xop="http://www.w3.org/2004/08/xop/include"><soap:Header><wsa:To>'
        + SERVICE.encode()
        + b"</wsa:To><wsa:Action>http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/"
        b"processing/SendImage</wsa:Action><wsa:MessageID>urn:uuid:1</wsa:MessageID></soap:Header>"
        b"<soap:Body><dsp:SendImageRequest><dsp:JobToken>t</dsp:JobToken><dsp:DocumentDescription>"
        b"<dsp:DocumentId>1</dsp:DocumentId><dsp:Format>png</dsp:Format></dsp:DocumentDescription>"
        b'<dsp:ImageData><xop:Include href="' + href.encode() + b'"/></dsp:ImageData>'
        b"</dsp:SendImageRequest></soap:Body></soap:Envelope>"
    )


@pytest.mark.parametrize(
    "href",
    [
        "file:///etc/passwd",
        "http://198.51.100.9/image.png",
        "https://example.invalid/x",
        "image.png",
    ],
)
def test_non_cid_reference_is_rejected(href: str) -> None:
    content_type, chunks = build_package(envelope_with(href), [("img@x", "image/png", b"IMG")])
    with pytest.raises(MtomError, match="not a cid: reference"):
        parse_package(b"".join(chunks), content_type)


def test_reference_to_a_missing_part_is_rejected() -> None:
    content_type, chunks = build_package(
        envelope_with("cid:other@x"), [("img@x", "image/png", b"IMG")]
    )
    with pytest.raises(MtomError, match="<other@x>, which is not in the package"):
        parse_package(b"".join(chunks), content_type)


def test_duplicate_content_id_is_rejected() -> None:
    content_type, chunks = build_package(
        envelope_with("cid:img@x"), [("img@x", "image/png", b"A"), ("img@x", "image/png", b"B")]
    )
    with pytest.raises(MtomError, match="two parts have the Content-ID <img@x>"):
        parse_package(b"".join(chunks), content_type)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d[: d.rindex(b"\r\n--")], "ends inside a part"),
        (lambda d: d.replace(b"\r\n", b"\n"), "bare LF"),
        (lambda d: d.replace(b"Content-ID: <img@x>\r\n", b""), "has no Content-ID"),
    ],
)
def test_damaged_packages_are_rejected(mutate: object, message: str) -> None:
    content_type, chunks = build_package(
        envelope_with("cid:img@x"), [("img@x", "image/png", b"IMG")]
    )
    assert callable(mutate)
    with pytest.raises(MtomError, match=message):
        parse_package(mutate(b"".join(chunks)), content_type)


@pytest.mark.parametrize(
    ("content_type", "message"),
    [
        ("multipart/mixed; boundary=x", "not multipart/related"),
        ('multipart/related; type="application/xop+xml"', "no boundary"),
        ("multipart/related; boundary=x", 'lacks type="application/xop+xml"'),
    ],
)
def test_package_content_type_is_checked(content_type: str, message: str) -> None:
    with pytest.raises(MtomError, match=re.escape(message)):
        parse_package(b"", content_type)


def test_microsoft_example_is_rejected_strictly_and_read_tolerantly(doc_examples: Path) -> None:
    content_type, body = split_message((doc_examples / "dsp-sendimagerequest.mime").read_bytes())
    with pytest.raises(MtomError, match="bare LF"):
        parse_package(body, content_type)
    package = parse_package(body, content_type, tolerant=True)
    # INDEX-dsp.md: LF endings, separator lines holding one space, root-part `type` unquoted and
    # not separated from the folded charset by ';', dangling ';' after application/octet-stream
    assert set(package.defects) == {
        "LF line endings",
        "whitespace-only separator line",
        "Content-Type parameters not separated by ';'",
        "unquoted special character in a Content-Type parameter value",
        "dangling ';' in Content-Type",
    }
    assert isinstance(package.envelope.body, dsp.SendImageRequest)
    assert package.envelope.body.image_data == b"Document PDL Data"
    assert set(package.content_types) == {
        "xml@example.org",
        "1c696bd7-005a-48d9-9ee9-9adca11f8892@uuid",
    }
    # envelope-level defects are kept as written, for the validator to report
    assert package.envelope.to == "DestinationAddress"
    assert package.envelope.message_id == "uuid:UniqueMsgId"
    assert package.envelope.action != package.envelope.action.strip()
    assert package.envelope.reply_to is None
