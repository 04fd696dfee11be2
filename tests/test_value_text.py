"""A value is read one way everywhere: as XML Schema reads it.

Comments and processing instructions inside a value are left out, never the text after them,
in the headers as in the body, by the binder and by the validator's own rules; and the items of
an ``xs:list`` are separated by XML whitespace (space, tab, CR, LF) only, not by what Python
calls whitespace (U+00A0, U+0085, U+2028, ...).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dsm_messages import parse, serialize, validate
from dsm_messages.models import dsp, wsd
from dsm_messages.testing.samples import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
SERVICE = "https://scansrv01.example:5362/ScanServer/7"
REQUEST_ID = "urn:uuid:5eb4f990-0000-4000-8000-000000000001"
END_ACTION = (
    "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing/EndPostScanJob"
)


def end_request(**headers: str) -> bytes:
    return serialize(
        dsp.EndPostScanJobRequest(job_token="264a19bf"),
        to=SERVICE,
        message_id=REQUEST_ID,
        **headers,  # type: ignore[arg-type]
    )


def split_value(data: bytes, value: str, at: int, insert: bytes) -> bytes:
    """``data`` with ``insert`` put inside the element text ``value`` after ``at`` characters."""
    written = f">{value}<".encode()
    assert data.count(written) == 1, value
    return data.replace(written, b">" + value[:at].encode() + insert + value[at:].encode() + b"<")


def test_a_comment_inside_the_action_is_not_where_the_action_ends() -> None:
    data = split_value(end_request(), END_ACTION, len(END_ACTION), b"<!--c-->Bogus")
    report = validate(data)
    assert not report.valid
    assert [p.rule for p in report.problems] == ["DSM-ACTION-UNKNOWN"]
    assert "EndPostScanJobBogus" in report.problems[0].message
    assert report.action == END_ACTION + "Bogus"


@pytest.mark.parametrize("insert", [b"<!--c-->", b"<?pi data?>", b"<!--a--><?b?>"])
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("to", SERVICE),
        ("action", END_ACTION),
        ("message_id", REQUEST_ID),
        ("relates_to", "urn:uuid:5eb4f990-0000-4000-8000-000000000002"),
        ("identifier", "urn:uuid:5eb4f990-0000-4000-8000-000000000003"),
    ],
)
def test_a_header_value_is_read_whole_around_comments_and_pis(
    field: str, value: str, insert: bytes
) -> None:
    extra = {"relates_to": value} if field == "relates_to" else {}
    if field == "identifier":
        extra = {"identifier": value}
    data = split_value(end_request(**extra), value, 9, insert)
    assert validate(data).valid
    envelope = parse(data, validate=True)
    assert getattr(envelope, field) == value
    assert getattr(parse(envelope.to_bytes()), field) == value


def test_a_header_value_padded_around_a_comment_is_padded() -> None:
    data = split_value(end_request(), SERVICE, len(SERVICE), b"<!--c--> ")
    report = validate(data)
    assert [p.rule for p in report.problems] == ["DSM-URI-WHITESPACE"]
    assert "after" in report.problems[0].message
    lenient = parse(data, validate=True, profile="lenient")
    assert lenient.to == SERVICE


def test_a_header_uri_broken_around_a_comment_is_not_a_uri() -> None:
    data = split_value(end_request(), SERVICE, 12, b"<!--c--> ")
    report = validate(data)
    assert "DSM-URI-NOT-ABSOLUTE" in report.codes()
    assert parse(data).to == SERVICE[:12] + " " + SERVICE[12:]


def create_request() -> bytes:
    return serialize(SAMPLES["dsp:CreatePostScanJobRequest"], to=SERVICE, message_id=REQUEST_ID)


def test_a_filter_dialect_is_read_whole_around_a_comment() -> None:
    data = create_request()
    dialect = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/fileshare"
    assert f">{dialect}<".encode() in data
    data = data.replace(
        f">{dialect}<".encode(), f">{dialect[:-5]}<!--c-->{dialect[-5:]}<".encode(), 1
    )
    report = validate(data)
    assert report.valid, report.problems
    assert parse(data, validate=True).body == parse(create_request()).body


def test_a_body_uri_padded_after_a_comment_is_padded() -> None:
    data = create_request()
    found = re.search(rb"<wsa:Address>([^<]+)</wsa:Address>", data)
    assert found is not None
    address = found.group(1)
    data = data.replace(b">" + address + b"<", b">" + address + b"<!--c-->\n <", 1)
    report = validate(data)
    assert [p.rule for p in report.problems] == ["DSM-URI-WHITESPACE"]


# -- xs:list values ------------------------------------------------------------------------

PROBE_MATCHES = (ROOT / "examples" / "wsd-03-probe-matches.xml").read_bytes()
NOT_XML_WHITESPACE = ["\u00a0", "\u0085", "\u2028", "\u2029", "\u3000", "\u1680"]


@pytest.mark.parametrize("character", NOT_XML_WHITESPACE)
def test_list_items_are_split_on_xml_whitespace_only(character: str) -> None:
    scopes = f"ldap:///ou=a{character}ldap:///ou=b"
    data = PROBE_MATCHES.replace(
        b">ldap:///ou=floor3,ou=finance,o=contoso<", f">{scopes}<".encode()
    )
    report = validate(data)
    body = parse(data).body
    assert isinstance(body, wsd.ProbeMatches)
    read = body.probe_match[0].scopes
    assert read is not None
    assert read.value == [scopes]  # one item, as the schema sees it
    assert report.valid
    assert f">{scopes}<".encode() in parse(data, validate=True).to_bytes()


@pytest.mark.parametrize("separator", [" ", "\t", "\r\n", "\n  ", "&#x9;", "&#xD;&#xA;"])
def test_list_items_are_split_on_every_xml_whitespace(separator: str) -> None:
    data = PROBE_MATCHES.replace(
        b">ldap:///ou=floor3,ou=finance,o=contoso<",
        f">ldap:///ou=a{separator}ldap:///ou=b<".encode(),
    )
    assert validate(data).valid
    body = parse(data, validate=True).body
    assert isinstance(body, wsd.ProbeMatches)
    scopes = body.probe_match[0].scopes
    assert scopes is not None
    assert scopes.value == ["ldap:///ou=a", "ldap:///ou=b"]
