"""Diagnostics a user can act on: one defect is one problem, named by the rule it breaks (a
namespace problem as such, with no "missing" header besides), and every problem says where it
is, line and column, in the text output as in the JSON."""

from __future__ import annotations

import contextlib
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dsm_messages import build_send_image, parse, serialize, validate, validate_stored
from dsm_messages.cli import main
from dsm_messages.models import dsp
from dsm_messages.namespaces import PREFIXES
from dsm_messages.testing.conversations import send_image_body
from dsm_messages.validator.stale import STALE_NAMESPACES, may_declare_stale

ROOT = Path(__file__).resolve().parent.parent
SERVICE = "https://scansrv01.example:5362/ScanServer/7"
REQUEST_ID = "urn:uuid:5eb4f990-0000-4000-8000-000000000001"
WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing"


def end_response() -> bytes:
    return serialize(dsp.EndPostScanJobResponse(), to=SERVICE, relates_to=REQUEST_ID)


def end_request() -> bytes:
    return serialize(
        dsp.EndPostScanJobRequest(job_token="264a19bf"), to=SERVICE, message_id=REQUEST_ID
    )


# -- namespaces ------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["strict", "lenient"])
def test_a_misprinted_addressing_namespace_is_one_stale_namespace(profile: str) -> None:
    data = end_response().replace(WSA.encode(), b"https" + WSA[4:].encode())
    report = validate(data, profile=profile)  # type: ignore[arg-type]
    assert [p.rule for p in report.problems] == ["DSM-STALE-NAMESPACE"]
    assert "https://schemas.xmlsoap.org/ws/2004/08/addressing" in report.problems[0].message


_STALE = sorted(stale.encode() for stale in STALE_NAMESPACES)
#: Pieces a message's bytes are made of here: every stale URI, each cut short by one byte
#: (a near miss), every current namespace URI, and a few other bytes.
_PIECES = [
    *_STALE,
    *(stale[:-1] for stale in _STALE),
    *(uri.encode() for uri in PREFIXES.values()),
    b'<a xmlns:x="',
    b'"/>',
    b"/",
    b"&",
    b"#",
    b" ",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(b"".join))
def test_the_stale_screen_answers_whether_a_stale_uri_is_written(data: bytes) -> None:
    """The screen that lets a message skip the stale-namespace check says no only for bytes in
    which no stale URI is written: never for a message that holds one, whatever stands around
    it (a URI cut short, a current one, a character reference's start)."""
    written = any(stale in data for stale in _STALE)
    assert may_declare_stale(data, ascii_bytes=True) is (written or b"&#" in data)


@pytest.mark.parametrize(
    "misprinted",
    [
        "https://schemas.xmlsoap.org/ws/2004/08/eventing",
        "https://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing",
    ],
)
def test_every_https_misprint_of_a_namespace_of_ours_is_stale(misprinted: str) -> None:
    current = "http" + misprinted[5:]
    data = serialize(
        dsp.EndPostScanJobRequest(job_token="264a19bf") if "processing" in current else None,
        to=SERVICE,
        message_id=REQUEST_ID,
        action=None if "processing" in current else f"{current}/Unsubscribe",
    )
    data = data.replace(current.encode(), misprinted.encode())
    if current.encode() not in end_request() and "eventing" in current:
        data = data.replace(b"<soap:Header>", f'<soap:Header xmlns:x="{misprinted}">'.encode())
    report = validate(data)
    assert "DSM-STALE-NAMESPACE" in report.codes()
    assert not report.codes() & {"DSM-ACTION-MISSING", "DSM-HEADER-MISSING", "DSM-XSD"}


@pytest.mark.parametrize(
    "version",
    [
        "http://schemas.xmlsoap.org/ws/2004/03/addressing",
        "http://www.w3.org/2005/08/addressing",
        "http://schemas.xmlsoap.org/ws/2003/03/addressing",
        "https://schemas.xmlsoap.org/ws/2003/03/addressing",
    ],
)
@pytest.mark.parametrize("message", ["request", "response"])
def test_another_addressing_version_is_one_problem(version: str, message: str) -> None:
    data = (end_request() if message == "request" else end_response()).replace(
        WSA.encode(), version.encode()
    )
    report = validate(data)
    assert [p.rule for p in report.problems] == ["DSM-ADDRESSING-VERSION"], report.problems
    assert version in report.problems[0].message


# -- one defect, one problem ----------------------------------------------------------------


def test_a_reply_to_holding_bare_text_is_one_problem() -> None:
    data = re.sub(
        rb"<wsa:ReplyTo>.*</wsa:ReplyTo>", b"<wsa:ReplyTo>http://x/</wsa:ReplyTo>", end_request()
    )
    report = validate(data)
    assert len(report.problems) == 1
    assert report.problems[0].location == "/soap:Envelope/soap:Header/wsa:ReplyTo"


@pytest.mark.parametrize("where", ["<soap:Envelope", "<soap:Body", "<soap:Header"])
def test_encoding_style_is_one_problem(where: str) -> None:
    data = end_request().replace(
        where.encode(), where.encode() + b' soap:encodingStyle="http://x/"', 1
    )
    report = validate(data)
    assert len(report.problems) == 1, report.problems
    assert "encodingStyle" in report.problems[0].message


def test_an_item_of_a_list_that_is_no_uri_is_one_problem() -> None:
    data = (ROOT / "examples" / "wsd-03-probe-matches.xml").read_bytes()
    data = data.replace(b"5c8f17b3d946/ http", "5c8f17b3d946/\u00a0http".encode())
    report = validate(data)
    assert len(report.problems) == 1, report.problems


# -- whitespace in an element that holds nothing ------------------------------------------


def test_whitespace_inside_an_empty_app_sequence_is_tolerated_in_lenient() -> None:
    data = (ROOT / "examples" / "wsd-03-probe-matches.xml").read_bytes()
    data = data.replace(b'MessageNumber="8"/>', b'MessageNumber="8">\n    </wsd:AppSequence>')
    strict = validate(data)
    assert [(p.rule, p.severity) for p in strict.problems] == [("DSM-VALUE-WHITESPACE", "error")]
    lenient = validate(data, profile="lenient")
    assert [(p.rule, p.severity) for p in lenient.problems] == [
        ("DSM-VALUE-WHITESPACE", "warning")
    ]
    assert parse(data, validate=True, profile="lenient").body is not None


# -- where: line and column, always -----------------------------------------------------------


def one_line(data: bytes) -> bytes:
    return data.replace(b"\n", b" ")


def problems_of(
    data: bytes, name: str, tmp_path: Path
) -> tuple[list[str], list[dict[str, object]]]:
    path = tmp_path / name
    path.write_bytes(data)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["validate", str(path)])
    text = [line for line in out.getvalue().splitlines() if line.startswith(str(path))]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["validate", "--format", "json", str(path)])
    return text, json.loads(out.getvalue())["files"][0]["problems"]


def assert_placed(text: list[str], problems: list[dict[str, object]]) -> None:
    assert problems
    assert len(text) == len(problems)
    for line, problem in zip(text, problems, strict=True):
        position = line.split(": ", 1)[0].rsplit(":", 2)[1:]
        assert all(int(part) >= 1 for part in position), line
        assert isinstance(problem["line"], int)
        assert problem["line"] >= 1
        assert isinstance(problem["column"], int)
        assert problem["column"] >= 1
        assert position == [str(problem["line"]), str(problem["column"])]


def test_a_schema_error_in_a_one_line_message_has_its_column(tmp_path: Path) -> None:
    data = one_line(end_request()).replace(b"<dsp:JobToken>264a19bf", b"<dsp:JobToken>x<dsp:No/>")
    text, problems = problems_of(data, "one-line.xml", tmp_path)
    assert_placed(text, problems)
    column = data.index(b"<dsp:JobToken>") + 1
    assert problems[0]["column"] == column


def send_image_package() -> bytes:
    request = replace(send_image_body("264a19bf", 1), image_data=b"")
    content_type, chunks = build_send_image(request, b"%PDF", to=SERVICE, message_id=REQUEST_ID)
    return f"MIME-Version: 1.0\r\nContent-Type: {content_type}\r\n\r\n".encode() + b"".join(chunks)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data.replace(b"\r\n", b"\n"),  # defects: LF line ends
        lambda data: data[: data.rindex(b"\r\n--")],  # no closing delimiter
        lambda data: data.replace(
            b"Content-ID: <root", b"Content-ID: <x>\r\nContent-ID: <root", 1
        ),
        lambda data: data.replace(b'type="application/xop+xml"', b'type="text/xml"', 1),
        lambda data: data.replace(
            b"Content-Type: application/octet", b"Content-Typ application/octet"
        ),
        lambda data: data.replace(b'href="cid:', b'href="cid:x', 1),
        lambda data: data.replace(b"<soap:Body>", b"<soap:Body><soap:Body>", 1),
    ],
)
def test_every_mime_problem_has_a_line_and_column(damage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text, problems = problems_of(damage(send_image_package()), "package.mime", tmp_path)
    assert_placed(text, problems)


def test_a_mime_problem_is_placed_where_the_reader_found_it() -> None:
    data = send_image_package()
    broken = data.replace(b"Content-Type: application/octet", b"Content-Typ application/octet")
    (problem,) = validate_stored(broken, name="x.mime").problems
    lines = broken.split(b"\n")
    assert lines[(problem.line or 0) - 1].startswith(b"Content-Typ application/octet")
