"""Untrusted XML is parsed safely, and malformed XML is reported with its position."""

from __future__ import annotations

from pathlib import Path

import pytest

from dsm_messages import XmlSyntaxError, parse_xml


def test_doctype_is_refused_without_reading_the_external_subset(tmp_path: Path) -> None:
    secret = tmp_path / "secret.dtd"
    secret.write_text("<!ENTITY leak 'TOP-SECRET'>", encoding="utf-8")
    document = f'<?xml version="1.0"?>\n<!DOCTYPE a SYSTEM "{secret.as_uri()}"><a>&leak;</a>'
    with pytest.raises(XmlSyntaxError) as caught:
        parse_xml(document.encode())
    assert "TOP-SECRET" not in str(caught.value)
    with pytest.raises(XmlSyntaxError, match="DOCTYPE"):
        parse_xml(f'<!DOCTYPE a SYSTEM "{secret.as_uri()}"><a/>'.encode())


def test_internal_entities_are_not_expanded() -> None:
    laughs = b'<!DOCTYPE a [<!ENTITY x "ha"><!ENTITY y "&x;&x;&x;">]><a>&y;</a>'
    with pytest.raises(XmlSyntaxError, match="DOCTYPE"):
        parse_xml(laughs)


def test_malformed_xml_reports_line_and_column() -> None:
    with pytest.raises(XmlSyntaxError) as caught:
        parse_xml(b"<a>\n  <b></a>")
    assert caught.value.line == 2
    assert caught.value.column is not None


def test_size_cap() -> None:
    with pytest.raises(XmlSyntaxError, match="more than the limit"):
        parse_xml(b"<a>" + b"x" * 100 + b"</a>", max_bytes=50)


def test_depth_cap() -> None:
    with pytest.raises(XmlSyntaxError, match="nest more than 128"):
        parse_xml(b"<a>" * 150 + b"</a>" * 150)
    with pytest.raises(XmlSyntaxError, match="nest more than 128"):
        parse_xml(b"<a>" * 10_000 + b"</a>" * 10_000)
    assert parse_xml(b"<a>" * 100 + b"</a>" * 100).tag == "a"
    assert parse_xml(b"<a>" * 150 + b"</a>" * 150, max_depth=200).tag == "a"


def test_text_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_xml("<a/>")  # type: ignore[arg-type]


NAMESPACE_ERRORS = [
    # an unbound prefix, then a relative namespace URI: libxml2 reports the second as a
    # warning, which used to hide the first and leave a tree with the tag 'wsa:To'
    b'<e xmlns:s="urn:s"><wsa:To>x</wsa:To><x xmlns="relative"/></e>',
    b'<e><p:a/><x xmlns="relative"/></e>',
    b'<e xmlns:a="urn:a" xmlns:b="urn:a"><x a:n="1" b:n="2"/><x xmlns="relative"/></e>',
    b'<e><x xmlns:p=""/><x xmlns="relative"/></e>',
]


@pytest.mark.parametrize("document", NAMESPACE_ERRORS)
def test_a_namespace_error_is_refused_whatever_follows_it(document: bytes) -> None:
    with pytest.raises(XmlSyntaxError, match="not well-formed XML"):
        parse_xml(document)


def test_a_relative_namespace_uri_alone_is_accepted() -> None:
    # deprecated but well-formed (Namespaces in XML 1.0, 2): libxml2 only warns
    assert parse_xml(b'<x xmlns="relative"/>').tag == "{relative}x"


def test_the_position_is_said_once() -> None:
    with pytest.raises(XmlSyntaxError) as caught:
        parse_xml(b"<a>\n  <b></a>")
    assert str(caught.value).count("column") == 1
