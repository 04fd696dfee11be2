"""SOAP 1.2's own parts of a fault, as its schema has them: the two header blocks SOAP 1.2
defines (``soap:NotUnderstood`` for a MustUnderstand fault, ``soap:Upgrade`` for a
VersionMismatch fault) are valid header blocks, and ``soap:Detail`` holds elements only: text
written directly in it, as Microsoft's fault pages show it, is an error in strict and a warning
in lenient (DSM-FAULT-DETAIL-TEXT), read and written back as it came."""

from __future__ import annotations

from pathlib import Path

import pytest

from dsm_messages import ANONYMOUS, Fault, check_sequence, parse, serialize, validate
from dsm_messages.faults import DSP_INVALID_ARGS, MUST_UNDERSTAND, VERSION_MISMATCH
from dsm_messages.models import dsp, soap
from dsm_messages.namespaces import SOAP, WSA
from dsm_messages.ordering.following import mandatory
from dsm_messages.rules import Profile
from dsm_messages.transcripts import read_recorded

SOAP_ENVELOPE = f"{{{SOAP}}}Envelope"
RELATES_TO = "urn:uuid:0b6f1d5e-6a43-4b8e-9f3c-2f7d1c9a4e01"


def fault_with_headers(fault: Fault, *blocks: bytes) -> bytes:
    return serialize(fault.to_model(), to=ANONYMOUS, relates_to=RELATES_TO, headers=blocks)


NOT_UNDERSTOOD = (
    f'<soap:NotUnderstood xmlns:soap="{SOAP}" xmlns:acme="urn:example:acme" '
    'qname="acme:Transaction"/>'
).encode()
UPGRADE = (
    f'<soap:Upgrade xmlns:soap="{SOAP}">'
    f'<soap:SupportedEnvelope qname="soap:Envelope"/>'
    "</soap:Upgrade>"
).encode()


@pytest.mark.parametrize("profile", ["strict", "lenient"])
@pytest.mark.parametrize(
    ("fault", "block"), [(MUST_UNDERSTAND, NOT_UNDERSTOOD), (VERSION_MISMATCH, UPGRADE)]
)
def test_soap_12_header_blocks_of_its_faults_are_valid(
    fault: Fault, block: bytes, profile: Profile
) -> None:
    data = fault_with_headers(fault, block)
    report = validate(data, profile=profile)
    assert report.valid, report.problems
    assert report.problems == ()
    envelope = parse(data, validate=True)
    assert Fault.from_model(envelope.body_as(soap.Fault)) == fault
    assert len(envelope.extra_headers) == 1
    assert parse(envelope.to_bytes()).extra_headers == envelope.extra_headers


@pytest.mark.parametrize(
    ("block", "missing"),
    [
        (NOT_UNDERSTOOD.replace(b' qname="acme:Transaction"', b""), "qname"),
        (UPGRADE.replace(b'<soap:SupportedEnvelope qname="soap:Envelope"/>', b""), "Supported"),
    ],
)
def test_the_soap_header_blocks_are_checked_against_their_declarations(
    block: bytes, missing: str
) -> None:
    # a block in the SOAP namespace is no longer merely allowed: SOAP 1.2 declares these two
    report = validate(fault_with_headers(MUST_UNDERSTAND, block))
    assert not report.valid
    assert {problem.rule for problem in report.errors} == {"DSM-XSD"}
    assert missing in report.errors[0].message


def test_an_undeclared_block_in_the_soap_namespace_passes_as_in_soap_12s_schema() -> None:
    stray = f'<soap:Stray xmlns:soap="{SOAP}"/>'.encode()
    report = validate(fault_with_headers(MUST_UNDERSTAND, stray))
    # lax: an undeclared name in the SOAP namespace passes the schema, as in SOAP 1.2's own
    assert report.valid, report.problems


DETAIL_AS_TEXT = (
    f'<soap:Envelope xmlns:soap="{SOAP}" xmlns:wsa="{WSA}" '
    'xmlns:dsp="http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing">'
    "<soap:Header>"
    f"<wsa:To>{ANONYMOUS}</wsa:To>"
    "<wsa:Action>http://schemas.xmlsoap.org/ws/2004/08/addressing/fault</wsa:Action>"
    "<wsa:MessageID>urn:uuid:6d5c4b3a-2918-4f7e-8d6c-5b4a39281706</wsa:MessageID>"
    f"<wsa:RelatesTo>{RELATES_TO}</wsa:RelatesTo>"
    "</soap:Header><soap:Body><soap:Fault>"
    "<soap:Code><soap:Value>soap:Sender</soap:Value>"
    "<soap:Subcode><soap:Value>dsp:InvalidArgs</soap:Value></soap:Subcode></soap:Code>"
    '<soap:Reason><soap:Text xml:lang="en">At least one input argument is invalid.</soap:Text>'
    "</soap:Reason><soap:Detail>PSP_Identifier</soap:Detail>"
    "</soap:Fault></soap:Body></soap:Envelope>"
).encode()


def test_text_in_detail_is_an_error_in_strict_and_a_warning_in_lenient() -> None:
    strict = validate(DETAIL_AS_TEXT)
    assert [(p.rule, p.severity) for p in strict.problems] == [("DSM-FAULT-DETAIL-TEXT", "error")]
    assert "PSP_Identifier" in strict.problems[0].message
    assert strict.problems[0].location == "/soap:Envelope/soap:Body/soap:Fault/soap:Detail"
    lenient = validate(DETAIL_AS_TEXT, profile="lenient")
    assert lenient.valid
    assert [(p.rule, p.severity) for p in lenient.problems] == [
        ("DSM-FAULT-DETAIL-TEXT", "warning")
    ]


def test_text_in_detail_read_leniently_is_kept_and_written_back_as_it_came() -> None:
    envelope = parse(DETAIL_AS_TEXT, validate=True, profile="lenient")
    fault = Fault.from_model(envelope.body_as(soap.Fault))
    assert fault.detail == "PSP_Identifier"
    assert b"<soap:Detail>PSP_Identifier</soap:Detail>" in envelope.to_bytes()


def test_text_between_detail_entries_is_text_in_detail_too() -> None:
    mixed = DETAIL_AS_TEXT.replace(
        b"PSP_Identifier", b"<dsp:InvalidArgs>PSP_Identifier</dsp:InvalidArgs> and more"
    )
    assert [p.rule for p in validate(mixed).problems] == ["DSM-FAULT-DETAIL-TEXT"]


def test_the_library_writes_a_detail_as_an_entry_which_strict_accepts() -> None:
    fault = DSP_INVALID_ARGS.with_detail("PSP_Identifier").to_model()
    data = serialize(fault, to=ANONYMOUS, relates_to=RELATES_TO)
    assert b"<dsp:InvalidArgs>PSP_Identifier</dsp:InvalidArgs>" in data
    assert validate(data).valid
    assert Fault.from_model(parse(data).body_as(soap.Fault)).detail == "PSP_Identifier"


def test_the_shipped_example_fault_is_strict_valid() -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "fault-01-invalid-args.xml"
    report = validate(example.read_bytes())
    assert report.valid
    assert report.problems == ()
    shipped = parse(example.read_bytes()).body_as(soap.Fault)
    assert Fault.from_model(shipped).detail == "PSP_Identifier"


def test_microsofts_fault_layout_writes_its_detail_as_text(doc_examples: Path) -> None:
    # the WS-DSP error-reporting page's schematic fault (INDEX-dsp.md: its prefixes are never
    # declared); with them declared and its placeholders filled, its [Detail] is bare text
    layout = (doc_examples / "dsp-fault-structure.xml").read_text()
    assert "<S:Detail>[Detail]</S:Detail>" in layout
    filled = (
        layout.replace(
            "<S:Envelope>",
            f'<S:Envelope xmlns:S="{SOAP}" xmlns:wsa="{WSA}" '
            'xmlns:dsp="http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/'
            'processing">',
        )
        .replace("[Code]", "S:Sender")
        .replace("[Subcode]", "dsp:InvalidArgs")
        .replace("[Reason]", "At least one input argument is invalid.")
        .replace("[Detail]", "PSP_Identifier")
    ).encode()
    strict_rules = {p.rule for p in validate(filled).errors}
    assert "DSM-FAULT-DETAIL-TEXT" in strict_rules
    lenient = validate(filled, profile="lenient")
    assert "DSM-FAULT-DETAIL-TEXT" in {p.rule for p in lenient.warnings}
    assert "DSM-FAULT-DETAIL-TEXT" not in {p.rule for p in lenient.errors}


def test_a_must_understand_fault_answers_its_request_in_a_conversation() -> None:
    # a request with a mandatory header block the server does not understand is answered
    # with soap:MustUnderstand and a soap:NotUnderstood header naming the block: a valid
    # fault, the request's answer (no longer a message that fails validation, the request
    # left unanswered)
    transaction = (
        b'<acme:Transaction xmlns:acme="urn:example:acme" '
        b'xmlns:soap="http://www.w3.org/2003/05/soap-envelope" soap:mustUnderstand="true">'
        b"7</acme:Transaction>"
    )
    request = parse(
        serialize(
            dsp.EndPostScanJobRequest(job_token="264a19bf"),
            to="https://scansrv01.example/ScanServer",
            reply_to=ANONYMOUS,
            headers=[transaction],
        )
    )
    assert request.message_id is not None
    fault = serialize(
        MUST_UNDERSTAND.to_model(),
        to=ANONYMOUS,
        relates_to=request.message_id,
        headers=[NOT_UNDERSTOOD],
    )
    assert validate(fault).valid
    report = check_sequence([read_recorded(request.to_bytes()), read_recorded(fault)])
    # the request names a JobToken no create minted (DSP-1), but a receiver understands its
    # mandatory headers before anything else: the MustUnderstand fault is a right answer to it
    assert [p.rule for p in report.violations] == ["DSP-1"]
    assert report.warnings == ()  # answered: not DSP-17-UNANSWERED
    plain = parse(request.to_bytes().replace(b' soap:mustUnderstand="true"', b""))
    assert not mandatory(plain)
    report = check_sequence([plain, parse(fault)])
    assert [p.rule for p in report.violations] == ["DSP-1", "DSM-FAULT-MISMATCH"]


def test_text_beside_detail_entries_is_read_leniently_as_the_entries_alone() -> None:
    mixed = DETAIL_AS_TEXT.replace(
        b"PSP_Identifier", b"<dsp:InvalidArgs>PSP_Identifier</dsp:InvalidArgs> and more"
    )
    lenient = validate(mixed, profile="lenient")
    assert lenient.valid
    assert [p.rule for p in lenient.warnings] == ["DSM-FAULT-DETAIL-TEXT"]
    envelope = parse(mixed, validate=True, profile="lenient")
    assert Fault.from_model(envelope.body_as(soap.Fault)).detail == "PSP_Identifier"
