"""WS-Discovery and the DPWS metadata a scan client reads to find the scan service."""

from xml.etree.ElementTree import QName

from xsdata.formats.dataclass.models.generics import AnyElement

from dsm_messages.models import (
    wsa,
    wsd,
    wsdp,
    wsx,
)

from .common import WSCN_NS

__all__ = [
    "DEVICE_ID",
    "DEVICE_TYPES",
    "DEVICE_XADDR",
    "MATCH_BY_PREFIX",
    "PNPX_NS",
    "PRINTER_SERVICE",
    "PRINT_NS",
    "SAMPLES",
    "SCANNER_SERVICE",
    "SCANNER_SERVICE_V6",
    "SCOPE",
    "WSDP_NS",
    "device_reference",
    "metadata_section",
    "scopes",
]

# --------------------------------------------------------------------------------------------
# WS-Discovery and the DPWS metadata a scan client reads to find the scan service
# --------------------------------------------------------------------------------------------

WSDP_NS = "http://schemas.xmlsoap.org/ws/2006/02/devprof"
PRINT_NS = "http://schemas.microsoft.com/windows/2006/08/wdp/print"
PNPX_NS = "http://schemas.microsoft.com/windows/pnpx/2005/10"
DEVICE_ID = "urn:uuid:6b1e2f4a-93c7-4d58-a0e2-5c8f17b3d946"
DEVICE_XADDR = "http://10.0.4.51:5357/6b1e2f4a-93c7-4d58-a0e2-5c8f17b3d946/"
SCANNER_SERVICE = "http://10.0.4.51:5358/WSDScanner"
SCANNER_SERVICE_V6 = "http://[fe80::2a0:c9ff:fe14:2b3a]:5358/WSDScanner"
PRINTER_SERVICE = "http://10.0.4.51:5358/WSDPrinter"
DEVICE_TYPES = [QName(WSDP_NS, "Device"), QName(WSCN_NS, "ScanDeviceType")]
SCOPE = "ldap:///ou=floor3,ou=finance,o=contoso"
MATCH_BY_PREFIX = "http://schemas.xmlsoap.org/ws/2005/04/discovery/rfc2396"


def device_reference() -> wsa.EndpointReference:
    return wsa.EndpointReference(address=wsa.AttributedURI(value=DEVICE_ID))


def scopes() -> wsd.ScopesType:
    return wsd.ScopesType(value=[SCOPE], match_by=MATCH_BY_PREFIX)


def metadata_section(dialect: str, content: object) -> wsx.MetadataSectionType:
    return wsx.MetadataSectionType(other_element=content, dialect=f"{WSDP_NS}/{dialect}")


_DISCOVERY: dict[str, object] = {
    "wsd:Hello": wsd.Hello(
        endpoint_reference=device_reference(),
        types=DEVICE_TYPES,
        scopes=scopes(),
        xaddrs=[DEVICE_XADDR],
        metadata_version=3,
    ),
    "wsd:Bye": wsd.Bye(endpoint_reference=device_reference()),
    "wsd:Probe": wsd.Probe(types=[QName(WSCN_NS, "ScanDeviceType")], scopes=scopes()),
    "wsd:ProbeMatches": wsd.ProbeMatches(
        probe_match=[
            wsd.ProbeMatchType(
                endpoint_reference=device_reference(),
                types=DEVICE_TYPES,
                scopes=scopes(),
                xaddrs=[DEVICE_XADDR, "http://[fe80::2a0:c9ff:fe14:2b3a]:5357/6b1e2f4a/"],
                metadata_version=3,
            ),
            wsd.ProbeMatchType(
                endpoint_reference=wsa.EndpointReference(
                    address=wsa.AttributedURI(
                        value="urn:uuid:0c9d4e7b-2a61-4f38-b5d0-e3a71c82f965"
                    )
                ),
                types=[QName(WSDP_NS, "Device"), QName(PRINT_NS, "PrintDeviceType")],
                xaddrs=["http://10.0.4.52:5357/0c9d4e7b/"],
                metadata_version=1,
            ),
        ],
    ),
    "wsd:Resolve": wsd.Resolve(endpoint_reference=device_reference()),
    "wsd:ResolveMatches": wsd.ResolveMatches(
        resolve_match=wsd.ResolveMatchType(
            endpoint_reference=device_reference(),
            types=DEVICE_TYPES,
            xaddrs=[DEVICE_XADDR],
            metadata_version=3,
        ),
    ),
    "wsx:Metadata": wsx.Metadata(
        metadata_section=[
            metadata_section(
                "ThisModel",
                wsdp.ThisModel(
                    manufacturer=[
                        wsdp.LocalizedStringType(value="Contoso Imaging", lang="en"),
                        wsdp.LocalizedStringType(value="Contoso Bildverarbeitung", lang="de"),
                    ],
                    manufacturer_url="https://imaging.contoso.example/",
                    model_name=[wsdp.LocalizedStringType(value="ScanStation 4200")],
                    model_number="SS-4200",
                    model_url="https://imaging.contoso.example/ss4200",
                    presentation_url="http://10.0.4.51/",
                    other_element=[
                        AnyElement(qname=f"{{{PNPX_NS}}}DeviceCategory", text="Scanners"),
                    ],
                ),
            ),
            metadata_section(
                "ThisDevice",
                wsdp.ThisDevice(
                    friendly_name=[wsdp.LocalizedStringType(value="Finance scanner, floor 3")],
                    firmware_version="4.2.17",
                    serial_number="CNB7K42190",
                ),
            ),
            metadata_section(
                "Relationship",
                wsdp.Relationship(
                    type_value=f"{WSDP_NS}/host",
                    host=wsdp.Host(
                        endpoint_reference=device_reference(),
                        types=DEVICE_TYPES,
                        service_id=DEVICE_ID,
                    ),
                    hosted=[
                        wsdp.Hosted(
                            endpoint_reference=[
                                wsa.EndpointReference(
                                    address=wsa.AttributedURI(value=SCANNER_SERVICE)
                                ),
                                wsa.EndpointReference(
                                    address=wsa.AttributedURI(value=SCANNER_SERVICE_V6)
                                ),
                            ],
                            types=[QName(WSCN_NS, "ScannerServiceType")],
                            service_id="urn:uuid:6b1e2f4a-93c7-4d58-a0e2-5c8f17b3d946/scan",
                            other_element=[
                                AnyElement(
                                    qname=f"{{{PNPX_NS}}}CompatibleId",
                                    text=f"{WSCN_NS}/ScannerServiceType",
                                ),
                            ],
                        ),
                        wsdp.Hosted(
                            endpoint_reference=[
                                wsa.EndpointReference(
                                    address=wsa.AttributedURI(value=PRINTER_SERVICE)
                                ),
                            ],
                            types=[QName(PRINT_NS, "PrinterServiceType")],
                            service_id="urn:uuid:6b1e2f4a-93c7-4d58-a0e2-5c8f17b3d946/print",
                        ),
                    ],
                ),
            ),
        ],
    ),
}


#: The samples of this module, by the body element's ``prefix:LocalName``.
SAMPLES: dict[str, object] = {**_DISCOVERY}
