"""The schemas reject what the protocol forbids (and accept the vendor extensions it allows)."""

from __future__ import annotations

import pytest
from lxml import etree

from dsm_messages import load_schema

DSP = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"
WSCN = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"
DSD = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"
FILESHARE = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/fileshare"


def status_event(
    *,
    token: str = "264a19bf-5f7d-4c3a-b8e6-1d0f2a9c7b54",
    state: str = "Processing",
    reason: str | None = None,
    body: str | None = None,
) -> bytes:
    reasons = (
        f"<dsp:JobStateReasons><dsp:JobStateReason>{reason}</dsp:JobStateReason></dsp:JobStateReasons>"
        if reason
        else ""
    )
    inner = (
        body
        if body is not None
        else (
            f"<dsp:JobToken>{token}</dsp:JobToken><dsp:JobState>{state}</dsp:JobState>{reasons}"
            f"<dsp:FilterStatuses><dsp:FilterStatus><dsp:Dialect>{FILESHARE}</dsp:Dialect>"
            "<dsp:FilterState>Processing</dsp:FilterState></dsp:FilterStatus></dsp:FilterStatuses>"
            "<dsp:ImagesReceived>1</dsp:ImagesReceived>"
        )
    )
    return (
        f'<dsp:PostScanJobStatusEvent xmlns:dsp="{DSP}"><dsp:JobStatus>{inner}'
        "</dsp:JobStatus></dsp:PostScanJobStatusEvent>"
    ).encode()


def errors(document: bytes) -> list[str]:
    schema = load_schema()
    schema.validate(etree.fromstring(document))
    return [entry.message for entry in schema.error_log]


def test_a_well_formed_status_event_is_valid() -> None:
    assert errors(status_event()) == []


def test_missing_required_child_is_rejected() -> None:
    body = (
        "<dsp:JobToken>t</dsp:JobToken><dsp:JobState>Processing</dsp:JobState>"
        "<dsp:ImagesReceived>1</dsp:ImagesReceived>"
    )
    problems = errors(status_event(body=body))
    assert any("ImagesReceived" in p and "FilterStatuses" in p for p in problems), problems


def test_wrong_child_order_is_rejected() -> None:
    body = (
        "<dsp:JobState>Processing</dsp:JobState><dsp:JobToken>t</dsp:JobToken>"
        f"<dsp:FilterStatuses><dsp:FilterStatus><dsp:Dialect>{FILESHARE}</dsp:Dialect>"
        "<dsp:FilterState>Pending</dsp:FilterState></dsp:FilterStatus></dsp:FilterStatuses>"
        "<dsp:ImagesReceived>1</dsp:ImagesReceived>"
    )
    problems = errors(status_event(body=body))
    assert any("JobState" in p and "not expected" in p for p in problems), problems


def test_value_outside_a_closed_set_is_rejected() -> None:
    # wscn:Severity is a closed set (Informational, Warning, Critical) with no vendor extension
    event = (
        f'<dsd:ScannerStatusConditionEvent xmlns:dsd="{DSD}" xmlns:wscn="{WSCN}">'
        '<dsd:DeviceCondition Id="7"><wscn:Time>2026-03-02T09:21:04Z</wscn:Time>'
        "<wscn:Name>LampError</wscn:Name><wscn:Component>Platen</wscn:Component>"
        "<wscn:Severity>Catastrophic</wscn:Severity></dsd:DeviceCondition>"
        "</dsd:ScannerStatusConditionEvent>"
    ).encode()
    problems = errors(event)
    assert any("Catastrophic" in p for p in problems), problems
    assert errors(event.replace(b"Catastrophic", b"Critical")) == []


def test_job_token_of_256_characters_is_rejected() -> None:
    assert errors(status_event(token="a" * 255)) == []
    problems = errors(status_event(token="a" * 256))
    assert any("length" in p.lower() for p in problems), problems


@pytest.mark.parametrize("value", ["vnd:Throttled", "acme:Warming-Up.2"])
def test_vendor_keyword_is_accepted_where_the_set_is_extensible(value: str) -> None:
    assert errors(status_event(state=value)) == []
    assert errors(status_event(reason=value)) == []


@pytest.mark.parametrize("value", ["Throttled", "vnd:", ":Throttled", "vnd:Throt tled"])
def test_value_that_is_neither_well_known_nor_a_vendor_keyword_is_rejected(value: str) -> None:
    assert errors(status_event(state=value)) != []


@pytest.mark.parametrize(
    ("well_known", "alias"),
    [
        ("SendImageFailed", "SendImangeFailed"),
    ],
)
def test_recorded_alternative_spellings_validate(well_known: str, alias: str) -> None:
    assert errors(status_event(reason=well_known)) == []
    assert errors(status_event(reason=alias)) == []


def test_pending_held_and_held_both_validate() -> None:
    assert errors(status_event(state="Pending-Held")) == []
    assert errors(status_event(state="Held")) == []


def test_vendor_extension_elements_and_attributes_pass_lax_wildcards() -> None:
    body = (
        "<dsp:JobToken vnd:origin='panel' xmlns:vnd='urn:vendor'>t</dsp:JobToken>"
        "<dsp:JobState>Processing</dsp:JobState>"
        f"<dsp:FilterStatuses><dsp:FilterStatus><dsp:Dialect>{FILESHARE}</dsp:Dialect>"
        "<dsp:FilterState>Pending</dsp:FilterState></dsp:FilterStatus></dsp:FilterStatuses>"
        "<dsp:ImagesReceived>1</dsp:ImagesReceived>"
        "<vnd:Tray xmlns:vnd='urn:vendor'><vnd:Name>Tray 2</vnd:Name></vnd:Tray>"
    )
    assert errors(status_event(body=body)) == []


def test_element_of_the_own_namespace_is_not_a_vendor_extension() -> None:
    body = (
        "<dsp:JobToken>t</dsp:JobToken><dsp:JobState>Processing</dsp:JobState>"
        f"<dsp:FilterStatuses><dsp:FilterStatus><dsp:Dialect>{FILESHARE}</dsp:Dialect>"
        "<dsp:FilterState>Pending</dsp:FilterState></dsp:FilterStatus></dsp:FilterStatuses>"
        "<dsp:ImagesReceived>1</dsp:ImagesReceived><dsp:Tray>2</dsp:Tray>"
    )
    assert errors(status_event(body=body)) != []


def test_document_id_must_be_positive() -> None:
    def send_image(document_id: str) -> bytes:
        return (
            f'<dsp:SendImageRequest xmlns:dsp="{DSP}"><dsp:JobToken>t</dsp:JobToken>'
            f"<dsp:DocumentDescription><dsp:DocumentId>{document_id}</dsp:DocumentId>"
            "<dsp:Format>png</dsp:Format></dsp:DocumentDescription>"
            "<dsp:ImageData>AAEC</dsp:ImageData></dsp:SendImageRequest>"
        ).encode()

    assert errors(send_image("1")) == []
    assert errors(send_image("0")) != []
