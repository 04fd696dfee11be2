"""Namespace URIs of every vocabulary DSM messages use, and the prefixes we write them with."""

from __future__ import annotations

from typing import Final

__all__ = [
    "ANONYMOUS",
    "DSC",
    "DSD",
    "DSP",
    "EMLF",
    "FSF",
    "PREFIXES",
    "PSP",
    "SOAP",
    "SPF",
    "SPX",
    "WSA",
    "WSCN",
    "WSD",
    "WSDP",
    "WSE",
    "WSX",
    "WXF",
    "XOP",
    "prefixed",
]

SOAP: Final = "http://www.w3.org/2003/05/soap-envelope"
WSA: Final = "http://schemas.xmlsoap.org/ws/2004/08/addressing"
WSE: Final = "http://schemas.xmlsoap.org/ws/2004/08/eventing"
XOP: Final = "http://www.w3.org/2004/08/xop/include"
DSP: Final = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/processing"
DSD: Final = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/device"
DSC: Final = "http://schemas.microsoft.com/windows/2008/12/wdp/distributedscan/configuration"
WSCN: Final = "http://schemas.microsoft.com/windows/2006/08/wdp/scan"
PSP: Final = "http://schemas.microsoft.com/windows/2008/02/imaging/postscan/psp"
EMLF: Final = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/email"
FSF: Final = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/fileshare"
SPF: Final = "http://schemas.microsoft.com/windows/2007/10/imaging/postscan/filter/sharepoint"
SPX: Final = "http://schemas.microsoft.com/windows/2010/09/imaging/postscan/scanprocess/extensions"
# How a client finds a WS-Scan device: WS-Discovery (April 2005), then a WS-Transfer Get of the
# device's DPWS metadata, in WS-MetadataExchange sections.
WSD: Final = "http://schemas.xmlsoap.org/ws/2005/04/discovery"
WXF: Final = "http://schemas.xmlsoap.org/ws/2004/09/transfer"
WSX: Final = "http://schemas.xmlsoap.org/ws/2004/09/mex"
WSDP: Final = "http://schemas.xmlsoap.org/ws/2006/02/devprof"

#: The WS-Addressing 2004/08 anonymous address: "answer on the back channel of the request".
ANONYMOUS: Final = f"{WSA}/role/anonymous"

#: The conventional prefix of each namespace, as the DSM documentation (and, for discovery and
#: device metadata, Microsoft's WSDAPI documentation) writes them.
PREFIXES: Final[dict[str, str]] = {
    "soap": SOAP,
    "wsa": WSA,
    "wse": WSE,
    "xop": XOP,
    "dsp": DSP,
    "dsd": DSD,
    "dsc": DSC,
    "wscn": WSCN,
    "psp": PSP,
    "emlf": EMLF,
    "fsf": FSF,
    "spf": SPF,
    "spx": SPX,
    "wsd": WSD,
    "wxf": WXF,
    "wsx": WSX,
    "wsdp": WSDP,
}
_PREFIX_OF: Final[dict[str, str]] = {uri: prefix for prefix, uri in PREFIXES.items()}


def prefixed(clark: str) -> str:
    """``{namespace}Local`` written with its conventional prefix, ``prefix:Local``; a name in
    any other namespace is returned unchanged.

    >>> prefixed("{http://www.w3.org/2003/05/soap-envelope}Fault")
    'soap:Fault'
    """
    namespace, _, local = clark[1:].partition("}")
    prefix = _PREFIX_OF.get(namespace)
    return f"{prefix}:{local}" if prefix else clark
