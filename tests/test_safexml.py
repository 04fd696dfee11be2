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
