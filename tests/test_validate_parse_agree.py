"""``validate`` and ``parse`` read the bytes the same way: what validate calls valid, parse binds
whole (nothing dropped, truncated or picked among), and what it calls invalid, parse refuses with
the same codes. Checked over the fuzz test's structure-aware mutations of every example and doc
example, the same ones every run."""

from __future__ import annotations

import fuzz_targets
import pytest
from hypothesis import given
from lxml import etree
from test_fuzz import fuzzing, mutated

from dsm_messages import DsmError, ValidationError, from_xml, parse, parse_xml, to_xml, validate
from dsm_messages.namespaces import SOAP


def leaf_texts(data: bytes) -> list[tuple[str, str]]:
    """(element name, text) of every element of the body that has no child element, in
    document order: the values, as XML Schema reads them (comments and PIs left out)."""
    root = etree.fromstring(data, etree.XMLParser(remove_comments=True, remove_pis=True))
    body = root.find(f"{{{SOAP}}}Body")
    assert body is not None
    return [
        (str(element.tag), "".join(element.itertext()).strip())
        for element in body.iter()
        if isinstance(element.tag, str) and len(element) == 0 and element is not body
    ]


@fuzzing(600)
@given(mutated())
def test_validate_says_valid_exactly_when_parse_binds_it_whole(data: bytes) -> None:
    content_type, body = fuzz_targets.split(data)
    report = validate(body, content_type=content_type)
    if report.valid and content_type is None and not is_envelope(body):
        document = from_xml(body)  # a stand-alone document (a scan process): bound whole
        assert from_xml(to_xml(document)) == document
        return
    fast_path_keeps_every_value(body, content_type)
    refused: ValidationError | None = None
    try:
        envelope = parse(body, content_type=content_type, validate=True)
    except ValidationError as error:
        refused = error
    except DsmError as error:
        raise AssertionError(f"validate says {report.valid}, parse raised {error!r}") from None
    if refused is not None:
        assert not report.valid
        assert refused.report.codes() == report.codes()
        return
    assert report.valid
    written = envelope.to_bytes()
    # nothing bound differs from what was read: written back, every value is the one read
    assert parse(written) == envelope
    if content_type is None and envelope.body is not None:
        assert leaf_texts(written) == leaf_texts(body)


@fuzzing(300)
@given(mutated())
def test_lenient_validate_and_parse_agree(data: bytes) -> None:
    """The lenient profile too: parse refuses exactly what validate calls invalid, with the
    same codes, and reads the rest whole, elements out of schema order included (written back
    in schema order, every value the one read)."""
    content_type, body = fuzz_targets.split(data)
    if content_type is not None or not is_envelope(body):
        return
    report = validate(body, profile="lenient")
    if not report.valid:
        with pytest.raises(ValidationError) as refused:
            parse(body, validate=True, profile="lenient")
        assert refused.value.report.codes() == report.codes()
        return
    try:
        envelope = parse(body, validate=True, profile="lenient")
    except DsmError as error:
        raise AssertionError(f"lenient validate says valid, parse raised {error!r}") from None
    written = envelope.to_bytes()
    assert parse(written) == envelope
    if envelope.body is not None:
        # values only (a stale namespace is read as the current one), whitespace collapsed
        # (a list's separators are written as single spaces)
        assert sorted(" ".join(text.split()) for _, text in leaf_texts(written)) == sorted(
            " ".join(text.split()) for _, text in leaf_texts(body)
        )


def fast_path_keeps_every_value(body: bytes, content_type: str | None) -> None:
    """Unvalidated, parse may bind what the schemas refuse, but never drops, truncates or
    picks among content: it refuses, or every value comes back as read."""
    if content_type is not None or not is_envelope(body):
        return
    try:
        envelope = parse(body)
    except DsmError:
        return
    if envelope.body is not None:
        # (an element the schemas do not expect where it stands may come back elsewhere)
        assert sorted(leaf_texts(envelope.to_bytes())) == sorted(leaf_texts(body))


def is_envelope(data: bytes) -> bool:
    try:
        return str(parse_xml(data).tag) == f"{{{SOAP}}}Envelope"
    except DsmError:
        return False
