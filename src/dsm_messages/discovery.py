"""Finding a WS-Scan device, as messages: WS-Discovery, then the device's DPWS metadata.

A scan client multicasts a ``wsd:Probe`` for ``wscn:ScanDeviceType``; each matching device
answers with ``wsd:ProbeMatches`` naming its identity and transport addresses (XAddrs). A
WS-Transfer Get (empty body, :data:`GET_ACTION`) to one of those addresses returns the device's
metadata, a ``wsx:Metadata`` whose Relationship section lists the services it hosts; the scan
service is the one whose Types include ``wscn:ScannerServiceType``, and its endpoint references
are where CreateScanJob and the WS-Scan subscriptions go. No network code here: the bytes travel
however the caller likes (UDP multicast on port 3702 for discovery, HTTP for the Get).

>>> from xml.etree.ElementTree import QName
>>> from dsm_messages import parse, serialize
>>> from dsm_messages.models import wsa, wsd
>>> probe = serialize(wsd.Probe(types=[SCAN_DEVICE_TYPE]), to=DISCOVERY_TO)
>>> device = wsa.EndpointReference(address=wsa.AttributedURI(value="urn:uuid:6b1e2f4a-1"))
>>> answer = serialize(
...     wsd.ProbeMatches(probe_match=[wsd.ProbeMatchType(
...         endpoint_reference=device, types=[SCAN_DEVICE_TYPE],
...         xaddrs=["http://10.0.4.51:5357/6b1e2f4a/"], metadata_version=1)]),
...     to="http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous",
...     relates_to=parse(probe).message_id,
...     headers=[app_sequence_header(instance_id=1764662400, message_number=1)])
>>> matches = parse(answer)
>>> matches.body.probe_match[0].xaddrs
['http://10.0.4.51:5357/6b1e2f4a/']
>>> app_sequence(matches).message_number
1
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import QName

from . import namespaces as ns
from .binding import from_xml, to_xml
from .envelope import Envelope
from .messages import DISCOVERY_TO
from .models import wsd, wsdp, wsx
from .safexml import clark_name, parse_xml

__all__ = [
    "DISCOVERY_TO",
    "GET_ACTION",
    "HOST_RELATIONSHIP",
    "SCANNER_SERVICE_TYPE",
    "SCAN_DEVICE_TYPE",
    "app_sequence",
    "app_sequence_header",
    "hosted_services",
    "service_addresses",
]

#: The WS-Transfer Get that asks a DPWS device for its metadata (its body is empty).
GET_ACTION = f"{ns.WXF}/Get"
#: The type a WS-Scan device lists in Hello and ProbeMatches, and a scan client probes for.
SCAN_DEVICE_TYPE = QName(ns.WSCN, "ScanDeviceType")
#: The port type of a hosted WS-Scan service, in the device's Relationship metadata.
SCANNER_SERVICE_TYPE = QName(ns.WSCN, "ScannerServiceType")
#: The Relationship Type of a device and the services it hosts (DPWS 1.0 section 5.2).
HOST_RELATIONSHIP = f"{ns.WSDP}/host"
_RELATIONSHIP_DIALECT = f"{ns.WSDP}/Relationship"
_APP_SEQUENCE = f"{{{ns.WSD}}}AppSequence"


def app_sequence_header(
    *, instance_id: int, message_number: int, sequence_id: str | None = None
) -> bytes:
    """The ``wsd:AppSequence`` header block, to pass in ``headers=`` of Hello, Bye,
    ProbeMatches and ResolveMatches.

    :param instance_id: the device's instance number, raised each time it restarts.
    :param message_number: this message's number within the instance, raised for each message.
    :param sequence_id: which sequence of the instance the number counts in, when it keeps
        several.
    :returns: the header block's XML.
    """
    return to_xml(
        wsd.AppSequence(
            instance_id=instance_id, message_number=message_number, sequence_id=sequence_id
        )
    )


def app_sequence(envelope: Envelope) -> wsd.AppSequence | None:
    """The ``wsd:AppSequence`` header of a parsed envelope, or ``None`` when it has none.

    :param envelope: a WS-Discovery message, as parsed.
    :returns: its ``wsd:AppSequence``, or ``None``.
    """
    for block in envelope.extra_headers:
        root = parse_xml(block)
        if clark_name(root) == _APP_SEQUENCE:
            return from_xml(root, wsd.AppSequence)
    return None


def _relationships(metadata: wsx.MetadataType) -> Iterator[wsdp.RelationshipType]:
    for section in metadata.metadata_section:
        content = section.other_element
        if section.dialect.strip() == _RELATIONSHIP_DIALECT and isinstance(
            content, wsdp.RelationshipType
        ):
            yield content


def hosted_services(
    metadata: wsx.MetadataType, service_type: QName | str | None = None
) -> list[wsdp.HostedServiceType]:
    """The services a device's metadata says it hosts (in the host Relationship sections), in
    document order; with ``service_type`` (a ``QName`` or ``{namespace}Local`` text), only those
    whose Types include it.

    :param metadata: the device's metadata (the body answering a WS-Transfer Get).
    :param service_type: the service type wanted; every hosted service unless given.
    :returns: the hosted services, in document order.

    >>> from dsm_messages.models import wsa
    >>> scanner = wsdp.Hosted(
    ...     endpoint_reference=[wsa.EndpointReference(
    ...         address=wsa.AttributedURI(value="http://10.0.4.51:5358/WSDScanner"))],
    ...     types=[SCANNER_SERVICE_TYPE], service_id="urn:uuid:6b1e2f4a-1/scan")
    >>> metadata = wsx.Metadata(metadata_section=[wsx.MetadataSectionType(
    ...     dialect=f"{ns.WSDP}/Relationship",
    ...     other_element=wsdp.Relationship(type_value=HOST_RELATIONSHIP, hosted=[scanner]))])
    >>> [service.service_id for service in hosted_services(metadata, SCANNER_SERVICE_TYPE)]
    ['urn:uuid:6b1e2f4a-1/scan']
    """
    wanted = None if service_type is None else _clark(service_type)
    return [
        service
        for relationship in _relationships(metadata)
        if relationship.type_value.strip() == HOST_RELATIONSHIP
        for service in relationship.hosted
        if wanted is None or wanted in {_clark(name) for name in service.types}
    ]


def _clark(name: QName | str) -> str:
    return name.text if isinstance(name, QName) else name


def service_addresses(
    metadata: wsx.MetadataType, service_type: QName | str = SCANNER_SERVICE_TYPE
) -> list[str]:
    """Every address of every hosted service of ``service_type`` (by default the WS-Scan
    service), in document order: where its requests and subscriptions go.

    :param metadata: the device's metadata (the body answering a WS-Transfer Get).
    :param service_type: the service type, a ``QName`` or ``{namespace}Local`` text.
    :returns: the addresses, in document order.
    """
    return [
        reference.address.value.strip()
        for service in hosted_services(metadata, service_type)
        for reference in service.endpoint_reference
    ]
