"""What validate calls valid binds: every value the schemas accept is one the models hold, every
element a wildcard admits is kept as what it is, and whatever cannot be bound is refused with a
``DsmError`` in words a user reads (never Python's or lxml's own message)."""

from __future__ import annotations

import contextlib
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from dsm_messages import (
    BindingError,
    DsmError,
    Endpoint,
    RemoteProtocolError,
    ValidationError,
    parse,
    serialize,
    validate,
)
from dsm_messages.cli import main
from dsm_messages.models import dsc, dsp, wse, wsx
from dsm_messages.testing.conversations import send_image_body
from dsm_messages.testing.samples import SAMPLES
from dsm_messages.timestamps import Timestamp

ROOT = Path(__file__).resolve().parent.parent
SERVICE = "https://scansrv01.example:5362/ScanServer/7"
REQUEST_ID = "urn:uuid:5eb4f990-0000-4000-8000-000000000001"


def subscribe(expires: str) -> bytes:
    data = serialize(SAMPLES["wse:Subscribe"], to=SERVICE, message_id=REQUEST_ID)
    written = re.sub(
        rb"<wse:Expires>[^<]*</wse:Expires>",
        f"<wse:Expires>{expires}</wse:Expires>".encode(),
        data,
    )
    assert written != data
    return written


@pytest.mark.parametrize(
    "expires", [" PT1H ", "\n  PT1H\n", "\tP1DT2H", " 2026-03-02T09:15:27Z\n"]
)
def test_an_expiry_padded_with_whitespace_binds(expires: str) -> None:
    data = subscribe(expires)
    assert validate(data).valid
    body = parse(data, validate=True).body
    assert isinstance(body, wse.Subscribe)
    assert body.expires is not None
    assert str(body.expires.value) == expires.strip()
    Endpoint("scan_server").receive(data)


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("2026-03-02T24:00:00Z", "2026-03-03T00:00:00+00:00"),
        ("2026-12-31T24:00:00", "2027-01-01T00:00:00"),
        ("2026-02-28T24:00:00.000+01:00", "2026-03-01T00:00:00+01:00"),
    ],
)
def test_midnight_written_as_24_00_binds_and_is_written_back_as_read(
    written: str, moment: str
) -> None:
    data = subscribe(written)
    assert validate(data).valid
    envelope = parse(data, validate=True)
    assert isinstance(envelope.body, wse.Subscribe)
    assert envelope.body.expires is not None
    value = envelope.body.expires.value
    assert isinstance(value, Timestamp)
    assert value.isoformat() == moment
    assert f">{written}<".encode() in envelope.to_bytes()


@pytest.mark.parametrize(
    "written",
    [
        "10000-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
        "123456-07-08T09:10:11",
        "9999-12-31T24:00:00Z",  # (the first instant of 10000)
        "9999-12-31T24:00:00.000+05:00",
    ],
)
def test_a_year_python_cannot_hold_is_named_not_called_valid(written: str) -> None:
    data = subscribe(written)
    for profile in ("strict", "lenient"):
        report = validate(data, profile=profile)
        assert [(p.rule, p.severity) for p in report.problems] == [("DSM-TIME-RANGE", "error")]
        assert written in report.problems[0].message
        assert report.problems[0].line == 2
    with pytest.raises(ValidationError, match="DSM-TIME-RANGE"):
        parse(data, validate=True)
    with pytest.raises(BindingError, match="year"):
        parse(data)
    with pytest.raises(RemoteProtocolError) as refused:
        Endpoint("scan_server").receive(data)
    assert refused.value.rule == "DSM-TIME-RANGE"


@pytest.mark.parametrize(
    ("element", "written"),
    [
        ("dsp:JobCreatedTime", "10000-03-02T09:15:27Z"),
        ("dsp:JobCompletedTime", "-2026-03-02T09:15:27Z"),
    ],
)
def test_every_datetime_element_has_the_range_rule(element: str, written: str) -> None:
    data = serialize(SAMPLES["dsp:PostScanJobStatusEvent"], to=SERVICE, message_id=REQUEST_ID)
    data = re.sub(
        f"<{element}>[^<]*</{element}>".encode(),
        f"<{element}>{written}</{element}>".encode(),
        data,
    )
    assert written.encode() in data
    assert "DSM-TIME-RANGE" in validate(data).codes()


def test_base64_wrapped_over_lines_binds() -> None:
    request = dsp.SendImageRequest(
        job_token="264a19bf",
        document_description=dsp.DocumentDescriptionType(
            document_id=1, format=dsp.DocumentFormatWKVType.PDF_A
        ),
        image_data=b"%PDF-1.7 " * 20,
    )
    data = serialize(request, to=SERVICE, message_id=REQUEST_ID)
    found = re.search(rb"<dsp:ImageData>([^<]*)</dsp:ImageData>", data)
    assert found is not None
    text = found.group(1)
    wrapped = b"\n" + b"\r\n".join(text[at : at + 76] for at in range(0, len(text), 76)) + b"\n"
    data = data.replace(text, wrapped)
    assert validate(data).valid
    body = parse(data, validate=True).body
    assert isinstance(body, dsp.SendImageRequest)
    assert body.image_data == request.image_data


# -- wildcards keep what they admit -------------------------------------------------------

METADATA = (ROOT / "examples" / "wsd-07-get-metadata-response.xml").read_bytes()
THIS_DEVICE = re.compile(rb"<wsdp:ThisDevice>.*?</wsdp:ThisDevice>", re.DOTALL)


def metadata_holding(element: bytes) -> bytes:
    data, count = THIS_DEVICE.subn(element, METADATA)
    assert count == 1
    return data


@pytest.mark.parametrize(
    "element",
    [
        # names of model classes that are types, not elements: a lax wildcard does not
        # validate them, so they are vendor content to keep whole
        f'<p:CancelPostScanJobRequestType xmlns:p="{dsp.__NAMESPACE__}"/>',
        f'<p:CancelPostScanJobRequestType xmlns:p="{dsp.__NAMESPACE__}">x</p:'
        "CancelPostScanJobRequestType>",
        f'<p:JobStatusType xmlns:p="{dsc.__NAMESPACE__}"><v:a xmlns:v="urn:v"/></p:JobStatusType>',
        f'<p:CancelPostScanJobResponseType xmlns:p="{dsp.__NAMESPACE__}"/>',
        '<v:Th\u00efng xmlns:v="urn:v" v:\u00e4="1">\u00fc</v:Th\u00efng>',
    ],
)
def test_whatever_a_metadata_section_admits_binds_whole(element: str) -> None:
    data = metadata_holding(element.encode())
    assert validate(data).valid
    envelope = parse(data, validate=True)
    assert isinstance(envelope.body, wsx.Metadata)
    written = envelope.to_bytes()
    assert parse(written) == envelope
    kept = etree.fromstring(written).find(f".//{{{wsx.__NAMESPACE__}}}MetadataSection[2]/*")
    assert kept is not None
    assert shape(kept) == shape(etree.fromstring(element.encode()))


def shape(element: etree._Element) -> tuple[object, ...]:
    """An element as XML Schema sees it, whatever its prefixes: name, attributes, text and
    children."""
    return (
        element.tag,
        dict(element.attrib),
        element.text or "",
        [(shape(child), child.tail or "") for child in element],
    )


def test_an_element_of_a_known_global_name_in_a_wildcard_is_typed() -> None:
    envelope = parse(METADATA, validate=True)
    assert isinstance(envelope.body, wsx.Metadata)
    sections = [section.other_element for section in envelope.body.metadata_section]
    assert type(sections[0]).__name__ == "ThisModel"


# -- names outside ASCII --------------------------------------------------------------------


def end_request() -> bytes:
    return serialize(
        dsp.EndPostScanJobRequest(job_token="264a19bf"), to=SERVICE, message_id=REQUEST_ID
    )


NON_ASCII_HEADERS = [
    '<v:Bl\u00f6ck xmlns:v="urn:v">x</v:Bl\u00f6ck>',
    '<v:Block xmlns:v="urn:v" v:\u00e4="1">x</v:Block>',
    "<\u0431:\u0431\u043b\u043e\u043a xmlns:\u0431='urn:v'>"
    "\u0436</\u0431:\u0431\u043b\u043e\u043a>",
    '<v:\u6587 xmlns:v="urn:v"><v:\u5b57 \u5c5e="\u5024"/></v:\u6587>',
]


@pytest.mark.parametrize("block", NON_ASCII_HEADERS)
def test_a_header_block_with_names_outside_ascii_is_kept(block: str) -> None:
    create = serialize(SAMPLES["dsp:CreatePostScanJobRequest"], to=SERVICE)
    data = create.replace(b"</soap:Header>", block.encode() + b"</soap:Header>")
    assert validate(data).valid
    for envelope in (
        parse(data),
        parse(data, validate=True),
        Endpoint("scan_server").receive(data),
    ):
        assert len(envelope.extra_headers) == 1
        assert parse(envelope.to_bytes()) == envelope
        assert block.split(">")[0].split()[0].encode() in envelope.to_bytes()


@pytest.mark.parametrize("block", NON_ASCII_HEADERS)
def test_check_sequence_reads_a_header_block_with_names_outside_ascii(
    block: str, tmp_path: Path
) -> None:
    data = end_request().replace(b"</soap:Header>", block.encode() + b"</soap:Header>")
    (tmp_path / "01.xml").write_bytes(data)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["check-sequence", "--format", "json", str(tmp_path)])
    assert status == 1  # a violation: no job 264a19bf was created, not an internal error
    assert json.loads(out.getvalue())["violations"][0]["rule"] == "DSP-1"


# -- refusals in words a user reads -------------------------------------------------------


def without(data: bytes, pattern: bytes) -> bytes:
    written, count = re.subn(pattern, b"", data, flags=re.DOTALL)
    assert count
    return written


def test_a_missing_required_child_is_named_as_the_element_it_is() -> None:
    data = serialize(
        SAMPLES["dsc:GetActiveJobsResponse"],
        to=SERVICE,
        relates_to=REQUEST_ID,
    )
    data = without(data, rb"<dsc:ActiveJobs>.*</dsc:ActiveJobs>")
    with pytest.raises(BindingError) as refused:
        parse(data)
    message = str(refused.value)
    assert "dsc:ActiveJobs" in message
    assert "dsc:GetActiveJobsResponse" in message
    for python in ("__init__", "keyword-only", "argument", "active_jobs"):
        assert python not in message


@pytest.mark.parametrize(
    "damage",
    [
        rb"<dsp:JobToken>[^<]*</dsp:JobToken>",  # a required leaf
        rb"<dsp:DocumentDescription>.*</dsp:DocumentDescription>",  # a required class
        rb"<dsp:DocumentId>[^<]*</dsp:DocumentId>",  # a required leaf, one level down
    ],
)
def test_every_missing_child_is_named_without_python(damage: bytes) -> None:
    request = replace(send_image_body("264a19bf", 1), image_data=b"")
    data = without(serialize(request, to=SERVICE), damage)
    with pytest.raises(DsmError) as refused:
        parse(data)
    message = str(refused.value)
    assert "missing" in message
    assert "__init__" not in message
    assert "argument" not in message


@pytest.mark.parametrize(
    "text", ["http://schemas.microsoft.com/windows/2006/08/wdp/scan/CancelJob", "abc", "a=bc"]
)
def test_image_data_that_is_not_base64_is_named_not_called_valid(text: str) -> None:
    request = replace(send_image_body("264a19bf", 1), image_data=b"%PDF")
    data = re.sub(
        rb"<dsp:ImageData>[^<]*<",
        f"<dsp:ImageData>{text}<".encode(),
        serialize(request, to=SERVICE, message_id=REQUEST_ID),
    )
    report = validate(data)
    assert [p.rule for p in report.problems] == ["DSM-XSD"]
    assert "base64" in report.problems[0].message
    with pytest.raises(BindingError, match="base64"):
        parse(data)


@pytest.mark.parametrize("name", [":ScanDeviceType", "wscn:", "wscn:Scan:DeviceType"])
def test_a_name_the_schema_cannot_read_as_a_qname_is_refused(name: str) -> None:
    data = (ROOT / "examples" / "wsd-03-probe-matches.xml").read_bytes()
    data = data.replace(b"wsdp:Device wscn:ScanDeviceType", f"wsdp:Device {name}".encode())
    assert not validate(data).valid
    with pytest.raises(BindingError):
        parse(data)
