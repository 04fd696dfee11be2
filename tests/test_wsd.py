"""Finding a WS-Scan device: WS-Discovery (April 2005) messages, the WS-Transfer Get of the
device's DPWS metadata, and the walk from a Probe to the scan service's address."""

from __future__ import annotations

from xml.etree.ElementTree import QName

import pytest

from dsm_messages import (
    ANONYMOUS,
    MESSAGE_TYPES,
    Endpoint,
    LocalProtocolError,
    RemoteProtocolError,
    check_sequence,
    parse,
    reply,
    serialize,
    validate,
)
from dsm_messages import namespaces as ns
from dsm_messages.discovery import (
    DISCOVERY_TO,
    GET_ACTION,
    SCAN_DEVICE_TYPE,
    SCANNER_SERVICE_TYPE,
    app_sequence,
    app_sequence_header,
    hosted_services,
    service_addresses,
)
from dsm_messages.messages import EMPTY_BODY_ACTIONS, MessageType, all_by_action, by_action
from dsm_messages.models import wsa, wsd, wsdp, wsx
from dsm_messages.rules import PROFILES, Profile
from dsm_messages.testing.samples import SAMPLES, SCANNER_SERVICE, SCANNER_SERVICE_V6

PROBE_ID = "urn:uuid:3f2a9c81-6e4b-4d17-b0a5-9c1e7f3d2b64"
ANSWER_ID = "urn:uuid:a81c5e37-2d9f-4b60-8e14-7f3b0c6a9d25"
DEVICE_ID = "urn:uuid:6b1e2f4a-93c7-4d58-a0e2-5c8f17b3d946"
PRINT = "http://schemas.microsoft.com/windows/2006/08/wdp/print"
SEQUENCE = app_sequence_header(instance_id=1764662400, message_number=12)

DISCOVERY = [entry for entry in MESSAGE_TYPES if entry.protocol == "wsd"]
SEQUENCED = {"Hello", "Bye", "ProbeMatches", "ResolveMatches"}


def local(entry: MessageType) -> str:
    return entry.qname.rpartition("}")[2]


def conforming(entry: MessageType) -> bytes:
    """The sample body of ``entry`` in the envelope WS-Discovery wants for it."""
    body = SAMPLES[ns.prefixed(entry.qname)]
    headers = [SEQUENCE] if local(entry) in SEQUENCED else []
    if entry.kind == "response":
        return serialize(
            body, to=ANONYMOUS, message_id=ANSWER_ID, relates_to=PROBE_ID, headers=headers
        )
    return serialize(body, to=DISCOVERY_TO, message_id=PROBE_ID, headers=headers)


def test_the_discovery_and_metadata_messages_are_registered_with_their_actions() -> None:
    actions = {local(entry): entry.action for entry in DISCOVERY}
    base = "http://schemas.xmlsoap.org/ws/2005/04/discovery"
    assert actions == {name: f"{base}/{name}" for name in SEQUENCED | {"Probe", "Resolve"}}
    kinds = {(entry.operation, entry.kind) for entry in DISCOVERY}
    assert kinds == {
        ("Hello", "event"),
        ("Bye", "event"),
        ("Probe", "request"),
        ("Probe", "response"),
        ("Resolve", "request"),
        ("Resolve", "response"),
    }
    get_response = by_action("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse")
    assert get_response is not None
    assert (get_response.protocol, get_response.operation, get_response.kind) == (
        "transfer",
        "Get",
        "response",
    )
    assert get_response.model is wsx.Metadata
    # the Get names what it wants by its wsa:To alone: an empty body, announced by its action
    assert EMPTY_BODY_ACTIONS[GET_ACTION] == ("transfer", "Get", "request")
    assert all_by_action(GET_ACTION) == ()


@pytest.mark.parametrize("entry", DISCOVERY, ids=local)
@pytest.mark.parametrize("profile", PROFILES)
def test_each_discovery_message_is_valid_and_round_trips(
    entry: MessageType, profile: Profile
) -> None:
    data = conforming(entry)
    report = validate(data, profile=profile)
    assert report.problems == (), report.problems
    assert report.valid
    envelope = parse(data, validate=True, profile=profile)
    assert envelope.body == SAMPLES[ns.prefixed(entry.qname)]
    assert envelope.message_type == entry
    assert parse(envelope.to_bytes()) == envelope


def test_probe_and_resolve_carry_no_reply_to_yet_validate_strictly() -> None:
    # WS-Discovery answers a Probe where it came from (the sender's UDP address), so neither
    # the builder adds a ReplyTo nor the strict profile asks for one, as it does of WS-Scan
    probe = serialize(wsd.Probe(types=[SCAN_DEVICE_TYPE]), to=DISCOVERY_TO)
    assert b"ReplyTo" not in probe
    assert validate(probe).problems == ()
    create = serialize(
        SAMPLES["wscn:CreateScanJobRequest"], to="http://10.0.4.51:5358/WSDScanner", reply_to=None
    )
    assert [p.code for p in validate(create).problems] == ["DSM-REPLY-TO-MISSING"]


@pytest.mark.parametrize("name", ["Hello", "Bye", "Probe", "Resolve"])
def test_a_multicast_message_not_sent_to_the_discovery_address_is_named(name: str) -> None:
    body = SAMPLES[f"wsd:{name}"]
    headers = [SEQUENCE] if name in SEQUENCED else []
    data = serialize(body, to="http://10.0.4.51:5357/", headers=headers)
    strict, lenient = (validate(data, profile=profile) for profile in PROFILES)
    assert [(p.code, p.severity, p.location) for p in strict.problems] == [
        ("DSM-DISCOVERY-TO", "error", "/soap:Envelope/soap:Header/wsa:To")
    ]
    assert DISCOVERY_TO in strict.problems[0].message
    assert lenient.valid
    assert [(p.code, p.severity) for p in lenient.problems] == [("DSM-DISCOVERY-TO", "warning")]


@pytest.mark.parametrize("name", sorted(SEQUENCED))
def test_a_device_message_without_app_sequence_is_named(name: str) -> None:
    response = name.endswith("Matches")
    data = serialize(
        SAMPLES[f"wsd:{name}"],
        to=ANONYMOUS if response else DISCOVERY_TO,
        relates_to=PROBE_ID if response else None,
    )
    strict, lenient = (validate(data, profile=profile) for profile in PROFILES)
    assert [(p.code, p.location) for p in strict.problems] == [
        ("DSM-APP-SEQUENCE-MISSING", "/soap:Envelope/soap:Header")
    ]
    assert f"wsd:{name} has no wsd:AppSequence" in strict.problems[0].message
    assert lenient.valid
    assert [p.code for p in lenient.problems] == ["DSM-APP-SEQUENCE-MISSING"]


def test_app_sequence_is_read_back_and_its_required_attributes_are_checked() -> None:
    data = serialize(SAMPLES["wsd:Hello"], to=DISCOVERY_TO, headers=[SEQUENCE])
    sequence = app_sequence(parse(data))
    assert sequence is not None
    assert (sequence.instance_id, sequence.message_number, sequence.sequence_id) == (
        1764662400,
        12,
        None,
    )
    assert app_sequence(parse(serialize(wsd.Probe(), to=DISCOVERY_TO))) is None
    broken = data.replace(b' MessageNumber="12"', b"")
    for profile in PROFILES:
        problems = validate(broken, profile=profile).problems
        assert [(p.code, p.severity) for p in problems] == [("DSM-XSD", "error")]
        assert "MessageNumber" in problems[0].message
        assert problems[0].location == "/soap:Envelope/soap:Header/wsd:AppSequence"


@pytest.mark.parametrize(
    ("change", "names"),
    [
        # ProbeMatch and Hello need a MetadataVersion (WS-Discovery April 2005 sections 4.1, 5.3)
        ((b"<wsd:MetadataVersion>3</wsd:MetadataVersion>", b""), "MetadataVersion"),
        # a Types list holds qualified names whose prefixes are declared
        ((b"wsdp:Device", b"nowhere:Device"), "QName"),
        # MetadataVersion is an unsigned integer
        ((b"<wsd:MetadataVersion>3<", b"<wsd:MetadataVersion>-3<"), "unsignedInt"),
    ],
)
def test_a_broken_probe_match_is_rejected_in_both_profiles(
    change: tuple[bytes, bytes], names: str
) -> None:
    entry = by_action(f"{ns.WSD}/ProbeMatches")
    assert entry is not None
    data = conforming(entry).replace(*change, 1)
    assert data != conforming(entry)
    for profile in PROFILES:
        report = validate(data, profile=profile)
        assert not report.valid
        assert {p.code for p in report.problems} == {"DSM-XSD"}, report.problems
        assert any(names in p.message for p in report.problems)


def test_a_resolve_match_without_xaddrs_is_rejected() -> None:
    # April 2005 requires the transport addresses in a ResolveMatch (1.1 relaxed it)
    entry = by_action(f"{ns.WSD}/ResolveMatches")
    assert entry is not None
    data = conforming(entry)
    start = data.index(b"<wsd:XAddrs>")
    end = data.index(b"</wsd:XAddrs>") + len(b"</wsd:XAddrs>")
    report = validate(data[:start] + data[end:], profile="lenient")
    assert [p.code for p in report.problems] == ["DSM-XSD"]
    assert "XAddrs" in report.problems[0].message


def test_the_metadata_binds_to_typed_sections_and_finds_the_scan_service() -> None:
    metadata = SAMPLES["wsx:Metadata"]
    assert isinstance(metadata, wsx.Metadata)
    model, device, relationship = (s.other_element for s in metadata.metadata_section)
    assert isinstance(model, wsdp.ThisModel)
    assert [(name.value, name.lang) for name in model.manufacturer][1] == (
        "Contoso Bildverarbeitung",
        "de",
    )
    assert isinstance(device, wsdp.ThisDevice)
    assert device.serial_number == "CNB7K42190"
    assert isinstance(relationship, wsdp.Relationship)
    scanners = hosted_services(metadata, SCANNER_SERVICE_TYPE)
    assert [service.service_id for service in scanners] == [
        "urn:uuid:6b1e2f4a-93c7-4d58-a0e2-5c8f17b3d946/scan"
    ]
    assert len(hosted_services(metadata)) == 2
    assert service_addresses(metadata) == [SCANNER_SERVICE, SCANNER_SERVICE_V6]
    printing = QName(PRINT, "PrinterServiceType")
    assert service_addresses(metadata, printing) == ["http://10.0.4.51:5358/WSDPrinter"]
    assert service_addresses(metadata, f"{{{ns.WSCN}}}ScanDeviceType") == []


def test_a_hosted_service_without_types_is_rejected() -> None:
    data = serialize(
        SAMPLES["wsx:Metadata"], to=ANONYMOUS, relates_to=PROBE_ID, message_id=ANSWER_ID
    )
    broken = data.replace(b"<wsdp:Types>wscn:ScannerServiceType</wsdp:Types>", b"", 1)
    assert broken != data
    for profile in PROFILES:
        problems = validate(broken, profile=profile).problems
        assert [p.code for p in problems] == ["DSM-XSD"]
        assert "wsdp:ServiceId" in problems[0].message
        assert "wsdp:Types" in problems[0].message


def test_from_probe_to_the_scan_service_address_with_library_calls_only() -> None:
    """A client probes for scanners, reads the device's address from its ProbeMatches, gets
    its metadata and finds where to send CreateScanJob: each side an Endpoint, every message
    checked in the strict profile on the way out and on the way in."""
    client, device = Endpoint("control_point"), Endpoint("device")
    # 1. the client multicasts a Probe for scan devices
    probe = client.request(wsd.Probe(types=[SCAN_DEVICE_TYPE]), to=DISCOVERY_TO)
    heard = device.receive(probe)
    looked_for = heard.body_as(wsd.Probe).types
    assert SCAN_DEVICE_TYPE in looked_for
    # 2. the device answers with its identity and where to fetch its metadata
    match = wsd.ProbeMatchType(
        endpoint_reference=wsa.EndpointReference(address=wsa.AttributedURI(value=DEVICE_ID)),
        types=[QName(ns.WSDP, "Device"), SCAN_DEVICE_TYPE],
        xaddrs=["http://10.0.4.51:5357/6b1e2f4a/"],
        metadata_version=3,
    )
    matches = wsd.ProbeMatches(probe_match=[match])
    with pytest.raises(LocalProtocolError) as refused:  # a device's answer carries its sequence
        device.reply(heard, matches)
    assert refused.value.rule == "DSM-APP-SEQUENCE-MISSING"
    answer = device.reply(heard, matches, headers=[SEQUENCE])
    assert parse(answer).to == ANONYMOUS
    found = client.receive(answer).body_as(wsd.ProbeMatches).probe_match
    assert [m.endpoint_reference.address.value for m in found] == [DEVICE_ID]
    # 3. the client asks the first transport address for the metadata of that device
    get = client.request(None, to=DEVICE_ID, action=GET_ACTION)
    asked = device.receive(get)
    assert asked.body is None
    assert asked.to == DEVICE_ID
    assert asked.message_type is None
    # 4. the device answers with its metadata; the client finds the scan service in it
    metadata = client.receive(device.reply(asked, SAMPLES["wsx:Metadata"]))
    addresses = service_addresses(metadata.body_as(wsx.Metadata))
    assert addresses == [SCANNER_SERVICE, SCANNER_SERVICE_V6]
    assert client.session.finish() == []
    assert device.session.finish() == []


def test_the_https_namespaces_of_the_wsdapi_samples_are_named_and_refused() -> None:
    # Microsoft's WSDAPI pages print the discovery namespace as https://...; no device does
    data = serialize(SAMPLES["wsd:Probe"], to=DISCOVERY_TO).replace(
        ns.WSD.encode(), b"https" + ns.WSD[4:].encode()
    )
    for profile in PROFILES:
        report = validate(data, profile=profile)
        assert not report.valid
        # the namespace declaration and the action, each named once; nothing else
        assert [(p.code, p.location) for p in report.problems] == [
            ("DSM-STALE-NAMESPACE", "/soap:Envelope"),
            ("DSM-STALE-NAMESPACE", "/soap:Envelope/soap:Header/wsa:Action"),
        ]
        assert all(f"misprinted form of {ns.WSD}" in p.message for p in report.problems)


def test_a_probe_is_answered_by_every_matching_device_or_by_none() -> None:
    client, first, second = Endpoint("control_point"), Endpoint("device"), Endpoint("device")
    probe = client.request(wsd.Probe(types=[SCAN_DEVICE_TYPE]), to=DISCOVERY_TO)
    answers = [
        device.reply(device.receive(probe), SAMPLES["wsd:ProbeMatches"], headers=[SEQUENCE])
        for device in (first, second)
    ]
    heard = [client.receive(answer) for answer in answers]
    assert {envelope.relates_to for envelope in heard} == {parse(probe).message_id}
    # nobody owes an answer to a multicast probe: none is pending at the end
    silent = Endpoint("control_point")
    silent.request(wsd.Probe(types=[SCAN_DEVICE_TYPE]), to=DISCOVERY_TO)
    assert silent.session.finish() == []
    # a unicast request still gets exactly one answer
    get = client.request(None, to=DEVICE_ID, action=GET_ACTION)
    asked = first.receive(get)
    metadata = first.reply(asked, SAMPLES["wsx:Metadata"])
    client.receive(metadata)
    with pytest.raises(RemoteProtocolError) as twice:  # built without the device's session
        client.receive(reply(asked, SAMPLES["wsx:Metadata"]))
    assert twice.value.rule == "WSA-PAIRING"


def test_a_monitor_replays_discovery_and_the_metadata_get_without_a_violation() -> None:
    probe = parse(serialize(wsd.Probe(types=[SCAN_DEVICE_TYPE]), to=DISCOVERY_TO))
    matches = [
        parse(reply(probe, SAMPLES["wsd:ProbeMatches"])),
        parse(reply(probe, SAMPLES["wsd:ProbeMatches"])),
    ]
    get = parse(serialize(None, to=DEVICE_ID, action=GET_ACTION))
    metadata = parse(reply(get, SAMPLES["wsx:Metadata"]))
    report = check_sequence([probe, *matches, get, metadata])
    assert (report.ok, report.messages, report.warnings) == (True, 5, ())
    # the metadata answered twice is the one violation
    again = parse(reply(get, SAMPLES["wsx:Metadata"]))
    twice = check_sequence([probe, *matches, get, metadata, again])
    assert [(v.rule, v.index) for v in twice.violations] == [("WSA-PAIRING", 5)]
