"""What validate calls valid is written back whole: attributes on the SOAP elements, ``xsi:*``
in vendor content, a vendor attribute on every leaf (or a refusal naming it), an empty list
that was there; and a vendor element between repeats is named, not silently moved."""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import replace
from pathlib import Path
from typing import Literal
from xml.etree.ElementTree import QName

import pytest
from lxml import etree
from xsdata.formats.dataclass.models.generics import AnyElement

from dsm_messages import (
    BindingError,
    Endpoint,
    RemoteProtocolError,
    ValidationError,
    parse,
    serialize,
    to_xml,
    validate,
)
from dsm_messages.models import dsp, wsa, wscn, wsd, wsdp, wse, wsx
from dsm_messages.namespaces import SOAP
from dsm_messages.serializer import EmptyList
from dsm_messages.testing.conversations import send_image_body
from dsm_messages.testing.samples import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
SERVICE = "https://scansrv01.example:5362/ScanServer/7"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"


def create_request() -> bytes:
    return serialize(SAMPLES["dsp:CreatePostScanJobRequest"], to=SERVICE)


SOAP_ATTRIBUTES = [
    ("Envelope", 'xml:lang="en"', {f"{{{XML}}}lang": "en"}),
    ("Envelope", 'xmlns:v="urn:v" v:flag="on"', {"{urn:v}flag": "on"}),
    ("Header", 'xml:space="preserve"', {f"{{{XML}}}space": "preserve"}),
    ("Header", 'xmlns:v="urn:v" v:a="1" v:b="2"', {"{urn:v}a": "1", "{urn:v}b": "2"}),
    ("Body", 'xml:lang="de"', {f"{{{XML}}}lang": "de"}),
    (
        "Body",
        f'xmlns:i="{XSI}" i:schemaLocation="urn:v v.xsd"',
        {f"{{{XSI}}}schemaLocation": "urn:v v.xsd"},
    ),
    (
        "Envelope",
        f'xmlns:i="{XSI}" i:noNamespaceSchemaLocation="e.xsd"',
        {f"{{{XSI}}}noNamespaceSchemaLocation": "e.xsd"},
    ),
]


@pytest.mark.parametrize(("element", "written", "kept"), SOAP_ATTRIBUTES)
def test_attributes_on_the_soap_elements_are_written_back(
    element: str, written: str, kept: dict[str, str]
) -> None:
    data = create_request().replace(
        f"<soap:{element}".encode(), f"<soap:{element} {written}".encode(), 1
    )
    assert validate(data).valid
    envelope = parse(data, validate=True)
    assert envelope.soap_attributes[element.lower()] == kept
    again = etree.fromstring(envelope.to_bytes())
    found = again if element == "Envelope" else again.find(f"{{{SOAP}}}{element}")
    assert found is not None
    assert dict(found.attrib) == kept
    assert parse(envelope.to_bytes()) == envelope
    assert validate(envelope.to_bytes()).valid


def test_soap_attributes_can_be_given_when_sending() -> None:
    data = serialize(
        dsp.EndPostScanJobRequest(job_token="264a19bf"),
        to=SERVICE,
        soap_attributes={"envelope": {f"{{{XML}}}lang": "en"}, "body": {"{urn:v}x": "1"}},
    )
    root = etree.fromstring(data)
    assert root.get(f"{{{XML}}}lang") == "en"
    assert root[1].get("{urn:v}x") == "1"


@pytest.mark.parametrize(
    "vendor",
    [
        f'<v:Note xmlns:v="urn:v" xmlns:i="{XSI}" i:nil="true"/>',
        f'<v:Note xmlns:v="urn:v" xmlns:i="{XSI}" i:nil="true">x</v:Note>',
        f'<v:Note xmlns:v="urn:v" xmlns:i="{XSI}" i:nil="false"><v:c/></v:Note>',
        f'<v:Note xmlns:v="urn:v" xmlns:i="{XSI}" xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' i:type="xs:string">x</v:Note>',
        f'<v:Note xmlns:v="urn:v" xmlns:i="{XSI}" i:schemaLocation="urn:v v.xsd"/>',
    ],
)
def test_xsi_attributes_in_vendor_content_are_written_back(vendor: str) -> None:
    data = create_request().replace(b"</fsf:FileShares>", b"</fsf:FileShares>" + vendor.encode())
    assert validate(data).valid
    envelope = parse(data, validate=True)
    written = envelope.to_bytes()
    note = etree.fromstring(written).find(".//{urn:v}Note")
    assert note is not None
    assert dict(note.attrib) == dict(etree.fromstring(vendor.encode()).attrib)
    assert validate(written).valid
    assert parse(written) == envelope


# -- a vendor attribute on a leaf: kept, or refused by name --------------------------------

LEAVES = [
    ("wscn:GetScannerElementsResponse", "ImagesToTransfer"),
    ("wscn:GetScannerElementsResponse", "ContentType"),
    ("wscn:CreateScanJobRequest", "JobName"),
    ("wscn:CreateScanJobRequest", "ImagesToTransfer"),
    ("wscn:ValidateScanTicketRequest", "ScanRegionWidth"),
    ("wse:Subscribe", "ClientDisplayName"),
    ("wse:Subscribe", "ClientContext"),
    ("dsp:CreatePostScanJobRequest", "ShareUNC"),
]


def sample_message(key: str) -> bytes:
    if key == "wse:Subscribe":  # a WS-Scan subscription, with its scan destinations
        folder = ROOT / "examples" / "conversations" / "wscn-push-scan"
        return (folder / "01-subscribe-request.xml").read_bytes()
    sample = SAMPLES[key]
    return serialize(
        sample, to=SERVICE, relates_to="urn:uuid:5eb4f990-0000-4000-8000-000000000002"
    )


@pytest.mark.parametrize("attribute", ['xml:lang="en"', 'xmlns:v="urn:v" v:note="1"'])
@pytest.mark.parametrize(("key", "local"), LEAVES)
def test_an_attribute_on_any_leaf_is_kept_or_refused_by_name(
    key: str, local: str, attribute: str
) -> None:
    data = sample_message(key)
    found = re.search(rf"<(\w+):{local}([ >])".encode(), data)
    assert found is not None, (key, local)
    data = data[: found.start(2)] + b" " + attribute.encode() + data[found.start(2) :]
    report = validate(data)
    if not report.valid:
        assert report.codes() == {"DSM-LEAF-ATTRIBUTE"}, report.problems
        with pytest.raises(ValidationError, match="DSM-LEAF-ATTRIBUTE"):
            parse(data, validate=True)
        with pytest.raises(BindingError, match="DSM-LEAF-ATTRIBUTE"):
            parse(data)
        return
    envelope = parse(data, validate=True)
    written = envelope.to_bytes()
    written_name = attribute.split()[-1].split("=")[0]
    name = written_name.replace("xml:", f"{{{XML}}}").replace("v:", "{urn:v}")
    element = etree.fromstring(written).find(f".//{{*}}{local}")
    assert element is not None
    assert element.get(name) is not None, written
    assert parse(written) == envelope


def test_the_validator_knows_the_header_blocks_the_envelope_reader_binds() -> None:
    # (the validator names what the binder would refuse in them without importing the models)
    from dsm_messages.envelope import _HEADER_EPR
    from dsm_messages.validator.table import _BOUND_HEADERS

    assert {
        name: f"{model.__module__.rpartition('.')[2]}.{model.__name__}"
        for name, (_, model) in _HEADER_EPR.items()
    } == _BOUND_HEADERS


@pytest.mark.parametrize("header", ["ReplyTo", "FaultTo", "From"])
@pytest.mark.parametrize("profile", ["strict", "lenient"])
def test_an_attribute_on_a_leaf_in_an_endpoint_reference_is_refused_by_name(
    header: str, profile: Literal["strict", "lenient"]
) -> None:
    # an endpoint reference's extension is read as the global element it is: a dsp:JobToken
    # in it is a plain value there as in the body, and an attribute on it cannot be kept
    data = sample_message("dsp:CreatePostScanJobRequest")
    extension = (
        f"<wsa:{header}><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/"
        'anonymous</wsa:Address><dsp:EndPostScanJobRequest><dsp:JobToken xml:space="preserve">'
        "7d9c3b1e-5a2f-4c8d-9e61-0b3f4a2d8c57</dsp:JobToken></dsp:EndPostScanJobRequest>"
        f"</wsa:{header}>"
    ).encode()
    if header == "ReplyTo":  # (the request has one already)
        data = re.sub(rb"<wsa:ReplyTo>.*?</wsa:ReplyTo>", b"", data, flags=re.S)
    data = data.replace(b"</soap:Header>", extension + b"</soap:Header>", 1)
    assert data.count(f"<wsa:{header}>".encode()) == 1
    with pytest.raises(BindingError, match="DSM-LEAF-ATTRIBUTE"):
        parse(data)
    report = validate(data, profile=profile)
    assert "DSM-LEAF-ATTRIBUTE" in report.codes(), report.problems
    assert not report.valid
    with pytest.raises(ValidationError, match="DSM-LEAF-ATTRIBUTE"):
        parse(data, validate=True, profile=profile)
    # without the attribute, the same header is read and written back whole
    kept = data.replace(b' xml:space="preserve"', b"")
    assert validate(kept, profile=profile).valid, validate(kept, profile=profile).problems
    envelope = parse(kept, validate=True, profile=profile)
    assert parse(envelope.to_bytes()) == envelope


# -- an empty list that was there ---------------------------------------------------------

RESOLVE_MATCHES = (ROOT / "examples" / "wsd-05-resolve-matches.xml").read_bytes()
PROBE = (ROOT / "examples" / "wsd-02-probe.xml").read_bytes()


def emptied(data: bytes, local: str) -> bytes:
    written, count = re.subn(
        f"<wsd:{local}>[^<]*</wsd:{local}>".encode(),
        f"<wsd:{local}></wsd:{local}>".encode(),
        data,
        count=1,
    )
    assert count == 1
    return written


def test_a_required_empty_list_is_written_back() -> None:
    data = emptied(RESOLVE_MATCHES, "XAddrs")
    assert validate(data).valid
    written = parse(data, validate=True).to_bytes()
    assert validate(written).valid
    assert b"XAddrs" in written


def test_a_required_list_is_written_empty_when_given_as_empty_list() -> None:
    body = parse(RESOLVE_MATCHES).body
    assert isinstance(body, wsd.ResolveMatches)
    assert body.resolve_match is not None
    body.resolve_match.xaddrs = EmptyList()
    assert b"XAddrs" in to_xml(body)
    body.resolve_match.xaddrs = []  # a list nobody gave: written as nothing
    assert b"XAddrs" not in to_xml(body)


def test_an_optional_empty_list_that_was_there_is_written_back() -> None:
    data = emptied(PROBE, "Types")
    assert validate(data).valid
    envelope = parse(data, validate=True)
    assert isinstance(envelope.body, wsd.Probe)
    assert envelope.body.types == []
    assert b"<wsd:Types/>" in envelope.to_bytes()
    absent = wsd.Probe()
    assert b"Types" not in to_xml(absent)


def test_a_hosted_service_with_no_types_is_written_with_its_empty_types() -> None:
    metadata = parse((ROOT / "examples" / "wsd-07-get-metadata-response.xml").read_bytes())
    assert isinstance(metadata.body, wsx.Metadata)
    relationship = metadata.body.metadata_section[2].other_element
    assert isinstance(relationship, wsdp.Relationship)
    relationship.hosted[0].types = EmptyList()
    written = etree.fromstring(metadata.to_bytes())
    first = written.find(f".//{{{wsdp.__NAMESPACE__}}}Hosted")
    assert first is not None
    assert first.find(f"{{{wsdp.__NAMESPACE__}}}Types") is not None


# -- a vendor element between repeats ------------------------------------------------------


def test_a_vendor_element_between_repeats_is_named_not_moved() -> None:
    data = create_request()
    end = b"</spf:SaveToSharePointSiteURL>"
    at = data.index(end) + len(end)
    vendor = b'<v:Note xmlns:v="urn:v">x</v:Note>'
    data = data[:at] + vendor + data[at:]
    report = validate(data)
    assert not report.valid
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert "SaveToSharePointSiteURL" in problem.message
    assert problem.location is not None
    assert problem.location.endswith("spf:SaveToSharePointSiteURL[2]")
    with pytest.raises(RemoteProtocolError):
        Endpoint("scan_server").receive(data)


def test_vendor_elements_after_the_repeats_are_valid() -> None:
    data = create_request()
    end = b"</spf:SaveToSharePointSites>"
    vendor = b'<v:Note xmlns:v="urn:v">x</v:Note><v:Note xmlns:v="urn:v">y</v:Note>'
    data = data.replace(end, vendor + end)
    assert validate(data).valid


# -- typed values in the spelling they were read in ----------------------------------------


def send_image(document_id: str, image: str) -> bytes:
    request = replace(send_image_body("264a19bf", 1), image_data=b"%PDF-1.7 ...")
    data = serialize(request, to=SERVICE)
    data = data.replace(b"<dsp:DocumentId>1<", f"<dsp:DocumentId>{document_id}<".encode())
    return re.sub(rb"<dsp:ImageData>[^<]*<", f"<dsp:ImageData>{image}<".encode(), data)


@pytest.mark.parametrize("document_id", ["+1", "0001", "+0001"])
def test_an_integer_is_written_back_in_its_spelling(document_id: str) -> None:
    data = send_image(document_id, "JVBERi0xLjcgLi4u")
    assert validate(data).valid
    envelope = parse(data, validate=True)
    assert isinstance(envelope.body, dsp.SendImageRequest)
    assert envelope.body.document_description.document_id == 1
    assert f">{document_id}<".encode() in envelope.to_bytes()


@pytest.mark.parametrize("number", ["1_000", "\u0661", "1.0", "0x1"])
def test_an_integer_python_reads_but_the_schema_does_not_is_refused(number: str) -> None:
    data = send_image(number, "JVBERi0xLjcgLi4u")
    assert not validate(data).valid
    with pytest.raises(BindingError, match="dsp:DocumentId"):
        parse(data)


def test_base64_over_lines_is_written_back_as_read() -> None:
    wrapped = "JVBE\n Ri0x\r\nLjcg\tLi4u"
    data = send_image("1", wrapped)
    assert validate(data).valid
    envelope = parse(data, validate=True)
    assert isinstance(envelope.body, dsp.SendImageRequest)
    assert envelope.body.image_data == b"%PDF-1.7 ..."
    written = re.search(rb"<dsp:ImageData>([^<]*)<", envelope.to_bytes())
    assert written is not None
    assert written.group(1).replace(b"&#13;", b"") == wrapped.replace("\r", "").encode()


def test_a_boolean_is_written_in_its_canonical_spelling() -> None:
    data = create_request().replace(b"<psp:ContinueOnError>true<", b"<psp:ContinueOnError>1<")
    assert validate(data).valid
    written = parse(data, validate=True).to_bytes()
    assert b"<psp:ContinueOnError>true<" in written  # a bool keeps no spelling of its own


@pytest.mark.parametrize("generic", [False, True])
def test_a_prefixed_name_in_vendor_content_keeps_its_namespace(generic: bool) -> None:
    vendor = b'<v:State xmlns:v="urn:v" xmlns:p="urn:p">p:Ready</v:State>'
    data = create_request().replace(b"</fsf:FileShares>", b"</fsf:FileShares>" + vendor)
    if generic:  # a comment in a value: the message is read by xsdata's generic binder
        data = data.replace(b"<fsf:ShareUNC>", b"<!--c--><fsf:ShareUNC>", 1)
    assert validate(data).valid
    envelope = parse(data, validate=True)
    written = etree.fromstring(envelope.to_bytes())
    state = written.find(".//{urn:v}State")
    assert state is not None
    assert state.text is not None
    prefix, _, local = state.text.partition(":")
    assert (state.nsmap.get(prefix), local) == ("urn:p", "Ready")
    assert parse(envelope.to_bytes()) == envelope


def test_a_header_block_keeps_its_own_prefixes_when_written_back() -> None:
    wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing"
    block = f'<v:Note xmlns:v="urn:vendor" xmlns:i="{wsa}" i:flag="1"/>'.encode()
    data = create_request().replace(b"</soap:Header>", block + b"</soap:Header>")
    envelope = parse(data)
    assert envelope.extra_headers == (block,)
    for pretty in (False, True):
        again = parse(envelope.to_bytes(pretty=pretty))
        assert again.extra_headers == (block,)
        assert again == envelope


@pytest.mark.parametrize("separator", [" ", "\n", "\t ", " \r\n"])
@pytest.mark.parametrize("generic", [False, True])
def test_prefixed_names_listed_in_vendor_content_keep_their_namespaces(
    generic: bool, separator: str
) -> None:
    # (a list's items are apart by any XML whitespace; written back one space apart, each
    # still naming its namespace, a prefix the writer declares otherwise (wsdp) included)
    vendor = (
        '<v:Kinds xmlns:v="urn:v" xmlns:p="urn:p" xmlns:wsdp="urn:q">'
        f"p:a{separator}wsdp:b</v:Kinds>"
    ).encode()
    data = create_request().replace(b"</fsf:FileShares>", b"</fsf:FileShares>" + vendor)
    if generic:
        data = data.replace(b"<fsf:ShareUNC>", b"<!--c--><fsf:ShareUNC>", 1)
    envelope = parse(data, validate=True)
    kinds = etree.fromstring(envelope.to_bytes()).find(".//{urn:v}Kinds")
    assert kinds is not None
    assert kinds.text is not None
    names = [token.partition(":") for token in kinds.text.split(" ")]
    assert [(kinds.nsmap.get(prefix), local) for prefix, _, local in names] == [
        ("urn:p", "a"),
        ("urn:q", "b"),
    ]
    assert parse(envelope.to_bytes()) == envelope


def test_a_declared_element_of_another_namespace_after_the_wildcard_point_is_named() -> None:
    """A second wsa:EndpointReference after a hosted service's ServiceId: the schema's
    ``##other`` wildcard after ServiceId takes it as vendor content (valid), but the model
    keeps every EndpointReference first, so it would come back moved: named, not moved."""
    data = (ROOT / "examples" / "wsd-07-get-metadata-response.xml").read_bytes()
    tree = etree.fromstring(data)
    hosted = tree.find(f".//{{{wsdp.__NAMESPACE__}}}Hosted")
    assert hosted is not None
    address = hosted[0]
    assert etree.QName(address).localname == "EndpointReference"
    service_id = hosted.find(f"{{{wsdp.__NAMESPACE__}}}ServiceId")
    assert service_id is not None
    service_id.addnext(copy.deepcopy(address))  # before any vendor element
    last = len(hosted.findall(str(address.tag)))
    moved = etree.tostring(tree)
    report = validate(moved)
    assert [p.rule for p in report.problems] == ["DSM-XSD"]
    location = report.problems[0].location
    assert location is not None
    assert location.endswith(f"wsdp:Hosted[1]/wsa:EndpointReference[{last}]")
    with pytest.raises(ValidationError):
        parse(moved, validate=True)
    extra = service_id.getnext()
    assert extra is not None
    hosted.remove(extra)
    hosted.insert(1, extra)  # in its place, as many as it likes: valid, written back whole
    in_place = etree.tostring(tree)
    assert validate(in_place).valid
    assert parse(parse(in_place, validate=True).to_bytes()) == parse(in_place)


def test_a_vendor_element_before_declared_siblings_is_named_at_each_one_it_precedes() -> None:
    """A vendor element between a relationship's Host and its Hosted services: libxml2 lets it
    through, but the model writes it after them; each Hosted it precedes is named."""
    data = (ROOT / "examples" / "wsd-07-get-metadata-response.xml").read_bytes()
    tree = etree.fromstring(data)
    host = tree.find(f".//{{{wsdp.__NAMESPACE__}}}Host")
    assert host is not None
    host.addnext(etree.Element("{urn:v}Note"))
    report = validate(etree.tostring(tree))
    parent = host.getparent()
    assert parent is not None
    hosted = len(parent.findall(f"{{{wsdp.__NAMESPACE__}}}Hosted"))
    assert [p.rule for p in report.problems] == ["DSM-XSD"] * hosted
    assert all("wsdp:Hosted is not expected after" in p.message for p in report.problems)


# -- vendor values that name something, however they are written --------------------------


def with_vendor_value(value: str, declarations: str = "") -> bytes:
    data = create_request()
    end = b"</spf:SaveToSharePointSites>"
    vendor = f'<v:Reason xmlns:v="urn:v"{declarations}>{value}</v:Reason>'.encode()
    return data.replace(end, vendor + end)


def vendor_value(envelope: object) -> object:
    body = getattr(envelope, "body", None)
    assert isinstance(body, dsp.CreatePostScanJobRequest)
    found = [
        item.text
        for item in _walk(body)
        if isinstance(item, AnyElement) and item.qname == "{urn:v}Reason"
    ]
    assert len(found) == 1
    return found[0]


def _walk(obj: object) -> list[object]:
    out = [obj]
    if isinstance(obj, list):
        return [x for item in obj for x in _walk(item)]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for field in dataclasses.fields(obj):
            out += _walk(getattr(obj, field.name))
    return out


@pytest.mark.parametrize(
    ("value", "declarations", "expected"),
    [
        # a conventional prefix left undeclared: written back, the writer declares it
        ("wscn:ScannerServiceType", "", f"{{{wscn.__NAMESPACE__}}}ScannerServiceType"),
        # a comment inside the value does not cut it short
        ("p<!--c-->:Ready", ' xmlns:p="urn:p"', "{urn:p}Ready"),
    ],
)
def test_a_vendor_value_naming_something_reads_back_the_same(
    value: str, declarations: str, expected: str
) -> None:
    data = with_vendor_value(value, declarations)
    assert validate(data).valid
    envelope = parse(data, validate=True)
    assert vendor_value(envelope) == QName(expected)
    assert parse(envelope.to_bytes()) == envelope


def test_a_nil_element_holding_a_value_is_refused_not_rewritten() -> None:
    subscribe = serialize(SAMPLES["wse:Subscribe"], to=SERVICE)
    tree = etree.fromstring(subscribe)
    address = tree.find(f".//{{{wsa.__NAMESPACE__}}}Address")
    assert address is not None
    address.set(f"{{{XSI}}}nil", "true")
    nil_with_value = etree.tostring(tree)
    assert not validate(nil_with_value).valid
    with pytest.raises(BindingError, match="xsi:nil"):
        parse(nil_with_value)
    # the body element itself
    body = tree.find(f".//{{{SOAP}}}Body")
    assert body is not None
    address.attrib.pop(f"{{{XSI}}}nil")
    body[0].set(f"{{{XSI}}}nil", "true")
    with pytest.raises(BindingError, match="xsi:nil"):
        parse(etree.tostring(tree))


def test_a_date_no_python_value_holds_is_named_in_header_content_too() -> None:
    """A reference parameter holding a WS-Scan job status (a global element, so typed where
    it stands) with a year before 0001: named DSM-TIME-RANGE, as in the body."""
    data = create_request()
    status = (
        f'<wscn:JobCompletedTime xmlns:wscn="{wscn.__NAMESPACE__}">-0001-01-01T00:00:00Z'
        "</wscn:JobCompletedTime>"
    ).encode()
    data = data.replace(b"</soap:Header>", status + b"</soap:Header>", 1)
    report = validate(data)
    assert [p.rule for p in report.problems] == ["DSM-TIME-RANGE"]
    with pytest.raises(ValidationError):
        parse(data, validate=True)


def test_a_second_endpoint_reference_read_unvalidated_keeps_its_values() -> None:
    """Unvalidated, a second wse:NotifyTo is typed by the wildcard that takes it: a prefixed
    name in its address is read and written back as it was, never as the binder's marks."""
    subscribe = serialize(SAMPLES["wse:Subscribe"], to=SERVICE)
    tree = etree.fromstring(subscribe)
    notify_to = tree.find(f".//{{{wse.__NAMESPACE__}}}NotifyTo")
    assert notify_to is not None
    second = copy.deepcopy(notify_to)
    address = second.find(f"{{{wsa.__NAMESPACE__}}}Address")
    assert address is not None
    address.text = "soap:Sender"
    notify_to.addnext(second)
    data = etree.tostring(tree)
    written = parse(data).to_bytes()
    assert b"soap:Sender" in written
    assert "\ue000" not in written.decode()


def test_text_in_an_element_of_elements_only_is_refused_even_with_no_child() -> None:
    """Unvalidated, a wscn:JobStateReasons holding text and no reason is refused, as one
    holding text beside its reasons is: never read with the text dropped."""
    event = serialize(SAMPLES["dsd:JobStatusEvent"], to=SERVICE)
    tree = etree.fromstring(event)
    reasons = tree.find(f".//{{{wscn.__NAMESPACE__}}}JobStateReasons")
    assert reasons is not None
    for child in list(reasons):
        reasons.remove(child)
    reasons.text = "stray"
    data = etree.tostring(tree)
    assert not validate(data).valid
    with pytest.raises(BindingError, match="stray"):
        parse(data)
