"""Messages real devices sent, written by others (tests/real-traffic/NOTE.md names each one's
source and license): read as we judged right."""

from __future__ import annotations

from pathlib import Path

from dsm_messages import namespaces as ns
from dsm_messages import parse, validate
from dsm_messages.discovery import (
    SCANNER_SERVICE_TYPE,
    app_sequence,
    hosted_services,
    service_addresses,
)
from dsm_messages.models import wscn, wsd, wsdp, wsx

TRAFFIC = Path(__file__).resolve().parent / "real-traffic"
KYOCERA = TRAFFIC / "kyocera-ecosys-m2040dn-getscannerelementsresponse.xml"


def test_every_capture_has_its_source_and_license_noted() -> None:
    note = (TRAFFIC / "NOTE.md").read_text(encoding="utf-8")
    for capture in TRAFFIC.glob("*.xml"):
        section = note.split(f"## {capture.name}", 1)
        assert len(section) == 2, capture.name
        assert "Source:" in section[1], capture.name
        assert "License:" in section[1], capture.name


def test_the_kyocera_scanner_elements_are_valid_in_both_profiles() -> None:
    data = KYOCERA.read_bytes()
    for profile in ("strict", "lenient"):
        report = validate(data, profile=profile)
        assert report.valid, (profile, report.problems)
        assert report.message == "wscn:GetScannerElementsResponse"


def test_the_kyocera_scanner_elements_bind_to_typed_values_and_round_trip() -> None:
    envelope = parse(KYOCERA.read_bytes(), validate=True)
    body = envelope.body_as(wscn.GetScannerElementsResponse)
    data = body.scanner_elements.element_data
    assert [(str(item.name), item.valid) for item in data] == [
        (f"{{{wscn.__NAMESPACE__}}}{name}", True)
        for name in ("ScannerDescription", "ScannerConfiguration", "DefaultScanTicket")
    ]
    description = data[0].scanner_description
    assert description is not None
    assert [name.value for name in description.scanner_name] == ["ECOSYS M2040dn"]
    assert data[1].scanner_configuration is not None
    assert data[2].default_scan_ticket is not None
    assert parse(envelope.to_bytes()) == envelope


# -- finding the device: WS-Discovery and its DPWS metadata -----------------------------------

PROBE_MATCHES = TRAFFIC / "kyocera-ecosys-m2040dn-probematches.xml"
METADATA = TRAFFIC / "kyocera-ecosys-m2040dn-getresponse-metadata.xml"
PRINT = "http://schemas.microsoft.com/windows/2006/08/wdp/print"


def test_the_kyocera_probe_matches_are_valid_in_both_profiles_and_bind() -> None:
    data = PROBE_MATCHES.read_bytes()
    for profile in ("strict", "lenient"):
        report = validate(data, profile=profile)
        assert report.problems == (), (profile, report.problems)
        assert report.valid
        assert report.message == "wsd:ProbeMatches"
    envelope = parse(data, validate=True)
    (match,) = envelope.body_as(wsd.ProbeMatches).probe_match
    assert match.endpoint_reference.address.value == "uuid:4509a320-00a0-008f-00b6-002507510eca"
    assert [str(name) for name in match.types] == [
        f"{{{ns.WSDP}}}Device",
        f"{{{ns.WSCN}}}ScanDeviceType",
        f"{{{PRINT}}}PrintDeviceType",
    ]
    assert match.xaddrs == [
        "http://192.168.1.102:5358/DeviceService/",
        "http://[fe80::217:c8ff:fe7b:6a91]:5358/DeviceService/",
    ]
    assert match.metadata_version == 1
    sequence = app_sequence(envelope)
    assert sequence is not None
    assert (sequence.instance_id, sequence.message_number, sequence.sequence_id) == (
        1727722437,
        525,
        None,
    )
    # written again, with our prefixes: the same message (the header block keeps its content)
    again = parse(envelope.to_bytes(), validate=True)
    assert again.body == envelope.body
    assert app_sequence(again) == sequence


def test_the_kyocera_metadata_lacks_wsa_to_which_only_the_lenient_profile_tolerates() -> None:
    data = METADATA.read_bytes()
    strict = validate(data)
    assert [(p.code, p.severity, p.location) for p in strict.problems] == [
        ("DSM-HEADER-MISSING", "error", "/soap:Envelope")
    ]
    assert "wsa:To" in strict.problems[0].message
    lenient = validate(data, profile="lenient")
    assert lenient.valid
    assert [(p.code, p.severity) for p in lenient.problems] == [("DSM-HEADER-MISSING", "warning")]


def test_the_kyocera_metadata_binds_to_typed_sections_and_names_its_scan_service() -> None:
    envelope = parse(METADATA.read_bytes(), validate=True, profile="lenient")
    metadata = envelope.body_as(wsx.Metadata)
    this_device, this_model, relationship = (s.other_element for s in metadata.metadata_section)
    assert isinstance(this_device, wsdp.ThisDevice)
    assert [name.value for name in this_device.friendly_name] == [
        "Kyocera:ECOSYS M2040dn:KM7B6A91"
    ]
    assert this_device.serial_number == "VCF9192281"
    assert isinstance(this_model, wsdp.ThisModel)
    assert this_model.model_number == "ECOSYS M2040dn"
    assert this_model.presentation_url == "http://192.168.1.102"
    assert isinstance(relationship, wsdp.Relationship)
    assert relationship.host is None
    assert len(relationship.hosted) == 24
    assert service_addresses(metadata) == [
        "http://192.168.1.102:5358/WSDScanner",
        "http://[fe80::217:c8ff:fe7b:6a91]:5358/WSDScanner",
    ]
    (scanner,) = hosted_services(metadata, SCANNER_SERVICE_TYPE)
    assert scanner.service_id == "uri:4509a320-00a0-008f-00b6-002507510eca/WSDScanner"
    # written again, then read again: the same objects
    assert parse(envelope.to_bytes()) == envelope
