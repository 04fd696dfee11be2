"""A refusal is always answerable and always the same: ``Endpoint.refuse`` returns the fault for
every refused request, a package is refused alike whether read whole or as it arrives (and
wherever its chunks end), and one defect has one rule id live and offline."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from dsm_messages import (
    Endpoint,
    MtomError,
    PackageReader,
    RemoteProtocolError,
    build_send_image,
    parse,
    serialize,
    validate,
)
from dsm_messages.endpoint import IncomingPackage
from dsm_messages.models import dsp
from dsm_messages.testing.conversations import create_body, send_image_body

SERVER = "https://scansrv01.example:5362/ScanServer/7"
MESSAGE_ID = "urn:uuid:5eb4f990-0000-4000-8000-000000000001"


def end_request(message_id: str | None) -> bytes:
    data = serialize(
        dsp.EndPostScanJobRequest(job_token="264a19bf"), to=SERVER, message_id=MESSAGE_ID
    )
    written = (
        b"" if message_id is None else f"<wsa:MessageID>{message_id}</wsa:MessageID>".encode()
    )
    return re.sub(rb"<wsa:MessageID>[^<]*</wsa:MessageID>", written, data)


@pytest.mark.parametrize("profile", ["strict", "lenient"])
@pytest.mark.parametrize(
    "message_id",
    [MESSAGE_ID, "uuid:UniqueMsgId", "not-a-uri", "Destination Address", "", None, "  x  "],
)
def test_every_refused_request_is_answered_with_its_fault(
    message_id: str | None, profile: str
) -> None:
    server = Endpoint("scan_server", profile=profile)  # type: ignore[arg-type]
    with pytest.raises(RemoteProtocolError) as refused:
        server.receive(end_request(message_id))
    fault = server.refuse(refused.value)
    report = validate(fault)
    assert report.valid, report.problems
    answer = parse(fault)
    assert answer.is_fault
    if message_id is not None and message_id.startswith(("urn:", "uuid:")):
        assert answer.relates_to == message_id  # related whenever it can be
    else:
        assert answer.relates_to is None
        assert report.codes() == {"DSM-FAULT-UNRELATED"}


def test_a_refused_request_related_to_is_answered_once() -> None:
    server = Endpoint("scan_server")
    with pytest.raises(RemoteProtocolError) as refused:
        server.receive(end_request(MESSAGE_ID))
    assert parse(server.refuse(refused.value)).relates_to == MESSAGE_ID
    with pytest.raises(Exception, match="already answered"):
        server.refuse(refused.value)


def test_the_fault_to_unreadable_bytes_is_strict_valid_with_a_warning() -> None:
    server = Endpoint("scan_server")
    with pytest.raises(RemoteProtocolError) as refused:
        server.receive(b"<EndPostScanJob")
    fault = server.refuse(refused.value)
    report = validate(fault)
    assert report.valid
    assert [(p.rule, p.severity) for p in report.problems] == [("DSM-FAULT-UNRELATED", "warning")]


def test_a_response_without_relates_to_is_still_an_error() -> None:
    response = serialize(dsp.EndPostScanJobResponse(), to=SERVER)
    report = validate(response)
    assert [(p.rule, p.severity) for p in report.problems] == [("DSM-RELATES-TO-MISSING", "error")]


# -- packages: read whole, read live, cut anywhere ----------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [
        "multipart/mixed; boundary=x",
        "multipart/related; boundary=x",
        'multipart/related; boundary="b"; type="text/xml"',
        "multipart/related; boundary=\u00e9",
        'multipart/related; type="application/xop+xml"',
    ],
)
def test_a_bad_package_content_type_is_refused_alike_live_and_whole(content_type: str) -> None:
    with pytest.raises(RemoteProtocolError) as whole:
        Endpoint("scan_server").receive(b"--x\r\n", content_type=content_type)
    with pytest.raises(RemoteProtocolError) as live:
        Endpoint("scan_server").package_reader(content_type, store=lambda envelope: None)
    assert live.value.rule == whole.value.rule == "DSM-MIME-MALFORMED"
    assert live.value.fault == whole.value.fault


PACKAGE_TYPE = 'multipart/related; boundary="b"; type="application/xop+xml"; start="<root@f>"'


def fed(data: bytes, cuts: list[int]) -> str:
    """How a reader ends fed ``data`` cut at ``cuts``: "ok" or the error's type and words."""
    reader = PackageReader(PACKAGE_TYPE)
    try:
        start = 0
        for cut in [*cuts, len(data)]:
            reader.feed(data[start:cut])
            start = cut
        reader.close()
    except MtomError as error:
        return f"{type(error).__name__}: {error}"
    return "ok"


LONG = 17 * 1024


@pytest.mark.parametrize(
    "data",
    [
        b"--b\r" + b"x" * LONG + b"\r\n",
        b"--b" + b"\r" * 3 + b"y" * LONG,
        b"--b\r\n" + b"x" * LONG + b"\r",
        b"--b\r\nContent-ID: <root@f>\r" + b"x" * LONG,
        b"preamble\r\n" * 3 + b"--b" + b"x" * LONG,
        b"--" + b"b" * LONG,
        b"-",
        b"--b",
        b"--b--",
    ],
)
def test_a_package_is_read_alike_wherever_its_chunks_end(data: bytes) -> None:
    whole = fed(data, [])
    for cut in sorted({1, 2, 3, 4, 5, 6, 100, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 5, LONG}):
        if cut < len(data):
            assert fed(data, [cut]) == whole, cut
    assert fed(data, list(range(1, len(data), 997))) == whole


def package(root: bytes) -> tuple[str, bytes]:
    request = replace(send_image_body("264a19bf", 1), image_data=b"")
    content_type, chunks = build_send_image(request, b"%PDF", to=SERVER)
    data = b"".join(chunks)
    start = data.index(b"<?xml")
    end = data.index(b"</soap:Envelope>") + len(b"</soap:Envelope>")
    return content_type, data[:start] + root + data[end:]


def read_live(reader: IncomingPackage, data: bytes) -> None:
    reader.feed(data)
    reader.close()


@pytest.mark.parametrize(
    ("root", "rule"),
    [
        (b"<soap:Envelope", "DSM-XML-MALFORMED"),
        (b"<!DOCTYPE x [<!ENTITY a 'b'>]><x/>", "DSM-XML-FORBIDDEN"),
        (b"", "DSM-XML-MALFORMED"),
    ],
)
def test_a_root_part_that_is_not_xml_has_one_rule_live_and_offline(root: bytes, rule: str) -> None:
    content_type, data = package(root)
    assert validate(data, content_type=content_type).errors[0].rule == rule
    with pytest.raises(RemoteProtocolError) as whole:
        Endpoint("scan_server").receive(data, content_type=content_type)
    assert whole.value.rule == rule
    reader = Endpoint("scan_server").package_reader(content_type, store=lambda envelope: None)
    with pytest.raises(RemoteProtocolError) as live:
        read_live(reader, data)
    assert live.value.rule == rule


@pytest.mark.parametrize("profile", ["strict", "lenient"])
def test_a_tolerated_mime_defect_is_judged_alike_live_and_offline(profile: str) -> None:
    server = Endpoint("scan_server", profile=profile)  # type: ignore[arg-type]
    created = server.receive(Endpoint("device").request(create_body(), to=SERVER))
    server.reply(created, dsp.CreatePostScanJobResponse(job_token="264a19bf"))
    request = replace(send_image_body("264a19bf", 1), image_data=b"")
    content_type, chunks = build_send_image(request, b"%PDF", to=SERVER)
    data = b"".join(chunks).replace(b"\r\n", b"\n")  # LF line ends: a tolerated defect
    report = validate(data, content_type=content_type, profile=profile)  # type: ignore[arg-type]
    assert "DSM-MIME-DEFECT" in report.codes()
    reader = server.package_reader(content_type, store=lambda envelope: None)
    if report.valid:
        read_live(reader, data)
        return
    with pytest.raises(RemoteProtocolError) as live:
        read_live(reader, data)
    assert live.value.rule == report.errors[0].rule == "DSM-MIME-DEFECT"


def boundary_of(content_type: str) -> bytes:
    found = re.search(r'boundary="?([^";]+)"?', content_type)
    assert found is not None
    return found.group(1).encode()


def test_boundary_text_inside_a_value_is_no_delimiter_live_or_offline() -> None:
    """A delimiter with no line break before it (Xerox's) is one only when a delimiter line's
    end follows the boundary: the boundary's text inside a value is content to every reader,
    strict and lenient, live and offline."""
    content_type, whole = whole_package()
    text = b"--" + boundary_of(content_type)
    broken = whole.replace(b"<dsp:JobToken>264a19bf", b"<dsp:JobToken>264a19bf" + text, 1)
    report = validate(broken, content_type=content_type)
    assert report.valid, report.problems
    token = f"264a19bf{text.decode()}"
    read = parse(broken, content_type=content_type, validate=True)
    assert read.body_as(dsp.SendImageRequest).job_token == token
    live = Endpoint("scan_server").package_reader(content_type, store=lambda envelope: None)
    with pytest.raises(RemoteProtocolError) as refused:
        read_live(live, broken)
    assert refused.value.rule == "DSP-1"  # read whole: only the token is unknown
    # what follows it ends no delimiter line, so the lenient profile reads it as text too
    assert validate(broken, content_type=content_type, profile="lenient").valid


def whole_package() -> tuple[str, bytes]:
    request = replace(send_image_body("264a19bf", 1), image_data=b"")
    content_type, chunks = build_send_image(request, b"%PDF", to=SERVER)
    return content_type, b"".join(chunks)


def test_a_reference_to_the_root_part_is_named_when_the_framing_fails_later_too() -> None:
    content_type, whole = whole_package()
    start = re.search(r'start="<([^>]+)>"', content_type)
    assert start is not None
    root_id = start.group(1).encode()
    image_id = re.findall(rb"Content-ID: <([^>]+)>", whole)[-1]
    # the include refers to the root part, and the image part reuses the root's Content-ID
    broken = whole.replace(b"cid:" + image_id, b"cid:" + root_id).replace(
        b"Content-ID: <" + image_id + b">", b"Content-ID: <" + root_id + b">"
    )
    report = validate(broken, content_type=content_type)
    reader = Endpoint("scan_server").package_reader(content_type, store=lambda envelope: None)
    with pytest.raises(RemoteProtocolError) as live:
        read_live(reader, broken)
    assert live.value.rule == "DSM-XOP-REFERENCE"  # met first, as the envelope is read
    assert {"DSM-XOP-REFERENCE", "DSM-MIME-DUPLICATE-ID"} <= report.codes()


def test_a_part_no_include_refers_to_is_named_at_its_headers() -> None:
    content_type, whole = whole_package()
    image_id = re.findall(rb"Content-ID: <([^>]+)>", whole)[-1]
    decoy = whole.replace(b"cid:" + image_id, b"cid:" + image_id + b"x", 1)
    decoy = decoy.replace(
        b"Content-ID: <" + image_id + b">", b"Content-ID: <" + image_id + b"x>", 1
    )
    # a second part after the image, referred to by nothing
    end = b"--" + boundary_of(content_type) + b"--"
    extra = b"Content-Type: image/png\r\nContent-ID: <decoy@f>\r\n\r\nPNG\r\n"
    decoy = decoy.replace(end, b"--" + boundary_of(content_type) + b"\r\n" + extra + end)
    problem = next(
        p
        for p in validate(decoy, content_type=content_type).problems
        if p.rule == "DSM-XOP-UNREFERENCED"
    )
    headers_end = decoy.index(b"\r\n\r\n", decoy.index(b"<decoy@f>"))
    assert problem.line == decoy.count(b"\n", 0, headers_end + 2) + 1
    assert problem.column == 1


def test_a_fault_without_reason_text_is_judged_not_a_crash() -> None:
    from dsm_messages import check_sequence, reply
    from dsm_messages.faults import DSP_INVALID_ARGS
    from dsm_messages.transcripts import read_recorded

    request = parse(end_request(MESSAGE_ID))
    fault = reply(request, DSP_INVALID_ARGS)
    no_reason = re.sub(rb"<soap:Text[^>]*>[^<]*</soap:Text>", b"", fault)
    assert no_reason != fault
    report = check_sequence([read_recorded(end_request(MESSAGE_ID)), read_recorded(no_reason)])
    assert [p.rule for p in report.violations] == ["DSP-1", "DSM-INVALID"]  # (no job: DSP-1)


def test_a_delimiter_with_no_line_break_before_it_is_one_defect_live_and_offline() -> None:
    """The Xerox WorkCentre 3025's delimiters (sane-airscan issue 71): strict refuses them as
    DSM-MIME-DEFECT whether it reads the package whole, live, or cut anywhere."""
    content_type, whole = whole_package()
    delimiter = b"--" + boundary_of(content_type)
    xerox = whole.replace(b"\r\n" + delimiter, delimiter)
    report = validate(xerox, content_type=content_type)
    assert report.codes() == {"DSM-MIME-DEFECT"}
    reader = Endpoint("scan_server").package_reader(content_type, store=lambda envelope: None)
    with pytest.raises(RemoteProtocolError) as live:
        read_live(reader, xerox)
    assert live.value.rule == "DSM-MIME-DEFECT"
    for cut in range(1, len(xerox), 97):
        with pytest.raises(MtomError) as refused:
            read_cut(content_type, xerox, cut)
        assert refused.value.code == "DSM-MIME-DEFECT", cut


def read_cut(content_type: str, data: bytes, cut: int) -> None:
    reader = PackageReader(content_type)
    reader.feed(data[:cut])
    reader.feed(data[cut:])
    reader.close()


def test_a_reference_to_no_part_is_one_defect_live_whole_and_offline() -> None:
    """The image's xop:Include names another Content-ID: the reference names no part, and the
    image part is one no reference names. One defect, DSM-XOP-REFERENCE, however it is read:
    a live reader drops the part it cannot place and decides when the package ends."""
    content_type, whole = whole_package()
    image_id = re.findall(rb"Content-ID: <([^>]+)>", whole)[-1]
    dangling = whole.replace(b"cid:" + image_id, b"cid:elsewhere@f", 1)
    assert validate(dangling, content_type=content_type).codes() == {"DSM-XOP-REFERENCE"}
    for live in (False, True):
        server = Endpoint("scan_server")
        created = server.receive(Endpoint("device").request(create_body(), to=SERVER))
        server.reply(created, dsp.CreatePostScanJobResponse(job_token="264a19bf"))
        with pytest.raises(RemoteProtocolError) as refused:
            receive(server, content_type, dangling, live=live)
        assert refused.value.rule == "DSM-XOP-REFERENCE", live


def receive(server: Endpoint, content_type: str, data: bytes, *, live: bool) -> None:
    if live:
        read_live(server.package_reader(content_type, store=lambda envelope: None), data)
    else:
        server.receive(data, content_type=content_type)


def test_a_prefixed_name_in_a_second_job_report_is_read_not_a_crash() -> None:
    """A second dsd:JobEndState (one too many: kept as vendor content) with a reason that is a
    prefixed name: check-sequence judges the message, it does not fail on the vendor value."""
    from lxml import etree

    from dsm_messages import check_sequence
    from dsm_messages.testing.samples import SAMPLES
    from dsm_messages.transcripts import read_recorded

    data = serialize(SAMPLES["dsd:JobEndStateEvent"], to=SERVER)
    tree = etree.fromstring(data)
    state = tree.find(".//{*}JobEndState")
    assert state is not None
    reasons = state.find("{*}JobCompletedStateReasons")
    assert reasons is not None
    extra = etree.SubElement(reasons, reasons[0].tag)
    extra.text = "soap:Nonsense"
    state.addnext(etree.fromstring(etree.tostring(state)))
    report = check_sequence([read_recorded(etree.tostring(tree))])
    assert [p.rule for p in report.violations] == ["DSM-INVALID"]


def test_a_stored_file_whose_headers_name_no_package_is_reported_not_a_crash(
    tmp_path: Path,
) -> None:
    from dsm_messages import validate_file

    stored = tmp_path / "odd.mime"
    stored.write_bytes(
        b"MIME-Version: 1.0\r\nContent-Type: application/soap+xml\r\n\r\n<soap:Envelope"
    )
    assert "DSM-XML-MALFORMED" in validate_file(stored).codes()


def test_a_reply_address_no_schema_takes_is_answered_at_the_anonymous_address() -> None:
    request = serialize(
        dsp.EndPostScanJobRequest(job_token="264A19BF"), to=SERVER, reply_to="http:/]example.com/"
    )
    server = Endpoint("scan_server")
    with pytest.raises(RemoteProtocolError) as refused:
        server.receive(request)
    fault = parse(server.refuse(refused.value))
    assert fault.to == "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])  # (with their byte order marks)
def test_a_misprinted_namespace_is_named_whatever_the_encoding(codec: str) -> None:
    """The https:// form of WS-Addressing's namespace in a UTF-16 or UTF-32 envelope is named
    as such, as in UTF-8 (and as a live reader names it), not as headers gone missing."""
    data = serialize(dsp.EndPostScanJobRequest(job_token="264a19bf"), to=SERVER)
    misprinted = data.replace(
        b"http://schemas.xmlsoap.org/ws/2004/08/addressing",
        b"https://schemas.xmlsoap.org/ws/2004/08/addressing",
    )
    wide = misprinted.decode().split("?>", 1)[1].lstrip().encode(codec)
    assert validate(wide).codes() == validate(misprinted).codes() == {"DSM-STALE-NAMESPACE"}
    with pytest.raises(RemoteProtocolError) as refused:
        Endpoint("scan_server").receive(wide)
    assert refused.value.rule == "DSM-STALE-NAMESPACE"


def test_a_utf16_document_without_byte_order_mark_is_checked_not_a_crash() -> None:
    data = serialize(dsp.EndPostScanJobRequest(job_token="264a19bf"), to=SERVER)
    declared = re.sub(r"encoding=(['\"])UTF-8", r"encoding=\1UTF-16", data.decode(), count=1)
    assert "UTF-16" in declared
    for codec in ("utf-16-be", "utf-16-le"):
        assert validate(declared.encode(codec)).valid, codec
