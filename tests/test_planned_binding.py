"""The binder and the writer generated from the models read every message into exactly the
objects xsdata's generic binder reads, and write every object to exactly the tree xsdata's
serializer writes; each leaves to xsdata (gives ``None``) whatever it does not handle itself.
Checked on every bundled example, every sample body the tests use, every Microsoft doc
example, and the fuzz test's structure-aware mutations of them.

Equal is not enough for the comparison (``JobState.COMPLETED == "Completed"``, a ``Timestamp``
equals the ``datetime`` it names): every value is compared with its type and its text too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import fuzz_targets
import pytest
from hypothesis import given
from lxml import etree
from test_fuzz import fuzzing, mutated

from dsm_messages import ANONYMOUS, DsmError, parse_xml, serialize, to_xml
from dsm_messages.binding import (
    bind_generic,
    bind_planned,
    wildcard_class,
    write_generic,
    write_planned,
)
from dsm_messages.messages import by_qname
from dsm_messages.models import dsp, soap, wsa, wsx
from dsm_messages.mtom import split_parts
from dsm_messages.namespaces import SOAP, WSA, WSDP, WSX
from dsm_messages.testing.samples import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
_EPR_HEADERS = {
    f"{{{WSA}}}ReplyTo": wsa.ReplyTo,
    f"{{{WSA}}}FaultTo": wsa.FaultTo,
    f"{{{WSA}}}From": wsa.From,
}


def shape(value: object) -> object:
    """``value`` as nested tuples that differ whenever a type, a field or a text differs."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value),
            tuple((f.name, shape(getattr(value, f.name))) for f in dataclasses.fields(value)),
        )
    if isinstance(value, list | tuple):
        return (type(value), tuple(shape(item) for item in value))
    if isinstance(value, dict):
        return (dict, tuple(sorted((key, shape(item)) for key, item in value.items())))
    return (type(value), repr(value), str(value))


def bindable(root: etree._Element) -> Iterator[tuple[etree._Element, type]]:
    """Each element of a message that is bound on its own, with its model: the body (or the
    document) and the endpoint-reference headers."""
    if root.tag != f"{{{SOAP}}}Envelope":
        spec = by_qname(str(root.tag))
        if spec is not None:
            yield root, spec.model
        return
    for part in root:
        for element in part:
            if not isinstance(element.tag, str):
                continue
            if element.tag in _EPR_HEADERS:
                yield element, _EPR_HEADERS[element.tag]
            elif part.tag == f"{{{SOAP}}}Body":
                spec = by_qname(element.tag)
                if spec is not None:
                    yield element, spec.model


def compare(element: etree._Element, model: type) -> bool:
    """Assert the planned binder agrees with the generic one on ``element``; whether the plan
    read it itself."""
    before = etree.tostring(element)
    planned = bind_planned(element, model)
    assert etree.tostring(element) == before  # the tree is left as it was
    try:
        generic: object = bind_generic(element, model)
    except DsmError:
        assert planned is None, "the plan bound what the generic binder refuses"
        return False
    written_alike(generic)
    if planned is None:
        return False
    assert shape(planned) == shape(generic)
    return True


def written_alike(obj: object) -> bool:
    """Assert the planned writer writes ``obj`` as the generic one does (as the body of an
    envelope too); whether the plan wrote it itself."""
    results = []
    for target in (obj, soap.Envelope(body=soap.Body(any_element=[obj]))):
        planned = write_planned(target)
        try:
            generic = write_generic(target)
        except DsmError:
            assert planned is None, "the plan wrote what the generic serializer refuses"
            results.append(False)
            continue
        if planned is not None:
            assert etree.tostring(planned) == etree.tostring(generic)
        results.append(planned is not None)
    return all(results)


def read(data: bytes) -> etree._Element:
    content_type, body = fuzz_targets.split(data)
    if content_type is not None:
        body = split_parts(body, content_type).root
    return parse_xml(body)


def stored_messages() -> list[tuple[str, bytes]]:
    """Every bundled example and doc example that is well-formed XML (some doc examples are
    not: they bind nothing)."""
    found = []
    for name, data in fuzz_targets.seeds():
        try:
            read(data)
        except DsmError:
            continue
        found.append((name, data))
    return found


@pytest.mark.parametrize(("name", "data"), stored_messages(), ids=lambda v: str(v)[:60])
def test_examples_and_doc_examples_bind_alike(name: str, data: bytes) -> None:
    for element, model in bindable(read(data)):
        compare(element, model)


def test_every_sample_body_is_read_by_the_plan_as_the_generic_binder_reads_it() -> None:
    """Vendor elements and attributes included (a fault's soap:Detail, elements only as in
    SOAP 1.2, too), and a wsx:MetadataSection's one wildcard element (device metadata)."""
    for name, body in sorted(SAMPLES.items()):
        element = etree.fromstring(to_xml(body))
        assert compare(element, type(body)), name


@pytest.mark.parametrize(
    ("content", "by_plan"),
    [
        ("", True),
        ('<v:One xmlns:v="urn:x-vendor"/>', True),
        (f'<wsdp:ThisDevice xmlns:wsdp="{WSDP}"><wsdp:FriendlyName>S</wsdp:FriendlyName>'
         "</wsdp:ThisDevice>", True),
        # a second element for its one wildcard: xsdata folds the two into one AnyElement
        ('<v:One xmlns:v="urn:x-vendor"/><v:Two xmlns:v="urn:x-vendor"/>', False),
    ],
)  # fmt: skip
def test_a_metadata_sections_one_wildcard_element_is_read_as_the_generic_binder_reads_it(
    content: str, by_plan: bool
) -> None:
    metadata = etree.fromstring(
        f'<wsx:Metadata xmlns:wsx="{WSX}"><wsx:MetadataSection Dialect="urn:x-dialect">'
        f"{content}</wsx:MetadataSection></wsx:Metadata>"
    )
    assert compare(metadata, wsx.Metadata) is by_plan


def test_most_stored_examples_are_read() -> None:
    assert len(stored_messages()) >= 0.8 * len(fuzz_targets.seeds())


def test_the_plan_reads_the_stored_examples_itself() -> None:
    """Not only agreement: the plan covers what DSM traffic holds, vendor extensions in the
    wildcards included (the generic binder is the exception, not the rule)."""
    covered = [
        compare(element, model)
        for _, data in stored_messages()
        for element, model in bindable(read(data))
    ]
    assert covered.count(True) >= 0.9 * len(covered)


def test_every_sample_body_is_written_by_the_plan_as_xsdata_writes_it() -> None:
    """Bodies with vendor namespaces (whose prefixes xsdata invents) or QName values are
    xsdata's to write; the plan writes the others, which are most."""
    written = [written_alike(body) for _, body in sorted(SAMPLES.items())]
    assert written.count(True) >= 0.6 * len(written)


@pytest.mark.parametrize("token", ["", " padded ", "a&b<c>", "tab\tinside", "é"])
def test_awkward_values_are_written_by_the_plan_as_xsdata_writes_them(token: str) -> None:
    assert written_alike(dsp.EndPostScanJobRequest(job_token=token))


def test_what_the_plan_leaves_to_the_generic_writer() -> None:
    token = "264a19bf"
    assert write_planned(dsp.EndPostScanJobRequest(job_token=token)) is not None
    for body in (
        dsp.EndPostScanJobRequest(job_token="line\r\nbreak"),  # XML would read back \n
        dsp.EndPostScanJobResponse(other_element=[dsp.JobStatusType]),  # not a model object
    ):
        assert write_planned(body) is None
        written_alike(body)


def test_the_plan_reads_an_image_sent_as_an_attachment() -> None:
    # a package's envelope holds an empty ImageData (the image went to a sink): every
    # SendImage a server receives is read by the plan, as the generic binder reads it
    request = dsp.SendImageRequest(
        job_token="264a19bf",
        document_description=dsp.DocumentDescriptionType(
            document_id=1, format=dsp.DocumentFormatWKVType.PDF_A
        ),
        image_data=b"",
    )
    root = parse_xml(serialize(request, to="https://scansrv01.example/x", reply_to=ANONYMOUS))
    found = {model: compare(element, model) for element, model in bindable(root)}
    assert found == {wsa.ReplyTo: True, dsp.SendImageRequest: True}


def test_what_the_plan_leaves_to_the_generic_binder() -> None:
    token = b"<dsp:JobToken>264a19bf</dsp:JobToken>"
    request = to_xml(dsp.EndPostScanJobRequest(job_token="264a19bf"))
    vendor = request.replace(token, token + b'<v:Hint xmlns:v="urn:vendor">fast</v:Hint>')
    comment = request.replace(b"264a19bf", b"264a<!-- split -->19bf")
    leaf_attribute = request.replace(b"<dsp:JobToken>", b'<dsp:JobToken v:x="1" xmlns:v="urn:v">')
    for data in (vendor, comment, leaf_attribute):
        element = parse_xml(data)
        assert bind_planned(element, dsp.EndPostScanJobRequest) is None
        compare(element, dsp.EndPostScanJobRequest)


@fuzzing(400)
@given(mutated())
def test_mutated_messages_bind_alike(data: bytes) -> None:
    try:
        root = read(data)
    except DsmError:
        return
    for element, model in bindable(root):
        compare(element, model)


def test_what_the_binder_keeps_of_the_names_in_wildcards_is_bounded() -> None:
    """The binder remembers which class a wildcard element's name binds (our global elements,
    met message after message); vendor names come from untrusted messages, in any number, so
    what it keeps of them has a bound."""
    wildcard_class.cache_clear()
    assert wildcard_class(f"{{{WSA}}}EndpointReference") is wsa.EndpointReference
    for number in range(50):
        assert wildcard_class(f"{{urn:vendor:{number}}}Extension") is None

    kept = wildcard_class.cache_info()
    assert kept.maxsize is not None
    assert kept.currsize == 51
