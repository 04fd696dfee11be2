"""Messages real devices sent, written by others (tests/real-traffic/NOTE.md names each one's
source and license): read as we judged right."""

from __future__ import annotations

from pathlib import Path

from dsm_messages import parse, validate
from dsm_messages.models import wscn

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
