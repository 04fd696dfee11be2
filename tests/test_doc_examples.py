"""Microsoft's own example messages against our schemas.

Each well-formed example's SOAP Body content validates, or fails for exactly the defect its
INDEX row documents (and for nothing else: once that defect is repaired, it validates).
The malformed ones are rejected by the hardened parser at the documented place.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from dsm_messages import XmlSyntaxError, from_xml, load_schema, parse_xml
from dsm_messages import namespaces as ns
from dsm_messages.safexml import clark_name

SOAP_TYPO = "http://www.w3.org/2003/05/soapelope"
DSP_STALE = "http://schemas.microsoft.com/windows/2008/02/wdp/repository/processing"
SOAP_HTTPS = "https://www.w3.org/2003/05/soap-envelope"
WSCN_PRERELEASE = "https://schemas.microsoft.com/windows/2006/01/wdp/scan"

# Files whose body content is valid as published.
VALID_BODIES = {
    "dsd-jobstatusevent.xml": f"{{{ns.DSD}}}JobStatusEvent",
    "dsd-scannerelementschangeevent.xml": f"{{{ns.DSD}}}ScannerElementsChangeEvent",
    "dsd-scannerstatusconditionclearedevent.xml": (
        f"{{{ns.DSD}}}ScannerStatusConditionClearedEvent"
    ),
    "dsp-cancelpostscanjobrequest.xml": f"{{{ns.DSP}}}CancelPostScanJobRequest",
    "dsp-cancelpostscanjobresponse.xml": f"{{{ns.DSP}}}CancelPostScanJobResponse",
    "dsp-createpostscanjobrequest.xml": f"{{{ns.DSP}}}CreatePostScanJobRequest",
    "dsp-createpostscanjobresponse.xml": f"{{{ns.DSP}}}CreatePostScanJobResponse",
    "dsp-endpostscanjobrequest.xml": f"{{{ns.DSP}}}EndPostScanJobRequest",
    "dsp-endpostscanjobresponse.xml": f"{{{ns.DSP}}}EndPostScanJobResponse",
    "dsp-getpostscanjobelementsrequest.xml": f"{{{ns.DSP}}}GetPostScanJobElementsRequest",
    "dsp-getpostscanjobelementsresponse.xml": f"{{{ns.DSP}}}GetPostScanJobElementsResponse",
    "dsp-sendimageresponse.xml": f"{{{ns.DSP}}}SendImageResponse",
}

# Not well-formed: (file, line the parser stops at). INDEX-dsd.md / INDEX-dsp.md list the cause.
MALFORMED = {
    "dsd-scannerstatusconditionevent.xml": 25,  # ends with "</soap:Envelope" (no ">")
    "dsd-scannerstatussummaryevent.xml": 25,  # same
    "dsp-fault-structure.xml": 1,  # prefixes S: and wsa: never declared
    "wscn-scannerstatusconditionevent.xml": 26,  # body ends with "</soap:Body" (no ">")
    "wscn-validatescanticketrequest.xml": 21,  # </JobOriginatingUserName> closes a wscn: tag
    "wscn-validatescanticketresponse.xml": 35,  # same
}

WSCN_OPERATION_EXAMPLES = [
    "wscn-getactivejobsrequest.xml",
    "wscn-getactivejobsresponse.xml",
    "wscn-getjobelementsrequest.xml",
    "wscn-getjobelementsresponse.xml",
    "wscn-getjobhistoryrequest.xml",
    "wscn-getjobhistoryresponse.xml",
    "wscn-getscannerelementsrequest.xml",
    "wscn-getscannerelementsresponse.xml",
    "wscn-getscannerelementsresponse-scannerstatus.xml",
]


def body_elements(root: etree._Element, soap_namespace: str = ns.SOAP) -> list[etree._Element]:
    body = root.find(f"{{{soap_namespace}}}Body")
    assert body is not None, "no SOAP Body"
    return [child for child in body if isinstance(child.tag, str)]


def schema_errors(element: etree._Element) -> list[str]:
    # validate the body element as a document of its own, with every in-scope namespace
    document = etree.fromstring(etree.tostring(element))
    schema = load_schema()
    schema.validate(document)
    return [f"{entry.line}: {entry.message}" for entry in schema.error_log]


def test_every_example_file_is_covered(doc_examples: Path) -> None:
    listed = (
        set(VALID_BODIES)
        | set(MALFORMED)
        | set(WSCN_OPERATION_EXAMPLES)
        | {"dsd-jobendstateevent.xml", "dsp-fault-example.xml"}
    )
    assert {p.name for p in doc_examples.glob("*.xml")} == listed


@pytest.mark.parametrize("name", sorted(VALID_BODIES))
def test_body_validates_and_binds(doc_examples: Path, name: str) -> None:
    root = parse_xml((doc_examples / name).read_bytes())
    (body,) = body_elements(root)
    assert clark_name(body) == VALID_BODIES[name]
    assert schema_errors(body) == []
    model = from_xml(body)
    assert type(model).__name__ == clark_name(body).rpartition("}")[2]


@pytest.mark.parametrize(("name", "line"), sorted(MALFORMED.items()))
def test_malformed_example_is_rejected_at_the_documented_line(
    doc_examples: Path, name: str, line: int
) -> None:
    with pytest.raises(XmlSyntaxError) as caught:
        parse_xml((doc_examples / name).read_bytes())
    assert caught.value.line == line


def test_job_end_state_event_fails_only_on_the_padded_completion_time(doc_examples: Path) -> None:
    # INDEX-dsd.md: "whitespace inside wsa:Action and JobCompletedTime". XML Schema collapses
    # whitespace in xs:dateTime, but libxml2 does not, so the padded value is rejected; the
    # lenient profile trims it.
    root = parse_xml((doc_examples / "dsd-jobendstateevent.xml").read_bytes())
    (body,) = body_elements(root)
    problems = schema_errors(body)
    assert len(problems) == 1
    assert "JobCompletedTime" in problems[0]
    assert "2006-01-24T11:37:05.673Z" in problems[0]
    completed = body.find(f".//{{{ns.WSCN}}}JobCompletedTime")
    assert completed is not None
    assert completed.text is not None
    assert completed.text != completed.text.strip()
    completed.text = completed.text.strip()
    assert schema_errors(body) == []


def test_fault_example_fails_only_on_its_namespaces(doc_examples: Path) -> None:
    # INDEX-dsp.md errata 1 and 2: SOAP namespace typo ".../soapelope" and dsp bound to the
    # stale ".../2008/02/wdp/repository/processing".
    root = parse_xml((doc_examples / "dsp-fault-example.xml").read_bytes())
    assert root.tag == f"{{{SOAP_TYPO}}}Envelope"
    assert root.nsmap["dsp"] == DSP_STALE
    (fault,) = body_elements(root, SOAP_TYPO)
    problems = schema_errors(fault)
    assert any("No matching global declaration" in p for p in problems), problems
    repaired = etree.tostring(fault).replace(SOAP_TYPO.encode(), ns.SOAP.encode())
    repaired = repaired.replace(DSP_STALE.encode(), ns.DSP.encode())
    repaired_fault = etree.fromstring(repaired)
    assert schema_errors(repaired_fault) == []
    subcode = repaired_fault.findtext(f"{{{ns.SOAP}}}Code/{{{ns.SOAP}}}Subcode/{{{ns.SOAP}}}Value")
    assert subcode == "dsp:OperationFailed"


@pytest.mark.parametrize("name", WSCN_OPERATION_EXAMPLES)
def test_ws_scan_examples_use_the_pre_release_namespaces(doc_examples: Path, name: str) -> None:
    # INDEX-dsd.md: every wscn-* file writes namespaces with https:// and uses the pre-release
    # .../2006/01/wdp/scan namespace, so its body is not a WS-DSD body and no schema of ours
    # declares it.
    root = parse_xml((doc_examples / name).read_bytes())
    assert root.tag == f"{{{SOAP_HTTPS}}}Envelope"
    (body,) = body_elements(root, SOAP_HTTPS)
    assert clark_name(body).startswith(f"{{{WSCN_PRERELEASE}}}")
    problems = schema_errors(body)
    assert any("No matching global declaration" in p for p in problems), problems
