"""MTOM/XOP packages for SendImage: bit-exact images, streaming, and every rejection."""

from __future__ import annotations

import asyncio
import hashlib
import io
import pickle
import random
import re
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dsm_messages import DsmError, DsmRule, Envelope, validate
from dsm_messages.models import dsp
from dsm_messages.mtom import (
    MAX_PARTS,
    MtomError,
    MtomLimitError,
    PackageReader,
    build_package,
    build_send_image,
    parse_package,
    parse_package_async,
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


@dataclass(frozen=True)
class ImageFacts:
    job_token: str
    document_id: int
    format: str


def image_facts(envelope: Envelope) -> ImageFacts:
    """What a SendImage is about: the one place the tests read its body's fields."""
    body = envelope.body
    assert isinstance(body, dsp.SendImageRequest)
    description = body.document_description
    return ImageFacts(
        job_token=body.job_token,
        document_id=description.document_id,
        format=str(description.format),
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

    def sink(envelope: Envelope, content_id: str) -> io.BytesIO:
        sinks[content_id] = io.BytesIO()
        return sinks[content_id]

    package = parse_package(chunks, content_type, sink=sink)
    assert isinstance(package.envelope.body, dsp.SendImageRequest)
    assert package.envelope.body.image_data == b""
    (received,) = sinks.values()
    assert received.getvalue() == image
    assert image_facts(package.envelope).document_id == 9


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


# -- the push reader ----------------------------------------------------------------------------


class Recorder:
    """A sink that keeps what it is given, and when."""

    def __init__(self, events: list[str]) -> None:
        self.events = events
        self.data = bytearray()

    def write(self, data: memoryview, /) -> int:
        self.events.append(f"write {len(data)}")
        self.data += data
        return len(data)


class Hasher:
    """A sink that keeps nothing."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()

    def write(self, data: memoryview, /) -> None:
        self.digest.update(data)


@dataclass
class Outcome:
    """What reading a package gave: the package's facts and sink contents, or the error."""

    envelope: object = None
    content_types: object = None
    defects: object = None
    written: dict[str, bytes] | None = None
    error: str | None = None


def read_in(
    data: bytes, content_type: str, sizes: list[int] | None, *, tolerant: bool = False
) -> Outcome:
    """Read ``data`` whole (``sizes`` None) or fed in chunks of ``sizes``, images to sinks."""
    written: dict[str, Recorder] = {}

    def sink(envelope: Envelope, content_id: str) -> Recorder:
        written[content_id] = Recorder([])
        return written[content_id]

    try:
        reader = PackageReader(content_type, sink=sink, tolerant=tolerant)
        for chunk in [data] if sizes is None else rechunk(data, sizes):
            reader.feed(chunk)
        package = reader.close()
    except DsmError as exc:
        return Outcome(error=f"{type(exc).__name__}: {exc}")
    return Outcome(
        envelope=package.envelope,
        content_types=package.content_types,
        defects=package.defects,
        written={content_id: bytes(sink.data) for content_id, sink in written.items()},
    )


def test_one_byte_odd_and_whole_chunks_read_the_same() -> None:
    near_miss = b"\r\n--" + BOUNDARY.encode()[:-1]  # cut by a chunk, it could be a delimiter
    image = random.Random(3).randbytes(200_000) + near_miss + b"\r\n\r" + near_miss
    content_type, chunks = build_send_image(request(), image, to=SERVICE, boundary=BOUNDARY)
    data = b"".join(chunks)
    whole = read_in(data, content_type, None)
    assert whole.error is None
    assert list(whole.written.values()) == [image]  # type: ignore[union-attr]
    for sizes in ([1], [7], [3, 65_536, 1, 13], [len(data) - 1]):
        assert read_in(data, content_type, sizes) == whole, sizes


def test_microsoft_example_reads_the_same_in_one_byte_chunks(doc_examples: Path) -> None:
    content_type, body = split_message((doc_examples / "dsp-sendimagerequest.mime").read_bytes())
    whole = read_in(body, content_type, None, tolerant=True)
    assert whole.error is None
    assert list(whole.written.values()) == [b"Document PDL Data"]  # type: ignore[union-attr]
    assert read_in(body, content_type, [1], tolerant=True) == whole


MUTATION_CONTENT_TYPE, MUTATION_CHUNKS = build_package(
    envelope_with("cid:img@x"), [("img@x", "image/png", b"IMG\r\n-\r\n--dsm")], boundary="b"
)
VALID_PACKAGE = b"".join(MUTATION_CHUNKS)


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    """A valid package with a few bytes deleted, inserted or changed."""
    data = bytearray(VALID_PACKAGE)
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        action = draw(st.sampled_from(["delete", "insert", "flip"]))
        if action == "delete":
            del data[at : at + draw(st.integers(min_value=1, max_value=8))]
        elif action == "insert":
            data[at:at] = draw(st.sampled_from([b"\r", b"\n", b"\r\n", b"--b", b" ", b":"]))
        elif at < len(data):
            data[at] = draw(st.integers(min_value=0, max_value=255))
    return bytes(data)


@settings(max_examples=300, deadline=None)
@given(data=mutations(), sizes=st.lists(st.integers(1, 40), min_size=1, max_size=4))
@pytest.mark.parametrize("tolerant", [False, True])
def test_damaged_packages_fail_alike_however_they_are_fed(
    data: bytes, sizes: list[int], tolerant: bool
) -> None:
    # read_in lets nothing but a DsmError pass as an outcome: anything else fails the test
    whole = read_in(data, MUTATION_CONTENT_TYPE, None, tolerant=tolerant)
    assert read_in(data, MUTATION_CONTENT_TYPE, sizes, tolerant=tolerant) == whole
    assert read_in(data, MUTATION_CONTENT_TYPE, [1], tolerant=tolerant) == whole


def test_the_sink_is_chosen_with_the_envelope_in_hand() -> None:
    events: list[str] = []
    content_type, chunks = build_send_image(request(), b"x" * 10_000, to=SERVICE)
    reader: PackageReader

    def store(envelope: Envelope, content_id: str) -> Recorder:
        facts = image_facts(envelope)
        events.append(f"choose {facts.job_token} {facts.document_id} {facts.format}")
        assert reader.envelope is envelope
        return Recorder(events)

    reader = PackageReader(content_type, sink=store)
    data = b"".join(chunks)
    image_at = data.index(b"x" * 10_000)
    for chunk in rechunk(data[:image_at], [4096]):
        reader.feed(chunk)
    # everything before the image: the envelope is read, its sink chosen, nothing written
    assert reader.envelope is not None
    assert events == ["choose 264a19bf-3604-4603-b59d-b47e0f669a1e 9 png"]
    for chunk in rechunk(data[image_at:], [4096]):
        reader.feed(chunk)
    package = reader.close()
    assert all(event.startswith("write ") for event in events[1:])
    assert sum(int(event.split()[1]) for event in events[1:]) == 10_000
    assert package.envelope is reader.envelope


def test_an_image_before_its_envelope_waits_for_it() -> None:
    """``start`` may name a later part: the image is held until the envelope is read."""
    root = envelope_with("cid:img@x")
    content_type = 'multipart/related; boundary="b"; type="application/xop+xml"; start="<root@x>"'
    data = (
        b"--b\r\nContent-Type: image/png\r\nContent-ID: <img@x>\r\n\r\nIMAGE\r\n"
        b"--b\r\nContent-Type: application/xop+xml\r\nContent-ID: <root@x>\r\n\r\n"
        + root
        + b"\r\n--b--\r\n"
    )
    events: list[str] = []

    def store(envelope: Envelope, content_id: str) -> Recorder:
        events.append(f"choose {content_id} {image_facts(envelope).job_token}")
        return Recorder(events)

    package = parse_package(data, content_type, sink=store)
    assert events == ["choose img@x t", "write 5"]
    assert set(package.content_types) == {"img@x", "root@x"}
    assert image_facts(parse_package(data, content_type).envelope).job_token == "t"


def test_a_refused_send_image_writes_nothing() -> None:
    content_type, chunks = build_send_image(request(), b"IMAGE" * 1000, to=SERVICE)
    seen: list[str] = []

    def refuse(envelope: Envelope, content_id: str) -> None:
        seen.append(image_facts(envelope).job_token)
        return None

    package = parse_package(rechunk(b"".join(chunks), [100]), content_type, sink=refuse)
    assert seen == ["264a19bf-3604-4603-b59d-b47e0f669a1e"]
    assert isinstance(package.envelope.body, dsp.SendImageRequest)
    assert package.envelope.body.image_data == b""


def test_a_sink_chooser_that_raises_stops_the_reading() -> None:
    class RefusedError(Exception):
        pass

    def refuse(envelope: Envelope, content_id: str) -> Recorder:
        raise RefusedError(image_facts(envelope).job_token)

    content_type, chunks = build_send_image(request(), b"IMAGE", to=SERVICE)
    reader = PackageReader(content_type, sink=refuse)
    with pytest.raises(RefusedError):
        reader.feed(b"".join(chunks))
    with pytest.raises(MtomError, match="already refused"):
        reader.feed(b"more")
    with pytest.raises(MtomError, match="already refused"):
        reader.close()


def test_the_reader_takes_nothing_after_close() -> None:
    content_type, chunks = build_send_image(request(), b"IMAGE", to=SERVICE)
    reader = PackageReader(content_type)
    reader.feed(b"".join(chunks))
    reader.close()
    with pytest.raises(MtomError, match="already read to its end"):
        reader.feed(b"x")


def test_async_reading_gives_the_same_package() -> None:
    image = random.Random(5).randbytes(100_000)
    content_type, chunks = build_send_image(request(), image, to=SERVICE)
    data = b"".join(chunks)

    async def body() -> AsyncIterator[bytes]:
        for chunk in rechunk(data, [1000, 17]):
            await asyncio.sleep(0)
            yield chunk

    package = asyncio.run(parse_package_async(body(), content_type))
    assert package == parse_package(data, content_type)
    assert isinstance(package.envelope.body, dsp.SendImageRequest)
    assert package.envelope.body.image_data == image


# -- caps ---------------------------------------------------------------------------------------


def feed_all(reader: PackageReader, chunks: Iterator[bytes]) -> None:
    for chunk in chunks:
        reader.feed(chunk)


def tiny_parts(count: int) -> tuple[str, bytes]:
    attachments = [(f"p{index}@x", "image/png", b"I") for index in range(count)]
    content_type, chunks = build_package(envelope_with("cid:p0@x"), attachments, boundary=BOUNDARY)
    return content_type, b"".join(chunks)


def test_too_many_parts_are_refused_naming_the_limit() -> None:
    content_type, data = tiny_parts(5)  # six parts, the root included
    assert parse_package(data, content_type, max_parts=6).envelope is not None
    with pytest.raises(MtomLimitError, match=r"more than 5 parts \(max_parts=5\)") as caught:
        parse_package(data, content_type, max_parts=5)
    assert (caught.value.limit, caught.value.value) == ("max_parts", 5)
    content_type, data = tiny_parts(MAX_PARTS)
    with pytest.raises(MtomLimitError, match="max_parts"):
        parse_package(data, content_type)


def test_a_package_over_the_size_cap_is_refused_before_more_is_written() -> None:
    image = b"x" * 100_000
    content_type, chunks = build_send_image(request(), image, to=SERVICE, chunk_size=1000)
    events: list[str] = []
    reader = PackageReader(
        content_type, sink=lambda envelope, content_id: Recorder(events), max_package_bytes=50_000
    )
    with pytest.raises(MtomLimitError, match=r"larger than 50000 bytes \(max_package_bytes"):
        feed_all(reader, chunks)
    assert 0 < sum(int(event.split()[1]) for event in events) <= 50_000
    content_type, chunks = build_send_image(request(), image, to=SERVICE)
    data = b"".join(chunks)
    assert parse_package(data, content_type, max_package_bytes=len(data)).envelope is not None


def test_a_root_part_over_its_cap_is_refused_naming_the_limit() -> None:
    content_type, chunks = build_send_image(request(), b"IMG", to=SERVICE)
    with pytest.raises(MtomLimitError, match=r"root part is larger than 100 bytes") as caught:
        parse_package(b"".join(chunks), content_type, max_root_bytes=100)
    assert caught.value.limit == "max_root_bytes"
    assert caught.value.code == "DSM-XML-FORBIDDEN"


@pytest.mark.parametrize(
    "error",
    [
        MtomError("a part has no Content-ID"),
        MtomError("bad reference", code=DsmRule.XOP_REFERENCE),
        MtomLimitError("the package has more than 5 parts", limit="max_parts", value=5),
    ],
)
def test_errors_pickle(error: MtomError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (str(copy), copy.code) == (str(error), error.code)
    if isinstance(error, MtomLimitError):
        assert isinstance(copy, MtomLimitError)
        assert (copy.limit, copy.value) == (error.limit, error.value)


def test_an_error_naming_an_element_pickles_without_it() -> None:
    content_type, chunks = build_package(envelope_with("cid:other@x"), [("i@x", "image/png", b"")])
    with pytest.raises(MtomError) as caught:
        parse_package(b"".join(chunks), content_type)
    assert caught.value.element is not None
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.code, copy.element) == (str(caught.value), "DSM-XOP-REFERENCE", None)


# -- what fuzzing found -------------------------------------------------------------------------


def test_an_include_naming_the_root_part_is_a_reference_error() -> None:
    data = (
        b"--b\r\nContent-Type: application/xop+xml\r\nContent-ID: <root@x>\r\n\r\n"
        + envelope_with("cid:root@x")
        + b"\r\n--b--\r\n"
    )
    content_type = 'multipart/related; boundary="b"; type="application/xop+xml"'
    with pytest.raises(MtomError, match="the root part itself") as caught:
        parse_package(data, content_type)
    assert caught.value.code == "DSM-XOP-REFERENCE"
    report = validate(data, content_type=content_type)
    assert "DSM-XOP-REFERENCE" in {problem.code for problem in report.errors}


@pytest.mark.parametrize(
    ("boundary", "message"),
    [
        ("ботинок", "outside Latin-1"),
        ("caf\u00e9", "outside printable ASCII"),
        ("a" * 71, "more than 70"),
        ("ends ", "ends in a space"),
    ],
)
def test_a_boundary_outside_rfc_2046_is_refused(boundary: str, message: str) -> None:
    content_type = f'multipart/related; boundary="{boundary}"; type="application/xop+xml"'
    with pytest.raises(MtomError, match=message):
        parse_package(b"--x\r\n", content_type)
    report = validate(b"--x\r\n", content_type=content_type)
    assert "DSM-MIME-MALFORMED" in {problem.code for problem in report.errors}


def test_building_refuses_what_it_could_not_write() -> None:
    with pytest.raises(MtomError, match="printable ASCII"):
        build_send_image(request(), b"", to=SERVICE, boundary="caf\u00e9")
    with pytest.raises(MtomError, match="not one line of ASCII"):
        build_package(b"<a/>", [("\u00e9@x", "image/png", b"")])


# -- linear work, bounded memory ------------------------------------------------------------------


def copied_reading(
    data: bytes, content_type: str, sizes: list[int] | None, *, max_parts: int = MAX_PARTS
) -> int:
    reader = PackageReader(
        content_type, sink=lambda envelope, content_id: None, max_parts=max_parts
    )
    for chunk in [data] if sizes is None else rechunk(data, sizes):
        reader.feed(chunk)
    reader.close()
    return reader.bytes_copied


def test_a_package_given_whole_copies_only_its_header_lines() -> None:
    small, large = (
        build_send_image(request(), b"\r\n-" * size, to=SERVICE, boundary=BOUNDARY)
        for size in (1_000, 1_000_000)
    )
    small_copied = copied_reading(b"".join(small[1]), small[0], None)
    large_copied = copied_reading(b"".join(large[1]), large[0], None)
    assert 0 < small_copied == large_copied < 1000


def test_work_grows_linearly_with_the_number_of_parts() -> None:
    counts = (4_000, 16_000)
    copied = []
    for count in counts:
        content_type, data = tiny_parts(count)
        copied.append(copied_reading(data, content_type, None, max_parts=count + 1))
        assert copied[-1] < len(data)
    assert copied[1] / copied[0] < 1.01 * counts[1] / counts[0]


@pytest.mark.parametrize("sizes", [[1], [2, 3], [4096]])
def test_work_in_small_chunks_is_linear(sizes: list[int]) -> None:
    costs = []
    for size in (20_000, 80_000):
        image = random.Random(size).randbytes(size)
        content_type, chunks = build_send_image(request(), image, to=SERVICE, boundary=BOUNDARY)
        data = b"".join(chunks)
        costs.append(copied_reading(data, content_type, sizes) / len(data))
    # per byte fed: a bounded number of copies, the same for a package 4x the size
    assert costs[1] < 3
    assert costs[1] < costs[0] * 1.05


def test_streaming_to_a_sink_holds_no_more_than_a_chunk() -> None:
    image = io.BytesIO(random.Random(9).randbytes(16 * 1024 * 1024))
    content_type, chunks = build_send_image(request(), image, to=SERVICE, chunk_size=65_536)
    tracemalloc.start()
    try:
        parse_package(chunks, content_type, sink=lambda envelope, content_id: Hasher())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


def test_a_package_given_whole_is_not_copied() -> None:
    content_type, chunks = build_send_image(
        request(), random.Random(2).randbytes(16 * 1024 * 1024), to=SERVICE
    )
    data = b"".join(chunks)
    tracemalloc.start()
    try:
        parse_package(data, content_type, sink=lambda envelope, content_id: Hasher())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024
